"""Is a toponym a place, or a party standing for its government (a metonym)?

Read from the dependency parse; the word lists live in lexicon/places.yaml under `metonym`.
See the module docstring of detente.places for the rule in full.
"""
from __future__ import annotations

from functools import lru_cache

from ..model import Parse, Token
from .gazetteer import read_yaml

_AGENT_DEPS = {"nsubj", "csubj"}
_VERBAL = {"VERB", "AUX"}
_VERB_PREPS = {"with", "about", "against", "toward", "towards"}


@lru_cache(maxsize=1)
def _lex() -> dict[str, frozenset[str]]:
    m = read_yaml("places.yaml").get("metonym") or {}
    return {k: frozenset(str(w).lower() for w in v or ()) for k, v in m.items()}


def is_metonym(parse: Parse, start: int, end: int) -> bool:
    """Whether the toponym at text[start:end] acts (subject, possessor, party to a relation)."""
    toks = parse.tokens_in(start, end)
    if not toks:
        return False
    lex = _lex()
    inside = {t.i for t in toks}
    head = next((t for t in toks if t.head not in inside or t.head == t.i), toks[-1])
    # "Pakistan and India": a later conjunct plays the part of the first
    seen = set()
    while head.dep == "conj" and head.head != head.i and head.i not in seen:
        seen.add(head.i)
        head = parse.tokens[head.head]
    gov = parse.tokens[head.head]
    dep = head.dep
    if dep in _AGENT_DEPS:
        return gov.pos in _VERBAL and gov.lemma.lower() not in lex.get("locative_verbs", ())
    if dep == "poss":
        return not _in(gov, lex.get("place_nouns", ()))
    if dep == "dobj":
        return gov.pos == "VERB" and not _in(gov, lex.get("place_object_verbs", ())) \
            and gov.lemma.lower() not in lex.get("locative_verbs", ())
    if dep == "pobj" and gov.dep in ("prep", "agent"):
        if gov.dep == "agent":
            return True
        prep = gov.lower
        if prep not in lex.get("party_prepositions", ()):
            return False
        owner = parse.tokens[gov.head]
        if owner.pos in ("NOUN", "PROPN"):
            return _in(owner, lex.get("relation_nouns", ()))
        return owner.pos == "VERB" and prep in _VERB_PREPS and not _in(owner, lex.get("place_object_verbs", ()))
    if dep in ("compound", "nmod", "amod"):
        if _in(gov, lex.get("division_nouns", ())) and gov.dep not in ("compound", "nmod", "amod"):
            return False  # "in Borno state", "Kandahar province": a division the name heads, not its body
        # "US-Pakistan ties", "US Secretary of State Marco Rubio": climb the chain of modifiers; a
        # relation noun makes it a party, a person or a body of state makes it whose they are
        for _ in range(5):
            if _in(gov, lex.get("relation_nouns", ())) or _in(gov, lex.get("affiliation_nouns", ())) \
                    or gov.ent == "PERSON":
                return True
            if gov.dep not in ("compound", "nmod", "amod") or gov.head == gov.i:
                break
            gov = parse.tokens[gov.head]
    return False


def modifies_place_noun(parse: Parse, start: int, end: int) -> bool:
    """'the Syrian town of', 'the Afghan capital': a nationality adjective that still names a place."""
    toks = parse.tokens_in(start, end)
    if not toks:
        return False
    gov = parse.tokens[toks[-1].head]
    return _in(gov, _lex().get("place_nouns", ()))


def _in(tok: Token, words) -> bool:
    return tok.lower in words or tok.lemma.lower() in words


