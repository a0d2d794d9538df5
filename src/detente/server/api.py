"""The JSON API under /api: code a document, and read articles, events, dyads, actors, quotes, places, stats."""
from __future__ import annotations

import datetime as dt
import re
from typing import Annotated, Literal, Optional

from fastapi import APIRouter, Depends, HTTPException, Path, Query, Request

from .. import dates
from ..model import Article
from . import schemas as S
from .backend import Backend, Busy, FetchFailed, Rejected, frame_records
from .limits import UnsafeURL

router = APIRouter(prefix="/api")

ACTOR = r"^[A-Za-z]{3}[A-Za-z0-9]{0,12}$"  # ISO3 country, optionally followed by CAMEO sector codes
DYAD = r"^[A-Za-z]{3}[A-Za-z0-9]{0,12},[A-Za-z]{3}[A-Za-z0-9]{0,12}$"
MAX_PERIODS = 5000  # bars a timeline may have: ten years by day, a century by week
MAX_POINTS = 5000  # places on the map: the most active first
ERRORS = {400: {"model": S.Problem}, 403: {"model": S.Problem}, 404: {"model": S.Problem}, 413: {"model": S.Problem},
          422: {"model": S.Problem}, 429: {"model": S.Problem}, 502: {"model": S.Problem}}

Limit = Annotated[int, Query(ge=1, le=1000, description="rows per page")]
Offset = Annotated[int, Query(ge=0, le=10_000_000)]
Date = Annotated[Optional[str], Query(pattern=S.DATE, description="YYYY, YYYY-MM or YYYY-MM-DD")]
ArticleId = Annotated[Optional[str], Query(max_length=S.MAX_ID)]


def backend(request: Request) -> Backend:
    return request.app.state.backend


def _page(rows: list, limit: int, offset: int) -> dict:
    """A page from up to limit+1 rows: the extra row only says there is a next page."""
    more = len(rows) > limit
    return {"items": rows[:limit], "limit": limit, "offset": offset, "next_offset": offset + limit if more else None}


def _call(be: Backend, method: str, *args, **kwargs):
    try:
        return be.read(method, *args, **kwargs)
    except (ValueError, KeyError, TypeError) as e:
        # The store rejects what it cannot query; that is the caller's input, not a server fault.
        raise HTTPException(400, f"{method}: {e}") from None


def _check_date(value: Optional[str], name: str, upper: bool = False) -> Optional[str]:
    """A YYYY, YYYY-MM or YYYY-MM-DD bound as the full date the store compares with: the first day of
    the year or month for a start, the last day for an end."""
    if value is None:
        return None
    try:
        return (dates.last_day(value) if upper else dates.first_day(value)).isoformat()
    except ValueError:
        raise HTTPException(422, f"{name}={value!r} is not a calendar date") from None


@router.post("/code", response_model=S.CodeResponse, responses=ERRORS, tags=["coding"],
             summary="Code a posted text, HTML page or (when allowed) URL")
def code(req: S.CodeRequest, request: Request):
    given = [k for k in ("text", "html", "url") if getattr(req, k) is not None]
    if len(given) != 1:
        raise HTTPException(422, "give exactly one of text, html or url")
    _check_date(req.published, "published")
    be = backend(request)
    try:
        art, stored = be.code(text=req.text, html=req.html, url=req.url, published=req.published,
                              title=req.title, id=req.id, store=req.store)
    except PermissionError as e:
        raise HTTPException(403, str(e)) from None
    except UnsafeURL as e:
        raise HTTPException(400, str(e)) from None
    except FetchFailed as e:
        raise HTTPException(502, str(e)) from None
    except Rejected as e:
        too_long = "over the limit" in str(e)
        raise HTTPException(413 if too_long else 422, str(e)) from None
    except Busy:
        raise HTTPException(429, "the coder is busy; retry shortly", headers={"Retry-After": "2"}) from None
    return {"article": art, "stored": stored}


@router.get("/articles", response_model=S.Page[S.ArticleSummary], responses=ERRORS, tags=["articles"])
def articles(request: Request, limit: Limit = 50, offset: Offset = 0,
             q: Annotated[Optional[str], Query(max_length=200, description="words in title or text")] = None):
    rows = _call(backend(request), "articles", limit=limit + 1, offset=offset, q=q or None)
    return _page(list(rows), limit, offset)


