"""When and where an event happened: the date expression and the mentioned place nearest its trigger."""
from __future__ import annotations

from typing import Optional

from .. import timex
from ..model import Article, Event, Parse, Place
from .state import State

CLAUSAL = {"relcl", "acl", "ccomp", "advcl", "xcomp", "conj", "parataxis", "csubj"}


def place_tokens(p: Parse, places: list[Place]) -> dict[int, Place]:
    """Token -> place, for the places the text mentions (never the dateline: where it was filed)."""
    out = {}
    for pl in places:
        if pl.role != "mentioned":
            continue
        for tok in p.tokens_in(pl.start, pl.end):
            out[tok.i] = pl
    return out


def timexes(a: Article, p: Parse) -> dict[int, timex.Timex]:
    """Token -> the date expression it is part of, resolved against the publication date."""
    found = timex.find(a.text)
    anchor = timex.parse_date(a.published) or timex.explicit_anchor(found)
    out = {}
    for t in found:
        timex.resolve(t, anchor)
        if not t.value:
            continue
        for tok in p.tokens_in(t.start, t.end):
            out[tok.i] = t
    return out


def date(s: State, e: Event, i: int) -> None:
    tok = nearest(s, i, lambda j: j in s.times)
    if tok is not None:
        tx = s.times[tok]
        e.date, e.date_precision, e.date_text, e.date_source = tx.value, tx.precision, tx.text, "text"
    elif s.a.published:
        e.date, e.date_precision, e.date_source = s.a.published[:10], "day", "published"
    else:
        e.date_source = "none"


def place(s: State, e: Event, i: int, src, tgt) -> None:
    taken = {(r.start, r.end) for r in (src, tgt) if r is not None}
    preps = s.lex.words["place_prepositions"]

    def is_place(j: int) -> bool:
        tok = s.p.tokens[j]
        if j not in s.place_tok or (s.place_tok[j].start, s.place_tok[j].end) in taken:
            return False
        head = s.p.tokens[tok.head]
        if tok.dep in ("compound", "nmod"):  # "the Kabul bombing", "attended the Beijing Olympics"
            return tok.head == i or (head.dep == "dobj" and head.head == i)
        if tok.dep == "dobj":  # "visited Beijing": a place that is no actor
            return tok.head == i
        return tok.dep == "pobj" and head.lower in preps

    tok = nearest(s, i, is_place)
    if tok is not None:
        e.place = s.place_tok[tok].ref()


def nearest(s: State, i: int, ok) -> Optional[int]:
    """The closest token satisfying ok(): in the trigger's own phrase, then in what its governors
    say directly (not in other clauses: those speak of other events)."""
    node, prev, steps = s.p.tokens[i], None, 0
    while steps < 10:
        steps += 1
        stack = [node.i]
        while stack:
            j = stack.pop(0)
            if ok(j):
                return j
            for c in s.p.children(j):
                # another event's phrase has its own date and place ("accused of the 2021 bombing")
                if c.i != (prev.i if prev else -1) and c.dep not in CLAUSAL and c.i not in s.trigger_tokens:
                    stack.append(c.i)
        if node.head == node.i:
            return None
        prev, node = node, s.p.tokens[node.head]
    return None
