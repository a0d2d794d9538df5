"""Temporal expressions: find them in the text, resolve them to dates at the precision the text gives.

Events are dated by what the text says about *when they happened* ("in March", "the 2021 bombing",
"on Tuesday"), not by when the article appeared. Relative and year-less expressions are resolved
against an anchor: the publication date when known, else the latest explicit year-bearing date in
the article ("Later, in May 2025 ..." anchors a bare "in March" to 2025-03).
"""
from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Optional

from . import dates

MONTHS = {m.lower(): i for i, m in enumerate(calendar.month_name) if m}
MONTHS.update({m.lower(): i for i, m in enumerate(calendar.month_abbr) if m})
MONTHS["sept"] = 9
WEEKDAYS = [d.lower() for d in calendar.day_name]

_MON = r"(?:January|February|March|April|May|June|July|August|September|October|November|December|" \
       r"Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept?|Oct|Nov|Dec)\b\.?"  # \b: "in Marseille" is no March
_YEAR = r"(?:1[89]\d\d|20\d\d)"
_NUMW = r"(?:\d+|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|a few|several|a)"
# Order matters: the longest, most precise forms first; matches never overlap.
_PATTERNS = [
    ("iso", rf"\b{_YEAR}-\d\d-\d\d\b"),
    ("mdy", rf"\b{_MON}\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+{_YEAR}\b"),
    ("dmy", rf"\b\d{{1,2}}(?:st|nd|rd|th)?\s+{_MON}\s+{_YEAR}\b"),
    ("my", rf"\b{_MON},?\s+{_YEAR}\b"),
    ("md", rf"\b{_MON}\s+\d{{1,2}}(?:st|nd|rd|th)?\b(?!\s*,?\s*\d)"),
    ("dm", rf"\b\d{{1,2}}(?:st|nd|rd|th)?\s+{_MON}\b"),
    # a bare month needs a preposition or a season word before it ("May" is also a verb)
    ("m", rf"\b(?:in|since|by|until|early|late|mid|from|of|last|next|this|that)[\s-]+{_MON}(?!\.?,?\s*\d)"),
    ("ago", rf"\b{_NUMW}\s+(?:day|week|month|year|decade)s?\s+ago\b"),
    # days counted from the day the text told last ("the next day", "on the same day", "two days later")
    ("ana", rf"\b(?:the\s+(?:next|following|same|previous)\s+day|that\s+(?:same\s+)?day|the\s+day\s+(?:before|after)|"
            rf"later\s+that\s+day|{_NUMW}\s+days?\s+(?:later|earlier))\b"),
    # a month or year counted from the date the text named last ("In March 2019 ... The next month")
    ("anp", rf"\bthe\s+(?:next|following|previous)\s+(?:month|year)\b|\b{_NUMW}\s+(?:month|year)s?\s+(?:later|earlier)\b"),
    ("rel", r"\b(?:last|next|this|earlier this|later this)\s+(?:week|month|year|weekend)\b"),
    ("season", r"\b(?:last|next|this)\s+(?:spring|summer|autumn|fall)\b"),
    ("day", r"\b(?:yesterday|today|tonight|last night|this (?:morning|afternoon|evening)|(?:early|late) today)\b"),
    # "last Thursday" in Thursday's paper is a week ago, never today; "next Friday" is never today either
    ("lwd", r"\b(?:last|next)\s+(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b"),
    ("wd", r"\b(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b"),
    ("y", rf"(?:(?<=\bmid-)|(?<![\d,.$-])){_YEAR}(?![\d%]|[,.]\d|\s*(?:people|troops|soldiers|km|miles|tonnes|tons|dollars))"),
]
_RX = re.compile("|".join(f"(?P<{k}>{p})" for k, p in _PATTERNS), re.IGNORECASE)
_NEEDS_CASE = {"m", "md", "dm", "my", "mdy", "dmy", "wd"}  # month and weekday names are capitalised


@dataclass
class Timex:
    start: int
    end: int
    text: str
    kind: str
    value: Optional[str] = None  # YYYY, YYYY-MM or YYYY-MM-DD
    precision: Optional[str] = None  # year | month | week (value: its Thursday, week_day) | day
    anchor: Optional[date] = None  # what a relative form was resolved against (to re-read it by tense)


