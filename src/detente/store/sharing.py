"""Sharing one store file between processes (docs/store.md, "Sharing a store").

DuckDB lets one process write a file, or several read it, not both. So a Store opens the file for one
operation and closes it; an opener that finds the other side there waits (`connect`) and, while it
waits, leaves a mark next to the file (`PATH.wait`). A writer that lingers (`Lingering`: an ingest,
keeping its write connection from one batch to the next instead of paying an open and a checkpoint for
each) gives the file up as soon as it sees that mark, or when it has not written for a while.
"""
from __future__ import annotations

import os
import random
import re
import threading
import time
from typing import Callable

import duckdb

from .errors import StoreError

# An opener that finds the other side there retries with a growing, jittered pause for this long
# before it gives up with one line.
LOCK_WAIT = 30.0
_FIRST_PAUSE, _MAX_PAUSE = 0.005, 0.1
# A lingering writer looks for the mark this often (a stat call), so a waiter gets in within about
# this much after the write in progress, if any, ends ...
WATCH_EVERY = 0.05
# ... and gives the file up after this long without a write, for openers that cannot leave a mark
# (a folder they cannot write to): they then wait at most this long, not for the whole ingest.
LINGER_IDLE = 5.0


def wait_mark(path: str) -> str:
    return f"{path}.wait"


def _ask(path: str) -> None:
    """Leave the mark that asks a lingering writer to give the file up (no error if it cannot be left)."""
    try:
        with open(wait_mark(path), "a"):
            pass
    except OSError:
        pass


def clear_mark(path: str) -> None:
    try:
        os.unlink(wait_mark(path))
    except OSError:
        pass


def connect(path: str, read_only: bool, wait: float) -> duckdb.DuckDBPyConnection:
    """The file opened, waiting up to `wait` seconds for whoever holds it; StoreError after that."""
    deadline = time.monotonic() + wait
    pause = _FIRST_PAUSE
    asked = False
    while True:
        try:
            con = duckdb.connect(path, read_only=read_only)
        except duckdb.Error as e:
            first = str(e).splitlines()[0]
            if "different configuration" in first and read_only:
                # This process holds the file read-write (another Store here): read through that.
                return duckdb.connect(path, read_only=False)
            if "lock" not in first.lower() and "different configuration" not in first:
                raise StoreError(f"{path}: cannot open the store ({first})") from None
            if time.monotonic() >= deadline:
                holder = re.search(r"PID (\d+)", first)
                who = f"process {holder.group(1)}" if holder else "another process"
                raise StoreError(f"{path}: the store is in use by {who}; try again when it is done") from None
            _ask(path)  # again each time: the holder may have cleared it and taken the file once more
            asked = True
            time.sleep(pause * random.uniform(0.5, 1.5))
            pause = min(pause * 2, _MAX_PAUSE)
            continue
        if asked:
            clear_mark(path)  # others still waiting leave it again at their next try
        return con


class Lingering:
    """A thread that closes a Store's lingering write connection when another process asks for the
    file (the mark) or when no write came for LINGER_IDLE seconds.

    `release` is called with the store's lock held only: it must close the connection if it is the
    lingering one (not one in use by an operation or a hold, which the lock keeps from here)."""

    def __init__(self, path: str, lock: threading.RLock, release: Callable[[], None]):
        self.path, self.lock, self.release = path, lock, release
        self.last_use = time.monotonic()
        self.stop = threading.Event()
        self.thread = threading.Thread(target=self._watch, name="detente-store-linger", daemon=True)
        self.thread.start()

    def used(self) -> None:
        self.last_use = time.monotonic()

    def _watch(self) -> None:
        mark = wait_mark(self.path)
        while not self.stop.wait(WATCH_EVERY):
            asked = os.path.exists(mark)
            if not (asked or time.monotonic() - self.last_use > LINGER_IDLE):
                continue
            if self.lock.acquire(blocking=False):  # not while an operation runs: next time round
                try:
                    self.release()
                finally:
                    self.lock.release()

    def close(self) -> None:
        self.stop.set()
        if self.thread is not threading.current_thread():
            self.thread.join()
