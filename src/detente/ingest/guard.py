"""Which URLs detente may fetch on someone else's say-so: public http(s) addresses only.

The server applies it to URLs posted to it (and to each redirect hop, connecting to the checked address),
and `watch` to the article links a feed hands it, so that neither can be pointed at loopback or the
local network in any of an address's spellings.
"""
from __future__ import annotations

import ipaddress
import socket
from dataclasses import dataclass
from typing import Optional
from urllib.parse import urlsplit


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
        raise UnsafeURL(f"the URL is malformed ({e})") from e
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
        raise UnsafeURL(f"the host {host!r} does not resolve ({e})") from e
    addrs = list(dict.fromkeys(info[4][0] for info in infos))
    if not addrs:
        raise UnsafeURL(f"the host {host!r} does not resolve")
    for a in addrs:
        ip = ipaddress.ip_address(a.split("%", 1)[0])
        why = refusal(ip)
        if why:
            raise UnsafeURL(f"the host {host!r} is a non-public address ({ip}: {why}); refused")
    return Target(url.strip(), host, port, addrs[0].split("%", 1)[0])
