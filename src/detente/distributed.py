"""Coding on a Dask cluster: the same batches as the local runner, written as Parquet partitions.

The client reads the input lazily and submits batches to the workers (a worker plugin loads the spaCy
model once per worker); each worker codes a batch with `runner.code_batch`, the very function the
local runner uses, and returns one row per article with the full JSON record. The client writes the
rows to `OUT/part-NNNNNN.parquet` (atomically: written under a temporary name, then renamed), so the
output directory needs no shared file system and a re-run skips every id already written. The client's
settings (settings.py: time budget, user lexicons, model ...) travel with the plugin and each batch.

    OUT/part-*.parquet   id, title, source, published, n_events, n_quotes, n_actors, record (JSON)

`load_parquet(OUT, store)` puts the records into the store; DuckDB can also query them in place.
Dask is an optional dependency: `pip install detente[dask]`.
"""
from __future__ import annotations

import glob
import json
import os
import sys
from collections import deque
from typing import Callable, Iterable, Iterator, Optional

from .model import Article, IngestError
from .settings import Settings, current, install, use

ROWS_PER_FILE = 2000
COLUMNS = ["id", "title", "source", "published", "n_events", "n_quotes", "n_actors", "record"]


def _plugin_class():
    from distributed.diagnostics.plugin import WorkerPlugin

    class ModelPlugin(WorkerPlugin):
        """Loads the spaCy pipeline and the coders' tables once when a worker starts, not in a task,
        with the client's settings put in force on the worker."""
        name = "detente-model"

        def __init__(self, settings: Settings):
            self.settings = settings

        def setup(self, worker):
            from .runner import warm_up

            install(self.settings)
            warm_up(freeze=True)  # a worker process codes and nothing else: freeze and set its collector

    return ModelPlugin


def connect(address: str, settings: Optional[Settings] = None):
    """A dask Client for `address` ("tcp://host:8786", or "local:N" for a LocalCluster of N processes),
    whose workers load the model and lexicons of `settings` (default: those in force here).

    Returns (client, cluster); cluster is None for a remote scheduler. Close both when done.
    """
    from distributed import Client, LocalCluster

    cluster = None
    if address.startswith("local"):
        n = int(address.partition(":")[2] or os.cpu_count() or 1)
        # one thread per process: spaCy holds the GIL, so threads would only contend
        cluster = LocalCluster(n_workers=n, threads_per_worker=1, processes=True, dashboard_address=None)
        client = Client(cluster)
    else:
        client = Client(address)
    client.register_plugin(_plugin_class()(settings or current()))
    return client, cluster


def code_rows(batch: list[Article], settings: Optional[Settings] = None
              ) -> tuple[list[dict], list[tuple[str, str]]]:
    """Runs on a worker: code a batch (with `settings`, default those in force on the worker) and turn it
    into Parquet rows (and (id, reason) errors)."""
    from .runner import code_batch

    with use(settings or current()):
        outcomes = code_batch(batch)
    rows, errors = [], []
    for o in outcomes:
        if isinstance(o, IngestError):
            errors.append((o.source, o.reason))
        else:
            rows.append(to_row(o))
    return rows, errors


def to_row(art: Article) -> dict:
    return {"id": art.id, "title": art.title, "source": art.source, "published": art.published,
            "n_events": len(art.events), "n_quotes": len(art.quotes), "n_actors": len(art.actors),
            "record": json.dumps(art.to_dict(), ensure_ascii=False)}


def written_ids(out_dir: str) -> set[str]:
    """Ids already in the partitions of `out_dir` (read from the id column only)."""
    import pyarrow.parquet as pq

    ids: set[str] = set()
    for path in sorted(glob.glob(os.path.join(out_dir, "part-*.parquet"))):
        try:
            ids.update(pq.read_table(path, columns=["id"]).column("id").to_pylist())
        except Exception as e:  # noqa: BLE001 - a damaged partition is recoded, not fatal
            print(f"detente: {path}: unreadable partition ignored ({e})", file=sys.stderr)
    return ids


