"""Events: CAMEO/PLOVER coding of who did what to whom, when and where."""
from __future__ import annotations

from ..model import Actor, Article, Event, Parse, Place


def extract(article: Article, parse: Parse, actors: list[Actor], places: list[Place]) -> list[Event]:
    """Every political event in the article (stub until the events issue)."""
    return []
