"""The typed records every stage shares.

This module imports nothing of detente's: ingest produces `Article`s, the NLP layer turns text into a
`Parse` (plain tokens and sentences, no spaCy objects), and the coders fill `actors`, `places`,
`events` and `quotes`. All offsets are character offsets into `Article.text`, end exclusive.
"""
from __future__ import annotations

import bisect
import dataclasses
import hashlib
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Optional, TypeVar, cast, overload

if TYPE_CHECKING:
    from _typeshed import DataclassInstance

SCHEMA_VERSION = 1


@dataclass
class Span:
    start: int
    end: int
    text: str


@dataclass
class ActorRef:
    """A pointer from an event or quote to an actor, with the words that named it there."""
    actor: Optional[str]  # id into Article.actors, or None when the words resolved to no actor
    text: str
    start: int
    end: int
    code: Optional[str] = None
    country: Optional[str] = None
    sector: Optional[str] = None

    def __repr__(self) -> str:
        return f"ActorRef({self.text!r} {self.code or self.country or '?'})"


@dataclass
class Actor:
    id: str
    name: str
    kind: str  # person | country | organisation | group | unknown
    code: Optional[str] = None  # CAMEO-style actor code, e.g. USAGOV, PAKSPY, IMGISIS
    country: Optional[str] = None  # ISO 3166-1 alpha-3
    sector: Optional[str] = None  # GOV, MIL, SPY, IMG, ...
    role: Optional[str] = None  # e.g. "Secretary of State"
    mentions: list[Span] = field(default_factory=list)

    def ref(self, mention: Span) -> ActorRef:
        return ActorRef(self.id, mention.text, mention.start, mention.end, self.code, self.country, self.sector)

    def __repr__(self) -> str:
        role = f", {self.role}" if self.role else ""
        code = self.code or self.country or "?"
        return f"Actor({self.id} {self.name!r} {self.kind} {code}{role}, {len(self.mentions)} mentions)"


@dataclass
class PlaceRef:
    text: str
    start: int
    end: int
    name: Optional[str] = None
    country: Optional[str] = None
    lat: Optional[float] = None
    lon: Optional[float] = None
    geonameid: Optional[int] = None


@dataclass
class Place:
    start: int
    end: int
    text: str
    name: Optional[str] = None
    country: Optional[str] = None  # ISO3
    lat: Optional[float] = None
    lon: Optional[float] = None
    geonameid: Optional[int] = None
    role: str = "mentioned"  # dateline | mentioned | metonym (a capital standing for its government)
    feature: Optional[str] = None  # country | city | admin1 | region

    def ref(self) -> PlaceRef:
        return PlaceRef(self.text, self.start, self.end, self.name, self.country, self.lat, self.lon, self.geonameid)

    def __repr__(self) -> str:
        at = f" ({self.lat:.2f}, {self.lon:.2f})" if self.lat is not None and self.lon is not None else ""
        return f"Place({self.text!r} -> {self.name or '?'} {self.country or ''}{at}, {self.role})"


