"""Dyad timelines, trend labels and partner rankings over the store (rules: docs/store.md)."""
from __future__ import annotations

import datetime as dt
from typing import Any, Optional, Protocol, Sequence, Union

import pandas as pd

from .. import dates
from . import filters
from .filters import DateBound


class Queryable(Protocol):
    """What the timelines need of a store (Store.sql): a query's rows as a DataFrame."""

    def sql(self, query: str, params: Optional[Sequence[Any]] = None) -> pd.DataFrame: ...

PERIODS = {"day": "1 day", "week": "7 days", "month": "1 month", "quarter": "3 months", "year": "1 year"}
TREND_MIN_CHANGE = 1.0  # Goldstein points the fitted mean must move over the window to call a trend
TREND_MIN_PER_PERIOD = 2  # events a period needs to enter the trend line
TREND_MIN_PERIODS = 3  # periods that must enter it before a trend is called


# Only what the timeline reads: a narrow scan is most of the speed on a million events.
_COLS = ("rowid AS rid, event_id, cluster_id, published, date_start, quad_class, goldstein, cameo, cameo_name, "
         "source_code, source_country, target_code, target_country")


def _base(a: str, b: str, directed: bool, start: Optional[DateBound], end: Optional[DateBound],
          dedup: bool) -> tuple[str, list[Any]]:
    """The dated, non-negated events of the dyad (one per cluster when dedup)."""
    conds, params = filters.filters(dyad=(a, b), directed=directed, start=start, end=end, negated=False)
    where = " AND ".join(conds + ["date_start IS NOT NULL"])
    sql = f"SELECT {_COLS} FROM events WHERE {where}"
    if dedup:
        sql = (f"SELECT * FROM ({sql}) QUALIFY row_number() OVER "
               f"(PARTITION BY cluster_id ORDER BY published NULLS LAST, event_id) = 1")
    return sql, params


def dyad(store: Queryable, a: str, b: str, by: str = "month", directed: bool = False,
         start: Optional[DateBound] = None, end: Optional[DateBound] = None, dedup: bool = False,
         top: int = 3) -> pd.DataFrame:
    """One row per period (empty periods included): n_events, q1..q4, goldstein_sum/mean, top events.

    attrs: trend (improving | worsening | stable), trend_change, tone (cooperative | conflictual |
    neutral), undated (matching events without a date, left out), a, b, by, directed.
    """
    if by not in PERIODS:
        raise ValueError(f"by must be one of {', '.join(PERIODS)}")
    base, params = _base(a, b, directed, start, end, dedup)
    lo = f"date_trunc('{by}', ?::DATE)" if start else "(SELECT min(period) FROM agg)"
    hi = f"date_trunc('{by}', ?::DATE)" if end else "(SELECT max(period) FROM agg)"
    span_params = ([filters.bound(start, last=False)] if start else []) + ([filters.bound(end, last=True)] if end else [])
    # Top events come out as rowids (cheap to aggregate), then are looked up: ranking strings in the
    # aggregate costs several times the whole timeline on a million events.
    sql = f"""
    WITH ev AS (SELECT *, date_trunc('{by}', date_start)::DATE AS period FROM ({base})),
    agg AS MATERIALIZED (
        SELECT period, count(*) AS n_events,
               count(*) FILTER (quad_class = 1) AS q1, count(*) FILTER (quad_class = 2) AS q2,
               count(*) FILTER (quad_class = 3) AS q3, count(*) FILTER (quad_class = 4) AS q4,
               coalesce(sum(goldstein), 0) AS goldstein_sum, avg(goldstein) AS goldstein_mean,
               max_by(rid, {{'g': abs(coalesce(goldstein, 0)), 'r': -rid}}, {max(int(top), 1)}) AS top_rids
        FROM ev GROUP BY period),
    grid AS (SELECT unnest(generate_series({lo}, {hi}, INTERVAL '{PERIODS[by]}'))::DATE AS period)
    SELECT grid.period, coalesce(n_events, 0) AS n_events, coalesce(q1, 0) AS q1, coalesce(q2, 0) AS q2,
           coalesce(q3, 0) AS q3, coalesce(q4, 0) AS q4, coalesce(goldstein_sum, 0.0) AS goldstein_sum,
           goldstein_mean, coalesce(top_rids, []) AS top_rids
    FROM grid LEFT JOIN agg USING (period)
    ORDER BY grid.period"""
    df = Timeline(store.sql(sql, params + span_params))
    _describe_top(store, df, top)
    undated_conds, undated_params = filters.filters(dyad=(a, b), directed=directed, negated=False)
    undated = store.sql(f"SELECT count(*) AS n FROM events WHERE {' AND '.join(undated_conds)} "
                        f"AND date_start IS NULL", undated_params)["n"].iloc[0]
    trend, change = trend_label(df)
    total = float(df["goldstein_sum"].sum()) if len(df) else 0.0
    df.attrs.update(trend=trend, trend_change=change, undated=int(undated), a=a.upper(), b=b.upper(), by=by,
                    directed=directed, n_events=int(df["n_events"].sum()) if len(df) else 0,
                    goldstein_sum=total, tone=tone(total, int(df["n_events"].sum()) if len(df) else 0))
    return df


class Timeline(pd.DataFrame):  # type: ignore[misc]  # pandas has no stubs installed: DataFrame is Any
    """A dyad timeline: a DataFrame that Jupyter shows with its summary and Goldstein bars
    (results derived from it are plain DataFrames)."""

    def _repr_html_(self) -> str:
        from ..notebook import timeline_html

        return timeline_html(self)