# Every expression starts with a number or one of these words: _RX is tried only there, which is
# several times faster than letting it try its dozen forms at every character of the article.
_RUNS = re.compile(r"\d+|[A-Za-z]+")
_FIRST_WORDS = frozenset(
    list(MONTHS) + ["sept"] + WEEKDAYS + "in since by until early late mid from of last next this that the earlier "
    "later yesterday today tonight a several one two three four five six seven eight nine ten eleven "
    "twelve".split())


def find(text: str, start: int = 0, end: Optional[int] = None) -> list[Timex]:
    """Temporal expressions in text[start:end], unresolved (kind tells what they are)."""
    out, end, taken = [], len(text) if end is None else end, start
    for run in _RUNS.finditer(text, start, end):
        at = run.start()
        if at < taken or not (text[at].isdigit() or run.group(0).lower() in _FIRST_WORDS):
            continue
        m = _RX.match(text, at, end)
        if m is None:
            continue
        taken = m.end()
        kind = m.lastgroup
        s, s_start = m.group(0), m.start()
        if kind == "m":  # keep only the month word; the preposition was context
            mm = re.search(_MON, s, re.IGNORECASE)
            s, s_start = mm.group(0), m.start() + mm.start()
        if not keep(text, kind, s, s_start):
            continue
        out.append(Timex(s_start, s_start + len(s), s, kind))
    return out


_THE = re.compile(r"\b(?:the|its|his|her|their|our)\s+$", re.IGNORECASE)


def keep(text: str, kind: str, s: str, at: int) -> bool:
    """Whether a match of the patterns is a date: month and weekday names are capitalised, and a
    determiner makes "last"/"next"/"this" no deixis ("on the last night of the convention", "the last
    week of the campaign" are counted from the convention, not from the day of writing)."""
    if kind in _NEEDS_CASE and not s[:1].isupper() and not s[:1].isdigit():
        return False
    if kind == "lwd" and not s.split()[-1][:1].isupper():
        return False
    return not (kind in DEICTIC and s.split()[0].lower() in ("last", "next", "this")
                and _THE.search(text[max(0, at - 8):at]))


def explicit_anchor(timexes: list[Timex]) -> Optional[date]:
    """The latest date in the article that carries its own year (the anchor when nothing else is known)."""
    best = None
    for t in timexes:
        if t.kind in ("iso", "mdy", "dmy", "my"):
            v = resolve(t, None)
            if v.value:
                d = dates.last_day(v.value)
                best = d if best is None or d > best else best
    return best


def parse_date(s: Optional[str]) -> Optional[date]:
    if not s:
        return None
    try:
        return dates.first_day(str(s)[:10])
    except ValueError:
        return None


# the forms whose reading depends on the tense: "on Wednesday", "on 10 September", "in March"
DIRECTED = {"wd", "md", "dm", "m"}
# the forms read from the moment of speaking: "last night", "on Friday", "last week", "two days ago"
DEICTIC = {"day", "wd", "lwd", "rel", "ago", "season"}
# the months of a season (northern; winter, which spans two years, is left unread)
SEASONS = {"spring": (3, 5), "summer": (6, 8), "autumn": (9, 11), "fall": (9, 11)}


