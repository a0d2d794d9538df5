"""Exports of the store: one module per format, and the table of formats (docs/store.md).

    export(store, out, fmt="jsonl", table="events", dedup=False, **filters) -> rows written

A format is a `Writer`: a function that writes the rows of a `Selection` to a path from an open
DuckDB connection, the file suffix people give such files, and one line that says what it is. Adding
a format is its module plus one line in `WRITERS`; `detente export --format` offers what `WRITERS`
holds. Importing this package stays cheap (no pandas, no DuckDB): the CLI reads `WRITERS` to build
its parser.
"""
from __future__ import annotations

import os
from dataclasses import dataclass
from typing import Any, Callable

from . import csv, gdelt, jsonl, parquet
from .gdelt import GDELT_COLUMNS, country_table, gdelt_sql, lead_end
from .selection import TABLES, Selection
from .values import jsonable, tidy

_jsonable = jsonable  # the name older callers imported

__all__ = ["export", "Writer", "WRITERS", "FORMATS", "TABLES", "Selection", "GDELT_COLUMNS", "gdelt_sql",
           "country_table", "lead_end", "tidy"]


@dataclass(frozen=True)
class Writer:
    """One export format: `write(con, selection, out)` writes the rows to the path `out` from an open
    DuckDB connection and returns how many it wrote; `tables` are those the format can hold."""
    name: str
    suffix: str
    description: str
    write: Callable[[Any, Selection, str], int]
    tables: tuple[str, ...] = TABLES


def _table(*writers: Writer) -> dict[str, Writer]:
    return {w.name: w for w in writers}


# The formats, in the order `detente export --help` lists them (the first is the default).
WRITERS: dict[str, Writer] = _table(
    Writer("jsonl", ".jsonl", "JSON Lines, one object per row (--table articles: full coded records)", jsonl.write),
    Writer("csv", ".csv", "CSV with a header line", csv.write),
    Writer("parquet", ".parquet", "Apache Parquet", parquet.write),
    Writer("gdelt", ".tsv", "GDELT 2.0 event table: 61 tab-separated columns, no header", gdelt.write,
           tables=("events", "clusters")),
)
FORMATS = tuple(WRITERS)  # the built-in formats; WRITERS is the live table


def export(store, out: str, fmt: str = "jsonl", table: str = "events", dedup: bool = False, **filters) -> int:
    """Write `table` (events filtered like Store.events) to `out` in the format `fmt` (a name in
    WRITERS); returns the number of rows written."""
    writer = WRITERS.get(fmt)
    if writer is None:
        raise ValueError(f"format must be one of {', '.join(WRITERS)}")
    if table not in TABLES:
        raise ValueError(f"table must be one of {', '.join(TABLES)}")
    if table not in writer.tables:
        raise ValueError(f"the {fmt} format holds {' or '.join(writer.tables)} only")
    os.makedirs(os.path.dirname(os.path.abspath(out)), exist_ok=True)
    # the one place an export touches the store: one connection held for the whole write
    with store.hold() as con:
        return writer.write(con, Selection(table, dedup, dict(filters)), out)
