"""The country of the document around a mention: for actors whose words name no country.

"Police said", "the government", "protesters", "Interior Minister X" say whose they are only through
the text around them. The country such an actor takes, in order:
  name      for an organisation no lexicon knows, the country, capital or first-level division its
            own name begins with ("Minnesota Department of Health": USA, whatever the article is about)
  place     the nearest place mention before it in the same paragraph, in its own sentence or the
            one before (a country name, a demonym, a capital, a city or region NER found and the
            gazetteer knows; the dateline counts as a place at the article's start). Further back a
            country is what the story talks about ("military aid to Ukraine. ... It will be delivered
            this spring. The chairman thanked the soldiers"), not where its agents are: on the training
            articles the wider reach gave 0.015 of source and 0.026 of target accuracy to wrong countries
  article   else the article's dominant country: the most-mentioned country among places and
            country-coded actors (ties: the one mentioned first)
Actor has no field for how its country was found, so the way is kept on the recognizer's Mention
(`extra["country_from"]`: "name", "place" or "article") for debugging; the Actor record only gets the country.

Cost: one pass over mentions and entities, then a bisect per question.
"""
from __future__ import annotations

import bisect
import re
from collections import Counter
from typing import Optional

from ..model import Article, Parse
from .lexicon import Lexicon, norm
from .recognize import Mention

PLACE_LABELS = ("GPE", "LOC", "FAC")
# Sectors that take no country from the text around them: international bodies and militant groups,
# and the press ("told reporters": the reporters of any country).
NO_COUNTRY_SECTORS = {"IGO", "IMG", "JRN"}
REACH = 1  # sentences before a mention's own in which a place still speaks for it


def _paragraph_starts(text: str) -> list[int]:
    sep = r"\n\s*\n" if re.search(r"\n\s*\n", text) else r"\n"
    return [0] + [m.end() for m in re.finditer(sep, text)]


def _gazetteer(name: str) -> list:
    """(candidate, own name) pairs for `name` from the places stage's gazetteer (loaded once per
    process; the places stage loads the same one); none when it cannot be read."""
    try:
        from ..places import gazetteer
    except Exception:  # pragma: no cover - the places stage is part of the package
        return []
    try:
        return gazetteer.load().lookup(name)
    except Exception:
        return []


def _gazetteer_country(name: str) -> Optional[str]:
    """The country of the best-known place called `name`: a country, else a first-level division (the
    gazetteer gives them no population: "Florida" is the US state, not the Cuban town), else the
    most populous town."""
    cands = _gazetteer(name)
    primary = [c for c, own in cands if own] or [c for c, _ in cands]
    if not primary:
        return None
    best = max(primary, key=lambda c: (c.feature == "country", _division(c, primary), c.population))
    return best.country


def _division(c, readings: list) -> bool:
    """Is c a first-level division that outranks the towns of its name: one of the gazetteer's states
    and regions (no population of their own), or a division with more people than any such town
    ("Borno" is the Nigerian state, "Charlotte" the US city, not the parish of St Vincent)."""
    if c.feature != "admin1":
        return False
    return not c.population or all(c.population > o.population for o in readings if o.feature == "city")


def _division_country(name: str) -> Optional[str]:
    """The country of the country or first-level division called `name` in the gazetteer, if one
    country has it (towns are left out: "Ontario", "Mahan" and "York" name too many)."""
    readings = [c for c, _ in _gazetteer(name)]
    found = {c.country for c in readings if (c.feature == "country" or _division(c, readings)) and c.country}
    return found.pop() if len(found) == 1 else None


