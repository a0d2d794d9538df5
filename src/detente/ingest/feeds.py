"""RSS 0.9x/1.0/2.0, Atom and JSON Feed -> one article per entry, through feedparser."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Iterator, Optional, Union

from .dates import iso_date
from .html import fragment_text


@dataclass
class Entry:
    index: int
    text: str
    title: Optional[str]
    url: Optional[str]
    id: Optional[str]
    published: Optional[str]
    author: Optional[str]
    tags: list[str]
    language: Optional[str]


@dataclass
class FeedProblem:
    reason: str
    index: Optional[int] = None  # the entry it concerns; None for the whole feed


def entries(data: bytes) -> Iterator[Union[Entry, FeedProblem]]:
    """Entries of a feed, in order; a feed that cannot be read gives one FeedProblem and nothing else."""
    import feedparser

    try:
        parsed = feedparser.parse(data, sanitize_html=True, resolve_relative_uris=True)
    except Exception as e:  # feedparser is lenient but not total; its errors are about this feed only
        yield FeedProblem(f"broken feed: {type(e).__name__}: {_one_line(e)}")
        return
    feed_entries = parsed.get("entries") or []
    if not feed_entries:
        if parsed.get("bozo") and not parsed.get("version"):
            yield FeedProblem(f"broken feed: {_one_line(parsed.get('bozo_exception')) or 'not a feed'}")
        elif not parsed.get("version"):
            yield FeedProblem("not a feed: no RSS, Atom or JSON Feed structure found")
        return
    feed_lang = (parsed.get("feed", {}).get("language") or "").split("-")[0].lower() or None
    for i, e in enumerate(feed_entries):
        text = fragment_text(_best_content(e))
        if not text.strip():
            yield FeedProblem("feed entry has no text (neither content nor summary)", i)
            continue
        title = e.get("title") or None
        yield Entry(
            index=i, text=text, title=fragment_text(title) if title else None, url=e.get("link") or None,
            id=e.get("id") or e.get("guid") or None,
            published=iso_date(e.get("published_parsed") or e.get("updated_parsed") or e.get("published")
                               or e.get("updated")),
            author=e.get("author") or None,
            tags=[t.get("term") for t in e.get("tags") or [] if t.get("term")],
            language=feed_lang,
        )


def _best_content(e) -> str:
    """The full HTML content when the entry has it, else its summary; the longest content part wins."""
    contents = [c.get("value") or "" for c in e.get("content") or []]
    contents = [c for c in contents if c.strip()]
    if contents:
        return max(contents, key=len)
    return e.get("summary") or e.get("description") or ""


def _one_line(e) -> str:
    return " ".join(str(e or "").split())[:200]
