"""Coding a stream of articles into the store, in parallel processes, with one writer.

The parent reads the input lazily, skips ids already stored (so an interrupted ingest resumes where it
stopped), hands batches to worker processes and writes what comes back to the store itself: DuckDB
allows one writer, and one transaction per batch means a kill -9 loses at most the batches in flight
and the one being written.
At most `2 x workers` batches are in flight, so memory stays bounded whatever the corpus size.
Workers code with the parent's settings (time budget, user lexicons, model ...): the Settings object is
handed to each when it starts, not passed through the environment.
"""
from __future__ import annotations

import gc
import multiprocessing
import os
import signal
import sys
from collections import deque
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from contextlib import nullcontext
from typing import Callable, Iterable, Iterator, Optional, Union

from . import nlp
from .lifeline import exit_with_parent
from .model import Article, IngestError
from .pipeline import TimeBudgetExceeded, batches, code_articles
from .progress import IngestProgress
from .settings import Settings, current, install, use

BATCH_SIZE = 16  # articles per task: big enough for nlp.pipe, small enough that workers finish together
# spaCy's working memory grows with the characters parsed in one nlp.pipe call (about +450 MB for
# 100k characters with en_core_web_sm), so a batch also closes at this many characters: a run of
# long articles then keeps a worker under ~700 MB instead of passing 1.5 GB.
MAX_BATCH_CHARS = 40_000
RECYCLE_TASKS = 500  # a worker is replaced after this many batches: spaCy's string store only grows

Outcome = Union[Article, IngestError]
OnError = Callable[[IngestError], None]


def code_batch(batch: list[Article], on_each: Optional[Callable[[], None]] = None) -> list[Outcome]:
    """Code a batch through the pipeline, in order; a document that fails becomes an IngestError.

    The whole batch goes through `code_articles` (one `nlp.pipe` call); only when something raises are
    the remaining documents redone one by one, so one bad document never costs the others.
    """
    out: list[Outcome] = []
    try:
        for art in code_articles(batch):
            out.append(art)
            if on_each:
                on_each()
    except (Exception, TimeBudgetExceeded) as e:  # noqa: BLE001 - isolated below, document by document
        rest = batch[len(out):]
        if isinstance(e, TimeBudgetExceeded):  # the document that ran out of time is not tried again
            out.append(_error(rest[0], str(e)))
            rest = rest[1:]
        for art in rest:
            try:
                out.extend(code_articles([art]))
            except TimeBudgetExceeded as e:
                out.append(_error(art, str(e)))
            except Exception as e:  # noqa: BLE001
                out.append(_error(art, f"coding failed: {type(e).__name__}: {e}"))
            if on_each:
                on_each()
    return out


def code_each(articles: Iterable[Article], on_error: OnError, batch_size: int = BATCH_SIZE) -> Iterator[Article]:
    """Code articles in this process, in order, through code_batch: a document that fails or runs out
    of time goes to `on_error` and the rest carry on."""
    for batch in batches(articles, batch_size):
        for outcome in code_batch(batch):
            if isinstance(outcome, IngestError):
                on_error(outcome)
            else:
                yield outcome


def overflows(batch: list[Article], nxt: Article, max_chars: Optional[int] = None) -> bool:
    """Whether `nxt` would take the batch past `max_chars` (the batch should go first)."""
    limit = max_chars or MAX_BATCH_CHARS
    return bool(batch) and sum(len(a.text or "") for a in batch) + len(nxt.text or "") > limit


def store_batch(store, articles: list[Article], on_error: OnError) -> list[Optional[bool]]:
    """Store coded articles in one transaction (`Store.add_many`); never raises. Per article: True
    stored, False already stored, None refused and reported: a refused record costs only itself."""
    refused = lambda art, why: on_error(_error(art, f"store failed: {why}"))  # noqa: E731
    try:
        return store.add_many(articles, on_error=refused) if articles else []
    except Exception as e:  # noqa: BLE001 - e.g. the disk filled: every article of the batch is reported
        for art in articles:
            refused(art, f"{type(e).__name__}: {e}")
        return [None] * len(articles)


def _error(art: Article, reason: str) -> IngestError:
    return IngestError(art.id or art.source or "?", reason.splitlines()[0][:300] if reason else "failed")


def _stderr_error(e: IngestError) -> None:
    print(f"detente: {e.source}: {e.reason}", file=sys.stderr)


