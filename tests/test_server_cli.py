"""`detente serve` as a user runs it: a real process on a free loopback port, answering JSON."""
from __future__ import annotations

import contextlib
import json
import os
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request

import pytest


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _get(url: str):
    try:
        with urllib.request.urlopen(url, timeout=5) as r:
            return r.status, json.loads(r.read())
    except urllib.error.HTTPError as e:
        return e.code, json.loads(e.read())


@contextlib.contextmanager
def serving(store, *options: str):
    """`detente serve` on a free loopback port until the block ends: yields (base URL, process); then
    stops it with Ctrl-C and asserts it printed no traceback."""
    port = _free_port()
    proc = subprocess.Popen([sys.executable, "-m", "detente", "serve", "--store", str(store), "--port", str(port),
                             "--quiet", *options], stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                            env={**os.environ, "PYTHONUNBUFFERED": "1"})
    try:
        base, deadline = f"http://127.0.0.1:{port}", time.monotonic() + 120
        while True:
            try:
                _get(base + "/api/stats")
                break
            except (urllib.error.URLError, ConnectionError):
                assert proc.poll() is None, proc.stderr.read().decode()
                assert time.monotonic() < deadline, "detente serve did not answer"
                time.sleep(0.2)
        yield base, proc
    finally:
        proc.send_signal(signal.SIGINT)
        try:
            proc.wait(timeout=30)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()
    assert b"Traceback" not in proc.stderr.read()


@pytest.mark.slow
def test_serve_answers_and_stops(tmp_path):
    with serving(tmp_path / "s.duckdb") as (base, _):
        status, stats = _get(base + "/api/stats")
        assert status == 200 and stats["articles"] == 0
        assert _get(base + "/api/articles/none")[0] == 404
        assert _get(base + "/api/events?start=2025-02-30")[0] == 422
