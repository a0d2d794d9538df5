"""One store for all: the dashboard, CLI queries and an ingest work on the same DuckDB file at once.

Readers open the file read-only per query, the writer per batch (docs/store.md, "Sharing a store"), so
none of them waits for another to finish its whole run.
"""
from __future__ import annotations

import errno
import json
import os
import subprocess
import sys
import threading
import time

import pytest

from detente.store import Store, StoreError
from support.coded_articles import article, seed_like
from support.servers import detente_serve_process, http_get_json

DETENTE = [sys.executable, "-m", "detente"]
ENV = {**os.environ, "PYTHONUNBUFFERED": "1"}
COUNTS = ("articles", "events", "clusters", "actors", "quotes", "places")

# Generated wire copy: every article a different pair, verb, place and day, so the store gets events,
# actors, quotes and places (and dedup clusters) to count.
PAIRS = [("France", "Italy"), ("India", "Pakistan"), ("Egypt", "Sudan"), ("Russia", "Ukraine"), ("Japan", "China")]
ACTS = [("met", "to discuss trade"), ("accused", "of violating the ceasefire"), ("signed an agreement with", "on water"),
        ("criticised", "over the border clashes")]
TOWNS = ["Rome", "Kabul", "Cairo", "Geneva", "Tokyo"]


N_DOCS, BATCH = 12, 2