def ingest_local(articles: Iterable[Article], store, workers: int = 1, progress: bool = False,
                 batch_size: Optional[int] = None, on_error: Optional[OnError] = None,
                 stats: Optional[dict] = None, start_method: str = "spawn",
                 settings: Optional[Settings] = None) -> Iterator[tuple[Article, bool]]:
    """Code and store articles, skipping ids already stored; yields (article, stored?).

    `workers` > 1 codes in that many processes (the model loaded once in each); 1 codes in this process.
    Documents that fail are passed to `on_error` (default: one line on stderr) and skipped. `stats`, if
    given, is filled with counts and the peak RSS (MB) each worker reported; a `stats["total"]` set by the
    caller, even later from another thread (progress.count_in_background), gives the progress line its
    percentage and time left. `settings`: those the coding runs with (default: those in force here);
    `batch_size` None: BATCH_SIZE.
    """
    settings = settings or current()
    batch_size = batch_size or BATCH_SIZE
    on_error = on_error or _stderr_error
    stats = stats if stats is not None else {}
    stats.update(coded=0, stored=0, already=0, errors=0, worker_rss_mb={})
    bar = IngestProgress(progress, stats, workers)

    def report(e: IngestError) -> None:
        stats["errors"] += 1
        on_error(e)

    def write(outcomes: list[Outcome]) -> Iterator[tuple[Article, bool]]:
        coded = []
        for o in outcomes:
            if isinstance(o, IngestError):
                report(o)
            else:
                coded.append(o)
        stats["coded"] += len(coded)
        for art, new in zip(coded, store_batch(store, coded, report)):
            if new is not None:
                stats["stored" if new else "already"] += 1
                yield art, new
        bar.settle()

    def fresh() -> Iterator[tuple[bool, list[Article]]]:
        """(True, [article]) for an id already stored, (False, batch) for articles to code."""
        batch: list[Article] = []
        for chunk in batches(articles, batch_size):
            try:
                known = store.known([a.id for a in chunk])
            except Exception as e:  # noqa: BLE001
                for art in chunk:
                    report(_error(art, f"store failed: {type(e).__name__}: {e}"))
                continue
            for art in chunk:
                if art.id in known:
                    stats["already"] += 1
                    yield True, [art]
                    continue
                if overflows(batch, art):
                    yield False, batch
                    batch = []
                batch.append(art)
                if len(batch) >= batch_size:
                    yield False, batch
                    batch = []
        if batch:
            yield False, batch

    # One write connection for the run, not an open and a checkpoint per batch (~3 CPU s in 300
    # articles); the store still gives the file up to a reader that waits for it (docs/store.md).
    # A store that is not detente's (the runner needs only its known and add_many) does not linger.
    linger = getattr(store, "linger", None)
    try:
        with linger() if linger is not None else nullcontext():
            if workers <= 1:
                for known, batch in fresh():
                    if known:
                        yield batch[0], False
                        bar.update()
                        continue
                    with use(settings):  # around the coding only: this generator's consumer may use others
                        outcomes = code_batch(batch, on_each=bar.tick)
                    yield from write(outcomes)
            else:
                pool = _Pool(workers, start_method, stats, settings)
                try:
                    for known, batch in fresh():
                        if known:
                            yield batch[0], False
                            bar.update()
                            continue
                        pool.submit(batch)
                        for outcomes in pool.ready(block=False):
                            yield from write(outcomes)
                    for outcomes in pool.ready(block=True):
                        yield from write(outcomes)
                finally:
                    pool.close()
    finally:
        bar.close()


# --- worker processes -----------------------------------------------------------------------------

_WARM_UP = ("PARIS, March 3 (AFP) - French President Emmanuel Macron met German Chancellor Olaf Scholz in "
            "Berlin on Monday and said France would send aid to Ukraine, officials said.")


# Coding allocates millions of short-lived objects a batch (a parse's tokens, spans, candidates), nearly
# all freed by their reference counts: at Python's default thresholds (700, 10, 10) the collector ran
# ~5 times an article, its runs over the older generations walking everything coding had built so far.
# These make those runs rare; cyclic garbage waits a little longer.
GC_THRESHOLDS = (20_000, 20, 20)


