"""Partial dates and calendar periods: the one place that knows their first and last days.

A date in the record, a window edge a user types and a timeline period are all written YYYY, YYYY-MM
or YYYY-MM-DD; every module that needs the days such a value covers (the store's date columns and
window filters, temporal expressions, the API's bounds) asks here. Imports nothing of ours.
"""
from __future__ import annotations

import calendar
import datetime as dt
from typing import Optional

_MONTHS = {"month": 1, "quarter": 3, "year": 12}
_DAYS = {"day": 1, "week": 7}


def _parts(value: str) -> list[int]:
    """'2025', '2025-05', '2025-05-10' -> their numbers; ValueError when they are not numbers."""
    return [int(p) for p in value.split("-")]


def first_day(value: str) -> dt.date:
    """The first day a YYYY, YYYY-MM or YYYY-MM-DD value covers; ValueError when it is no date."""
    return _bounds(_parts(value))[0]


def last_day(value: str) -> dt.date:
    """The last day a YYYY, YYYY-MM or YYYY-MM-DD value covers; ValueError when it is no date."""
    return _bounds(_parts(value))[1]


def _bounds(nums: list[int]) -> tuple[dt.date, dt.date, str]:
    if len(nums) == 1:
        return dt.date(nums[0], 1, 1), dt.date(nums[0], 12, 31), "year"
    if len(nums) == 2:
        first = dt.date(nums[0], nums[1], 1)  # ValueError for month 13 before monthrange is asked
        return first, first.replace(day=calendar.monthrange(nums[0], nums[1])[1]), "month"
    day = dt.date(nums[0], nums[1], nums[2])  # a longer value ('2025-05-10-…') is read by its first three parts
    return day, day, "day"


def date_range(value: Optional[str]) -> tuple[Optional[dt.date], Optional[dt.date], Optional[str]]:
    """'2025', '2025-05' or '2025-05-10' (a longer ISO timestamp is cut to its date) -> (first day,
    last day, precision); (None, None, None) if unreadable."""
    if not value or not isinstance(value, str):
        return None, None, None
    try:
        return _bounds(_parts(value.strip()[:10]))
    except ValueError:
        return None, None, None


def period_end(first: dt.date, by: str) -> dt.date:
    """The first day of the next period: the period `by` (day, week, month, quarter, year) starting at
    `first` covers [first, period_end). KeyError for another `by`."""
    if by in _DAYS:
        return first + dt.timedelta(days=_DAYS[by])
    m = first.month - 1 + _MONTHS[by]
    return dt.date(first.year + m // 12, m % 12 + 1, 1)
