"""Throughput of `detente ingest` against bare spaCy `nlp.pipe`, 1 and 2 processes, local and Dask.

    .venv/bin/python benchmarks/throughput.py [--limit N] [--workers 2] [--repeat R] [--no-dask] [--profile]

Every figure is a cold, end-to-end run in a fresh process (imports, model loading, reading the corpus,
coding, writing the store), timed by wall clock, so the ratios compare like with like:
  * baseline: the same corpus read the same way, its texts through `nlp.pipe` (same model, same
    components, same batch size) in N spawned processes that each load the model once;
  * detente:  `detente ingest CORPUS --workers N --store TMP --quiet`;
  * dask:     `detente ingest CORPUS --dask local:N --out TMP --quiet` (a LocalCluster is started).
Each run's CPU seconds (user + system, the whole process tree) are printed too, with the 1-process ratio
in CPU seconds: on a machine others are using, that is what still compares (wall time there says how
much CPU a run was given). Peak RSS is sampled (psutil) for every process of each run. `--profile` profiles the in-process
coding (pyinstrument) and prints the top of the tree.

It times the detente of the checkout it lives in (its src/ first on the path, its runs' too, whatever
the environment installed) and prints where that is.
"""
from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import threading
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
CORPUS = os.path.join(ROOT, "..", "shared", "data", "wikinews.jsonl")
PY = sys.executable
# The detente of this checkout, not the one the environment installed (an editable install of another
# checkout): first on the path here (--profile) and in every run's processes (their workers inherit it).
SRC = os.path.join(ROOT, "src")
sys.path.insert(0, SRC)
ENV = {**os.environ, "PYTHONPATH": os.pathsep.join([SRC, os.environ.get("PYTHONPATH", "")]).rstrip(os.pathsep)}
DETENTE = [PY, "-m", "detente"]

BARE = r"""
import sys, time
from concurrent.futures import ProcessPoolExecutor
import multiprocessing as mp

def init():
    from detente import nlp
    nlp.load()

def work(texts):
    from detente import nlp
    return sum(len(d) for d in nlp.load().pipe(texts, batch_size=len(texts)))

def batches(n):
    from detente.ingest import read
    batch = []
    for i, a in enumerate(read([sys.argv[1]])):
        if n and i >= n:
            break
        batch.append(a.text)
        if len(batch) == 16:
            yield batch
            batch = []
    if batch:
        yield batch

if __name__ == "__main__":
    workers, limit = int(sys.argv[2]), int(sys.argv[3])
    if workers == 1:
        init()
        print(sum(work(b) for b in batches(limit)))
    else:
        with ProcessPoolExecutor(workers, mp_context=mp.get_context("spawn"), initializer=init) as ex:
            print(sum(ex.map(work, batches(limit))))
"""


def corpus(limit: int) -> tuple[str, int, int]:
    """The corpus (cut to `limit` lines in a temp file if asked), its article and word counts."""
    path = CORPUS
    with open(CORPUS, encoding="utf-8") as f:
        lines = [ln for ln in f if ln.strip()]
    if limit:
        lines = lines[:limit]
        fd, path = tempfile.mkstemp(suffix=".jsonl")
        with os.fdopen(fd, "w", encoding="utf-8") as f:
            f.writelines(lines)
    words = sum(len(json.loads(ln).get("text", "").split()) for ln in lines)
    return path, len(lines), words


def timed(cmd: list[str]) -> tuple[float, float, list[float], str]:
    """Wall seconds, CPU seconds of the whole process tree (user + system, every process it waited for),
    peak RSS (MB) of each process of the tree (parent first), stderr tail."""
    import psutil

    peaks: dict[int, float] = {}
    before = _children_cpu()
    started = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True, cwd=ROOT, env=ENV)
    root = psutil.Process(proc.pid)
    stop = threading.Event()

    def sample():
        while not stop.is_set():
            try:
                for p in [root] + root.children(recursive=True):
                    try:
                        peaks[p.pid] = max(peaks.get(p.pid, 0.0), p.memory_info().rss / 2**20)
                    except psutil.Error:
                        pass
            except psutil.Error:
                pass
            stop.wait(0.2)

    t = threading.Thread(target=sample, daemon=True)
    t.start()
    _, err = proc.communicate()
    secs = time.perf_counter() - started
    cpu = _children_cpu() - before
    stop.set()
    t.join()
    if proc.returncode:
        raise SystemExit(f"{' '.join(cmd)} failed ({proc.returncode}):\n{err[-2000:]}")
    parent = peaks.pop(proc.pid, 0.0)
    return secs, cpu, [parent] + sorted(peaks.values(), reverse=True), err.strip().splitlines()[-1:]


def _children_cpu() -> float:
    import resource

    r = resource.getrusage(resource.RUSAGE_CHILDREN)
    return r.ru_utime + r.ru_stime


