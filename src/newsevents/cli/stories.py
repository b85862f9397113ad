"""`newsevents stories`: the stories of a store, largest first."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from newsevents.cli.app import EXIT_OK, app
from newsevents.cli.ingest import DbOption
from newsevents.cli.ingest import _open as open_store  # one way to open a store, with its errors


@app.command()
def stories(
    db: DbOption,
    min_size: Annotated[int, typer.Option("--min-size", min=1, help="Only stories with at least N articles.")] = 2,
    limit: Annotated[int | None, typer.Option("--limit", min=1, help="At most N stories.")] = None,
) -> int:
    """List stories (copies of one article grouped) with size, sources, first and last seen."""
    from newsevents.analyze.stories import iter_stories  # numpy, pyarrow, DuckDB: only for this command

    store = open_store(Path(db), must_exist=True)
    try:
        print("story_id\tsize\tsources\tfirst_seen\tlast_seen\ttitle")
        for number, story in enumerate(iter_stories(store, min_size)):
            if limit is not None and number >= limit:
                break
            print(
                "\t".join(
                    str(value if value is not None else "")
                    for value in (
                        story["story_id"], story["size"], story["num_sources"], story["first_seen"],
                        story["last_seen"], (story["title"] or "").replace("\t", " "),
                    )
                )
            )  # fmt: skip
    finally:
        store.close()
    return EXIT_OK
