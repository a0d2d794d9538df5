"""In-article coreference: mentions grouped into one Actor per real-world entity.

Persons: full names first; a single name joins the full name whose surname (or first name) it is
("Rubio" -> Marco Rubio), and every later bare surname in the text is added, headlines included. Role
nouns ("the secretary", "Pakistan's prime minister") join the person holding that role, the most
recently mentioned first. Pronouns (he/his/him/she/her) join the salient person: in the same sentence
the latest person subject before the pronoun (else the latest person), then the subject (else first
person) of earlier sentences in the paragraph or of the previous sentence; words quoted from someone
else are skipped when the pronoun stands outside the quotation.
Others: one actor per country (ISO3), per country+sector (the government: capitals, seats, "US
officials"), per named organisation, per sector-only body ("troops").
"""
from __future__ import annotations

import bisect
import re
from typing import Optional

from ..model import Actor, Article, Parse, Span
from ..settings import current
from .context import NO_COUNTRY_SECTORS, DocumentCountry
from .lexicon import Lexicon
from .recognize import Mention

PRONOUNS = {"he": "male", "him": "male", "his": "male", "himself": "male",
            "she": "female", "her": "female", "hers": "female", "herself": "female"}
# Which actors with no country of their own take the document's (context.py; the document_country
# setting, $DETENTE_DOCUMENT_COUNTRY, read per article in build_actors): "agents": sector bodies
# ("police", "protesters") and persons with a sector ("Interior Minister X"); "all" (default): also
# persons and organisations the lexicon does not know, as event-data coders do (the people an article
# about one country names are mostly of that country; a foreign name gets the host country, which is
# the price): at gold actor spans of the exhaustive wikinews set, country accuracy 0.682 -> 0.771 on
# the folds developed on and 0.471 -> 0.678 on those held out (benchmarks/actor_countries.py);
# "off": none. The mention records how its country was found (extra["country_from"]).
SECTOR_NAMES = {"GOV": "government", "MIL": "military", "SPY": "intelligence services", "COP": "police",
                "JUD": "judiciary", "LEG": "legislature"}


class _Person:
    def __init__(self, name: str):
        self.name = name
        self.mentions: list[Mention] = []

    @property
    def words(self) -> list[str]:
        return _words(self.name)

    def last_before(self, pos: int) -> int:
        return max((m.start for m in self.mentions if m.start < pos), default=-1)


def _words(name: str) -> list[str]:
    return [w for w in re.findall(r"[\w'’.-]+", name or "") if w[0].isalpha()]


def _quote_regions(text: str) -> list[tuple[int, int]]:
    return [(m.start(), m.end()) for m in re.finditer(r"“[^”]*”|\"[^\"\n]*\"", text)]


def _inside(regions, pos: int) -> Optional[tuple[int, int]]:
    """The region (sorted, disjoint) holding `pos`, if any."""
    k = bisect.bisect_right(regions, (pos, float("inf"))) - 1
    if k >= 0 and regions[k][0] <= pos < regions[k][1]:
        return regions[k]
    return None


def cluster_persons(mentions: list[Mention]) -> list[_Person]:
    persons: list[_Person] = []
    by_key: dict[str, _Person] = {}
    people = [m for m in mentions if m.type == "person"]
    # full names (and lexicon persons) make the clusters ...
    def bare_surname(m: Mention) -> bool:  # a lexicon surname: a full name in the article comes first
        return m.entry is not None and m.entry.surname and m.type == "person" and not m.titled

    for m in people:
        w = _words(m.name)
        if (m.entry is None and len(w) < 2) or bare_surname(m):
            continue
        key = (m.entry.name if m.entry else " ".join(x.lower() for x in (w[0], w[-1])))
        p = by_key.get(key) or by_key.get(" ".join(x.lower() for x in (w[0], w[-1])) if len(w) > 1 else key)
        if p is None:
            p = _Person(m.entry.name if m.entry else m.name)
            persons.append(p)
            by_key[key] = p
            if len(w) > 1:
                by_key[" ".join(x.lower() for x in (w[0], w[-1]))] = p
        p.mentions.append(m)
    # ... single names join them
    by_word: dict[str, list[_Person]] = {}
    for p in persons:
        if p.words:
            for x in {p.words[-1].lower(), p.words[0].lower()}:
                by_word.setdefault(x, []).append(p)
    for m in people:
        w = _words(m.name)
        if (m.entry is not None or len(w) >= 2) and not bare_surname(m):
            continue
        word = w[0].lower() if w else m.text.lower()
        if bare_surname(m):
            word = m.text.lower()
        cands = by_word.get(word, [])
        if cands:
            best = max(cands, key=lambda p: (p.last_before(m.start), -persons.index(p)))
            if bare_surname(m) and best.mentions and all(x.entry is None for x in best.mentions):
                m.entry = None  # "Laura Bush ... Bush said": the article's own Bush, not the lexicon's
            best.mentions.append(m)
            continue
        if bare_surname(m):
            key = m.entry.name
            p = by_key.get(key)
            if p is None:
                p = _Person(m.entry.name)
                persons.append(p)
                by_key[key] = p
            p.mentions.append(m)
            continue
        p = by_key.get(word)
        if p is None:
            p = _Person(m.name)
            persons.append(p)
            by_key[word] = p
        p.mentions.append(m)
    return persons


