"""When the article's story happens: the date an event with none of its own takes from an earlier
sentence of its paragraph ("As the campaign shifted to August, ... Biden criticized Trump"), from the
day the lead gives its news, or from the period the lead says the article covers; and the dates that
tell no story's time (a bound, a thing's name, a clause on a noun). when_where.py asks here once the
event's own clause gives no date."""
from __future__ import annotations

import bisect
import re
from datetime import timedelta
from typing import Optional

from .. import timex
from ..model import Parse
from .state import State

LEAD_SENTENCES = 2  # the lead: the first sentences of the body, which date the article's news
LEAD_DAYS = 14  # a lead date is the news's only when it lies within this many days before publication


NOUN_DATE_DEPS = {"compound", "amod", "nummod", "nmod", "poss"}


def dates_a_noun(s: State, j: int, i: int) -> bool:
    """'nominated Blankenship, the party's 1996 nominee': a date that modifies a noun in apposition
    describes who someone is (his nomination in 1996), not when this event happened."""
    t = s.p.tokens[j]
    head = s.p.tokens[t.head]
    return t.dep in NOUN_DATE_DEPS and head.pos in ("NOUN", "PROPN") and head.i != i and head.dep == "appos"


def _names_a_thing(s: State, tok, t: timex.Timex) -> bool:
    """'the 2020 Democratic National Convention', 'his 2016 campaign': a bare year that modifies a noun
    is part of what the thing is called, not when the paragraph's story happens."""
    head = s.p.tokens[tok.head]
    return t.kind == "y" and tok.dep in NOUN_DATE_DEPS and head.i != tok.i and head.pos in ("NOUN", "PROPN")


def _a_bound(s: State, tok, t: timex.Timex) -> bool:
    """'protests since June', 'the largest growth since 1950', 'served until 2016': a date that bounds a
    span or a comparison says when it began or ended, not when the paragraph's story happens."""
    bounds = s.lex.words["bound_prepositions"]
    if t.text.split(" ", 1)[0].lower() in bounds:
        return True
    node = tok  # up through the date's phrase ("since June of this year") to the preposition it hangs on
    while node.dep in ("pobj", "nummod", "compound", "amod", "det", "nmod", "prep") and node.head != node.i:
        node = s.p.tokens[node.head]
        if (node.dep == "prep" or node.pos in ("ADP", "SCONJ")) and node.lower != "of":
            # "a different situation than in 2016": the standard of a comparison, before its preposition
            return node.lower in bounds or (node.i > 0 and s.p.tokens[node.i - 1].lower in bounds)
    return False


def paragraph_date(s: State, i: int) -> Optional[timex.Timex]:
    """The date an earlier sentence of the event's paragraph gave the story it is telling: the nearest
    date of the paragraph before the event's sentence, in its main clause (not a relative clause's), no
    later than publication. A paragraph break ends its reach."""
    pub = timex.parse_date(s.a.published)
    sent = s.p.sentence_of(i)
    found, starts = dates_in_order(s)
    for k in range(bisect.bisect_left(starts, sent.start) - 1, -1, -1):  # the dates before this sentence
        t = found[k]
        if t.start < s.headline_end or s.a.text.find("\n\n", t.end, sent.start) != -1:
            return None
        tok = s.p.token_at(t.start)
        if tok is None or _in_clause_on_noun(s.p, tok) or dates_a_noun(s, tok.i, -1) or _names_a_thing(s, tok, t) \
                or _a_bound(s, tok, t):
            continue
        if s.quote_at(t.start, lambda q: q.direct and not q.start <= s.p.tokens[i].start < q.end) is not None:
            continue  # "'I asked John for his resignation last night,' wrote Trump": the speaker's own time
        day = timex.parse_date(t.value)
        if day is None or (pub is not None and day > pub):
            continue
        return t
    return None


def dates_in_order(s: State) -> tuple[list[timex.Timex], list[int]]:
    """The text's resolved dates, each once, by offset, and their starts (read once per article)."""
    if s.dates_in_order is None:
        found = sorted({id(t): t for t in s.times.values()}.values(), key=lambda t: t.start)
        s.dates_in_order = (found, [t.start for t in found])
    return s.dates_in_order


