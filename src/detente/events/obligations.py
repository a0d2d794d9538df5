"""Obligations: a speaker who says another party must or should do something demands it of them.

PLOVER's REQUEST is "all requests, demands, and orders" (manual ch. 3), and much of it is said without
a verb of asking: 'Rouhani said foreign powers should "get out of the region"'; "They must watch over
the captured fighters," he said. In what a speaker said (a quote the quotes stage attributed, or a
speech verb's complement), a clause whose verb carries a deontic modal ("must", "should", "ought to",
"have to", "need to") and whose subject is someone other than the speaker is the speaker's demand
(CAMEO 100; "should" and "ought" are the milder appeal, 020) on that subject. The clause's own act
stays what polarity makes it (not asserted). First-person obligations ("we must act") are the
speaker's own resolve, not a demand, and are left alone.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Callable, Optional

from ..model import ActorRef, Parse, Token
from .arguments import FIRST_PERSON
from .lexicon import Lexicon

DEMAND = "100"
APPEAL = "020"


@dataclass
class Obligation:
    word: int  # the modal (or "have"/"need") token: the trigger shown as evidence
    code: str
    source: ActorRef
    target: Optional[ActorRef]


def _modal(parse: Parse, v: Token, lex: Lexicon) -> Optional[tuple[Token, str]]:
    for c in parse.children(v.i):
        if c.dep == "aux" and c.lower in lex.words["demand_modals"]:
            return c, DEMAND
        if c.dep == "aux" and c.lower in lex.words["appeal_modals"]:
            return c, APPEAL
    # "they have to leave", "Europe needs to act": the obligation verb governs the act
    head = parse.tokens[v.head]
    # ("they had to choose" tells a past constraint, no demand)
    if v.dep == "xcomp" and head.lemma.lower() in lex.words["obligation_verbs"] and head.tag not in ("VBD", "VBN") and \
            any(c.dep == "aux" and c.lower == "to" for c in parse.children(v.i)):
        return head, DEMAND
    return None


def _subject(parse: Parse, v: Token) -> Optional[Token]:
    node = v
    if v.dep == "xcomp":
        node = parse.tokens[v.head]
    return next((c for c in parse.children(node.i) if c.dep in ("nsubj", "nsubjpass")), None)


def find(parse: Parse, statements: list[tuple[int, int, ActorRef]], done: set[int], lex: Lexicon,
         actor: Callable[[int], Optional[ActorRef]],
         someone: Callable[[int], Optional[ActorRef]] = lambda i: None) -> list[Obligation]:
    """The demands in what speakers said; statements are (start, end, speaker) character spans and
    done holds the sentences that already gave a REQUEST. `someone(i)` names the people a subject that
    is no known actor stands for ("they must ...", "the public should ..."), or None."""
    out, seen = [], set()
    for start, end, speaker in statements:
        for v in parse.tokens_in(start, end):
            if v.pos not in ("VERB", "AUX") or v.sent in done or v.i in seen:
                continue
            hit = _modal(parse, v, lex)
            subj = _subject(parse, v) if hit else None
            if hit is None or subj is None or subj.lower in FIRST_PERSON or subj.lower in ("it", "there", "this", "that"):
                continue
            target = actor(subj.i) or someone(subj.i)
            if target is None:
                continue  # "no leader should assume ...", "prices must fall": asked of no one in particular
            if (target.actor and target.actor == speaker.actor) or (target.start, target.end) == (speaker.start, speaker.end) \
                    or (target.code and target.code == target.country == speaker.country):
                continue  # the speaker's own duty, or their own state's ("the UK must leave", says its leader)
            seen.add(v.i)
            out.append(Obligation(hit[0].i, hit[1], speaker, target))
    return out
