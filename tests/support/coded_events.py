"""Coding a test's own TEXT and picking its events by trigger word (the event-coding tests)."""
from __future__ import annotations

import detente


def unnegated_events(text: str, published: str) -> list:
    """The events the coder finds in `text`, the negated ones left out."""
    art = detente.code_text(text, published=published)
    return [e for e in art.events if not e.negated]


def triggered_at(events, text: str, word: str) -> list:
    """The events whose trigger starts where `word` first stands in `text`."""
    start = text.index(word)
    return [e for e in events if e.trigger.start == start]
