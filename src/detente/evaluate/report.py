"""Printing an evaluation report as readable tables."""
from __future__ import annotations

from rich.console import Console
from rich.table import Table


def _flat(d: dict, prefix: str = "") -> list[tuple[str, object]]:
    rows = []
    for k, v in d.items():
        if k in ("confusion", "missed_examples", "spurious_examples"):
            continue
        if isinstance(v, dict):
            rows += _flat(v, f"{prefix}{k}.")
        else:
            rows.append((prefix + k, v))
    return rows


def print_report(report: dict, console: Console | None = None) -> None:
    console = console or Console()
    t = Table(title=f"detente evaluate: {report.get('task')} on {report.get('gold')}")
    t.add_column("measure")
    t.add_column("value", justify="right")
    for k, v in _flat(report):
        if k in ("task", "gold"):
            continue
        t.add_row(k, f"{v:.3f}" if isinstance(v, float) else str(v))
    console.print(t)
    conf = report.get("confusion")
    if conf:
        roots = sorted({r for row in conf.values() for r in row})
        c = Table(title="CAMEO root confusion (rows gold, columns coded; -- = no coded event)")
        c.add_column("gold")
        for r in roots:
            c.add_column(r, justify="right")
        for g, row in conf.items():
            c.add_row(g, *[str(row.get(r, "")) for r in roots])
        console.print(c)
