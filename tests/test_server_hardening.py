"""The server as an attacker and a careless client meet it: addresses it must not fetch in any of their
spellings, network failures, broken Unicode, odd article ids, foreign Host names, and the headers
that keep pages from being framed or injected."""
from __future__ import annotations

import http.server
import ipaddress
import logging
import socket
import threading
import time
import warnings
from urllib.parse import quote

import pytest

warnings.filterwarnings("ignore", message=".*httpx.*", category=DeprecationWarning)
from fastapi.testclient import TestClient  # noqa: E402

from detente.ingest import guard  # noqa: E402
from detente.server.app import create_app  # noqa: E402
from detente.server.headers import CSP, host_name  # noqa: E402
from detente.server.limits import Limits, UnsafeURL, check_url  # noqa: E402
from detente.store import Store  # noqa: E402
from support.api_articles import api_article, api_corpus  # noqa: E402
from support.api_client import localhost_client  # noqa: E402
from support.servers import detente_serve_process  # noqa: E402


def _resolver(*addrs, names=None):
    """getaddrinfo stand-in: every name gives `addrs`, or its own entry in `names`; an address itself."""
    def resolve(host, port, type=0):
        try:
            found = [str(ipaddress.ip_address(host))]
        except ValueError:
            found = (names or {}).get(host, addrs)
        if not found:
            raise socket.gaierror(f"{host}: name not known")
        return [(socket.AF_INET6 if ":" in a else socket.AF_INET, socket.SOCK_STREAM, 6, "", (a, port)) for a in found]
    return resolve


# --- which addresses are refused ------------------------------------------------------------------

@pytest.mark.parametrize("addr", [
    "64:ff9b::a9fe:a9fe",          # NAT64 of the metadata address 169.254.169.254
    "64:ff9b::7f00:1",             # NAT64 of loopback
    "64:ff9b::a00:1",              # NAT64 of 10.0.0.1
    "64:ff9b:1::a9fe:a9fe",        # local-use NAT64 prefix
    "2002:7f00:1::",               # 6to4 of 127.0.0.1
    "2002:a9fe:a9fe::1",           # 6to4 of the metadata address
    "2002:c0a8:1::1",              # 6to4 of 192.168.0.1
    "2001:0:4136:e378:8000:63bf:3fff:fdd2",  # Teredo
    "::ffff:169.254.169.254",      # IPv4-mapped
    "::ffff:10.0.0.1",
    "::127.0.0.1",                 # IPv4-compatible (deprecated)
    "fec0::1",                     # site-local
    "fe80::1%eth0",                # link-local with a zone
    "ff02::1", "224.0.0.1",        # multicast
    "240.0.0.1", "198.18.0.1", "192.0.0.170", "100.100.100.200", "::", "fd00:ec2::254",
])
def test_every_spelling_of_a_non_public_address_is_refused(addr):
    with pytest.raises(UnsafeURL, match="non-public"):
        check_url("http://news.example/a", resolve=_resolver(addr))


@pytest.mark.parametrize("addr", ["93.184.216.34", "2606:4700::1111", "64:ff9b::808:808", "2002:808:808::1",
                                  "::ffff:8.8.8.8"])
def test_public_addresses_in_any_form_are_allowed(addr):
    assert check_url("https://news.example/a", resolve=_resolver(addr)) == "https://news.example/a"


def test_a_name_with_one_private_address_among_public_ones_is_refused():
    with pytest.raises(UnsafeURL, match="10.0.0.7"):
        check_url("http://mixed.example/", resolve=_resolver("93.184.216.34", "10.0.0.7"))


@pytest.mark.parametrize("url", ["http://[::1/", "http://news.example:99999/", "http://news.example:x/"])
def test_malformed_urls_are_refused_not_crashed(url):
    with pytest.raises(UnsafeURL):
        check_url(url, resolve=_resolver("93.184.216.34"))


# --- fetching through the API: every hop checked, connections pinned, failures as 502 -----------

UPSTREAM = "127.0.0.2"  # the test server's address, the one non-public address the fetching tests allow


class _Upstream(http.server.BaseHTTPRequestHandler):
    seen: list = []

    def do_GET(self):  # noqa: N802 - the stdlib's name
        _Upstream.seen.append((self.path, self.headers.get("Host")))
        if self.path.startswith("/to/"):
            self.send_response(302)
            self.send_header("Location", self.path[len("/to/"):])
            self.end_headers()
            return
        if self.path == "/slow":
            time.sleep(2)
        body = ("<html><head><title>Talks resume</title></head><body><article><h1>Talks resume</h1><p>NEW DELHI -- "
                "India and Pakistan resumed talks on Friday after a year of tension along the border, diplomats "
                "from both countries said in separate statements.</p></article></body></html>").encode()
        self.send_response(200)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args):
        pass


