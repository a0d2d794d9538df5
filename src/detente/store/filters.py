"""SQL for event filters, shared by Store.events, the timelines, the alerts, the exports and the CLI.

An actor term matches one side of an event (docs/store.md): a three-letter term is a country
("USA": country USA, or a code starting USA when no country is known, e.g. "IMG" for IMGISI);
a longer term is a code prefix with sector ("USAGOV": code USAGOV..., or country USA + sector GOV).
"""
from __future__ import annotations

import datetime as dt
from typing import Any, Iterable, Optional, Sequence, Union

from .errors import StoreError
from ..dates import date_range

Terms = Union[str, Iterable[str]]  # one or more terms: a list, or a string of them split on commas or spaces
DateBound = Union[str, int, dt.date]  # a window edge: YYYY, YYYY-MM or YYYY-MM-DD (as text, a year or a date)


def actor_cond(side: str, term: str) -> tuple[str, list[str]]:
    """SQL matching `term` on the source or target side of an event row."""
    t = str(term).strip().upper()
    if len(t) <= 3:
        return (f"({side}_country = ? OR ({side}_country IS NULL AND ({side}_code LIKE ? OR {side}_sector = ?)))",
                [t, t + "%", t])
    return f"({side}_code LIKE ? OR ({side}_country = ? AND {side}_sector = ?))", [t + "%", t[:3], t[3:6]]


def dyad_cond(a: str, b: str, directed: bool = False) -> tuple[str, list[str]]:
    sa, pa = actor_cond("source", a)
    tb, pb = actor_cond("target", b)
    if directed:
        return f"({sa} AND {tb})", pa + pb
    sb, pb2 = actor_cond("source", b)
    ta, pa2 = actor_cond("target", a)
    return f"(({sa} AND {tb}) OR ({sb} AND {ta}))", pa + pb + pb2 + pa2


def _many(value: Optional[Terms]) -> list[str]:
    if value is None:
        return []
    if isinstance(value, str):
        return [v for v in value.replace(",", " ").split() if v]
    return [str(v) for v in value]


def _in(conds: list[str], params: list[Any], column: str, values: list[str]) -> None:
    if values:
        conds.append(f"{column} IN ({', '.join('?' for _ in values)})")
        params += values


def bound(value: DateBound, last: bool) -> str:
    """A window edge given as YYYY, YYYY-MM or YYYY-MM-DD -> the first (or last) day it covers."""
    first, final, _ = date_range(str(value))
    if first is None or final is None:  # (both are None, or neither)
        raise StoreError(f"not a date: {value!r} (use YYYY, YYYY-MM or YYYY-MM-DD)")
    return (final if last else first).isoformat()


def filters(actor: Optional[str] = None, dyad: Optional[Sequence[str]] = None, directed: bool = False,
            cameo: Optional[Terms] = None, plover: Optional[Terms] = None, start: Optional[DateBound] = None,
            end: Optional[DateBound] = None, negated: Optional[bool] = False, modality: Optional[Terms] = None,
            place: Optional[Union[str, int]] = None, article: Optional[str] = None, cluster: Optional[str] = None,
            start_in: Optional[Sequence[DateBound]] = None) -> tuple[list[str], list[Any]]:
    """WHERE conditions (ANDed) and their parameters for the event filters of Store.events."""
    conds: list[str] = []
    params: list[Any] = []
    if actor:
        s, ps = actor_cond("source", actor)
        t, pt = actor_cond("target", actor)
        conds.append(f"({s} OR {t})")
        params += ps + pt
    if dyad:
        a, b = dyad
        c, p = dyad_cond(a, b, directed)
        conds.append(c)
        params += p
    codes = _many(cameo)
    if codes:
        conds.append("(" + " OR ".join("cameo LIKE ?" for _ in codes) + ")")
        params += [c + "%" for c in codes]
    _in(conds, params, "plover", [t.upper() for t in _many(plover)])
    # A date filter keeps events whose date range overlaps the window; undated events drop out.
    if start:
        conds.append("date_end >= ?::DATE")
        params.append(bound(start, last=False))
    if end:
        conds.append("date_start <= ?::DATE")
        params.append(bound(end, last=True))
    if start_in:
        conds.append("date_start >= ?::DATE AND date_start < ?::DATE")
        params += [str(start_in[0]), str(start_in[1])]
    if negated is not None:
        conds.append("negated" if negated else "NOT negated")
    modalities = [m.lower() for m in _many(modality)]
    if negated is False and not modalities:
        # the default view is what an analyst can sign: what the text says happened, is happening or
        # is intended, not what it only entertains ("if X attacks", "urged X to attack", "whether")
        conds.append("coalesce(modality, 'asserted') NOT IN ('hypothetical', 'question')")
    _in(conds, params, "modality", modalities)
    if place:
        conds.append("(place_name ILIKE ? OR place_text ILIKE ? OR place_country = ? OR geonameid::VARCHAR = ?)")
        params += [place, place, str(place).upper(), str(place)]
    if article:
        conds.append("article_id = ?")
        params.append(article)
    if cluster:
        conds.append("cluster_id = ?")
        params.append(cluster)
    return conds, params


def events_sql(limit: Optional[int] = None, offset: int = 0, dedup: bool = False,
               **kw: Any) -> tuple[str, list[Any]]:
    conds, params = filters(**kw)
    where = ("WHERE " + " AND ".join(conds)) if conds else ""
    page = (f" LIMIT {int(limit)}" if limit is not None else "") + (f" OFFSET {int(offset)}" if offset else "")
    if not dedup:
        return f"SELECT * FROM events {where} ORDER BY date_start NULLS LAST, event_id{page}", params
    # One row per cluster: the earliest-reported matching event, with the counts of the whole cluster.
    return (f"""
        WITH m AS (SELECT * FROM events {where}),
        r AS (SELECT *, row_number() OVER (PARTITION BY cluster_id
                        ORDER BY published NULLS LAST, event_id) AS rn FROM m),
        c AS (SELECT cluster_id, count(*) AS num_mentions, count(DISTINCT article_id) AS num_articles,
                     count(DISTINCT coalesce(outlet, article_id)) AS num_sources,
                     min(published) AS first_seen, max(published) AS last_seen,
                     list(DISTINCT article_id ORDER BY article_id) AS article_ids
              FROM events WHERE cluster_id IN (SELECT cluster_id FROM m) GROUP BY cluster_id)
        SELECT r.* EXCLUDE (rn), c.num_mentions, c.num_articles, c.num_sources, c.first_seen, c.last_seen,
               c.article_ids
        FROM r JOIN c USING (cluster_id) WHERE rn = 1
        ORDER BY date_start NULLS LAST, event_id{page}""", params)

