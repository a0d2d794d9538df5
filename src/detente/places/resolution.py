"""Choosing one reading per toponym: the one the article supports, not the biggest namesake.

Each reading gets a prior (countries > first-level divisions and regions > cities by log population,
capitals a little more, a name that is only an alternate name a little less, a lexicon `preferred`
reading more) plus the article's support for it:
- the share of the article's other names (unambiguous toponyms, actors, the dateline, US counties: the
  caller passes those as `actor_countries`) in its country;
- for US towns, the share of the article's other US names in its state (a county named in one state
  only pins the state);
- other names with a reading within PROXIMITY_KM of it (towns of one county name each other);
- a ", <state or country>" qualifier right after it rules out every reading outside it.
Same name, same reading throughout an article. Two passes: the second reads the context the first
resolved, and a name's own readings never vote for themselves. The weights were set on the places dev
set (benchmarks/places.py).
"""
from __future__ import annotations

import math
from collections import Counter
from typing import Iterable, Optional

from .gazetteer import Candidate, Gazetteer, key
from .toponyms import Mention

PRIOR = {"country": 10.0, "admin1": 8.5, "region": 8.5}
CAPITAL_BONUS = 1.0
ALT_NAME_PENALTY = 1.5
PREFERRED_BONUS = 3.0
COUNTRY_WEIGHT = 4.5
CONTEXT_SMOOTHING = 1.0
STATE_BONUS = 3.0
QUALIFIER_MISS = -20.0
DATELINE_CITY_BONUS = 1.0  # datelines name cities
PROXIMITY_KM = 100.0
PROXIMITY_WEIGHT = 3.0
PROXIMITY_CAP = 3  # neighbours that earn the full proximity bonus
PROXIMITY_CANDIDATES = 15  # readings per name taken into account, biggest first


def resolve_all(mentions: list[Mention], gaz: Gazetteer, actor_countries: Iterable[str] = (),
                hint_states: Iterable[str] = ()) -> dict[int, Candidate]:
    """Mention index -> chosen reading, for every mention the gazetteer knows. `hint_states`: US
    states the article is known to be about (from counties it names)."""
    hint_states = set(hint_states)
    cands = [_candidates(m, gaz) for m in mentions]
    base = Counter(c for c in actor_countries if c)
    # what the article says without any guessing: names with a single country among their readings
    for _m, cs in zip(mentions, cands):
        countries = {c.country for c, _ in cs}
        if len(countries) == 1 and None not in countries:
            base[next(iter(countries))] += 1
    near = _neighbours(mentions, cands)
    at: dict[int, list[int]] = {}  # a mention's positions in the list (a qualifier's), not a scan per name
    for i, m in enumerate(mentions):
        at.setdefault(id(m), []).append(i)
    chosen: dict[int, Candidate] = {}
    for _ in range(2):
        # the context a name gets is what the other names say: a reading must not vote for itself
        ctx_all, own = Counter(base), {}
        states_all, own_states = Counter(), {}
        for i, c in chosen.items():
            k = key(mentions[i].text)
            ctx_all[c.country] += 1
            own.setdefault(k, Counter())[c.country] += 1
            if c.country == "USA" and c.admin1:
                states_all[c.admin1] += 1
                own_states.setdefault(k, Counter())[c.admin1] += 1
        by_key: dict[str, Candidate] = {}
        order = sorted(range(len(mentions)), key=lambda i: mentions[i].qualifier is None)  # qualified first
        new: dict[int, Candidate] = {}
        for i in order:
            m = mentions[i]
            if not cands[i]:
                continue
            k = key(m.text) if not (m.qualifier or m.dateline or m.demonym) else None
            if k in by_key:
                new[i] = by_key[k]
                continue
            qual = _qualifier(m, gaz, chosen, at)
            ctx = ctx_all - own.get(key(m.text), Counter())
            st = states_all - own_states.get(key(m.text), Counter())
            best = max(cands[i], key=lambda cp: _score(cp[0], cp[1], m, gaz, ctx, st, hint_states, qual)
                       + PROXIMITY_WEIGHT * min(near.get(id(cp[0]), 0), PROXIMITY_CAP) / PROXIMITY_CAP)
            new[i] = best[0]
            if k:
                by_key[k] = best[0]
            elif m.qualifier:  # "Athens, Ga." then "Athens" alone: the same town
                by_key.setdefault(key(m.text), best[0])
        chosen = new
    return chosen


