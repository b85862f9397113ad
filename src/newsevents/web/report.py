"""`newsevents report`: the dashboard's views as one static HTML file (inline CSS, no scripts, no links out)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import duckdb

from newsevents.analyze.counts import rows
from newsevents.analyze.snapshot import take_snapshot
from newsevents.web import views
from newsevents.web.outline import world_outline
from newsevents.web.render import Links, render, static_text


def build_report(db: Path, dyads: int = 5, subjects: int = 5, speakers: int = 5) -> str:
    """The report's HTML; StoreBusy while an ingest writes the store, InputError if `db` is no store."""
    snapshot = take_snapshot(db)
    try:
        return _render(snapshot.cursor(), db, dyads, subjects, speakers)
    finally:
        snapshot.close()


def _render(con: duckdb.DuckDBPyConnection, db: Path, dyads: int, subjects: int, speakers: int) -> str:
    overview = views.overview(con, dyads=max(dyads, 10))
    dyad_views = [views.dyad(con, d["source_code"], d["target_code"]) for d in overview["top_dyads"]["rows"][:dyads]]
    claims = views.claims(con)
    quotes = views.quotes(con, "", "")
    context: dict[str, Any] = {
        "report": True,
        "report_css": static_text("style.css"),
        "db": db.name,
        "written": dt.datetime.now(dt.UTC).strftime("%Y-%m-%d %H:%M"),
        "links": Links(report=True),
        "outline": world_outline(),
        "overview": overview,
        "dyads": dyad_views,
        "sentences": _sentences(con, [e for v in dyad_views for e in v["events"]["rows"]]),
        "network": views.network(con),
        "places": views.places(con),
        "claims": claims,
        "ledgers": [views.ledger(con, s["subject"], s["unit"]) for s in claims["subjects"]["rows"][:subjects]],
        "quotes": [
            {"speaker": s["speaker_name"], "quotes": views.quotes(con, s["speaker_name"], "", 20)["quotes"]}
            for s in quotes["speakers"]["rows"][:speakers]
        ],
    }
    return render("report.html", status={}, **context)


def _sentences(con: duckdb.DuckDBPyConnection, events: list[dict[str, Any]]) -> dict[str, str]:
    """The sentence each listed event came from: in a single file the sentence itself is the link down."""
    if not events:
        return {}
    ids = [e["unit_id"] for e in events]
    sql = """
    SELECT u.unit_id, substring(a.text, u.sentence_start + 1, u.sentence_end - u.sentence_start) AS sentence
    FROM event_units u JOIN articles a USING (article_id) WHERE list_contains(?, u.unit_id)
    """
    return {r["unit_id"]: r["sentence"] for r in rows(con, sql, [ids])}


def write_report(db: Path, out: Path) -> int:
    """Write the report; its size in bytes."""
    html = build_report(db)
    out.write_text(html, encoding="utf-8")
    return len(html.encode("utf-8"))
