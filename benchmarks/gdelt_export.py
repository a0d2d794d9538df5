"""The GDELT export of the first N Wikinews articles (issue 14.6): root events and action places.

    .venv/bin/python benchmarks/gdelt_export.py [--n 40]

Ingests the first N articles of ../shared/data/wikinews.jsonl into a temporary store, exports the
GDELT 2.0 event table (`detente export --format gdelt`), and prints:
  * articles with events, and how many of them have at least one IsRootEvent=1 row;
  * events whose sentence names a resolvable place (a `mentioned` place of the article with
    coordinates inside the event's sentence), and the share of those whose row carries an
    ActionGeo (the event's own place, Event.place: docs/record.md says how it is chosen);
  * every event's ActionGeo share;
  * for comparison, how many of the unplaced ones GDELT's own convention (the place mention nearest the
    action: event_places.nearest_toponym, outside the event's sides) would fill: detente does not
    (docs/record.md says why: read by eye, under half of such places are where the act was).
"""
from __future__ import annotations

import argparse
import csv
import os
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, "..", "src"))  # this checkout's detente, not the one installed
CORPUS = os.path.join(HERE, "..", "..", "shared", "data", "wikinews.jsonl")


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--n", type=int, default=40)
    a = ap.parse_args()
    if not os.path.exists(CORPUS):
        print(f"no corpus at {CORPUS}", file=sys.stderr)
        return 2
    from detente import ingest, pipeline
    from detente.export import export
    from detente.export.gdelt import GDELT_COLUMNS
    from detente.model import Article
    from detente.store import Store

    with tempfile.TemporaryDirectory() as tmp:
        first = os.path.join(tmp, "first.jsonl")
        with open(CORPUS, encoding="utf-8") as src, open(first, "w", encoding="utf-8") as dst:
            dst.writelines(line for k, line in zip(range(a.n), src))
        arts = list(pipeline.code_articles(x for x in ingest.read(first) if isinstance(x, Article)))
        store = Store(os.path.join(tmp, "s.duckdb"))
        store.add_many(arts)
        out = os.path.join(tmp, "events.tsv")
        export(store, out, fmt="gdelt")
        with open(out, encoding="utf-8") as f:
            rows = list(csv.reader(f, delimiter="\t"))
    body = rows[1:] if rows and rows[0] == GDELT_COLUMNS else rows  # GDELT's tables have no header
    col = {name: k for k, name in enumerate(GDELT_COLUMNS)}
    by_url: dict[str, list] = {}
    for r in body:
        by_url.setdefault(r[col["SOURCEURL"]], []).append(r)
    with_events = [art for art in arts if art.events]
    rooted = sum(1 for art in with_events
                 if any(r[col["IsRootEvent"]] == "1" for r in by_url.get(art.url or art.source or art.id, [])))
    placed_rows = {r[col["GLOBALEVENTID"]]: bool(r[col["ActionGeo_Lat"]]) for r in body}
    from event_places import nearest_toponym  # this folder's, the one copy of that convention

    named = have = total = have_all = nearest = 0
    for art in arts:
        spots = [(p.start, p.end) for p in art.places if p.role == "mentioned" and p.lat is not None]
        for e in art.events:
            total += 1
            have_all += e.place is not None
            if e.sentence and any(e.sentence.start <= s < e.sentence.end for s, _ in spots):
                named += 1
                have += e.place is not None
                nearest += e.place is None and nearest_toponym(art, e) is not None
    print(f"articles {len(arts)}, with events {len(with_events)}, with a root event {rooted}")
    print(f"events {total}; in exported rows {len(body)} (with ActionGeo {sum(placed_rows.values())})")
    print(f"events whose sentence names a resolvable place {named}: with a place {have} ({have / max(named, 1):.3f})")
    print(f"all events with a place {have_all} ({have_all / max(total, 1):.3f})")
    print(f"  (GDELT's nearest-mention convention would fill {nearest} more of the {named}: "
          f"{(have + nearest) / max(named, 1):.3f}; not built, docs/record.md)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
