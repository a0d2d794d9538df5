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
    summary_only: bool = False  # the feed gave a summary, no full content: the linked page holds the article


@dataclass
class FeedProblem:
    reason: str
    index: Optional[int] = None  # the entry it concerns; None for the whole feed


def entries(data: bytes) -> Iterator[Union[Entry, FeedProblem]]:
    """Entries of a feed, in order; a feed that cannot be read gives one FeedProblem and nothing else."""
    import feedparser

    if data.lstrip()[:1] == b"{":
        yield from _json_feed(data)
        return
    try:
        parsed = feedparser.parse(data, sanitize_html=True, resolve_relative_uris=True)
    except Exception as e:  # feedparser is lenient but not total; its errors are about this feed only
        yield FeedProblem(f"broken feed: {type(e).__name__}: {_one_line(e)}")
        return
    feed_entries = parsed.get("entries") or []
    if not feed_entries:
        if parsed.get("bozo"):
            yield FeedProblem(f"broken feed: {_one_line(parsed.get('bozo_exception')) or 'not a feed'}")
        elif not parsed.get("version"):
            yield FeedProblem("not a feed: no RSS, Atom or JSON Feed structure found")
        else:
            yield FeedProblem("feed has no entries")
        return
    feed_lang = (parsed.get("feed", {}).get("language") or "").split("-")[0].lower() or None
    # feedparser reads badly formed feeds leniently (and flags harmless slips too): say so only when it
    # cost an entry its text
    broken = f" (feed is not well-formed: {_one_line(parsed.get('bozo_exception'))})" if parsed.get("bozo") else ""
    for i, e in enumerate(feed_entries):
        text = fragment_text(_best_content(e))
        if not text.strip():
            yield FeedProblem(f"feed entry has no text (neither content nor summary){broken}", i)
            continue
        # plain dict lookups: FeedParserDict maps a missing 'updated' to 'published' with a DeprecationWarning
        get = dict.get
        title = get(e, "title") or None
        yield Entry(
            index=i, text=text, title=fragment_text(title) if title else None, url=get(e, "link") or None,
            id=get(e, "id") or get(e, "guid") or None,
            published=iso_date(get(e, "published_parsed") or get(e, "updated_parsed") or get(e, "published")
                               or get(e, "updated")),
            author=get(e, "author") or None,
            tags=[t.get("term") for t in get(e, "tags") or [] if t.get("term")],
            language=feed_lang, summary_only=not any((c.get("value") or "").strip() for c in get(e, "content") or []),
        )


def _json_feed(data: bytes) -> Iterator[Union[Entry, FeedProblem]]:
    """JSON Feed 1.0/1.1 (jsonfeed.org): feedparser 6.0 does not read it, and the format is small."""
    import json

    try:
        feed = json.loads(data.decode("utf-8", errors="replace"))
    except ValueError as e:
        yield FeedProblem(f"broken JSON feed: {_one_line(e)}")
        return
    items = feed.get("items") if isinstance(feed, dict) else None
    if not isinstance(items, list):
        yield FeedProblem("broken JSON feed: no 'items' list")
        return
    if not items:
        yield FeedProblem("feed has no entries")
        return
    feed_lang = str(feed.get("language") or "").split("-")[0].lower() or None
    for i, item in enumerate(items):
        if not isinstance(item, dict):
            yield FeedProblem("feed entry is not a JSON object", i)
            continue
        html_part, text_part = item.get("content_html"), item.get("content_text")
        text = fragment_text(html_part) if isinstance(html_part, str) and html_part.strip() else \
            fragment_text(str(text_part or item.get("summary") or "").replace("<", "&lt;"))
        if not text.strip():
            yield FeedProblem("feed entry has no text (neither content nor summary)", i)
            continue
        authors = item.get("authors") or ([item["author"]] if isinstance(item.get("author"), dict) else [])
        names = [a.get("name") for a in authors if isinstance(a, dict) and a.get("name")]
        yield Entry(index=i, text=text, title=str(item["title"]) if item.get("title") else None,
                    url=item.get("url") or item.get("external_url") or None,
                    id=str(item["id"]) if item.get("id") not in (None, "") else None,
                    published=iso_date(item.get("date_published") or item.get("date_modified")),
                    author=", ".join(names) or None,
                    tags=[str(t) for t in item.get("tags") or [] if t],
                    language=str(item.get("language") or "").split("-")[0].lower() or feed_lang,
                    summary_only=not (html_part or text_part))


def _best_content(e) -> str:
    """The full HTML content when the entry has it, else its summary; the longest content part wins."""
    contents = [c.get("value") or "" for c in e.get("content") or []]
    contents = [c for c in contents if c.strip()]
    if contents:
        return max(contents, key=len)
    return e.get("summary") or e.get("description") or ""


def _one_line(e) -> str:
    return " ".join(str(e or "").split())[:200]
