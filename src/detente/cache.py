"""One on-disk cache for data that is slow to build and the same for every process: the gazetteer,
PETRARCH's verb dictionary, the Phoenix actor dictionaries.

    disk_cached(name, key_parts, build, valid=lambda data: True) -> data

The cache lives in the cache_dir setting (DETENTE_CACHE_DIR, default ~/.cache/detente; "" or "off" for none). A file is named
`{name}-{hash of key_parts}.pickle`, so a change to the sources (pass their bytes, or file_key: a
digest of their content) makes a new one; older files of the same name are removed. Writes are atomic
(parallel workers never read half a file) and a cache that cannot be written (a read-only home) or
read (another Python) is no error: the data is built instead.
"""
from __future__ import annotations

import gc
import hashlib
import os
import pickle
from pathlib import Path
from typing import Any, Callable, Iterable, Optional, Union

from .settings import current

_UNREADABLE = (OSError, pickle.UnpicklingError, EOFError, AttributeError, ImportError, TypeError, ValueError)


def cache_dir() -> Optional[Path]:
    folder = current().cache_dir
    return None if folder is None else folder.expanduser()


def file_key(path: Union[str, Path]) -> str:
    """A key part that changes when the file's content does: its SHA-1 (a few milliseconds a MB).
    Not its path or mtime: two checkouts or installs of the same data would each make their own cache
    file under one name and remove the other's at every run, so every process built the data anew."""
    return hashlib.sha1(Path(path).read_bytes()).hexdigest()


def disk_cached(name: str, key_parts: Iterable[Union[str, bytes]], build: Callable[[], Any],
                valid: Callable[[Any], bool] = lambda data: True, folder: Union[Path, None, str] = "env") -> Any:
    """The data built by `build`, read from the cache when one was made from the same key parts.
    folder: where the cache lives ("env": the cache_dir setting, DETENTE_CACHE_DIR; None: no cache)."""
    folder = cache_dir() if folder == "env" else folder
    if folder is None:
        return build()
    h = hashlib.sha1()
    for part in key_parts:
        h.update(part if isinstance(part, bytes) else str(part).encode())
        h.update(b"\0")
    path = folder / f"{name}-{h.hexdigest()[:16]}.pickle"
    try:
        data = _load(path)
        if valid(data):
            return data
    except _UNREADABLE:
        pass  # no cache yet, or one we cannot read: build anew
    data = build()
    try:
        folder.mkdir(parents=True, exist_ok=True)
        tmp = path.with_suffix(f".{os.getpid()}.tmp")
        with open(tmp, "wb") as fh:
            pickle.dump(data, fh, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(tmp, path)
        for old in folder.glob(f"{name}-*.pickle"):
            if old != path:  # built from older sources
                old.unlink(missing_ok=True)
    except OSError:
        pass
    return data


def _load(path: Path) -> Any:
    # hundreds of thousands of small objects: with the cyclic collector running it scans them again
    # and again while they load (the gazetteer: 1.0 s); paused, 0.4 s. None of them is garbage.
    was_on = gc.isenabled()
    gc.disable()
    try:
        with open(path, "rb") as fh:
            return pickle.load(fh)
    finally:
        if was_on:
            gc.enable()
