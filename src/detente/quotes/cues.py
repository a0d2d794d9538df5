"""Speech cues and their speakers, read off the dependency parse.

A cue is a speech verb from lexicon/speech_verbs.yaml (or "according to"); its speaker is the
verb's grammatical subject, the agent of a passive, the object of "according to" (or whoever
produced the document it names), climbing through participles and conjuncts ("..., describing
both as", "said and added") to the clause that has a subject.
"""
from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import Callable, Optional

from ..lexicon import DIR, load_yaml
from ..model import Parse, Token

# Modifiers kept in a speaker's words; clauses and appositions hanging off the name are not.
_SPEAKER_DROP = {"relcl", "acl", "appos", "punct", "advcl", "cc", "conj", "parataxis", "dep"}
_CLIMB = {"xcomp", "advcl", "conj", "pcomp", "ccomp", "prep", "acl", "relcl"}


@dataclass(frozen=True)
class Lexicon:
    verbs: frozenset
    particle_verbs: dict
    object_verbs: dict
    documents: frozenset
    pronouns: frozenset


@lru_cache(maxsize=1)
def lexicon() -> Lexicon:
    raw = load_yaml(DIR / "speech_verbs.yaml")
    low = lambda xs: frozenset(str(x).lower() for x in xs or ())  # noqa: E731
    return Lexicon(
        verbs=low(raw.get("verbs")),
        particle_verbs={str(k).lower(): low(v) for k, v in (raw.get("particle_verbs") or {}).items()},
        object_verbs={str(k).lower(): low(v) for k, v in (raw.get("object_verbs") or {}).items()},
        documents=low(raw.get("documents")),
        pronouns=low(raw.get("person_pronouns")),
    )


def is_according(parse: Parse, i: int) -> bool:
    t = parse.tokens[i]
    return t.lower == "according" and i + 1 < len(parse.tokens) and parse.tokens[i + 1].lower == "to"


def is_cue(parse: Parse, i: int) -> bool:
    t = parse.tokens[i]
    if is_according(parse, i):
        return True
    if t.pos not in ("VERB", "AUX"):
        return False
    lemma, lex = t.lemma.lower(), lexicon()
    if lemma in lex.particle_verbs:
        return any(c.dep == "prt" and c.lower in lex.particle_verbs[lemma] for c in parse.children(i))
    if lemma in lex.object_verbs:
        return any(c.dep == "dobj" and c.lower in lex.object_verbs[lemma] for c in parse.children(i))
    return lemma in lex.verbs


def cue_span(parse: Parse, i: int) -> tuple[int, int]:
    t = parse.tokens[i]
    if is_according(parse, i):
        return t.start, parse.tokens[i + 1].end
    prt = [c for c in parse.children(i) if c.dep == "prt"]
    return t.start, max([t.end] + [c.end for c in prt])


def speaker_token(parse: Parse, i: int, blocked: Callable[[int], bool] = lambda j: False) -> Optional[Token]:
    """The token heading the speaker of the cue at token i, or None.

    `blocked(j)` says a token lies inside a quotation: the climb never enters one (a misparse often
    hangs "said" off the quote's own verb) and no speaker is taken from one.
    """
    toks = parse.tokens
    if is_according(parse, i):
        return _according_speaker(parse, i)
    if toks[i].tag == "VBG" and i > 0 and toks[i - 1].pos == "PROPN" and not blocked(i - 1):
        return toks[i - 1]  # "footage of Hillary Clinton asking, ...": the name the participle follows
    j = i
    for _ in range(4):
        kids = [c for c in parse.children(j) if not blocked(c.i)]
        for c in kids:
            if c.dep == "nsubj":
                if c.tag in ("WP", "WDT") and toks[j].dep == "relcl":  # "..., who said": the noun it modifies
                    return toks[toks[j].head]
                return c
        for c in kids:
            if c.dep == "agent":  # "was said by X"
                obj = [g for g in parse.children(c.i) if g.dep == "pobj"]
                if obj:
                    return obj[0]
            if c.dep == "nsubjpass" and toks[j].lemma.lower() == "quote":  # "X was quoted as saying"
                return c
        t = toks[j]
        if t.dep == "acl" and toks[t.head].pos in ("PROPN", "NOUN", "PRON") and not blocked(t.head):
            return toks[t.head]  # "footage of Clinton asking, ...": the participle's noun speaks
        if t.dep not in _CLIMB or t.head == j or blocked(t.head):
            break
        j = t.head
    return _adjacent_name(parse, i, blocked)


