"""The coding pipeline: article -> parse -> actors -> places -> quotes -> events (a speaker's harsh
words in a quote are an event of their own, so events read the quotes)."""
from __future__ import annotations

from typing import Iterable, Iterator

from . import actors as actors_stage
from . import events as events_stage
from . import nlp
from . import places as places_stage
from . import quotes as quotes_stage
from .model import Article, Parse


def code_parsed(article: Article, parse: Parse) -> Article:
    """Fill an article's actors, places, events and quotes from its parse."""
    article.actors = actors_stage.resolve(article, parse)
    article.places = places_stage.resolve(article, parse, article.actors)
    article.quotes = quotes_stage.extract(article, parse, article.actors)
    article.events = events_stage.extract(article, parse, article.actors, article.places, quotes=article.quotes)
    return article


def code_articles(articles: Iterable[Article], batch_size: int = nlp.BATCH_SIZE) -> Iterator[Article]:
    """Code articles in order, parsing them in batches; memory stays bounded by the batch."""
    for batch in batches(articles, batch_size):
        yield from _code_batch(batch)


def batches(items: Iterable[Article], size: int) -> Iterator[list[Article]]:
    """The items in order, `size` at a time (the last batch may be short), read lazily."""
    batch: list[Article] = []
    for item in items:
        batch.append(item)
        if len(batch) >= size:
            yield batch
            batch = []
    if batch:
        yield batch


def _code_batch(batch: list[Article]) -> Iterator[Article]:
    for art, parse in zip(batch, nlp.parse_many([a.text for a in batch])):
        yield code_parsed(art, parse)


def code_text(text: str, published: str | None = None, **meta) -> Article:
    """Clean a page's text (headline, dateline, tags, furniture) and code it."""
    from .ingest import article_from_text

    art = article_from_text(text, **meta)
    if published:
        art.published = published
    return next(code_articles([art]))
