"""The HTTP API over a real store filled with hand-made coded articles (no coder output needed)."""
from __future__ import annotations

import importlib.util
import socket

import pytest

from detente.server.api import period_bounds
from detente.server.app import create_app
from detente.server.limits import Limits, UnsafeURL, check_url
from detente.store import Store
from support.api_articles import api_corpus
from support.api_client import localhost_client


@pytest.fixture(scope="module")
def store(tmp_path_factory):
    s = Store(str(tmp_path_factory.mktemp("store") / "t.duckdb"))
    for art in api_corpus():
        assert not art.offset_errors()
        s.add(art)
    yield s
    s.close()


@pytest.fixture(scope="module")
def client(store):
    with localhost_client(create_app(store=store, limits=Limits(max_body_bytes=50_000, max_text_chars=5_000))) as c:
        yield c


def test_articles_are_paginated(client):
    first = client.get("/api/articles", params={"limit": 1}).json()
    assert len(first["items"]) == 1 and first["next_offset"] == 1
    second = client.get("/api/articles", params={"limit": 1, "offset": 1}).json()
    assert second["next_offset"] is None
    assert {first["items"][0]["id"], second["items"][0]["id"]} == {"art1", "art2"}
    assert client.get("/api/articles", params={"q": "shelled"}).json()["items"][0]["id"] == "art2"


def test_get_article_gives_the_full_record_and_404_as_json(client):
    art = client.get("/api/articles/art1").json()
    trig = art["events"][0]["trigger"]
    assert trig["text"] == "praised" and art["text"][trig["start"]:trig["end"]] == "praised"
    assert art["actors"][0]["mentions"] and art["events"][1]["negated"] is True
    r = client.get("/api/articles/nope")
    assert r.status_code == 404 and "nope" in r.json()["detail"]


def test_events_filters(client):
    ids = lambda **p: sorted((e["article_id"], e["cameo"]) for e in client.get("/api/events", params=p).json()["items"])  # noqa: E731
    assert ids() == [("art1", "051"), ("art2", "036"), ("art2", "190")]  # the negated attack is hidden
    assert ("art1", "190") in ids(negated="all")
    assert ids(negated="true") == [("art1", "190")]
    assert ids(dyad="PAK,IND") == [("art2", "190")]
    assert ids(dyad="IND,PAK", directed="true") == []
    assert ids(cameo="05") == [("art1", "051")]
    assert ids(cameo="05,03") == [("art1", "051"), ("art2", "036")]
    assert ids(actor="usa", start="2025-04-01") == [("art2", "036")]
    page = client.get("/api/events", params={"limit": 2}).json()
    assert len(page["items"]) == 2 and page["next_offset"] == 2
    row = page["items"][0]
    assert row["evidence"] and row["trigger_text"] in row["evidence"]


@pytest.mark.parametrize("params", [{"actor": "U$A"}, {"dyad": "USA"}, {"start": "2025-13-01"}, {"cameo": "abc"},
                                    {"limit": 0}, {"limit": 100000}, {"negated": "maybe"}, {"offset": -1}])
def test_bad_filters_are_422_with_json(client, params):
    r = client.get("/api/events", params=params)
    assert r.status_code == 422 and r.json()["detail"]


def test_dyad_timeline_counts_each_period(client):
    tl = client.get("/api/dyad", params={"a": "USA", "b": "PAK"}).json()
    by = {p["period"]: p for p in tl["periods"]}
    assert by["2025-03-01"]["q1"] == 1 and by["2025-05-01"]["q1"] == 1 and by["2025-04-01"]["n_events"] == 0
    assert by["2025-03-01"]["start"] == "2025-03-01" and by["2025-03-01"]["end"] == "2025-03-31"
    assert tl["trend"] in ("improving", "worsening", "stable")
    conflict = client.get("/api/dyad", params={"a": "PAK", "b": "IND"}).json()["periods"]
    assert [p["q4"] for p in conflict] == [1]  # the negated March attack does not count


def test_network_edges_split_cooperation_and_conflict(client):
    net = client.get("/api/network").json()
    edges = {(e["source"], e["target"]): e for e in net["edges"]}
    assert edges[("PAK", "USA")]["cooperation"] == 2 and edges[("PAK", "USA")]["conflict"] == 0
    assert edges[("IND", "PAK")]["conflict"] == 1
    assert {n["id"] for n in net["nodes"]} == {"USA", "PAK", "IND"}


def test_entities_and_stats(client):
    assert {a["country"] for a in client.get("/api/actors", params={"article": "art1"}).json()["items"]} == \
        {"USA", "PAK", "IND"}
    assert client.get("/api/quotes").json()["items"][0]["text"] == "praised Pakistan"
    assert client.get("/api/places").json()["items"][0]["name"] == "Nowhere"
    actors = client.get("/api/actors", params={"limit": 2, "offset": 1}).json()
    assert len(actors["items"]) == 2 and actors["offset"] == 1
    stats = client.get("/api/stats").json()
    assert stats["articles"] == 2 and stats["events"] == 4 and "path" not in stats


