"""What the HTTP layer calls: the store behind one lock, coding behind bounded slots, and URL fetching.

Kept apart from the routes so the same calls serve the JSON API and the dashboard, and so tests can
hand the app any object that keeps the Store contract.
"""
from __future__ import annotations

import json
import socket
import threading
from typing import Any, Optional

from ..model import Article, find_headline_end
from .limits import CodingSlots, Limits, UnsafeURL, public_target


class Busy(Exception):
    """No coding slot came free in time."""


class Rejected(ValueError):
    """The input cannot be coded (empty, unreadable, too long); the message says why."""


class FetchFailed(Exception):
    """The page to fetch could not be reached or read (refused, timed out, reset); one line saying why."""


def frame_records(df) -> list[dict[str, Any]]:
    """DataFrame rows as plain JSON values (NaN -> None, numpy -> Python, timestamps -> ISO)."""
    if df is None or len(df) == 0:
        return []
    return json.loads(df.to_json(orient="records", date_format="iso", force_ascii=False))


class Backend:
    def __init__(self, store, limits: Limits | None = None, allow_fetch: bool = False):
        self.store = store
        self.limits = limits or Limits()
        self.allow_fetch = allow_fetch
        self.resolve = socket.getaddrinfo  # tests hand in their own resolver
        # DuckDB connections are not safe to share across threads; FastAPI runs handlers in a pool.
        self.lock = threading.RLock()
        self.slots = CodingSlots(self.limits.coding_slots, self.limits.coding_wait_s)

    def read(self, method: str, *args, **kwargs):
        with self.lock:
            return getattr(self.store, method)(*args, **kwargs)

    # --- coding -------------------------------------------------------------------------------

    def code(self, *, text: Optional[str] = None, html: Optional[str] = None, url: Optional[str] = None,
             published: Optional[str] = None, title: Optional[str] = None, id: Optional[str] = None,
             store: bool = False) -> tuple[Article, Optional[bool]]:
        """Code one posted document; returns the article and whether it was newly stored (None: not asked)."""
        if url is not None:
            html = self.fetch(url)
        raw = text if text is not None else html
        if raw is None or not raw.strip():
            raise Rejected("nothing to code: give non-empty text, html or url")
        if len(raw) > self.limits.max_text_chars:
            raise Rejected(f"document of {len(raw)} characters is over the limit of {self.limits.max_text_chars}")
        if not self.slots.acquire():
            raise Busy()
        try:
            art = _article_from_html(html, url, id) if text is None else _article_from_text(text, id)
            if id:
                art.id = id
            if title and not art.title:
                art.title = title
                art.headline_end = find_headline_end(art.text, title)  # the text may start with it
            if published:
                art.published = published
            if url:
                art.url = art.url or url
            from ..pipeline import code_articles

            art = next(code_articles([art]))
        finally:
            self.slots.release()
        stored = None
        if store:
            with self.lock:
                stored = bool(self.store.add(art))
        return art, stored

    def fetch(self, url: str) -> str:
        """Fetch a page for coding; off unless the server was started with fetching allowed.

        Each hop (redirects are followed by hand) is resolved once, every address checked, and the
        connection made to the checked address, with the name kept for the Host header and TLS."""
        if not self.allow_fetch:
            raise PermissionError("fetching URLs is off on this server (start it with --allow-fetch)")
        import httpx

        for _ in range(self.limits.fetch_max_redirects + 1):
            target = public_target(url, self.resolve)
            try:
                page = httpx.URL(target.url)
                pinned = page.copy_with(host=target.address)
                # trust_env=False: a proxy from the environment would connect to the name, unchecked
                with httpx.Client(timeout=self.limits.fetch_timeout_s, follow_redirects=False,
                                  trust_env=False) as client:
                    with client.stream("GET", pinned, headers={"User-Agent": "detente", "Host": page.netloc.decode()},
                                       extensions={"sni_hostname": page.host}) as r:
                        if r.is_redirect and r.headers.get("location"):
                            url = str(page.join(r.headers["location"]))
                            continue
                        if r.status_code >= 400:
                            raise Rejected(f"the page answered HTTP {r.status_code}")
                        return _read_body(r, self.limits.max_body_bytes)
            except httpx.InvalidURL as e:
                raise UnsafeURL(f"the URL is malformed ({e})") from e
            except httpx.HTTPError as e:
                reason = (str(e).strip().splitlines() or [""])[0]
                raise FetchFailed(f"fetching {target.host} failed: {type(e).__name__}"
                                  + (f" ({reason})" if reason else "")) from e
        raise UnsafeURL("too many redirects")


def _read_body(r, max_bytes: int) -> str:
    body = bytearray()
    for chunk in r.iter_bytes():
        body += chunk
        if len(body) > max_bytes:
            raise Rejected("the page is over the size limit")
    try:
        return bytes(body).decode(r.encoding or "utf-8", errors="replace")
    except LookupError:  # a charset Python does not know
        return bytes(body).decode("utf-8", errors="replace")


def _article_from_text(text: str, id: Optional[str]) -> Article:
    from ..ingest import article_from_text

    return article_from_text(text, source="api", id=id)


def _article_from_html(html: str, url: Optional[str], id: Optional[str]) -> Article:
    from ..ingest import article_from_html

    art = article_from_html(html, source=url or "api", url=url, id=id)
    if art is None:
        raise Rejected("the HTML holds no article text")
    return art