def warm_up(freeze: bool = False) -> None:
    """Load the model and every stage's lexicons and gazetteer now, not inside the first batch.

    Workers call this when they start, so that a worker's first batch costs what the others cost and
    its peak memory is reached before it takes work. `freeze` (for processes detente owns: the CLI's
    coding commands through cli._loading_model, the runner's and Dask's workers, `detente watch`; this
    is the one place that sets their collector, tests/test_collector.py) then moves everything loaded
    out of the cyclic collector's sight: the million objects of the gazetteer and lexicons are never
    garbage, yet each full collection walked them all (~0.45 s a time); and sets the collector's
    thresholds to GC_THRESHOLDS.
    """
    was_on = gc.isenabled()
    try:
        nlp.load()  # before the collector is paused: spaCy's loading turns it back on (srsly's msgpack reader)
        gc.disable()
        list(code_articles([Article(id="warm-up", text=_WARM_UP, published="2023-03-06")]))
    except Exception:  # noqa: BLE001 - a stage that fails here fails (and is reported) per document later
        pass
    finally:
        if freeze:
            gc.freeze()
            gc.set_threshold(*GC_THRESHOLDS)
        if was_on:
            gc.enable()


def _init_worker(settings: Settings) -> None:
    # Ctrl-C goes to the parent, which shuts the pool down
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    install(settings)  # before the warm-up: it loads the model and lexicons the settings name
    exit_with_parent(os.getppid())  # no worker outlives the ingest
    warm_up(freeze=True)


def _work(batch: list[Article]) -> tuple[list[Outcome], int, float]:
    import resource

    out = code_batch(batch)
    return out, os.getpid(), resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


class _Pool:
    """A process pool with a bounded, ordered window of batches in flight.

    If a worker dies (segfault, OOM kill), the pool is rebuilt and the batches it had are retried one
    document at a time, so the document that kills a worker is reported and skipped.
    """

    def __init__(self, workers: int, start_method: str, stats: dict, settings: Settings):
        self.workers, self.start_method, self.stats, self.settings = workers, start_method, stats, settings
        self.window: deque[tuple[list[Article], Future]] = deque()
        self.limit = 2 * workers
        self.ex = self._executor()

    def _executor(self) -> ProcessPoolExecutor:
        ctx = multiprocessing.get_context(self.start_method)
        kw = {"max_tasks_per_child": RECYCLE_TASKS} if self.start_method != "fork" else {}
        return ProcessPoolExecutor(self.workers, mp_context=ctx, initializer=_init_worker,
                                   initargs=(self.settings,), **kw)

    def submit(self, batch: list[Article]) -> None:
        self.window.append((batch, self._send(batch)))

    def _send(self, batch: list[Article]) -> Future:
        try:
            return self.ex.submit(_work, batch)
        except BrokenProcessPool:
            self._rebuild()
            return self.ex.submit(_work, batch)

    def ready(self, block: bool) -> Iterator[list[Outcome]]:
        """Results in input order: those already done, or (block) all; keeps the window bounded."""
        while self.window and (block or self.window[0][1].done() or len(self.window) > self.limit):
            batch, fut = self.window.popleft()
            yield self._result(batch, fut)

    def _result(self, batch: list[Article], fut: Future) -> list[Outcome]:
        try:
            out, pid, rss = fut.result()
        except BrokenProcessPool:
            return self._retry_singly(batch)
        except Exception as e:  # noqa: BLE001 - e.g. a record that would not pickle
            return [_error(a, f"worker failed: {type(e).__name__}: {e}") for a in batch]
        rss_by_pid = self.stats["worker_rss_mb"]
        rss_by_pid[pid] = max(rss, rss_by_pid.get(pid, 0.0))
        return out

    def _retry_singly(self, batch: list[Article]) -> list[Outcome]:
        self._rebuild()
        out: list[Outcome] = []
        for art in batch:
            try:
                out.extend(self.ex.submit(_work, [art]).result()[0])
            except BrokenProcessPool:
                out.append(_error(art, "worker process died while coding this document"))
                self._rebuild()
            except Exception as e:  # noqa: BLE001
                out.append(_error(art, f"worker failed: {type(e).__name__}: {e}"))
        return out

    def _rebuild(self) -> None:
        self.ex.shutdown(wait=False, cancel_futures=True)
        self.ex = self._executor()
        # batches still queued in the broken pool are resubmitted to the new one
        self.window = deque((b, self.ex.submit(_work, b)) for b, f in self.window)

    def close(self) -> None:
        self.ex.shutdown(wait=True, cancel_futures=True)
