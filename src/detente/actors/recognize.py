"""Recognition: lexicon atoms and NER entities composed into actor mentions.

Patterns, tried in this order (a token belongs to one mention):
  [country|org ['s]] [body] title+ name  "US Secretary of State Marco Rubio", "Chief of Army Staff Field
                                    Marshal Asim Munir" (the name need not be an NER entity)
  honorific name                    "Mr. Khan"
  NER PERSON/ORG around a country   "Bank of America", "Jordan Peterson", "Royal Thai Navy" (the entity wins)
  country|org ['s] (adj)* body      "Pakistan's intelligence services", "US soldiers", "ISIS militants"
  person, organisation, country, demonym; capital or seat of power standing for its government
  [the|country ['s]] title          "the secretary", "Pakistan's prime minister" (role nouns, for coref)
  body alone                        "troops", "the police" (sector-only actors)
  NER PERSON / ORG left over        unknown actors: text kept, codes null
NER is not trusted in lines set in capitals (Title Case or ALL CAPS), where the small model tags
capitalised words as PERSON: there only the lexicon speaks, and coref adds known surnames. That is a
matter of letter case wherever the line stands (a headline, its repeat, a sub-head, a single line), not
of where the article's headline ends (Article.headline_end, decided when the record is made).
"""
from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field
from typing import Optional

from ..model import Article, Parse, Token
from .lexicon import Entry, Lexicon, norm
from .match import Atom, caps_lines, find_atoms

LOCATIVE = {"in", "at", "near", "outside", "inside", "around", "across", "throughout", "into", "within",
            "from", "to", "toward", "towards", "via", "through", "of", "between", "visit", "visited"}
NAME_STOP_POS = {"VERB", "AUX", "ADP", "DET", "PRON", "CCONJ", "SCONJ", "PART", "PUNCT", "NUM", "SYM", "ADV"}
MODIFIER_POS = {"ADJ", "ADV", "NOUN", "PROPN", "NUM"}
PLACE_PREFIX = {"New", "West", "East", "North", "South", "Northern", "Southern", "Eastern", "Western", "Central",
                "Upper", "Lower", "Little", "Baja", "Greater"}
PLACE_SUFFIX = {"City", "River", "Sea", "Canal", "Strait", "Gulf", "Bay", "Street", "Avenue", "Road", "Square",
                "Island", "Islands", "Province", "Valley", "Mountains", "Lake", "Airport", "Airlines", "Airways",
                "Times", "Post", "Daily", "Cup"}
# "<head> of <country>" names a place of its own, not the country: "Gulf of Oman", "Sea of Japan", "Isle of Man"
PLACE_OF_HEADS = {"Gulf", "Sea", "Strait", "Straits", "Bay", "Isle", "Cape", "Lake"}
# PETRARCH agent words (lexicon/petrarch/agents.yaml) stand alone as actors only in these sectors
# ("gendarmes", "junta", "insurgents"); civil ones ("mourners", "passengers", "Muslims") need a country or
# organisation before them ("Afghan villagers"), as sectors.yaml's own words do not.
LONE_AGENT_SECTORS = {"GOV", "MIL", "SPY", "COP", "JUD", "LEG", "OPP", "REB", "INS", "IMG", "UAF", "CRM", "PTY",
                      "ELI"}
# an object or a passive's agent is a party to the act as much as a subject is ("police arrested the mayor")
ARGUMENT_DEPS = {"dobj", "dative", "nsubjpass", "agent"}
ARGUMENT_PREPS = {"by", "against", "with", "on", "to"}
SMALL = {"of", "the", "to", "with", "a", "an", "and", "in", "on", "for", "at", "by", "from", "as", "is", "vs"}


