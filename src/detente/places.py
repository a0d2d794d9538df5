"""Places: toponyms resolved to coordinates and countries."""
from __future__ import annotations

from .model import Actor, Article, Parse, Place


def resolve(article: Article, parse: Parse, actors: list[Actor]) -> list[Place]:
    """Every place mentioned in the article, and the dateline (stub until the places issue)."""
    return []
