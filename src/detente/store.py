"""The DuckDB store of coded articles: one file, one transaction per article, queries as DataFrames.

The full record of each article is kept as JSON (so `get` gives back exactly what was coded); the
actors, mentions, events, quotes and places are also flattened into columnar tables for queries.
Layout, column meanings and the dedup/trend rules: docs/store.md.
"""
from __future__ import annotations

import datetime as dt
import json
import os
import re
import threading
import time
from typing import Any, Iterable, Optional, Sequence
from urllib.parse import urlparse

import duckdb
import pandas as pd

from .model import Article

STORE_SCHEMA_VERSION = 1
DEFAULT_PATH = "detente.duckdb"


class StoreError(Exception):
    """The store cannot be opened or written; the message is one line meant for the user."""


_SCHEMA = """
CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL, written_by VARCHAR,
    created TIMESTAMP DEFAULT current_timestamp);
CREATE TABLE IF NOT EXISTS articles (
    id VARCHAR PRIMARY KEY, source VARCHAR, title VARCHAR, dateline VARCHAR, published DATE,
    tags VARCHAR[], url VARCHAR, author VARCHAR, site VARCHAR, outlet VARCHAR, language VARCHAR,
    input_kind VARCHAR, n_actors INTEGER, n_events INTEGER, n_quotes INTEGER, n_places INTEGER,
    warnings VARCHAR[], lead_end INTEGER, text VARCHAR, record VARCHAR,
    added TIMESTAMP DEFAULT current_timestamp);
CREATE TABLE IF NOT EXISTS actors (
    article_id VARCHAR, actor_id VARCHAR, name VARCHAR, kind VARCHAR, code VARCHAR, country VARCHAR,
    sector VARCHAR, role VARCHAR, n_mentions INTEGER);
CREATE TABLE IF NOT EXISTS mentions (
    article_id VARCHAR, actor_id VARCHAR, "start" INTEGER, "end" INTEGER, text VARCHAR);
CREATE TABLE IF NOT EXISTS events (
    event_id VARCHAR, article_id VARCHAR, local_id VARCHAR,
    source_actor VARCHAR, source_text VARCHAR, source_start INTEGER, source_end INTEGER,
    source_code VARCHAR, source_country VARCHAR, source_sector VARCHAR,
    target_actor VARCHAR, target_text VARCHAR, target_start INTEGER, target_end INTEGER,
    target_code VARCHAR, target_country VARCHAR, target_sector VARCHAR,
    cameo VARCHAR, cameo_root VARCHAR, cameo_name VARCHAR, goldstein DOUBLE, quad_class TINYINT,
    plover VARCHAR, plover_mode VARCHAR,
    date VARCHAR, date_precision VARCHAR, date_text VARCHAR, date_source VARCHAR,
    date_start DATE, date_end DATE,
    place_text VARCHAR, place_name VARCHAR, place_country VARCHAR, place_feature VARCHAR,
    lat DOUBLE, lon DOUBLE, geonameid BIGINT,
    negated BOOLEAN, modality VARCHAR,
    speaker_actor VARCHAR, speaker_text VARCHAR, speaker_code VARCHAR, speaker_country VARCHAR,
    sentence_start INTEGER, sentence_end INTEGER, trigger_start INTEGER, trigger_end INTEGER,
    trigger_text VARCHAR, evidence VARCHAR, n_mentions INTEGER, sentence_places VARCHAR[],
    dyad_key VARCHAR, cluster_id VARCHAR, published DATE, outlet VARCHAR);
CREATE TABLE IF NOT EXISTS event_mentions (
    event_id VARCHAR, article_id VARCHAR, "start" INTEGER, "end" INTEGER, text VARCHAR);
CREATE TABLE IF NOT EXISTS quotes (
    article_id VARCHAR, quote_idx INTEGER, "start" INTEGER, "end" INTEGER, text VARCHAR,
    direct BOOLEAN, scare BOOLEAN, speaker_actor VARCHAR, speaker_text VARCHAR, speaker_code VARCHAR,
    speaker_country VARCHAR, speaker_sector VARCHAR, cue_start INTEGER, cue_end INTEGER, cue_text VARCHAR);
CREATE TABLE IF NOT EXISTS places (
    article_id VARCHAR, place_idx INTEGER, "start" INTEGER, "end" INTEGER, text VARCHAR, name VARCHAR,
    country VARCHAR, lat DOUBLE, lon DOUBLE, geonameid BIGINT, role VARCHAR, feature VARCHAR);
"""