@dataclass
class Mention:
    first: int
    last: int
    start: int
    end: int
    text: str
    type: str  # person | role | country | gov | body | org | pronoun
    name: Optional[str] = None  # person name or canonical name
    kind: str = "unknown"
    country: Optional[str] = None
    sector: Optional[str] = None
    code: Optional[str] = None
    role: Optional[str] = None
    titled: bool = False  # the role comes from a title in the text
    gender: Optional[str] = None
    entry: Optional[Entry] = None
    subject: bool = False
    argument: bool = False  # a verb's subject or object, or the agent of a passive: someone acts or is acted on
    extra: dict = field(default_factory=dict)


def capitalised_lines(text: str) -> list[tuple[int, int]]:
    """Lines set in capitals: Title Case or ALL CAPS, at least three words, no full stop."""
    out = list(caps_lines(text))
    for m in re.finditer(r"[^\n]+", text):
        words = re.findall(r"[A-Za-z][\w'’-]*", m.group(0))
        content = [w for w in words if w.lower() not in SMALL]
        lower = sum(not w[0].isupper() for w in content)
        if len(content) >= 3 and not m.group(0).rstrip().endswith((".", "”", '"', ":")) \
                and lower <= 1 and lower <= 0.15 * len(content):
            out.append((m.start(), m.end()))
    return out


