"""Notebook display: short reprs for the records, HTML for an article, event lists and dyad timelines."""
from __future__ import annotations

import re
from html.parser import HTMLParser

import detente  # noqa: F401 - attaches the HTML methods
from detente.model import Article
from detente.notebook import EventList
from detente.store import Store
from support.coded_articles import seed_like


class _Marks(HTMLParser):
    """The text inside each <mark class=...>, and the text of the whole page."""

    def __init__(self):
        super().__init__()
        self.marks, self.open, self.text = [], [], []

    def handle_starttag(self, tag, attrs):
        if tag == "mark":
            self.open.append((dict(attrs).get("class", ""), []))

    def handle_endtag(self, tag):
        if tag == "mark" and self.open:
            cls, parts = self.open.pop()
            self.marks.append((cls, "".join(parts)))

    def handle_data(self, data):
        self.text.append(data)
        for _, parts in self.open:
            parts.append(data)


def test_reprs_are_short():
    art = seed_like()
    art.text = art.text * 20  # a long article stays a one-line repr
    r = repr(art)
    assert len(r) < 300 and art.id in r and f"{len(art.events)} events" in r and "\n" not in r
    for rec in [*art.events, *art.actors, *art.quotes, *art.places]:
        assert len(repr(rec)) < 250 and "\n" not in repr(rec)
    e = art.events[0]
    assert e.cameo in repr(e) and (e.source.code or e.source.country) in repr(e)


def test_article_html_marks_triggers_and_actors():
    art = seed_like()
    html = art._repr_html_()
    p = _Marks()
    p.feed(html)
    triggers = {t for cls, t in p.marks if "trigger" in cls}
    assert {e.trigger.text for e in art.events if e.trigger} <= triggers
    actors = {t for cls, t in p.marks if "actor" in cls}
    assert any(m.text in actors for a in art.actors for m in a.mentions)
    assert f"{len(art.events)} events" in html and "<script" not in html


def test_html_escapes_the_text():
    art = Article(id="x<y", text="<script>alert(1)</script> & more", title="<b>t</b>")
    html = art._repr_html_()
    assert "<script>alert" not in html and "&lt;script&gt;" in html and "&lt;b&gt;t" in html


def test_event_list_and_timeline_html(tmp_path):
    art = seed_like()
    html = EventList(art.events)._repr_html_()
    assert html.count("<tr>") == len(art.events) + 1 and art.events[0].evidence[:30] in html
    assert repr(EventList(art.events)) == f"EventList({len(art.events)} events)"
    with Store(str(tmp_path / "n.duckdb")) as s:
        s.add(art)
        tl = s.dyad("PAK", "IND", by="year")
    html = tl._repr_html_()
    assert "PAK – IND" in html and f"trend <b>{tl.attrs['trend']}</b>" in html
    assert len(re.findall(r"<rect ", html)) == len(tl) and "<table" in html
