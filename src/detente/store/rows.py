"""Coded articles flattened into the store's table rows (the columns: docs/store.md).

One article gives one `articles` row and rows for its actors, mentions, places, quotes, events and
event mentions. Event rows stay dicts until dedup has given them their cluster.
"""
from __future__ import annotations

import datetime as dt
import json
import re
from typing import Any, Optional, TypeVar, overload
from urllib.parse import urlparse

from ..dates import date_range
from ..model import ActorRef, Article, Event
from .cluster import COARSE_FEATURES, EventRow, dyad_key

TableRow = list[Any]  # one row of a table, its values in COLUMNS order

# Columns each row fills, in order; columns with a default (`added`) are left to DuckDB.
COLUMNS = {
    "articles": ["id", "source", "title", "dateline", "published", "tags", "url", "author", "site", "outlet",
                 "language", "input_kind", "n_actors", "n_events", "n_quotes", "n_places", "warnings", "lead_end",
                 "text", "record"],
    "actors": ["article_id", "actor_id", "name", "kind", "code", "country", "sector", "role", "n_mentions"],
    "mentions": ["article_id", "actor_id", "start", "end", "text"],
    "places": ["article_id", "place_idx", "start", "end", "text", "name", "country", "lat", "lon", "geonameid",
               "role", "feature"],
    "quotes": ["article_id", "quote_idx", "start", "end", "text", "direct", "scare", "speaker_actor",
               "speaker_text", "speaker_code", "speaker_country", "speaker_sector", "cue_start", "cue_end",
               "cue_text"],
    "events": [
        "event_id", "article_id", "local_id",
        "source_actor", "source_text", "source_start", "source_end", "source_code", "source_country", "source_sector",
        "target_actor", "target_text", "target_start", "target_end", "target_code", "target_country", "target_sector",
        "cameo", "cameo_root", "cameo_name", "goldstein", "quad_class", "plover", "plover_mode",
        "date", "date_precision", "date_text", "date_source", "date_start", "date_end",
        "place_text", "place_name", "place_country", "place_feature", "lat", "lon", "geonameid", "place_source",
        "negated", "modality", "speaker_actor", "speaker_text", "speaker_code", "speaker_country",
        "sentence_start", "sentence_end", "trigger_start", "trigger_end", "trigger_text", "evidence", "n_mentions",
        "sentence_places", "dyad_key", "cluster_id", "published", "outlet", "action_id",
    ],
    "event_mentions": ["event_id", "article_id", "start", "end", "text"],
}
EVENT_COLUMNS = COLUMNS["events"]


def flatten(art: Article) -> tuple[dict[str, list[TableRow]], list[EventRow]]:
    """The article's rows: every table but `events` as lists in COLUMNS order, and the event rows as
    dicts (dedup reads and completes them; `event_rows` turns them into lists)."""
    outlet, published = _outlet(art), _iso_date(art.published)
    tables: dict[str, list[TableRow]] = {
        "articles": [[art.id, art.source, art.title, art.dateline, published, list(art.tags or []), art.url,
                      art.author, art.site, outlet, art.language, art.input_kind, len(art.actors),
                      len(art.events), len(art.quotes), len(art.places), list(art.warnings or []),
                      lead_end(art.text, art.title), art.text, json.dumps(art.to_dict(), ensure_ascii=False)]],
        "actors": [[art.id, a.id, a.name, a.kind, a.code, a.country, a.sector, a.role, len(a.mentions)]
                   for a in art.actors],
        "mentions": [[art.id, a.id, m.start, m.end, m.text] for a in art.actors for m in a.mentions],
        "places": [[art.id, i, p.start, p.end, p.text, p.name, p.country, p.lat, p.lon, p.geonameid, p.role,
                    p.feature] for i, p in enumerate(art.places)],
        "quotes": [[art.id, i, q.start, q.end, q.text, q.direct, q.scare, *_ref_cols(q.speaker, sector=True),
                    *((q.cue.start, q.cue.end, q.cue.text) if q.cue else (None, None, None))]
                   for i, q in enumerate(art.quotes)],
    }
    events = [_event_row(art, ev, published, outlet) for ev in art.events]
    tables["event_mentions"] = [[r["event_id"], art.id, m.start, m.end, m.text]
                                for r, ev in zip(events, art.events)
                                for m in (ev.mentions or ([ev.trigger] if ev.trigger else []))]
    return tables, events


def event_rows(events: list[EventRow]) -> list[TableRow]:
    return [[r[c] for c in EVENT_COLUMNS] for r in events]


def _ref_cols(ref: Optional[ActorRef], sector: bool = False) -> list[Optional[str]]:
    if ref is None:
        return [None] * (5 if sector else 4)
    cols = [ref.actor, ref.text, ref.code, ref.country]
    return cols + [ref.sector] if sector else cols


def _side(ref: Optional[ActorRef]) -> list[Any]:
    if ref is None:
        return [None] * 7
    return [ref.actor, ref.text, ref.start, ref.end, ref.code, upper_code(ref.country), ref.sector]


