"""`newsevents serve`: the local dashboard over a read-only snapshot of a store."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from newsevents.cli.app import EXIT_OK, app, fail
from newsevents.types import InputError

LOOPBACK = "127.0.0.1"


@app.command()
def serve(
    db: Annotated[Path, typer.Option("--db", help="DuckDB store file (read, never written).", show_default=False)],
    host: Annotated[
        str, typer.Option("--host", help="Address to listen on; loopback unless you say otherwise.")
    ] = LOOPBACK,
    port: Annotated[int, typer.Option("--port", min=0, max=65535, help="Port to listen on.")] = 8000,
) -> int:
    """Serve dashboards (overview, dyads, network, map, articles, claims, quotes) and a JSON API on a store."""
    try:
        import uvicorn

        from newsevents.web.app import create_app
    except ImportError as exc:
        raise fail(
            f"the dashboard needs the web extra: pip install 'newsevents[web]' ({exc.name} is missing)"
        ) from None
    if not db.is_file():
        raise fail(f"no database at {db}")
    try:
        web = create_app(db)
    except InputError as exc:
        raise fail(str(exc)) from None
    if web.state.holder.current is None:
        print(f"newsevents: {web.state.holder.busy}; serving 'store busy' until a refresh succeeds")
    if host != LOOPBACK:
        print(f"newsevents: listening on {host}: reachable from other machines; the store's text is served to them")
    print(f"newsevents: serving {db} on http://{host}:{port}/ (Ctrl-C to stop)")
    uvicorn.run(web, host=host, port=port, log_level="warning")
    return EXIT_OK
