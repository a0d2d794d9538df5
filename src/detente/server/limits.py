"""Guards that keep one request from taking the server down: body size, work per request, URL targets."""
from __future__ import annotations

import json
import threading
from dataclasses import dataclass

# the address rules live with fetching (ingest/guard.py): watch applies them to feeds' links too
from ..ingest.guard import Target, UnsafeURL, check_url, public_target, refusal  # noqa: F401


@dataclass
class Limits:
    max_body_bytes: int = 2 * 1024 * 1024  # a long HTML page with its furniture fits; a dump does not
    max_text_chars: int = 100_000  # spaCy's small model codes this in a few seconds on one core
    coding_slots: int = 1  # coding runs at once; the rest get 429 instead of queueing without bound
    coding_wait_s: float = 5.0  # how long a request waits for a free slot before it is told to retry
    fetch_timeout_s: float = 10.0
    fetch_max_redirects: int = 3


class BodyLimit:
    """ASGI middleware answering 413 with a JSON body when a request body exceeds `max_bytes`.

    Checks Content-Length first and also counts streamed (chunked) bodies, which carry no length.
    """

    def __init__(self, app, max_bytes: int):
        self.app = app
        self.max_bytes = max_bytes

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http":
            return await self.app(scope, receive, send)
        for name, value in scope.get("headers", ()):
            if name == b"content-length":
                try:
                    declared = int(value)
                except ValueError:
                    return await _json(send, 400, "Content-Length is not a number")
                if declared > self.max_bytes:
                    return await _too_large(send, self.max_bytes)
        # Read the body up front so an oversized stream is refused before any handler sees it.
        chunks, size = [], 0
        while True:
            msg = await receive()
            if msg["type"] == "http.disconnect":
                return
            body = msg.get("body", b"")
            size += len(body)
            if size > self.max_bytes:
                return await _too_large(send, self.max_bytes)
            chunks.append(body)
            if not msg.get("more_body"):
                break
        replay = [{"type": "http.request", "body": b"".join(chunks), "more_body": False}]

        async def receive_again():
            return replay.pop() if replay else await receive()

        return await self.app(scope, receive_again, send)


async def _too_large(send, limit: int):
    await _json(send, 413, f"request body over {limit} bytes")


async def _json(send, status: int, detail: str):
    body = json.dumps({"detail": detail}).encode()
    await send({"type": "http.response.start", "status": status,
                "headers": [(b"content-type", b"application/json"), (b"content-length", str(len(body)).encode())]})
    await send({"type": "http.response.body", "body": body})


class CodingSlots:
    """A bounded number of coding jobs at once; `acquire` gives up after a wait so callers can answer 429."""

    def __init__(self, n: int, wait_s: float):
        self._sem = threading.BoundedSemaphore(max(1, n))
        self._wait = wait_s

    def acquire(self) -> bool:
        return self._sem.acquire(timeout=self._wait)

    def release(self) -> None:
        self._sem.release()
