"""Agreement between two independent codings of the same articles (training/wikinews/double-coding.jsonl
against the same articles in training/wikinews/part-*.jsonl), scored as detente is scored: one coding
is taken as gold and the other as predictions (the exhaustive scorer, src/detente/evaluate/exhaustive.py),
then the other way round; typed F1 is symmetric.

    .venv/bin/python benchmarks/coder_agreement.py
"""
from __future__ import annotations

import glob
import json
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
DATA = os.path.join(HERE, "..", "training", "wikinews")


def _ref(actors):
    from detente.model import ActorRef
    if not actors:
        return None
    a = actors[0]
    sp = a.get("span") or {"start": -1, "end": -1, "text": a.get("text") or ""}
    return ActorRef(None, sp["text"], sp["start"], sp["end"], a.get("code"), a.get("country"), a.get("sector"))


def as_article(rec):
    """A coding turned into a coded Article: what the scorer reads of detente's output."""
    from detente.model import Article, Event, Span
    events = []
    for k, g in enumerate(rec["events"]):
        src = g.get("source_actors") or []
        tgt = g.get("target_actors") or []
        if g.get("reciprocal") and not tgt and len(src) > 1:
            tgt = src[1:]  # one reading of "A and B met": A towards B
        t, s = g["trigger"], g["sentence"]
        events.append(Event(str(k), _ref(src), _ref(tgt), g.get("cameo") or "", plover=g.get("event"),
                            trigger=Span(t["start"], t["end"], t["text"]), sentence=Span(s["start"], s["end"], s["text"]),
                            date=g.get("date")))
    return Article(rec["id"], rec["text"], events=events)


def main() -> int:
    sys.path.insert(0, os.path.join(HERE, "..", "src"))
    from detente.evaluate import exhaustive
    second = [json.loads(line) for line in open(os.path.join(DATA, "double-coding.jsonl"), encoding="utf-8")]
    first = {}
    for path in sorted(glob.glob(os.path.join(DATA, "part-*.jsonl"))):
        for line in open(path, encoding="utf-8"):
            rec = json.loads(line)
            first[rec["id"]] = rec
    pairs = [(first[r["id"]], r) for r in second if r["id"] in first]
    a_gold = exhaustive.score([a for a, _ in pairs], [as_article(b) for _, b in pairs])
    b_gold = exhaustive.score([b for _, b in pairs], [as_article(a) for a, _ in pairs])
    print(f"{len(pairs)} articles coded twice: {a_gold['gold_events']} events in the first coding, "
          f"{b_gold['gold_events']} in the second")
    for name in ("detection", "typed", "full"):
        print(f"{name:9} F1 {a_gold[name]['f1']:.3f}  (first as gold: P {a_gold[name]['precision']:.3f} "
              f"R {a_gold[name]['recall']:.3f})")
    print(f"on typed matches: source country {a_gold['source_country_on_typed']}, target country "
          f"{a_gold['target_country_on_typed']}, date {a_gold['date_on_typed']} (first as gold), "
          f"{b_gold['date_on_typed']} (second as gold)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
