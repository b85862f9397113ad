"""The HTML pages: each renders a view of `views` with its template; every number links down to events."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Depends, HTTPException, Query, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response

from newsevents.analyze import counts
from newsevents.web import views
from newsevents.web.highlight import highlight, marks
from newsevents.web.outline import world_outline
from newsevents.web.render import Links, render, segment
from newsevents.web.state import SnapshotHolder, Views, event_filter, get_holder, get_views, parse_date

router = APIRouter(include_in_schema=False, default_response_class=HTMLResponse)


def page(request: Request, template: str, **context: Any) -> HTMLResponse:
    status = get_holder(request).status()
    return HTMLResponse(render(template, status=status, links=Links(), outline=world_outline(), **context))


@router.get("/")
def overview_page(request: Request, v: Views = Depends(get_views)) -> HTMLResponse:
    return page(request, "overview.html", view=v(views.overview))


@router.get("/alerts")
def alerts_page(request: Request, since: str | None = None, v: Views = Depends(get_views)) -> HTMLResponse:
    return page(request, "alerts.html", alerts=v(views.alerts, parse_date(since, "since")))


@router.get("/dyads")
def dyad_picker(request: Request, source: str = "", target: str = "", v: Views = Depends(get_views)) -> Response:
    if source and target:
        return RedirectResponse(f"/dyads/{segment(source)}/{segment(target)}", status_code=303)
    return page(request, "dyads.html", view=v(views.overview, 100, 0))


@router.get("/dyads/{source}/{target}")
def dyad_page(request: Request, source: str, target: str, v: Views = Depends(get_views)) -> HTMLResponse:
    view = v(views.dyad, source, target)
    if not view["events"]["total"]:
        raise HTTPException(404, f"no events from {source} to {target}")
    return page(request, "dyad.html", view=view)


@router.get("/events")
def events_page(
    request: Request,
    where: counts.EventFilter = Depends(event_filter),
    offset: int = Query(0, ge=0),
    v: Views = Depends(get_views),
) -> HTMLResponse:
    return page(request, "events.html", view=v(views.events, where, 100, offset))


@router.get("/network")
def network_page(
    request: Request, actors: int = Query(25, ge=2, le=200), v: Views = Depends(get_views)
) -> HTMLResponse:
    return page(request, "network.html", view=v(views.network, actors))


@router.get("/map")
def map_page(request: Request, v: Views = Depends(get_views)) -> HTMLResponse:
    return page(request, "map.html", view=v(views.places))


@router.get("/search")
def search_page(request: Request, q: str = Query("", max_length=200), v: Views = Depends(get_views)) -> HTMLResponse:
    return page(request, "search.html", view=v(views.search, q))


@router.get("/quotes")
def quotes_page(
    request: Request,
    speaker: str = Query("", max_length=200),
    about: str = Query("", max_length=200),
    v: Views = Depends(get_views),
) -> HTMLResponse:
    return page(request, "quotes.html", view=v(views.quotes, speaker, about))


@router.get("/claims")
def claims_page(
    request: Request,
    subject: str = Query("", max_length=200),
    unit: str = Query("", max_length=50),
    contains: str = Query("", max_length=200),
    v: Views = Depends(get_views),
) -> HTMLResponse:
    if not subject:
        return page(request, "claims.html", view=v(views.claims, contains))
    view = v(views.ledger, subject, unit)
    if not view["entries"]["total"]:
        raise HTTPException(404, f"no claims about {subject!r}")
    return page(request, "ledger.html", view=view)


@router.get("/articles/{article_id}")
def article_page(request: Request, article_id: str, v: Views = Depends(get_views)) -> HTMLResponse:
    view = v(views.article, article_id)
    if view is None:
        raise HTTPException(404, f"no article {article_id!r}")
    return page(request, "article.html", view=view, body=highlight(view["article"]["text"], marks(view)))


@router.post("/refresh")
def refresh_page(request: Request, holder: SnapshotHolder = Depends(get_holder)) -> Response:
    """Take a new snapshot and go back; 503 (the previous snapshot stays) while an ingest writes the store."""
    if not holder.refresh():
        raise HTTPException(503, holder.busy or "store busy; retry")
    back = request.headers.get("referer") or "/"
    return RedirectResponse(back if back.startswith(str(request.base_url)) else "/", status_code=303)
