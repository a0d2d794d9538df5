"""URLs -> bytes, with a timeout and a size limit (the standard library is enough for one GET)."""
from __future__ import annotations

import re
import socket
import urllib.error
import urllib.request
from typing import Optional

from .. import __version__ as _version

URL = re.compile(r"https?://\S+", re.I)
USER_AGENT = f"detente/{_version} (+https://github.com/detente; news event coder)"
_CHUNK = 1 << 16


class FetchError(Exception):
    """One-line reason a URL could not be fetched."""


def fetch(url: str, timeout: float = 10, max_bytes: int = 20_000_000) -> tuple[bytes, Optional[str], str]:
    """(body, content type, final URL after redirects); raises FetchError with a one-line reason."""
    req = urllib.request.Request(url, headers={"User-Agent": USER_AGENT, "Accept-Encoding": "identity",
                                               "Accept": "text/html,application/xhtml+xml,application/xml;q=0.9,"
                                                         "application/rss+xml,application/atom+xml,*/*;q=0.5"})
    try:
        with urllib.request.urlopen(req, timeout=timeout) as resp:
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
            return b"".join(chunks), resp.headers.get_content_type(), resp.geturl()
    except FetchError:
        raise
    except urllib.error.HTTPError as e:
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
