"""Cost of coding one long article against its length: every stage should be linear (or n log n).

    .venv/bin/python benchmarks/scaling.py [--sizes 25000,50000,...] [--max-size N] [--profile SIZE]

Each size codes one synthetic article built by joining real articles of ../shared/data/wikinews.jsonl
(paragraph breaks between them) and cutting the result to the size, in a fresh process that first codes
one short article (model, lexicons and gazetteer loaded: the steady state is measured). Per size it
prints the parse and the coding (actors, places, quotes, events) times, wall and CPU (the CPU time is
what to read on a shared machine; the parse's CPU includes that of the helper processes a long text is
spread over, nlp.SPREAD_CHARS), and peak memory: the process's own peak RSS, the largest helper's, and
the peaks over the whole process tree sampled with psutil of the summed RSS (every 0.2 s; it counts
the pages a forked helper shares with its parent twice) and of the summed PSS (every 1 s; it splits them).
Then the log-log slope of time against size (least squares over the sizes) and the ratio of the
largest size's time to the 50k one's.
Bars (issue 15): slope <= 1.2 and 800k characters in <= 20x the time of 50k; 2 MB in under 60 s and 1 GB.
"""
from __future__ import annotations

import argparse
import itertools
import json
import math
import os
import subprocess
import sys
import threading

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
CORPUS = os.path.join(ROOT, "..", "shared", "data", "wikinews.jsonl")
SIZES = [25_000, 50_000, 100_000, 200_000, 400_000, 800_000]
SLOPE_BAR, RATIO_BAR = 1.2, 20.0  # the ratio bar is for 16x the text (800k / 50k): 1.25x linear at any size
BIG_SIZE, BIG_SECONDS, BIG_MB = 2_000_000, 60.0, 1024

ONE = r"""
import json, resource, sys, time
sys.path.insert(0, sys.argv[3])
from detente import nlp, pipeline
from detente.ingest import article_from_text
size, corpus, prof = int(sys.argv[1]), sys.argv[2], sys.argv[4] == "1"
texts = [json.loads(line)["text"] for line in open(corpus, encoding="utf-8") if line.strip()]
from detente.runner import warm_up
warm_up(freeze=True)  # model, lexicons and gazetteer loaded, the collector set, as the CLI and workers do
parts, n, k = [], 0, 0
while n < size:
    parts.append(texts[k % len(texts)])
    n += len(parts[-1]) + 2
    k += 1
art = article_from_text("\n\n".join(parts)[:size], id="scaling")
clock = lambda: (time.perf_counter(), time.process_time())  # noqa: E731
t0 = clock()
parse = nlp.parse(art.text)
t1 = clock()
helpers = resource.getrusage(resource.RUSAGE_CHILDREN)  # the helper processes, ended by now
if prof:
    from pyinstrument import Profiler
    p = Profiler()
    p.start()
pipeline.code_parsed(art, parse)
t2 = clock()
if prof:
    p.stop()
    print(p.output_text(unicode=False, color=False), file=sys.stderr)
print(json.dumps({"size": len(art.text), "tokens": len(parse.tokens), "events": len(art.events),
                  "parse_wall": t1[0] - t0[0], "parse_cpu": t1[1] - t0[1] + helpers.ru_utime + helpers.ru_stime,
                  "code_wall": t2[0] - t1[0], "code_cpu": t2[1] - t1[1],
                  "rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
                  "helper_rss_mb": helpers.ru_maxrss / 1024,
                  "warnings": art.warnings}))
"""


def run(size: int, profile: bool = False) -> dict:
    proc = subprocess.Popen([sys.executable, "-c", ONE, str(size), CORPUS, os.path.join(ROOT, "src"),
                             "1" if profile else "0"], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, cwd=ROOT)
    peaks = {"tree_rss_mb": 0.0, "tree_pss_mb": 0.0}
    stop = threading.Event()
    sampler = threading.Thread(target=_sample_tree, args=(proc.pid, peaks, stop), daemon=True)
    sampler.start()
    out, err = proc.communicate()
    stop.set()
    sampler.join()
    if proc.returncode:
        raise SystemExit(f"size {size} failed:\n{err[-3000:]}")
    if profile:
        print(err)
    return {**json.loads(out.strip().splitlines()[-1]), **peaks}