def _neighbours(mentions: list[Mention], cands: list[list[tuple[Candidate, bool]]]) -> dict[int, int]:
    """For each local reading (city, division), how many other names in the article have a reading
    within PROXIMITY_KM of it: small towns of one county name each other (Alexandria, Brandon and
    Kensington, Minnesota), while their namesakes elsewhere stand alone."""
    per_key: dict[str, list[Candidate]] = {}
    for m, cs in zip(mentions, cands):
        if m.demonym or not cs:
            continue
        local = [c for c, _ in cs if c.feature in ("city", "admin1")]
        local.sort(key=lambda c: -c.population)
        per_key.setdefault(key(m.text), local[:PROXIMITY_CANDIDATES])
    if len(per_key) < 2:
        return {}
    # points in 1-degree cells, so each reading is compared with the few cells around it only
    cells: dict[tuple[int, int], list[tuple[str, float, float]]] = {}
    for k, local in per_key.items():
        for c in local:
            cells.setdefault((math.floor(c.lat), math.floor(c.lon)), []).append((k, math.radians(c.lat), math.radians(c.lon)))
    out: dict[int, int] = {}
    lim = PROXIMITY_KM / 6371.0
    reach = math.ceil(math.degrees(lim))
    for k, local in per_key.items():
        for c in local:
            la, lo = math.radians(c.lat), math.radians(c.lon)
            cos_la = math.cos(la)
            span = min(180, math.ceil(reach / max(cos_la, 0.01)))
            others = set()
            cy, cx = math.floor(c.lat), math.floor(c.lon)
            for y in range(cy - reach, cy + reach + 1):
                for x in range(cx - span, cx + span + 1):
                    for k2, la2, lo2 in cells.get((y, (x + 180) % 360 - 180), ()):
                        if k2 != k and k2 not in others and (la2 - la) ** 2 + ((lo2 - lo) * cos_la) ** 2 < lim * lim:
                            others.add(k2)
            out[id(c)] = len(others)
    return out


def _candidates(m: Mention, gaz: Gazetteer) -> list[tuple[Candidate, bool]]:
    if m.demonym:
        return [(gaz.country[m.demonym], True)] if m.demonym in gaz.country else []
    if m.text in gaz.state_abbrev:
        return [(gaz.state_abbrev[m.text], True)]
    return gaz.lookup(m.text)


def _qualifier(m: Mention, gaz: Gazetteer, chosen: dict[int, Candidate], at: dict[int, list[int]]) -> Optional[Candidate]:
    """The reading of the name that qualifies m ("Athens, Ga."), if any: chosen for it, else its
    first country or first-level division. `at`: each mention's positions (by id) among the mentions."""
    q = m.qualifier
    if q is None:
        return None
    if q.text in gaz.state_abbrev:
        return gaz.state_abbrev[q.text]
    for i in at.get(id(q), ()):
        if i in chosen:
            return chosen[i]
    cs = [c for c, _ in gaz.lookup(q.text) if c.feature in ("country", "admin1")]
    return cs[0] if cs else None


def _score(c: Candidate, primary: bool, m: Mention, gaz: Gazetteer, ctx: Counter, states: Counter,
           hint_states: set, qual: Optional[Candidate]) -> float:
    if c.feature == "city":
        s = math.log10(c.population + 10) + (CAPITAL_BONUS if c.capital else 0.0)
        if m.dateline:
            s += DATELINE_CITY_BONUS
    else:
        s = PRIOR.get(c.feature, 8.0)
    if not primary:
        s -= ALT_NAME_PENALTY
    if gaz.preferred.get(key(m.text)) is c:
        s += PREFERRED_BONUS
    # the share of the article's other names in this country; one stray mention weighs little
    s += COUNTRY_WEIGHT * ctx.get(c.country, 0) / (sum(ctx.values()) + CONTEXT_SMOOTHING)
    if c.admin1 and c.feature == "city":
        # the share of the article's other US names in this state; a county named here pins it
        share = 1.0 if c.admin1 in hint_states else states.get(c.admin1, 0) / (sum(states.values()) + CONTEXT_SMOOTHING)
        s += STATE_BONUS * share
    if qual is not None:
        if qual.feature == "country" and c.country != qual.country:
            s += QUALIFIER_MISS
        elif qual.feature == "admin1" and (c.country != qual.country or (qual.admin1 and c.admin1 != qual.admin1)):
            s += QUALIFIER_MISS
    return s
