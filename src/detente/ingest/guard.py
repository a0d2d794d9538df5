"""Which URLs detente may fetch on someone else's say-so: public http(s) addresses only.

The server applies it to URLs posted to it, and `watch` to the article links a feed hands it, so that
neither can be pointed at loopback or the local network.
"""
from __future__ import annotations

import ipaddress
import socket
from urllib.parse import urlsplit


class UnsafeURL(ValueError):
    pass


def check_url(url: str, resolve=socket.getaddrinfo) -> str:
    """Refuse URLs detente must never fetch for others: other schemes, and hosts on loopback, private,
    link-local or otherwise non-public addresses (every address the name resolves to is checked).

    Returns the URL unchanged when it may be fetched; raises UnsafeURL with the reason otherwise.
    """
    parts = urlsplit(url.strip())
    if parts.scheme not in ("http", "https"):
        raise UnsafeURL("only http and https URLs can be fetched")
    host = parts.hostname
    if not host:
        raise UnsafeURL("the URL has no host")
    if parts.username or parts.password:
        raise UnsafeURL("URLs with credentials are refused")
    try:
        port = parts.port or (443 if parts.scheme == "https" else 80)
    except ValueError:
        raise UnsafeURL("the URL's port is not a number")
    try:
        infos = resolve(host, port, type=socket.SOCK_STREAM)
    except (socket.gaierror, UnicodeError, OSError) as e:
        raise UnsafeURL(f"the host {host!r} does not resolve ({e})")
    addrs = {info[4][0] for info in infos}
    if not addrs:
        raise UnsafeURL(f"the host {host!r} does not resolve")
    for a in addrs:
        ip = ipaddress.ip_address(a.split("%", 1)[0])
        if isinstance(ip, ipaddress.IPv6Address) and ip.ipv4_mapped:
            ip = ip.ipv4_mapped
        if not ip.is_global or ip.is_multicast:
            raise UnsafeURL(f"the host {host!r} is a non-public address ({ip}); refused")
    return url
