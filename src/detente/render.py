"""A readable rendering of a coded article for the terminal (rich)."""
from __future__ import annotations

from rich.console import Console
from rich.table import Table

from .model import ActorRef, Article


def _who(ref: ActorRef | None) -> str:
    if ref is None:
        return "-"
    code = ref.code or ref.country or "?"
    return f"{ref.text} [{code}]"


def print_article(art: Article, console: Console | None = None) -> None:
    # piped output would otherwise wrap at 80 columns and break every code across lines
    console = console or Console(width=None if Console().is_terminal else 160)
    console.rule(f"[bold]{art.title or art.source or art.id}")
    meta = [f"id {art.id}", f"dateline {art.dateline or '-'}", f"published {art.published or '-'}"]
    if art.tags:
        meta.append("tags: " + "; ".join(art.tags))
    console.print("  ".join(meta))

    t = Table(title=f"Actors ({len(art.actors)})", show_lines=False)
    for col in ("name", "kind", "code", "country", "sector", "role", "mentions"):
        t.add_column(col)
    for a in art.actors:
        t.add_row(a.name, a.kind, a.code or "", a.country or "", a.sector or "", a.role or "", str(len(a.mentions)))
    console.print(t)

    t = Table(title=f"Events ({len(art.events)})")
    for col in ("source", "cameo", "plover", "target", "date", "place", "neg/mod", "trigger"):
        t.add_column(col)
    for e in art.events:
        t.add_row(_who(e.source), f"{e.cameo} {e.cameo_name or ''}", f"{e.plover or ''} {e.plover_mode or ''}",
                  _who(e.target), e.date or "", (e.place.name or e.place.text) if e.place else "",
                  ("NEG " if e.negated else "") + e.modality, e.trigger.text if e.trigger else "")
    console.print(t)

    t = Table(title=f"Quotes ({len(art.quotes)})")
    t.add_column("speaker")
    t.add_column("quote")
    for q in art.quotes:
        t.add_row(_who(q.speaker), ("(scare) " if q.scare else "") + q.text)
    console.print(t)

    t = Table(title=f"Places ({len(art.places)})")
    for col in ("text", "name", "country", "lat", "lon", "role"):
        t.add_column(col)
    for p in art.places:
        t.add_row(p.text, p.name or "", p.country or "", f"{p.lat:.2f}" if p.lat is not None else "",
                  f"{p.lon:.2f}" if p.lon is not None else "", p.role)
    console.print(t)
    for w in art.warnings:
        console.print(f"[yellow]warning:[/] {w}")