def _sample_tree(pid: int, peaks: dict, stop: threading.Event) -> None:
    """Keep in `peaks` the largest summed RSS and PSS (MB) of the process and its children seen so far.
    PSS only every 5th sample: reading it walks the page tables (seconds of kernel time a minute, taken
    from the measured processes on a 2-core machine)."""
    import psutil

    root = psutil.Process(pid)
    for n in itertools.count():
        if stop.is_set():
            return
        total = {"tree_rss_mb": 0.0, "tree_pss_mb": 0.0}
        try:
            for p in [root] + root.children(recursive=True):
                try:
                    total["tree_rss_mb"] += p.memory_info().rss / 2**20
                    total["tree_pss_mb"] += p.memory_full_info().pss / 2**20 if n % 5 == 0 else 0.0
                except psutil.Error:
                    continue
        except psutil.Error:
            pass
        for k, v in total.items():
            peaks[k] = max(peaks[k], v)
        stop.wait(0.2)


def slope(xs: list[float], ys: list[float]) -> float:
    """Least-squares slope of log y against log x."""
    lx, ly = [math.log(x) for x in xs], [math.log(max(y, 1e-6)) for y in ys]
    mx, my = sum(lx) / len(lx), sum(ly) / len(ly)
    return sum((a - mx) * (b - my) for a, b in zip(lx, ly)) / sum((a - mx) ** 2 for a in lx)


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--sizes", default=",".join(map(str, SIZES)), help="comma-separated sizes in characters")
    ap.add_argument("--max-size", type=int, default=0, help="only the sizes up to N (a quicker run)")
    ap.add_argument("--profile", type=int, default=0, help="also print a profile of the coding at this size")
    a = ap.parse_args()
    if not os.path.exists(CORPUS):
        raise SystemExit(f"{CORPUS}: corpus not found")
    sizes = [int(s) for s in a.sizes.split(",") if s.strip()]
    sizes = [s for s in sizes if not a.max_size or s <= a.max_size]
    if a.profile:
        run(a.profile, profile=True)
    print(f"load average {os.getloadavg()[0]:.1f}")
    print(f"{'chars':>9} {'tokens':>7} {'events':>6} {'parse s':>8} {'code s':>7} {'parse cpu':>9} {'code cpu':>8} "
          f"{'total cpu':>9} {'total s':>7} {'RSS MB':>6} {'helper':>6} {'tree RSS':>8} {'tree PSS':>8}")
    rows = []
    for size in sizes:
        r = run(size)
        r["total_cpu"] = r["parse_cpu"] + r["code_cpu"]
        rows.append(r)
        print(f"{r['size']:>9} {r['tokens']:>7} {r['events']:>6} {r['parse_wall']:>8.2f} {r['code_wall']:>7.2f} "
              f"{r['parse_cpu']:>9.2f} {r['code_cpu']:>8.2f} {r['total_cpu']:>9.2f} "
              f"{r['parse_wall'] + r['code_wall']:>7.2f} {r['rss_mb']:>6.0f} {r['helper_rss_mb']:>6.0f} "
              f"{r['tree_rss_mb']:>8.0f} {r['tree_pss_mb']:>8.0f}", flush=True)
        for w in r["warnings"]:
            print(f"          warning: {w}")
    print(f"load average {os.getloadavg()[0]:.1f}")
    for r in rows:
        if r["size"] >= BIG_SIZE * 0.99:
            secs = r["parse_wall"] + r["code_wall"]
            verdict = {k: "met" if ok else "MISSED" for k, ok in (("s", secs < BIG_SECONDS),
                       ("pss", r["tree_pss_mb"] < BIG_MB), ("rss", r["tree_rss_mb"] < BIG_MB))}
            print(f"{r['size']} chars in {secs:.1f} s wall (bar {BIG_SECONDS:.0f} s: {verdict['s']}; CPU "
                  f"{r['total_cpu']:.1f} s over all processes); peak memory {r['tree_pss_mb']:.0f} MB PSS, "
                  f"{r['tree_rss_mb']:.0f} MB summed RSS (bar {BIG_MB} MB: PSS {verdict['pss']}, RSS {verdict['rss']})")
    if len(rows) < 2:
        return
    xs = [r["size"] for r in rows]
    base = min(rows, key=lambda r: abs(math.log(r["size"] / 50_000)))  # the one nearest 50k characters
    top = rows[-1]
    for name, col in (("coding (CPU)", "code_cpu"), ("parse + coding (CPU)", "total_cpu")):
        s = slope(xs, [r[col] for r in rows])
        ratio = top[col] / max(base[col], 1e-6)
        size_ratio = top["size"] / base["size"]
        allowed = RATIO_BAR / 16 * size_ratio
        ok = s <= SLOPE_BAR and (size_ratio < 16 or ratio <= allowed)
        print(f"{name}: log-log slope {s:.2f} (bar {SLOPE_BAR}); {top['size']} / {base['size']} chars: "
              f"{ratio:.1f}x the time for {size_ratio:.0f}x the text (bar {RATIO_BAR:.0f}x at 16x: {allowed:.0f}x) "
              f"{'OK' if ok else 'OVER'}")


if __name__ == "__main__":
    main()