# One row per dedup cluster; always consistent because it is computed from the raw events.
_CLUSTER_VIEW = """
CREATE OR REPLACE VIEW event_clusters AS
SELECT cluster_id,
       arg_min(event_id, coalesce(published, DATE '9999-12-31')::VARCHAR || event_id) AS event_id,
       count(*) AS num_mentions, count(DISTINCT article_id) AS num_articles,
       count(DISTINCT coalesce(outlet, article_id)) AS num_sources,
       min(published) AS first_seen, max(published) AS last_seen,
       list(DISTINCT article_id ORDER BY article_id) AS article_ids
FROM events GROUP BY cluster_id
"""

EVENT_COLUMNS = [
    "event_id", "article_id", "local_id",
    "source_actor", "source_text", "source_start", "source_end", "source_code", "source_country", "source_sector",
    "target_actor", "target_text", "target_start", "target_end", "target_code", "target_country", "target_sector",
    "cameo", "cameo_root", "cameo_name", "goldstein", "quad_class", "plover", "plover_mode",
    "date", "date_precision", "date_text", "date_source", "date_start", "date_end",
    "place_text", "place_name", "place_country", "place_feature", "lat", "lon", "geonameid",
    "negated", "modality", "speaker_actor", "speaker_text", "speaker_code", "speaker_country",
    "sentence_start", "sentence_end", "trigger_start", "trigger_end", "trigger_text", "evidence", "n_mentions",
    "sentence_places", "dyad_key", "cluster_id", "published", "outlet",
]


def default_path(path: Optional[str] = None) -> str:
    return path or os.environ.get("DETENTE_STORE") or DEFAULT_PATH


# DuckDB lets one process write a file, or several read it, not both: an opener waits this long for
# the other side to finish before it gives up with a one-line error.
LOCK_WAIT = 15.0


def _connect(path: str, read_only: bool, wait: float) -> duckdb.DuckDBPyConnection:
    deadline = time.monotonic() + wait
    while True:
        try:
            return duckdb.connect(path, read_only=read_only)
        except duckdb.Error as e:
            first = str(e).splitlines()[0]
            if "lock" not in first.lower():
                raise StoreError(f"{path}: cannot open the store ({first})") from None
            if time.monotonic() >= deadline:
                holder = re.search(r"PID (\d+)", first)
                who = f"process {holder.group(1)}" if holder else "another process"
                raise StoreError(f"{path}: the store is in use by {who}; try again when it is done") from None
            time.sleep(0.2)


