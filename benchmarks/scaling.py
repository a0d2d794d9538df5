"""Cost of coding one long article against its length: every stage should be linear (or n log n).

    .venv/bin/python benchmarks/scaling.py [--sizes 25000,50000,...] [--max-size N] [--profile SIZE]

Each size codes one synthetic article built by joining real articles of ../shared/data/wikinews.jsonl
(paragraph breaks between them) and cutting the result to the size, in a fresh process that first codes
one short article (model, lexicons and gazetteer loaded: the steady state is measured). Per size it
prints the parse and the coding (actors, places, quotes, events) times, wall and CPU (the CPU time is
what to read on a shared machine), and the process's peak RSS. Then the log-log slope of time against
size (least squares over the sizes) and the ratio of the largest size's time to the 50k one's.
Bars (issue 15): slope <= 1.2 and 800k characters in <= 20x the time of 50k.
"""
from __future__ import annotations

import argparse
import json
import math
import os
import subprocess
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
CORPUS = os.path.join(ROOT, "..", "shared", "data", "wikinews.jsonl")
SIZES = [25_000, 50_000, 100_000, 200_000, 400_000, 800_000]
SLOPE_BAR, RATIO_BAR = 1.2, 20.0

ONE = r"""
import gc, json, resource, sys, time
sys.path.insert(0, sys.argv[3])
from detente import nlp, pipeline
from detente.ingest import article_from_text
size, corpus, prof = int(sys.argv[1]), sys.argv[2], sys.argv[4] == "1"
texts = [json.loads(line)["text"] for line in open(corpus, encoding="utf-8") if line.strip()]
pipeline.code_text(texts[0])  # load the model, lexicons and gazetteer: measure the steady state
gc.freeze()  # as the CLI and the workers do after warm-up
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
                  "parse_wall": t1[0] - t0[0], "parse_cpu": t1[1] - t0[1],
                  "code_wall": t2[0] - t1[0], "code_cpu": t2[1] - t1[1],
                  "rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
                  "warnings": art.warnings}))
"""


def run(size: int, profile: bool = False) -> dict:
    out = subprocess.run([sys.executable, "-c", ONE, str(size), CORPUS, os.path.join(ROOT, "src"), "1" if profile else "0"],
                         capture_output=True, text=True, cwd=ROOT)
    if out.returncode:
        raise SystemExit(f"size {size} failed:\n{out.stderr[-3000:]}")
    if profile:
        print(out.stderr)
    return json.loads(out.stdout.strip().splitlines()[-1])


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
    print(f"{'chars':>9} {'tokens':>7} {'events':>6} {'parse s':>8} {'code s':>7} {'code cpu':>8} "
          f"{'total cpu':>9} {'peak RSS MB':>11}")
    rows = []
    for size in sizes:
        r = run(size)
        r["total_cpu"] = r["parse_cpu"] + r["code_cpu"]
        rows.append(r)
        print(f"{r['size']:>9} {r['tokens']:>7} {r['events']:>6} {r['parse_wall']:>8.2f} {r['code_wall']:>7.2f} "
              f"{r['code_cpu']:>8.2f} {r['total_cpu']:>9.2f} {r['rss_mb']:>11.0f}", flush=True)
        for w in r["warnings"]:
            print(f"          warning: {w}")
    print(f"load average {os.getloadavg()[0]:.1f}")
    if len(rows) < 2:
        return
    xs = [r["size"] for r in rows]
    base = min(rows, key=lambda r: abs(math.log(r["size"] / 50_000)))  # the one nearest 50k characters
    top = rows[-1]
    for name, col in (("coding (CPU)", "code_cpu"), ("parse + coding (CPU)", "total_cpu")):
        s = slope(xs, [r[col] for r in rows])
        ratio = top[col] / max(base[col], 1e-6)
        size_ratio = top["size"] / base["size"]
        ok = s <= SLOPE_BAR and (size_ratio < 16 or ratio <= RATIO_BAR)
        print(f"{name}: log-log slope {s:.2f} (bar {SLOPE_BAR}); {top['size']} / {base['size']} chars: "
              f"{ratio:.1f}x the time for {size_ratio:.0f}x the text (bar {RATIO_BAR:.0f}x at 16x) "
              f"{'OK' if ok else 'OVER'}")


if __name__ == "__main__":
    main()
