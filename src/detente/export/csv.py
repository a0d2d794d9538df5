"""CSV with a header line, the rows as stored."""
from __future__ import annotations

from .selection import Selection, copy_to


def write(con, selection: Selection, out: str) -> int:
    sql, params = selection.sql()
    return copy_to(con, sql, params, out, "FORMAT csv, HEADER true")
