"""Coding a stream of articles into the store (single process; the parallel runner extends this)."""
from __future__ import annotations

from typing import Iterable, Iterator

from .model import Article
from .pipeline import code_articles


def ingest_local(articles: Iterable[Article], store, workers: int = 1, progress: bool = False
                 ) -> Iterator[tuple[Article, bool]]:
    """Code and store articles, skipping ids already stored; yields (article, stored?)."""
    def fresh():
        for art in articles:
            if store.has(art.id):
                yield art, False
            else:
                yield art, True

    pending = []
    for art, new in fresh():
        if not new:
            yield art, False
            continue
        pending.append(art)
        if len(pending) >= 32:
            yield from _flush(pending, store)
            pending = []
    if pending:
        yield from _flush(pending, store)


def _flush(batch: list[Article], store) -> Iterator[tuple[Article, bool]]:
    for art in code_articles(batch):
        yield art, store.add(art)