def test_code_rejects_bad_requests_with_json(client):
    cases = [({}, 422), ({"text": "a", "html": "<p>a</p>"}, 422), ({"text": "   "}, 422),
             ({"text": "x" * 6000}, 413), ({"text": "Hi.", "published": "2025-02-30"}, 422),
             ({"text": "Hi.", "colour": "red"}, 422), ({"url": "http://example.org/"}, 403)]
    for body, status in cases:
        r = client.post("/api/code", json=body)
        assert r.status_code == status, (body, r.text)
        assert r.json()["detail"]


def test_oversized_bodies_are_refused_before_parsing(client):
    r = client.post("/api/code", content=b"{" + b" " * 60_000 + b"}", headers={"content-type": "application/json"})
    assert r.status_code == 413 and "bytes" in r.json()["detail"]
    chunks = (b" " * 10_000 for _ in range(8))  # no Content-Length: the stream is counted
    r = client.post("/api/code", content=chunks, headers={"content-type": "application/json"})
    assert r.status_code == 413


def test_code_text_and_store_it(tmp_path):
    text = "ISLAMABAD -- Pakistan's foreign minister met his Indian counterpart on Tuesday, officials said."
    with Store(str(tmp_path / "c.duckdb")) as s, localhost_client(create_app(store=s)) as c:
        r = c.post("/api/code", json={"text": text, "store": True, "published": "2025-06-03"})
        assert r.status_code == 200, r.text
        art, stored = r.json()["article"], r.json()["stored"]
        assert stored is True and art["published"] == "2025-06-03" and "foreign minister" in art["text"]
        for span in [p for p in art["places"]] + [q for q in art["quotes"]]:
            assert art["text"][span["start"]:span["end"]] == span["text"]
        assert c.get(f"/api/articles/{art['id']}").json()["text"] == art["text"]
        again = c.post("/api/code", json={"text": text, "store": True}).json()
        assert again["stored"] is False
        unstored = c.post("/api/code", json={"text": text + " More."}).json()
        assert unstored["stored"] is None and c.get("/api/stats").json()["articles"] == 1


def test_code_html(tmp_path):
    page = ("<html><head><title>Talks resume</title></head><body><nav>Home | World</nav><article><h1>Talks resume"
            "</h1><p>NEW DELHI -- India and Pakistan resumed talks on Friday after a year of tension along the "
            "border, diplomats from both countries said in separate statements to reporters.</p><p>The meeting "
            "took place in a neutral venue and lasted three hours, according to officials.</p></article></body></html>")
    with Store(str(tmp_path / "h.duckdb")) as s, localhost_client(create_app(store=s)) as c:
        r = c.post("/api/code", json={"html": page})
        assert r.status_code == 200, r.text
        art = r.json()["article"]
        assert "resumed talks" in art["text"] and "Home | World" not in art["text"]
        assert c.post("/api/code", json={"html": "<html><body></body></html>"}).status_code == 422


def test_busy_coder_answers_429(tmp_path):
    with Store(str(tmp_path / "b.duckdb")) as s:
        app = create_app(store=s, limits=Limits(coding_wait_s=0.01))
        slots = app.state.backend.slots
        assert slots.acquire()
        try:
            with localhost_client(app) as c:
                r = c.post("/api/code", json={"text": "Pakistan met India."})
            assert r.status_code == 429 and r.headers["retry-after"] and r.json()["detail"]
        finally:
            slots.release()


def _resolver(addr):
    return lambda host, port, type=0: [(socket.AF_INET, socket.SOCK_STREAM, 6, "", (addr, port))]


@pytest.mark.parametrize("url,addr", [
    ("http://localhost/", "127.0.0.1"), ("http://10.1.2.3/", "10.1.2.3"), ("http://x.test/", "192.168.0.5"),
    ("http://meta.test/latest", "169.254.169.254"), ("http://v6.test/", "::1"), ("http://m.test/", "::ffff:127.0.0.1"),
    ("http://cgnat.test/", "100.64.0.1"), ("http://zero.test/", "0.0.0.0")])
def test_fetch_refuses_non_public_addresses(url, addr):
    with pytest.raises(UnsafeURL):
        check_url(url, resolve=_resolver(addr))


@pytest.mark.parametrize("url", ["file:///etc/passwd", "ftp://example.org/", "http://user:pw@example.org/", "http://"])
def test_fetch_refuses_other_schemes_and_forms(url):
    with pytest.raises(UnsafeURL):
        check_url(url, resolve=_resolver("93.184.216.34"))