@pytest.fixture(scope="module")
def upstream():
    srv = http.server.ThreadingHTTPServer((UPSTREAM, 0), _Upstream)
    threading.Thread(target=srv.serve_forever, daemon=True).start()
    yield srv.server_address[1]
    srv.shutdown()


@pytest.fixture
def fetching(tmp_path, monkeypatch, upstream):
    """A fetching app whose resolver knows pub.test (the test server, standing in for a public host:
    the address rules are relaxed for its address only), rebind.test (10.0.0.1) and nat64.test."""
    real = guard.refusal
    monkeypatch.setattr(guard, "refusal", lambda ip: None if ip == ipaddress.ip_address(UPSTREAM) else real(ip))
    _Upstream.seen.clear()
    with Store(str(tmp_path / "f.duckdb")) as s:
        app = create_app(store=s, allow_fetch=True, limits=Limits(fetch_timeout_s=0.5))
        app.state.backend.resolve = _resolver(names={"pub.test": [UPSTREAM], "rebind.test": ["10.0.0.1"],
                                                     "nat64.test": ["64:ff9b::a9fe:a9fe"], "gone.test": []})
        with localhost_client(app) as c:
            yield c, f"http://pub.test:{upstream}"


def test_fetch_connects_to_the_checked_address_and_keeps_the_name(fetching):
    c, base = fetching
    r = c.post("/api/code", json={"url": f"{base}/page"})
    assert r.status_code == 200, r.text
    assert "resumed talks" in r.json()["article"]["text"]
    # pub.test is no real name: the page came through the address the check approved, asked for by name
    assert _Upstream.seen == [("/page", base.split("//")[1])]


@pytest.mark.parametrize("hop", ["http://nat64.test/latest", "http://[64:ff9b::a9fe:a9fe]/latest",
                                 "http://[2002:7f00:1::]/", "http://rebind.test/admin", "http://169.254.169.254/"])
def test_every_redirect_hop_is_checked(fetching, hop):
    c, base = fetching
    r = c.post("/api/code", json={"url": f"{base}/to/{hop}"})
    assert r.status_code == 400 and "non-public" in r.json()["detail"]
    assert [p for p, _ in _Upstream.seen] == [f"/to/{hop}"]  # the first hop only; nothing reached the second


def test_network_errors_are_a_502_with_one_line(fetching, upstream, caplog):
    c, base = fetching
    with socket.socket() as s:
        s.bind((UPSTREAM, 0))
        closed = s.getsockname()[1]  # nothing listens once the socket closes
    caplog.set_level(logging.INFO)
    for url, why in [(f"http://pub.test:{closed}/", "ConnectError"), (f"{base}/slow", "Timeout")]:
        r = c.post("/api/code", json={"url": url})
        assert r.status_code == 502, r.text
        detail = r.json()["detail"]
        assert why in detail and "pub.test" in detail and "\n" not in detail
        assert r.headers["content-type"] == "application/json"
    assert not [rec for rec in caplog.records if rec.exc_info], "a network error is not a crash: no traceback"


def test_a_name_that_does_not_resolve_is_refused(fetching):
    c, _ = fetching
    r = c.post("/api/code", json={"url": "http://gone.test/"})
    assert r.status_code == 400 and "does not resolve" in r.json()["detail"]


# --- invalid Unicode ------------------------------------------------------------------------------

@pytest.mark.parametrize("field,raw", [("text", r'{"text": "Pakistan \ud800 met India."}'),
                                       ("title", r'{"text": "Pakistan met India.", "title": "a \udfff"}'),
                                       ("id", r'{"text": "Pakistan met India.", "id": "x\ud83d"}'),
                                       ("html", r'{"html": "<p>Pakistan \udc00 met India.</p>"}')])
def test_lone_surrogates_in_json_are_a_422(client_store, field, raw):
    c, _ = client_store
    r = c.post("/api/code", content=raw.encode(), headers={"content-type": "application/json"})
    assert r.status_code == 422, r.text
    [error] = r.json()["detail"]
    assert error["loc"] == ["body", field] and ("surrogate" in error["msg"] or "unicode" in error["msg"])


def test_encoded_surrogates_in_a_path_are_not_a_crash(client_store):
    c, _ = client_store
    assert c.get("/api/articles/%ED%A0%80").status_code == 404
    assert c.get("/api/article?id=%ED%A0%80").status_code == 404


# --- article ids with any characters ------------------------------------------------------------

ODD_IDS = ["https://news.example/2025/05/talks?id=7#top", "a/../b", "a//b/", "100% sure", "über/ü 1", "..",
           "tag:example.org,2025:/x;y=z", "sp ace/and+plus"]


