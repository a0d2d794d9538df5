"""Generated requests against the OpenAPI document: no input may produce a 5xx, and 2xx answers
match their declared schemas (schemathesis; a few examples per operation to keep CI short)."""
from __future__ import annotations

import warnings

import pytest

schemathesis = pytest.importorskip("schemathesis", reason="schemathesis is not installed")
from hypothesis import HealthCheck, settings  # noqa: E402
from schemathesis.checks import not_a_server_error  # noqa: E402
from schemathesis.specs.openapi.checks import response_schema_conformance  # noqa: E402

from detente.server.app import create_app  # noqa: E402
from detente.server.limits import Limits  # noqa: E402
from detente.store import Store  # noqa: E402

warnings.filterwarnings("ignore", category=DeprecationWarning)


def _app():
    from test_server_api import corpus  # the hand-coded articles of the API tests

    import tempfile

    path = tempfile.mkdtemp(prefix="detente-schema-") + "/s.duckdb"
    from detente.pipeline import code_text

    code_text("Pakistan met India in Kabul.")  # model and lexicons load here, not in the first request
    store = Store(path)
    for art in corpus():
        store.add(art)
    # Small text limit: generated bodies exercise the coder, not its speed.
    return create_app(store=store, limits=Limits(max_text_chars=2000, coding_wait_s=30))


schema = schemathesis.openapi.from_asgi("/openapi.json", _app())


@schema.parametrize()
@settings(max_examples=10, deadline=None, suppress_health_check=list(HealthCheck))
def test_no_server_errors(case):
    case.call_and_validate(checks=[not_a_server_error, response_schema_conformance], timeout=120)
