"""Guards that keep one request from taking the server down: body size, work per request, URL targets."""
from __future__ import annotations

import ipaddress
import json
import socket
import threading
from dataclasses import dataclass
from typing import Optional
from urllib.parse import urlsplit


@dataclass
class Limits:
    max_body_bytes: int = 2 * 1024 * 1024  # a long HTML page with its furniture fits; a dump does not
    max_text_chars: int = 100_000  # spaCy's small model codes this in a few seconds on one core
    coding_slots: int = 1  # coding runs at once; the rest get 429 instead of queueing without bound
    coding_wait_s: float = 5.0  # how long a request waits for a free slot before it is told to retry
    fetch_timeout_s: float = 10.0
    fetch_max_redirects: int = 3


class BodyLimit:
    """ASGI middleware answering 413 with a JSON body when a request body exceeds `max_bytes`.

    Checks Content-Length first and also counts streamed (chunked) bodies, which carry no length.
    """

    def __init__(self, app, max_bytes: int):
        self.app = app
        self.max_bytes = max_bytes

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http":
            return await self.app(scope, receive, send)
        for name, value in scope.get("headers", ()):
            if name == b"content-length":
                try:
                    declared = int(value)
                except ValueError:
                    return await _json(send, 400, "Content-Length is not a number")
                if declared > self.max_bytes:
                    return await _too_large(send, self.max_bytes)
        # Read the body up front so an oversized stream is refused before any handler sees it.
        chunks, size = [], 0
        while True:
            msg = await receive()
            if msg["type"] == "http.disconnect":
                return
            body = msg.get("body", b"")
            size += len(body)
            if size > self.max_bytes:
                return await _too_large(send, self.max_bytes)
            chunks.append(body)
            if not msg.get("more_body"):
                break
        replay = [{"type": "http.request", "body": b"".join(chunks), "more_body": False}]

        async def receive_again():
            return replay.pop() if replay else await receive()

        return await self.app(scope, receive_again, send)


async def _too_large(send, limit: int):
    await _json(send, 413, f"request body over {limit} bytes")


async def _json(send, status: int, detail: str):
    body = json.dumps({"detail": detail}).encode()
    await send({"type": "http.response.start", "status": status,
                "headers": [(b"content-type", b"application/json"), (b"content-length", str(len(body)).encode())]})
    await send({"type": "http.response.body", "body": body})


class CodingSlots:
    """A bounded number of coding jobs at once; `acquire` gives up after a wait so callers can answer 429."""

    def __init__(self, n: int, wait_s: float):
        self._sem = threading.BoundedSemaphore(max(1, n))
        self._wait = wait_s

    def acquire(self) -> bool:
        return self._sem.acquire(timeout=self._wait)

    def release(self) -> None:
        self._sem.release()


class UnsafeURL(ValueError):
    pass


@dataclass
class Target:
    """A URL cleared for fetching, with the checked address the connection must go to (not a second
    lookup of the name, which could answer differently: DNS rebinding)."""
    url: str
    host: str
    port: int
    address: str


_NAT64 = ipaddress.ip_network("64:ff9b::/96")  # RFC 6052: the IPv4 address is the last 32 bits
_NAT64_LOCAL = ipaddress.ip_network("64:ff9b:1::/48")  # RFC 8215: a network's own translator
_IPV4_COMPATIBLE = ipaddress.ip_network("::/96")  # deprecated ::a.b.c.d


def refusal(ip) -> Optional[str]:
    """Why the server must not connect to this address, or None when it is public.

    IPv6 forms that carry an IPv4 address (IPv4-mapped, IPv4-compatible, NAT64, 6to4) are judged by
    that address: `64:ff9b::a9fe:a9fe` reaches 169.254.169.254 through a NAT64 gateway. Teredo and
    local-use NAT64 addresses are refused outright (tunnels into networks we cannot judge)."""
    if isinstance(ip, ipaddress.IPv6Address):
        inner = _embedded_ipv4(ip)
        if inner is not None:
            why = refusal(inner)
            return f"{why} {inner} inside it" if why else None
        if ip.teredo:
            return "a Teredo tunnel address"
        if ip in _NAT64_LOCAL:
            return "a local-use NAT64 address"
        if ip.is_site_local:
            return "site-local"
    for kind in ("loopback", "unspecified", "link_local", "multicast", "private", "reserved"):
        if getattr(ip, f"is_{kind}"):
            return kind.replace("_", "-")
    return None if ip.is_global else "not globally routable"


def _embedded_ipv4(ip: ipaddress.IPv6Address) -> Optional[ipaddress.IPv4Address]:
    if ip.ipv4_mapped or ip.sixtofour:
        return ip.ipv4_mapped or ip.sixtofour
    if ip in _NAT64 or (ip in _IPV4_COMPATIBLE and int(ip) > 1):  # :: and ::1 are themselves
        return ipaddress.IPv4Address(int(ip) & 0xFFFFFFFF)
    return None


def check_url(url: str, resolve=socket.getaddrinfo) -> str:
    """`url` unchanged when the server may fetch it; UnsafeURL with the reason otherwise."""
    return public_target(url, resolve).url


def public_target(url: str, resolve=socket.getaddrinfo) -> Target:
    """Refuse URLs the server must never fetch: other schemes, credentials, and hosts that resolve to
    any address `refusal` objects to (every address the name resolves to is checked, so a name with
    one public and one private address is refused)."""
    try:
        parts = urlsplit(url.strip())
        host, port = parts.hostname, parts.port
    except ValueError as e:  # a malformed [IPv6] host or a port that is not a number
        raise UnsafeURL(f"the URL is malformed ({e})")
    if parts.scheme not in ("http", "https"):
        raise UnsafeURL("only http and https URLs can be fetched")
    if not host:
        raise UnsafeURL("the URL has no host")
    if parts.username or parts.password:
        raise UnsafeURL("URLs with credentials are refused")
    port = port or (443 if parts.scheme == "https" else 80)
    try:
        infos = resolve(host, port, type=socket.SOCK_STREAM)
    except (socket.gaierror, UnicodeError, OSError) as e:
        raise UnsafeURL(f"the host {host!r} does not resolve ({e})")
    addrs = list(dict.fromkeys(info[4][0] for info in infos))
    if not addrs:
        raise UnsafeURL(f"the host {host!r} does not resolve")
    for a in addrs:
        ip = ipaddress.ip_address(a.split("%", 1)[0])
        why = refusal(ip)
        if why:
            raise UnsafeURL(f"the host {host!r} is a non-public address ({ip}: {why}); refused")
    return Target(url.strip(), host, port, addrs[0].split("%", 1)[0])
