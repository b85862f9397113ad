"""`newsevents report`: the dashboard's views as one static HTML file to share."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from newsevents.cli.app import EXIT_OK, app, fail
from newsevents.types import InputError


@app.command()
def report(
    db: Annotated[Path, typer.Option("--db", help="DuckDB store file.", show_default=False)],
    out: Annotated[Path, typer.Option("--out", help="HTML file to write.")],
) -> int:
    """Write overview, alerts, top dyads, network, map, claims and quotes as one self-contained HTML file."""
    from newsevents.analyze.snapshot import StoreBusy  # DuckDB: only for this command
    from newsevents.web.report import write_report

    try:
        size = write_report(db, out)
    except (InputError, StoreBusy) as exc:
        raise fail(str(exc)) from None
    except OSError as exc:
        raise fail(f"cannot write {out}: {exc.strerror or exc}") from None
    print(f"newsevents: wrote {out} ({size:,} bytes)")
    return EXIT_OK
