"""Actors: recognition, resolution to country + sector + role, and in-article coreference."""
from __future__ import annotations

from ..model import Actor, Article, Parse


def resolve(article: Article, parse: Parse) -> list[Actor]:
    """Every political actor in the article, each with all its mentions (stub until the actors issue)."""
    return []