def resolve(t: Timex, anchor: Optional[date], direction: str = "past") -> Timex:
    """Fill t.value and t.precision; relative and year-less forms need an anchor, else stay None.

    direction is the tense of what the expression dates: "past" reads a weekday, a day-month or a bare
    month as the latest one on or before the anchor ("met on Wednesday"), "future" as the first one on
    or after it ("will meet on Wednesday"). A weekday within the anchor's week on a past verb is thus
    earlier this week."""
    kind, s = t.kind, t.text
    future = direction == "future"
    try:
        if kind == "y":
            return _set(t, s[-4:], "year")
        if kind in ("iso", "mdy", "dmy"):
            d = _by_rule(kind, s, None)
            return _set(t, d.strftime("%Y-%m-%d"), "day") if d else t
        if kind == "my":
            mon, year = _month_in(s), re.search(r"\d{4}", s).group(0)
            return _set(t, f"{year}-{mon:02d}", "month")
        if anchor is None:
            return t
        if kind == "season":  # "the truce brokered last autumn": its year ("last summer" in November is this year's)
            which, name = s.lower().split()
            first, last = SEASONS[name]
            year = {"this": anchor.year, "next": anchor.year + (first <= anchor.month),
                    "last": anchor.year - (last >= anchor.month)}[which]
            return _set(t, str(year), "year")
        if kind == "m":
            mon = _month_in(s)
            if future:
                year = anchor.year if mon >= anchor.month else anchor.year + 1
            else:
                year = anchor.year if mon <= anchor.month else anchor.year - 1
            return _set(t, f"{year}-{mon:02d}", "month")
        if kind == "lwd":
            wd = WEEKDAYS.index(s.split()[-1].lower())
            if s.lower().startswith("next"):
                return _set(t, (anchor + timedelta(days=(wd - anchor.weekday() - 1) % 7 + 1)).isoformat(), "day")
            back = (anchor.weekday() - wd - 1) % 7 + 1
            if back == 1:  # no one writes "last Thursday" for yesterday: it is the week before's
                back = 8
            return _set(t, (anchor - timedelta(days=back)).isoformat(), "day")
        if kind == "wd":  # "on Monday" in Monday's paper is that day, whichever the tense
            wd = WEEKDAYS.index(s.lower())
            if future:
                return _set(t, (anchor + timedelta(days=(wd - anchor.weekday()) % 7)).isoformat(), "day")
            back = (anchor.weekday() - wd) % 7
            return _set(t, (anchor - timedelta(days=back)).isoformat(), "day")
        if kind in ("md", "dm") and future:
            d = _by_rule(kind, s, anchor, future=True)
            return _set(t, d.strftime("%Y-%m-%d"), "day")
        if kind == "rel" and s.lower().split()[-1] == "week":
            return _week(t, anchor)
        if kind in ("md", "dm", "day", "ago", "rel"):
            d = _by_rule(kind, s, anchor)
            if d is None:
                return t
            if kind in ("ago", "rel"):
                unit = re.search(r"day|week|month|year|decade|weekend", s.lower()).group(0)
                if unit in ("year", "decade"):
                    return _set(t, f"{d.year:04d}", "year")
                if unit == "month":
                    return _set(t, d.strftime("%Y-%m"), "month")
                if unit == "week":  # "two weeks ago" names a week, not a day
                    return _set(t, week_day(d.date()).isoformat(), "week")
            return _set(t, d.strftime("%Y-%m-%d"), "day")
    except (ValueError, AttributeError, OverflowError):
        return t
    return t


def resolve_from(t: Timex, told: date) -> Timex:
    """An "ana" expression counted from `told`, the day the text named last before it: "the next day"
    is told + 1, "that day" told itself, "two days earlier" told - 2."""
    s = " ".join(t.text.lower().split())
    if "same" in s or s.startswith("that") or s.startswith("later"):
        n = 0
    elif re.search(r"next|following|after", s):
        n = 1
    elif re.search(r"previous|before", s):
        n = -1
    else:
        word = s.split()[0]
        n = int(word) if word.isdigit() else _NUMBERS.get(word, 0)
        if n == 0:  # "several days later": no day to name
            return t
        n = n if s.endswith("later") else -n
    t.anchor = told
    return _set(t, (told + timedelta(days=n)).isoformat(), "day")


def resolve_period(t: Timex, told: Timex) -> Timex:
    """An "anp" expression counted from `told`, the date the text named last before it: "the next
    month" after "in March 2019" is April 2019, "the following year" and "a year later" after it 2020,
    "three years later" 2022. Left unresolved
    when the told date is coarser than the unit (a year for "the next month")."""
    words = t.text.lower().split()
    if words[-1] in ("later", "earlier"):  # "three years later", "a month earlier"
        unit = words[-2].rstrip("s")
        n = int(words[0]) if words[0].isdigit() else 1 if words[0] == "one" else _NUMBERS.get(words[0], 0)
        if n == 0:  # "several years later": no year to name
            return t
        n = n if words[-1] == "later" else -n
    else:
        unit, n = words[-1], (-1 if words[1] == "previous" else 1)
    base = parse_date(told.value)
    if base is None or (unit == "month" and told.precision not in ("day", "week", "month")):
        return t
    t.anchor = base
    moved = base + _span(unit, n)
    return _set(t, moved.strftime("%Y-%m") if unit == "month" else str(moved.year), unit)


