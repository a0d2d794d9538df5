"""JSON Lines, streamed in chunks: one object per row, or for `articles` the full coded records."""
from __future__ import annotations

import json

from .selection import Selection
from .values import jsonable


def write(con, selection: Selection, out: str) -> int:
    if selection.table == "articles":
        return _articles(con, out)
    sql, params = selection.sql()
    return _stream(con, sql, params, out)


def _stream(con, sql: str, params: list, out: str, chunk: int = 10_000) -> int:
    cur = con.execute(sql, params)
    cols = [d[0] for d in cur.description]
    n = 0
    with open(out, "w", encoding="utf-8") as f:
        while True:
            rows = cur.fetchmany(chunk)
            if not rows:
                return n
            for r in rows:
                f.write(json.dumps({c: jsonable(v) for c, v in zip(cols, r)}, ensure_ascii=False) + "\n")
            n += len(rows)


def _articles(con, out: str) -> int:
    """Full coded records, one per line: what `detente code --format jsonl` printed."""
    n = 0
    cur = con.execute("SELECT record FROM articles ORDER BY id")
    with open(out, "w", encoding="utf-8") as f:
        while True:
            rows = cur.fetchmany(1000)
            if not rows:
                return n
            for (rec,) in rows:
                f.write(rec + "\n")
            n += len(rows)
