"""One feed's polling: conditional requests, backoff after failures, and its new items as Articles.

A feed that answers 304 (or a local file whose size and time are unchanged) costs no download and
gives nothing. A feed that is down or unreadable gives one error and is tried again after a wait that
doubles with each failure in a row (the interval times 2, 4, ... 32); one success resets it.
"""
from __future__ import annotations

import os
import time
from dataclasses import dataclass, field
from typing import Optional
from urllib.parse import urlsplit

from ..ingest import article_from_entry, article_from_html, feeds
from ..ingest.fetch import URL, FetchError, fetch, fetch_if_changed
from ..ingest.guard import check_url
from ..model import Article, find_headline_end

MAX_BACKOFF = 32  # a failing feed is tried at most this many intervals apart
SUMMARY_CHARS = 1500  # a summary-only entry shorter than this is coded from its linked page


@dataclass
class Limits:
    """The same limits `ingest` puts on URLs."""
    timeout: float = 10
    max_bytes: int = 20_000_000


@dataclass
class FeedState:
    url: str
    etag: Optional[str] = None
    last_modified: Optional[str] = None
    file_stamp: Optional[tuple] = None  # (size, mtime) of a local feed file
    failures: int = 0
    next_due: float = 0.0


@dataclass
class FeedPoll:
    """What one poll of one feed gave: its items (not yet checked against the store) or why not."""
    feed: str
    status: str  # "changed", "unchanged" or "error"
    items: list[Article] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)  # entries that could not be read (one line each)
    summaries: set[str] = field(default_factory=set)  # ids of items whose full text is on their linked page
    error: Optional[str] = None
    downloaded: int = 0  # bytes of feed body received


def poll(state: FeedState, every: float, limits: Limits, now: Optional[float] = None) -> FeedPoll:
    """Poll one feed and schedule its next poll (the interval, or the backoff after a failure)."""
    now = time.monotonic() if now is None else now
    result = _poll(state, limits)
    if result.status == "error":
        state.failures += 1
        state.next_due = now + every * min(2 ** state.failures, MAX_BACKOFF)
    else:
        state.failures = 0
        state.next_due = now + every
    return result


def _poll(state: FeedState, limits: Limits) -> FeedPoll:
    try:
        data = _read(state, limits)
    except (FetchError, OSError) as e:
        return FeedPoll(state.url, "error", error=str(e) if isinstance(e, FetchError) else (e.strerror or str(e)))
    if data is None:
        return FeedPoll(state.url, "unchanged")
    out = FeedPoll(state.url, "changed", downloaded=len(data))
    for e in feeds.entries(data):
        if isinstance(e, feeds.FeedProblem):
            if e.index is None and e.reason != "feed has no entries":
                forget_version(state)  # read it whole next time
                return FeedPoll(state.url, "error", error=e.reason, downloaded=len(data))
            if e.index is not None:
                out.problems.append(f"{state.url}#{e.index + 1}: {e.reason}")
            continue
        art = article_from_entry(e, state.url)
        if e.summary_only and e.url and len(e.text) < SUMMARY_CHARS:
            out.summaries.add(art.id)
        out.items.append(art)
    return out


def forget_version(state: FeedState) -> None:
    """Send no validators next time, so the feed is read whole even if it has not changed."""
    state.etag = state.last_modified = state.file_stamp = None


def _read(state: FeedState, limits: Limits) -> Optional[bytes]:
    """The feed's body, or None when it has not changed since the last poll."""
    if not URL.match(state.url):
        st = os.stat(state.url)
        stamp = (st.st_size, st.st_mtime_ns)
        if stamp == state.file_stamp:
            return None
        if st.st_size > limits.max_bytes:
            raise FetchError(f"too large: {st.st_size:,} bytes (limit {limits.max_bytes:,})")
        with open(state.url, "rb") as f:
            data = f.read()
        state.file_stamp = stamp
        return data
    r = fetch_if_changed(state.url, state.etag, state.last_modified, timeout=limits.timeout,
                         max_bytes=limits.max_bytes)
    if r is None:
        return None
    state.etag, state.last_modified = r.etag, r.last_modified
    return r.body


def full_text(art: Article, feed: str, limits: Limits) -> Article:
    """The article from the page a summary-only entry links to, keeping the entry's id, title and date;
    the summary itself, with a warning, when the page cannot be had. Links to the feed's own host are
    followed; links elsewhere only to public addresses (a feed must not steer detente inward)."""
    feed_host = urlsplit(feed).hostname if URL.match(feed) else None

    def guard(url: str) -> None:
        if not feed_host or urlsplit(url).hostname != feed_host:
            check_url(url)

    try:
        body, _ctype, final = fetch(art.url, timeout=limits.timeout, max_bytes=limits.max_bytes, guard=guard)
        page = article_from_html(body.decode("utf-8", errors="replace"), source=art.source, url=final,
                                 id=art.id, input_kind="feed")
        if page is None:
            raise FetchError("no article text found in the page")
    except FetchError as e:
        art.warnings.append(f"watch: coded from the feed's summary; the linked page could not be read ({e})")
        return art
    page.title = art.title or page.title
    page.headline_end = find_headline_end(page.text, page.title)  # the feed's title may head the text
    page.published = art.published or page.published
    page.tags = page.tags or art.tags
    page.author = page.author or art.author
    page.language = art.language
    return page