@dataclass
class Event:
    id: str
    source: Optional[ActorRef]
    target: Optional[ActorRef]
    cameo: str
    cameo_name: Optional[str] = None
    goldstein: Optional[float] = None
    quad_class: Optional[int] = None  # 1 verbal coop, 2 material coop, 3 verbal conflict, 4 material conflict
    plover: Optional[str] = None
    plover_mode: Optional[str] = None
    date: Optional[str] = None  # YYYY, YYYY-MM or YYYY-MM-DD
    date_precision: Optional[str] = None  # year | month | day
    date_text: Optional[str] = None
    date_source: Optional[str] = None  # text | published | article | none
    place: Optional[PlaceRef] = None
    # how the place was chosen: attached (a toponym the trigger's phrase governs: "in/at/near X", "the
    # Kabul bombing", "visited Beijing") | sentence (the sentence's only place) | dateline (the lead
    # event of an article filed from there) | none
    place_source: Optional[str] = None
    negated: bool = False
    modality: str = "asserted"  # asserted | intended | hypothetical | reported | question
    speaker: Optional[ActorRef] = None
    sentence: Optional[Span] = None
    trigger: Optional[Span] = None
    evidence: str = ""
    mentions: list[Span] = field(default_factory=list)  # every trigger that states this same event
    # the action this event is one dyad of: one act between several parties ("A and B met", "A and B
    # attacked C") is one event per dyad, all with the id of the first as their action (POLECAT and
    # the exhaustive gold code the act once, with party lists); an event alone has its own id
    action: Optional[str] = None

    def __repr__(self) -> str:
        def side(r: Optional[ActorRef]) -> str:
            return (r.code or r.country or r.text) if r else "-"

        flags = ("NEG " if self.negated else "") + ("" if self.modality == "asserted" else self.modality)
        trig = f" {self.trigger.text!r}" if self.trigger else ""
        return (f"Event({self.id} {self.date or 'undated'} {side(self.source)} -{self.cameo} {self.cameo_name or ''}-> "
                f"{side(self.target)}{' ' + flags.strip() if flags else ''}{trig})")


@dataclass
class Quote:
    start: int
    end: int
    text: str
    direct: bool = True
    speaker: Optional[ActorRef] = None
    cue: Optional[Span] = None
    scare: bool = False  # a short quoted phrase used as a term, not as speech

    def __repr__(self) -> str:
        who = (self.speaker.code or self.speaker.country or self.speaker.text) if self.speaker else "?"
        text = self.text if len(self.text) <= 60 else self.text[:57] + "..."
        return f"Quote({who}: {text!r}{', scare' if self.scare else ''})"


@dataclass
class Article:
    id: str
    text: str
    source: Optional[str] = None  # path, URL or corpus name it came from
    title: Optional[str] = None
    dateline: Optional[str] = None
    published: Optional[str] = None  # YYYY-MM-DD
    tags: list[str] = field(default_factory=list)
    url: Optional[str] = None
    author: Optional[str] = None
    site: Optional[str] = None
    language: Optional[str] = None
    input_kind: Optional[str] = None  # a kind in ingest.READERS (text, html, feed, jsonl, csv ...) or url
    dateline_span: Optional[Span] = None  # where the dateline stands in `text`, when it stays there
    # Where the headline ends in `text` (0: the text has none), decided once when the record is made
    # (find_headline_end) and read by every stage; left out (-1), it is decided from text and title.
    headline_end: int = -1
    actors: list[Actor] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)
    places: list[Place] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    schema_version: int = SCHEMA_VERSION

    def __post_init__(self) -> None:
        if not isinstance(self.headline_end, int) or self.headline_end < 0:
            self.headline_end = find_headline_end(self.text, self.title)

    def to_dict(self) -> dict[str, Any]:
        return cast("dict[str, Any]", _plain(self))

    def __repr__(self) -> str:
        # the text and every record would run to tens of thousands of characters in a notebook
        title = self.title if not self.title or len(self.title) <= 60 else self.title[:57] + "..."
        return (f"Article({self.id!r}, title={title!r}, published={self.published!r}, {len(self.text):,} chars, "
                f"{len(self.actors)} actors, {len(self.events)} events, {len(self.quotes)} quotes, "
                f"{len(self.places)} places{f', {len(self.warnings)} warnings' if self.warnings else ''})")

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> "Article":
        return _build(cls, d)

    def offset_errors(self) -> list[str]:
        """Every span whose offsets do not point at its own text in `text` (empty when all hold)."""
        bad: list[str] = []

        def check(where: str, start: object, end: object, text: Optional[str]) -> None:
            if not (isinstance(start, int) and isinstance(end, int) and 0 <= start <= end <= len(self.text)):
                bad.append(f"{where}: offsets {start}:{end} outside the text")
            elif text is not None and self.text[start:end] != text:
                bad.append(f"{where}: {self.text[start:end]!r} != {text!r}")

        for a in self.actors:
            for m in a.mentions:
                check(f"actor {a.id} mention", m.start, m.end, m.text)
        for p in self.places:
            check(f"place {p.name}", p.start, p.end, p.text)
        for q in self.quotes:
            check("quote", q.start, q.end, q.text)
            if q.cue:
                check("quote cue", q.cue.start, q.cue.end, q.cue.text)
            if q.speaker and q.speaker.start >= 0:
                check("quote speaker", q.speaker.start, q.speaker.end, q.speaker.text)
        for e in self.events:
            for name, ref in (("source", e.source), ("target", e.target), ("speaker", e.speaker)):
                if ref and ref.start >= 0:
                    check(f"event {e.id} {name}", ref.start, ref.end, ref.text)
            if e.trigger:
                check(f"event {e.id} trigger", e.trigger.start, e.trigger.end, e.trigger.text)
            for m in e.mentions:
                check(f"event {e.id} mention", m.start, m.end, m.text)
            if e.sentence:
                check(f"event {e.id} sentence", e.sentence.start, e.sentence.end, None)
                if e.evidence and self.text[e.sentence.start:e.sentence.end] != e.evidence:
                    bad.append(f"event {e.id}: evidence is not the sentence at its offsets")
            if e.place and e.place.start >= 0:
                check(f"event {e.id} place", e.place.start, e.place.end, e.place.text)
        if self.dateline_span:
            check("dateline", self.dateline_span.start, self.dateline_span.end, self.dateline_span.text)
        check("headline", 0, self.headline_end, None)
        return bad


