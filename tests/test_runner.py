"""The parallel runner: same records in 1 and 2 processes, bad documents skipped, kill -9 and resume."""
from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap

import pytest

from detente import runner
from detente.model import Article
from support.memory_store import MemStore
from support.uncoded_articles import TEXTS, uncoded_articles


@pytest.fixture(scope="module")
def one_process():
    store = MemStore()
    out = list(runner.ingest_local(uncoded_articles(), store, workers=1, batch_size=3))
    return store, out


def test_in_process_stores_everything_and_resumes(one_process):
    store, out = one_process
    assert [a.id for a, new in out] == [f"t{k}" for k in range(len(TEXTS))]
    assert all(new for _, new in out)
    assert set(store.records) == {a.id for a in uncoded_articles()}
    stats = {}
    again = list(runner.ingest_local(uncoded_articles(), store, workers=1, stats=stats))
    assert [new for _, new in again] == [False] * len(TEXTS)
    assert stats["coded"] == 0 and stats["already"] == len(TEXTS)


def test_a_failing_document_is_reported_and_skipped(monkeypatch):
    real = runner.code_articles

    def flaky(batch):
        for art in batch:
            if art.id == "t2":
                raise ValueError("boom\nsecond line")
        return real(batch)

    monkeypatch.setattr(runner, "code_articles", flaky)
    errors, stats = [], {}
    out = list(runner.ingest_local(uncoded_articles(5), MemStore(), workers=1, batch_size=4, on_error=errors.append,
                                   stats=stats))
    assert [a.id for a, _ in out] == ["t0", "t1", "t3", "t4"]
    assert [(e.source, e.reason) for e in errors] == [("t2", "coding failed: ValueError: boom")]
    assert stats["errors"] == 1 and stats["stored"] == 4


def test_a_document_over_the_time_budget_is_one_error_and_the_batch_goes_on(monkeypatch):
    """A runaway document (here: events coding that would take a minute, inside the stage's own
    `except Exception` guard) becomes one error line; the others of its batch are coded."""
    import time

    import detente.events as events_stage

    real = events_stage.code

    def runaway(article, *rest):
        if article.id == "t1":
            time.sleep(60)
        return real(article, *rest)

    monkeypatch.setattr(events_stage, "code", runaway)
    monkeypatch.setenv("DETENTE_TIME_BUDGET", "1")
    errors = []
    started = time.monotonic()
    out = list(runner.ingest_local(uncoded_articles(3), MemStore(), workers=1, batch_size=3, on_error=errors.append))
    assert time.monotonic() - started < 50
    assert [a.id for a, _ in out] == ["t0", "t2"] and all(a.actors for a, _ in out)
    assert [e.source for e in errors] == ["t1"] and "time budget" in errors[0].reason
    assert "\n" not in errors[0].reason


def test_a_store_failure_skips_one_document():
    class Refuses(MemStore):
        def add(self, art):
            if art.id == "t1":
                raise RuntimeError("disk full")
            return super().add(art)

    errors = []
    out = list(runner.ingest_local(uncoded_articles(3), Refuses(), workers=1, on_error=errors.append))
    assert [a.id for a, _ in out] == ["t0", "t2"]
    assert errors[0].source == "t1" and "disk full" in errors[0].reason


@pytest.mark.slow
def test_two_processes_give_the_same_records(one_process):
    reference, _ = one_process
    bad = Article(id="bad", text=None)  # the workers' nlp cannot parse None: one error, not a dead batch
    arts = uncoded_articles()
    arts.insert(3, bad)
    store, errors, stats = MemStore(), [], {}
    out = list(runner.ingest_local(arts, store, workers=2, batch_size=2, on_error=errors.append, stats=stats))
    assert [a.id for a, _ in out] == [a.id for a in uncoded_articles()]  # input order kept
    assert store.records == reference.records
    assert [e.source for e in errors] == ["bad"]
    assert 1 <= len(stats["worker_rss_mb"]) <= 2 and all(v > 50 for v in stats["worker_rss_mb"].values())