def _event_row(art: Article, ev: Event, published: Optional[dt.date], outlet: Optional[str]) -> EventRow:
    features = {(p.start, p.end): p.feature for p in art.places}
    # Towns named in the event's sentence: dedup uses them when the event's own place is coarse or missing.
    towns = [] if ev.sentence is None else [
        p.name or p.text for p in art.places
        if p.role != "dateline" and p.feature not in COARSE_FEATURES and ev.sentence.start <= p.start < ev.sentence.end]

    cameo = (str(ev.cameo).strip() if ev.cameo is not None else "") or None
    name, goldstein, quad, plover, mode = ev.cameo_name, ev.goldstein, ev.quad_class, ev.plover, ev.plover_mode
    if cameo and (name is None or goldstein is None or quad is None or plover is None):
        # The code fixes these facts; fill what the coder left out so aggregates never lose the event.
        try:
            from .. import ontology

            facts, pl = ontology.cameo(cameo), ontology.plover(cameo)
        except Exception:
            facts, pl = None, None
        if facts:
            name = name if name is not None else facts[0]
            goldstein = goldstein if goldstein is not None else facts[1]
            quad = quad if quad is not None else facts[2]
        if pl and plover is None:
            plover, mode = pl[0], mode if mode is not None else pl[1]
    start, end, precision = date_range(ev.date)
    if precision == "day" and start is not None and ev.date_precision == "week":  # "last week": its Thursday
        start, end, precision = start - dt.timedelta(days=3), start + dt.timedelta(days=3), "week"
    p = ev.place
    row = dict(zip(["source_actor", "source_text", "source_start", "source_end", "source_code", "source_country",
                    "source_sector"], _side(ev.source)))
    row.update(zip(["target_actor", "target_text", "target_start", "target_end", "target_code", "target_country",
                    "target_sector"], _side(ev.target)))
    sp = _ref_cols(ev.speaker)
    row.update(
        event_id=f"{art.id}:{ev.id}", article_id=art.id, local_id=ev.id, cameo=cameo,
        action_id=f"{art.id}:{ev.action or ev.id}",
        cameo_root=cameo[:2] if cameo else None, cameo_name=name, goldstein=goldstein,
        quad_class=quad, plover=plover, plover_mode=mode, date=ev.date,
        date_precision=ev.date_precision or precision, date_text=ev.date_text, date_source=ev.date_source,
        date_start=start, date_end=end,
        place_text=p.text if p else None, place_name=p.name if p else None,
        place_country=upper_code(p.country) if p else None,
        place_feature=features.get((p.start, p.end)) if p else None,
        lat=p.lat if p else None, lon=p.lon if p else None, geonameid=p.geonameid if p else None,
        place_source=ev.place_source,
        negated=bool(ev.negated), modality=ev.modality or "asserted",
        speaker_actor=sp[0], speaker_text=sp[1], speaker_code=sp[2], speaker_country=upper_code(sp[3]),
        sentence_start=ev.sentence.start if ev.sentence else None,
        sentence_end=ev.sentence.end if ev.sentence else None,
        trigger_start=ev.trigger.start if ev.trigger else None, trigger_end=ev.trigger.end if ev.trigger else None,
        trigger_text=ev.trigger.text if ev.trigger else None, evidence=ev.evidence or "",
        n_mentions=max(len(ev.mentions or []), 1), sentence_places=towns, published=published, outlet=outlet, cluster_id=None)
    row["dyad_key"] = dyad_key(row)
    return row


def _iso_date(value: Optional[str]) -> Optional[dt.date]:
    start, _, precision = date_range(value)
    return start if precision == "day" else None


def _outlet(art: Article) -> Optional[str]:
    """Who published the report, for counting distinct sources: site, else the URL's host, else the source."""
    if art.site:
        return art.site.strip().lower()
    for u in (art.url, art.source):
        if u and "://" in u:
            host = urlparse(u).netloc.lower()
            return host[4:] if host.startswith("www.") else host
    return art.source


_MONTH = r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?"
_DATE_LINE = re.compile(
    rf"(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day,?\s+)?"
    rf"(?:{_MONTH}\s+\d{{1,2}}(?:st|nd|rd|th)?|\d{{1,2}}(?:st|nd|rd|th)?\s+{_MONTH}),?\s+\d{{4}}"
    r"|\d{4}-\d{2}-\d{2}", re.I)


def _words(s: str) -> str:
    return " ".join(s.split()).casefold()


def lead_end(text: Optional[str], title: Optional[str] = None) -> int:
    """Where the article's first body paragraph ends (the store keeps it; GDELT's IsRootEvent marks the events before it):
    past the blank lines, date lines ("Monday, January 14, 2019") and the headline above it."""
    text = text or ""
    head = _words(title) if title else None
    pos = 0
    while pos < len(text):
        cut = text.find("\n", pos)
        end = len(text) if cut < 0 else cut
        line = text[pos:end].strip()
        if line and not _DATE_LINE.fullmatch(line) and _words(line) != head:
            return end
        pos = end + 1
    return len(text)


_V = TypeVar("_V")


@overload
def upper_code(v: str) -> str: ...
@overload
def upper_code(v: _V) -> _V: ...
def upper_code(v: object) -> object:
    """A code or country as stored (upper case); None and non-strings pass unchanged."""
    return v.upper() if isinstance(v, str) else v