@dataclass
class IngestError:
    """A document that could not be read or was skipped, and why (one line, no traceback)."""
    source: str
    reason: str
    skipped: bool = False  # True when readable but deliberately not coded (e.g. not English)


def stable_id(*parts: Optional[str]) -> str:
    """A short, stable hash used when the input gives no id of its own."""
    h = hashlib.sha1("\x1f".join(p or "" for p in parts).encode("utf-8", "surrogatepass"))
    return h.hexdigest()[:16]


def content_id(text: str) -> str:
    """The id of an article whose input gives none: a hash of its text alone, so the same text gets the
    same id whether it came as a relative or absolute path, from stdin or from a URL (docs/record.md)."""
    return stable_id("text", text)


def find_headline_end(text: str, title: Optional[str] = None) -> int:
    """The offset where the article's headline ends in `text`, 0 when the text has none: the title when
    the text starts with it, else a first line standing alone above a blank line in Title Case.

    The one place the headline is decided: Article sets `headline_end` from it when the record is made
    (ingest, or `Article(text=...)` directly), and the stages read the record."""
    if not isinstance(text, str):
        return 0
    title = title.strip() if isinstance(title, str) else ""
    if title and text.lstrip().startswith(title):
        return text.index(title) + len(title)
    body = text.lstrip()
    first = body.split("\n", 1)[0]
    words = [w for w in first.split() if w[:1].isalpha()]
    capitalised = sum(w[:1].isupper() for w in words)
    # a headline stands alone above a blank line and is written in Title Case; a wire sentence's
    # hard line break is neither
    if (first and body[len(first):].startswith("\n\n") and len(first) < 200 and len(words) >= 2
            and capitalised >= 0.6 * len(words) and not first.rstrip().endswith((".", "!", "?", ":"))):
        return text.index(first) + len(first)
    return 0


# --- the NLP layer's output: plain records, so later stages never touch spaCy ------------------

@dataclass
class Token:
    i: int
    start: int
    end: int
    text: str
    lemma: str
    pos: str
    tag: str
    dep: str
    head: int  # index of the syntactic head (itself for a root)
    ent: str = ""  # spaCy NER label or ""
    ent_iob: str = "O"
    sent: int = 0  # index into Parse.sentences
    ws: str = ""  # trailing whitespace

    @property
    def lower(self) -> str:
        return self.text.lower()


@dataclass
class Sentence:
    start: int
    end: int
    first: int  # first token index
    last: int  # one past the last token index


@dataclass
class Entity:
    start: int
    end: int
    text: str
    label: str
    first: int
    last: int  # token indices, end exclusive


