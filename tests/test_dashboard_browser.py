"""The dashboard in headless Chromium, against a server these tests start on a free loopback port.

Screenshots go to tests/screenshots/ for a person to look at. Needs Debian's chromium at /usr/bin/chromium
(`apt-get install -y chromium chromium-driver`); skipped with the reason when it is absent.
"""
from __future__ import annotations

import contextlib
import os
import socket
import threading
import time
from pathlib import Path

import pytest

from support.browser import CHROMIUM

SHOTS = Path(__file__).parent / "screenshots"
SEED = Path(__file__).parents[1] / "src" / "detente" / "examples" / "seed_article.txt"

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(not os.path.exists(CHROMIUM), reason=f"{CHROMIUM} is absent (apt-get install chromium)"),
]


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def serve(app):
    """Run the app with uvicorn on a free loopback port: yields its base URL, stops it after."""
    import uvicorn

    port = _free_port()
    server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 30
    while not server.started:
        assert time.monotonic() < deadline and thread.is_alive(), "the server did not start"
        time.sleep(0.05)
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        server.should_exit = True
        thread.join(timeout=10)


@contextlib.contextmanager
def serving(store):
    """The app over `store` on a free loopback port, in a thread; yields its base URL."""
    from detente.server.app import create_app

    yield from serve(create_app(store=store))


@pytest.fixture(scope="module")
def base_url(tmp_path_factory):
    from detente.pipeline import code_text
    from detente.store import Store
    from test_server_api import corpus  # the hand-coded articles of the API tests

    code_text("Pakistan met India in Kabul.")  # model and lexicons load before the browser waits on them
    store = Store(str(tmp_path_factory.mktemp("browser") / "b.duckdb"))
    for art in corpus():
        store.add(art)
    with serving(store) as url:
        yield url
    store.close()


def new_page(browser, base_url, width=1440):
    """A page that records script errors, CSP violations and every request leaving for another host."""
    pg = browser.new_page(viewport={"width": width, "height": 1000})
    pg.errors, pg.foreign = [], []
    pg.on("pageerror", lambda e: pg.errors.append(str(e)))
    # The server's Content-Security-Policy must not block anything the dashboard does.
    pg.on("console", lambda m: pg.errors.append(m.text) if "Content Security Policy" in m.text else None)
    pg.on("request", lambda r: None if r.url.startswith(base_url) else pg.foreign.append(r.url))
    pg.set_default_timeout(60_000)
    return pg


@contextlib.contextmanager
def checked_page(browser, base_url, width=1440):
    """new_page, then: no script error happened and nothing was fetched from another host."""
    pg = new_page(browser, base_url, width)
    yield pg
    assert not pg.errors, f"script errors: {pg.errors}"
    assert not pg.foreign, f"requests left the server: {pg.foreign}"
    pg.close()


@pytest.fixture
def page(browser, base_url):
    with checked_page(browser, base_url) as pg:
        yield pg


def _open(page, base_url, hash_):
    page.goto(f"{base_url}/{hash_}")
    page.wait_for_function("h => document.body.dataset.ready === h", arg=hash_)


def _shot(page, name):
    SHOTS.mkdir(exist_ok=True)
    page.screenshot(path=str(SHOTS / name), full_page=True)


def test_paste_the_seed_article_and_see_it_coded(page, base_url):
    from detente.ingest import article_from_text
    from detente.pipeline import code_articles

    text = SEED.read_text(encoding="utf-8")
    expected = next(code_articles([article_from_text(text, source="api")]))
    _open(page, base_url, "#/code")
    page.fill("[data-testid=code-text]", text)
    page.click("#code-submit")
    status = page.wait_for_selector("[data-testid=code-status]", timeout=120_000)
    assert f"{len(expected.events)} events" in status.inner_text()
    # The marked-up text is the article's text exactly: highlighting never moves a character.
    assert page.eval_on_selector("[data-testid=article-text]", "el => el.textContent") == expected.text
    rows = page.query_selector_all("[data-testid=code-result] tr.event-row")
    assert len(rows) == len(expected.events)
    assert len(page.query_selector_all(".seg.m-quote")) >= (1 if expected.quotes else 0)
    if expected.events:
        rows[0].click()
        assert page.query_selector(".seg.hl-trigger") is not None
        assert expected.events[0].trigger.text in page.inner_text("[data-testid=evidence]")
    _shot(page, "code_seed.png")
    # Stored: the article view opens from the link the result gives.
    page.click("text=open in the store")
    page.wait_for_function("() => document.body.dataset.ready.startsWith('#/article/')")
    assert page.eval_on_selector("[data-testid=article-text]", "el => el.textContent") == expected.text


