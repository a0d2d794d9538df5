"""The actor lexicon: YAML data under detente/lexicon/ (plus user files) loaded into one phrase index.

Entries are typed by what they name: a country, its demonym, a capital or seat of power (metonyms for
its government), an organisation or armed group, a known person, a title (office or rank) or a body
(institution or group noun of a sector). Recognition (recognize.py) composes them; this module only
loads and looks up.
"""
from __future__ import annotations

import os
import re
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Iterable, Optional

from ..lexicon import DIR, load_yaml

LEXICON_DIR = str(DIR)
ENV_VAR = "DETENTE_LEXICON"

# Non-state prefixes of CAMEO codes: the code names no country.
NON_STATE = {"IGO", "NGO", "IMG", "MNC", "UIS", "REB", "INS", "UAF", "CVL", "REF", "OPP"}
# CAMEO country codes that differ from ISO 3166-1 alpha-3 (user PETRARCH dictionaries use these).
CAMEO_TO_ISO = {"JAP": "JPN", "ITL": "ITA", "VTN": "VNM", "PAL": "PSE", "ROM": "ROU", "GER": "DEU",
                "ZAR": "COD", "SER": "SRB", "DRC": "COD", "KOS": "XKX", "TMP": "TLS", "BUR": "MMR"}
_QUOTES = str.maketrans({"\u2019": "'", "\u2018": "'", "\u201c": '"', "\u201d": '"', "\u2013": "-",
                         "\u2014": "-", "\u00a0": " "})


@lru_cache(maxsize=65536)  # every token of every article is looked up, and the words of news repeat
def norm(s: str) -> str:
    """The lookup key of a phrase: lower case, straight quotes and dashes, single spaces."""
    return re.sub(r"\s+", " ", s.translate(_QUOTES)).strip().lower()


@dataclass(frozen=True)
class Role:
    """A code held over a period (ISO dates, open ends allowed), as in PETRARCH's dated codes."""
    code: Optional[str]
    country: Optional[str]
    sector: Optional[str]
    role: Optional[str] = None
    start: Optional[str] = None
    end: Optional[str] = None


@dataclass(frozen=True)
class Entry:
    phrase: str  # surface form as written in the lexicon (its capitals matter)
    type: str  # country | demonym | capital | seat | organisation | person | title | body | honorific
    name: str  # canonical name of what it denotes
    country: Optional[str] = None
    sector: Optional[str] = None
    code: Optional[str] = None
    kind: str = "unknown"  # Actor.kind it yields
    role: Optional[str] = None  # for titles: the role's display form
    roles: tuple = ()  # for persons: Role records, date-bounded
    gender: Optional[str] = None  # for honorifics
    surname: bool = False  # a person's bare surname: only a name when nothing says it is someone else's

    def role_at(self, date: Optional[str]) -> Optional[Role]:
        """The person's role on `date` (YYYY-MM-DD); without a date, the latest."""
        if not self.roles:
            return None
        if date:
            for r in self.roles:
                if (r.start or "") <= date and (r.end is None or date < r.end):
                    return r
            return None
        return max(self.roles, key=lambda r: (r.end is None, r.end or "", r.start or ""))


