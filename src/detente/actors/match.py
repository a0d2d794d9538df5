"""Lexicon phrase matching over a parse's token records (only nlp.py may use spaCy's own matchers).

A phrase matches a run of tokens when the run's text, normalised like lexicon keys, equals the phrase;
capitals in the lexicon phrase must be capitals in the text ("Turkey" is not "turkey", "US" is not
"us"), except inside ALL-CAPS lines where case says nothing.
"""
from __future__ import annotations

import bisect
import re
from dataclasses import dataclass

from ..model import Parse
from .lexicon import Entry, Lexicon, norm

# Acronyms that are English words: in ALL-CAPS text they are read as words, not names.
CAPS_WORDS = {"WHO", "RAW", "IS", "AS", "IT", "AT", "ON", "OR", "AN", "IN", "BY", "TO", "NO", "SO", "UP",
              "AU", "LET", "HTS", "BLA", "GRU", "CAR", "ISI"}


@dataclass
class Atom:
    first: int  # token index
    last: int  # one past the last token
    start: int
    end: int
    text: str
    entries: list[Entry]

    def of(self, *types: str) -> list[Entry]:
        return [e for e in self.entries if e.type in types]


def caps_lines(text: str) -> list[tuple[int, int]]:
    """Spans of lines written in capitals (three or more words, no lower-case letter)."""
    out = []
    for m in re.finditer(r"[^\n]+", text):
        line = m.group(0)
        if len(re.findall(r"[A-Za-z]{2,}", line)) >= 3 and not re.search(r"[a-z]", line):
            out.append((m.start(), m.end()))
    return out


def _in(spans: list[tuple[int, int]], pos: int) -> bool:
    k = bisect.bisect_right(spans, (pos, float("inf"))) - 1
    return k >= 0 and spans[k][0] <= pos < spans[k][1]


def case_ok(phrase: str, surface: str, caps: bool) -> bool:
    pw, sw = phrase.translate(_Q).split(), surface.translate(_Q).split()
    if len(pw) != len(sw):
        pw, sw = [phrase.translate(_Q)], [re.sub(r"\s+", " ", surface.translate(_Q))]
    for p, s in zip(pw, sw):
        letters = [c for c in p if c.isalpha()]
        if letters and not any(c.islower() for c in letters):  # an acronym: exact
            if s != p and not (caps and s.upper() == p):
                return False
            if caps and s == p and p in CAPS_WORDS:
                return False
            continue
        if caps:
            continue
        for a, b in zip(p, s):
            if a.isupper() and not b.isupper():
                return False
    return True


_Q = str.maketrans({"\u2019": "'", "\u2018": "'", "\u2013": "-", "\u2014": "-"})

# Country names and demonyms that are also English words: these keep the capital rule ("turkey",
# "china", "polish"); every other country or demonym is known in any casing ("tunisian", "iSrael").
COMMON_WORDS = {"turkey", "chad", "china", "jordan", "guinea", "georgia", "georgian", "niger", "japan",
                "polish", "panama", "chile", "greece", "wales", "jersey", "nice", "man", "sole", "timor",
                "french", "dutch", "swiss", "german", "kuwaiti", "lao", "thai", "mali", "oman", "peru",
                "togo", "cook", "christmas", "norfolk", "bermuda", "guernsey", "madeira", "faroe"}


def any_case_ok(entry: Entry, surface: str) -> bool:
    """Wire copy miscases country words ("tunisian rioters", "iSrael"): a whole country name or demonym
    is known in any casing unless it is an acronym ("us") or also a common word ("turkey")."""
    if entry.type not in ("country", "demonym"):
        return False
    phrase = entry.phrase.translate(_Q)
    if not any(c.islower() for c in phrase) or norm(phrase) in COMMON_WORDS:
        return False
    return norm(surface) == norm(phrase)


def find_atoms(parse: Parse, lex: Lexicon) -> list[Atom]:
    """Longest-leftmost lexicon matches over the tokens, each with the entries whose case fits."""
    toks, text = parse.tokens, parse.text
    caps = caps_lines(text)
    forms = {w: norm(w) for w in {t.text for t in toks}}  # each distinct word normalised once
    normed = [forms[t.text] for t in toks]
    starts = {w: lex.is_prefix(w) for w in set(normed) if w}  # and looked up once
    atoms: list[Atom] = []
    i, n = 0, len(toks)
    while i < n:
        t = toks[i]
        if not normed[i] or not starts[normed[i]]:
            i += 1
            continue
        best = None
        key = ""
        for j in range(i, min(n, i + lex.max_words + 2)):
            tj = toks[j]
            if not normed[j]:
                break  # a line break token ends any phrase
            if j > i:
                key += (" " if toks[j - 1].end < tj.start else "") + normed[j]
            else:
                key = normed[j]
            if not lex.is_prefix(key):
                break
            entries = lex.lookup(key)
            if entries:
                surface = text[t.start:tj.end]
                fit = [e for e in entries if case_ok(e.phrase, surface, _in(caps, t.start)) or any_case_ok(e, surface)]
                if fit:
                    best = Atom(i, j + 1, t.start, tj.end, surface, fit)
        if best:
            atoms.append(best)
            i = best.last
        else:
            i += 1
    return atoms
