"""The dashboard: a FastAPI app over a read-only snapshot of one store.

The app never opens the store for writing and never holds it open: it serves an in-memory snapshot
(`analyze.snapshot`) taken at start and again on `POST /refresh`. While an ingest writes the store
a refresh fails with "store busy" (HTTP 503) and the previous snapshot stays served; the status
line of every page says when the snapshot was taken. Every asset is in the package (no CDN); the
OpenAPI description of `/api/...` is at `/openapi.json` (the interactive docs pages are off
because they load scripts from a CDN).
"""

from __future__ import annotations

import datetime as dt
import threading
import time
from pathlib import Path
from typing import Any

from fastapi import Depends, FastAPI, HTTPException, Query, Request
from fastapi.encoders import jsonable_encoder
from fastapi.responses import HTMLResponse, JSONResponse, RedirectResponse, Response
from fastapi.staticfiles import StaticFiles
from starlette.exceptions import HTTPException as StarletteHTTPException

from newsevents.analyze import counts
from newsevents.analyze.snapshot import Snapshot, StoreBusy, take_snapshot
from newsevents.web import views
from newsevents.web.highlight import highlight, marks
from newsevents.web.outline import world_outline
from newsevents.web.render import Links, render, segment

CSP = "default-src 'self'; img-src 'self' data:; style-src 'self'; script-src 'self'; object-src 'none'"