def adopt_misread_orgs(persons: list[_Person], mentions: list[Mention]) -> None:
    """An unknown 'organisation' that is a person's name or surname is that person ("Morsi" tagged ORG);
    so is one named by a word the article tags a person elsewhere ("Pierce" tagged ORG in one sentence
    and PERSON in the next), and a two-word one ending in it ("Brock Pierce" tagged ORG)."""
    names = {}
    for p in persons:
        w = p.words
        if len(w) >= 2:
            names.setdefault(w[-1], p)
            names.setdefault(" ".join(w), p)
    single = {p.words[0]: p for p in persons if len(p.words) == 1 and p.words[0] not in names}
    for m in mentions:
        if m.type != "org" or m.code is not None or m.entry is not None:
            continue
        w = _words(m.text)
        p = names.get(m.text) or single.get(m.text)
        if p is None and len(w) == 2 and w[-1] in single:
            p = single[w[-1]]
            p.name = m.text  # the full name the article gives
        if p is not None:
            m.type, m.kind, m.name = "person", "person", m.text
            p.mentions.append(m)


def add_surnames(persons: list[_Person], parse: Parse, mentions: list[Mention]) -> None:
    """Bare surnames the recognizer missed (headlines, names NER skipped)."""
    taken = {i for m in mentions for i in range(m.first, m.last)}
    by_text: dict[str, list] = {}
    for t in parse.tokens:
        if t.text[:1].isupper():
            by_text.setdefault(t.text, []).append(t)
    for p in persons:
        w = p.words
        if len(w) < 2 or len(w[-1]) < 3:
            continue
        for t in by_text.get(w[-1], ()):
            if t.i not in taken and t.ent not in ("GPE", "LOC", "FAC", "NORP") and \
                    (t.pos == "PROPN" or t.ent == "PERSON"):  # not "Long" in "Long before ..."
                m = Mention(t.i, t.i + 1, t.start, t.end, t.text, "person", name=t.text, kind="person")
                p.mentions.append(m)
                mentions.append(m)
                taken.add(t.i)


def _answers_to(person_role: Optional[str]) -> set[str]:
    """The role nouns (lower case) that name a person holding `person_role`: the role itself, its start
    before a space ("president" for "president of France") and each of a list ("minister, spokesman")."""
    pr = (person_role or "").lower()
    if not pr:
        return set()
    return {pr, *pr.split(", "), *(pr[:k] for k, c in enumerate(pr) if c == " ")}


def attach_roles(persons: list[_Person], mentions: list[Mention], attrs) -> list[Mention]:
    """Role nouns join the most recently mentioned person holding that role; returns the unresolved."""
    left: list[Mention] = []
    roles = [m for m in mentions if m.type == "role"]
    if not roles:
        return left
    holders: dict[str, list[int]] = {}  # role noun -> the persons it can name, not every person per noun
    for n, p in enumerate(persons):
        for r in _answers_to(attrs(p)["role"]):
            holders.setdefault(r, []).append(n)
    for m in roles:
        cands = []
        for n in holders.get((m.role or "").lower(), ()):
            p = persons[n]
            if not m.country or m.country == attrs(p)["country"]:
                if p.last_before(m.start) >= 0:
                    cands.append(p)
        if cands:
            max(cands, key=lambda p: p.last_before(m.start)).mentions.append(m)
        else:
            left.append(m)
    return left


