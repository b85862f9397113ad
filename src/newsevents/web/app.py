"""The dashboard: a FastAPI app over a read-only snapshot of one store.

The app never opens the store for writing and never holds it open: it serves an in-memory snapshot
(`analyze.snapshot`) taken at start and again on `POST /refresh`. While an ingest writes the store
a refresh fails with "store busy" (HTTP 503) and the previous snapshot stays served; the status
line of every page says when the snapshot was taken. Every asset is in the package (no CDN); the
OpenAPI description of `/api/...` is at `/openapi.json` (the interactive docs pages are off
because they load scripts from a CDN).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from fastapi import FastAPI, Request
from fastapi.responses import HTMLResponse, JSONResponse, Response
from fastapi.staticfiles import StaticFiles
from starlette.exceptions import HTTPException as StarletteHTTPException

from newsevents.web import api, pages
from newsevents.web.render import render
from newsevents.web.state import SnapshotHolder

CSP = "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; object-src 'none'"


def create_app(db: Path, wait: float = 10.0) -> FastAPI:
    """The app for the store at `db`; InputError if it is not a store.

    The first snapshot is retried for `wait` seconds while a writer holds the store; after that the
    app starts anyway and answers 503 "store busy" until a refresh succeeds.
    """
    holder = SnapshotHolder(db)
    holder.start(wait)
    app = FastAPI(
        title="newsevents dashboard API",
        description="Read-only JSON views of a newsevents store; counts are story-aware (one per event unit).",
        docs_url=None,
        redoc_url=None,
    )
    app.state.holder = holder
    app.mount("/static", StaticFiles(packages=[("newsevents.web", "static")]), name="static")
    app.include_router(pages.router)
    app.include_router(api.router)
    app.add_exception_handler(StarletteHTTPException, _http_error)  # type: ignore[arg-type]
    app.middleware("http")(_security_headers)
    return app


async def _http_error(request: Request, exc: StarletteHTTPException) -> Response:
    """JSON for the API, an HTML page (with the status line and a way back) for everything else."""
    if request.url.path.startswith("/api/"):
        return JSONResponse({"detail": exc.detail}, status_code=exc.status_code, headers=exc.headers)
    status = request.app.state.holder.status()
    return HTMLResponse(render("error.html", code=exc.status_code, detail=exc.detail, status=status), exc.status_code)


async def _security_headers(request: Request, call_next: Any) -> Response:
    """Article text is hostile: even if something slipped through escaping, no inline script may run."""
    response: Response = await call_next(request)
    response.headers["Content-Security-Policy"] = CSP
    response.headers["X-Content-Type-Options"] = "nosniff"
    response.headers["Referrer-Policy"] = "no-referrer"
    return response