def profile(path: str, limit: int) -> None:
    from pyinstrument import Profiler

    from detente.ingest import read
    from detente.pipeline import code_articles

    arts = [a for a, _ in zip(read([path]), range(limit or 100))]
    list(code_articles(arts[:2]))  # load the model and every lexicon first: profile the steady state
    p = Profiler()
    p.start()
    list(code_articles(arts))
    p.stop()
    print(p.output_text(unicode=False, color=False))


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--limit", type=int, default=0, help="first N articles only (default: all)")
    ap.add_argument("--workers", type=int, default=2)
    ap.add_argument("--no-dask", action="store_true")
    ap.add_argument("--profile", action="store_true")
    ap.add_argument("--repeat", type=int, default=1, help="rounds; the best time of each run is kept")
    a = ap.parse_args()
    if not os.path.exists(CORPUS):
        raise SystemExit(f"{CORPUS}: corpus not found")
    path, n, words = corpus(a.limit)
    try:
        run(a, path, n, words)
    finally:
        if path != CORPUS:
            os.unlink(path)


def timed_checkout() -> str:
    """Where the runs' detente comes from (asked the way they import it); this checkout's, or exit."""
    where = subprocess.run([PY, "-c", "import detente; print(detente.__file__)"], cwd=ROOT, env=ENV,
                           capture_output=True, text=True).stdout.strip()
    if not where.startswith(SRC + os.sep):
        raise SystemExit(f"the runs would import detente from {where or '?'}, not from {SRC}")
    return os.path.dirname(where)


def run(a, path: str, n: int, words: int) -> None:
    import shutil

    if a.profile:
        import detente

        print(f"profiling detente from {os.path.dirname(detente.__file__)}")
        return profile(path, a.limit)
    commit = subprocess.run(["git", "log", "-1", "--format=%h"], cwd=ROOT, capture_output=True, text=True).stdout
    print(f"timing detente from {timed_checkout()}")
    print(f"corpus {n} articles, {words} words; commit {commit.strip()}; cores {os.cpu_count()}; "
          f"load before {os.getloadavg()[0]:.2f}")
    tmp = tempfile.mkdtemp(prefix="detente-bench-")
    try:
        measure(a, path, n, words, tmp)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


def measure(a, path: str, n: int, words: int, tmp: str) -> None:
    bare = os.path.join(tmp, "bare_pipe.py")  # a file, not -c: spawned workers re-import their main module
    with open(bare, "w", encoding="utf-8") as f:
        f.write(BARE)
    runs = {}
    for w in sorted({1, a.workers}):
        runs[f"bare {w}"] = lambda w=w, k=0: [PY, bare, path, str(w), str(a.limit)]
        runs[f"detente {w}"] = lambda w=w, k=0: [*DETENTE, "ingest", path, "--workers", str(w), "--quiet",
                                                 "--store", os.path.join(tmp, f"w{w}-{k}.duckdb")]
    if not a.no_dask:
        runs[f"dask local:{a.workers}"] = lambda k=0: [*DETENTE, "ingest", path, "--dask", f"local:{a.workers}",
                                                       "--quiet", "--out", os.path.join(tmp, f"parts-{k}")]
    # every configuration once per round, rounds repeated: the best of each is the least disturbed by
    # whatever else the machine runs meanwhile
    rows: dict = {}
    cpus: dict[str, float] = {}
    for k in range(a.repeat):
        for name, cmd in runs.items():
            r = timed(cmd(k=k))
            rows[name] = r if name not in rows or r[0] < rows[name][0] else rows[name]
            cpus[name] = min(cpus.get(name, r[1]), r[1])
    print(f"best of {a.repeat} round(s) (by wall clock; the CPU seconds are the least of the rounds too)")
    print(f"{'run':<16}{'seconds':>9}{'CPU s':>8}{'articles/s':>12}{'words/s':>10}  peak RSS MB (parent, then workers)")
    for name, (secs, _cpu, rss, _tail) in rows.items():
        print(f"{name:<16}{secs:>9.1f}{cpus[name]:>8.1f}{n / secs:>12.2f}{words / secs:>10.0f}  "
              f"{', '.join(f'{r:.0f}' for r in rss)}")
    ratio = lambda x, y: rows[y][0] / rows[x][0]  # noqa: E731 - rate ratio = inverse time ratio
    w = a.workers
    print(f"detente / bare nlp.pipe, 1 process:  {ratio('detente 1', 'bare 1'):.2f}  (target >= 0.8)")
    # On a machine others are using, wall time says how much CPU the run was given; the CPU seconds
    # of a one-process run say what it cost (the same as its wall time on an idle machine).
    print(f"  the same in CPU seconds:           {cpus['bare 1'] / cpus['detente 1']:.2f}")
    if w > 1:
        print(f"detente / bare nlp.pipe, {w} processes: {ratio(f'detente {w}', f'bare {w}'):.2f}  (target >= 0.8)")
        print(f"detente {w} workers / 1 worker:        {ratio(f'detente {w}', 'detente 1'):.2f}  (target >= 1.8)")
        print(f"bare {w} processes / 1 process:       {ratio(f'bare {w}', 'bare 1'):.2f}  (what the machine allows)")
        if not a.no_dask:
            print(f"dask local:{w} / local {w} processes:  {ratio(f'dask local:{w}', f'detente {w}'):.2f}")
    print(f"load after {os.getloadavg()[0]:.2f} (other processes on the machine skew the scaling ratios)")


if __name__ == "__main__":
    main()
