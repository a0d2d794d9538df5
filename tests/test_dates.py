"""Partial dates and periods (detente.dates), great-circle distance (detente.geodesy), and the headline
decided once when the record is made (model.find_headline_end)."""
from __future__ import annotations

from datetime import date

import pytest

from detente import dates, geodesy
from detente.model import Article, find_headline_end


@pytest.mark.parametrize("value,first,last,precision", [
    ("2024", date(2024, 1, 1), date(2024, 12, 31), "year"),
    ("2024-02", date(2024, 2, 1), date(2024, 2, 29), "month"),
    ("2025-12", date(2025, 12, 1), date(2025, 12, 31), "month"),
    ("2025-03-05", date(2025, 3, 5), date(2025, 3, 5), "day"),
    (" 2025-03-05T10:00:00 ", date(2025, 3, 5), date(2025, 3, 5), "day")])
def test_partial_dates_cover_their_days(value, first, last, precision):
    assert dates.date_range(value) == (first, last, precision)
    assert (dates.first_day(value.strip()[:10]), dates.last_day(value.strip()[:10])) == (first, last)


@pytest.mark.parametrize("value", ["2025-13", "2025-02-30", "soon", "", None, 2025])
def test_unreadable_dates(value):
    assert dates.date_range(value) == (None, None, None)
    if isinstance(value, str):
        with pytest.raises(ValueError):
            dates.first_day(value)


@pytest.mark.parametrize("first,by,end", [
    (date(2025, 3, 3), "day", date(2025, 3, 4)), (date(2025, 12, 29), "week", date(2026, 1, 5)),
    (date(2024, 2, 1), "month", date(2024, 3, 1)), (date(2025, 10, 1), "quarter", date(2026, 1, 1)),
    (date(2025, 1, 1), "year", date(2026, 1, 1))])
def test_period_end_is_the_next_periods_first_day(first, by, end):
    assert dates.period_end(first, by) == end


def test_distance_km():
    assert geodesy.distance_km(51.5074, -0.1278, 48.8566, 2.3522) == pytest.approx(344, abs=1)  # London-Paris
    assert geodesy.distance_km(10, 20, 10, 20) == 0
    assert geodesy.distance_km(0, 0, 0, 180) == pytest.approx(3.14159 * 6371, rel=1e-4)  # antipodes: no error


@pytest.mark.parametrize("text,title,end", [
    ("Russia Attacks Syria\n\nThe fighting went on for days.", None, len("Russia Attacks Syria")),
    ("Japan Praises Korea\n\nJapan praised Korea.", "Japan Praises Korea", len("Japan Praises Korea")),
    ("Russia Praises Iran and Says Talks With Syria\nare going well, officials said.", None, 0),
    ("Russia Attacks Syria", None, 0),  # a single line stands above no blank line
    ("The talks ended.\n\nBoth sides left.", None, 0)])
def test_headline_decided_once_on_the_record(text, title, end):
    assert find_headline_end(text, title) == end
    art = Article(id="h", text=text, title=title)
    assert art.headline_end == end and not art.offset_errors()
    assert Article.from_dict(art.to_dict()).headline_end == end
    older = {k: v for k, v in art.to_dict().items() if k != "headline_end"}  # a record from before the field
    assert Article.from_dict(older).headline_end == end
    assert Article(id="h", text=text, title=title, headline_end=3).headline_end == 3  # given: kept
