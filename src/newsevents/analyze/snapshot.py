"""A read-only, in-memory snapshot of a store: what the dashboard, `report` and `alerts` read.

DuckDB lets one process write a file, and while it writes no other process may open it, not even
read-only. So readers never hold the store open: `take_snapshot` attaches it read-only for the
time of one copy, copies the tables into an in-memory database, builds the derived tables
(`event_units`, see `analyze.counts`) and lets go of the file. If a writer holds the file,
`StoreBusy` is raised and the caller keeps serving its previous snapshot (the dashboard says so and
offers a refresh). The store file itself is never written.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

import duckdb

from newsevents.analyze.counts import EVENT_MEMBERS_SQL, EVENT_UNITS_SQL
from newsevents.store.migrations import MIGRATIONS, RECORD_TABLES
from newsevents.types import InputError

COPIED_TABLES = ("articles", *RECORD_TABLES, "event_groups", "event_group_members", "event_contests")
STORY_COLUMNS = "article_id, story_id, source_key"  # not the MinHash signatures: the dashboard never needs them


class StoreBusy(RuntimeError):
    """Another process is writing the store (DuckDB's file lock); try again when it is done."""


@dataclass(frozen=True)
class Snapshot:
    con: duckdb.DuckDBPyConnection
    path: Path
    taken_at: dt.datetime

    def cursor(self) -> duckdb.DuckDBPyConnection:
        """A cursor for one request: DuckDB connections are not shared between threads, cursors are."""
        return self.con.cursor()

    def close(self) -> None:
        self.con.close()


def take_snapshot(path: Path, with_text: bool = True) -> Snapshot:
    """Copy the store at `path` into memory; StoreBusy if a writer holds it, InputError if it is no store."""
    if not path.is_file():
        raise InputError(f"no database at {path}")
    con = duckdb.connect(":memory:")
    con.execute("SET enable_progress_bar = false")  # a server's log is no terminal
    try:
        _attach(con, path)
        try:
            _check_schema(con, path)
            for table in COPIED_TABLES:
                columns = "* EXCLUDE (text), '' AS text" if table == "articles" and not with_text else "*"
                con.execute(f"CREATE TABLE {table} AS SELECT {columns} FROM src.{table}")
            con.execute(f"CREATE TABLE story_signatures AS SELECT {STORY_COLUMNS} FROM src.story_signatures")
        finally:
            con.execute("DETACH src")
        con.execute(f"CREATE TABLE event_members AS {EVENT_MEMBERS_SQL}")
        con.execute(f"CREATE TABLE event_units AS {EVENT_UNITS_SQL}")
    except BaseException:
        con.close()
        raise
    return Snapshot(con, path, dt.datetime.now(dt.UTC).replace(microsecond=0, tzinfo=None))


def _attach(con: duckdb.DuckDBPyConnection, path: Path) -> None:
    try:
        con.execute("ATTACH ? AS src (READ_ONLY)", [str(path)])
    except duckdb.IOException as exc:
        if "lock" in str(exc).lower():
            raise StoreBusy(f"store {path} is being written by another process; retry when it is done") from exc
        raise InputError(f"cannot open database {path}: {_first_line(exc)}") from exc
    except duckdb.Error as exc:
        raise InputError(f"cannot open database {path}: {_first_line(exc)}") from exc


def _check_schema(con: duckdb.DuckDBPyConnection, path: Path) -> None:
    tables = {
        row[0]
        for row in con.execute(
            "SELECT table_name FROM information_schema.tables WHERE table_catalog = 'src'"
        ).fetchall()
    }
    if "schema_version" not in tables:
        raise InputError(f"{path} is not a newsevents database (no schema_version table)")
    applied = {row[0] for row in con.execute("SELECT version FROM src.schema_version").fetchall()}
    if any(step.version not in applied for step in MIGRATIONS):
        raise InputError(f"{path} is from an older newsevents; run `newsevents ingest` on it once to migrate")


def _first_line(exc: BaseException) -> str:
    text = str(exc).strip()
    return text.splitlines()[0] if text else type(exc).__name__