class DocumentCountry:
    def __init__(self, article: Article, parse: Parse, mentions: list[Mention], lex: Lexicon):
        text = parse.text
        self.paras = _paragraph_starts(text)
        self.sents = [x.start for x in parse.sentences]
        points: list[tuple[int, str]] = []
        counts: Counter = Counter()
        first: dict[str, int] = {}
        covered = set()
        for m in mentions:
            covered.update(range(m.first, m.last))
            if m.type in ("country", "gov") and m.country:  # country actors ("Syria", "Damascus", "Kremlin")
                if m.type == "country" or (m.entry is not None and m.entry.type == "capital"):
                    points.append((m.start, m.country))  # a seat of power ("the Kremlin") is no place
                counts[m.country] += 1
                first.setdefault(m.country, m.start)
        for ent in parse.entities:
            if ent.label not in PLACE_LABELS or any(i in covered for i in range(ent.first, ent.last)):
                continue
            c = self._lexicon_country(ent.text, lex) or _gazetteer_country(ent.text)
            if c:
                points.append((ent.start, c))
                counts[c] += 1
                first.setdefault(c, ent.start)
        ds = article.dateline_span
        if ds is not None:
            head = re.split(r"[,(—–:-]", ds.text.strip(), maxsplit=1)[0].strip()
            c = self._lexicon_country(head, lex) or (_gazetteer_country(head) if head else None)
            if c:
                points.append((ds.start, c))
                counts[c] += 1
                first.setdefault(c, ds.start)
        points.sort()
        self.place_at = dict(points)
        self.starts = [p[0] for p in points]
        self.countries = [p[1] for p in points]
        self.dominant = max(counts, key=lambda c: (counts[c], -first[c])) if counts else None

    @staticmethod
    def _lexicon_country(name: str, lex: Lexicon) -> Optional[str]:
        for e in lex.lookup(norm(name)):
            if e.type in ("country", "demonym", "capital") and e.country:
                return e.country
        return None

    def after(self, parse: Parse, m: Mention) -> Optional[str]:
        """The country a body's own words give after it: "dissidents from Egypt", "police in Kabul"."""
        toks = parse.tokens
        if m.last + 1 < len(toks) and toks[m.last].lower in ("from", "in", "of") and \
                toks[m.last].sent == toks[m.last + 1].sent:
            return self.place_at.get(toks[m.last + 1].start) or (
                self.place_at.get(toks[m.last + 2].start) if m.last + 2 < len(toks) and
                toks[m.last + 1].lower == "the" else None)
        return None

    def described(self, parse: Parse, m: Mention) -> Optional[str]:
        """The country a person's own title phrase names: "the mayor of Moscow", "Sergei Sobyanin, the
        mayor of Moscow" (a place in an of-phrase on the mention's head or on its appositive), before
        the text around it speaks. Where someone is ("an envoy, in Qatar") or comes from ("a sergeant
        from New Zealand") is not whose office they hold."""
        toks = parse.tokens
        head = next((toks[i] for i in range(m.first, m.last) if not m.first <= toks[i].head < m.last
                     or toks[i].head == i), None)
        if head is None:
            return None
        for n in [head] + [c for c in parse.children(head.i) if c.dep == "appos"]:
            for c in parse.children(n.i):
                if c.dep != "prep" or c.lower != "of":
                    continue
                for g in parse.children(c.i):
                    if g.dep == "pobj":
                        found = next((self.place_at[t.start] for t in parse.subtree(g.i) if t.start in self.place_at), None)
                        if found:
                            return found
        return None

    @staticmethod
    def named(parse: Parse, m: Mention, lex: Lexicon) -> Optional[str]:
        """The country of a country, capital or first-level division that an organisation's own name
        begins with ("Minnesota Department of Health", "Kansas Highway Patrol"): its words say whose it
        is, the text around it does not. The longest leading run of proper nouns that names one wins."""
        run = []
        for t in parse.tokens[m.first:m.last - 1]:  # never the name's last word: its head ("Department")
            if t.pos != "PROPN":
                break
            run.append(t)
        for n in range(len(run), 0, -1):
            name = parse.text[run[0].start:run[n - 1].end]
            c = DocumentCountry._lexicon_country(name, lex) or _division_country(name)
            if c:
                return c
        return None

    def at(self, pos: int) -> tuple[Optional[str], Optional[str]]:
        """(country, how) for a mention starting at `pos`: how is "place" or "article" (None: no country).
        A place counts in the mention's paragraph, within its sentence and the one before."""
        k = bisect.bisect_left(self.starts, pos) - 1
        para = self.paras[bisect.bisect_right(self.paras, pos) - 1]
        sent = self.sents[max(0, bisect.bisect_right(self.sents, pos) - 1 - REACH)] if self.sents else 0
        if k >= 0 and self.starts[k] >= max(para, sent):
            return self.countries[k], "place"
        return (self.dominant, "article") if self.dominant else (None, None)
