"""Jupyter display of the records: an article as its text with events, actors, quotes and places marked
(as the dashboard shows it), a list of events as a table with their evidence, a dyad timeline as its
summary, Goldstein bars and table.

`model` imports nothing of detente's, so the HTML methods are attached here; importing `detente`
imports this module. Every string from the data is escaped.
"""
from __future__ import annotations

from html import escape
from typing import Iterable, Optional

from .model import ActorRef, Article, Event

QUAD_COLOUR = {1: "#2b8cbe", 2: "#31a354", 3: "#fd8d3c", 4: "#de2d26"}  # the dashboard's QuadClass colours
STYLE = ("<style>.dt-art{font:14px/1.5 system-ui,sans-serif;max-width:70em}.dt-art .text{white-space:pre-wrap;"
         "border:1px solid #ddd;padding:.6em;max-height:28em;overflow:auto}.dt-art mark{padding:0 1px;border-radius:2px}"
         ".dt-art .actor{background:#dbeafe}.dt-art .trigger{background:#fde68a;font-weight:600}"
         ".dt-art .quote{background:#e9d5ff}.dt-art .place{background:#d1fae5}.dt-ev td,.dt-ev th{text-align:left;"
         "vertical-align:top;padding:2px 6px}.dt-ev .neg{color:#b91c1c}</style>")
MAX_ROWS = 200  # an event table stops here and says how many it left out


def _who(ref: Optional[ActorRef]) -> str:
    if ref is None:
        return "—"
    return f"{escape(ref.text)} <b>{escape(ref.code or ref.country or '?')}</b>"


def _spans(art: Article) -> list[tuple[int, int, str, str]]:
    """(start, end, class, tooltip) of every marked span of the text."""
    out = []
    for a in art.actors:
        out += [(m.start, m.end, "actor", f"{a.name} [{a.code or a.country or '?'}]") for m in a.mentions]
    out += [(p.start, p.end, "place", f"{p.name or p.text} {p.country or ''}") for p in art.places]
    out += [(q.start, q.end, "quote", "quote") for q in art.quotes if not q.scare]
    for e in art.events:
        for t in [e.trigger, *e.mentions]:
            if t:
                out.append((t.start, t.end, "trigger", f"{e.cameo} {e.cameo_name or ''}"))
    n = len(art.text)
    return [s for s in out if 0 <= s[0] < s[1] <= n]


def marked_text(art: Article) -> str:
    """The article text as HTML, each character inside the marks of every span covering it."""
    spans = _spans(art)
    cuts = sorted({0, len(art.text), *(s for s, *_ in spans), *(e for _, e, *_ in spans)})
    parts = []
    for s, e in zip(cuts, cuts[1:]):
        piece = escape(art.text[s:e])
        over = [x for x in spans if x[0] <= s and x[1] >= e]
        if over:
            classes = " ".join(sorted({x[2] for x in over}))
            tip = escape("; ".join(dict.fromkeys(x[3] for x in over)))
            piece = f'<mark class="{classes}" title="{tip}">{piece}</mark>'
        parts.append(piece)
    return "".join(parts)


def events_html(events: Iterable[Event]) -> str:
    events = list(events)
    rows = []
    for e in events[:MAX_ROWS]:
        flags = ("<span class='neg'>negated</span> " if e.negated else "") + (
            escape(e.modality) if e.modality != "asserted" else "")
        colour = QUAD_COLOUR.get(e.quad_class or 0, "#999")
        gold = "" if e.goldstein is None else f"{e.goldstein:+.1f}"
        rows.append(
            f"<tr><td>{escape(e.date or '')}</td><td>{_who(e.source)}</td>"
            f"<td><span style='color:{colour}'>&#9679;</span> <b>{escape(e.cameo)}</b> {escape(e.cameo_name or '')}"
            f"<br><small>{escape(' '.join(x for x in (e.plover, e.plover_mode) if x))}</small></td>"
            f"<td>{_who(e.target)}</td><td>{gold}</td><td>{escape((e.place.name or e.place.text) if e.place else '')}</td>"
            f"<td>{flags}</td><td>{escape(e.trigger.text if e.trigger else '')}</td><td>{escape(e.evidence)}</td></tr>")
    more = f"<p>… {len(events) - MAX_ROWS} more events</p>" if len(events) > MAX_ROWS else ""
    head = "".join(f"<th>{c}</th>" for c in ("date", "source", "event", "target", "Goldstein", "place", "status",
                                              "trigger", "evidence"))
    return (f"{STYLE}<table class='dt-ev'><caption>{len(events)} events</caption><thead><tr>{head}</tr></thead>"
            f"<tbody>{''.join(rows)}</tbody></table>{more}")


def article_html(art: Article) -> str:
    meta = " · ".join(escape(x) for x in (f"id {art.id}", f"published {art.published or '—'}",
                                          f"dateline {art.dateline or '—'}") if x)
    counts = f"{len(art.actors)} actors, {len(art.events)} events, {len(art.quotes)} quotes, {len(art.places)} places"
    legend = " ".join(f"<mark class='{k}'>{k}</mark>" for k in ("actor", "trigger", "quote", "place"))
    return (f"{STYLE}<div class='dt-art'><h3>{escape(art.title or art.id)}</h3><p>{meta} · {counts}</p>"
            f"<p>{legend}</p><div class='text'>{marked_text(art)}</div>{events_html(art.events)}</div>")


class EventList(list):
    """A list of events that Jupyter shows as a table: `EventList(article.events)`."""

    def _repr_html_(self) -> str:
        return events_html(self)

    def __repr__(self) -> str:
        return f"EventList({len(self)} events)"


def timeline_html(df) -> str:
    """A dyad timeline (Store.dyad): summary line, Goldstein per period as bars, the table."""
    a = df.attrs
    arrow = "→" if a.get("directed") else "–"
    summary = (f"<b>{escape(str(a.get('a', '?')))} {arrow} {escape(str(a.get('b', '?')))}</b> by "
               f"{escape(str(a.get('by', '?')))}: {a.get('n_events', 0)} events, net Goldstein "
               f"{a.get('goldstein_sum', 0):+.1f} ({escape(str(a.get('tone', '')))}), trend "
               f"<b>{escape(str(a.get('trend', '')))}</b>")
    vals = [float(v) for v in df["goldstein_sum"]] if len(df) else []
    top = max([abs(v) for v in vals] + [1.0])
    w, h = max(len(vals), 1) * 12, 80
    bars = "".join(
        f"<rect x='{i * 12 + 1}' width='10' y='{h / 2 - max(v, 0) / top * h / 2:.1f}' height='{abs(v) / top * h / 2:.1f}' "
        f"fill='{'#31a354' if v >= 0 else '#de2d26'}'><title>{escape(str(p)[:10])}: {v:+.1f}</title></rect>"
        for i, (p, v) in enumerate(zip(df["period"], vals)))
    svg = (f"<svg width='{w}' height='{h}' role='img'><line x1='0' x2='{w}' y1='{h / 2}' y2='{h / 2}' "
           f"stroke='#999'/>{bars}</svg>")
    shown = df.drop(columns=[c for c in ("top_rids",) if c in df.columns])
    return f"<div><p>{summary}</p>{svg}{shown.to_html(max_rows=60)}</div>"


def _attach() -> None:
    Article._repr_html_ = article_html
    Event._repr_html_ = lambda self: events_html([self])


_attach()
