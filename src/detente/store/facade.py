"""The DuckDB store of coded articles: one file, one transaction per write, queries as DataFrames.

The full record of each article is kept as JSON (so `get` gives back exactly what was coded); the
actors, mentions, events, quotes and places are also flattened into columnar tables for queries.
Layout, column meanings and the dedup/trend rules: docs/store.md.
"""
from __future__ import annotations

import json
import os
import threading
from contextlib import contextmanager
from typing import TYPE_CHECKING, Any, Callable, Iterator, Optional, Sequence, Union, cast

import duckdb

if TYPE_CHECKING:
    import pandas as pd

from ..model import Article
from ..version import __version__
from . import rows
from .cluster import Candidates, EventRow, assign_clusters, block_rows, ensure_index
from .errors import StoreError
from .filters import DateBound, Terms, events_sql
from .rows import upper_code
from .schema import BLOCK_COLUMNS, CLUSTER_VIEW, SCHEMA, STORE_SCHEMA_VERSION
from .sharing import LOCK_WAIT, Lingering, clear_mark, connect

from ..settings import DEFAULTS, current

DEFAULT_PATH = DEFAULTS.store  # kept for callers; the default (and $DETENTE_STORE) live in settings.py


def default_path(path: Optional[str] = None) -> str:
    return path or current().store


