"""Which Host names the server answers to, and what every response tells the browser.

A page on an attacker's site can make a browser talk to a server on the user's loopback or LAN by
pointing a name it controls at that address (DNS rebinding); the request then carries the attacker's
name in `Host`. So the server answers only to the names it was told it has (`serve --host`,
`--allowed-host`), to loopback names, and to IP literals (a page whose origin is an IP literal is
served by that address, so no rebinding is involved). Every response carries a Content-Security-Policy
(scripts, styles and requests from this server only; no framing) and the matching older headers.
"""
from __future__ import annotations

import ipaddress
import json
from typing import Iterable, Optional

LOOPBACK_NAMES = ("localhost", "127.0.0.1", "::1")

# The dashboard loads its scripts and styles from /static and builds the page with DOM calls.
CSP = ("default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; "
       "font-src 'self'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'")
# FastAPI's /docs and /redoc pages start their bundles with an inline script or style, and ReDoc runs a
# worker from a blob; they show the OpenAPI document only, never stored data.
DOCS_CSP = ("default-src 'none'; script-src 'self' 'unsafe-inline'; style-src 'self' 'unsafe-inline'; "
            "img-src 'self' data:; connect-src 'self'; font-src 'self' data:; worker-src 'self' blob:; "
            "base-uri 'none'; form-action 'self'; frame-ancestors 'none'")
DOCS_PATHS = ("/docs", "/redoc")


def _headers(csp: str) -> list[tuple[bytes, bytes]]:
    return [(b"content-security-policy", csp.encode()), (b"x-frame-options", b"DENY"),
            (b"x-content-type-options", b"nosniff"), (b"referrer-policy", b"no-referrer")]


PAGE_HEADERS, DOCS_HEADERS = _headers(CSP), _headers(DOCS_CSP)


def host_name(value: str) -> str:
    """The name in a Host header, without port or IPv6 brackets, lower case, no trailing dot."""
    value = value.strip().lower()
    if value.startswith("["):
        return value[1:value.find("]")] if "]" in value else value
    if value.count(":") == 1:
        value = value.split(":", 1)[0]
    return value.rstrip(".")


def _is_ip(name: str) -> bool:
    try:
        ipaddress.ip_address(name.split("%", 1)[0])
        return True
    except ValueError:
        return False


class Guard:
    """ASGI middleware: refuses a Host not on the allow-list (400, JSON) and adds the security headers
    to every response. `allowed_hosts` None means the loopback names only; "*" allows any Host."""

    def __init__(self, app, allowed_hosts: Optional[Iterable[str]] = None):
        self.app = app
        names = {host_name(h) for h in (allowed_hosts or ())} | set(LOOPBACK_NAMES)
        self.any_host = "*" in names
        self.allowed = frozenset(names)

    def allows(self, host: Optional[str]) -> bool:
        if self.any_host:
            return True
        if not host:
            return False
        name = host_name(host)
        return name in self.allowed or _is_ip(name)

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http":
            return await self.app(scope, receive, send)
        path = scope.get("path", "")
        extra = DOCS_HEADERS if path.startswith(DOCS_PATHS) else PAGE_HEADERS
        host = next((v.decode("latin-1") for k, v in scope.get("headers", ()) if k == b"host"), None)
        if not self.allows(host):
            shown = (host or "")[:100]
            body = json.dumps({"detail": f"this server does not answer to Host {shown!r} "
                                         f"(start it with --allowed-host NAME to add a name)"}).encode()
            await send({"type": "http.response.start", "status": 400,
                        "headers": [(b"content-type", b"application/json"),
                                    (b"content-length", str(len(body)).encode()), *extra]})
            await send({"type": "http.response.body", "body": body})
            return

        async def send_with_headers(message):
            if message["type"] == "http.response.start":
                present = {k.lower() for k, _ in message.get("headers", ())}
                message = {**message, "headers": [*message.get("headers", ()),
                                                  *(h for h in extra if h[0] not in present)]}
            await send(message)

        return await self.app(scope, receive, send_with_headers)
