"""The dashboard's map, filters, article search, events table and dyad periods in headless Chromium,
over the hand-coded articles plus the coded seed article, and over 40 coded Wikinews articles
(../shared/data/wikinews.jsonl; skipped when it is absent). Screenshots go to tests/screenshots/."""
from __future__ import annotations

import itertools
from pathlib import Path

import pytest

from support.browser import checked_page, open_view, screenshot
from support.paths import SEED_ARTICLE
from support.servers import app_in_thread

WIKINEWS = Path(__file__).parents[2] / "shared" / "data" / "wikinews.jsonl"

pytestmark = pytest.mark.slow


@pytest.fixture(scope="module")
def seed_url(tmp_path_factory):
    from detente.pipeline import code_text
    from detente.store import Store
    from support.api_articles import api_corpus

    store = Store(str(tmp_path_factory.mktemp("mapseed") / "m.duckdb"))
    for art in api_corpus():
        store.add(art)
    store.add(code_text(SEED_ARTICLE.read_text(encoding="utf-8"), published="2025-06-01"))
    with app_in_thread(store) as url:
        yield url
    store.close()


@pytest.fixture(scope="module")
def wikinews_url(tmp_path_factory):
    if not WIKINEWS.exists():
        pytest.skip(f"{WIKINEWS} is absent")
    from detente.ingest import read
    from detente.model import Article
    from detente.pipeline import code_articles
    from detente.store import Store

    store = Store(str(tmp_path_factory.mktemp("mapwn") / "w.duckdb"))
    articles = (a for a in read([str(WIKINEWS)]) if isinstance(a, Article))
    for art in code_articles(itertools.islice(articles, 40)):
        store.add(art)
    with app_in_thread(store) as url:
        yield url
    store.close()


@pytest.fixture
def seed_page(browser, seed_url):
    with checked_page(browser, seed_url) as pg:
        yield pg


def _get(page, path):
    return page.evaluate("p => fetch(p).then(r => r.json())", path)


def _map_has_points(page, base_url, name):
    open_view(page, base_url, "#/map")
    svg = page.wait_for_selector("svg[data-testid=map]")
    assert len(svg.query_selector_all(".land path")) > 150  # the vendored world-atlas countries
    points = _get(page, "/api/map")["points"]
    dots = svg.query_selector_all("circle.point")
    assert len(dots) == len(points) > 0
    # bigger places have bigger circles; colours follow the main QuadClass
    radii = {int(d.get_attribute("data-n")): float(d.get_attribute("r")) for d in dots}
    assert radii[max(radii)] >= radii[min(radii)]
    box = svg.bounding_box()
    assert box["width"] > 600 and box["height"] > 250
    screenshot(page, name)
    # a click lists the place's events, each with its evidence and article
    biggest = max(dots, key=lambda d: int(d.get_attribute("data-n")))
    biggest.click(force=True)
    page.wait_for_selector("[data-testid=place-events] tr.event-row")
    rows = page.query_selector_all("[data-testid=place-events] tr.event-row")
    assert rows and all(r.query_selector("td.evidence-cell a[href^='#/article/']") for r in rows)
    assert "picked" in biggest.get_attribute("class")
    screenshot(page, name.replace(".png", "_picked.png"))
    return points


def test_map_of_the_seed(seed_page, seed_url):
    points = _map_has_points(seed_page, seed_url, "map_seed.png")
    assert any(p["name"] == "India" for p in points)  # the hand-coded located event


