"""The ingest progress line: total, percentage, rate and time left, counted per article."""
from __future__ import annotations

import io

from rich.console import Console

from detente.model import Article, IngestError
from detente.progress import IngestProgress, count_in_background, countable


def _console() -> tuple[Console, io.StringIO]:
    buf = io.StringIO()
    return Console(file=buf, force_terminal=True, width=160, color_system=None), buf


def test_line_shows_total_percentage_and_rate():
    console, buf = _console()
    stats = {"coded": 0, "stored": 0, "already": 0, "errors": 0, "total": 8}
    bar = IngestProgress(True, stats, workers=2, console=console)
    assert "starting 2 workers" in bar.bar.tasks[0].description
    for _ in range(3):
        bar.tick()  # articles coded in this process, one at a time
    assert bar.done() == 3 and bar.bar.tasks[0].completed == 3 and bar.bar.tasks[0].total == 8
    stats.update(coded=3, stored=3)
    bar.settle()
    stats.update(already=1)
    bar.update()
    bar.close()
    out = buf.getvalue()
    assert "4/8" in out and "50%" in out and "/s" in out and "left" in out and "3 stored, 1 already stored" in out


def test_no_total_until_known_and_silent_off_terminal():
    console, _ = _console()
    stats = {"coded": 1}
    bar = IngestProgress(True, stats, console=console)
    bar.update()
    assert bar.bar.tasks[0].total is None
    stats["total"] = 5
    bar.update()
    assert bar.bar.tasks[0].total == 5
    bar.close()
    assert IngestProgress(True, {}, console=Console(file=io.StringIO())).bar is None


def test_count_in_background_counts_articles_not_errors():
    stats: dict = {}
    items = [Article(id="a", text="x"), IngestError("b", "bad"), Article(id="c", text="y")]
    count_in_background(lambda: iter(items), stats).join(timeout=10)
    assert stats["total"] == 2
    assert countable(["a.jsonl", "feeds/"]) and not countable(["-"]) and not countable(["https://x.org/a"])