class Recognizer:
    def __init__(self, article: Article, parse: Parse, lex: Lexicon):
        self.article, self.parse, self.lex = article, parse, lex
        self.toks = parse.tokens
        self.atoms = find_atoms(parse, lex)
        self.atom_at = {a.first: a for a in self.atoms}
        self._firsts = [a.first for a in self.atoms]
        self.ent_at = {e.first: e for e in parse.entities}
        self.capitalised = sorted(set(capitalised_lines(parse.text)))  # whole lines: disjoint
        self.taken: set[int] = set()
        self.mentions: list[Mention] = []
        self.date = article.published

    # --- helpers -------------------------------------------------------------------------------
    def in_capitals(self, char: int) -> bool:
        """Whether character `char` stands in a line set in capitals (capitalised_lines)."""
        k = bisect.bisect_right(self.capitalised, (char, float("inf"))) - 1
        return k >= 0 and self.capitalised[k][0] <= char < self.capitalised[k][1]

    def atom_covering(self, i: int) -> Optional[Atom]:
        """The atom whose tokens include token i (atoms are sorted and never overlap: one bisection)."""
        k = bisect.bisect_right(self._firsts, i) - 1
        return self.atoms[k] if k >= 0 and self.atoms[k].first <= i < self.atoms[k].last else None

    def atoms_within(self, first: int, last: int) -> list[Atom]:
        k = bisect.bisect_left(self._firsts, first)
        out = []
        while k < len(self.atoms) and self.atoms[k].first < last:
            if self.atoms[k].last <= last:
                out.append(self.atoms[k])
            k += 1
        return out

    def free(self, a: int, b: int) -> bool:
        return not any(i in self.taken for i in range(a, b))

    def add(self, m: Mention) -> Mention:
        self.taken.update(range(m.first, m.last))
        m.subject = any(self.toks[i].dep.startswith("nsubj") for i in range(m.first, m.last))
        m.argument = m.subject or any(self.argument(i) for i in range(m.first, m.last))
        self.mentions.append(m)
        return m

    def argument(self, i: int) -> bool:
        """'arrested the mayor', 'met with the minister', 'shot by police': the token is a party to an act
        (an object, or the object of an agent/opposition/company preposition)."""
        t = self.toks[i]
        if t.dep in ARGUMENT_DEPS:
            return True
        return t.dep == "pobj" and self.toks[t.head].lower in ARGUMENT_PREPS

    def span(self, a: int, b: int) -> tuple[int, int, str]:
        s, e = self.toks[a].start, self.toks[b - 1].end
        return s, e, self.parse.text[s:e]

    def possessive(self, i: int) -> bool:
        return i < len(self.toks) and self.toks[i].text.translate(_Q) in ("'s", "'")

    def country_prefix(self, atom: Atom) -> Optional[Entry]:
        """The country a name before a title or body gives it: a country, a demonym, or a seat of power
        ("Kremlin spokesman X", "White House officials")."""
        cs = atom.of("country", "demonym", "seat")
        return cs[0] if cs else None

    def name_after(self, i: int) -> Optional[tuple[int, int, Optional[Entry]]]:
        """A person's name starting at token i: a person entry, an NER PERSON, or a capitalised run."""
        if i >= len(self.toks) or (i and "\n" in self.parse.text[self.toks[i - 1].end:self.toks[i].start]):
            return None
        at = self.atom_at.get(i)
        if at and at.of("person"):
            return i, at.last, self.lex.person_at(at.of("person"), self.date)
        if at and at.of("title", "body", "organisation", "capital", "seat", "honorific"):
            return None
        e = self.ent_at.get(i)
        if e is not None:
            if e.label == "PERSON" and not self.in_capitals(e.start):
                last = e.last
                while last > i + 1 and self.possessive(last - 1):
                    last -= 1
                return i, last, None
        j = i
        while j < len(self.toks) and j - i < 4 and self._name_token(self.toks[j]) \
                and not (j > i and self.toks[j].sent != self.toks[i].sent):
            if j > i and self.atom_at.get(j) and not self.atom_at[j].of("person"):
                break
            if j > i and "\n" in self.parse.text[self.toks[j - 1].end:self.toks[j].start]:
                break
            j += 1
        if j == i:
            return None
        if self.in_capitals(self.toks[i].start) and not self.seen_in_body(self.toks[j - 1].text):
            return None  # "Minister Praises Reform Plan": headline capitals are not a name
        return i, j, None

    def seen_in_body(self, word: str) -> bool:
        for m in re.finditer(r"\b" + re.escape(word) + r"\b", self.parse.text):
            if not self.in_capitals(m.start()):
                return True
        return False

    def _name_token(self, t: Token) -> bool:
        if t.pos in NAME_STOP_POS:
            return False
        return bool(re.fullmatch(r"[A-Z][\w'’.-]*", t.text)) and t.text.lower() not in SMALL

    # --- patterns ------------------------------------------------------------------------------
    def run(self) -> list[Mention]:
        self.titled_persons()
        self.ner_over_countries()
        self.bodies()
        self.named_atoms()
        self.role_nouns()
        self.lone_bodies()
        self.ner_leftovers()
        self.mentions.sort(key=lambda m: m.start)
        return self.mentions

    def titled_persons(self) -> None:
        atoms = self.atoms
        for k, atom in enumerate(atoms):
            if not (atom.of("title", "honorific") or self.body_before_name(atom)) or \
                    not self.free(atom.first, atom.last):
                continue
            if k and atoms[k - 1].last == atom.first and atoms[k - 1].of("title", "honorific"):
                continue  # not the first title of a run
            titles, j, kk = [atom], atom.last, k + 1
            while kk < len(atoms) and atoms[kk].first == j and atoms[kk].of("title", "honorific"):
                titles.append(atoms[kk])
                j = atoms[kk].last
                kk += 1
            name = self.name_after(j)
            if not name or not self.free(name[0], name[1]):
                continue
            first, body, kb = atom.first, None, k
            if k and atoms[k - 1].last == atom.first and atoms[k - 1].of("body") and \
                    self.free(atoms[k - 1].first, atoms[k - 1].last):
                body, kb = atoms[k - 1], k - 1  # "foreign ministry spokesperson X", "army spokesman X"
                first = body.first
            country = self.prefix_before(kb, first)
            if country is not None:
                first = country.first
            self._person(first, name, titles, country, body)

    def body_before_name(self, atom: Atom) -> bool:
        """A singular sector noun used as a title before a person's name: "Afghan official Rahim Hotak"."""
        if not atom.of("body") or self.toks[atom.last - 1].tag != "NN":
            return False
        i = atom.last
        if i >= len(self.toks) or self.in_capitals(self.toks[i].start):
            return False
        at, e = self.atom_at.get(i), self.ent_at.get(i)
        return bool(at and at.of("person")) or (e is not None and e.label == "PERSON")

    def prefix_before(self, k: int, first: int) -> Optional[Atom]:
        """The country or organisation atom standing right before token `first` ("US", "Pakistan's")."""
        prev = self.atoms[k - 1] if k else None
        if prev is None or not self.free(prev.first, prev.last):
            return None
        if not (self.country_prefix(prev) or prev.of("organisation")):
            return None
        if self.country_prefix(prev) and self.inside_place_name(prev):
            return None  # "New Jersey governor Chris Christie": a state, not the island's
        if prev.last == first or (prev.last + 1 == first and self.possessive(prev.last)):
            return prev
        return None

    def _person(self, first: int, name, titles: list[Atom], prefix: Optional[Atom],
                body: Optional[Atom] = None) -> None:
        nf, nl, pentry = name
        s, e, text = self.span(first, nl)
        m = Mention(first, nl, s, e, text, "person", kind="person", titled=True)
        m.name = pentry.name if pentry else self.span(nf, nl)[2]
        m.extra["name_span"] = self.span(nf, nl)[:2]
        if prefix is not None:
            m.extra["prefix_span"] = (prefix.start, prefix.end)
        for t in titles:
            for en in t.of("title"):
                m.role = m.role or en.role
                m.sector = m.sector or en.sector
                m.gender = m.gender or en.gender
            for en in t.of("honorific"):
                m.gender = m.gender or en.gender
        if not m.role and titles[0].of("body"):  # "Afghan official X": the noun is the title
            en = titles[0].of("body")[0]
            m.role, m.sector = en.name[:1].upper() + en.name[1:], en.sector
            m.titled = True
        if body is not None:
            m.sector = body.of("body")[0].sector  # the body says whose spokesman: army -> MIL
        if not m.role:
            m.titled = False
        if prefix is not None:
            c = self.country_prefix(prefix)
            org = prefix.of("organisation")
            if c:
                m.country = c.country
            elif org and org[0].sector == "PTY":  # "Republican Senator X": the party's country, the title's sector
                m.country = org[0].country
            elif org:  # "Taliban spokesperson X", "UN envoy X": the organisation's codes
                m.country, m.sector, m.code = org[0].country, org[0].sector, org[0].code
        if pentry is None:  # a name after a title is a name whatever its case: "President obama"
            pentry = self.lex.person_at(self.lex.lookup(norm(m.name)), self.date)
        if pentry:
            m.entry = pentry
            m.name = pentry.name
        self.add(m)

    def bodies(self) -> None:
        """country|org ['s] (modifiers) body: one institutional actor."""
        atoms = self.atoms
        for k, atom in enumerate(atoms):
            if not atom.of("body") or not self.free(atom.first, atom.last):
                continue
            for back in (1, 2, 3):
                if k - back < 0:
                    break
                prev = atoms[k - back]
                pref = self.country_prefix(prev) or (prev.of("organisation") or [None])[0]
                if pref is None and back == 1:
                    pref = self.leader_country(prev)  # "Assad forces", "the Maduro government"
                if pref is None or not self.free(prev.first, prev.last):
                    continue
                between = list(range(prev.last, atom.first))
                if between and self.possessive(between[0]):
                    between = between[1:]
                if pref.name != pref.phrase and pref.type == "demonym" and between:
                    continue  # a leader's name stands right before the body
                if len(between) > 2 or any(self.toks[i].pos not in MODIFIER_POS or i in self.taken
                                           for i in between):
                    continue
                body = atom.of("body")[0]
                s, e, text = self.span(prev.first, atom.last)
                if pref.type == "organisation":
                    m = Mention(prev.first, atom.last, s, e, text, "org", name=pref.name, kind=pref.kind,
                                country=pref.country, sector=pref.sector, code=pref.code, entry=pref)
                else:
                    m = Mention(prev.first, atom.last, s, e, text, "body", kind=body.kind,
                                country=pref.country, sector=body.sector, code=pref.country + body.sector)
                    m.name = text
                m.extra["prefix_span"] = (prev.start, prev.end)
                m.extra["body_span"] = (atom.start, atom.end)
                self.add(m)
                break

    def leader_country(self, atom: Atom) -> Optional[Entry]:
        """A known office holder's name before a body stands for his country: "Assad forces" -> the
        Syrian military (the country the person's role on the article's date, else latest, gives)."""
        person = self.lex.person_at(atom.of("person"), self.date)
        if person is None:
            return None
        role = person.role_at(self.date) or person.role_at(None)
        if role is None or not role.country:
            return None
        return Entry(atom.text, "demonym", person.name, role.country, None, role.country, "country")

    def ner_over_countries(self) -> None:
        """An NER PERSON/ORG that is longer than the country or capital inside it wins ("Bank of America")."""
        for ent in self.parse.entities:
            if ent.label not in ("PERSON", "ORG") or self.in_capitals(ent.start):
                continue
            inner = self.atoms_within(ent.first, ent.last)
            if not inner or not self.free(ent.first, ent.last):
                continue
            if any(a.of("person", "title") for a in inner):
                continue
            lead = ent.first + (self.toks[ent.first].lower == "the")
            named_part = ent.label == "ORG" and inner[0].first == lead and inner[0].of("organisation")
            titled_body = ent.label == "ORG" and ent.text.istitle() and any(a.of("body") for a in inner) \
                and any(self.country_prefix(a) for a in inner) and not any(a.of("organisation") for a in inner)
            if any(a.of("organisation", "body") for a in inner) and not (named_part or titled_body):
                continue  # but "United Nations Economic Commission ...", "Royal Thai Navy" are one name
            if inner[0].first in (ent.first, lead) and inner[0].last == ent.last:
                continue  # "The White House": the lexicon's seat, not an unknown organisation
            self._ner(ent, inner)

    def named_atoms(self) -> None:
        for atom in self.atoms:
            if not self.free(atom.first, atom.last):
                continue
            s, e, text = atom.start, atom.end, atom.text
            if atom.of("person"):
                en = self.lex.person_at(atom.of("person"), self.date)
                if en.surname and self.someone_elses(atom):
                    continue  # "Laura Bush", "Kim Yo Jong": NER keeps the other person
                self.add(Mention(atom.first, atom.last, s, e, text, "person", name=en.name, kind="person",
                                 entry=en))
            elif atom.of("organisation"):
                en = atom.of("organisation")[0]
                self.add(Mention(atom.first, atom.last, s, e, text, "org", name=en.name, kind=en.kind,
                                 country=en.country, sector=en.sector, code=en.code, entry=en))
            elif atom.of("capital", "seat"):
                en = atom.of("capital", "seat")[0]
                if self.metonym(atom):
                    self.add(Mention(atom.first, atom.last, s, e, text, "gov", name=en.name, kind="country",
                                     country=en.country, sector=en.sector, code=en.code, entry=en))
                elif atom.of("country"):
                    self._country(atom, atom.of("country")[0])
            elif atom.of("country", "demonym") and not self.inside_place_name(atom):
                self._country(atom, atom.of("country", "demonym")[0])

    def someone_elses(self, atom: Atom) -> bool:
        """A known surname that here names something else: a date or place ("May"), or another
        person whose other names stand right beside it ("Laura Bush", "Kim Yo Jong")."""
        toks = self.toks
        if any(toks[i].ent not in ("", "PERSON", "ORG") for i in range(atom.first, atom.last)):
            return True

        def other_name(i: int) -> bool:
            if not (0 <= i < len(toks)) or self.atom_at.get(i) or i in self.taken:
                return False
            t = toks[i]
            gap = self.parse.text[t.end:atom.start] if i < atom.first else self.parse.text[atom.end:t.start]
            return t.pos == "PROPN" and t.text[:1].isupper() and t.ent in ("", "PERSON") and \
                t.sent == toks[atom.first].sent and not gap.strip() and t.text.lower() not in SMALL

        before = atom.first - 1
        covered = self.atom_covering(before)
        return (covered is None and other_name(before)) or other_name(atom.last)

    def inside_place_name(self, atom: Atom) -> bool:
        """'New Jersey', 'Northern Ireland', 'Mexico City': a country's name inside another place's."""
        toks = self.toks
        if atom.first and toks[atom.first - 1].text in PLACE_PREFIX and toks[atom.first - 1].end == \
                atom.start - 1 and atom.first - 1 not in self.taken:
            return True
        if atom.first >= 2 and toks[atom.first - 1].text == "of" and toks[atom.first - 2].text in PLACE_OF_HEADS:
            return True  # "the Gulf of Oman", "the Sea of Japan": a body of water named after a country
        return atom.last < len(toks) and toks[atom.last].text in PLACE_SUFFIX and \
            toks[atom.last].start == atom.end + 1

    def _country(self, atom: Atom, en: Entry) -> None:
        self.add(Mention(atom.first, atom.last, atom.start, atom.end, atom.text, "country", name=en.name,
                         kind="country", country=en.country, code=en.country, entry=en))

    def metonym(self, atom: Atom) -> bool:
        """A capital or seat of power used for its government, not as a place."""
        toks, text = self.toks, self.parse.text
        ds = self.article.dateline_span
        if ds and ds.start <= atom.start < ds.end:
            return False
        line_start = text.rfind("\n", 0, atom.start) + 1
        after = text[atom.end:atom.end + 3]
        if not text[line_start:atom.start].strip() and re.match(r"\s*[:(—–-]", after) and \
                atom.text.isupper():
            return False  # a dateline: "WASHINGTON:"
        head_tok = toks[atom.last - 1]
        if atom.last < len(toks) and toks[atom.last].pos == "PROPN" and toks[atom.last].dep == "compound" \
                and toks[atom.last].sent == head_tok.sent:
            return False  # "Washington Post", "Islamabad High Court"
        for i in range(atom.first, atom.last):
            t = toks[i]
            if t.head < atom.first or t.head >= atom.last:
                head = toks[t.head]
                if t.dep == "pobj" and head.lower in LOCATIVE:
                    return False
                if t.dep in ("dobj", "obj") and head.lemma.lower() in ("visit", "reach", "arrive", "leave"):
                    return False
                if t.dep == "compound" and head.pos in ("NOUN", "PROPN") and head.lower not in ("'s",):
                    return False
        return True

    def determined(self, atom: Atom) -> Optional[int]:
        """Where 'the mayor', 'the former minister', 'a senior official' starts: a title after an article
        and the adjectives that qualify it (a title with no article is a name's, handled with names)."""
        k = atom.first - 1
        while k >= 0 and self.toks[k].pos == "ADJ" and self.toks[k].dep == "amod" and \
                atom.first <= self.toks[k].head < atom.last and self.free(k, k + 1):
            k -= 1
        return k if k >= 0 and self.toks[k].lower in ("the", "a", "an") else None

    def role_nouns(self) -> None:
        """'the secretary', 'Pakistan's prime minister': a title standing for its holder."""
        atoms = self.atoms
        for k, atom in enumerate(atoms):
            if not atom.of("title") or not self.free(atom.first, atom.last):
                continue
            if atom.last < len(self.toks) and self.toks[atom.last].pos in ("NOUN", "PROPN") and \
                    self.toks[atom.last].dep == "compound":
                continue
            en = atom.of("title")[0]
            first, country = atom.first, None
            prev = atoms[k - 1] if k else None
            if prev and self.country_prefix(prev) and (prev.last == atom.first or (
                    prev.last + 1 == atom.first and self.possessive(prev.last))) and \
                    self.free(prev.first, prev.last):
                first, country = prev.first, self.country_prefix(prev).country
                if self.inside_place_name(prev):  # "the New Jersey governor": a state's, not the island's
                    first, country = prev.first - 1, None
                if first and self.toks[first - 1].lower == "the":
                    first -= 1
            elif (det := self.determined(atom)) is not None:
                first = det
            else:
                continue
            s, e, text = self.span(first, atom.last)
            self.add(Mention(first, atom.last, s, e, text, "role", kind="person", country=country,
                             sector=en.sector, role=en.role, titled=True, gender=en.gender))

    def lone_bodies(self) -> None:
        for atom in self.atoms:
            if not atom.of("body") or not self.free(atom.first, atom.last):
                continue
            last = self.toks[atom.last - 1]
            if last.pos not in ("NOUN", "PROPN") or last.dep == "compound":
                continue
            if atom.last < len(self.toks) and self.toks[atom.last].pos in ("NOUN", "PROPN") and \
                    self.toks[atom.last].dep == "compound":
                continue
            en = atom.of("body")[0]
            if en.agent and en.sector not in LONE_AGENT_SECTORS:
                continue
            self.add(Mention(atom.first, atom.last, atom.start, atom.end, atom.text, "body", name=en.name,
                             kind=en.kind, sector=en.sector, code=en.sector))

    def ner_leftovers(self) -> None:
        for ent in self.parse.entities:
            if ent.label not in ("PERSON", "ORG") or self.in_capitals(ent.start):
                continue
            if not self.free(ent.first, ent.last) or not re.search(r"[A-Z]", ent.text):
                continue
            inner = self.atoms_within(ent.first, ent.last)
            self._ner(ent, inner)

    def _ner(self, ent, inner: list[Atom]) -> None:
        first, last = ent.first, ent.last
        for k in range(first + 1, last):
            if self.toks[k].text in ("(", "["):  # "Organisation of Islamic Cooperation (OIC"
                last = k
                break
        while last > first + 1 and (self.possessive(last - 1) or self.toks[last - 1].pos == "PUNCT"):
            last -= 1
        if self.toks[first].lower == "the" and last > first + 1:
            first += 1
        s, e, text = self.span(first, last)
        outlet = self.lex.name_heads.get(norm(self.toks[last - 1].text))
        if ent.label == "PERSON" and outlet is None:
            m = Mention(first, last, s, e, text, "person", name=text, kind="person")
        else:
            m = Mention(first, last, s, e, text, "org", name=text, kind="organisation")
            if inner and inner[0].first == first and inner[0].of("organisation") and \
                    not self.country_prefix(inner[0]):
                org = inner[0].of("organisation")[0]
                m.country, m.sector, m.code = org.country, org.sector, org.code
            elif inner and (inner[0].first == first or any(a.of("body") for a in inner)):
                c = next((self.country_prefix(a) for a in inner if self.country_prefix(a)), None) or \
                    (inner[0].of("capital") or [None])[0]
                if c is not None:
                    bodies = [en for a in inner for en in a.of("body")]
                    m.country = c.country
                    m.sector = bodies[0].sector if bodies else None
                    m.code = c.country + (m.sector or "")
            if m.sector is None:  # "Fox News", "the Nairobi Herald", "Wikinews" (NER may call it a person)
                m.sector = outlet
                if m.sector and m.country:
                    m.code = m.country + m.sector
        self.add(m)


_Q = str.maketrans({"\u2019": "'", "\u2018": "'"})


def recognize(article: Article, parse: Parse, lex: Lexicon) -> list[Mention]:
    return Recognizer(article, parse, lex).run()
