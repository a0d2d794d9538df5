"""Targets the text leaves implicit: a transfer's or relation's partner, and the country an event
took place in (for a visit's host, or every event under PETRARCH's convention); and the events that
are none without their parties (aid to no one, a visit with no host, cooperation in private life)."""
from __future__ import annotations

import bisect
from collections import Counter
from typing import Optional

from .. import ontology
from ..model import Actor, ActorRef, Entity, Event, Place, stable_id
from .lexicon import has
from .record import rid
from .state import State

# cooperative events that always have a receiving side: when the text leaves it implicit
# ("handed over an operative"), it is the article's main counterpart of the source
IMPLICIT_TARGET_ROOTS = ("06", "07")


# verbal acts aimed at someone (appeals, demands, criticism, rejection, threats): when the grammar
# names no target, the sentence's other party is the one addressed
ADDRESSED_ROOTS = ("02", "10", "11", "12", "13")
APPEAL_ROOT = "02"  # appeals and requests (CAMEO 02)


def _asks_for(s: State, e: Event) -> bool:
    """'called for a ceasefire', 'pushed for extra funding': an appeal that names what it asks for and no
    one it asks; the actors of the sentence are no addressees (the exhaustive gold leaves it without)."""
    t = s.p.token_at(e.trigger.start)
    kids = s.p.children(t.i) if t is not None else []
    return any(c.dep == "prep" and c.lower == "for" for c in kids) and \
        not any(c.dep in ("dobj", "dative") for c in kids)


def addressed_targets(s: State, events: list[Event]) -> None:
    """'Graham criticised the decision, saying the president had ...': a verbal act whose target the
    parse does not give is aimed at the first other actor its sentence names (not the source, nor
    within the source's words); with none, it keeps no target."""
    mentions = None  # every actor mention by offset, built once: each event then looks in its sentence only
    for e in events:
        if e.target is not None or e.source is None or not e.cameo.startswith(ADDRESSED_ROOTS):
            continue
        if e.cameo.startswith(APPEAL_ROOT) and _asks_for(s, e):
            continue  # "called for the nationalization of the Federal Reserve": what is asked, not of whom
        if mentions is None:
            mentions = sorted(((m.start, k, a, m) for k, a in enumerate(s.actors) for m in a.mentions),
                              key=lambda x: x[:2])
            starts = [x[0] for x in mentions]
        sent = e.sentence
        best = None
        for start, _, a, m in mentions[bisect.bisect_left(starts, sent.start):bisect.bisect_left(starts, sent.end)]:
            if (e.source.actor and a.id == e.source.actor) or e.source.start <= start < e.source.end:
                continue
            best = (a, m)
            break
        if best is not None:
            e.target = best[0].ref(best[1])
            e.id = stable_id(s.a.id, str(e.trigger.start), str(e.trigger.end), rid(e.source), rid(e.target), e.cameo)


def implicit_targets(s: State, events: list[Event]) -> None:
    """Transfers and relations whose partner the text leaves implicit go to the article's main
    counterpart of the source's country (the most-mentioned other country)."""
    counts: Counter = Counter()
    best: dict[str, tuple[tuple[bool, int], Actor]] = {}
    for a in s.actors:
        if a.country and a.mentions:
            counts[a.country] += len(a.mentions)
            rank = (a.kind == "country", len(a.mentions))  # the state itself before its people
            if a.country not in best or rank > best[a.country][0]:
                best[a.country] = (rank, a)
    for e in events:
        if e.target is not None or e.source is None or not e.source.country:
            continue
        if not (e.cameo.startswith(IMPLICIT_TARGET_ROOTS) or _relation_event(s, e)):
            continue
        other = [(n, c) for c, n in counts.items() if c != e.source.country]
        if not other:
            continue
        actor = best[max(other)[1]][1]
        e.target = actor.ref(actor.mentions[0])
        e.id = stable_id(s.a.id, str(e.trigger.start), str(e.trigger.end), rid(e.source), rid(e.target), e.cameo)


def _relation_event(s: State, e: Event) -> bool:
    """'expand ties', 'the relationship was strained': an event about a relation, whose partner is implied."""
    tok = s.p.token_at(e.trigger.start)
    if tok is None:
        return False
    return any(has(c, s.lex.relation_objects) for c in s.p.children(tok.i) if c.dep in ("dobj", "nsubjpass"))