def attach_pronouns(persons: list[_Person], parse: Parse, mentions: list[Mention], attrs) -> None:
    text = parse.text
    quotes = _quote_regions(text)
    owner = {id(m): p for p in persons for m in p.mentions}
    paras = [0] + [m.end() for m in re.finditer(r"\n\s*\n", text)]
    taken = {i for m in mentions for i in range(m.first, m.last)}
    by_sent: dict[int, list[Mention]] = {}
    for m in sorted((m for m in mentions if id(m) in owner), key=lambda m: m.start):
        by_sent.setdefault(parse.tokens[m.first].sent, []).append(m)
    quoted = {id(m): _inside(quotes, m.start) is not None for ms in by_sent.values() for m in ms}
    for t in parse.tokens:
        gender = PRONOUNS.get(t.lower)
        if not gender or t.pos not in ("PRON", "DET") or t.i in taken:
            continue
        sent = t.sent
        para_start = paras[bisect.bisect_right(paras, t.start) - 1]
        outside = _inside(quotes, t.start) is None

        def fits(m, t=t, gender=gender, outside=outside):  # bound now: called only in this iteration
            return m.start < t.start and attrs(owner[id(m)])["gender"] in (None, gender) and \
                not (outside and quoted[id(m)])

        best = None
        same = [m for m in by_sent.get(sent, ()) if fits(m)]
        if same:
            subj = [m for m in same if m.subject]
            best = (subj or same)[-1]
        else:
            for s in range(sent - 1, -1, -1):
                if parse.sentences[s].end <= para_start and s < sent - 1:
                    break
                sm = [m for m in by_sent.get(s, ()) if fits(m)]
                if sm:
                    subj = [m for m in sm if m.subject]
                    best = (subj or sm)[0]
                    break
        if best is None:
            continue
        pm = Mention(t.i, t.i + 1, t.start, t.end, t.text, "pronoun", kind="person", gender=gender,
                     subject=t.dep.startswith("nsubj"))
        owner[id(pm)] = owner[id(best)]
        owner[id(best)].mentions.append(pm)
        quoted[id(pm)] = not outside
        bisect.insort(by_sent.setdefault(sent, []), pm, key=lambda m: m.start)  # he -> he chains


def person_attrs(p: _Person, date: Optional[str]) -> dict:
    a = {"role": None, "sector": None, "country": None, "code": None, "gender": None}
    for m in sorted(p.mentions, key=lambda m: m.start):
        if m.type == "person" and m.titled and m.role and not a["role"]:
            a["role"], a["sector"] = m.role, m.sector
        if m.type in ("person", "role") and m.country and not a["country"]:
            a["country"] = m.country
        if m.code and not a["code"]:
            a["code"] = m.code
        a["gender"] = a["gender"] or (m.gender if m.type in ("person", "role") else None)
    if not a["role"]:  # a nameless person known only by a role noun ("the president said")
        for m in p.mentions:
            if m.type == "role" and m.role:
                a["role"], a["sector"] = m.role, a["sector"] or m.sector
                break
    entry = next((m.entry for m in p.mentions if m.entry is not None), None)
    if entry is not None:
        r = entry.role_at(date) or entry.role_at(None)
        exact = entry.role_at(date) if date else r
        if r is not None:
            a["country"] = a["country"] or r.country
            if exact is not None:
                a["role"] = a["role"] or exact.role
                a["sector"] = a["sector"] or exact.sector
                if not a["code"] and not r.country:
                    a["code"] = exact.code
    return a


def _code(country: Optional[str], sector: Optional[str]) -> Optional[str]:
    return (country or "") + (sector or "") or None


