"""PLOVER's coding conventions (manual ch. 3), applied to events once their CAMEO code is known.

- AGREE: "cooperative actions of types CONSULT, SUPPORT, COOPERATE and AID reported in future tense
  are taken to imply intentions and should be coded as AGREE". An intended (future, promised)
  cooperative event takes CAMEO's intent code for it (lexicon `intentions`: 04 -> 036, 07 -> 033 ...).
- CONCEDE: "announcements of future retreats should be coded as CONCEDE" ("announced ... would withdraw
  troops"); future concessions stay CONCEDE. The CAMEO code keeps the intent code (035x), the PLOVER
  type is CONCEDE.
Negated events are left as they are: they are not events an analyst counts.
"""
from __future__ import annotations

from .. import ontology
from ..model import Event
from .lexicon import Lexicon, intention

FUTURE_TO_AGREE = {"CONSULT", "SUPPORT", "COOPERATE", "AID"}
FUTURE_TO_CONCEDE = {"RETREAT", "CONCEDE"}


def _recode(e: Event, code: str) -> None:
    info = ontology.cameo(code)
    plover = ontology.plover(code) or (None, None)
    if info is None:
        return
    e.cameo, e.cameo_name, e.goldstein, e.quad_class = code, info[0], info[1], info[2]
    e.plover, e.plover_mode = plover


def apply(events: list[Event], lex: Lexicon) -> list[Event]:
    for e in events:
        if e.negated or e.modality != "intended" or not e.plover:
            continue
        if e.plover in FUTURE_TO_AGREE:
            code = intention(lex, e.cameo)
            if code is not None:
                _recode(e, code)
        elif e.plover in FUTURE_TO_CONCEDE:
            code = intention(lex, e.cameo)
            if code is not None:
                _recode(e, code)
            e.plover, e.plover_mode = "CONCEDE", None
    return events
