"""Events: PLOVER type accuracy and macro-F1, CAMEO root/exact accuracy, source/target country,
triple accuracy, a root confusion table, and the events one side has that the other lacks.

Each gold event is paired with at most one coded (non-negated) event of the same record, greedily by
agreement (CAMEO root counts double, then source country, target country, PLOVER type).
"""
from __future__ import annotations

from collections import Counter, defaultdict

from ..model import Article, Event
from .spans import prf


def _countries(actors) -> set[str]:
    return {a.get("country") for a in actors or [] if a.get("country")}


def _side_ok(ref, gold: set[str], paired: bool) -> bool:
    """A side is right when its country is one gold names, or when neither names one (a group, a crowd)."""
    country = ref.country if ref else None
    return paired and (country in gold if gold else country is None)


def _agreement(g: dict, e: Event) -> int:
    score = 0
    if g.get("cameo") and e.cameo and e.cameo[:2] == g["cameo"][:2]:
        score += 2
    if e.source and e.source.country in _countries(g.get("source_actors")):
        score += 1
    if e.target and e.target.country in _countries(g.get("target_actors")):
        score += 1
    if g.get("event") and e.plover == g["event"]:
        score += 1
    return score


def _pair(gold: list[dict], coded: list[Event]) -> list[tuple[dict, Event | None]]:
    cands = sorted(((_agreement(g, e), gi, ei) for gi, g in enumerate(gold) for ei, e in enumerate(coded)),
                   key=lambda t: (-t[0], t[1], t[2]))
    used_g, used_e, pairs = set(), set(), {}
    for _, gi, ei in cands:
        if gi in used_g or ei in used_e:
            continue
        used_g.add(gi)
        used_e.add(ei)
        pairs[gi] = coded[ei]
    return [(g, pairs.get(gi)) for gi, g in enumerate(gold)]


def score(records: list[dict], coded: list[Article]) -> dict:
    n = Counter()
    confusion: dict[str, Counter] = defaultdict(Counter)
    per_type = defaultdict(Counter)  # type -> tp/fp/fn
    missed, spurious = [], []
    for rec, art in zip(records, coded):
        gold = rec.get("events") or []
        live = [e for e in art.events if not e.negated]
        pairs = _pair(gold, live)
        paired_ids = {id(e) for _, e in pairs if e is not None}
        for g, e in pairs:
            n["gold"] += 1
            groot = (g.get("cameo") or "")[:2] or "??"
            proot = (e.cameo[:2] if e else "--")
            confusion[groot][proot] += 1
            if e is None:
                missed.append({"id": rec.get("id"), "cameo": g.get("cameo"), "text": rec["text"][:200]})
            src_ok = _side_ok(e and e.source, _countries(g.get("source_actors")), e is not None)
            tgt_gold = _countries(g.get("target_actors"))
            tgt_ok = _side_ok(e and e.target, tgt_gold, e is not None)
            root_ok = bool(e and g.get("cameo") and e.cameo[:2] == g["cameo"][:2])
            if g.get("cameo"):
                n["with_cameo"] += 1
                n["root_ok"] += root_ok
                n["exact_ok"] += bool(e and e.cameo == g["cameo"])
            if _countries(g.get("source_actors")):
                n["with_source"] += 1
                n["source_ok"] += src_ok
            if tgt_gold:
                n["with_target"] += 1
                n["target_ok"] += tgt_ok
            n["triple_ok"] += root_ok and src_ok and tgt_ok
            if g.get("event"):
                n["with_type"] += 1
                ok = bool(e and e.plover == g["event"])
                n["type_ok"] += ok
                per_type[g["event"]]["tp" if ok else "fn"] += 1
                if e and not ok and e.plover:
                    per_type[e.plover]["fp"] += 1
        for e in live:
            if id(e) not in paired_ids:
                n["spurious"] += 1
                if e.plover:
                    per_type[e.plover]["fp"] += 1
                spurious.append({"id": rec.get("id"), "cameo": e.cameo, "trigger": e.trigger.text if e.trigger else None,
                                 "source": e.source.country if e.source else None,
                                 "target": e.target.country if e.target else None})
        n["coded"] += len(live)

    def ratio(a, b):
        return round(n[a] / n[b], 4) if n[b] else None

    f1s = [prf(c["tp"], c["tp"] + c["fp"], c["tp"] + c["fn"])["f1"] for c in per_type.values()]
    return {
        "gold_events": n["gold"], "coded_events": n["coded"],
        "plover_type_accuracy": ratio("type_ok", "with_type"),
        "plover_macro_f1": round(sum(f1s) / len(f1s), 4) if f1s else None,
        "cameo_root_accuracy": ratio("root_ok", "with_cameo"),
        "cameo_exact_accuracy": ratio("exact_ok", "with_cameo"),
        "source_country_accuracy": ratio("source_ok", "with_source"),
        "target_country_accuracy": ratio("target_ok", "with_target"),
        "triple_accuracy": ratio("triple_ok", "gold"),
        "missed": len(missed), "spurious": n["spurious"],
        "confusion": {g: dict(c) for g, c in sorted(confusion.items())},
        "missed_examples": missed[:25], "spurious_examples": spurious[:25],
    }
