"""Fixtures shared by several test files (helpers that are not fixtures: tests/support/)."""
from __future__ import annotations

import os

import pytest


@pytest.fixture()
def store(tmp_path):
    """A new, empty store in a file of this test's own (files that need another kind define their own)."""
    from detente.store import Store

    with Store(str(tmp_path / "t.duckdb")) as s:
        yield s


@pytest.fixture(scope="module")
def store_path(tmp_path_factory):
    """A store file holding the seed-like hand-coded articles (tests/support/coded_articles.py), shared
    by the tests of one module: the analysis commands read it, none writes."""
    from detente.store import Store
    from support.coded_articles import seed_like

    path = str(tmp_path_factory.mktemp("cli") / "c.duckdb")
    with Store(path) as s:
        s.add(seed_like())
    return path


@pytest.fixture(scope="module")
def browser():
    """Debian's chromium driven by Playwright (never `playwright install`); skipped without playwright
    or without chromium (scripts/test installs it when run as root)."""
    from support.browser import CHROMIUM

    if not os.path.exists(CHROMIUM):
        pytest.skip(f"{CHROMIUM} is absent (apt-get install chromium)")
    sync_api = pytest.importorskip("playwright.sync_api", reason="playwright is not installed")
    with sync_api.sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=[
            "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
            "--disable-component-update", "--disable-sync", "--no-first-run"])
        yield b
        b.close()
