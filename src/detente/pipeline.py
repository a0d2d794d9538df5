"""The coding pipeline: article -> parse -> actors -> places -> quotes -> events (a speaker's harsh
words in a quote are an event of their own, so events read the quotes)."""
from __future__ import annotations

import signal
import threading
from contextlib import contextmanager
from typing import Iterable, Iterator, Optional

from . import actors as actors_stage
from . import events as events_stage
from . import nlp
from . import places as places_stage
from . import quotes as quotes_stage
from .ingest.page import dateline_as_sentence
from .model import Article, Parse
from .settings import DEFAULTS, current

# Seconds the coding of one document may take (after its parse) before it is abandoned as an error:
# generous (an 800k-character article codes in ~15 s on a 2-core machine), there to stop a document
# that would hold a batch for ever. The time_budget setting ($DETENTE_TIME_BUDGET, `--time-budget`)
# sets it; 0 turns it off.
DEFAULT_TIME_BUDGET = DEFAULTS.time_budget


class TimeBudgetExceeded(BaseException):
    """A document's coding ran past the time budget. Not an Exception: the stages turn their own
    failures into warnings with `except Exception`, and must not swallow this."""


def time_budget() -> float:
    """The per-document budget in seconds: the time_budget setting in force (the CLI's, handed to its
    worker processes by the runner); 0 means none."""
    return float(current().time_budget)


@contextmanager
def _budget(seconds: float) -> Iterator[None]:
    """Raise TimeBudgetExceeded in this block after `seconds` (a SIGALRM timer: only in a process's
    main thread, which is where the CLI and its workers code; elsewhere, e.g. Dask's threads, no limit)."""
    if not seconds or not hasattr(signal, "setitimer") or threading.current_thread() is not threading.main_thread():
        yield
        return

    def expire(signum, frame):
        raise TimeBudgetExceeded(f"coding took more than {seconds:g} s (the per-document time budget: "
                                 "--time-budget or $DETENTE_TIME_BUDGET)")

    previous = signal.signal(signal.SIGALRM, expire)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def code_parsed(article: Article, parse: Parse) -> Article:
    """Fill an article's actors, places, events and quotes from its parse."""
    article.actors = actors_stage.resolve(article, parse)
    article.places = places_stage.resolve(article, parse, article.actors)
    article.quotes = quotes_stage.extract(article, parse, article.actors)
    article.events = events_stage.extract(article, parse, article.actors, article.places, quotes=article.quotes)
    return article


def code_articles(articles: Iterable[Article], batch_size: int = nlp.BATCH_SIZE,
                  budget: Optional[float] = None) -> Iterator[Article]:
    """Code articles in order, parsing them in batches; memory stays bounded by the batch. The coding
    of each article may take `budget` seconds (default: time_budget()), past which TimeBudgetExceeded
    is raised for it."""
    seconds = time_budget() if budget is None else budget
    for batch in batches(articles, batch_size):
        yield from _code_batch(batch, seconds)


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


def parse_texts(texts: list[str]) -> Iterator[Parse]:
    """The parses the stages read, in order: the parser reads a dateline as a sentence of its own
    ("HANOI, Vietnam (AP) — Esper accused China" is no HANOI accusing), the stages the text's own words."""
    for text, parse in zip(texts, nlp.parse_many([dateline_as_sentence(t) for t in texts])):
        yield nlp.as_text(parse, text)


def _code_batch(batch: list[Article], budget: float) -> Iterator[Article]:
    for art, parse in zip(batch, parse_texts([a.text for a in batch])):
        with _budget(budget):
            coded = code_parsed(art, parse)
        yield coded  # outside the timer: the caller's time is not the document's


def code_text(text: str, published: str | None = None, **meta) -> Article:
    """Clean a page's text (headline, dateline, tags, furniture) and code it."""
    from .ingest import article_from_text

    art = article_from_text(text, **meta)
    if published:
        art.published = published
    return next(code_articles([art]))
