"""Choosing one reading per toponym: the one the article supports, not the biggest namesake.

Each reading gets a prior (countries > first-level divisions and regions > cities by log population,
capitals a little more, a name that is only an alternate name a little less, a lexicon `preferred`
reading more) plus the article's support for it:
- the share of the article's other names (unambiguous toponyms, actors, the dateline, US counties: the
  caller passes those as `actor_countries`) in its country; not for a world city's small namesake
  abroad (London, Ohio) unless its county or a neighbouring town of few namesakes is named too;
- for towns, the share of the article's other names in its state or province (a county named in one
  state only pins the state);
- a US county the article names that holds the town ("Palestine ... Anderson County": Texas);
- other names with a reading within PROXIMITY_KM of it (towns of one county name each other);
- a ", <state or country>" qualifier right after it rules out every reading outside it, and is itself
  read as the state or country ("Tacoma, Washington": the state) when one of its readings holds the town;
- a name listed among states or provinces ("California or Washington") is one too.
Same name, same reading throughout an article. Two passes: the second reads the context the first
resolved, and a name's own readings never vote for themselves. The weights were set on the places dev
set (benchmarks/places.py).
"""
from __future__ import annotations

import math
import re
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
COUNTY_BONUS = 6.0
QUALIFIER_MISS = -20.0
DATELINE_CITY_BONUS = 1.0  # datelines name cities
WORLD_CITY = 1_000_000
OVERSHADOW_RATIO = 100
PROXIMITY_KM = 100.0
PROXIMITY_WEIGHT = 3.0
PROXIMITY_CAP = 3  # neighbours that earn the full proximity bonus
PROXIMITY_CANDIDATES = 15  # readings per name taken into account, biggest first
FEW_NAMESAKES = 3


def resolve_all(mentions: list[Mention], gaz: Gazetteer, actor_countries: Iterable[str] = (),
                hint_states: Iterable[str] = (), counties: Iterable[str] = (), text: str = "") -> dict[int, Candidate]:
    """Mention index -> chosen reading, for every mention the gazetteer knows. `hint_states`: US
    states the article is known to be about (from counties it names); `counties`: the keys of the US
    counties it names ("henry county"); `text`: the article, for the lists names stand in."""
    hint_states = {("USA", s) for s in hint_states}
    counties = set(counties)
    cands = [_candidates(m, gaz) for m in mentions]
    _read_qualifiers_as_areas(mentions, cands)
    base = Counter(c for c in actor_countries if c)
    # what the article says without any guessing: names with a single country among their readings
    for _m, cs in zip(mentions, cands):
        countries = {c.country for c, _ in cs}
        if len(countries) == 1 and None not in countries:
            base[next(iter(countries))] += 1
    near = _neighbours(mentions, cands)
    # the neighbouring towns that tell a small namesake apart: not a state's middle, nor a name with
    # namesakes all over (Richmond, Washington), which has one near any town
    towns = _neighbours(mentions, cands, ("city",), FEW_NAMESAKES)
    at: dict[int, list[int]] = {}  # a mention's positions in the list (a qualifier's), not a scan per name
    for i, m in enumerate(mentions):
        at.setdefault(id(m), []).append(i)
    chosen: dict[int, Candidate] = {}
    lists = _lists(mentions, text)
    for rnd in range(2):
        if rnd:
            _read_like_the_list(mentions, lists, cands, chosen)
        # the context a name gets is what the other names say: a reading must not vote for itself
        ctx_all, own = Counter(base), {}
        states_all, own_states = Counter(), {}
        for i, c in chosen.items():
            k = key(mentions[i].text)
            ctx_all[c.country] += 1
            own.setdefault(k, Counter())[c.country] += 1
            if c.admin1:  # a state, province or region, and the towns in it
                states_all[(c.country, c.admin1)] += 1
                own_states.setdefault(k, Counter())[(c.country, c.admin1)] += 1
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
            world = _world_city(cands[i])
            best = max(cands[i], key=lambda cp: _score(cp[0], cp[1], m, gaz, ctx, st, hint_states, qual, world, counties,
                                                       towns.get(id(cp[0]), 0))
                       + PROXIMITY_WEIGHT * min(near.get(id(cp[0]), 0), PROXIMITY_CAP) / PROXIMITY_CAP)
            new[i] = best[0]
            if k:
                by_key[k] = best[0]
            elif m.qualifier:  # "Athens, Ga." then "Athens" alone: the same town
                by_key.setdefault(key(m.text), best[0])
        chosen = new
    return chosen


_LIST_GAP = re.compile(r"\s*(?:,|,?\s+(?:and|or))\s*")


def _lists(mentions: list[Mention], text: str) -> list[list[int]]:
    """Runs of names joined by commas, "and" or "or" ("California, Oregon and Washington"); a name
    and the area that qualifies it ("Tacoma, Washington") are no list."""
    out: list[list[int]] = []
    for i in range(1, len(mentions)):
        a, b = mentions[i - 1], mentions[i]
        if a.qualifier is b or b.qualifier is a or not text or not _LIST_GAP.fullmatch(text[a.end:b.start]):
            continue
        if out and out[-1][-1] == i - 1:
            out[-1].append(i)
        else:
            out.append([i - 1, i])
    return out


