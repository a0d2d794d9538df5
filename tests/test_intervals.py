"""Offset look-ups by bisection give what a scan of every item gives (mentions, quotes)."""
from __future__ import annotations

from hypothesis import given, settings, strategies as st

from detente.actors import MentionIndex
from detente.intervals import Intervals
from detente.model import Actor, Span

span = st.tuples(st.integers(0, 300), st.integers(1, 40)).map(lambda t: (t[0], t[0] + t[1]))


def scan_actor_at(actors, start, end):
    """The definition: the mention overlapping most of [start, end), the first listed among equals."""
    best, best_overlap = None, 0
    for a in actors:
        for m in a.mentions:
            overlap = min(end, m.end) - max(start, m.start)
            if overlap > best_overlap:
                best, best_overlap = (a, m), overlap
    return best


@settings(max_examples=300, deadline=None)
@given(st.lists(st.lists(span, max_size=6), max_size=8), st.lists(st.tuples(st.integers(-5, 350), st.integers(0, 60)),
                                                                  min_size=1, max_size=20))
def test_mention_index_agrees_with_a_scan(mentions, queries):
    actors = [Actor(id=f"a{k}", name=f"a{k}", kind="person", mentions=[Span(s, e, "x" * (e - s)) for s, e in ms])
              for k, ms in enumerate(mentions)]
    index = MentionIndex(actors)
    for start, length in queries:
        got, want = index.actor_at(start, start + length), scan_actor_at(actors, start, start + length)
        assert (got is None) == (want is None)
        if got is not None:
            assert got[0] is want[0] and got[1] is want[1]


@settings(max_examples=300, deadline=None)
@given(st.lists(span, max_size=12), st.integers(-5, 350))
def test_first_at_is_the_first_listed_item_holding_the_position(spans, pos):
    items = [(s, e, k) for k, (s, e) in enumerate(spans)]
    odd = lambda k: k % 2 == 1  # noqa: E731
    index = Intervals(items)
    assert index.first_at(pos) == next((k for s, e, k in items if s <= pos < e), None)
    assert index.first_at(pos, odd) == next((k for s, e, k in items if s <= pos < e and odd(k)), None)


def test_a_long_item_is_still_found_far_from_its_start():
    index = Intervals([(0, 10_000, "long"), (50, 55, "short")])
    assert [r[3] for r in index.overlapping(9_000, 9_001)] == ["long"]
    assert [r[3] for r in index.overlapping(52, 53)] == ["long", "short"]
    assert list(index.overlapping(10_000, 10_005)) == []
