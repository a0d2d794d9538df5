"""URLs -> bytes, with a timeout and a size limit (the standard library is enough for one GET).

`fetch` is one plain GET; `fetch_if_changed` is the conditional GET a poller makes (ETag /
Last-Modified), where an unchanged resource costs a 304 and no body. Both can take a `guard` that
every URL, redirects included, must pass before it is requested.
"""
from __future__ import annotations

import re
import socket
import urllib.error
import urllib.request
from dataclasses import dataclass
from typing import Callable, Optional

from ..version import __version__ as _version

URL = re.compile(r"https?://\S+", re.I)
USER_AGENT = f"detente/{_version} (+https://github.com/detente; news event coder)"
_CHUNK = 1 << 16
_ACCEPT = ("text/html,application/xhtml+xml,application/xml;q=0.9,application/rss+xml,application/atom+xml,"
           "*/*;q=0.5")


class FetchError(Exception):
    """One-line reason a URL could not be fetched."""


@dataclass
class Response:
    body: bytes
    content_type: Optional[str]
    url: str  # after redirects
    etag: Optional[str] = None
    last_modified: Optional[str] = None


def fetch(url: str, timeout: float = 10, max_bytes: int = 20_000_000,
          guard: Optional[Callable[[str], object]] = None) -> tuple[bytes, Optional[str], str]:
    """(body, content type, final URL after redirects); raises FetchError with a one-line reason."""
    r = _get(url, {}, timeout, max_bytes, guard)
    assert r is not None  # no validators sent, so no 304
    return r.body, r.content_type, r.url


def fetch_if_changed(url: str, etag: Optional[str] = None, last_modified: Optional[str] = None,
                     timeout: float = 10, max_bytes: int = 20_000_000,
                     guard: Optional[Callable[[str], object]] = None) -> Optional[Response]:
    """The resource, or None when the server says it has not changed since `etag` / `last_modified`."""
    headers = {}
    if etag:
        headers["If-None-Match"] = etag
    if last_modified:
        headers["If-Modified-Since"] = last_modified
    return _get(url, headers, timeout, max_bytes, guard)


class _Guarded(urllib.request.HTTPRedirectHandler):
    def __init__(self, guard: Callable[[str], object]):
        self.guard = guard

    def redirect_request(self, req, fp, code, msg, headers, newurl):
        _check(self.guard, newurl)  # each hop, so a public URL cannot bounce the request inward
        return super().redirect_request(req, fp, code, msg, headers, newurl)


def _check(guard: Callable[[str], object], url: str) -> None:
    try:
        guard(url)
    except ValueError as e:
        raise FetchError(f"refused: {e}") from None


def _get(url: str, headers: dict, timeout: float, max_bytes: int,
         guard: Optional[Callable[[str], object]]) -> Optional[Response]:
    req = urllib.request.Request(url, headers={"User-Agent": USER_AGENT, "Accept-Encoding": "identity",
                                               "Accept": _ACCEPT, **headers})
    opener = urllib.request.build_opener(*([_Guarded(guard)] if guard else []))
    try:
        if guard:
            _check(guard, url)
        with opener.open(req, timeout=timeout) as resp:
            declared = resp.headers.get("Content-Length")
            if declared and declared.isdigit() and int(declared) > max_bytes:
                raise FetchError(f"too large: {int(declared):,} bytes (limit {max_bytes:,})")
            chunks, size = [], 0
            while True:
                chunk = resp.read(_CHUNK)
                if not chunk:
                    break
                size += len(chunk)
                if size > max_bytes:
                    raise FetchError(f"too large: more than {max_bytes:,} bytes")
                chunks.append(chunk)
            return Response(b"".join(chunks), resp.headers.get_content_type(), resp.geturl(),
                            resp.headers.get("ETag"), resp.headers.get("Last-Modified"))
    except FetchError:
        raise
    except urllib.error.HTTPError as e:
        if e.code == 304 and headers:
            e.close()
            return None
        raise FetchError(f"HTTP {e.code} {e.reason}") from None
    except urllib.error.URLError as e:
        reason = e.reason
        if isinstance(reason, (socket.timeout, TimeoutError)):
            raise FetchError(f"timed out after {timeout:g} s") from None
        raise FetchError(f"cannot fetch: {reason}") from None
    except (socket.timeout, TimeoutError):
        raise FetchError(f"timed out after {timeout:g} s") from None
    except (OSError, ValueError) as e:
        raise FetchError(f"cannot fetch: {e}") from None
