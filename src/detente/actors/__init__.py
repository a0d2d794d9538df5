"""Actors: recognition, resolution to country + sector + role, and in-article coreference."""
from __future__ import annotations

from typing import Optional

from ..model import Actor, ActorRef, Article, Parse, Span


def resolve(article: Article, parse: Parse) -> list[Actor]:
    """Every political actor in the article, each with all its mentions (stub until the actors issue)."""
    return []


def actor_at(actors: list[Actor], start: int, end: int) -> Optional[tuple[Actor, Span]]:
    """The actor with a mention overlapping [start, end), preferring the mention that covers most of it.

    Events and quotes use this to turn a token span (subject, object, speaker) into an ActorRef.
    """
    best, best_overlap = None, 0
    for a in actors:
        for m in a.mentions:
            overlap = min(end, m.end) - max(start, m.start)
            if overlap > best_overlap:
                best, best_overlap = (a, m), overlap
    return best


def ref_at(actors: list[Actor], start: int, end: int) -> Optional[ActorRef]:
    hit = actor_at(actors, start, end)
    return hit[0].ref(hit[1]) if hit else None