class Store:
    """A DuckDB file of coded articles. `with Store(path) as s: s.add(article); s.dyad("USA", "PAK")`."""

    def __init__(self, path: Optional[str] = None, read_only: bool = False, wait: float = LOCK_WAIT):
        self.path = default_path(path)
        self.read_only = read_only
        self._lock = threading.RLock()
        if read_only and self.path != ":memory:" and not os.path.exists(self.path):
            raise StoreError(f"{self.path}: no such store")
        self._con = _connect(self.path, read_only, wait)
        try:
            self._check_schema()
        except Exception:
            self._con.close()
            raise

    # --- opening ----------------------------------------------------------------------------

    def _check_schema(self) -> None:
        tables = {r[0] for r in self._con.execute(
            "SELECT table_name FROM information_schema.tables WHERE table_schema = 'main'").fetchall()}
        if "schema_version" in tables:
            row = _first(self._con.execute("SELECT max(version) FROM schema_version"))
            found = row[0] if row else None
            if found is not None and found > STORE_SCHEMA_VERSION:
                raise StoreError(f"{self.path}: written by a newer detente (store schema {found}; this version "
                                 f"reads up to {STORE_SCHEMA_VERSION}); upgrade detente to open it")
            if not self.read_only:
                # Stores made during version 1's development lack this column; adding it loses nothing.
                self._con.execute("ALTER TABLE events ADD COLUMN IF NOT EXISTS sentence_places VARCHAR[]")
            return
        if tables:
            raise StoreError(f"{self.path}: not a detente store (it has tables but no schema_version)")
        if self.read_only:
            raise StoreError(f"{self.path}: an empty database, not a detente store")
        from . import __version__

        self._con.execute("BEGIN")
        self._con.execute(_SCHEMA)
        self._con.execute(_CLUSTER_VIEW)
        self._con.execute("INSERT INTO schema_version (version, written_by) VALUES (?, ?)",
                          [STORE_SCHEMA_VERSION, f"detente {__version__}"])
        self._con.execute("COMMIT")

    def close(self) -> None:
        with self._lock:
            self._con.close()

    def __enter__(self) -> "Store":
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    @property
    def con(self) -> duckdb.DuckDBPyConnection:
        """The raw DuckDB connection (benchmarks and power users; the tables are in docs/store.md)."""
        return self._con

    def sql(self, query: str, params: Optional[Sequence] = None) -> pd.DataFrame:
        with self._lock:
            return self._con.execute(query, params or []).df()

    # --- writing ----------------------------------------------------------------------------

    def has(self, article_id: str) -> bool:
        with self._lock:
            return _first(self._con.execute("SELECT 1 FROM articles WHERE id = ?", [article_id])) is not None

    def add(self, article: Article) -> bool:
        """Store one coded article in one transaction; False (and nothing written) if its id is stored."""
        if self.read_only:
            raise StoreError(f"{self.path}: opened read-only")
        if not isinstance(article.id, str) or not article.id:
            raise StoreError(f"an article without an id cannot be stored (source {article.source!r})")
        with self._lock:
            if self.has(article.id):
                return False
            con = self._con
            con.execute("BEGIN")
            try:
                self._write(article)
                con.execute("COMMIT")
            except Exception as e:
                try:
                    con.execute("ROLLBACK")
                except duckdb.Error:
                    pass  # a failed COMMIT has already ended the transaction
                if isinstance(e, duckdb.ConstraintException):
                    return False  # the same id was stored meanwhile
                first = str(e).strip().splitlines()[0] if str(e).strip() else ""
                raise StoreError(f"article {article.id}: not stored ({type(e).__name__}: {first})") from e
            return True

    def add_many(self, articles: Iterable[Article]) -> tuple[int, int]:
        """Add articles one transaction each; returns (stored, already stored)."""
        stored = dup = 0
        for art in articles:
            if self.add(art):
                stored += 1
            else:
                dup += 1
        return stored, dup

    def _write(self, art: Article) -> None:
        from .analysis import dedup

        con = self._con
        outlet = _outlet(art)
        published = _iso_date(art.published)
        con.execute(
            "INSERT INTO articles (id, source, title, dateline, published, tags, url, author, site, outlet, "
            "language, input_kind, n_actors, n_events, n_quotes, n_places, warnings, lead_end, text, record) "
            "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [art.id, art.source, art.title, art.dateline, published, list(art.tags or []), art.url, art.author,
             art.site, outlet, art.language, art.input_kind, len(art.actors), len(art.events), len(art.quotes),
             len(art.places), list(art.warnings or []), _lead_end(art.text), art.text,
             json.dumps(art.to_dict(), ensure_ascii=False)])
        # One multi-row INSERT per table: DuckDB's executemany runs row by row, which costs per row.
        _insert(con, "actors", [[art.id, a.id, a.name, a.kind, a.code, a.country, a.sector, a.role, len(a.mentions)]
                                for a in art.actors])
        _insert(con, "mentions", [[art.id, a.id, m.start, m.end, m.text] for a in art.actors for m in a.mentions])
        _insert(con, "places", [[art.id, i, p.start, p.end, p.text, p.name, p.country, p.lat, p.lon, p.geonameid,
                                 p.role, p.feature] for i, p in enumerate(art.places)])
        _insert(con, "quotes", [
            [art.id, i, q.start, q.end, q.text, q.direct, q.scare, *_ref_cols(q.speaker, sector=True),
             *((q.cue.start, q.cue.end, q.cue.text) if q.cue else (None, None, None))]
            for i, q in enumerate(art.quotes)])
        if art.events:
            rows = [_event_row(art, ev, published, outlet) for ev in art.events]
            dedup.assign_clusters(con, rows)
            _insert(con, "events", [[r[c] for c in EVENT_COLUMNS] for r in rows], EVENT_COLUMNS)
            _insert(con, "event_mentions", [[r["event_id"], art.id, m.start, m.end, m.text]
                                            for r, ev in zip(rows, art.events)
                                            for m in (ev.mentions or ([ev.trigger] if ev.trigger else []))])

    def integrity_errors(self, check_records: bool = True) -> list[str]:
        """What is inconsistent in the store (empty when sound): rows whose article is missing, counts
        that disagree with the stored record, spans that do not point at their text."""
        errs = []
        with self._lock:
            for table in ("actors", "mentions", "events", "event_mentions", "quotes", "places"):
                n = _first(self._con.execute(
                    f"SELECT count(*) FROM {table} WHERE article_id NOT IN (SELECT id FROM articles)"))[0]
                if n:
                    errs.append(f"{table}: {n} rows belong to no stored article")
            for table, col in (("events", "n_events"), ("quotes", "n_quotes"), ("places", "n_places"),
                               ("actors", "n_actors")):
                n = _first(self._con.execute(
                    f"SELECT count(*) FROM articles a WHERE {col} <> "
                    f"(SELECT count(*) FROM {table} t WHERE t.article_id = a.id)"))[0]
                if n:
                    errs.append(f"{table}: {n} articles whose rows disagree with their record")
            records = self._con.execute("SELECT id, record FROM articles").fetchall() if check_records else []
        for aid, rec in records:
            try:
                bad = Article.from_dict(json.loads(rec)).offset_errors()
            except (ValueError, TypeError) as e:
                bad = [f"unreadable record ({e})"]
            errs += [f"article {aid}: {b}" for b in bad[:3]]
        return errs

    # --- reading ----------------------------------------------------------------------------

    def get(self, article_id: str) -> Optional[Article]:
        with self._lock:
            row = _first(self._con.execute("SELECT record FROM articles WHERE id = ?", [article_id]))
        return Article.from_dict(json.loads(row[0])) if row else None

    def articles(self, limit: int = 50, offset: int = 0, q: Optional[str] = None) -> list[dict]:
        where, params = "", []
        if q:
            where = "WHERE title ILIKE ? OR text ILIKE ? OR id = ?"
            params = [f"%{q}%", f"%{q}%", q]
        df = self.sql(f"SELECT id, title, source, published::VARCHAR AS published, dateline, n_events, n_quotes "
                      f"FROM articles {where} ORDER BY published DESC NULLS LAST, id LIMIT ? OFFSET ?",
                      params + [int(limit), int(offset)])
        return [{k: (None if _isna(v) else v) for k, v in r.items()} for r in df.to_dict("records")]

    def events(self, actor=None, dyad=None, directed=False, cameo=None, plover=None, start=None, end=None,
               negated: Optional[bool] = False, modality=None, place=None, article=None, limit=None, offset=0,
               dedup: bool = False, cluster=None) -> pd.DataFrame:
        """Event rows matching every filter given (docs/store.md); dedup=True gives one row per cluster."""
        from .analysis import queries

        sql, params = queries.events_sql(actor=actor, dyad=dyad, directed=directed, cameo=cameo, plover=plover,
                                         start=start, end=end, negated=negated, modality=modality, place=place,
                                         article=article, limit=limit, offset=offset, dedup=dedup, cluster=cluster)
        return self.sql(sql, params)

    def clusters(self, **filters) -> pd.DataFrame:
        """One row per real-world event (dedup cluster): its first report's row plus the report counts."""
        return self.events(dedup=True, **filters)

    def actors(self, article=None, country=None, limit=None) -> pd.DataFrame:
        where, params = _where({"article_id": article, "country": _upper(country)})
        return self.sql(f"SELECT * FROM actors {where} ORDER BY article_id, actor_id {_limit(limit)}", params)

    def quotes(self, article=None, speaker=None, country=None, limit=None) -> pd.DataFrame:
        where, params = _where({"article_id": article, "speaker_country": _upper(country)})
        if speaker:
            where += (" AND " if where else "WHERE ") + "(speaker_text ILIKE ? OR speaker_actor = ?)"
            params += [f"%{speaker}%", speaker]
        return self.sql(f"SELECT * FROM quotes {where} ORDER BY article_id, quote_idx {_limit(limit)}", params)

    def places(self, article=None, limit=None) -> pd.DataFrame:
        where, params = _where({"article_id": article})
        return self.sql(f"SELECT * FROM places {where} ORDER BY article_id, place_idx {_limit(limit)}", params)

    def dyad(self, a: str, b: str, by: str = "month", directed: bool = False, start=None, end=None,
             dedup: bool = False, top: int = 3) -> pd.DataFrame:
        from .analysis import timeline

        return timeline.dyad(self, a, b, by=by, directed=directed, start=start, end=end, dedup=dedup, top=top)

    def partners(self, country: str, start=None, end=None, dedup: bool = False) -> pd.DataFrame:
        from .analysis import timeline

        return timeline.partners(self, country, start=start, end=end, dedup=dedup)

    def stats(self) -> dict:
        with self._lock:
            one = lambda q: _first(self._con.execute(q))  # noqa: E731
            counts = {t: one(f"SELECT count(*) FROM {t}")[0]
                      for t in ("articles", "events", "actors", "quotes", "places")}
            counts["clusters"] = one("SELECT count(DISTINCT cluster_id) FROM events WHERE NOT negated")[0]
            lo, hi = one("SELECT min(date_start)::VARCHAR, max(date_end)::VARCHAR FROM events")
            plo, phi = one("SELECT min(published)::VARCHAR, max(published)::VARCHAR FROM articles")
            top = self._con.execute(
                "SELECT dyad_key, count(*) AS n, round(sum(goldstein), 1) FROM events "
                "WHERE NOT negated AND dyad_key LIKE '%|%' AND dyad_key NOT LIKE '%|' AND dyad_key NOT LIKE '|%' "
                "GROUP BY dyad_key ORDER BY n DESC, dyad_key LIMIT 10").fetchall()
        counts.update(event_dates={"min": lo, "max": hi}, published={"min": plo, "max": phi},
                      top_dyads=[{"dyad": k.replace("|", "-"), "events": n, "goldstein_sum": g} for k, n, g in top],
                      path=self.path, schema_version=STORE_SCHEMA_VERSION)
        return counts


