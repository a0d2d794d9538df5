"""Reading by eye, not a score: the events an analyst would see on news no rule was written on.

Codes a random sample of the article bodies of the Zyte extraction benchmark's pages
(../shared/eval/boilerplate_zyte/ground-truth.json: CNN, AP, Reuters, BBC, The Hill ... of 2019; no
event gold, and not used by any other events figure) and prints each shown event (not negated, not
entertained, with a PLOVER type) with its sides, date and sentence. Session 12 found this way what
the Wikinews dev sets never show: wire datelines read as the lead's subject, seats of power on titles,
PETRARCH idioms reaching a whole synonym block. The page texts stay in ../shared: print, do not copy.

    .venv/bin/python benchmarks/unseen_sample.py [--seed N] [--articles N] [--events N]
"""
from __future__ import annotations

import argparse
import json
import random
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
TRUTH = ROOT.parent / "shared" / "eval" / "boilerplate_zyte" / "ground-truth.json"
sys.path.insert(0, str(ROOT / "src"))

POLITICAL = ("government", "minister", "president", "police", "military", "protest")  # a page worth reading


def side(ref) -> str:
    return f"{ref.text or '(unnamed)'}/{ref.country or '-'}" if ref is not None else "-"


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--articles", type=int, default=5)
    ap.add_argument("--events", type=int, default=15, help="at most this many events per article")
    args = ap.parse_args()
    if not TRUTH.exists():
        print(f"no pages at {TRUTH}", file=sys.stderr)
        return 2
    from detente.evaluate.exhaustive import counted
    from detente.pipeline import code_text

    pages = json.loads(TRUTH.read_text(encoding="utf-8"))
    keys = sorted(pages)
    random.Random(args.seed).shuffle(keys)
    shown = 0
    for key in keys:
        body = pages[key].get("articleBody") or ""
        if len(body) < 1500 or not any(w in body for w in POLITICAL):
            continue
        events = counted(code_text(body))
        if not events:
            continue
        print(f"===== {pages[key].get('url')}")
        for e in events[:args.events]:
            print(f"  {e.plover:9} {e.cameo:5} [{e.trigger.text}] {side(e.source)} -> {side(e.target)} "
                  f"{e.date or '-'} ({e.date_source}) {e.modality}")
            print(f"      {e.sentence.text.strip()[:180] if e.sentence else ''}")
        shown += 1
        if shown >= args.articles:
            break
    return 0


if __name__ == "__main__":
    sys.exit(main())