def lead_date(s: State) -> Optional[timex.Timex]:
    """The day the article's lead gives its news ("... on Sunday", "yesterday"), past the headline and
    the date line; None when the lead names no day in the fortnight up to publication. Read once per
    article (State.lead)."""
    if s.lead is None:
        s.lead = (_lead_date(s),)
    return s.lead[0]


PERIOD = re.compile(r"\b(\w+)\s+the\s+(previous|preceding|last|past)\s+(week|month)\b", re.IGNORECASE)


def article_period(s: State) -> Optional[timex.Timex]:
    """The period the lead says the whole article covers ("It features material compiled throughout the
    previous month", "over the past week"; lexicon period_prepositions): the calendar month or week
    before publication for "previous"/"last", the one the last thirty or seven days mostly fall in for
    "past". None when the lead names none. Read once per article (State.period)."""
    if s.period is None:
        s.period = (_article_period(s),)
    return s.period[0]


def _article_period(s: State) -> Optional[timex.Timex]:
    pub = timex.parse_date(s.a.published)
    if pub is None:
        return None
    for sent in _lead_sentences(s):
        for m in PERIOD.finditer(s.a.text, sent.start, sent.end):
            if m.group(1).lower() not in s.lex.words["period_prepositions"]:
                continue
            rolling, unit = m.group(2).lower() == "past", m.group(3).lower()
            if unit == "month":
                day = pub - timedelta(days=15) if rolling else pub.replace(day=1) - timedelta(days=1)
                value = day.strftime("%Y-%m")
            else:
                value = timex.week_day(pub - timedelta(days=3 if rolling else 7)).isoformat()
            return timex.Timex(m.start(), m.end(), m.group(0), "period", value, unit, pub)
    return None


def _lead_sentences(s: State):
    """The lead: the first LEAD_SENTENCES sentences of the body that tell something, past the headline and
    the date line, a map legend or a caption (fewer than three words besides dates, or no verb)."""
    found, _ = dates_in_order(s)
    seen = 0
    for sent in s.p.sentences:
        if sent.end <= s.headline_end:
            continue
        words = s.a.text[sent.start:sent.end]
        for t in found:
            if sent.start <= t.start < sent.end:
                words = words.replace(t.text, " ")
        if sum(w.isalpha() for w in words.split()) < 3 or not any(
                t.pos in ("VERB", "AUX") for t in s.p.tokens[sent.first:sent.last]):
            continue
        yield sent
        seen += 1
        if seen >= LEAD_SENTENCES:
            return


def _lead_date(s: State) -> Optional[timex.Timex]:
    pub = timex.parse_date(s.a.published)
    if pub is None:
        return None
    found, _ = dates_in_order(s)
    for sent in _lead_sentences(s):
        for t in found:
            if not sent.start <= t.start < sent.end or in_relative_clause(s.p, s.p.token_at(t.start)):
                continue  # "who spoke on Friday": another event's date
            if t.precision == "day" and timex.parse_date(t.value) is not None and \
                    0 <= (pub - timex.parse_date(t.value)).days <= LEAD_DAYS:
                return t
    return None


def climb(p: Parse, tok, steps: int = 12):
    """(token, its head) pairs from tok up towards the root, at most `steps` of them."""
    for _ in range(steps):
        if tok is None or tok.head == tok.i:
            return
        head = p.tokens[tok.head]
        yield tok, head
        tok = head


def in_relative_clause(p: Parse, tok) -> bool:
    return any(node.dep == "relcl" for node, _ in climb(p, tok))


def _in_clause_on_noun(p: Parse, tok) -> bool:
    """'the man who attacked on Friday', 'photos taken in 2014', 'a report showing growth in the third
    quarter': a clause on a noun says what the thing is, not when the paragraph's story happens."""
    return any(node.dep in ("relcl", "acl") for node, _ in climb(p, tok))