def story(i: int) -> str:
    (a, b), (verb, rest), town = PAIRS[i % 5], ACTS[(i // 5) % 4], TOWNS[(i * 3) % 5]
    day = 1 + i % 27
    return (f"Story {i}\n\n{town.upper()}, {day} May 2024 - The government of {a} {verb} {b} {rest} on {day} May, "
            f"officials said in {town}.\n\n\"We will not accept this,\" the foreign minister of {b} said. "
            f"Story number {i}.\n")


def _ingest_args(paths, store_path) -> list[str]:
    return DETENTE + ["ingest", *map(str, paths), "--store", str(store_path), "--workers", "1",
                      "--batch-size", str(BATCH), "--quiet"]


def _stats(store_path) -> dict:
    r = subprocess.run(DETENTE + ["stats", "--store", str(store_path), "--format", "json"], capture_output=True,
                       text=True, env=ENV, timeout=300)
    assert r.returncode == 0 and "Traceback" not in r.stderr, r.stderr
    return json.loads(r.stdout)


def _opened_by(fifo, ingest: subprocess.Popen) -> int:
    """A write end of `fifo` once the ingest has opened it to read (so it is done with every document
    before it: a batch is stored before the next document is read); fails if the ingest ends first."""
    deadline = time.monotonic() + 300
    while True:
        try:
            fd = os.open(fifo, os.O_WRONLY | os.O_NONBLOCK)  # ENXIO until a reader has it open
        except OSError as e:
            if e.errno != errno.ENXIO:
                raise
        else:
            os.set_blocking(fd, True)
            return fd
        if ingest.poll() is not None:
            pytest.fail(f"the ingest ended before reading {fifo}: {ingest.communicate()[1]}")
        assert time.monotonic() < deadline, f"the ingest never opened {fifo}"
        time.sleep(0.02)


@pytest.mark.slow
@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs named pipes (POSIX)")
def test_serve_ingest_and_stats_share_one_store(tmp_path):
    """The ingest reads its documents from named pipes that the test fills one at a time: each time the
    ingest waits for the next one, the store must show exactly the batches written so far, to the
    dashboard and to `detente stats` alike; meanwhile a thread reads the dashboard over and over."""
    (tmp_path / "solo").mkdir()
    (tmp_path / "fifo").mkdir()
    files, fifos = [], []
    for i in range(N_DOCS):
        files.append(tmp_path / "solo" / f"story{i:02d}.txt")
        files[-1].write_text(story(i), encoding="utf-8")
        fifos.append(tmp_path / "fifo" / f"story{i:02d}.txt")
        os.mkfifo(fifos[-1])
    solo = subprocess.run(_ingest_args(files, tmp_path / "solo.duckdb"), capture_output=True, text=True, env=ENV,
                          timeout=600)
    assert solo.returncode == 0, solo.stderr
    expected = _stats(tmp_path / "solo.duckdb")
    assert expected["articles"] == N_DOCS and expected["events"] > 0 and expected["places"] > 0

    shared = tmp_path / "shared.duckdb"
    with detente_serve_process(shared) as (base, _):
        # The dashboard's reads run in a thread, the CLI's in this one, while the ingest writes.
        api_seen, api_failures, done = [], [], threading.Event()

        def dashboard():
            while not done.is_set():
                try:
                    for path in ("/api/stats", "/api/events?limit=5", "/api/articles?limit=5"):
                        status, body = http_get_json(base + path)
                        if status != 200:
                            api_failures.append(f"{path}: {status} {body}")
                        elif path == "/api/stats":
                            api_seen.append(body["articles"])
                except Exception as e:  # noqa: BLE001 - every failure is reported by the assertion below
                    api_failures.append(repr(e))
                time.sleep(0.05)  # pacing only: the steps below do not depend on it

        reader = threading.Thread(target=dashboard, daemon=True)
        reader.start()
        ingest = subprocess.Popen(_ingest_args(fifos, shared), stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                                  text=True, env=ENV)
        steps = []
        try:
            for i, fifo in enumerate(fifos):
                fd = _opened_by(fifo, ingest)  # the ingest waits for document i, the batches before it stored
                if i % BATCH == 0:
                    cli = _stats(shared)
                    status, api = http_get_json(base + "/api/stats")
                    assert status == 200, api
                    assert cli["articles"] == api["articles"] == i, (i, cli, api)
                    assert {k: api[k] for k in COUNTS} == {k: cli[k] for k in COUNTS}
                    steps.append({k: cli[k] for k in COUNTS})
                with os.fdopen(fd, "w", encoding="utf-8") as f:
                    f.write(story(i))
            _, err = ingest.communicate(timeout=300)
        finally:
            if ingest.poll() is None:
                ingest.kill()
                ingest.communicate()
            done.set()
            reader.join(timeout=60)
        assert ingest.returncode == 0, err
        assert "Traceback" not in err
        assert not api_failures, api_failures
        # every count grows batch by batch, the dashboard in the thread saw whole batches only, in order
        assert all(steps[j][k] <= steps[j + 1][k] for j in range(len(steps) - 1) for k in COUNTS), steps
        assert api_seen and api_seen == sorted(api_seen), api_seen
        assert all(0 <= n <= N_DOCS and n % BATCH == 0 for n in api_seen), api_seen

        final = _stats(shared)
        assert {k: final[k] for k in COUNTS} == {k: expected[k] for k in COUNTS}
        assert final["top_dyads"] == expected["top_dyads"]
        status, api = http_get_json(base + "/api/stats")
        assert status == 200 and {k: api[k] for k in COUNTS} == {k: expected[k] for k in COUNTS}


def test_store_closes_the_file_between_operations(tmp_path):
    """While one Store object stays open, another process can write and read the file."""
    path = str(tmp_path / "s.duckdb")
    with Store(path) as s, Store(path, read_only=True) as r:
        s.add(seed_like())
        script = (f"from detente.store import Store\nfrom support.coded_articles import article\n"
                  f"with Store({path!r}) as w:\n    assert w.add(article('other', 'Pakistan met India.'))\n")
        child = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=300,
                               env={**ENV, "PYTHONPATH": os.pathsep.join([os.path.dirname(__file__),
                                                                          ENV.get("PYTHONPATH", "")])})
        assert child.returncode == 0, child.stderr
        assert r.stats()["articles"] == s.stats()["articles"] == 2
        assert r.get("other") is not None


def test_a_held_store_makes_others_wait_then_go(tmp_path):
    """A writer holding the file delays another process's reader (retrying), which then succeeds."""
    path = str(tmp_path / "s.duckdb")
    with Store(path) as s:
        s.add(seed_like())
    script = (f"import time\nfrom detente.store import Store\nprint('opening', flush=True)\nt = time.monotonic()\n"
              f"with Store({path!r}, read_only=True) as r:\n    n = r.stats()['articles']\n"
              f"print(n, round(time.monotonic() - t, 2))\n")
    with Store(path) as s:
        with s.hold(write=True):
            child = subprocess.Popen([sys.executable, "-c", script], stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                                     text=True, env=ENV)
            assert child.stdout.readline().strip() == "opening"
            time.sleep(1.0)  # the child finds the file locked and retries
            assert child.poll() is None
        out, err = child.communicate(timeout=300)
    assert child.returncode == 0, err
    n, waited = out.split()
    assert n == "1" and float(waited) >= 0.9


def test_giving_up_is_one_line(tmp_path):
    path = str(tmp_path / "s.duckdb")
    Store(path).close()
    script = (f"from detente.store import Store\nStore({path!r}, read_only=True, wait=0.5).stats()\n")
    with Store(path) as s, s.hold(write=True):
        child = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, env=ENV, timeout=300)
    assert child.returncode == 1
    assert "StoreError" in child.stderr and "in use by process" in child.stderr


