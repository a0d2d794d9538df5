"""Entities: per-type P/R/F1 of named PER/ORG/GPE mentions, exact span and overlap.

Coded mentions come from the actors (persons -> PER, countries -> GPE, organisations and groups ->
ORG; pronouns and lower-case role nouns are not names and are left out) and from places not already
covered by an actor (GPE). Gold keeps items flagged `name_like` when the flag is present.
"""
from __future__ import annotations

from collections import Counter

from ..model import Article
from .spans import overlaps, prf

TYPES = ("PER", "ORG", "GPE")
KIND_TYPE = {"person": "PER", "country": "GPE", "organisation": "ORG", "group": "ORG"}


def coded_mentions(art: Article) -> set[tuple[int, int, str]]:
    out = set()
    for a in art.actors:
        t = KIND_TYPE.get(a.kind)
        for m in a.mentions:
            if t and m.text[:1].isupper() and m.text.lower() not in {"he", "she", "his", "her", "they", "it"}:
                start, end = _name_part(a, m) if t == "PER" else (m.start, m.end)
                out.add((start, end, t))
    for p in art.places:
        if not any(overlaps(p.start, p.end, s, e) for s, e, _ in out):
            out.add((p.start, p.end, "GPE"))
    return out


def _name_part(actor, m) -> tuple[int, int]:
    """A titled mention ("US Secretary of State Marco Rubio") names the person only in its last
    words; gold sets mark the name, so the name part is what is compared."""
    i = m.text.rfind(actor.name)
    if i >= 0:
        return m.start + i, m.start + i + len(actor.name)
    words = actor.name.split()
    i = m.text.rfind(words[-1]) if words else -1
    if i > 0 and not m.text[i - 1].isalnum():  # "Secretary Rubio" -> "Rubio"
        return m.start + i, m.end
    return m.start, m.end


def score(records: list[dict], coded: list[Article]) -> dict:
    c = {t: Counter() for t in TYPES}
    for rec, art in zip(records, coded):
        gold = {(g["start"], g["end"], g["type"]) for g in rec.get("entities") or []
                if g.get("type") in TYPES and g.get("name_like", True)}
        pred = coded_mentions(art)
        for t in TYPES:
            gt = {(s, e) for s, e, ty in gold if ty == t}
            pt = {(s, e) for s, e, ty in pred if ty == t}
            c[t]["gold"] += len(gt)
            c[t]["pred"] += len(pt)
            c[t]["exact"] += len(gt & pt)
            c[t]["overlap"] += sum(any(overlaps(s, e, s2, e2) for s2, e2 in pt) for s, e in gt)
    out = {}
    for t in TYPES:
        out[t] = {"exact": prf(c[t]["exact"], c[t]["pred"], c[t]["gold"]),
                  "overlap": prf(c[t]["overlap"], c[t]["pred"], c[t]["gold"])}
    tot = Counter()
    for t in TYPES:
        tot.update(c[t])
    out["all"] = {"exact": prf(tot["exact"], tot["pred"], tot["gold"]),
                  "overlap": prf(tot["overlap"], tot["pred"], tot["gold"])}
    return out
