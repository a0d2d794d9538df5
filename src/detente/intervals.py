"""Things with character offsets, looked up by offset through bisection instead of a scan of them all.

Every stage asks "which mention / quote / place covers this span?" once per token or per event; a scan
over all of them made the cost of an article grow with the square of its length. Imports nothing of ours.
"""
from __future__ import annotations

from bisect import bisect_left
from typing import Generic, Iterable, Iterator, TypeVar

T = TypeVar("T")


class Intervals(Generic[T]):
    """Items with [start, end) offsets, sorted by start. A query looks only at the items that start
    within the longest item's length before it, so it costs log n plus the items near the span."""

    def __init__(self, items: Iterable[tuple[int, int, T]]):
        # (start, end, position in the given order, item): callers break ties by the given order
        rows = [(start, end, n, item) for n, (start, end, item) in enumerate(items)]
        rows.sort(key=lambda r: (r[0], r[2]))
        self._rows = rows
        self._starts = [r[0] for r in rows]
        self._longest = max((r[1] - r[0] for r in rows), default=0)

    def overlapping(self, start: int, end: int) -> Iterator[tuple[int, int, int, T]]:
        """(start, end, position in the given order, item) of every item sharing a character with
        [start, end), by start."""
        lo = bisect_left(self._starts, start - self._longest)  # nothing starting earlier reaches start
        hi = bisect_left(self._starts, end)
        for row in self._rows[lo:hi]:
            if min(end, row[1]) > max(start, row[0]):
                yield row

    def first_at(self, pos: int, ok=lambda item: True):
        """The first item in the given order that holds character `pos` and satisfies ok, or None."""
        hits = [(n, item) for _, _, n, item in self.overlapping(pos, pos + 1) if ok(item)]
        return min(hits, key=lambda h: h[0])[1] if hits else None