class Store:
    """A DuckDB file of coded articles. `with Store(path) as s: s.add(article); s.dyad("USA", "PAK")`.

    The file is open only while an operation runs: a query opens it read-only, a write (one batch)
    read-write, and both close it when done, so other processes can read and write it in between.
    `hold()` keeps one connection across several operations; `linger()` keeps the write connection
    between operations until another process asks for the file (an ingest); an in-memory store stays open.
    """

    def __init__(self, path: Optional[str] = None, read_only: bool = False, wait: float = LOCK_WAIT):
        self.path = default_path(path)
        self.read_only = read_only
        self.wait = wait
        self._lock = threading.RLock()
        self._types: dict[str, dict[str, Any]] = {}  # table -> column -> its pyarrow type
        self._dedup_index = False  # ensure_index (store.cluster) has run on this store's file (once per Store)
        self._con: Optional[duckdb.DuckDBPyConnection] = None  # open during an operation or a hold()
        self._con_writes = False
        self._pinned = False  # the connection stays open until close(): `con` was asked for, or :memory:
        self._lingering: Optional[Lingering] = None  # set inside linger()
        self._con_lingers = False  # `_con` is linger()'s: closed when another process asks for the file
        self._depth = 0  # operations under way (they nest: add_many -> add_batch -> known)
        if read_only and self.path != ":memory:" and not os.path.exists(self.path):
            raise StoreError(f"{self.path}: no such store")
        if self.path == ":memory:":
            self._open(write=not read_only)
            self._pinned = True
        with self._use(write=not read_only) as con:
            self._check_schema(con)

    # --- opening ----------------------------------------------------------------------------

    def _check_schema(self, con: duckdb.DuckDBPyConnection) -> None:
        tables = {r[0] for r in con.execute(
            "SELECT table_name FROM information_schema.tables WHERE table_schema = 'main'").fetchall()}
        if "schema_version" in tables:
            row = _first(con.execute("SELECT max(version) FROM schema_version"))
            found = row[0] if row else None
            if found is not None and found > STORE_SCHEMA_VERSION:
                raise StoreError(f"{self.path}: written by a newer detente (store schema {found}; this version "
                                 f"reads up to {STORE_SCHEMA_VERSION}); upgrade detente to open it")
            if not self.read_only:
                # Stores made during version 1's development lack these columns; adding them loses nothing.
                con.execute("ALTER TABLE events ADD COLUMN IF NOT EXISTS sentence_places VARCHAR[]")
                con.execute("ALTER TABLE events ADD COLUMN IF NOT EXISTS place_source VARCHAR")
                con.execute("ALTER TABLE events ADD COLUMN IF NOT EXISTS action_id VARCHAR")
            return
        if tables:
            raise StoreError(f"{self.path}: not a detente store (it has tables but no schema_version)")
        if self.read_only:
            raise StoreError(f"{self.path}: an empty database, not a detente store")
        con.execute("BEGIN")
        con.execute(SCHEMA)
        con.execute(CLUSTER_VIEW)
        con.execute("INSERT INTO schema_version (version, written_by) VALUES (?, ?)",
                    [STORE_SCHEMA_VERSION, f"detente {__version__}"])
        con.execute("COMMIT")

    def _open(self, write: bool) -> duckdb.DuckDBPyConnection:
        self._con = con = connect(self.path, read_only=not write, wait=self.wait)
        self._con_writes = write
        return con

    @contextmanager
    def _use(self, write: bool = False) -> Iterator[duckdb.DuckDBPyConnection]:
        """The connection for one operation: the held one, else the file opened for just this (read-only
        unless the operation writes) and closed after it, whatever happens."""
        with self._lock:
            con = self._con
            if con is not None:
                if write and not self._con_writes:
                    raise StoreError(f"{self.path}: held for reading (hold(write=True) to write inside it)")
                with self._operation():
                    yield con
                return
            if self._lingering is not None:  # opened for writing and kept after the operation
                con = self._open(write=True)
                self._con_lingers = True
                clear_mark(self.path)  # a mark left before this open asked for a file that is now taken
                with self._operation():
                    yield con
                return
            con = self._open(write)
            try:
                yield con
            finally:
                self._con = None
                con.close()

    @contextmanager
    def _operation(self) -> Iterator[None]:
        self._depth += 1
        try:
            yield
        except BaseException:
            if self._depth == 1 and self._con_lingers:
                self._release()  # a failed write may leave the connection unusable: the next one reopens
            raise
        finally:
            self._depth -= 1
            if self._lingering is not None:
                self._lingering.used()

    def _release(self) -> None:
        """Close the connection if it is linger()'s (with the lock held: no operation is using it, or
        the one that did has failed)."""
        if self._con is not None and self._con_lingers and not self._pinned:
            self._con.close()
            self._con, self._con_lingers = None, False

    @contextmanager
    def linger(self) -> Iterator["Store"]:
        """Keep the write connection from one operation to the next (an ingest: one open and one
        checkpoint for the run instead of one per batch), giving the file up between operations as soon
        as another process waits for it (it leaves a mark, PATH.wait, while it waits) or after
        sharing.LINGER_IDLE seconds without one. A read-only or in-memory store does not linger."""
        if self.read_only or self.path == ":memory:" or self._lingering is not None:
            yield self
            return
        self._lingering = Lingering(self.path, self._lock, self._release)
        try:
            yield self
        finally:
            self._stop_lingering()

    def _stop_lingering(self) -> None:
        lingering, self._lingering = self._lingering, None
        if lingering is not None:
            lingering.close()
        with self._lock:
            self._release()

    @contextmanager
    def hold(self, write: bool = False) -> Iterator[duckdb.DuckDBPyConnection]:
        """Keep one connection open for several operations (one consistent view, one open); other
        processes wait meanwhile, so keep it short. `write=True` holds the write lock."""
        if write and self.read_only:
            raise StoreError(f"{self.path}: opened read-only")
        with self._use(write=write) as con:
            yield con

    def close(self) -> None:
        self._stop_lingering()
        with self._lock:
            if self._con is not None:
                self._con.close()
                self._con, self._pinned, self._con_lingers = None, False, False

    def __enter__(self) -> "Store":
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    @property
    def con(self) -> duckdb.DuckDBPyConnection:
        """The raw DuckDB connection (benchmarks and power users; the tables are in docs/store.md).
        Asking for it opens the file and keeps it open (read-write unless the store is read-only)
        until close(): others cannot open the file meanwhile. Prefer `with store.hold() as con:`."""
        with self._lock:
            con = self._con
            if con is None:
                con = self._open(write=not self.read_only)
                self._pinned = True
            elif self._con_lingers:
                self._pinned = True  # the caller keeps it: linger() must not close it under them
            return con

    def sql(self, query: str, params: Optional[Sequence[Any]] = None) -> pd.DataFrame:
        with self._use() as con:
            return con.execute(query, params or []).df()

    # --- writing ----------------------------------------------------------------------------

    def has(self, article_id: str) -> bool:
        return bool(self.known([article_id]))

    def known(self, article_ids: Sequence[str]) -> set[str]:
        """Which of these ids are stored (one query for the lot)."""
        with self._use() as con:
            rows = con.execute("SELECT id FROM articles WHERE list_contains(?, id)",
                                     [sorted({str(i) for i in article_ids})]).fetchall()
        return {r[0] for r in rows}

    def add(self, article: Article) -> bool:
        """Store one coded article in one transaction; False (and nothing written) if its id is stored."""
        return self.add_batch([article])[0]

    def add_many(self, articles: Sequence[Article],
                 on_error: Optional[Callable[[Article, StoreError], None]] = None) -> list[Optional[bool]]:
        """Store articles in one transaction; should the store refuse any, one transaction each, so that
        a bad record costs only itself. Per article: True stored, False its id was already stored, None
        refused (and passed to `on_error` with the reason; without `on_error` the error is raised)."""
        try:
            return list(self.add_batch(articles))
        except StoreError as e:
            if len(articles) == 1:
                if on_error is None:
                    raise
                on_error(articles[0], e)
                return [None]
        out: list[Optional[bool]] = []
        for art in articles:
            out.extend(self.add_many([art], on_error))
        return out

    def add_batch(self, articles: Sequence[Article]) -> list[bool]:
        """Store articles in one transaction, all or nothing: per article True, or False when its id is
        already stored (or came earlier in the batch). StoreError, with nothing written, if any is refused.

        Rows go in one Arrow table per table and batch: DuckDB binds SQL parameters one value at a time,
        which cost ~15 ms an article; a batch of 16 now costs about what one article did."""
        if self.read_only:
            raise StoreError(f"{self.path}: opened read-only")
        for art in articles:
            if not isinstance(art.id, str) or not art.id:
                raise StoreError(f"an article without an id cannot be stored (source {art.source!r})")
        with self._use(write=True) as con:
            if not self._dedup_index:  # once per Store; a store from before the index gets it here
                ensure_index(con)
                self._dedup_index = True
            con.execute("BEGIN")
            try:
                added = self._write(con, articles)
                con.execute("COMMIT")
            except Exception as e:
                try:
                    con.execute("ROLLBACK")
                except duckdb.Error:
                    pass  # a failed COMMIT has already ended the transaction
                if isinstance(e, duckdb.ConstraintException) and len(articles) == 1:
                    return [False]  # the same id was stored meanwhile, through another connection
                first = str(e).strip().splitlines()[0] if str(e).strip() else ""
                what = f"article {articles[0].id}" if len(articles) == 1 else f"{len(articles)} articles"
                raise StoreError(f"{what}: not stored ({type(e).__name__}: {first})") from e
            return added

    def _write(self, con: duckdb.DuckDBPyConnection, articles: Sequence[Article]) -> list[bool]:
        seen = self.known([a.id for a in articles])
        tables: dict[str, list[rows.TableRow]] = {t: [] for t in rows.COLUMNS}
        tables["dedup_blocks"] = []
        stored: list[EventRow] = []  # event rows of this batch, not yet in the table, that dedup must see
        added: list[bool] = []
        new: list[tuple[dict[str, list[rows.TableRow]], list[EventRow]]] = []
        for art in articles:
            added.append(art.id not in seen)
            if added[-1]:
                seen.add(art.id)
                new.append(rows.flatten(art))
        candidates = Candidates(con, [e for _, events in new for e in events])  # one look-up for the batch
        for flat, events in new:
            assign_clusters(con, events, pending=stored, stored=candidates)
            stored.extend(events)
            flat["events"] = rows.event_rows(events)
            flat["dedup_blocks"] = block_rows(events)
            for t, r in flat.items():
                tables[t].extend(r)
        for t, r in tables.items():
            self._insert(con, t, r)
        return added

    def _insert(self, con: duckdb.DuckDBPyConnection, table: str, values: list[rows.TableRow]) -> None:
        if not values:
            return
        import pyarrow as pa

        cols = rows.COLUMNS.get(table) or BLOCK_COLUMNS
        types = self._arrow_types(con, table)
        detente_rows = pa.table(  # noqa: F841 - read by DuckDB below, by name
            {c: pa.array([v[i] for v in values], type=types[c]) for i, c in enumerate(cols)})
        quoted = ", ".join(f'"{c}"' for c in cols)
        # DuckDB finds `detente_rows` among this frame's locals (a replacement scan: half the cost of register)
        con.execute(f"INSERT INTO {table} ({quoted}) SELECT {quoted} FROM detente_rows")

    def _arrow_types(self, con: duckdb.DuckDBPyConnection, table: str) -> dict[str, Any]:
        """The Arrow type of each column, read from the table itself (so the two cannot drift apart)."""
        if table not in self._types:
            import pyarrow as pa

            base = {"VARCHAR": pa.string(), "INTEGER": pa.int32(), "BIGINT": pa.int64(), "DOUBLE": pa.float64(),
                    "BOOLEAN": pa.bool_(), "DATE": pa.date32(), "TINYINT": pa.int8()}
            kinds = con.execute("SELECT column_name, data_type FROM information_schema.columns "
                                "WHERE table_schema = 'main' AND table_name = ?", [table]).fetchall()
            self._types[table] = {c: pa.list_(base[k[:-2]]) if k.endswith("[]") else base.get(k)
                                  for c, k in kinds}
        return self._types[table]

    def integrity_errors(self, check_records: bool = True) -> list[str]:
        """What is inconsistent in the store (empty when sound): rows whose article is missing, counts
        that disagree with the stored record, spans that do not point at their text."""
        errs: list[str] = []
        with self._use() as con:
            for table in ("actors", "mentions", "events", "event_mentions", "quotes", "places"):
                n = _only(con.execute(
                    f"SELECT count(*) FROM {table} WHERE article_id NOT IN (SELECT id FROM articles)"))[0]
                if n:
                    errs.append(f"{table}: {n} rows belong to no stored article")
            for table, col in (("events", "n_events"), ("quotes", "n_quotes"), ("places", "n_places"),
                               ("actors", "n_actors")):
                n = _only(con.execute(
                    f"SELECT count(*) FROM articles a WHERE {col} <> "
                    f"(SELECT count(*) FROM {table} t WHERE t.article_id = a.id)"))[0]
                if n:
                    errs.append(f"{table}: {n} articles whose rows disagree with their record")
            records = con.execute("SELECT id, record FROM articles").fetchall() if check_records else []
        for aid, rec in records:
            try:
                bad = Article.from_dict(json.loads(rec)).offset_errors()
            except (ValueError, TypeError) as e:
                bad = [f"unreadable record ({e})"]
            errs += [f"article {aid}: {b}" for b in bad[:3]]
        return errs

    # --- reading ----------------------------------------------------------------------------

    def get(self, article_id: str) -> Optional[Article]:
        with self._use() as con:
            row = _first(con.execute("SELECT record FROM articles WHERE id = ?", [article_id]))
        return Article.from_dict(json.loads(row[0])) if row else None

    def articles(self, limit: int = 50, offset: int = 0, q: Optional[str] = None) -> list[dict[str, Any]]:
        where = ""
        params: list[Any] = []
        if q:
            where = "WHERE title ILIKE ? OR text ILIKE ? OR id = ?"
            params = [f"%{q}%", f"%{q}%", q]
        df = self.sql(f"SELECT id, title, source, published::VARCHAR AS published, dateline, n_events, n_quotes "
                      f"FROM articles {where} ORDER BY published DESC NULLS LAST, id LIMIT ? OFFSET ?",
                      params + [int(limit), int(offset)])
        return [{k: (None if _isna(v) else v) for k, v in r.items()} for r in df.to_dict("records")]

    def events(self, actor: Optional[str] = None, dyad: Optional[Sequence[str]] = None, directed: bool = False,
               cameo: Optional[Terms] = None, plover: Optional[Terms] = None, start: Optional[DateBound] = None,
               end: Optional[DateBound] = None, negated: Optional[bool] = False, modality: Optional[Terms] = None,
               place: Optional[Union[str, int]] = None, article: Optional[str] = None, limit: Optional[int] = None,
               offset: int = 0, dedup: bool = False, cluster: Optional[str] = None) -> pd.DataFrame:
        """Event rows matching every filter given (docs/store.md); dedup=True gives one row per cluster."""
        sql, params = events_sql(actor=actor, dyad=dyad, directed=directed, cameo=cameo, plover=plover,
                                 start=start, end=end, negated=negated, modality=modality, place=place,
                                 article=article, limit=limit, offset=offset, dedup=dedup, cluster=cluster)
        return self.sql(sql, params)

    def clusters(self, **filters: Any) -> pd.DataFrame:
        """One row per real-world event (dedup cluster): its first report's row plus the report counts."""
        return self.events(dedup=True, **filters)

    def actors(self, article: Optional[str] = None, country: Optional[str] = None,
               limit: Optional[int] = None) -> pd.DataFrame:
        where, params = _where({"article_id": article, "country": upper_code(country)})
        return self.sql(f"SELECT * FROM actors {where} ORDER BY article_id, actor_id {_limit(limit)}", params)

    def quotes(self, article: Optional[str] = None, speaker: Optional[str] = None, country: Optional[str] = None,
               limit: Optional[int] = None) -> pd.DataFrame:
        where, params = _where({"article_id": article, "speaker_country": upper_code(country)})
        if speaker:
            where += (" AND " if where else "WHERE ") + "(speaker_text ILIKE ? OR speaker_actor = ?)"
            params += [f"%{speaker}%", speaker]
        return self.sql(f"SELECT * FROM quotes {where} ORDER BY article_id, quote_idx {_limit(limit)}", params)

    def places(self, article: Optional[str] = None, limit: Optional[int] = None) -> pd.DataFrame:
        where, params = _where({"article_id": article})
        return self.sql(f"SELECT * FROM places {where} ORDER BY article_id, place_idx {_limit(limit)}", params)

    def dyad(self, a: str, b: str, by: str = "month", directed: bool = False, start: Optional[DateBound] = None,
             end: Optional[DateBound] = None, dedup: bool = False, top: int = 3) -> pd.DataFrame:
        from . import timeline  # not at the top: it needs pandas, which ingest does without

        with self.hold():  # its queries see one state of the store
            return timeline.dyad(self, a, b, by=by, directed=directed, start=start, end=end, dedup=dedup, top=top)

    def partners(self, country: str, start: Optional[DateBound] = None, end: Optional[DateBound] = None,
                 dedup: bool = False) -> pd.DataFrame:
        from . import timeline

        with self.hold():
            return timeline.partners(self, country, start=start, end=end, dedup=dedup)

    def stats(self) -> dict[str, Any]:
        with self._use() as con:
            def one(q: str) -> tuple[Any, ...]:
                return _only(con.execute(q))

            counts = {t: one(f"SELECT count(*) FROM {t}")[0]
                      for t in ("articles", "events", "actors", "quotes", "places")}
            counts["clusters"] = one("SELECT count(DISTINCT cluster_id) FROM events WHERE NOT negated")[0]
            lo, hi = one("SELECT min(date_start)::VARCHAR, max(date_end)::VARCHAR FROM events")
            plo, phi = one("SELECT min(published)::VARCHAR, max(published)::VARCHAR FROM articles")
            top = con.execute(
                "SELECT dyad_key, count(*) AS n, round(sum(goldstein), 1) FROM events "
                "WHERE NOT negated AND dyad_key LIKE '%|%' AND dyad_key NOT LIKE '%|' AND dyad_key NOT LIKE '|%' "
                "GROUP BY dyad_key ORDER BY n DESC, dyad_key LIMIT 10").fetchall()
        counts.update(event_dates={"min": lo, "max": hi}, published={"min": plo, "max": phi},
                      top_dyads=[{"dyad": k.replace("|", "-"), "events": n, "goldstein_sum": g} for k, n, g in top],
                      path=self.path, schema_version=STORE_SCHEMA_VERSION)
        return counts


def _first(cur: duckdb.DuckDBPyConnection) -> Optional[tuple[Any, ...]]:
    """The first row of a result, consuming it all (DuckDB refuses new work on an unfinished result)."""
    rows = cur.fetchall()
    return rows[0] if rows else None


def _only(cur: duckdb.DuckDBPyConnection) -> tuple[Any, ...]:
    """The row of an aggregate without GROUP BY (count, min, max ...), which always gives one."""
    return cast("tuple[Any, ...]", _first(cur))


def _isna(v: object) -> bool:
    try:
        import pandas as pd  # not at the top: ingest writes without it, and it costs half a second to import

        return bool(pd.isna(v))
    except (TypeError, ValueError):
        return False


def _where(eq: dict[str, Optional[str]]) -> tuple[str, list[Any]]:
    conds: list[str] = []
    params: list[Any] = []
    for col, val in eq.items():
        if val is not None:
            conds.append(f"{col} = ?")
            params.append(val)
    return ("WHERE " + " AND ".join(conds)) if conds else "", params


def _limit(limit: Optional[int]) -> str:
    return f"LIMIT {int(limit)}" if limit is not None else ""
