"""`newsevents alerts`: dyads whose daily conflict score jumps above their own trailing baseline."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Annotated

import typer

from newsevents.cli.app import EXIT_OK, app, fail
from newsevents.types import InputError


@app.command()
def alerts(
    db: Annotated[Path, typer.Option("--db", help="DuckDB store file.", show_default=False)],
    since: Annotated[str | None, typer.Option("--since", help="Only alerts on or after YYYY-MM-DD.")] = None,
    window: Annotated[int, typer.Option("--window", min=2, help="Days of trailing baseline.")] = 30,
    z: Annotated[float, typer.Option("--z", min=0, help="z-score at or above which a day alerts.")] = 3.0,
    min_score: Annotated[float, typer.Option("--min-score", min=0, help="Smallest conflict score that alerts.")] = 5.0,
    min_events: Annotated[int, typer.Option("--min-events", min=1, help="Fewest conflict events that alert.")] = 2,
) -> int:
    """Escalation alerts: per dyad, days whose Goldstein-weighted conflict score is z sd above its baseline."""
    from newsevents.analyze.alerts import AlertOptions, escalation_alerts  # DuckDB: only for this command
    from newsevents.analyze.snapshot import StoreBusy, take_snapshot

    first = _since(since)
    options = AlertOptions(window=window, z_threshold=z, min_score=min_score, min_events=min_events)
    try:
        snapshot = take_snapshot(db, with_text=False)
    except (InputError, StoreBusy) as exc:
        raise fail(str(exc)) from None
    try:
        found = escalation_alerts(snapshot.cursor(), options, first)
    finally:
        snapshot.close()
    for alert in found.alerts:
        print(alert.line())
    print(f"newsevents: {found.total} alerts (window {window} days, z ≥ {z:g}, score ≥ {min_score:g})")
    return EXIT_OK


def _since(value: str | None) -> dt.date | None:
    if value is None:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise fail(f"--since must be YYYY-MM-DD, got {value!r}") from None
