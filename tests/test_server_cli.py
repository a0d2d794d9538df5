"""`detente serve` as a user runs it: a real process on a free loopback port, answering JSON."""
from __future__ import annotations

import pytest

from support.servers import detente_serve_process, http_get_json


@pytest.mark.slow
def test_serve_answers_and_stops(tmp_path):
    with detente_serve_process(tmp_path / "s.duckdb") as (base, _):
        status, stats = http_get_json(base + "/api/stats")
        assert status == 200 and stats["articles"] == 0
        assert http_get_json(base + "/api/articles/none")[0] == 404
        assert http_get_json(base + "/api/events?start=2025-02-30")[0] == 422
