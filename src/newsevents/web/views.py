"""What each page shows, as plain data: the JSON API returns it, the templates and `report` render it."""

from __future__ import annotations

import datetime as dt
from typing import Any

import duckdb

from newsevents.analyze import claims as claims_ledger
from newsevents.analyze import counts
from newsevents.analyze.alerts import AlertOptions, escalation_alerts
from newsevents.extract.events.codebook import codebook


def overview(con: duckdb.DuckDBPyConnection, dyads: int = 10, alerts: int = 20) -> dict[str, Any]:
    found = escalation_alerts(con, AlertOptions(), limit=alerts)
    return {
        "totals": counts.totals(con),
        "top_dyads": _cut(counts.top_dyads(con, dyads)),
        "quad_mix": counts.quad_mix(con, "month"),
        "alerts": {"rows": [a.to_dict() for a in found.alerts], "total": found.total, "more": found.more},
    }


def dyad(con: duckdb.DuckDBPyConnection, source: str, target: str, limit: int = 50) -> dict[str, Any]:
    where = counts.EventFilter(source=source, target=target)
    return {
        "source": source,
        "target": target,
        "series": counts.dyad_series(con, source, target),
        "events": _cut(counts.list_events(con, where, limit)),
        "undated": counts.scalar(
            con,
            "SELECT count(*) FROM event_units WHERE source_code = ? AND target_code = ? AND day IS NULL",
            [source, target],
        ),
        "reverse": counts.scalar(
            con, "SELECT count(*) FROM event_units WHERE source_code = ? AND target_code = ?", [target, source]
        ),
    }


def events(con: duckdb.DuckDBPyConnection, where: counts.EventFilter, limit: int, offset: int) -> dict[str, Any]:
    found = counts.list_events(con, where, limit, offset)
    return {"filter": where.query_string(), "offset": offset, **_cut(found)}


def network(con: duckdb.DuckDBPyConnection, actors: int = 25) -> dict[str, Any]:
    edges, nodes = counts.network(con, actors)
    return {"nodes": _cut(nodes), "edges": edges}


def places(con: duckdb.DuckDBPyConnection, limit: int = 500) -> dict[str, Any]:
    points, unplaced = counts.map_points(con, limit)
    return {"places": _cut(points), "events_without_coordinates": unplaced}


def search(con: duckdb.DuckDBPyConnection, query: str, limit: int = 50) -> dict[str, Any]:
    return {"query": query, **_cut(counts.search_articles(con, query, limit))} if query else {"query": "", "rows": []}


def quotes(con: duckdb.DuckDBPyConnection, speaker: str, about: str, limit: int = 50) -> dict[str, Any]:
    return {
        "speaker": speaker,
        "about": about,
        "quotes": _cut(counts.quotes(con, speaker, about, limit)),
        "speakers": _cut(counts.top_speakers(con)),
    }


def claims(con: duckdb.DuckDBPyConnection, contains: str = "", limit: int = 50) -> dict[str, Any]:
    return {"contains": contains, "subjects": _cut(claims_ledger.subjects(con, contains, limit))}


def ledger(con: duckdb.DuckDBPyConnection, subject: str, unit: str = "", limit: int = 200) -> dict[str, Any]:
    found = claims_ledger.ledger(con, subject, unit, limit)
    return {
        "subject": subject,
        "unit": unit,
        "entries": _cut(found),
        "by_claimant": claims_ledger.ledger_by_claimant(found.rows),
    }


def article(con: duckdb.DuckDBPyConnection, article_id: str) -> dict[str, Any] | None:
    view = counts.article(con, article_id)
    if view is None:
        return None
    book = codebook()
    for event in view.items["events"]:
        entry = book.get(event["cameo"] or "")
        event["cameo_name"] = entry.name if entry else None
        event["unit"] = view.units.get(event["idx"])
        event["sentence"] = view.article["text"][event["sentence_start"] or 0 : event["sentence_end"] or 0]
    return {"article": view.article, "copies": view.copies, **view.items}


def alerts(con: duckdb.DuckDBPyConnection, since: dt.date | None = None, limit: int = 500) -> dict[str, Any]:
    found = escalation_alerts(con, AlertOptions(), since, limit)
    return {"since": since, "rows": [a.to_dict() for a in found.alerts], "total": found.total, "more": found.more}


def _cut(found: counts.Cut) -> dict[str, Any]:
    return {"rows": found.rows, "total": found.total, "more": found.more}