class SnapshotHolder:
    """The snapshot being served, swapped whole on refresh; `busy` says why the last refresh failed."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.current: Snapshot | None = None
        self.busy: str | None = None
        self._lock = threading.Lock()

    def refresh(self) -> bool:
        with self._lock:
            try:
                fresh = take_snapshot(self.path)
            except StoreBusy as exc:
                self.busy = str(exc)
                return False
            old, self.current, self.busy = self.current, fresh, None
        if old is not None:
            old.close()
        return True

    def start(self, wait: float) -> None:
        """Take the first snapshot, retrying for `wait` seconds while a writer holds the store."""
        deadline = time.monotonic() + wait
        while not self.refresh() and time.monotonic() < deadline:
            time.sleep(0.5)

    def status(self) -> dict[str, Any]:
        return {
            "db": str(self.path),
            "snapshot_taken_at": self.current.taken_at.isoformat() + "Z" if self.current else None,
            "busy": self.busy,
        }


def create_app(db: Path, wait: float = 10.0) -> FastAPI:
    """The app for the store at `db`; InputError if it is not a store."""
    holder = SnapshotHolder(db)
    holder.start(wait)
    app = FastAPI(
        title="newsevents dashboard API",
        description="Read-only JSON views of a newsevents store (counts are story-aware: one event per unit).",
        docs_url=None,
        redoc_url=None,
    )
    app.state.holder = holder
    app.mount("/static", StaticFiles(packages=[("newsevents.web", "static")]), name="static")
    _add_error_pages(app)
    _add_security_headers(app)
    _add_pages(app, holder)
    _add_api(app, holder)
    return app


def _cursor(holder: SnapshotHolder) -> Any:
    if holder.current is None:
        raise HTTPException(503, holder.busy or "no snapshot of the store yet; retry")
    return holder.current.cursor()


def _page(holder: SnapshotHolder, template: str, status: int = 200, **context: Any) -> HTMLResponse:
    html = render(template, status=holder.status(), links=Links(), outline=world_outline(), **context)
    return HTMLResponse(html, status_code=status)


def _wants_json(request: Request) -> bool:
    return request.url.path.startswith("/api/")


def _add_error_pages(app: FastAPI) -> None:
    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, exc: StarletteHTTPException) -> Response:
        if _wants_json(request):
            return JSONResponse({"detail": exc.detail}, status_code=exc.status_code)
        html = render("error.html", code=exc.status_code, detail=exc.detail, status=app.state.holder.status())
        return HTMLResponse(html, status_code=exc.status_code)


def _add_security_headers(app: FastAPI) -> None:
    @app.middleware("http")
    async def headers(request: Request, call_next: Any) -> Response:
        response: Response = await call_next(request)
        response.headers["Content-Security-Policy"] = CSP
        response.headers["X-Content-Type-Options"] = "nosniff"
        response.headers["Referrer-Policy"] = "no-referrer"
        return response


def _date(value: str | None, name: str) -> dt.date | None:
    if not value:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise HTTPException(422, f"{name} must be a date YYYY-MM-DD, not {value!r}") from None


def event_filter(
    source: str | None = None,
    target: str | None = None,
    actor: str | None = None,
    day: str | None = None,
    month: str | None = Query(None, pattern=r"^\d{4}-\d{2}$"),
    undated: bool = False,
    quad_class: int | None = Query(None, ge=1, le=4),
    cameo: str | None = Query(None, pattern=r"^\d{2,4}$"),
    place: str | None = None,
) -> counts.EventFilter:
    return counts.EventFilter(
        source=source,
        target=target,
        actor=actor,
        day=_date(day, "day"),
        month=month,
        undated=undated,
        quad_class=quad_class,
        cameo=cameo,
        place=place,
    )


def _add_pages(app: FastAPI, holder: SnapshotHolder) -> None:  # noqa: C901 - one short handler per page
    @app.get("/", response_class=HTMLResponse, include_in_schema=False)
    def overview_page() -> HTMLResponse:
        return _page(holder, "overview.html", view=views.overview(_cursor(holder)))

    @app.get("/dyads", response_class=HTMLResponse, include_in_schema=False)
    def dyad_picker(source: str = "", target: str = "") -> Response:
        if source and target:
            return RedirectResponse(f"/dyads/{segment(source)}/{segment(target)}", status_code=303)
        return _page(holder, "dyads.html", view=views.overview(_cursor(holder), dyads=100, alerts=0))

    @app.get("/dyads/{source}/{target}", response_class=HTMLResponse, include_in_schema=False)
    def dyad_page(source: str, target: str) -> HTMLResponse:
        view = views.dyad(_cursor(holder), source, target)
        if not view["events"]["total"]:
            raise HTTPException(404, f"no events from {source} to {target}")
        return _page(holder, "dyad.html", view=view)

    @app.get("/events", response_class=HTMLResponse, include_in_schema=False)
    def events_page(
        where: counts.EventFilter = Depends(event_filter), offset: int = Query(0, ge=0)
    ) -> HTMLResponse:
        return _page(holder, "events.html", view=views.events(_cursor(holder), where, 100, offset))

    @app.get("/alerts", response_class=HTMLResponse, include_in_schema=False)
    def alerts_page(since: str | None = None) -> HTMLResponse:
        return _page(holder, "alerts.html", alerts=views.alerts(_cursor(holder), _date(since, "since")))

    @app.get("/network", response_class=HTMLResponse, include_in_schema=False)
    def network_page(actors: int = Query(25, ge=2, le=200)) -> HTMLResponse:
        return _page(holder, "network.html", view=views.network(_cursor(holder), actors))

    @app.get("/map", response_class=HTMLResponse, include_in_schema=False)
    def map_page() -> HTMLResponse:
        return _page(holder, "map.html", view=views.places(_cursor(holder)))

    @app.get("/search", response_class=HTMLResponse, include_in_schema=False)
    def search_page(q: str = Query("", max_length=200)) -> HTMLResponse:
        return _page(holder, "search.html", view=views.search(_cursor(holder), q))

    @app.get("/quotes", response_class=HTMLResponse, include_in_schema=False)
    def quotes_page(speaker: str = Query("", max_length=200), about: str = Query("", max_length=200)) -> HTMLResponse:
        return _page(holder, "quotes.html", view=views.quotes(_cursor(holder), speaker, about))

    @app.get("/claims", response_class=HTMLResponse, include_in_schema=False)
    def claims_page(subject: str = Query("", max_length=200), unit: str = "", contains: str = "") -> HTMLResponse:
        if subject:
            view = views.ledger(_cursor(holder), subject, unit)
            if not view["entries"]["total"]:
                raise HTTPException(404, f"no claims about {subject!r}")
            return _page(holder, "ledger.html", view=view)
        return _page(holder, "claims.html", view=views.claims(_cursor(holder), contains))

    @app.get("/articles/{article_id}", response_class=HTMLResponse, include_in_schema=False)
    def article_page(article_id: str) -> HTMLResponse:
        view = views.article(_cursor(holder), article_id)
        if view is None:
            raise HTTPException(404, f"no article {article_id!r}")
        body = highlight(view["article"]["text"], marks(view))
        return _page(holder, "article.html", view=view, body=body)

    @app.post("/refresh", include_in_schema=False)
    def refresh_page(request: Request) -> Response:
        if not holder.refresh():
            raise HTTPException(503, holder.busy or "store busy; retry")
        back = request.headers.get("referer") or "/"
        return RedirectResponse(back if back.startswith(str(request.base_url)) else "/", status_code=303)


def _add_api(app: FastAPI, holder: SnapshotHolder) -> None:  # noqa: C901 - one short handler per route
    def json(data: Any) -> JSONResponse:
        return JSONResponse(jsonable_encoder(data))

    @app.get("/api/status", tags=["store"], summary="Which store is served and when its snapshot was taken")
    def api_status() -> JSONResponse:
        return json(holder.status())

    @app.post("/api/refresh", tags=["store"], summary="Take a new snapshot; 503 while an ingest writes the store")
    def api_refresh() -> JSONResponse:
        if not holder.refresh():
            raise HTTPException(503, holder.busy or "store busy; retry")
        return json(holder.status())

    @app.get("/api/overview", tags=["views"], summary="Totals, top dyads, QuadClass mix per month, alerts")
    def api_overview(dyads: int = Query(10, ge=1, le=1000)) -> JSONResponse:
        return json(views.overview(_cursor(holder), dyads))

    @app.get("/api/alerts", tags=["views"], summary="Escalation alerts per dyad, newest first")
    def api_alerts(since: str | None = None) -> JSONResponse:
        return json(views.alerts(_cursor(holder), _date(since, "since")))

    @app.get("/api/dyads/{source}/{target}", tags=["views"], summary="Daily series and events of one dyad")
    def api_dyad(source: str, target: str, limit: int = Query(50, ge=1, le=1000)) -> JSONResponse:
        view = views.dyad(_cursor(holder), source, target, limit)
        if not view["events"]["total"]:
            raise HTTPException(404, f"no events from {source} to {target}")
        return json(view)

    @app.get("/api/events", tags=["views"], summary="Event units matching a filter, each with its article")
    def api_events(
        where: counts.EventFilter = Depends(event_filter),
        limit: int = Query(100, ge=1, le=1000),
        offset: int = Query(0, ge=0),
    ) -> JSONResponse:
        return json(views.events(_cursor(holder), where, limit, offset))

    @app.get("/api/network", tags=["views"], summary="Most active actors and the edges between them")
    def api_network(actors: int = Query(25, ge=2, le=200)) -> JSONResponse:
        return json(views.network(_cursor(holder), actors))

    @app.get("/api/map", tags=["views"], summary="Event places with coordinates and counts")
    def api_map(limit: int = Query(500, ge=1, le=5000)) -> JSONResponse:
        return json(views.places(_cursor(holder), limit))

    @app.get("/api/search", tags=["views"], summary="Articles whose title or text contains q")
    def api_search(q: str = Query(..., min_length=1, max_length=200), limit: int = Query(50, ge=1, le=500)) -> JSONResponse:
        return json(views.search(_cursor(holder), q, limit))

    @app.get("/api/quotes", tags=["views"], summary="Quotes by speaker, optionally mentioning a word")
    def api_quotes(speaker: str = "", about: str = "", limit: int = Query(50, ge=1, le=1000)) -> JSONResponse:
        return json(views.quotes(_cursor(holder), speaker, about, limit))

    @app.get("/api/claims", tags=["views"], summary="Claim subjects, or one subject's ledger")
    def api_claims(subject: str = "", unit: str = "", contains: str = "") -> JSONResponse:
        if subject:
            return json(views.ledger(_cursor(holder), subject, unit))
        return json(views.claims(_cursor(holder), contains))

    @app.get("/api/articles/{article_id}", tags=["views"], summary="An article and everything extracted from it")
    def api_article(article_id: str) -> JSONResponse:
        view = views.article(_cursor(holder), article_id)
        if view is None:
            raise HTTPException(404, f"no article {article_id!r}")
        return json(view)
