"""What an export writes: one of the store's tables, its events filtered like Store.events."""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from ..store.filters import events_sql

TABLES = ("events", "clusters", "articles", "actors", "quotes", "places")
_ORDER = {"actors": "article_id, actor_id", "quotes": "article_id, quote_idx", "places": "article_id, place_idx"}


@dataclass(frozen=True)
class Selection:
    """A table of TABLES; for events and clusters, the Store.events filters and whether one row
    stands for a real-world event (`dedup`, which `clusters` implies) or for one report."""
    table: str = "events"
    dedup: bool = False
    filters: dict[str, Any] = field(default_factory=dict)

    @property
    def events(self) -> bool:
        return self.table in ("events", "clusters")

    @property
    def clustered(self) -> bool:
        return self.dedup or self.table == "clusters"

    def sql(self) -> tuple[str, list]:
        """The rows as stored, in a stable order (SQL and its parameters)."""
        if self.events:
            sql, params = events_sql(dedup=self.clustered, **self.filters)
            # Goldstein means one decimal; a DOUBLE would otherwise print 2.4000000000000004
            return f"SELECT * REPLACE (round(goldstein, 1) AS goldstein) FROM ({sql})", params
        if self.table == "articles":
            return "SELECT * EXCLUDE (record) FROM articles ORDER BY id", []
        return f"SELECT * FROM {self.table} ORDER BY {_ORDER[self.table]}", []


def copy_to(con, sql: str, params: list, out: str, options: str) -> int:
    """Rows written with DuckDB's COPY (no DataFrame in memory for a million rows); returns their count."""
    n = con.execute(f"SELECT count(*) FROM ({sql})", params).fetchall()[0][0]
    con.execute(f"COPY ({sql}) TO '{_quote_path(out)}' ({options})", params)
    return int(n)


def _quote_path(path: str) -> str:
    return path.replace("'", "''")
