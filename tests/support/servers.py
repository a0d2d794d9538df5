"""Servers the tests start on a free loopback port, and a JSON GET to ask them.

- `serve_app(app)`: the app under uvicorn in a thread of this process (a generator of its base URL);
- `app_in_thread(store)`: the same for the app over a store, as a context manager;
- `detente_serve_process(store_path, *options)`: `detente serve` as a user runs it, in a process.
"""
from __future__ import annotations

import contextlib
import json
import os
import signal
import socket
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request


def free_port() -> int:
    """A loopback port nothing listens on now."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def http_get_json(url: str):
    """(HTTP status, decoded JSON body) of a GET, errors included."""
    try:
        with urllib.request.urlopen(url, timeout=5) as r:
            return r.status, json.loads(r.read())
    except urllib.error.HTTPError as e:
        return e.code, json.loads(e.read())


def serve_app(app):
    """Run the app with uvicorn on a free loopback port: yields its base URL, stops it after."""
    import uvicorn

    port = free_port()
    server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 30
    while not server.started:
        assert time.monotonic() < deadline and thread.is_alive(), "the server did not start"
        time.sleep(0.05)
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        server.should_exit = True
        thread.join(timeout=10)


@contextlib.contextmanager
def app_in_thread(store):
    """The app over `store` on a free loopback port, in a thread; yields its base URL."""
    from detente.server.app import create_app

    yield from serve_app(create_app(store=store))


@contextlib.contextmanager
def detente_serve_process(store, *options: str):
    """`detente serve` on a free loopback port until the block ends: yields (base URL, process); then
    stops it with Ctrl-C and asserts it printed no traceback."""
    port = free_port()
    proc = subprocess.Popen([sys.executable, "-m", "detente", "serve", "--store", str(store), "--port", str(port),
                             "--quiet", *options], stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                            env={**os.environ, "PYTHONUNBUFFERED": "1"})
    try:
        base, deadline = f"http://127.0.0.1:{port}", time.monotonic() + 120
        while True:
            try:
                http_get_json(base + "/api/stats")
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