def _according_speaker(parse: Parse, i: int) -> Optional[Token]:
    to = parse.tokens[i + 1]
    objs = [c for c in parse.children(to.i) if c.dep == "pobj"]
    if not objs:
        return None
    obj = objs[0]
    if obj.lemma.lower() in lexicon().documents:
        # "according to the transcript released by the State Department" / "... to Rubio's statement"
        for c in parse.children(obj.i):
            if c.dep == "poss":
                return c
            if c.dep == "acl":
                for a in parse.children(c.i):
                    if a.dep == "agent":
                        pobj = [g for g in parse.children(a.i) if g.dep == "pobj"]
                        if pobj:
                            return pobj[0]
    return obj


def _adjacent_name(parse: Parse, i: int, blocked: Callable[[int], bool]) -> Optional[Token]:
    """A name or pronoun next to the verb, when the parse gave the verb no usable subject:
    "Tulsa police Chief Chuck Jordan said" (left) or "said Hester" (right)."""
    toks, sent = parse.tokens, parse.sentence_of(i)

    def namelike(j: int) -> bool:
        t = toks[j]
        if blocked(j) or t.ent in ("DATE", "TIME", "CARDINAL", "ORDINAL"):
            return False
        return t.pos == "PROPN" or (t.pos == "PRON" and t.lower in lexicon().pronouns)

    if i - 1 >= sent.first and namelike(i - 1):
        return toks[i - 1]
    if i - 1 >= sent.first and toks[i - 1].text == ",":
        # "Flynn, a top Trump surrogate, said": the name before the apposition set off by commas
        for k in range(i - 2, max(sent.first, i - 14) - 1, -1):
            if blocked(k):
                break
            if toks[k].text == ",":
                if k - 1 >= sent.first and namelike(k - 1):
                    return toks[k - 1]
                break
    j = i + 1
    if j < sent.last and namelike(j):
        while j + 1 < sent.last and toks[j + 1].pos == "PROPN" and namelike(j + 1):
            j += 1  # the head of "said Pat Caddell" is its last name
        return toks[j]
    return None


def clause_subject(parse: Parse, frame: list[int]) -> Optional[Token]:
    """The subject of the main clause in `frame` (token indices): who introduces a quote with a colon
    ('Sanders made the following comment:', 'Obama is rolling out a new message:')."""
    inset = set(frame)
    roots = [i for i in frame if (parse.tokens[i].head == i or parse.tokens[i].head not in inset)
             and parse.tokens[i].pos in ("VERB", "AUX")]
    for r in reversed(roots):
        for c in parse.children(r):
            if c.dep == "nsubj" and c.i in inset:
                return c
    return None


def speaker_span(parse: Parse, head: Token) -> tuple[int, int]:
    """Character span of the speaker's words: the head with its compounds, titles and determiners."""
    keep, stack = [head.i], [head.i]
    while stack:
        j = stack.pop()
        for c in parse.children(j):
            if c.dep not in _SPEAKER_DROP:
                keep.append(c.i)
                stack.append(c.i)
    keep.sort()
    # keep only the contiguous run around the head so a stray attachment never spans a clause
    lo = hi = keep.index(head.i)
    while lo > 0 and keep[lo - 1] == keep[lo] - 1:
        lo -= 1
    while hi + 1 < len(keep) and keep[hi + 1] == keep[hi] + 1:
        hi += 1
    toks = parse.tokens
    return toks[keep[lo]].start, toks[keep[hi]].end