def test_filters_change_the_counts(seed_page, seed_url):
    page = seed_page
    open_view(page, seed_url, "#/")
    every = int(page.inner_text("[data-testid=count-matching] .n"))
    page.fill("[data-testid=filter-start]", "2025-05")
    page.fill("[data-testid=filter-end]", "2025-05")
    page.click("[data-testid=filter-apply]")
    page.wait_for_function("() => document.body.dataset.ready.includes('start=2025-05')")
    may = int(page.inner_text("[data-testid=count-matching] .n"))
    assert 0 < may < every
    assert may == _get(page, "/api/events/count?start=2025-05&end=2025-05")["n_events"]
    screenshot(page, "overview_filtered.png")
    # a country given by name is resolved to its code
    open_view(page, seed_url, "#/events")
    total = page.inner_text("[data-testid=events-count]")
    page.fill("[data-testid=filter-country]", "India")
    page.click("[data-testid=filter-apply]")
    page.wait_for_function("() => document.body.dataset.ready.includes('country=IND')")
    india = page.inner_text("[data-testid=events-count]")
    assert india != total and int(india.split()[0]) == _get(page, "/api/events/count?actor=IND")["n_events"]
    rows = page.query_selector_all("tr.event-row")
    assert rows and all("IND" in r.inner_text() for r in rows)
    screenshot(page, "events_filtered.png")
    open_view(page, seed_url, "#/network?country=IND")
    edges = page.query_selector_all("svg[data-testid=network] line.edge")
    assert edges and len(edges) < len(_get(page, "/api/network")["edges"])
    open_view(page, seed_url, "#/map?start=2030")
    assert page.query_selector_all("circle.point") == [] and page.inner_text("[data-testid=map-count]").startswith("0 of 0")
    page.fill("[data-testid=filter-start]", "May 2025")
    page.click("[data-testid=filter-apply]")
    assert "is not YYYY" in page.inner_text(".filter-msg")


def test_article_search(seed_page, seed_url):
    page = seed_page
    open_view(page, seed_url, "#/")
    page.fill("[data-testid=article-search]", "shelled")
    page.press("[data-testid=article-search]", "Enter")
    page.wait_for_function("() => document.body.dataset.ready.includes('q=shelled')")
    titles = [a.inner_text() for a in page.query_selector_all("[data-testid=latest] tbody a")]
    assert titles == ["Story art2"]
    screenshot(page, "article_search.png")
    open_view(page, seed_url, "#/?q=zzzyyxx")
    assert "No article mentions" in page.inner_text("[data-testid=latest]")


@pytest.mark.parametrize("by", ["day", "week", "month", "quarter", "year"])
def test_every_dyad_period_loads(seed_page, seed_url, by):
    page = seed_page
    open_view(page, seed_url, f"#/dyad/USA/PAK?by={by}")
    assert page.query_selector(".error") is None, page.inner_text(".error")
    svg = page.wait_for_selector("svg[data-testid=timeline]")
    bars = svg.query_selector_all("g.bar")
    tl = _get(page, f"/api/dyad?a=USA&b=PAK&by={by}")
    assert len(bars) == len(tl["periods"]) > 0
    screenshot(page, f"dyad_by_{by}.png")


def test_events_tables_show_every_column_at_1920(browser, seed_url):
    with checked_page(browser, seed_url, width=1920) as page:
        _every_column(page, seed_url)


def _every_column(page, seed_url):
    for hash_ in ("#/article/art1", "#/events"):
        open_view(page, seed_url, hash_)
        table = page.wait_for_selector("table.events")
        heads = [th.inner_text().strip().lower() for th in table.query_selector_all("th")]
        assert {"place", "status", "trigger"} <= set(heads)
        for th in table.query_selector_all("th"):
            box = th.bounding_box()
            assert box and box["x"] + box["width"] <= 1920 and box["width"] > 20, heads
        box_el = table.evaluate_handle("t => t.parentElement")
        assert box_el.evaluate("b => b.scrollWidth <= b.clientWidth + 1")
        screenshot(page, "events_1920_" + hash_.strip("#/").replace("/", "_") + ".png")


def test_map_of_40_wikinews_articles(browser, wikinews_url):
    with checked_page(browser, wikinews_url) as page:
        _wikinews_map(page, wikinews_url)


def _wikinews_map(page, wikinews_url):
    points = _map_has_points(page, wikinews_url, "map_wikinews.png")
    assert len(points) >= 5 and len({p["country"] for p in points}) >= 3
    stats = _get(page, "/api/stats")
    assert stats["articles"] == 40
    lo = stats["event_dates"]["min"][:4]
    open_view(page, wikinews_url, f"#/map?end={lo}")
    assert len(page.query_selector_all("circle.point")) < len(points)