def place_targets(events: list[Event], codes=None) -> list[Event]:
    """A targetless event aimed at the country it took place in (not the source's own country): always
    for the codes whose CAMEO target is the place (a visit's host, a deployment's location: lexicon
    place_targets), for every code under PETRARCH's convention (codes None). The target refers to no
    actor (`actor` None) and points at the place's words."""
    for e in events:
        if codes is not None and e.cameo not in codes:
            continue
        pl = e.place
        if e.target is not None or pl is None or not pl.country or pl.start < 0:
            continue
        if e.source is not None and e.source.country == pl.country:
            continue
        e.target = _place_side(pl)
    return events


def _place_side(pl) -> ActorRef:
    """A place's country as an event's side: no actor, the place's words."""
    return ActorRef(None, pl.text, pl.start, pl.end, pl.country, pl.country, None)


def visit_hosts(events: list[Event], places: list[Place], named_events: list[Entity], host_codes) -> list[Event]:
    """A visit (or its hosting) with no host named nor placed is aimed at the one foreign country its
    sentence names ("made a visit to the German capital, Berlin"); one to a named event after it ("attend
    the Beijing Olympics", NER: EVENT) stands with no target; with_parties drops the rest ("came back
    home")."""
    mentioned = sorted((pl for pl in places if pl.role == "mentioned" and pl.country), key=lambda pl: pl.start)
    starts = [pl.start for pl in mentioned]
    out = []
    for e in events:
        if e.cameo not in host_codes or e.target is not None or e.sentence is None:
            out.append(e)
            continue
        if any(e.trigger.end <= x.start < e.sentence.end for x in named_events):
            out.append(e)
            continue
        own = e.source.country if e.source is not None else None
        # the sentence's places by bisection: a long article has thousands
        inside = mentioned[bisect.bisect_left(starts, e.sentence.start):bisect.bisect_left(starts, e.sentence.end)]
        abroad = [pl for pl in inside if pl.country != own]
        if len({pl.country for pl in abroad}) == 1:
            e.target = _place_side(abroad[0])
            out.append(e)
    return out


# cooperation, aid and meetings between private persons are private life, no political event ("he met
# bassist Jack Bruce", "met officers at an Irish pub")
PRIVATE_LIFE = {"COOPERATE", "AID", "CONSULT"}


def political(events: list[Event], actors: list[Actor]) -> list[Event]:
    """Drop cooperation, aid and meetings with no political party on either side: a person with no
    office, role or sector on both ('he collaborated with Fela Kuti', 'he met bassist Jack Bruce')."""
    private = {a.id for a in actors if a.kind == "person" and not a.sector and not a.role}

    def priv(r: Optional[ActorRef]) -> bool:
        return r is None or r.actor in private
    return [e for e in events if not (e.plover in PRIVATE_LIFE and priv(e.source) and priv(e.target))]


# SANCTION requires a recipient too (the codebook's `requires_recipient`), but a withdrawal from a treaty or
# a ban is coded with none (the gold does so, and dropping them lost true events)
RECIPIENT_OPTIONAL = {"SANCTION"}


def with_parties(events: list[Event], doer_required: frozenset = frozenset(),
                 implied: Optional[dict] = None) -> list[Event]:
    """PLOVER's types that require a recipient are no event without one: aid and cooperation given to no
    one the text names ("residents donated blood", "the NSF funded the research"). Nor is a party's own
    choice that no one named made (lexicon doer_required: "four Navy ships assisted by aircraft", "the
    vote to remove him failed", "a new threat to his rule emerged"), unless it is denied or a state
    does it by definition (implied: lexicon implied_authority, "the arrest came after ...")."""
    def needs(e: Event) -> bool:
        info = ontology.plover_type(e.plover) if e.plover not in RECIPIENT_OPTIONAL else None
        return bool(info and info["recipient"])

    def doer(e: Event) -> bool:
        code = e.cameo or ""
        return (e.source is not None or e.negated or e.plover not in doer_required
                or any(c in (implied or {}) for c in (code, code[:3])))
    # a denied transfer stays, negated, with its words' provider unresolved: "rejected claims that it had
    # sold weapons" is the denial's scope an analyst checks
    return [e for e in events if (e.target is not None or not needs(e)) and doer(e)]