SLOW_INGEST = textwrap.dedent("""
    import sys, time
    sys.path.insert(0, {tests!r})
    from support.uncoded_articles import uncoded_articles
    from detente.runner import ingest_local
    from detente.store import Store

    def slowly():
        for art in uncoded_articles(12):
            time.sleep(0.4)  # a slow feed, so the kill lands mid-corpus
            yield art

    if __name__ == "__main__":
        with Store({path!r}) as store:
            for art, new in ingest_local(slowly(), store, workers=2, batch_size=2):
                print("stored", art.id, flush=True)
""")


def test_workers_exit_when_their_parent_is_killed(tmp_path):
    """kill -9 of the parent alone (not its process group): its workers and multiprocessing's resource
    tracker must not live on (they would hold ~400 MB each, blocked on a dead pipe)."""
    psutil = pytest.importorskip("psutil")
    import time

    script = tmp_path / "slow_ingest.py"
    script.write_text(SLOW_INGEST.format(tests=os.path.dirname(__file__), path=str(tmp_path / "s.duckdb")))
    proc = subprocess.Popen([sys.executable, str(script)], stdout=subprocess.PIPE, text=True,
                            start_new_session=True)
    children = []

    def lives(p) -> bool:
        try:
            return p.is_running() and p.status() != psutil.STATUS_ZOMBIE
        except psutil.Error:
            return False

    try:
        assert proc.stdout.readline().startswith("stored"), "the ingest stored nothing"
        children = psutil.Process(proc.pid).children(recursive=True)
        assert len(children) >= 2  # the two workers (and the resource tracker)
        proc.kill()
        proc.wait()
        deadline = time.monotonic() + 15  # workers look every second; this machine may be loaded
        while any(lives(c) for c in children) and time.monotonic() < deadline:
            time.sleep(0.25)
        assert not [c.pid for c in children if lives(c)]
    finally:
        if proc.poll() is None:
            os.killpg(proc.pid, signal.SIGKILL)
        for c in children:  # what the check found alive: not left behind by the test
            if lives(c):
                c.kill()


@pytest.mark.slow
def test_kill_9_and_resume_ends_with_the_same_counts(tmp_path):
    store_mod = pytest.importorskip("detente.store")
    killed, whole = str(tmp_path / "killed.duckdb"), str(tmp_path / "whole.duckdb")
    script = tmp_path / "slow_ingest.py"
    script.write_text(SLOW_INGEST.format(tests=os.path.dirname(__file__), path=killed))
    proc = subprocess.Popen([sys.executable, str(script)], stdout=subprocess.PIPE, text=True,
                            start_new_session=True)
    try:
        seen = []
        for line in proc.stdout:
            seen.append(line.split()[1])
            if len(seen) == 3:
                break
    finally:
        os.killpg(proc.pid, signal.SIGKILL)  # the runner and its worker processes, as kill -9 of a job does
        proc.wait()
    assert len(seen) == 3, "the ingest died before storing anything"

    with store_mod.Store(killed) as store:
        partial = store.stats()["articles"]
        assert 3 <= partial < 12
        out = list(runner.ingest_local(uncoded_articles(12), store, workers=1))
        assert sum(not new for _, new in out) == partial
        resumed = store.stats()
    with store_mod.Store(whole) as store:
        list(runner.ingest_local(uncoded_articles(12), store, workers=1))
        expected = store.stats()
    keys = ("articles", "events", "actors", "quotes", "places")
    assert {k: resumed[k] for k in keys} == {k: expected[k] for k in keys}
    assert resumed["articles"] == 12


def test_batches_close_by_count_and_by_characters(monkeypatch):
    seen = []

    def record(batch, on_each=None):
        seen.append([a.id for a in batch])
        return list(batch)

    monkeypatch.setattr(runner, "code_batch", record)
    monkeypatch.setattr(runner, "MAX_BATCH_CHARS", 100)
    arts = [Article(id=f"s{k}", text="x" * 30) for k in range(5)] + [Article(id="long", text="y" * 500)]
    arts += [Article(id="after", text="z")]
    list(runner.ingest_local(arts, MemStore(), workers=1, batch_size=2))
    assert seen == [["s0", "s1"], ["s2", "s3"], ["s4"], ["long"], ["after"]]
