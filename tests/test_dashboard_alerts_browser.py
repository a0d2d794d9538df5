"""The dashboard's alerts view in headless Chromium: an alert written to the store while the page is open
appears without a reload. Skipped, with the reason, where /usr/bin/chromium or Playwright is absent."""
from __future__ import annotations

import pytest

from support.browser import needs_chromium, screenshot
from support.servers import serve_app

pytestmark = [pytest.mark.slow, needs_chromium]


@pytest.fixture
def served_store(tmp_path):
    from detente.server.app import create_app
    from detente.store import Store
    from support.api_articles import api_corpus

    path = str(tmp_path / "alerts.duckdb")
    store = Store(path)
    for art in api_corpus():
        store.add(art)
    for url in serve_app(create_app(store=store)):
        yield url, path
    store.close()


def test_a_new_alert_appears_without_a_reload(browser, served_store, tmp_path):
    from detente.analysis import alert_log
    from detente.analysis.alerts import Alerting, load_rules
    from detente.store import Store

    base, path = served_store
    page = browser.new_page(viewport={"width": 1300, "height": 900})
    errors: list[str] = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.add_init_script("window.detenteAlertPollMs = 250")
    page.goto(f"{base}/#/alerts")
    page.wait_for_selector("[data-testid=no-alerts]", timeout=30_000)
    page.evaluate("window.sameDocument = true")  # a reload would forget it
    assert page.query_selector("[data-testid=alert]") is None

    rules = tmp_path / "alerts.yaml"
    rules.write_text("alerts:\n  - {name: pak-ind-force, when: events, countries: [PAK, IND], cameo: ['19']}\n")
    with Store(path) as writer:  # a second connection, as `watch` writes while the server reads
        raised = Alerting(load_rules(str(rules))).evaluate(writer, ["art1", "art2"])
        assert len(alert_log.record(writer, raised)) == 1

    card = page.wait_for_selector("[data-testid=alert]", timeout=15_000)
    assert page.evaluate("window.sameDocument") is True
    text = card.inner_text()
    assert "pak-ind-force" in text and "Pakistan shelled India at dawn." in text  # the evidence sentence
    assert "did not attack" not in text  # the negated event is no alert
    assert page.query_selector("[data-testid=no-alerts]") is None
    assert len(page.query_selector_all("[data-testid=alert]")) == 1
    screenshot(page, "alerts.png")
    assert not errors, f"script errors: {errors}"
    page.close()
