"""The browser the dashboard tests drive (Debian's chromium; scripts/test installs it) and their page helpers.

The browser itself is the `browser` fixture of tests/conftest.py.
"""
from __future__ import annotations

import contextlib
import os
from pathlib import Path

import pytest

CHROMIUM = "/usr/bin/chromium"
SCREENSHOTS = Path(__file__).parents[1] / "screenshots"  # tests/screenshots/, for a person to look at

needs_chromium = pytest.mark.skipif(not os.path.exists(CHROMIUM), reason=f"{CHROMIUM} is absent (apt-get install chromium)")


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


def open_view(page, base_url, hash_):
    """Go to the dashboard view `hash_` ("#/code") and wait until the page says it is ready."""
    page.goto(f"{base_url}/{hash_}")
    page.wait_for_function("h => document.body.dataset.ready === h", arg=hash_)


def screenshot(page, name):
    """The whole page as tests/screenshots/NAME."""
    SCREENSHOTS.mkdir(exist_ok=True)
    page.screenshot(path=str(SCREENSHOTS / name), full_page=True)
