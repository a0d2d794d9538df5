"""Do event actors get a country? Coverage and country accuracy of detente's actors at gold actor spans.

    .venv/bin/python benchmarks/actor_countries.py [--errors] [--gold PATH] [--no-agents]
                                                   [--document-country agents|all|off]
    (--no-agents --document-country off: the figures before this work's rules, measured in the same tree)

Gold: ../shared/eval/events_wikinews_exhaustive.jsonl (each event's source_actors/target_actors carry a
`span` and an ISO3 `country`, null for non-state or international actors). Each article is coded with
detente exactly as given (`detente.evaluate.code_gold`); for every distinct gold actor span (an actor
named in several events counts once) the detente actor whose mention overlaps it most is looked up
(`detente.actors.actor_at`).

  coverage   a detente actor has a mention overlapping the gold span
  country    that actor's country equals the gold country (gold null == detente None counts as right);
             over all gold spans (a span with no actor is wrong), and over covered spans only
Reported per fold group: folds 1-2 (development: --errors prints their mistakes) and folds 3-4
(held out: only figures, never examples).
"""
from __future__ import annotations

import argparse
import os
import sys
from collections import Counter

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, os.path.join(ROOT, "src"))

from detente.actors import actor_at  # noqa: E402
from detente.evaluate import code_gold, read_gold  # noqa: E402

GOLD = os.path.join(ROOT, "..", "shared", "eval", "events_wikinews_exhaustive.jsonl")
GROUPS = {"folds 1-2 (dev)": (1, 2), "folds 3-4 (held out)": (3, 4)}
DEV = (1, 2)


def gold_actors(rec: dict) -> dict[tuple[int, int], dict]:
    """Distinct gold actor spans of one article: (start, end) -> the actor (first one listed)."""
    out: dict[tuple[int, int], dict] = {}
    for ev in rec.get("events") or []:
        for side in ("source_actors", "target_actors"):
            for a in ev.get(side) or []:
                sp = a.get("span")
                if isinstance(sp, dict) and sp.get("end", 0) > sp.get("start", 0):
                    out.setdefault((sp["start"], sp["end"]), a)
    return out


def score(records: list[dict], show_errors: bool = False) -> dict[str, Counter]:
    counts = {g: Counter() for g in GROUPS}
    errors: list[str] = []
    for rec, art in zip(records, code_gold(records)):
        fold = rec.get("fold")
        group = next((g for g, folds in GROUPS.items() if fold in folds), None)
        if group is None:
            continue
        c = counts[group]
        for (s, e), gold in sorted(gold_actors(rec).items()):
            c["gold"] += 1
            hit = actor_at(art.actors, s, e)
            gc = gold.get("country")
            if hit is None:
                if show_errors and fold in DEV:
                    errors.append(f"  MISS   {gold.get('text')!r:40} gold={gc}   [{rec['id'][9:60]}]")
                continue
            c["found"] += 1
            actor, mention = hit
            if actor.country == gc:
                c["country_ok"] += 1
            elif show_errors and fold in DEV:
                errors.append(f"  WRONG  {gold.get('text')!r:40} gold={gc} got={actor.country} "
                              f"({actor.code}, {mention.text!r})   [{rec['id'][9:60]}]")
    if show_errors:
        print("errors, folds 1-2 only:")
        print("\n".join(errors))
    return counts


def report(counts: dict[str, Counter]) -> None:
    print(f"{'group':24} {'gold':>5} {'coverage':>9} {'country':>8} {'country|found':>14}")
    for g, c in counts.items():
        n, f, ok = c["gold"], c["found"], c["country_ok"]
        print(f"{g:24} {n:5d} {f / max(n, 1):9.3f} {ok / max(n, 1):8.3f} {ok / max(f, 1):14.3f}"
              f"   ({f} found, {ok} right)")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--gold", default=GOLD)
    ap.add_argument("--errors", action="store_true", help="print the mistakes on folds 1-2")
    ap.add_argument("--no-agents", action="store_true", help="without lexicon/petrarch/agents.yaml")
    ap.add_argument("--document-country", choices=("agents", "all", "off"), default=None,
                    help="which actors with no country take the document's (default: the shipped setting)")
    args = ap.parse_args()
    from detente import settings
    from detente.actors import lexicon
    if args.no_agents:
        lexicon.AGENTS = False
    if args.document_country:
        settings.install(settings.current().with_options(document_country=args.document_country))
    records = [r for r in read_gold(args.gold) if r.get("fold") in (1, 2, 3, 4)]
    report(score(records, args.errors))


if __name__ == "__main__":
    main()