# Ids are whatever the input gave (a feed's guid is often a URL), so the path takes slashes; ids a URL
# path cannot carry as they are ("a/../b": clients fold the dot segments) go as ?id= to /api/article.
@router.get("/articles/{article_id:path}", response_model=Article, responses=ERRORS, tags=["articles"],
            summary="One coded article by id (an id with slashes may stand as it is)")
def article(article_id: Annotated[str, Path(max_length=S.MAX_ID)], request: Request):
    return _article(request, article_id)


@router.get("/article", response_model=Article, responses=ERRORS, tags=["articles"],
            summary="One coded article, its id as a query parameter (any characters)")
def article_by_query(id: Annotated[str, Query(max_length=S.MAX_ID)], request: Request):
    return _article(request, id)


def _article(request: Request, article_id: str):
    art = _call(backend(request), "get", article_id)
    if art is None:
        raise HTTPException(404, f"no article {article_id!r}")
    return art


def event_filters(
        actor: Annotated[Optional[str], Query(pattern=ACTOR, description="USA or USAGOV, as source or target")] = None,
        dyad: Annotated[Optional[str], Query(pattern=DYAD, description="two actors, e.g. USA,PAK")] = None,
        directed: bool = False,
        cameo: Annotated[Optional[str], Query(pattern=r"^\d{2,4}(,\d{2,4}){0,19}$",
                                              description="CAMEO code prefixes, comma-separated: 05,06")] = None,
        plover: Annotated[Optional[str], Query(pattern=r"^[A-Za-z_]{2,40}(,[A-Za-z_]{2,40}){0,19}$")] = None,
        start: Date = None, end: Date = None,
        negated: Annotated[S.NegatedFilter, Query(description="false hides negated events; all shows both")] = "false",
        modality: Annotated[Optional[str], Query(pattern=r"^[a-z]{3,20}(,[a-z]{3,20}){0,5}$")] = None,
        place: Annotated[Optional[str], Query(max_length=100)] = None,
        article: ArticleId = None) -> dict:
    """The event filters of Store.events as query parameters, shared by every route over events."""
    return dict(actor=actor.upper() if actor else None, dyad=tuple(dyad.upper().split(",")) if dyad else None,
                directed=directed, cameo=cameo, plover=plover.upper() if plover else None,
                start=_check_date(start, "start"), end=_check_date(end, "end", upper=True),
                negated={"false": False, "true": True, "all": None}[negated], modality=modality,
                place=place or None, article=article)


Filters = Annotated[dict, Depends(event_filters)]


@router.get("/events", response_model=S.Page[S.EventRow], responses=ERRORS, tags=["events"])
def events(request: Request, filters: Filters,
           dedup: Annotated[bool, Query(description="one row per real-world event (dedup cluster)")] = False,
           limit: Limit = 50, offset: Offset = 0):
    rows = _call(backend(request), "events", dedup=dedup, limit=limit + 1, offset=offset, **filters)
    return _page(frame_records(rows), limit, offset)


def _where(filters: dict) -> tuple[str, list]:
    from ..store.filters import filters as conditions

    conds, params = conditions(**filters)
    return (" AND ".join(conds) or "TRUE"), params


@router.get("/events/count", response_model=S.EventCount, responses=ERRORS, tags=["events"],
            summary="How many events match the filters (and how many of them have a location)")
def events_count(request: Request, filters: Filters):
    where, params = _where(filters)
    row = frame_records(_call(backend(request), "sql", f"SELECT count(*) AS n_events, count(lat) AS located, "
                              f"count(DISTINCT article_id) AS n_articles FROM events WHERE {where}", params))[0]
    return row


@router.get("/map", response_model=S.MapPoints, responses=ERRORS, tags=["events"],
            summary="Event locations: one point per place with its event count and QuadClass counts")
