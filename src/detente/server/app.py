"""The FastAPI app: the JSON API under /api, OpenAPI docs at /docs, and the dashboard at /.

Every error leaves as JSON with a `detail`, including the ones no handler foresaw, so a client never
gets an HTML page or a traceback.
"""
from __future__ import annotations

import logging
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Iterable, Optional

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import FileResponse, JSONResponse
from fastapi.staticfiles import StaticFiles
from starlette.exceptions import HTTPException as StarletteHTTPException

from ..version import __version__
from .api import router
from .backend import Backend
from .headers import Guard
from .limits import BodyLimit, Limits

STATIC = Path(__file__).parent / "static"
log = logging.getLogger("detente.server")


def create_app(store_path: Optional[str] = None, *, store=None, limits: Optional[Limits] = None,
               allow_fetch: bool = False, read_only: bool = False,
               allowed_hosts: Optional[Iterable[str]] = None) -> FastAPI:
    """The app over the DuckDB store at `store_path` (default $DETENTE_STORE or ./detente.duckdb).

    `store` hands in an already open object that keeps the Store contract (then `store_path` is unused
    and the caller closes it). `allow_fetch` lets POST /api/code fetch a URL (public addresses only).
    `allowed_hosts`: the names the server answers to besides loopback names and IP literals ("*": any).
    The Store opens the file per request, so other processes can use it while the app runs.
    """
    limits = limits or Limits()
    owned = store is None
    if owned:
        from ..store import Store

        store = Store(store_path, read_only=read_only)

    @asynccontextmanager
    async def lifespan(app: FastAPI):
        try:
            yield
        finally:
            if owned:
                store.close()

    app = _fastapi(title="detente", version=__version__, lifespan=lifespan,
                   description="Evidence-linked political event data: code news articles and browse the store.")
    app.state.backend = Backend(store, limits, allow_fetch=allow_fetch)
    app.add_middleware(BodyLimit, max_bytes=limits.max_body_bytes)
    app.add_middleware(Guard, allowed_hosts=allowed_hosts)  # added last: runs first, on every response
    app.include_router(router)

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, exc: StarletteHTTPException):
        return JSONResponse({"detail": exc.detail}, status_code=exc.status_code, headers=getattr(exc, "headers", None))

    @app.exception_handler(RequestValidationError)
    async def invalid(request: Request, exc: RequestValidationError):
        # Pydantic may echo non-JSON inputs (bytes) in its errors; keep only what JSON can carry.
        errors = [{"loc": list(e.get("loc", ())), "msg": e.get("msg"), "type": e.get("type")} for e in exc.errors()]
        return JSONResponse({"detail": errors}, status_code=422)

    @app.exception_handler(Exception)
    async def crashed(request: Request, exc: Exception):
        log.exception("unhandled error on %s %s", request.method, request.url.path)
        return JSONResponse({"detail": f"internal error: {type(exc).__name__}"}, status_code=500)

    @app.get("/", include_in_schema=False)
    def dashboard():
        return FileResponse(STATIC / "index.html", headers={"Cache-Control": "no-cache"})

    app.mount("/static", StaticFiles(directory=STATIC), name="static")
    return app


def _fastapi(**kwargs) -> FastAPI:
    """FastAPI whose /docs and /redoc load their scripts from this server, not a CDN (machines
    running detente are often offline); plain FastAPI when fastapi-offline is not installed."""
    try:
        from fastapi_offline import FastAPIOffline
    except ImportError:
        return FastAPI(**kwargs)
    return FastAPIOffline(**kwargs)
