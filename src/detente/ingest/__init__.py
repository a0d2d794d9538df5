"""Ingest: every input kind users have news in, turned into `model.Article` records."""
from __future__ import annotations

from typing import Iterable, Iterator

from ..model import Article, IngestError, stable_id


def article_from_text(text: str, source: str | None = None, id: str | None = None, **meta) -> Article:
    """An article from scraped page text (stub: no cleaning yet)."""
    return Article(id=id or stable_id(source, text), text=text, source=source, input_kind="text", **meta)


def read(sources: Iterable[str], **options) -> Iterator[Article | IngestError]:
    """Articles from paths, folders, globs, URLs or '-' for stdin (stub: plain text files only)."""
    for src in sources:
        try:
            with open(src, encoding="utf-8") as f:
                yield article_from_text(f.read(), source=src)
        except OSError as e:
            yield IngestError(src, e.strerror or str(e))