def test_hold_for_reading_refuses_a_write(tmp_path):
    with Store(str(tmp_path / "s.duckdb")) as s:
        with s.hold():
            with pytest.raises(StoreError, match="held for reading"):
                s.add(article("x", "Pakistan met India."))
        assert s.add(article("x", "Pakistan met India."))
        with s.hold(write=True):
            assert s.has("x") and s.stats()["articles"] == 1


def test_memory_store_stays_open():
    with Store(":memory:") as s:
        assert s.add(seed_like())
        assert s.stats()["articles"] == 1


def _child_reads(path: str, wait: float) -> subprocess.CompletedProcess:
    """A reader in another process: prints the article count and how long opening the store took."""
    script = (f"import time\nfrom detente.store import Store\nt = time.monotonic()\n"
              f"n = Store({path!r}, read_only=True, wait={wait}).stats()['articles']\n"
              f"print(n, round(time.monotonic() - t, 2))\n")
    return subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, env=ENV, timeout=300)


def test_a_lingering_writer_keeps_the_file_until_a_reader_asks(tmp_path, monkeypatch):
    """linger() (what an ingest does) keeps the write connection between writes, and gives it up to a
    process that waits for the file: the reader gets in long before the writer's idle limit."""
    from detente.store import sharing

    monkeypatch.setattr(sharing, "LINGER_IDLE", 120.0)  # only the reader's mark can make it let go
    path = str(tmp_path / "s.duckdb")
    with Store(path) as s, s.linger():
        assert s.add(article("a", "Pakistan met India."))
        impatient = _child_reads(path, wait=0)  # does not wait, so leaves no mark: the file is still held
        assert impatient.returncode == 1 and "in use by process" in impatient.stderr
        patient = _child_reads(path, wait=30)
        assert patient.returncode == 0, patient.stderr
        n, waited = patient.stdout.split()
        assert n == "1" and float(waited) < 10
        assert s.add(article("b", "India met Pakistan."))  # the writer opens the file again
        assert s.stats()["articles"] == 2
    assert not os.path.exists(sharing.wait_mark(path))  # the reader took its mark away
    assert _child_reads(path, wait=0).stdout.split()[0] == "2"  # the end of linger() let the file go


def test_a_lingering_writer_lets_go_when_idle(tmp_path, monkeypatch):
    """A reader that cannot leave a mark (here: one that does not wait) gets in once the writer has
    been idle for LINGER_IDLE seconds."""
    from detente.store import sharing

    monkeypatch.setattr(sharing, "LINGER_IDLE", 0.3)
    path = str(tmp_path / "s.duckdb")
    with Store(path) as s, s.linger():
        assert s.add(article("a", "Pakistan met India."))
        time.sleep(1.0)
        child = _child_reads(path, wait=0)
        assert child.returncode == 0 and child.stdout.split()[0] == "1", child.stderr
        assert s.add(article("b", "India met Pakistan."))