# --- flattening records -----------------------------------------------------------------------

def _ref_cols(ref, sector: bool = False) -> list:
    if ref is None:
        return [None] * (5 if sector else 4)
    cols = [ref.actor, ref.text, ref.code, ref.country]
    return cols + [ref.sector] if sector else cols


def _side(ref) -> list:
    if ref is None:
        return [None] * 7
    return [ref.actor, ref.text, ref.start, ref.end, ref.code, _upper(ref.country), ref.sector]


def _event_row(art: Article, ev, published, outlet) -> dict[str, Any]:
    from .analysis.dedup import COARSE_FEATURES, dyad_key

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
            from . import ontology

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
    p = ev.place
    row = dict(zip(["source_actor", "source_text", "source_start", "source_end", "source_code", "source_country",
                    "source_sector"], _side(ev.source)))
    row.update(zip(["target_actor", "target_text", "target_start", "target_end", "target_code", "target_country",
                    "target_sector"], _side(ev.target)))
    sp = _ref_cols(ev.speaker)
    row.update(
        event_id=f"{art.id}:{ev.id}", article_id=art.id, local_id=ev.id, cameo=cameo,
        cameo_root=cameo[:2] if cameo else None, cameo_name=name, goldstein=goldstein,
        quad_class=quad, plover=plover, plover_mode=mode, date=ev.date,
        date_precision=ev.date_precision or precision, date_text=ev.date_text, date_source=ev.date_source,
        date_start=start, date_end=end,
        place_text=p.text if p else None, place_name=p.name if p else None,
        place_country=_upper(p.country) if p else None,
        place_feature=features.get((p.start, p.end)) if p else None,
        lat=p.lat if p else None, lon=p.lon if p else None, geonameid=p.geonameid if p else None,
        negated=bool(ev.negated), modality=ev.modality or "asserted",
        speaker_actor=sp[0], speaker_text=sp[1], speaker_code=sp[2], speaker_country=_upper(sp[3]),
        sentence_start=ev.sentence.start if ev.sentence else None,
        sentence_end=ev.sentence.end if ev.sentence else None,
        trigger_start=ev.trigger.start if ev.trigger else None, trigger_end=ev.trigger.end if ev.trigger else None,
        trigger_text=ev.trigger.text if ev.trigger else None, evidence=ev.evidence or "",
        n_mentions=max(len(ev.mentions or []), 1), sentence_places=towns, published=published, outlet=outlet, cluster_id=None)
    row["dyad_key"] = dyad_key(row)
    return row


