"""An in-process client of the app, as the API and hardening tests use it."""
from __future__ import annotations

import warnings

warnings.filterwarnings("ignore", message=".*httpx.*", category=DeprecationWarning)
from fastapi.testclient import TestClient  # noqa: E402


def localhost_client(app) -> TestClient:
    """A client that says Host: localhost (the app answers only to the names it was given)."""
    return TestClient(app, base_url="http://localhost")
