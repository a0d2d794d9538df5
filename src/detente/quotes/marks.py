"""Direct quotations found by their quotation marks, in plain text (no parse needed).

Scraped news mixes straight and curly marks, drops closing marks and glues paragraphs, so marks
are paired per paragraph with a small stack rather than by regex: a mark's role comes from its
glyph when the glyph says it (“ „ « open, ” » close) and from what flanks it when it does not (").
A paragraph that leaves a quote open continues it only when the next paragraph opens with a mark
(the press convention for multi-paragraph quotes); otherwise the unpaired mark is recovered at
the paragraph boundary, so one stray mark never swallows the rest of the article.
Single marks (‘ ’ ') are left alone: they double as apostrophes and only nest inside double quotes.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Optional

OPENERS = "“„«‟"
CLOSERS = "”»"
STRAIGHT = '"'
MARKS = OPENERS + CLOSERS + STRAIGHT
MAX_NOTES = 5
MAX_RESCANS = 20  # stray marks dropped one by one per paragraph before the rest go at once
_OPEN_BEFORE = "([{—–-/" + MARKS  # characters after which a mark opens
_CLOSE_AFTER = ".,;:!?)]}—–-…'’" + MARKS  # characters before which a mark closes
# "PENCE: ..." or "MR. TRUMP: ..." at the head of a quoted transcript paragraph.
_LABEL = re.compile(r"((?:[A-Z][A-Z'’.\-]*\s){0,3}[A-Z][A-Z'’.\-]+):\s")
# key="value" in markup left in scraped text (<tweet pic="...">): delimiters, not quotation marks
_ATTRIBUTE = re.compile(r'[\w:-]+="[^"\n]*"')
_PAREN = re.compile(r"\([^()\n]{0,80}\)[.,]?\s*$")


@dataclass
class Segment:
    """One quotation: content offsets without the marks, and where its marks stand."""
    start: int
    end: int
    open: int
    close: Optional[int]  # None when the closing mark was missing and recovered at a paragraph end
    first_par: int
    last_par: int
    label: Optional[tuple[int, int]] = None  # transcript speaker label ("PENCE") before the content


def paragraphs(text: str) -> list[tuple[int, int]]:
    """(start, end) of every non-blank line; quotes treat a line break as a paragraph break."""
    out = []
    for m in re.finditer(r"[^\n]+", text):
        s, e = m.start(), m.end()
        while s < e and text[s].isspace():
            s += 1
        while e > s and text[e - 1].isspace():
            e -= 1
        if e > s:
            out.append((s, e))
    return out


def _left_flanking(text: str, i: int, ps: int, pe: int) -> bool:
    before_ok = i == ps or text[i - 1].isspace() or text[i - 1] in _OPEN_BEFORE
    return before_ok and i + 1 < pe and not text[i + 1].isspace()


def _right_flanking(text: str, i: int, ps: int, pe: int) -> bool:
    after_ok = i + 1 >= pe or text[i + 1].isspace() or text[i + 1] in _CLOSE_AFTER
    return after_ok and i > ps and not text[i - 1].isspace()


def _scan(text: str, ps: int, pe: int, stack: list[tuple[int, str]], ignore: set[int]):
    """Pair the marks of one paragraph. Returns (top-level pairs, still-open stack)."""
    pairs: list[tuple[int, int]] = []
    for i in range(ps, pe):
        c = text[i]
        if c not in MARKS or i in ignore:
            continue
        lf, rf = _left_flanking(text, i, ps, pe), _right_flanking(text, i, ps, pe)
        if not stack:
            if c in OPENERS or c == "«" or lf or not rf:
                stack.append((i, c))
            continue  # a closer with nothing open: stray (an inch mark, a lost opener)
        top = stack[-1][1]
        if c in CLOSERS:
            closes = True
        elif c == STRAIGHT:
            closes = top == STRAIGHT or not (lf and not rf)
        elif c == "“" and top == "„":
            closes = True
        else:  # an opening glyph while open: nested, unless it stands where a closer would
            closes = rf and not lf
        if closes:
            o, _ = stack.pop()
            if not stack:
                pairs.append((o, i))
        else:
            stack.append((i, c))
    return pairs, stack


def _opens_paragraph(text: str, ps: int, pe: int) -> bool:
    return text[ps] in MARKS and _left_flanking(text, ps, ps, pe)


def _breaks_continuation(text: str, ps: int, pe: int) -> bool:
    """A new transcript turn ("PENCE: ...") or a stage note ("(CROSSTALK.)") ends the open quote."""
    return bool(_LABEL.match(text, ps + 1) or _PAREN.match(text, ps + 1, pe))


def _segment(text: str, o: int, c: Optional[int], end: int, p0: int, p1: int) -> Optional[Segment]:
    s, label = o + 1, None
    m = _LABEL.match(text, s, end)
    if m and o == _par_start(text, o):  # a transcript turn: the label names the speaker
        label, s = (m.start(1), m.end(1)), m.end()
    while s < end and text[s].isspace():
        s += 1
    e = end
    while e > s and text[e - 1].isspace():
        e -= 1
    if e <= s or _PAREN.fullmatch(text, s, e):  # empty, or a stage note like "(CROSSTALK.)"
        return None
    return Segment(s, e, o, c, p0, p1, label)


def _par_start(text: str, i: int) -> int:
    j = text.rfind("\n", 0, i) + 1
    while j < i and text[j].isspace():
        j += 1
    return j


def find(text: str, warnings: Optional[list[str]] = None) -> list[Segment]:
    """Every quotation in `text`, in order, with content offsets that exclude the marks."""
    notes: list[str] = []
    pars = paragraphs(text)
    out: list[Segment] = []
    carry: Optional[tuple[int, int]] = None  # (open offset, paragraph index) of a quote running on
    markup = {i for m in _ATTRIBUTE.finditer(text) for i in (m.end() - 1, m.start() + m.group().index('"'))}
    for n, (ps, pe) in enumerate(pars):
        ignore: set[int] = set(markup)
        start_stack: list[tuple[int, str]] = []
        if carry is not None:
            start_stack = [(carry[0], text[carry[0]])]
            ignore.add(ps)  # the continuation mark opening this paragraph
        while True:
            pairs, stack = _scan(text, ps, pe, list(start_stack), ignore)
            if not stack:
                break
            o = stack[0][0]
            nxt = pars[n + 1] if n + 1 < len(pars) else None
            if nxt and _opens_paragraph(text, *nxt) and not _breaks_continuation(text, *nxt):
                break  # a multi-paragraph quote: runs on into the next paragraph
            if start_stack or o == ps:
                break  # the quote opened a paragraph and lost its closer: recover at this end
            notes.append(f"quotes: unpaired quotation mark at {o}; paragraph scanned without it")
            ignore.add(o)
            if len(ignore) > len(markup) + MAX_RESCANS:  # a paragraph of stray marks: drop them all at once
                ignore.update(i for i, _ in stack)
        for o, c in pairs:
            p0 = carry[1] if carry is not None and o == carry[0] else n
            seg = _segment(text, o, c, c, p0, n)
            if seg:
                out.append(seg)
            if carry is not None and o == carry[0]:
                carry = None
        if stack:
            o = stack[0][0]
            nxt = pars[n + 1] if n + 1 < len(pars) else None
            p0 = carry[1] if carry is not None and o == carry[0] else n
            if nxt and _opens_paragraph(text, *nxt) and not _breaks_continuation(text, *nxt):
                carry = (o, p0)
            else:
                if not (nxt and _opens_paragraph(text, *nxt)):  # a transcript turn ends quotes unclosed
                    notes.append(f"quotes: quotation opened at {o} not closed; ended at paragraph end {pe}")
                seg = _segment(text, o, None, pe, p0, n)
                if seg:
                    out.append(seg)
                carry = None
        elif carry is not None:
            carry = None
    out.sort(key=lambda s: s.start)
    if warnings is not None:  # a few lines say where; scraped junk must not flood the article's warnings
        warnings.extend(notes[:MAX_NOTES])
        if len(notes) > MAX_NOTES:
            warnings.append(f"quotes: {len(notes) - MAX_NOTES} more unpaired quotation marks recovered")
    return out
