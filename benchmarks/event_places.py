"""Where events happened, on ../shared/eval/events_wikinews_exhaustive.jsonl (and the training
Wikinews articles under training/wikinews when present).

    .venv/bin/python benchmarks/event_places.py [--show]

The gold codes no event places, so the figures read detente's own places stage against the gold
events' sentences:

  * gold events whose sentence names a place: a `mentioned` toponym (not a metonym, not the dateline)
    lies inside the gold sentence;
  * placed: of those, the share whose matching coded event (exhaustive.py's one-to-one match, any
    type) carries a place; "of found": the same share among those detente detected at all (a gold
    event detente misses can get no place); "all placed": the share of all gold events placed;
  * right: of the placed ones, the share whose place agrees with a place the sentence names (same
    country, and within 161 km unless that place is a whole country): the event was put where its
    sentence says, not at some other sentence's town or at the dateline of another event; and whose
    place is no side of the gold event (the place's words lie in none of the gold source or target
    actors' spans, save for the codes whose target is where they happen: a visit's host). The gold
    codes no event places, so this is as far as it can check: a place the sentence names as an origin
    or a nationality still counts as right (read those with --show). "side" counts the places that
    were a gold side;
  * w/loc, loc found: the gold events whose sentence names a toponym that is no gold party (no
    source's or target's words: "the government of Syria", "called on Turkey" name sides, not where
    the event was), and the share of those detente found that it placed;
  * by place_source: how the coded events' places were chosen (docs/record.md);
  * nearest fallback (not built; a line per set): what GDELT's own convention would add, the resolvable
    toponym of the event's sentence nearest its trigger outside detente's source and target spans, for
    the found events detente leaves unplaced: how many it would place and the share "right" by the
    check above (lenient: read by eye in session 14, under half of what it adds is where the act was).

--show prints each placed event with its place, for reading by eye (dev lines carry their fold).

The dev set is also reported by fold group: rules are written looking at folds 1-2 and the training
articles; folds 3-4 are held out.
"""
from __future__ import annotations

import glob
import os
import sys
from collections import Counter

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(HERE, "..", "src"))  # this checkout's detente, not the one installed
DEV = os.path.join(HERE, "..", "..", "shared", "eval", "events_wikinews_exhaustive.jsonl")
TRAIN = os.path.join(HERE, "..", "training", "wikinews")
NEAR_KM = 161.0