@pytest.fixture(scope="module")
def client_store(tmp_path_factory):
    with Store(str(tmp_path_factory.mktemp("ids") / "i.duckdb")) as s:
        for art in api_corpus():
            s.add(art)
        for n, aid in enumerate(ODD_IDS):
            s.add(api_article(aid, f"Pakistan shelled India at dawn. Story {n}.", "2025-05-03",
                               [("PAK", "190", "Use conventional military force", -10.0, 4, "IND", "shelled",
                                 "2025-05-02", False)]))
        with localhost_client(create_app(store=s)) as c:
            yield c, s


@pytest.mark.parametrize("aid", ODD_IDS)
def test_any_article_id_is_reachable(client_store, aid):
    c, _ = client_store
    by_query = c.get("/api/article", params={"id": aid})
    assert by_query.status_code == 200 and by_query.json()["id"] == aid
    if aid not in (".", ".."):  # a lone dot segment is folded by every URL client
        by_path = c.get(f"/api/articles/{quote(aid, safe='')}")
        assert by_path.status_code == 200 and by_path.json()["id"] == aid
    events = c.get("/api/events", params={"article": aid}).json()["items"]
    assert [e["article_id"] for e in events] == [aid]


def test_slashes_may_stand_unencoded_in_the_path(client_store):
    c, _ = client_store
    r = c.get("/api/articles/a//b/")
    assert r.status_code == 200 and r.json()["id"] == "a//b/"
    assert c.get("/api/articles/no/such/id").status_code == 404


# --- Host allow-list and headers ------------------------------------------------------------------

@pytest.mark.parametrize("value,name", [("localhost:8000", "localhost"), ("[::1]:8000", "::1"), ("News.Example.", "news.example"),
                                        ("127.0.0.1", "127.0.0.1")])
def test_host_name(value, name):
    assert host_name(value) == name


@pytest.mark.parametrize("host,allowed", [
    ("localhost", True), ("localhost:8000", True), ("127.0.0.1:8000", True), ("[::1]:8000", True),
    ("10.1.2.3:8000", True), ("dash.example", True), ("DASH.example:443", True),
    ("evil.example", False), ("localhost.evil.example", False), ("dash.example.evil", False), ("", False)])
def test_only_allowed_host_names_are_answered(tmp_path, host, allowed):
    with Store(str(tmp_path / "h.duckdb")) as s, TestClient(create_app(store=s, allowed_hosts=["dash.example"])) as c:
        r = c.get("/api/stats", headers={"host": host})
        assert r.status_code == (200 if allowed else 400), r.text
        if not allowed:
            assert "Host" in r.json()["detail"]
        assert r.headers["x-frame-options"] == "DENY"


def test_a_star_allows_any_host(tmp_path):
    with Store(str(tmp_path / "h.duckdb")) as s, TestClient(create_app(store=s, allowed_hosts=["*"])) as c:
        assert c.get("/api/stats", headers={"host": "anything.example"}).status_code == 200


def test_every_response_carries_csp_and_frame_options(client_store):
    c, _ = client_store
    responses = [c.get(p) for p in ("/", "/static/app.js", "/static/app.css", "/api/stats", "/openapi.json",
                                    "/api/articles/nope", "/api/events?start=2025-02-30", "/nowhere", "/docs",
                                    "/redoc")]
    responses.append(c.post("/api/code", content=b"{" + b" " * 3_000_000 + b"}",
                            headers={"content-type": "application/json"}))
    assert [r.status_code for r in responses] == [200, 200, 200, 200, 200, 404, 422, 404, 200, 200, 413]
    for r in responses:
        assert r.headers["x-frame-options"] == "DENY", r.url
        assert "frame-ancestors 'none'" in r.headers["content-security-policy"], r.url
        assert r.headers["x-content-type-options"] == "nosniff"
    page = responses[0].headers["content-security-policy"]
    assert page == CSP and "unsafe-inline" not in page and "script-src 'self'" in page


def test_serve_takes_allowed_hosts():
    from detente.cli import build_parser

    args = build_parser().parse_args(["serve", "--allowed-host", "dash.example", "--allowed-host", "news.internal"])
    assert args.allowed_host == ["dash.example", "news.internal"] and args.host == "127.0.0.1"


@pytest.mark.slow
def test_serve_refuses_a_rebound_name(tmp_path):
    import urllib.error
    import urllib.request

    def status(base, host):
        req = urllib.request.Request(base + "/api/stats", headers={"Host": host})
        try:
            with urllib.request.urlopen(req, timeout=30) as r:
                return r.status, r.headers
        except urllib.error.HTTPError as e:
            return e.code, e.headers

    with detente_serve_process(tmp_path / "s.duckdb", "--allowed-host", "dash.example") as (base, _):
        assert status(base, "attacker.example")[0] == 400
        code, headers = status(base, "dash.example:8000")
        assert code == 200 and headers["X-Frame-Options"] == "DENY"
        assert status(base, base.split("//")[1])[0] == 200