def test_fetch_allows_public_addresses():
    assert check_url("https://news.example/a?b=1", resolve=_resolver("93.184.216.34")) == "https://news.example/a?b=1"


def test_fetching_when_allowed_still_refuses_loopback(tmp_path):
    with Store(str(tmp_path / "f.duckdb")) as s, localhost_client(create_app(store=s, allow_fetch=True)) as c:
        r = c.post("/api/code", json={"url": "http://127.0.0.1:9/secret"})
        assert r.status_code == 400 and "non-public" in r.json()["detail"]


@pytest.mark.parametrize("period,by,bounds", [
    ("2025-02-01", "month", ("2025-02-01", "2025-02-28")), ("2024-02-01", "month", ("2024-02-01", "2024-02-29")),
    ("2025-03-03", "week", ("2025-03-03", "2025-03-09")), ("2025-10-01", "quarter", ("2025-10-01", "2025-12-31")),
    ("2025-04-07", "day", ("2025-04-07", "2025-04-07")), ("2025", "month", ("2025-01-01", "2025-12-31")),
    ("garbage", "month", (None, None))])
def test_period_bounds(period, by, bounds):
    assert period_bounds(period, by) == bounds


def test_dashboard_and_assets_are_local(client):
    page = client.get("/")
    assert page.status_code == 200 and "text/html" in page.headers["content-type"]
    import re

    for src in re.findall(r'(?:src|href)="([^"#]+)"', page.text):
        assert src.startswith("/"), f"non-local asset {src}"
        if src.startswith("/static/"):
            body = client.get(src)
            # The SVG namespace is a name, not a download; a vendored file's first-line credit is not either.
            text = re.sub(r"^// [^\n]*\n", "", body.text) if src.startswith("/static/vendor/") else body.text
            assert body.status_code == 200 and not re.search(r"https?://(?!www\.w3\.org/2000/svg)", text)
    docs = client.get("/docs").text
    if importlib.util.find_spec("fastapi_offline"):  # without it FastAPI's docs page loads from a CDN
        assert "swagger-ui-bundle.js" in docs and not re.search(r'src="https?://', docs)
    assert client.get("/openapi.json").json()["paths"]["/api/events"]["get"]["parameters"]


def test_codes_lookup(client):
    r = client.get("/api/codes", params={"q": "ceasefire"})
    assert r.status_code == 200
    items = {i["code"]: i for i in r.json()["items"]}
    assert items["0871"]["plover"] == "RETREAT" and items["0871"]["quad_class"] == 2
    roots = client.get("/api/codes", params={"q": "19", "scheme": "cameo"}).json()["items"]
    assert roots and all(i["code"].startswith("19") and i["scheme"] == "CAMEO" for i in roots)
    every = client.get("/api/codes").json()
    assert len(every["items"]) > 250 and any(i["scheme"] == "PLOVER" for i in every["items"])


def test_actor_search_by_name(client):
    r = client.get("/api/actors", params={"q": "pakistan"})
    assert r.status_code == 200
    first = r.json()["items"][0]
    assert first["country"] == "PAK" and first["name"] and "code" in first
    assert client.get("/api/actors", params={"q": "x"}).status_code == 422
    # without q: the stored actors, as before
    assert all("article_id" in a for a in client.get("/api/actors").json()["items"])


def test_event_count_and_map(client):
    every = client.get("/api/events/count").json()
    assert every["n_events"] == len(client.get("/api/events", params={"limit": 1000}).json()["items"])
    narrow = client.get("/api/events/count", params={"start": "2025-05", "end": "2025-05"}).json()
    assert 0 < narrow["n_events"] < every["n_events"]
    assert client.get("/api/events/count", params={"actor": "IND"}).json()["n_events"] < every["n_events"]
    points = client.get("/api/map", params={"negated": "all"}).json()["points"]
    assert points and all(-90 <= p["lat"] <= 90 and -180 <= p["lon"] <= 180 and p["n_events"] >= 1 for p in points)
    assert sum(p["n_events"] for p in points) == client.get(
        "/api/events/count", params={"negated": "all"}).json()["located"]
    assert client.get("/api/map", params={"start": "2030"}).json()["points"] == []


def test_network_by_country(client):
    edges = client.get("/api/network", params={"country": "IND"}).json()["edges"]
    assert edges and all("IND" in (e["source"], e["target"]) for e in edges)


def test_dyad_by_year(client):
    r = client.get("/api/dyad", params={"a": "USA", "b": "PAK", "by": "year"})
    assert r.status_code == 200
    p = r.json()["periods"]
    assert p and p[0]["start"].endswith("-01-01") and p[0]["end"].endswith("-12-31")