@dataclass
class Lexicon:
    entries: list[Entry] = field(default_factory=list)
    countries: dict[str, str] = field(default_factory=dict)  # ISO3 -> display name
    sector_kinds: dict[str, str] = field(default_factory=dict)

    def __post_init__(self):
        self.index: dict[str, list[Entry]] = {}
        self.prefixes: set[str] = set()  # every prefix of every key: the matcher stops when it leaves them
        self.max_words = 1
        for e in self.entries:
            self._add_index(e)

    def add(self, entries: Iterable[Entry]) -> None:
        for e in entries:
            self.entries.append(e)
            self._add_index(e)

    def _add_index(self, e: Entry) -> None:
        key = norm(e.phrase)
        if not key:
            return
        self.prefixes.update(key[:k] for k in range(1, len(key) + 1))
        bucket = self.index.setdefault(key, [])
        if e not in bucket:
            bucket.append(e)
        self.max_words = max(self.max_words, len(re.findall(r"[\w]+", key)) + key.count("-") + 1)

    def lookup(self, key: str) -> list[Entry]:
        return self.index.get(key, [])

    @staticmethod
    def person_at(entries: Iterable[Entry], date: Optional[str]) -> Optional[Entry]:
        """Of persons sharing a name or surname, the one in office on `date` (else the first listed)."""
        people = [e for e in entries if e.type == "person"]
        if date:
            for e in people:
                if not e.roles or e.role_at(date) is not None:
                    return e
        return people[0] if people else None

    def split_code(self, code: Optional[str]) -> tuple[Optional[str], Optional[str]]:
        """CAMEO-style code -> (ISO3 country or None, sector or None)."""
        if not code:
            return None, None
        code = code.upper().strip()
        head = CAMEO_TO_ISO.get(code[:3], code[:3])
        if head in self.countries:
            return head, (code[3:6] or None)
        if code[:3] in NON_STATE:
            return None, code[:3]
        return None, None


# --- loading --------------------------------------------------------------------------------------

def _title(phrase: str) -> str:
    small = {"of", "the", "for", "and", "on", "in"}
    words = phrase.split()
    return " ".join(w if (i and w in small) else w[:1].upper() + w[1:] for i, w in enumerate(words))


def country_entries(data: dict) -> tuple[list[Entry], dict[str, str]]:
    out, names = [], {}
    for iso3, c in (data or {}).items():
        name = c.get("name") or iso3
        names[iso3] = name
        for n in c.get("names") or []:
            out.append(Entry(n, "country", name, iso3, None, iso3, "country"))
        for d in c.get("demonyms") or []:
            out.append(Entry(d, "demonym", name, iso3, None, iso3, "country"))
        for cap in c.get("capitals") or []:
            out.append(Entry(cap, "capital", name, iso3, "GOV", iso3 + "GOV", "country"))
        for seat, sector in (c.get("seats") or {}).items():
            out.append(Entry(seat, "seat", name, iso3, sector, iso3 + (sector or ""), "country"))
    return out, names


def sector_entries(data: dict) -> tuple[list[Entry], dict[str, str]]:
    out, kinds = [], {}
    gendered = {norm(t): g for g, ts in ((data or {}).get("gendered_titles") or {}).items() for t in ts or []}
    for code, s in (data or {}).items():
        if code == "gendered_titles":
            continue
        if code == "honorifics":
            for gender, words in (s or {}).items():
                for w in words or []:
                    out.append(Entry(w, "honorific", w, gender=None if gender == "any" else gender))
            continue
        kinds[code] = s.get("kind") or "organisation"
        for t in s.get("titles") or []:
            out.append(Entry(t, "title", _title(t), None, code, None, "person", role=_title(t),
                             gender=gendered.get(norm(t))))
        for b in s.get("bodies") or []:
            out.append(Entry(b, "body", b, None, code, None, kinds[code]))
    return out, kinds


def _roles(lex: Lexicon, items) -> tuple:
    roles = []
    for r in items or []:
        country, sector = lex.split_code(r.get("code"))
        if r.get("country"):
            country = r["country"]
        roles.append(Role(r.get("code"), country, r.get("sector") or sector, r.get("role"),
                          _iso(r.get("from")), _iso(r.get("to"))))
    return tuple(roles)


def _iso(d) -> Optional[str]:
    return None if d is None else str(d)