@dataclass
class Parse:
    text: str
    tokens: list[Token]
    sentences: list[Sentence]
    entities: list[Entity]

    def children(self, i: int) -> list[Token]:
        kids = self.__dict__.get("_kids")  # looked up ~2 times a token by the stages: kept short
        if kids is None:
            kids = self._children_index()
        return list(kids.get(i, ()))

    def _children_index(self) -> dict[int, list[Token]]:
        kids: dict[int, list[Token]] = {}
        for t in self.tokens:
            if t.head != t.i:
                kids.setdefault(t.head, []).append(t)
        self.__dict__["_kids"] = kids
        return kids

    def subtree(self, i: int) -> list[Token]:
        out, stack = [], [i]
        while stack:
            j = stack.pop()
            out.append(self.tokens[j])
            stack.extend(c.i for c in self.children(j))
        return sorted(out, key=lambda t: t.i)

    def sentence_of(self, i: int) -> Sentence:
        return self.sentences[self.tokens[i].sent]

    def tokens_in(self, start: int, end: int) -> list[Token]:
        """The tokens from the one covering `start` up to `end` (a span's tokens)."""
        first = self.token_at(start)
        if first is None:
            return []
        out, toks = [], self.tokens
        for j in range(first.i, len(toks)):  # by index: a slice would copy the whole tail per call
            if toks[j].start >= end:
                break
            out.append(toks[j])
        return out

    def token_at(self, char: int) -> Optional[Token]:
        """The token covering character offset `char`, if any."""
        ends = self.__dict__.get("_ends")  # the tokens' ends, bisected in C (asked once per mention)
        if ends is None:
            ends = self.__dict__["_ends"] = [t.end for t in self.tokens]
        lo = bisect.bisect_right(ends, char)  # the first token that ends after char
        if lo < len(self.tokens) and self.tokens[lo].start <= char < self.tokens[lo].end:
            return self.tokens[lo]
        return None


# --- rebuilding records from dicts (the store, Parquet partitions and the HTTP API use this) ---

def _plain(v: Any) -> Any:
    """`dataclasses.asdict` without its deep copies, which records (plain values, lists and records)
    do not need: about twice as fast, and the store converts every article it writes."""
    t = type(v)
    if t in _LEAVES:
        return v
    names = _FIELDS.get(t)
    if names is None and dataclasses.is_dataclass(v) and not isinstance(v, type):
        names = _FIELDS[t] = [f.name for f in dataclasses.fields(v)]
    if names is not None:
        return {n: _plain(getattr(v, n)) for n in names}
    if isinstance(v, (list, tuple)):
        return t(_plain(x) for x in v)
    if isinstance(v, dict):
        return {k: _plain(x) for k, x in v.items()}
    return v


_LEAVES = {str, int, float, bool, type(None)}
_FIELDS: dict[type, list[str]] = {}


_R = TypeVar("_R", bound="DataclassInstance")


@overload
def _build(cls: type[_R], d: None) -> None: ...
@overload
def _build(cls: type[_R], d: dict[str, Any]) -> _R: ...
def _build(cls: type[_R], d: Optional[dict[str, Any]]) -> Optional[_R]:
    if d is None:
        return None
    kwargs: dict[str, Any] = {}
    hints = {f.name: f for f in dataclasses.fields(cls)}
    for name, f in hints.items():
        if name not in d:
            continue
        kwargs[name] = _coerce(f.type, d[name])
    return cls(**kwargs)


_RECORDS: dict[str, type[DataclassInstance]] = {
    "Span": Span, "ActorRef": ActorRef, "Actor": Actor, "PlaceRef": PlaceRef, "Place": Place, "Event": Event,
    "Quote": Quote}


def _coerce(type_str: object, value: Any) -> Any:
    if value is None:
        return None
    t = str(type_str).replace("Optional[", "").rstrip("]")
    if t.startswith("list["):
        inner = t[5:]
        rec = _RECORDS.get(inner)
        return [_build(rec, v) if rec else v for v in value]
    rec = _RECORDS.get(t)
    return _build(rec, value) if rec else value
