"""Finding toponyms: where in the text a place is named.

Sources, in order of trust: the dateline; spaCy's GPE/LOC entities the gazetteer knows (a name with
words the gazetteer does not cover, "Mississippi River", "Royal Street", gives nothing); names inside
FAC and ORG entities ("Kabul airport"; "Minnesota Department of Health", marked `in_name`); PERSON/ORG
entities that are exactly a famous place (the small model tags "Kabul" PERSON now and then) or a name
this article tags GPE/LOC elsewhere (one sense per discourse) or one the words around it make a place
("in Gainesville", "a Gainesville man"; places.yaml `place_frames`), unless it is a person's surname
here; a country whose name NER cut in two ("Trinidad" GPE, "Tobago" PERSON), whole;
nationality adjectives modifying a noun ("Russian officials"); and gazetteer matches NER missed,
mostly Title-Case headlines and ALL-CAPS datelines. A toponym followed by ", <state or country>"
(Athens, Ga.; Paris, Texas) carries that qualifier for resolution.
Entities come first: an entity whose last word marks a company or news outlet ("Mahan Air", "The Irish
Times"; places.yaml `company_words`) holds no toponym, and its leading name alone elsewhere in the
article is the company too unless it is a famous place (the stage also drops names inside the actors
stage's companies, outlets and people: places/__init__.py). An entity whose last word marks a street or
square ("Lafayette Square"; places.yaml `street_words`) holds no town either.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Optional

from ..model import Article, Parse, Span
from .gazetteer import Gazetteer, is_acronym, key

PLACE_LABELS = {"GPE", "LOC", "FAC"}
MAYBE_LABELS = {"PERSON", "ORG", "NORP"}
MAX_NGRAM = 4
_MODIFIER_DEPS = {"amod", "compound", "nmod"}
_LEFTOVER = frozenset({"and", "province", "region", "governorate", "city", "state", "oblast", "prefecture"})
_JOINERS = {"of", "and", "de", "la", "el", "al", "du", "des", "del", "da", "-", "upon", "on"}
_DATELINE = re.compile(
    r"(?m)^[ \t]*(?P<place>[A-Z][A-Z.'\-]+(?: [A-Z][A-Z.'\-]+){0,3})"
    r"(?:,[ \t]*(?P<qual>[A-Z][A-Za-z.]+(?: [A-Z][a-z.]+){0,2}))?"
    r"[ \t]*(?:\([^()\n]{1,40}\)[ \t]*)?(?::|\u2014|\u2013|--| - )")


@dataclass
class Mention:
    start: int
    end: int
    text: str
    source: str  # ner | ner-other | gazetteer | dateline | qualifier
    qualifier: Optional["Mention"] = None
    dateline: bool = False
    demonym: Optional[str] = None  # ISO3 of a nationality adjective ("Russian officials")
    in_name: bool = False  # inside an organisation's name ("Minnesota Department of Health")


def find(article: Article, parse: Parse, gaz: Gazetteer) -> list[Mention]:
    text = article.text
    out: list[Mention] = []
    taken = bytearray(len(text) + 1)  # characters already inside a mention or a non-place entity

    def add(start: int, end: int, source: str) -> Optional[Mention]:
        start, end = _trim(text, start, end)
        if end <= start or any(taken[start:end]):
            return None
        m = Mention(start, end, text[start:end], source)
        out.append(m)
        taken[start:end] = b"\x01" * (end - start)
        return m

    dl = dateline_span(article)
    if dl is not None:
        m = add(dl.start, dl.end, "dateline")
        if m:
            m.dateline = True

    # entities before places: "Mahan Air", "The Irish Times" are companies, and so is "Mahan" alone
    firms = set()
    company = gaz.company_words
    for e in parse.entities:
        if e.last - e.first > 1 and parse.tokens[e.last - 1].text in company:
            s, _ = _strip_the(text, e.start, e.end)
            firms.add(key(text[s:parse.tokens[e.last - 2].end]))
            taken[e.start:e.end] = b"\x01" * (e.end - e.start)
        elif e.last - e.first > 1 and parse.tokens[e.last - 1].text in gaz.street_words:
            # "Lafayette Square", "Washington Square": a street or square named after someone or
            # somewhere else, not a town
            taken[e.start:e.end] = b"\x01" * (e.end - e.start)
    firms = {f for f in firms if not gaz.famous(f)}
    _countries_across_entities(text, parse, gaz, add)
    surnames = {key(e.text.split()[-1]) for e in parse.entities if e.label == "PERSON" and len(e.text.split()) > 1}
    # one sense per discourse: a name NER calls a place once is a place wherever else it stands
    said = {key(n) for n in (text[slice(*_strip_the(text, e.start, e.end))] for e in parse.entities
                             if e.label in ("GPE", "LOC")) if gaz.lookup(n) and key(n) not in surnames | firms}

    def known(name: str) -> bool:
        return gaz.findable(name) or key(name) in said

    for e in parse.entities:
        s, t = _strip_the(text, *_first_line(text, e.start, e.end))
        name = text[s:t]
        iso3 = gaz.demonyms.get(name) if e.label in PLACE_LABELS | MAYBE_LABELS else None
        if iso3:
            head = parse.tokens[e.last - 1]
            if head.dep in _MODIFIER_DEPS and parse.tokens[head.head].pos in ("NOUN", "PROPN"):
                m = add(s, t, "demonym")
                if m:
                    m.demonym = iso3
            taken[e.start:e.end] = b"\x01" * (e.end - e.start)
            continue
        if e.label == "ORG" and not (gaz.famous(name) or key(name) in said or _framed(parse, e, gaz, name)):
            # "Minnesota Department of Health", "American Red Cross": the place whose body it is
            n = len(out)
            first = parse.tokens[e.first]
            if e.last - e.first > 1 and gaz.demonyms.get(first.text):
                m = add(first.start, first.end, "demonym")
                if m:
                    m.demonym = gaz.demonyms[first.text]
            if e.last - e.first > 1:  # a one-word organisation is the organisation ("Toyota")
                _scan(text, parse, e.first, e.last, add, known)
            for m in out[n:]:
                m.in_name = True
            taken[e.start:e.end] = b"\x01" * (e.end - e.start)
            continue
        if e.label in PLACE_LABELS and " " not in name and key(name) in surnames and not gaz.famous(name):
            # "the death of Congressman John Lewis ... In honor of Lewis": a one-word name NER calls a
            # place that is the surname of someone this article names in full is that person, unless it
            # is a place everyone knows ("Paris" in an article on Paris Hilton)
            taken[e.start:e.end] = b"\x01" * (e.end - e.start)
            continue
        if e.label in PLACE_LABELS:
            if gaz.lookup(name) or name in gaz.state_abbrev:
                add(s, t, "ner")
                continue
            if e.label == "FAC":  # "Kabul airport", "Dulles International Airport": where it stands
                _scan(text, parse, e.first, e.last, add, known)
                taken[e.start:e.end] = b"\x01" * (e.end - e.start)
                continue
            # "US-Pakistan", "Kabul Province": keep the parts the gazetteer knows; but the Mississippi
            # River is no state and Royal Street no town, so a name with other words left over is skipped
            # "Kandahar province", "Borno state": a division word after the name is a leftover too
            if all(_capital(x.text) or x.lower in _JOINERS | _LEFTOVER or not x.text.isalnum()
                   for x in parse.tokens[e.first:e.last]):
                _scan(text, parse, e.first, e.last, add, known, leftover=_LEFTOVER)
            taken[e.start:e.end] = b"\x01" * (e.end - e.start)
        else:
            # a person's or organisation's name that is exactly a place everyone knows ("Kabul" tagged
            # PERSON), or one this article calls a place elsewhere
            if not (e.label in MAYBE_LABELS and key(name) not in surnames
                    and (gaz.famous(name) or key(name) in said or _framed(parse, e, gaz, name))
                    and (is_acronym(name) or e.label != "NORP" or gaz.famous(name)) and add(s, t, "ner-other")):
                # words inside a person, an organisation or a date are no place of their own
                taken[e.start:e.end] = b"\x01" * (e.end - e.start)
    _scan(text, parse, 0, len(parse.tokens), add, known, strict=True, streets=gaz.street_words)
    _qualify(text, out, gaz, add)
    out = [m for m in out if m.dateline or key(m.text) not in firms]
    out.sort(key=lambda m: m.start)
    return out


def _countries_across_entities(text: str, parse: Parse, gaz: Gazetteer, add) -> None:
    """A country whose name NER cut in two ("Trinidad" GPE, "Tobago" PERSON; "Antigua and Barbuda"):
    the whole name, starting where an entity starts and reaching past its end, before either part."""
    toks = parse.tokens
    for e in parse.entities:
        for n in range(min(MAX_NGRAM, len(toks) - e.first), e.last - e.first, -1):
            run = toks[e.first:e.first + n]
            if not _capital(run[-1].text):
                continue
            if any(c.feature == "country" and p for c, p in gaz.lookup(text[run[0].start:run[-1].end])):
                add(run[0].start, run[-1].end, "ner")
                break


def _framed(parse: Parse, e, gaz: Gazetteer, name: str) -> bool:
    """A name of the gazetteer that the words around it make a place (places.yaml `place_frames`):
    "in Gainesville", "a Gainesville man"."""
    frames = gaz.lex.get("place_frames") or {}
    # "from the White House": a body or building with "the" is no town
    if not gaz.lookup(name) or parse.tokens[e.first].lower == "the":
        return False
    before = parse.tokens[e.first - 1].lower if e.first else ""
    after = parse.tokens[e.last].lower if e.last < len(parse.tokens) else ""
    return before in (frames.get("before") or ()) or after in (frames.get("after") or ())


def dateline_span(article: Article) -> Optional[Span]:
    """Where the dateline stands in the text: ingest's span, the dateline found near the top, or a
    leading 'CITY, Country (Agency) -' line when ingest gave none."""
    text = article.text or ""
    sp = article.dateline_span
    if sp is not None and 0 <= sp.start < sp.end <= len(text) and text[sp.start:sp.end] == sp.text:
        # ingest may keep "ISLAMABAD, Pakistan": the city is the place, the rest qualifies it
        cut = sp.text.find(",")
        return Span(sp.start, sp.start + cut, sp.text[:cut]) if cut > 0 else sp
    if article.dateline:
        name = article.dateline.split(",")[0].strip()
        i = text.find(name, 0, 2000) if name else -1
        return Span(i, i + len(name), name) if i >= 0 else None
    m = _DATELINE.search(text[:1500])
    if m and text[:m.start()].count("\n\n") <= 3:
        return Span(m.start("place"), m.end("place"), m.group("place"))
    return None


def _scan(text, parse, first, last, add, known, strict: bool = False, leftover: frozenset = frozenset(),
          streets: frozenset = frozenset()) -> None:
    """Longest names that `known` accepts among capitalised token runs in tokens[first:last]; with
    `leftover`, only when every token outside the names is one of those words or punctuation;
    `strict` for running text, where a capitalised common word at a sentence start is no name; none
    followed by one of `streets` ("Lafayette Square")."""
    toks = parse.tokens
    if leftover:
        hits: list = []
        _scan(text, parse, first, last, lambda s, t, src: hits.append((s, t)), known)
        covered = lambda x: any(s <= x.start and x.end <= t for s, t in hits)  # noqa: E731
        if hits and all(covered(x) or x.lower in leftover or not x.text.isalnum() for x in toks[first:last]):
            for s, t in hits:
                add(s, t, "ner")
        return
    i = first
    while i < last:
        t = toks[i]
        if not _capital(t.text):
            i += 1
            continue
        hit = None
        for n in range(min(MAX_NGRAM, last - i), 0, -1):
            run = toks[i:i + n]
            if not _capital(run[-1].text) or any(not _capital(x.text) and x.lower not in _JOINERS for x in run):
                continue
            name = text[run[0].start:run[-1].end]
            if not known(name) or (i + n < len(toks) and toks[i + n].text in streets):
                continue
            # Title-Case common words at a sentence start ("Nice work") are not names
            if strict and n == 1 and not t.text.isupper() and t.pos not in ("PROPN",) and not is_acronym(t.text):
                continue
            if strict and n == 1 and t.text.isupper() and len(t.text) < 4 and not is_acronym(t.text):
                continue
            # in a shouted line "HELP US" is a pronoun: acronyms count only in mixed-case text
            if strict and n == 1 and is_acronym(t.text) and _shouting(toks, i, first, last):
                continue
            hit = (run[0].start, run[-1].end, n)
            break
        if hit:
            add(hit[0], hit[1], "gazetteer")
            i += hit[2]
        else:
            i += 1


def _qualify(text: str, mentions: list[Mention], gaz: Gazetteer, add) -> None:
    """'Athens, Ga.' / 'Paris, Texas': the second name narrows the first."""
    by_start = {m.start: m for m in mentions}
    for m in list(mentions):
        rest = text[m.end:m.end + 40]
        g = re.match(r",[ \t]*", rest)
        if not g:
            continue
        at = m.end + g.end()
        q = by_start.get(at)
        if q is None:
            w = re.match(r"[A-Z][A-Za-z]*\.(?:[A-Z][a-z]?\.)?|[A-Z][a-z]+(?: [A-Z][a-z]+)?", text[at:at + 30])
            if w and (w.group(0) in gaz.state_abbrev or gaz.lookup(w.group(0))):
                q = add(at, at + len(w.group(0)), "qualifier")
        if q is not None and q is not m:
            m.qualifier = q


def _shouting(toks, i: int, first: int, last: int) -> bool:
    near = [t.text for t in toks[max(first, i - 3):min(last, i + 4)] if t.i != i and t.text.isalpha() and len(t.text) > 1]
    return bool(near) and all(w.isupper() for w in near)


def _capital(word: str) -> bool:
    return bool(word) and word[0].isupper() and any(c.isalpha() for c in word)


def _strip_the(text: str, s: int, t: int) -> tuple[int, int]:
    if text[s:s + 4].lower() == "the ":
        s += 4
    return s, t


def _first_line(text: str, s: int, t: int) -> tuple[int, int]:
    nl = text.find("\n", s, t)
    return (s, nl) if nl > 0 else (s, t)


def _trim(text: str, s: int, t: int) -> tuple[int, int]:
    while s < t and not text[s].isalnum():
        s += 1
    while t > s and not (text[t - 1].isalnum() or text[t - 1] == "."):
        t -= 1
    if text[s:t].endswith("'s") or text[s:t].endswith("\u2019s"):
        t -= 2
    return s, t