def _describe_top(store: Queryable, df: pd.DataFrame, top: int) -> None:
    """Replace the top rowids by event ids and one-line descriptions ("PAKMIL->IND 190 Use ... force")."""
    rids = sorted({int(r) for rs in df["top_rids"] for r in rs})
    found: dict[int, tuple[str, str]] = {}
    if rids and top > 0:
        got = store.sql(
            "SELECT rowid AS rid, event_id, coalesce(source_code, source_country, '?') || '->' || "
            "coalesce(target_code, target_country, '?') || ' ' || coalesce(cameo, '') || ' ' || "
            f"coalesce(cameo_name, '') AS what FROM events WHERE rowid IN ({', '.join(map(str, rids))})")
        found = {int(r.rid): (r.event_id, r.what) for r in got.itertuples()}
    df["top_event_ids"] = [[found[int(r)][0] for r in rs if int(r) in found][:top] for rs in df["top_rids"]]
    df["top_events"] = [[found[int(r)][1] for r in rs if int(r) in found][:top] for rs in df["top_rids"]]
    del df["top_rids"]


def tone(goldstein_sum: float, n_events: int) -> str:
    if not n_events or goldstein_sum == 0:
        return "neutral"
    return "cooperative" if goldstein_sum > 0 else "conflictual"


def trend_label(df: pd.DataFrame) -> tuple[str, Optional[float]]:
    """Weighted least-squares line through the periods' mean Goldstein (weights: their event counts).

    Only periods with at least TREND_MIN_PER_PERIOD events enter (the mean of one event is noise),
    and at least TREND_MIN_PERIODS of them are needed, else the trend is stable. The change is the
    fitted line's rise from the first to the last of them: improving when it rises by
    TREND_MIN_CHANGE or more, worsening when it falls that much, else stable.
    """
    if df.empty:
        return "stable", None
    pos = pd.Series(range(len(df)), index=df.index)
    have = df["n_events"] >= TREND_MIN_PER_PERIOD
    x, y, w = pos[have].astype(float), df.loc[have, "goldstein_mean"].astype(float), df.loc[have, "n_events"]
    if len(x) < 2:
        return "stable", None
    xm, ym = (x * w).sum() / w.sum(), (y * w).sum() / w.sum()
    slope = (w * (x - xm) * (y - ym)).sum() / (w * (x - xm) ** 2).sum()
    change = round(float(slope * (x.max() - x.min())), 3)
    if len(x) < TREND_MIN_PERIODS:
        return "stable", change
    if change >= TREND_MIN_CHANGE:
        return "improving", change
    if change <= -TREND_MIN_CHANGE:
        return "worsening", change
    return "stable", change


def period_bounds(period: Union[str, dt.date], by: str) -> tuple[dt.date, dt.date]:
    """[first day, first day of the next period) of the period starting at `period`."""
    p = pd.Timestamp(period).date()
    return p, dates.period_end(p, by)


def events_behind(store: Queryable, a: str, b: str, period: Union[str, dt.date], by: str = "month",
                  directed: bool = False, dedup: bool = False) -> pd.DataFrame:
    """The events counted in one period of a dyad timeline (the numbers' evidence)."""
    lo, hi = period_bounds(period, by)
    sql, params = filters.events_sql(dyad=(a, b), directed=directed, negated=False, start_in=(lo, hi), dedup=dedup)
    return store.sql(sql, params)


def partners(store: Queryable, country: str, start: Optional[DateBound] = None, end: Optional[DateBound] = None,
             dedup: bool = False) -> pd.DataFrame:
    """A country's counterparts ranked by cooperation (coop_rank) and by conflict (conflict_rank).

    Cooperation = events in QuadClass 1-2, conflict = 3-4, in either direction; ties break on Goldstein.
    """
    conds, params = filters.filters(actor=country, start=start, end=end, negated=False)
    s_me, p_me = filters.actor_cond("source", country)
    sql = f"SELECT *, CASE WHEN {s_me} THEN coalesce(target_country, target_code) " \
          f"ELSE coalesce(source_country, source_code) END AS partner FROM events WHERE {' AND '.join(conds)}"
    if dedup:
        sql += " QUALIFY row_number() OVER (PARTITION BY cluster_id ORDER BY published NULLS LAST, event_id) = 1"
    df = store.sql(f"""
        SELECT partner, count(*) AS n_events,
               count(*) FILTER (quad_class IN (1, 2)) AS cooperation,
               count(*) FILTER (quad_class IN (3, 4)) AS conflict,
               coalesce(sum(goldstein), 0) AS goldstein_sum, avg(goldstein) AS goldstein_mean
        FROM ({sql}) WHERE partner IS NOT NULL AND partner <> ?
        GROUP BY partner ORDER BY cooperation DESC, goldstein_sum DESC, partner""",
                   p_me + params + [country.upper()[:3]])
    if df.empty:
        df["coop_rank"], df["conflict_rank"] = [], []
        return df
    df["coop_rank"] = range(1, len(df) + 1)
    order = df.sort_values(["conflict", "goldstein_sum", "partner"], ascending=[False, True, True]).index
    df.loc[order, "conflict_rank"] = range(1, len(df) + 1)
    df["conflict_rank"] = df["conflict_rank"].astype(int)
    return df.reset_index(drop=True)
