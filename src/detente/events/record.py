"""The Event record made from a coded trigger, and the identity of an event's sides."""
from __future__ import annotations

from typing import Optional

from .. import ontology
from ..model import ActorRef, Event, Span, stable_id
from . import when_where, where
from .state import State


def event(s: State, trig, src, tgt, pol, speaker) -> Event:
    t = s.p.tokens[trig.i]
    sent = s.p.sentence_of(trig.i)
    words = [s.p.tokens[i] for i in trig.tokens]
    if words[-1].i - words[0].i == len(words) - 1:
        trigger = Span(words[0].start, words[-1].end, s.a.text[words[0].start:words[-1].end])
    else:
        trigger = Span(t.start, t.end, t.text)
    info = ontology.cameo(trig.code) or (None, None, None)
    plover = ontology.plover(trig.code) or (None, None)
    e = Event(
        # the code is part of the identity: "refused to meet" is a negated meeting and a rejection
        id=stable_id(s.a.id, str(trigger.start), str(trigger.end), rid(src), rid(tgt), trig.code),
        source=src, target=tgt, cameo=trig.code, cameo_name=info[0], goldstein=info[1], quad_class=info[2],
        plover=plover[0], plover_mode=plover[1], negated=pol.negated, modality=pol.modality,
        speaker=speaker if speaker is not src else None,
        sentence=Span(sent.start, sent.end, s.a.text[sent.start:sent.end]), trigger=trigger,
        evidence=s.a.text[sent.start:sent.end].strip(), mentions=[trigger],
    )
    when_where.date(s, e, trig.i)
    where.place(s, e, trig.i, src, tgt)
    return e


def rid(ref: Optional[ActorRef]) -> str:
    """A side's part of an event id: its actor and where it is named (start and end)."""
    return "" if ref is None else f"{ref.actor or ''}:{ref.start}:{ref.end}"


def same(a: Optional[ActorRef], b: Optional[ActorRef]) -> bool:
    if a is None or b is None:
        return False
    if a.actor and b.actor:
        return a.actor == b.actor
    return (a.start, a.end) == (b.start, b.end)