def _read_like_the_list(mentions: list[Mention], lists: list[list[int]], cands: list[list[tuple[Candidate, bool]]],
                        chosen: dict[int, Candidate]) -> None:
    """A name listed among states or provinces is one too: "California or Washington" is the state,
    though "Washington" alone is the capital ("Texas and Washington, D.C." keeps its qualifier's
    reading). Read from the first pass's choices."""
    for run in lists:
        for i in run:
            if mentions[i].qualifier is not None:
                continue
            others = [chosen.get(j) for j in run if j != i]
            if all(o is not None and o.feature == "admin1" for o in others):
                areas = [(c, p) for c, p in cands[i] if c.feature == "admin1"]
                if areas and len(areas) < len(cands[i]):
                    cands[i] = areas


def _read_qualifiers_as_areas(mentions: list[Mention], cands: list[list[tuple[Candidate, bool]]]) -> None:
    """In "Tacoma, Washington" the second name is the area the first lies in: where it has a state or
    country reading that holds one of the first name's readings, only such readings remain (Washington
    the state, not the capital the name means on its own). A name after a comma that holds none of
    them is a list ("Geneva, Washington and Moscow") and keeps all its readings."""
    at = {id(m): i for i, m in enumerate(mentions)}
    for i, m in enumerate(mentions):
        j = at.get(id(m.qualifier)) if m.qualifier is not None else None
        if j is None or not cands[j]:
            continue
        areas = [(c, p) for c, p in cands[j] if c.feature in ("country", "admin1")
                 and any(_inside(t, c) for t, _ in cands[i] if t.feature == "city")]
        if areas:
            cands[j] = areas


def _world_city(cands: list[tuple[Candidate, bool]]) -> Optional[Candidate]:
    """The reading of a name that is a world city (a capital or a city of a million), if any."""
    big = [c for c, p in cands if p and c.feature == "city" and (c.capital or c.population >= WORLD_CITY)]
    return max(big, key=lambda c: c.population) if big else None


def _overshadowed(c: Candidate, world: Optional[Candidate]) -> bool:
    """A town named after a world city abroad (London, Ohio; Cambridge, Massachusetts) that is a
    hundredth of its size: that the article is about the town's country does not say it is about
    the town, so the country context counts for it only beside a word from its own area (its county
    or a neighbouring town named)."""
    return (world is not None and c.feature == "city" and c.country != world.country
            and c.population * OVERSHADOW_RATIO < world.population)


def _inside(town: Candidate, area: Candidate) -> bool:
    return town.country == area.country and (area.feature == "country" or not area.admin1 or town.admin1 == area.admin1)


def _neighbours(mentions: list[Mention], cands: list[list[tuple[Candidate, bool]]],
                features: tuple = ("city", "admin1"), most: int = 0) -> dict[int, int]:
    """For each local reading (city, division), how many other names in the article have a reading
    within PROXIMITY_KM of it: small towns of one county name each other (Alexandria, Brandon and
    Kensington, Minnesota), while their namesakes elsewhere stand alone. `features`: the readings
    that count as neighbours; `most`: if given, only names with at most that many readings do."""
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
        for c in local if not most or len(local) <= most else ():
            if c.feature in features:
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
           hint_states: set, qual: Optional[Candidate], world: Optional[Candidate] = None,
           counties: frozenset = frozenset(), neighbours: int = 0) -> float:
    if c.feature == "city":
        s = math.log10(c.population + 10) + (CAPITAL_BONUS if c.capital else 0.0)
        if m.dateline:
            s += DATELINE_CITY_BONUS
    elif c.feature == "admin1" and c.population:
        s = math.log10(c.population + 10)  # a division known by its towns (gazetteer._divisions): weighed as one
    else:
        s = PRIOR.get(c.feature, 8.0)
    if not primary:
        s -= ALT_NAME_PENALTY
    if gaz.preferred.get(key(m.text)) is c:
        s += PREFERRED_BONUS
    if c.admin1 and c.feature == "city":
        # the share of the article's other names in this state or province; a county named here pins it
        area = (c.country, c.admin1)
        share = 1.0 if area in hint_states else states.get(area, 0) / (sum(states.values()) + CONTEXT_SMOOTHING)
        s += STATE_BONUS * share
    in_county = bool(c.county and c.county in counties and not c.county.startswith(key(m.text) + " "))
    if in_county:
        # "Palestine ... Anderson County": the county the article names holds this namesake, as good as
        # "Palestine, Texas"; but "Henderson County" does not say which Henderson is its seat
        s += COUNTY_BONUS
    # the share of the article's other names in this country; one stray mention weighs little, and a
    # world city's small namesake abroad needs its county or a neighbouring town named before its
    # country counts
    if in_county or neighbours or not _overshadowed(c, world):
        s += COUNTRY_WEIGHT * ctx.get(c.country, 0) / (sum(ctx.values()) + CONTEXT_SMOOTHING)
    if qual is not None and qual.feature in ("country", "admin1") and not _inside(c, qual):
        s += QUALIFIER_MISS
    return s
