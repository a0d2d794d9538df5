"""PLOVER's coding conventions (manual ch. 3), applied to events once their CAMEO code is known.

- AGREE: "cooperative actions of types CONSULT, SUPPORT, COOPERATE and AID reported in future tense
  are taken to imply intentions and should be coded as AGREE". An intended (future, promised)
  cooperative event takes CAMEO's intent code for it (lexicon `intentions`: 04 -> 036, 07 -> 033 ...).
  The manual keeps the original type for "a specific action [that] it is clear ... will be
  realized": a meeting or visit that is simply scheduled ("will meet in Zurich", "is scheduled to
  attend") stays CONSULT; one that is promised or agreed to ("agreed to meet", "ready to hold talks")
  is AGREE (lexicon words `promise_words`).
- CONCEDE: "announcements of future retreats should be coded as CONCEDE" ("announced ... would withdraw
  troops"); future concessions stay CONCEDE. The CAMEO code keeps the intent code (035x), the PLOVER
  type is CONCEDE.
- SANCTION: "all reductions in existing, routine, or cooperative relations", among them "international
  (political or economic) sanctions" and expelling "an entity from a group, organization ... or
  country", save "individual deportations", which are COERCE. A ban or restriction (CAMEO 172) a state
  puts on another country's people, firms or travel is a sanction (163); an expulsion (174) of another
  country's troops, diplomats, officials or agencies (lexicon expelled_bodies) is one too (166).
Negated events are left as they are: they are not events an analyst counts.
"""
from __future__ import annotations

from typing import Optional

from .. import ontology
from ..model import Event, Parse
from .lexicon import Lexicon, has, intention

FUTURE_TO_AGREE = {"CONSULT", "SUPPORT", "COOPERATE", "AID"}
FUTURE_TO_CONCEDE = {"RETREAT", "CONCEDE"}


def _recode(e: Event, code: str) -> None:
    info = ontology.cameo(code)
    plover = ontology.plover(code) or (None, None)
    if info is None:
        return
    e.cameo, e.cameo_name, e.goldstein, e.quad_class = code, info[0], info[1], info[2]
    e.plover, e.plover_mode = plover


def _promised(parse: Parse, e: Event, lex: Lexicon) -> bool:
    """Is the event's verb the complement of a promise, agreement or readiness ("agreed to meet")?"""
    tok = parse.token_at(e.trigger.start)
    if tok is not None and tok.pos in ("NOUN", "PROPN") and tok.dep in ("dobj", "nsubjpass"):
        tok = parse.tokens[tok.head]  # "agreed to resume talks": the talks are promised through their verb
    steps = 0
    while tok is not None and tok.dep in ("xcomp", "ccomp", "acl", "advcl") and steps < 3:
        tok, steps = parse.tokens[tok.head], steps + 1
        if has(tok, lex.words["promise_words"]):
            return True
    return False


# CAMEO code of a restriction or expulsion -> its sanction when aimed at another country (see above)
AGAINST_ANOTHER_STATE = {"172": "163", "174": "166"}


def _foreign_restriction(e: Event, lex: Lexicon) -> Optional[str]:
    code = AGAINST_ANOTHER_STATE.get(e.cameo)
    src, tgt = e.source, e.target
    if code is None or src is None or tgt is None or not src.country or not tgt.country or src.country == tgt.country:
        return None
    if e.cameo == "174" and (tgt.sector or "").lower() not in lex.words["expelled_bodies"]:
        return None  # deporting migrants or convicts is no reduction of relations
    return code


def apply(events: list[Event], lex: Lexicon, parse: Parse) -> list[Event]:
    for e in events:
        sanction = None if e.negated else _foreign_restriction(e, lex)
        if sanction is not None:
            _recode(e, sanction)
        if e.negated or e.modality != "intended" or not e.plover:
            continue
        if e.plover == "CONSULT" and not _promised(parse, e, lex):
            continue  # a scheduled meeting is a meeting
        if e.plover not in FUTURE_TO_AGREE and e.plover not in FUTURE_TO_CONCEDE:
            continue
        concede = e.plover in FUTURE_TO_CONCEDE
        code = intention(lex, e.cameo)
        if code is not None:
            _recode(e, code)
        if concede:
            e.plover, e.plover_mode = "CONCEDE", None
    return events