class _Writer:
    def __init__(self, out_dir: str, rows_per_file: int):
        os.makedirs(out_dir, exist_ok=True)
        self.out_dir, self.rows_per_file, self.rows = out_dir, rows_per_file, []
        taken = [int(os.path.basename(p)[5:11]) for p in glob.glob(os.path.join(out_dir, "part-*.parquet"))
                 if os.path.basename(p)[5:11].isdigit()]
        self.seq = max(taken, default=-1) + 1

    def add(self, rows: list[dict]) -> None:
        self.rows.extend(rows)
        if len(self.rows) >= self.rows_per_file:
            self.flush()

    def flush(self) -> None:
        if not self.rows:
            return
        import pyarrow as pa
        import pyarrow.parquet as pq

        table = pa.Table.from_pylist(self.rows, schema=_schema())
        path = os.path.join(self.out_dir, f"part-{self.seq:06d}.parquet")
        pq.write_table(table, path + ".tmp", compression="zstd")
        os.replace(path + ".tmp", path)  # a kill leaves a .tmp, never half a partition
        self.seq += 1
        self.rows = []


def _schema():
    import pyarrow as pa

    s, i = pa.string(), pa.int32()
    return pa.schema([("id", s), ("title", s), ("source", s), ("published", s), ("n_events", i),
                      ("n_quotes", i), ("n_actors", i), ("record", pa.large_string())])


def ingest_dask(articles: Iterable[Article], out_dir: str, client, batch_size: Optional[int] = None,
                rows_per_file: int = ROWS_PER_FILE, on_error: Optional[Callable[[IngestError], None]] = None,
                stats: Optional[dict] = None, settings: Optional[Settings] = None) -> Iterator[tuple[str, bool]]:
    """Code articles on the cluster behind `client` into Parquet under `out_dir`; yields (id, written?).

    Ids already in `out_dir` are skipped (written? False). At most 2 batches per worker thread are in
    flight, so the client's memory stays bounded. Each batch is coded with `settings` (default: those
    in force here).
    """
    from .runner import BATCH_SIZE, overflows

    batch_size = batch_size or BATCH_SIZE
    settings = settings or current()
    on_error = on_error or (lambda e: print(f"detente: {e.source}: {e.reason}", file=sys.stderr))
    stats = stats if stats is not None else {}
    stats.update(coded=0, stored=0, already=0, errors=0)
    done_ids = written_ids(out_dir)
    writer = _Writer(out_dir, rows_per_file)
    limit = 2 * max(1, sum(client.nthreads().values()))
    window: deque = deque()

    def collect(block: bool) -> Iterator[tuple[str, bool]]:
        while window and (block or window[0][1].done() or len(window) > limit):
            batch, fut = window.popleft()
            try:
                rows, errors = fut.result()
            except Exception as e:  # noqa: BLE001 - a lost worker or a task error fails this batch only
                rows, errors = [], [(a.id, f"worker failed: {type(e).__name__}: {e}") for a in batch]
            writer.add(rows)
            for source, reason in errors:
                stats["errors"] += 1
                on_error(IngestError(source, reason))
            for r in rows:
                stats["coded"] += 1
                stats["stored"] += 1
                done_ids.add(r["id"])
                yield r["id"], True

    try:
        batch: list[Article] = []
        for art in articles:
            if art.id in done_ids:
                stats["already"] += 1
                yield art.id, False
                continue
            if overflows(batch, art):
                window.append((batch, client.submit(code_rows, batch, settings, pure=False)))
                batch = []
            batch.append(art)
            if len(batch) >= batch_size:
                window.append((batch, client.submit(code_rows, batch, settings, pure=False)))
                batch = []
            yield from collect(block=False)
        if batch:
            window.append((batch, client.submit(code_rows, batch, settings, pure=False)))
        yield from collect(block=True)
    finally:
        writer.flush()


def read_records(out_dir: str) -> Iterator[Article]:
    """The coded articles in `out_dir`'s partitions, streamed batch by batch."""
    import pyarrow.parquet as pq

    for path in sorted(glob.glob(os.path.join(out_dir, "part-*.parquet"))):
        try:
            batches = pq.ParquetFile(path).iter_batches(batch_size=256, columns=["record"])
            for rb in batches:
                for rec in rb.column(0).to_pylist():
                    yield Article.from_dict(json.loads(rec))
        except Exception as e:  # noqa: BLE001 - one damaged partition must not stop the load
            print(f"detente: {path}: unreadable partition skipped ({type(e).__name__}: {e})", file=sys.stderr)


def load_parquet(out_dir: str, store, on_error: Optional[Callable[[IngestError], None]] = None
                 ) -> Iterator[tuple[Article, bool]]:
    """Load partitions written by `ingest_dask` into the store; yields (article, stored?)."""
    on_error = on_error or (lambda e: print(f"detente: {e.source}: {e.reason}", file=sys.stderr))
    from .pipeline import batches
    from .runner import store_batch

    for chunk in batches(read_records(out_dir), 64):
        yield from ((art, new) for art, new in zip(chunk, store_batch(store, chunk, on_error)) if new is not None)