def date_range(value: Optional[str]) -> tuple[Optional[dt.date], Optional[dt.date], Optional[str]]:
    """'2025', '2025-05' or '2025-05-10' -> (first day, last day, precision); (None, None, None) if unreadable."""
    if not value or not isinstance(value, str):
        return None, None, None
    parts = value.strip()[:10].split("-")
    try:
        nums = [int(x) for x in parts]
        if len(nums) == 1:
            return dt.date(nums[0], 1, 1), dt.date(nums[0], 12, 31), "year"
        if len(nums) == 2:
            first = dt.date(nums[0], nums[1], 1)
            nxt = dt.date(nums[0] + (nums[1] == 12), nums[1] % 12 + 1, 1)
            return first, nxt - dt.timedelta(days=1), "month"
        day = dt.date(nums[0], nums[1], nums[2])
        return day, day, "day"
    except (ValueError, IndexError):
        return None, None, None


def _iso_date(value) -> Optional[dt.date]:
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


def _lead_end(text: str) -> int:
    """End of the first paragraph: GDELT's IsRootEvent marks events found there."""
    body = (text or "").lstrip("\n")
    cut = body.find("\n")
    return len(text or "") if cut < 0 else cut + (len(text) - len(body))


def _insert(con, table: str, rows: list[list], columns: Optional[list[str]] = None) -> None:
    if not rows:
        return
    one = "(" + ", ".join("?" for _ in rows[0]) + ")"
    cols = f" ({', '.join(columns)})" if columns else ""
    con.execute(f"INSERT INTO {table}{cols} VALUES " + ", ".join(one for _ in rows), [v for r in rows for v in r])


def _first(cur):
    """The first row of a result, consuming it all (DuckDB refuses new work on an unfinished result)."""
    rows = cur.fetchall()
    return rows[0] if rows else None


def _upper(v):
    return v.upper() if isinstance(v, str) else v


def _isna(v) -> bool:
    try:
        return bool(pd.isna(v))
    except (TypeError, ValueError):
        return False


def _where(eq: dict) -> tuple[str, list]:
    conds, params = [], []
    for col, val in eq.items():
        if val is not None:
            conds.append(f"{col} = ?")
            params.append(val)
    return ("WHERE " + " AND ".join(conds)) if conds else "", params


def _limit(limit) -> str:
    return f"LIMIT {int(limit)}" if limit is not None else ""