def named_entries(lex: Lexicon, items: list, default_type: str) -> list[Entry]:
    """Organisations, groups and persons: {name, aliases, code, country, sector, kind, roles}."""
    out = []
    for it in items or []:
        if not isinstance(it, dict) or not it.get("name"):
            continue
        etype = it.get("type") or ("person" if it.get("roles") and default_type == "person" else default_type)
        country, sector = lex.split_code(it.get("code"))
        country = it.get("country") or country
        sector = it.get("sector") or sector
        kind = it.get("kind") or ("person" if etype == "person" else "organisation")
        roles = _roles(lex, it.get("roles"))
        phrases = [it["name"], *(it.get("aliases") or [])]
        for phrase in phrases:
            out.append(Entry(phrase, etype, it["name"], country, sector, it.get("code"), kind, roles=roles))
        last = _surname(it) if etype == "person" else None
        if last and last not in phrases:
            out.append(Entry(last, etype, it["name"], country, sector, it.get("code"), kind, roles=roles,
                             surname=True))
    return out


def _surname(it: dict) -> Optional[str]:
    """The bare surname a person is called by in news copy: `surname:` when given (false: none, for
    names that are common words or first names, "May", "Philippe"), else the name's last word
    ("Barack Obama" -> "Obama"; family-name-first names give theirs explicitly: "Xi")."""
    if "surname" in it:
        return str(it["surname"]) if it["surname"] else None
    words = str(it["name"]).split()
    if len(words) < 2 or len(words[-1]) < 3 or not words[-1][:1].isupper() or words[-1].rstrip(".") in _SUFFIXES:
        return None
    return words[-1]


_SUFFIXES = {"Jr", "Sr", "II", "III", "IV"}


def add_user_data(lex: Lexicon, data) -> None:
    """A user YAML file: a mapping with any of countries/organisations/persons/sectors, or a bare list of
    organisation-style entries."""
    if isinstance(data, list):
        lex.add(named_entries(lex, data, "organisation"))
        return
    if not isinstance(data, dict):
        return
    if data.get("countries"):
        entries, names = country_entries(data["countries"])
        lex.countries.update(names)
        lex.add(entries)
    if data.get("sectors"):
        entries, kinds = sector_entries(data["sectors"])
        lex.sector_kinds.update(kinds)
        lex.add(entries)
    lex.add(named_entries(lex, data.get("organisations") or data.get("organizations") or [], "organisation"))
    lex.add(named_entries(lex, data.get("persons") or [], "person"))


def add_file(lex: Lexicon, path: str) -> None:
    """A user lexicon file: YAML (.yaml/.yml) or a PETRARCH/TABARI actor dictionary (anything else)."""
    if path.lower().endswith((".yaml", ".yml")):
        add_user_data(lex, load_yaml(path))
    else:
        from .petrarch import read_actor_dictionary

        with open(path, encoding="utf-8", errors="replace") as f:
            add_user_data(lex, read_actor_dictionary(f.read(), lex.split_code))


def build(paths: Iterable[str] = ()) -> Lexicon:
    countries, names = country_entries(load_yaml(os.path.join(LEXICON_DIR, "countries.yaml")))
    sectors, kinds = sector_entries(load_yaml(os.path.join(LEXICON_DIR, "sectors.yaml")))
    lex = Lexicon(countries + sectors, names, kinds)
    lex.add(named_entries(lex, load_yaml(os.path.join(LEXICON_DIR, "organisations.yaml")), "organisation"))
    lex.add(named_entries(lex, load_yaml(os.path.join(LEXICON_DIR, "persons.yaml")), "person"))
    for p in paths:
        add_file(lex, p)
    return lex


def env_paths() -> tuple[str, ...]:
    return tuple(p for p in os.environ.get(ENV_VAR, "").split(os.pathsep) if p.strip())


@lru_cache(maxsize=8)
def _cached(paths: tuple[str, ...]) -> Lexicon:
    return build(paths)


def load(paths: Iterable[str] = ()) -> Lexicon:
    """The default lexicon plus the files in $DETENTE_LEXICON and `paths` (cached per set of paths)."""
    return _cached(env_paths() + tuple(paths))