def build_actors(mentions: list[Mention], parse: Parse, lex: Lexicon, date: Optional[str],
                 article: Optional[Article] = None) -> list[Actor]:
    persons = cluster_persons(mentions)
    adopt_misread_orgs(persons, mentions)
    add_surnames(persons, parse, mentions)
    where = DocumentCountry(article or Article(id="", text=parse.text), parse, mentions, lex)
    document_country = current().document_country
    cache: dict[int, dict] = {}

    def attrs(p):
        if id(p) not in cache:
            cache[id(p)] = person_attrs(p, date)
        return cache[id(p)]

    unresolved = attach_roles(persons, mentions, attrs)
    for m in unresolved:
        if m.country or m.argument:  # "Pakistan's prime minister", "the president said": a nameless person
            p = _Person(m.text)
            p.mentions.append(m)
            persons.append(p)
    cache.clear()
    attach_pronouns(persons, parse, mentions, attrs)
    cache.clear()

    groups: list[tuple[dict, list[Mention]]] = []
    for p in persons:
        a = attrs(p)
        country, sector = a["country"], a["sector"]
        if not country and not a["code"] and document_country != "off" and \
                (sector or document_country == "all") and sector not in NO_COUNTRY_SECTORS and \
                any(m.type in ("person", "role") for m in p.mentions):
            # "Interior Minister X", and a nameless "the mayor", "the former minister": an office of the
            # country the text is about there, as agents take theirs
            ordered = sorted(p.mentions, key=lambda m: m.start)
            first = ordered[0]
            own = next((c for m in ordered if (c := where.described(parse, m))), None)
            # "Sergei Sobyanin, the mayor of Moscow"; else "Interior Minister X": the text's country there
            country, first.extra["country_from"] = (own, "phrase") if own else where.at(first.start)
        if a["code"]:  # an organisation's person: "Taliban spokesperson X", "UN envoy X"
            code = a["code"]
            sector = sector or lex.split_code(code)[1]
        elif country:
            code = country + (sector or "")
        else:
            code = sector
        groups.append(({"name": p.name, "kind": "person", "code": code, "country": country,
                        "sector": sector, "role": a["role"]}, p.mentions))
    keyed: dict[tuple, tuple[dict, list[Mention]]] = {}
    for m in mentions:
        if m.type in ("person", "role", "pronoun"):
            continue
        if m.type == "body" and not m.country and m.sector not in NO_COUNTRY_SECTORS and document_country != "off":
            own = where.after(parse, m)  # "dissidents from Egypt"
            m.country, m.extra["country_from"] = (own, "phrase") if own else where.at(m.start)  # "police said"
            m.code = _code(m.country, m.sector)
        elif m.type == "org" and m.entry is None and m.code is None and not m.country and \
                ((own := where.named(parse, m, lex)) or document_country == "all"):
            # an unknown NER organisation: the country its own name gives ("Minnesota Department of
            # Health"), else, when the document's country is for all, the text's around it
            m.country, m.extra["country_from"] = (own, "name") if own else where.at(m.start)
            m.code = m.country
        if m.type == "country":
            key = ("C", m.country)
            info = {"name": lex.countries.get(m.country, m.name), "kind": "country", "code": m.country,
                    "country": m.country, "sector": None, "role": None}
        elif m.type in ("gov", "body") and m.country:
            key = ("C", m.code)
            cname = lex.countries.get(m.country, m.country)
            name = f"{cname} {SECTOR_NAMES[m.sector]}" if m.sector in SECTOR_NAMES else m.text
            info = {"name": name, "kind": m.kind, "code": m.code, "country": m.country, "sector": m.sector,
                    "role": None}
        elif m.type == "body":
            key = ("S", m.sector)
            info = {"name": m.name or m.text, "kind": m.kind, "code": m.sector, "country": None,
                    "sector": m.sector, "role": None}
        else:
            key = ("O", (m.name or m.text).lower())
            info = {"name": m.name or m.text, "kind": m.kind, "code": m.code, "country": m.country,
                    "sector": m.sector, "role": None}
        if key not in keyed:
            keyed[key] = (info, [])
            groups.append(keyed[key])
        keyed[key][1].append(m)

    actors = []
    groups.sort(key=lambda g: min(m.start for m in g[1]) if g[1] else 0)
    text = parse.text
    for info, ms in groups:
        spans, seen = [], set()
        for m in sorted(ms, key=lambda m: (m.start, m.end)):
            if (m.start, m.end) not in seen and text[m.start:m.end] == m.text:
                seen.add((m.start, m.end))
                spans.append(Span(m.start, m.end, m.text))
        if not spans:
            continue
        actors.append(Actor(id=f"A{len(actors) + 1}", mentions=spans, **info))
    return actors

