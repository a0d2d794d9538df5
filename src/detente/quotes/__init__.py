"""Quotes: direct quotations with their speakers."""
from __future__ import annotations

from .model import Actor, Article, Parse, Quote


def extract(article: Article, parse: Parse, actors: list[Actor]) -> list[Quote]:
    """Every direct quote in the article (stub until the quotes issue)."""
    return []
