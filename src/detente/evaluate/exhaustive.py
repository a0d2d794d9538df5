"""Events against exhaustive article-level gold: every event of each article coded, so precision counts.

A record with `"exhaustive": true` lists every event of its article. A coded event counts when the
store shows it by default: not negated, not hypothetical or a question, with a PLOVER type (CAMEO 01
statements have none and are not events here).
A coded event and a gold event match when their triggers overlap, or when they lie in the same
sentence with the same PLOVER type. Pairs are one to one, chosen greedily: trigger overlap before
sentence only, then the better agreement (type, source country, target country).
Coded events that share an `action` are one act between several parties (one event per dyad in
detente's records, one event with party lists in the gold): the act counts as one coded event, or
as many as its dyads matched distinct gold events.

Figures: detection P/R/F1 (any match), typed P/R/F1 (match with the same type), full P/R/F1 (typed,
and source and target country right), a per-type gold/coded/right table, and on typed matches the
accuracy of source country, target country and date (right at the gold's precision). Reported for
all records and per `fold`.
"""
from __future__ import annotations

from collections import Counter, defaultdict
from typing import Optional

from ..model import Article, Event
from .spans import overlaps, prf


def is_exhaustive(records: list[dict]) -> bool:
    return bool(records) and all(r.get("exhaustive") for r in records)


NOT_FACTUAL = ("hypothetical", "question")


def counted(art: Article) -> list[Event]:
    """The events an analyst sees by default (the store's default view): never negated, never only
    entertained (a condition, a question, an act asked of someone), with a PLOVER type."""
    return [e for e in art.events if not e.negated and e.modality not in NOT_FACTUAL and e.plover]


def _countries(actors) -> set[str]:
    return {a.get("country") for a in actors or [] if a.get("country")}


def _side(ref, gold: set[str]) -> bool:
    country = ref.country if ref is not None else None
    return country in gold if gold else country is None


def sides_right(g: dict, e: Event) -> tuple[bool, bool]:
    """Source and target country right. A reciprocal gold event ("A and B met") lists both parties as
    sources and none as target: the coded pair is right when both its sides are among them."""
    src, tgt = _countries(g.get("source_actors")), _countries(g.get("target_actors"))
    if g.get("reciprocal") and not tgt:
        ok_s = _side(e.source, src)
        ok_t = e.target is None or (e.target.country in src if src else e.target.country is None)
        return ok_s, ok_t
    return _side(e.source, src), _side(e.target, tgt)


def date_right(gold: Optional[str], coded: Optional[str]) -> bool:
    """Right at the gold's precision: gold '2019-03' is met by any day of March 2019."""
    if not gold:
        return not coded
    return bool(coded) and coded[:len(gold)] == gold


def _in(span: Optional[dict], e: Event) -> bool:
    return bool(span) and span["start"] <= e.trigger.start < span["end"]


def _trig_overlap(g: dict, e: Event) -> bool:
    t = g.get("trigger")
    return bool(t) and overlaps(t["start"], t["end"], e.trigger.start, e.trigger.end)


def actions(coded: list[Event]) -> list[list[Event]]:
    """The coded events grouped by the act they are dyads of (Event.action): the gold codes one act
    between several parties once, with party lists, so one act is one coded event here."""
    groups: dict[str, list[Event]] = {}
    for e in coded:
        groups.setdefault(e.action or e.id, []).append(e)
    return list(groups.values())


def _match(gold: list[dict], coded: list[Event], typed: bool) -> list[tuple[dict, Event]]:
    cands = []
    for gi, g in enumerate(gold):
        for ei, e in enumerate(coded):
            same_type = e.plover == g.get("event")
            if typed and not same_type:
                continue
            trig = _trig_overlap(g, e)
            if not (trig or (same_type and _in(g.get("sentence"), e))):
                continue
            s_ok, t_ok = sides_right(g, e)
            cands.append(((trig, same_type, s_ok + t_ok), gi, ei))
    cands.sort(key=lambda c: (not c[0][0], not c[0][1], -c[0][2], c[1], c[2]))
    used_g, used_e, out = set(), set(), []
    for _, gi, ei in cands:
        if gi in used_g or ei in used_e:
            continue
        used_g.add(gi)
        used_e.add(ei)
        out.append((gold[gi], coded[ei]))
    return out


def acts_counted(coded: list[Event], matched: list[Event]) -> tuple[int, list[Event]]:
    """How many coded events an act between several parties counts for, and one event per act for the
    per-type table: an act counts once however many dyads it was coded as ("Turkey and Libya agreed"),
    or as many times as its dyads matched distinct gold events (the gold made them separate acts)."""
    hit = {id(e) for e in matched}
    n, heads = 0, []
    for group in actions(coded):
        n += max(1, sum(id(e) in hit for e in group))
        heads.append(group[0])
    return n, heads


class _Tally:
    def __init__(self):
        self.n = Counter()
        self.types: dict[str, Counter] = defaultdict(Counter)

    def add(self, gold: list[dict], coded: list[Event]) -> None:
        n = self.n
        typed = _match(gold, coded, typed=True)
        n_coded, heads = acts_counted(coded, [e for _, e in typed])
        n["gold"] += len(gold)
        n["coded"] += n_coded
        for g in gold:
            self.types[g.get("event") or "?"]["gold"] += 1
        for e in heads:
            self.types[e.plover]["coded"] += 1
        n["detected"] += len(_match(gold, coded, typed=False))
        for g, e in typed:
            n["typed"] += 1
            self.types[e.plover]["right"] += 1
            s_ok, t_ok = sides_right(g, e)
            n["source_ok"] += s_ok
            n["target_ok"] += t_ok
            n["full"] += s_ok and t_ok
            if g.get("date"):
                n["dated"] += 1
                n["date_ok"] += date_right(g["date"], e.date)

    def report(self) -> dict:
        n = self.n

        def ratio(a, b):
            return round(n[a] / n[b], 4) if n[b] else None

        return {
            "gold_events": n["gold"], "coded_events": n["coded"],
            "detection": prf(n["detected"], n["coded"], n["gold"]),
            "typed": prf(n["typed"], n["coded"], n["gold"]),
            "full": prf(n["full"], n["coded"], n["gold"]),
            "source_country_on_typed": ratio("source_ok", "typed"),
            "target_country_on_typed": ratio("target_ok", "typed"),
            "date_on_typed": ratio("date_ok", "dated"),
            "per_type": {t: dict(c) for t, c in sorted(self.types.items())},
        }


# the folds rules were written on and the ones kept apart (docs/evaluation.md)
FOLD_GROUPS = {"folds 1-2 (dev)": ("1", "2"), "folds 3-4 (held out)": ("3", "4")}


def score(records: list[dict], coded: list[Article]) -> dict:
    overall, folds, groups = _Tally(), defaultdict(_Tally), defaultdict(_Tally)
    for rec, art in zip(records, coded):
        gold, live = rec.get("events") or [], counted(art)
        overall.add(gold, live)
        if rec.get("fold") is not None:
            fold = str(rec["fold"])
            folds[fold].add(gold, live)
            for label, members in FOLD_GROUPS.items():
                if fold in members:
                    groups[label].add(gold, live)
    out = overall.report()
    out["exhaustive"] = True
    out["folds"] = {k: folds[k].report() for k in sorted(folds)}
    out["fold_groups"] = {k: groups[k].report() for k in FOLD_GROUPS if k in groups}
    return out
