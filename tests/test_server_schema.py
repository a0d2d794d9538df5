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


class _LazyStore:
    """The hand-coded store, opened on first use: collecting the suite must not open stores or load models."""

    _store = None

    def __getattr__(self, name):
        if _LazyStore._store is None:
            import tempfile

            from support.api_articles import api_corpus

            store = Store(tempfile.mkdtemp(prefix="detente-schema-") + "/s.duckdb")
            for art in api_corpus():
                store.add(art)
            _LazyStore._store = store
        return getattr(_LazyStore._store, name)


# Small text limit: generated bodies exercise the coder's input handling, not its speed.
# "testserver" is the Host schemathesis's ASGI client sends (the allow-list has tests of its own).
schema = schemathesis.openapi.from_asgi(
    "/openapi.json", create_app(store=_LazyStore(), limits=Limits(max_text_chars=2000, coding_wait_s=30),
                                allowed_hosts=["testserver"]))


@pytest.fixture(scope="module", autouse=True)
def warm_coder():
    from detente.pipeline import code_text

    code_text("Pakistan met India in Kabul.")  # model and lexicons load here, not in the first request
    yield
    if _LazyStore._store is not None:
        _LazyStore._store.close()


@schema.parametrize()
@settings(max_examples=10, deadline=None, suppress_health_check=list(HealthCheck))
def test_no_server_errors(case):
    case.call_and_validate(checks=[not_a_server_error, response_schema_conformance], timeout=120)
