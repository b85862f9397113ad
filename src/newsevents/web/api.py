"""The JSON API (`/api/...`, described at `/openapi.json`): the same views the pages render."""

from __future__ import annotations

from typing import Any

from fastapi import APIRouter, Depends, HTTPException, Query
from fastapi.encoders import jsonable_encoder
from fastapi.responses import JSONResponse

from newsevents.analyze import counts
from newsevents.web import views
from newsevents.web.state import SnapshotHolder, Views, event_filter, get_holder, get_views, parse_date

router = APIRouter(prefix="/api")


def as_json(data: Any) -> JSONResponse:
    return JSONResponse(jsonable_encoder(data))


@router.get("/status", tags=["store"], summary="Which store is served and when its snapshot was taken")
def api_status(holder: SnapshotHolder = Depends(get_holder)) -> JSONResponse:
    return as_json(holder.status())


@router.post("/refresh", tags=["store"], summary="Take a new snapshot; 503 while an ingest writes the store")
def api_refresh(holder: SnapshotHolder = Depends(get_holder)) -> JSONResponse:
    if not holder.refresh():
        raise HTTPException(503, holder.busy or "store busy; retry")
    return as_json(holder.status())


@router.get("/overview", tags=["views"], summary="Totals, top dyads, QuadClass mix per month, alerts")
def api_overview(dyads: int = Query(10, ge=1, le=1000), v: Views = Depends(get_views)) -> JSONResponse:
    return as_json(v(views.overview, dyads))


@router.get("/alerts", tags=["views"], summary="Escalation alerts per dyad, newest first")
def api_alerts(since: str | None = None, v: Views = Depends(get_views)) -> JSONResponse:
    return as_json(v(views.alerts, parse_date(since, "since")))


@router.get("/dyads/{source}/{target}", tags=["views"], summary="Daily series and events of one dyad")
def api_dyad(
    source: str, target: str, limit: int = Query(50, ge=1, le=1000), v: Views = Depends(get_views)
) -> JSONResponse:
    view = v(views.dyad, source, target, limit)
    if not view["events"]["total"]:
        raise HTTPException(404, f"no events from {source} to {target}")
    return as_json(view)


@router.get("/events", tags=["views"], summary="Event units matching a filter, each with its article")
def api_events(
    where: counts.EventFilter = Depends(event_filter),
    limit: int = Query(100, ge=1, le=1000),
    offset: int = Query(0, ge=0),
    v: Views = Depends(get_views),
) -> JSONResponse:
    return as_json(v(views.events, where, limit, offset))


@router.get("/network", tags=["views"], summary="Most active actors and the edges between them")
def api_network(actors: int = Query(25, ge=2, le=200), v: Views = Depends(get_views)) -> JSONResponse:
    return as_json(v(views.network, actors))


@router.get("/map", tags=["views"], summary="Event places with coordinates and counts")
def api_map(limit: int = Query(500, ge=1, le=5000), v: Views = Depends(get_views)) -> JSONResponse:
    return as_json(v(views.places, limit))


@router.get("/search", tags=["views"], summary="Articles whose title or text contains q (literally)")
def api_search(
    q: str = Query(..., min_length=1, max_length=200),
    limit: int = Query(50, ge=1, le=500),
    v: Views = Depends(get_views),
) -> JSONResponse:
    return as_json(v(views.search, q, limit))


@router.get("/quotes", tags=["views"], summary="Quotes by a speaker (name or code), optionally mentioning a word")
def api_quotes(
    speaker: str = Query("", max_length=200),
    about: str = Query("", max_length=200),
    limit: int = Query(50, ge=1, le=1000),
    v: Views = Depends(get_views),
) -> JSONResponse:
    return as_json(v(views.quotes, speaker, about, limit))


@router.get("/claims", tags=["views"], summary="Claim subjects, or with `subject` that subject's ledger")
def api_claims(
    subject: str = Query("", max_length=200),
    unit: str = Query("", max_length=50),
    contains: str = Query("", max_length=200),
    v: Views = Depends(get_views),
) -> JSONResponse:
    return as_json(v(views.ledger, subject, unit) if subject else v(views.claims, contains))


@router.get("/articles/{article_id}", tags=["views"], summary="An article and everything extracted from it")
def api_article(article_id: str, v: Views = Depends(get_views)) -> JSONResponse:
    view = v(views.article, article_id)
    if view is None:
        raise HTTPException(404, f"no article {article_id!r}")
    return as_json(view)
