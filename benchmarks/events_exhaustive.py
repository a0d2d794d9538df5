"""Event coding against exhaustive article-level gold, on three sets, in one run:

  * folds 1-2 of ../shared/eval/events_wikinews_exhaustive.jsonl (rules were written looking at these);
  * folds 3-4 of it (held out while writing rules);
  * training/wikinews/part-1..7.jsonl: 126 other Wikinews articles coded by the same guide after the
    rules of session 3 were written (silver: one coder each; rules of sessions 4-5 looked at them);
  * training/wikinews/part-8..11.jsonl: the 137 remaining Wikinews articles, coded in session 6
    (fresh text for the rules of session 5).

    .venv/bin/python benchmarks/events_exhaustive.py [--types]

Prints typed P/R/F1, full F1, and source/target country and date accuracy on typed matches (the
scorer is src/detente/evaluate/exhaustive.py; docs/evaluation.md says how it matches).
"""
from __future__ import annotations

import glob
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, "..", "src"))  # this checkout's detente, not the one installed
DEV = os.path.join(HERE, "..", "..", "shared", "eval", "events_wikinews_exhaustive.jsonl")
TRAIN = os.path.join(HERE, "..", "training", "wikinews")


def training_parts() -> dict[int, str]:
    """training/wikinews/part-N.jsonl by N."""
    return {int(os.path.basename(p)[5:-6]): p for p in glob.glob(os.path.join(TRAIN, "part-*.jsonl"))}


def main() -> int:
    from detente.evaluate import code_gold, exhaustive, read_gold

    sets = []
    if os.path.exists(DEV):
        dev = read_gold(DEV)
        sets.append(("wikinews folds 1-2 (dev)", [r for r in dev if r.get("fold") in (1, 2)]))
        sets.append(("wikinews folds 3-4 (held out)", [r for r in dev if r.get("fold") in (3, 4)]))
    parts = training_parts()
    early = [r for k in sorted(parts) if k <= 7 for r in read_gold(parts[k])]
    late = [r for k in sorted(parts) if k >= 8 for r in read_gold(parts[k])]
    if early:
        sets.append(("training parts 1-7", early))
    if late:
        sets.append(("training parts 8-11 (fresh)", late))
    if not sets:
        print("no gold found", file=sys.stderr)
        return 2
    print(f"{'set':31} {'gold':>5} {'coded':>5}  typed P    R     F1   full F1  src   tgt   date")
    for name, recs in sets:
        r = exhaustive.score(recs, list(code_gold(recs)))
        t = r["typed"]
        print(f"{name:31} {r['gold_events']:5} {r['coded_events']:5}  {t['precision']:.3f} {t['recall']:.3f} "
              f"{t['f1']:.3f}  {r['full']['f1']:.3f}    {r['source_country_on_typed'] or 0:.3f} "
              f"{r['target_country_on_typed'] or 0:.3f} {r['date_on_typed'] or 0:.3f}")
        if "--types" in sys.argv:
            for kind, c in r["per_type"].items():
                print(f"    {kind:10} gold {c.get('gold', 0):4} coded {c.get('coded', 0):4} right {c.get('right', 0):4}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
