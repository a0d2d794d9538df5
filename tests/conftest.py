"""Fixtures shared by several test files (helpers that are not fixtures: tests/support/)."""
from __future__ import annotations

import pytest


@pytest.fixture()
def store(tmp_path):
    """A new, empty store in a file of this test's own (files that need another kind define their own)."""
    from detente.store import Store

    with Store(str(tmp_path / "t.duckdb")) as s:
        yield s
