"""Run `detente evaluate` over every dev set in ../shared/eval and print one table.

Usage: .venv/bin/python benchmarks/eval_all.py [--limit N] [--json out.json]
"""
from __future__ import annotations

import argparse
import json
import os
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, "..", "src"))  # this checkout's detente, not the one installed
EVAL = os.path.join(HERE, "..", "..", "shared", "eval")

EXHAUSTIVE = ["detection.f1", "typed.precision", "typed.recall", "typed.f1", "full.f1", "source_country_on_typed",
              "target_country_on_typed", "date_on_typed"]

SETS = [
    ("events_petr2_gsr.jsonl", "events", ["plover_type_accuracy", "cameo_root_accuracy", "cameo_exact_accuracy",
                                          "source_country_accuracy", "target_country_accuracy", "triple_accuracy"]),
    ("events_wikinews_exhaustive.jsonl", "events", EXHAUSTIVE),
    ("quotes_polnear_dev.jsonl", "quotes", ["exact.f1", "token_overlap.precision", "token_overlap.recall",
                                            "token_overlap.f1", "speaker_accuracy_found", "speaker_accuracy_all"]),
    ("places_dev.jsonl", "places", ["overall.recall", "overall.country_correct", "overall.within_161km",
                                    "overall.median_error_km"]),
    ("m2e2_dev.jsonl", "entities", ["PER.exact.f1", "ORG.exact.f1", "GPE.exact.f1", "all.exact.f1", "all.overlap.f1"]),
]


def dig(d, path):
    for k in path.split("."):
        d = d.get(k) if isinstance(d, dict) else None
    return d


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--limit", type=int, help="first N records of each set")
    ap.add_argument("--json", help="write all reports here")
    args = ap.parse_args()
    from detente.evaluate import evaluate

    if not os.path.isdir(EVAL):
        print(f"no dev sets at {EVAL}", file=sys.stderr)
        return 2
    reports, rows = {}, []
    for name, task, keys in SETS:
        t0 = time.monotonic()
        rep = evaluate(os.path.join(EVAL, name), task=task, limit=args.limit)
        reports[name] = rep
        for k in keys:
            rows.append((name, task, k, dig(rep, k)))
        if rep.get("exhaustive"):
            # rules were written looking at folds 1-2; 3-4 are reported as held out
            for label, part in rep["fold_groups"].items():
                for k in keys:
                    rows.append((name, task, f"{label}: {k}", dig(part, k)))
        rows.append((name, task, "seconds", round(time.monotonic() - t0, 1)))
    w = max(len(r[0]) for r in rows)
    print(f"{'set':<{w}}  {'task':<8}  {'measure':<52}  value")
    for name, task, k, v in rows:
        print(f"{name:<{w}}  {task:<8}  {k:<52}  {v if not isinstance(v, float) else f'{v:.3f}'}")
    if args.json:
        with open(args.json, "w") as f:
            json.dump(reports, f, indent=2)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