def week_day(d: date) -> date:
    """The day that stands for the week of d: its Thursday. ISO 8601 puts a week in the year its Thursday
    falls in; so do we, and in that month, so a week that straddles two months is dated to the one that
    holds most of its days ("last week" read on Monday 6 January 2020 is the week of 2 January)."""
    return d - timedelta(days=d.weekday()) + timedelta(days=3)


def _week(t: Timex, anchor: date) -> Timex:
    """"last week", "this week", "earlier/later this week", "next week": the week at week precision.

    Event.date_precision is a free string, so "week" is kept: the value is the week's Thursday
    (YYYY-MM-DD, week_day) and the precision says it stands for the Monday to Sunday around it."""
    first = t.text.lower().split()[0]
    shift = {"last": -7, "next": 7}.get(first, 0)
    return _set(t, (week_day(anchor) + timedelta(days=shift)).isoformat(), "week")


def _set(t: Timex, value: str, precision: str) -> Timex:
    t.value, t.precision = value, precision
    return t


def _month_in(s: str) -> int:
    word = re.search(_MON, s, re.IGNORECASE).group(0).lower().rstrip(".")
    return MONTHS[word] if word in MONTHS else MONTHS[word[:3]]


_NUMBERS = {w: i for i, w in enumerate("a two three four five six seven eight nine ten eleven twelve".split(), 1)}
_NUMBERS["one"] = 1


def _by_rule(kind: str, s: str, anchor: Optional[date], future: bool = False):
    """The date an expression of `kind` names, counted from the anchor; None when it names none ("a few
    days ago", "this weekend"). dateparser gives the same dates (a test holds the two side by side) but
    takes a second to load and a millisecond a call."""
    low = " ".join(s.lower().replace(",", " ").split())
    if kind == "iso":
        return datetime.fromisoformat(s[:10])
    if kind in ("mdy", "dmy", "md", "dm"):
        after_month = low if kind[0] == "d" else low.split(None, 1)[1]
        day, mon = int(re.search(r"\d{1,2}(?!\d)", after_month).group(0)), _month_in(s)
        if kind in ("mdy", "dmy"):
            return datetime(int(re.search(r"\d{4}", s).group(0)), mon, day)
        if future:  # the first such day on or after the anchor
            year = anchor.year if (mon, day) >= (anchor.month, anchor.day) else anchor.year + 1
            while (mon, day) == (2, 29) and not calendar.isleap(year):
                year += 1
            return datetime(year, mon, day)
        year = anchor.year if (mon, day) <= (anchor.month, anchor.day) else anchor.year - 1
        while (mon, day) == (2, 29) and not calendar.isleap(year):
            year -= 1  # the latest 29 February on or before the anchor
        return datetime(year, mon, day)
    base = datetime(anchor.year, anchor.month, anchor.day)
    if kind == "day":
        return base - timedelta(days=1) if low in ("yesterday", "last night") else base
    if kind == "ago":
        n_word, unit = low.rsplit(" ", 2)[0], low.split()[-2].rstrip("s")
        n = int(n_word) if n_word.isdigit() else _NUMBERS.get(n_word)
        return None if n is None else base - _span(unit, n)  # "a few days ago": no date to give
    if kind == "rel":
        words = low.split()
        unit = words[-1]
        if unit == "weekend" or (words[0] in ("earlier", "later") and unit == "week"):
            return None  # no day to name, and a week is no precision we keep
        # "earlier this month" is this month, at month precision
        return base + _span(unit, {"last": -1, "next": 1}.get(words[0], 0))
    return None


def _span(unit: str, n: int):
    from dateutil.relativedelta import relativedelta

    return {"day": relativedelta(days=n), "week": relativedelta(weeks=n), "month": relativedelta(months=n),
            "year": relativedelta(years=n), "decade": relativedelta(years=10 * n)}[unit]