def test_article_view_highlights_an_events_evidence(page, base_url):
    _open(page, base_url, "#/article/art1")
    rows = page.query_selector_all("tr.event-row")
    assert len(rows) == 2
    assert "negated" in rows[1].inner_text()
    rows[1].click()
    evidence = "".join(el.inner_text() for el in page.query_selector_all(".seg.hl-evidence"))
    assert evidence == "Pakistan did not attack India."
    assert [el.inner_text() for el in page.query_selector_all(".seg.hl-trigger")] == ["attack"]
    assert sorted(el.inner_text() for el in page.query_selector_all(".seg.hl-arg")) == ["India", "Pakistan"]
    assert "selected" in rows[1].get_attribute("class")
    _shot(page, "article_view.png")


def test_dyad_view_draws_the_timeline_and_lists_a_periods_events(page, base_url):
    _open(page, base_url, "#/dyad/USA/PAK")
    svg = page.wait_for_selector("svg[data-testid=timeline]")
    bars = {b.get_attribute("data-period"): b for b in svg.query_selector_all("g.bar")}
    # The hand-coded store has USA-PAK cooperation in March and May 2025 and nothing in April (the seed
    # article, when an earlier test stored it, may add periods but not April's absence of QuadClass 1).
    assert {"2025-03-01", "2025-04-01", "2025-05-01"} <= set(bars)
    assert bars["2025-03-01"].query_selector("rect.seg-q1") and bars["2025-05-01"].query_selector("rect.seg-q1")
    assert page.query_selector("svg[data-testid=timeline] polyline.gold-line, svg[data-testid=timeline] circle.gold-dot")
    box = svg.bounding_box()
    assert box["width"] > 400 and box["height"] > 150
    may = bars["2025-05-01"]
    n = int(may.query_selector("title").text_content().split(": ")[1].split()[0])
    may.click()
    page.wait_for_selector("[data-testid=period-events] tr.event-row")
    rows = [r.inner_text() for r in page.query_selector_all("[data-testid=period-events] tr.event-row")]
    assert len(rows) == n and any("036" in r and "United States" in r for r in rows)
    assert "picked" in may.get_attribute("class")
    _shot(page, "dyad_view.png")


def test_overview_and_network(page, base_url):
    _open(page, base_url, "#/")
    stats = page.evaluate("() => fetch('/api/stats').then(r => r.json())")
    assert page.inner_text("[data-testid=count-articles] .n") == str(stats["articles"])
    assert page.inner_text("[data-testid=count-events] .n") == str(stats["events"])
    assert "USA – PAK" in page.inner_text("[data-testid=top-dyads]") or "PAK – USA" in page.inner_text("[data-testid=top-dyads]")
    _shot(page, "overview.png")
    _open(page, base_url, "#/network")
    net = page.evaluate("() => fetch('/api/network').then(r => r.json())")
    assert len(page.query_selector_all("svg[data-testid=network] line.edge")) == len(net["edges"]) >= 2
    assert len(page.query_selector_all("svg[data-testid=network] line.edge.conflict")) >= 1
    _shot(page, "network.png")
    page.query_selector("svg[data-testid=network] line.edge.conflict").click(force=True)
    page.wait_for_function("() => document.body.dataset.ready.startsWith('#/dyad/')")
    page.wait_for_selector("svg[data-testid=timeline]")


@pytest.mark.parametrize("path,ready", [("/docs", ".swagger-ui .info .title"), ("/redoc", "redoc h1")])
def test_api_docs_render_under_the_csp(page, base_url, path, ready):
    response = page.goto(base_url + path)
    assert "frame-ancestors 'none'" in response.headers["content-security-policy"]
    assert "detente" in page.wait_for_selector(ready).inner_text()
    # ReDoc's bundle asks for its logo from its CDN: the CSP blocks it (wanted: the report says so),
    # and runs a worker from a blob of this page.
    blocked = [e for e in page.errors if "https://cdn.redoc.ly/" in e]
    page.errors[:] = [e for e in page.errors if e not in blocked]
    page.foreign[:] = [u for u in page.foreign if not u.startswith(("blob:", "https://cdn.redoc.ly/"))
                       or (u.startswith("https://") and not blocked)]
