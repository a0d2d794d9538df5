"""Frames printed by the CLI: rich tables that fit the terminal, or JSON Lines / CSV for pipes.

A table keeps its columns in the order given but leaves out, from the end of `drop` first, the ones
that cannot fit the terminal's width; wrappable text (evidence, names) folds, codes and dates never do.
"""
from __future__ import annotations

import json
import os
import sys
from typing import Optional, Sequence

import pandas as pd

NO_WRAP_MAX = 14  # a column whose cells are all this short (codes, dates, counts) stays on one line
WRAP_MIN = 16  # the narrowest a wrapped text column may get
SEP = 3  # rich's padding and rule per column
PIPE_WIDTH = 200  # a table written to a pipe or file


def _cell(v) -> str:
    if v is None or (isinstance(v, float) and v != v) or v is pd.NaT:
        return ""
    if isinstance(v, float):
        return f"{v:g}"
    return str(v)


def fit(df: pd.DataFrame, columns: Sequence[str], width: int, drop: Sequence[str] = ()) -> tuple[list[str], list[str]]:
    """The columns to show in `width` characters, and those left out (in `drop`'s order, last first)."""
    shown, left_out = list(columns), []
    cells = {c: [_cell(v) for v in df[c]] if c in df else [] for c in columns}
    natural = {c: max([len(c)] + [len(x) for x in cells[c]]) for c in columns}
    least = {c: natural[c] if natural[c] <= NO_WRAP_MAX else max(WRAP_MIN, len(c)) for c in columns}
    for c in reversed(list(drop)):
        if sum(least[x] + SEP for x in shown) + 1 <= width:
            break
        if c in shown:
            shown.remove(c)
            left_out.append(c)
    return shown, left_out


def print_table(df: pd.DataFrame, columns: Optional[Sequence[str]] = None, title: Optional[str] = None,
                drop: Sequence[str] = (), console=None) -> None:
    """`df` as a rich table fitted to the console width, saying which columns it left out."""
    from rich.console import Console
    from rich.table import Table

    if console is None:
        console = Console()
        if not console.is_terminal:  # piped: no width to fit; $COLUMNS when set, else a wide page
            console = Console(width=int(os.environ.get("COLUMNS") or PIPE_WIDTH))
    cols, left_out = fit(df, columns or list(df.columns), console.width, drop)
    caption = f"left out for width: {', '.join(left_out)} (wider terminal or --format csv)" if left_out else None
    t = Table(title=title, caption=caption)
    for c in cols:
        short = all(len(_cell(v)) <= NO_WRAP_MAX for v in df[c])
        t.add_column(c, no_wrap=short, overflow="ellipsis" if short else "fold")
    for rec in df[cols].itertuples(index=False):
        t.add_row(*(_cell(v) for v in rec))
    console.print(t)


def write_frame(df: pd.DataFrame, fmt: str, out=None) -> None:
    """`df` as JSON Lines or CSV on `out` (stdout), with plain dates and numbers rounded to their meaning."""
    from .export import tidy

    out = out or sys.stdout
    df = tidy(df)
    if fmt == "csv":
        df.to_csv(out, index=False)
        return
    for rec in df.to_dict("records"):
        out.write(json.dumps({k: _plain(v) for k, v in rec.items()}, ensure_ascii=False) + "\n")


def _plain(v):
    from .export import jsonable

    return jsonable(v)