def main() -> int:
    from detente.evaluate import code_gold, exhaustive, read_gold
    from detente.events.lexicon import load
    from detente.geodesy import distance_km

    lex = load()
    visits = lex.place_targets  # codes whose target is where they happen
    preps = lex.words["place_prepositions"]

    sets = []
    if os.path.exists(DEV):
        sets.append(("wikinews exhaustive (dev)", read_gold(DEV)))
    train = [r for p in sorted(glob.glob(os.path.join(TRAIN, "part-*.jsonl"))) for r in read_gold(p)]
    if train and "--dev-only" not in sys.argv:
        sets.append(("training articles", train))
    if not sets:
        print("no gold found", file=sys.stderr)
        return 2
    show = "--show" in sys.argv

    def agrees(pl, named) -> bool:
        for q in named:
            if pl.country and q.country == pl.country and (
                    q.feature == "country" or pl.lat is None or q.lat is None
                    or distance_km(pl.lat, pl.lon, q.lat, q.lon) <= NEAR_KM):
                return True
        return False

    def side(pl, g) -> bool:
        """Whether a place is one of the gold event's parties (the place's words in a party's span)."""
        if str(g.get("cameo") or "").startswith(tuple(visits)):
            return False
        spans = [a["span"] for a in (g.get("source_actors") or []) + (g.get("target_actors") or []) if a.get("span")]
        return any(sp["start"] < pl.end and pl.start < sp["end"] for sp in spans)

    def fail_class(pl, g, source, text) -> str:
        """How a place fails "right", in classes, not text (folds 3-4 are read no closer): how it was
        chosen, whose side it lies in and how ("in": a place preposition up to six words before it in
        the side's span, with no other preposition but "of" between: "police in Y", "police in the
        US state of Y"; else the word before it: "of" for "the government of Y"; "start" for "the Y
        government"), and whether it is a name or a nationality word ("Turkish")."""
        def within(key):
            for a in g.get(key) or []:
                sp = a.get("span")
                if sp and sp["start"] < pl.end and pl.start < sp["end"]:
                    before = [w.lower() for w in text[sp["start"]:pl.start].split()]
                    # "police in the US state of Y": a place preposition a few words before the place,
                    # with no other preposition than "of" between, says where the side is ("in"), not
                    # who it is
                    for w in reversed(before[-6:]):
                        if w in preps:
                            return "in"
                        if w in ("to", "from", "for", "by", "with", "on", "against"):
                            break
                    return before[-1] if before and before[-1] in ("in", "of", "at", "from") \
                        else "start" if not before or before[-1] == "the" else "other"
            return None
        src, tgt = within("source_actors"), within("target_actors")
        who = f"src-{src}+tgt-{tgt}" if src and tgt else f"src-{src}" if src else f"tgt-{tgt}" if tgt else "elsewhere"
        word = "adj" if pl.name and pl.text.lower() != pl.name.lower() and " " not in pl.text and \
            pl.text.endswith(("an", "ish", "ese", "i", "ic")) else "name"
        return f"{source}/{who}/{word}"

    print(f"{'set':27} {'gold':>5} {'w/place':>7} {'placed':>7} {'of found':>8} {'right':>7} {'all placed':>10} "
          f"{'side':>5} {'w/loc':>5} {'loc found':>9}  place_source")
    for name, recs in sets:
        n = Counter()
        how: Counter = Counter()
        groups: dict[str, Counter] = {}
        fail_by: dict[str, Counter] = {}  # placed but not right, by class (fail_class), per fold group
        set_fails: Counter = Counter()
        for rec, art in zip(recs, code_gold(recs)):
            gold = rec.get("events") or []
            fold = rec.get("fold")
            tag = f"f{fold} " if fold is not None else ""
            per = groups.setdefault("folds 1-2" if fold in (1, 2) else "folds 3-4", Counter()) \
                if fold is not None else Counter()
            coded = exhaustive.counted(art)
            how.update(e.place_source or "none" for e in coded)
            match = {id(g): e for g, e in exhaustive._match(gold, coded, typed=False)}
            one: Counter = Counter()  # this article's counts, added to its set's and fold group's
            fails = fail_by.setdefault("folds 1-2" if fold in (1, 2) else "folds 3-4", Counter()) \
                if fold is not None else set_fails
            for g in gold:
                one["gold"] += 1
                sent = g.get("sentence")
                e = match.get(id(g))
                if e is not None and e.place is not None:
                    one["any_placed"] += 1
                named = [p for p in art.places if sent and p.role == "mentioned"
                         and sent["start"] <= p.start and p.end <= sent["end"]]
                if not named:
                    continue
                one["named"] += 1
                one["detected"] += e is not None
                if any(not side(p, g) for p in named):
                    one["loc"] += 1
                    one["loc_detected"] += e is not None
                    one["loc_placed"] += e is not None and e.place is not None
                if e is not None and e.place is None:
                    fb = nearest_toponym(art, e)
                    one["fb"] += fb is not None
                    one["fb_right"] += fb is not None and agrees(fb, named) and not side(fb, g)
                if e is None or e.place is None:
                    if show:
                        print(f"  {tag}{'MISS' if e else 'NOEV'} {[p.text for p in named]} <- {g.get('event')} "
                              f"'{(g.get('trigger') or {}).get('text')}': {art.text[sent['start']:sent['end']][:160]!r}")
                    continue
                one["placed"] += 1
                is_side = side(e.place, g)
                ok = agrees(e.place, named) and not is_side
                one["right"] += ok
                one["side"] += is_side
                if not ok:
                    fails[fail_class(e.place, g, e.place_source, art.text)] += 1
                if show:
                    verdict = 'ok ' if ok else 'SIDE' if is_side else 'BAD'
                    print(f"  {tag}{verdict} [{e.place_source}] {e.place.text} ({e.place.country}) <- "
                          f"{g.get('event')} '{(g.get('trigger') or {}).get('text')}': "
                          f"{art.text[sent['start']:sent['end']][:140]!r}")
            n.update(one)
            per.update(one)
        print(line(name, n) + f"  {', '.join(f'{k} {v}' for k, v in how.most_common())}")
        print(f"    nearest fallback: would place {n['fb']} more, right {n['fb_right'] / max(n['fb'], 1):.3f}"
              + "".join(f"; {group} {c['fb']}, {c['fb_right'] / max(c['fb'], 1):.3f}" for group, c in sorted(groups.items())))
        if set_fails:
            print(f"    not right: {', '.join(f'{k} {v}' for k, v in sorted(set_fails.items()))}")
        for group, c in sorted(groups.items()):
            print(line(f"  {group}", c))
            if fail_by.get(group):
                print(f"    not right: {', '.join(f'{k} {v}' for k, v in sorted(fail_by[group].items()))}")
    return 0


def nearest_toponym(art, e):
    """GDELT's convention, for comparison only: the resolvable place the event's sentence names nearest
    its trigger, outside its source's and target's words (detente exports no such place)."""
    if e.sentence is None:
        return None
    cands = [p for p in art.places if p.role == "mentioned" and (p.lat is not None or p.country)
             and e.sentence.start <= p.start and p.end <= e.sentence.end
             and not any(r is not None and r.start < p.end and p.start < r.end for r in (e.source, e.target))]
    return min(cands, key=lambda p: min(abs(p.start - e.trigger.end), abs(e.trigger.start - p.end)), default=None)


def line(name: str, n: Counter) -> str:
    share = n["placed"] / n["named"] if n["named"] else 0.0
    right = n["right"] / n["placed"] if n["placed"] else 0.0
    found = n["placed"] / n["detected"] if n["detected"] else 0.0
    return (f"{name:27} {n['gold']:5} {n['named']:7} {share:7.3f} {found:8.3f} {right:7.3f} "
            f"{n['any_placed'] / max(n['gold'], 1):10.3f} {n['side']:5} {n['loc']:5} "
            f"{n['loc_placed'] / max(n['loc_detected'], 1):9.3f}")


if __name__ == "__main__":
    raise SystemExit(main())