def event_map(request: Request, filters: Filters):
    where, params = _where(filters)
    # Aggregated in the database: a point per place, however many events stand there.
    sql = (f"SELECT coalesce(place_name, place_text) AS name, place_country AS country, geonameid, "
           f"round(avg(lat), 4) AS lat, round(avg(lon), 4) AS lon, count(*) AS n_events, "
           f"count(*) FILTER (quad_class = 1) AS q1, count(*) FILTER (quad_class = 2) AS q2, "
           f"count(*) FILTER (quad_class = 3) AS q3, count(*) FILTER (quad_class = 4) AS q4, "
           f"round(avg(goldstein), 1) AS goldstein_mean FROM events WHERE {where} AND lat IS NOT NULL "
           f"AND lon IS NOT NULL GROUP BY 1, 2, 3 ORDER BY n_events DESC, name LIMIT {MAX_POINTS}")
    points = frame_records(_call(backend(request), "sql", sql, params))
    for p in points:
        quads = [p["q1"], p["q2"], p["q3"], p["q4"]]
        p["quad_class"] = quads.index(max(quads)) + 1 if max(quads) else None
    return {"points": points}


@router.get("/dyad", response_model=S.DyadTimeline, responses=ERRORS, tags=["events"],
            summary="A dyad's timeline: events, QuadClass counts and Goldstein per period")
def dyad(request: Request,
         a: Annotated[str, Query(pattern=ACTOR)], b: Annotated[str, Query(pattern=ACTOR)],
         by: Literal["day", "week", "month", "quarter", "year"] = "month",
         directed: bool = False, start: Date = None, end: Date = None):
    a, b = a.upper(), b.upper()
    df = _call(backend(request), "dyad", a, b, by=by, directed=directed,
               start=_check_date(start, "start"), end=_check_date(end, "end", upper=True))
    note = None
    if df is not None and len(df) > MAX_PERIODS:
        if start or end:
            raise HTTPException(422, f"{len(df)} periods by {by}: over {MAX_PERIODS}; narrow start/end or use a longer period")
        # No window asked for: the latest periods, so that every period choice shows something.
        note = f"the latest {MAX_PERIODS} of {len(df)} periods by {by}; give start/end for earlier ones"
        df = df.iloc[-MAX_PERIODS:]
    periods = []
    for row in frame_records(df):
        row["period"] = str(row.get("period"))[:10]
        row["start"], row["end"] = period_bounds(row["period"], by)
        periods.append(row)
    trend = getattr(df, "attrs", {}).get("trend") if df is not None else None
    return {"a": a, "b": b, "by": by, "directed": directed, "trend": trend, "periods": periods, "note": note}


def period_bounds(period: str, by: str) -> tuple[Optional[str], Optional[str]]:
    """First and last day of a timeline period, so the dashboard can ask for the events behind it: a
    period start (YYYY-MM-DD) covers one period `by`; a year, month or quarter (YYYY-Qn) covers itself."""
    m = re.match(r"^\d{4}(?:-\d{2})?(?:-\d{2})?$", period)
    q = re.match(r"^(\d{4})-?Q([1-4])$", period)
    try:
        if q:
            first, by = dt.date(int(q.group(1)), 3 * int(q.group(2)) - 2, 1), "quarter"
        elif not m:
            return None, None
        else:
            first, last, precision = dates.date_range(period)
            if first is None or last is None:
                return None, None
            if precision != "day":
                return first.isoformat(), last.isoformat()
        return first.isoformat(), (dates.period_end(first, by) - dt.timedelta(days=1)).isoformat()
    except ValueError:
        return None, None


@router.get("/network", response_model=S.Network, responses=ERRORS, tags=["events"],
            summary="Countries as nodes, cooperation and conflict between them as edges")
def network(request: Request, start: Date = None, end: Date = None,
            min_events: Annotated[int, Query(ge=1, le=100000)] = 1,
            country: Annotated[Optional[str], Query(pattern=r"^[A-Za-z]{3}$", description="only this country's pairs")] = None):
    from ..store.filters import filters

    # Aggregated in the database: the network of a large store must not pull every event row.
    conds, params = filters(start=_check_date(start, "start"), end=_check_date(end, "end", upper=True), negated=False)
    if country:
        conds.append("(source_country = ? OR target_country = ?)")
        params += [country.upper()] * 2
    conds += ["source_country IS NOT NULL", "target_country IS NOT NULL", "source_country <> target_country"]
    sql = (f"SELECT least(source_country, target_country) AS source, greatest(source_country, target_country) AS target, "
           f"count(*) AS n_events, count(*) FILTER (quad_class IN (1, 2)) AS cooperation, "
           f"count(*) FILTER (quad_class IN (3, 4)) AS conflict, round(avg(goldstein), 2) AS goldstein_mean "
           f"FROM events WHERE {' AND '.join(conds)} GROUP BY 1, 2 HAVING count(*) >= ? "
           f"ORDER BY n_events DESC, source, target LIMIT 500")
    edges = frame_records(_call(backend(request), "sql", sql, params + [min_events]))
    nodes: dict[str, int] = {}
    for e in edges:
        for c in (e["source"], e["target"]):
            nodes[c] = nodes.get(c, 0) + e["n_events"]
    return {"nodes": [{"id": c, "n_events": n} for c, n in sorted(nodes.items())], "edges": edges}


