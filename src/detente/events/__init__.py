"""Events: CAMEO/PLOVER coding of who did what to whom, when and where.

    extract(article, parse, actors, places) -> list[Event]

Triggers come from the lexicon (lexicon/events*.yaml), sources and targets from the dependency parse
through the actors stage's mentions, negation and modality from the governing words, dates from
timex.py, places from the places stage ("mentioned" places only, never the dateline). Every event
keeps its sentence, trigger and evidence; duplicates within an article are folded into one event.

Modules: coding (the per-article loop and each trigger's events), state (what that loop works on),
triggers, arguments and roles (sources and targets), polarity, record (the Event made), when_where
(its date and place), headline, statements (what speech adds), targets (implicit targets), dedupe,
lexicon (the events*.yaml tables).
"""
from __future__ import annotations

from typing import Optional

from ..model import Actor, Article, Event, Parse, Place, Quote
from ..settings import ENV_VARS, current, debugging
from .coding import MAX_EVENTS_PER_SENTENCE, code
from .lexicon import load
from .targets import place_targets, political, visit_hosts, with_parties

__all__ = ["extract", "MAX_EVENTS_PER_SENTENCE", "PLACE_AS_TARGET_ENV"]

PLACE_AS_TARGET_ENV = ENV_VARS["place_as_target"]  # kept for callers; settings.py reads it


def extract(article: Article, parse: Parse, actors: list[Actor], places: list[Place],
            place_as_target: Optional[bool] = None, quotes: Optional[list[Quote]] = None) -> list[Event]:
    """Every political event in the article; a document it cannot cope with gets a warning, not a crash.

    place_as_target: PETRARCH's convention, where an event with no target actor takes the country of
    the place it happened in as its target ("Obama and Putin will meet in Zurich" -> USA->CHE). Off by
    default (the place is kept in `Event.place`, and a meeting in Zurich is not an act towards
    Switzerland) except for the codes whose target CAMEO defines as the place (a visit's host country:
    lexicon place_targets); None takes the place_as_target setting in force ($DETENTE_PLACE_AS_TARGET).
    quotes: the quotes stage's output, whose harsh judgements of others are criticisms (evaluation.py)."""
    if place_as_target is None:
        place_as_target = current().place_as_target
    try:
        evs = code(article, parse, actors or [], places or [], quotes or [])
        lex = load()
        evs = place_targets(evs, None if place_as_target else lex.place_targets)
        named = [x for x in parse.entities if x.label == "EVENT"]
        evs = with_parties(visit_hosts(evs, places or [], named, lex.host_codes), lex.doer_required,
                           lex.implied_authority)
        return political(evs, actors or [])
    except Exception as e:  # a bad document must not stop a batch
        if debugging():
            raise
        article.warnings.append(f"events: skipped after {type(e).__name__}: {str(e)[:200]}")
        return []