def _sliced(be: Backend, method: str, limit: int, offset: int, **filters) -> dict:
    # These store calls take no offset: ask for enough rows and slice.
    rows = frame_records(_call(be, method, limit=offset + limit + 1, **filters))
    return _page(rows[offset:], limit, offset)


@router.get("/actors", response_model=S.Page[S.Row], responses=ERRORS, tags=["entities"],
            summary="Stored actors, or (with q) actors of the lexicon found by name")
def actors(request: Request, article: ArticleId = None,
           country: Annotated[Optional[str], Query(pattern=r"^[A-Za-z]{3}$")] = None,
           q: Annotated[Optional[str], Query(min_length=2, max_length=100,
                                             description="words of a name: lexicon actors with code, country, "
                                                         "sector, role")] = None,
           limit: Limit = 50, offset: Annotated[int, Query(ge=0, le=100_000)] = 0):
    if q:
        from ..lookup import search_actors

        hits = [h.to_dict() for h in search_actors(q, limit=offset + limit + 1)]
        if country:
            hits = [h for h in hits if h["country"] == country.upper()]
        return _page(hits[offset:], limit, offset)
    return _sliced(backend(request), "actors", limit, offset, article=article,
                   country=country.upper() if country else None)


@router.get("/codes", response_model=S.Page[S.Row], responses=ERRORS, tags=["entities"],
            summary="CAMEO and PLOVER codes: name, Goldstein, QuadClass, PLOVER type and mode")
def codes(q: Annotated[Optional[str], Query(max_length=100, description="a code prefix (05), a PLOVER type, or a word of "
                                                                         "the name")] = None,
          scheme: Optional[Literal["cameo", "plover"]] = None, limit: Annotated[int, Query(ge=1, le=1000)] = 1000,
          offset: Annotated[int, Query(ge=0, le=10_000)] = 0):
    from ..lookup import search_codes

    rows = search_codes(q or "", scheme=scheme)
    return _page(rows[offset:offset + limit + 1], limit, offset)


@router.get("/quotes", response_model=S.Page[S.Row], responses=ERRORS, tags=["entities"])
def quotes(request: Request, article: ArticleId = None,
           speaker: Annotated[Optional[str], Query(max_length=200)] = None,
           country: Annotated[Optional[str], Query(pattern=r"^[A-Za-z]{3}$")] = None,
           limit: Limit = 50, offset: Annotated[int, Query(ge=0, le=100_000)] = 0):
    return _sliced(backend(request), "quotes", limit, offset, article=article, speaker=speaker or None,
                   country=country.upper() if country else None)


@router.get("/places", response_model=S.Page[S.Row], responses=ERRORS, tags=["entities"])
def places(request: Request, article: ArticleId = None, limit: Limit = 50,
           offset: Annotated[int, Query(ge=0, le=100_000)] = 0):
    return _sliced(backend(request), "places", limit, offset, article=article)


@router.get("/stats", response_model=S.Stats, tags=["articles"])
def stats(request: Request):
    import json

    # Stats may hold numpy values or dates; one JSON round trip makes them plain.
    stats = json.loads(json.dumps(_call(backend(request), "stats"), default=str))
    stats.pop("path", None)  # where the file lives on the server is no business of a web client
    return stats


@router.get("/alerts", response_model=S.Alerts, tags=["alerts"],
            summary="Alerts raised by `detente watch`, newest first; after=N gives those since alert N")
def alerts(request: Request, after: Annotated[int, Query(ge=0, le=2**53)] = 0, limit: Limit = 50):
    from ..analysis.alert_log import recent

    be = backend(request)
    items = recent(lambda q, p: _call(be, "sql", q, p), after=after, limit=limit)
    return {"items": items, "last_seq": max((a["seq"] for a in items), default=after)}
