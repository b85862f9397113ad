"""`newsevents ingest|export|stats`: a corpus into a DuckDB store, and back out of it."""

from __future__ import annotations

import datetime as dt
import os
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from newsevents.cli.app import EXIT_OK, EXIT_SOME_REJECTED, app, fail, warn
from newsevents.cli.extract import (
    ConfigOption,
    DateOption,
    InputFormat,
    InputFormatOption,
    ModelOption,
    load_options,
    parse_date_option,
)
from newsevents.nlp import ModelNotInstalled
from newsevents.runner.local import IngestConfig
from newsevents.runner.local import ingest as run_ingest
from newsevents.runner.progress import LogProgress, Progress, default_progress
from newsevents.runner.ray import RayConfig, RayUnavailable
from newsevents.runner.ray import ingest as run_ray
from newsevents.store import Store
from newsevents.store.export import DateWindow
from newsevents.store.export import export as run_export
from newsevents.store.stats import store_stats
from newsevents.types import InputError, Rejected


class Engine(StrEnum):
    local = "local"
    ray = "ray"


class ExportFormat(StrEnum):
    gdelt = "gdelt"
    parquet = "parquet"
    csv = "csv"
    jsonl = "jsonl"


DbOption = Annotated[Path, typer.Option("--db", help="DuckDB store file.", show_default=False)]


@app.command()
def ingest(
    paths: Annotated[list[Path], typer.Argument(help="Files or folders: text, HTML, JSONL, RSS/Atom, WARC, gzip'd.")],
    db: DbOption,
    workers: Annotated[
        int | None, typer.Option("--workers", min=1, help="Extraction processes (default: all cores).")
    ] = None,
    date: DateOption = None,
    input_format: InputFormatOption = InputFormat.auto,
    config: ConfigOption = None,
    model: ModelOption = None,
    chunk_size: Annotated[int, typer.Option("--chunk-size", min=1, help="Articles per task and per transaction.")] = 16,
    log_every: Annotated[
        float | None, typer.Option("--log-every", min=0, help="Plain progress lines every N seconds (no bar).")
    ] = None,
    engine: Annotated[Engine, typer.Option("--engine", help="local (processes) or ray (needs newsevents[ray]).")] = (
        Engine.local
    ),
    address: Annotated[
        str | None, typer.Option("--address", help="Ray cluster to join (ray://HOST:PORT or HOST:PORT).")
    ] = None,
    shards: Annotated[
        Path | None, typer.Option("--shards", help="Ray: folder for Parquet shards (default: DB.shards).")
    ] = None,
) -> int:
    """Extract every article under PATHS into a DuckDB store; re-runs and resumed runs store nothing twice."""
    if engine is Engine.local and (address or shards):
        raise fail("--address and --shards need --engine ray")
    options = load_options(config, model)
    settings = IngestConfig(
        workers=workers or os.cpu_count() or 1,
        chunk_size=chunk_size,
        input_format=input_format.value,
        published=parse_date_option(date),
    )
    progress: Progress = LogProgress(every=log_every) if log_every is not None else default_progress()
    store = _open(db)
    try:
        if engine is Engine.ray:
            ray_settings = RayConfig(
                address=address,
                workers=workers,
                chunk_size=chunk_size,
                input_format=settings.input_format,
                published=settings.published,
            )
            shard_folder = shards or db.with_name(db.name + ".shards")
            summary = run_ray(paths, store, shard_folder, options, ray_settings, progress, on_reject=_report)
        else:
            summary = run_ingest(paths, store, options, settings, progress, on_reject=_report)
    except (ModelNotInstalled, RayUnavailable) as exc:
        raise fail(str(exc)) from None
    finally:
        store.close()
    print(f"newsevents: {summary.line()}")
    return EXIT_SOME_REJECTED if summary.rejected else EXIT_OK


@app.command("export")
def export_command(
    db: DbOption,
    export_format: Annotated[ExportFormat, typer.Option("--format", help="gdelt | parquet | csv | jsonl.")],
    out: Annotated[Path, typer.Option("--out", help="Output file (gdelt, jsonl) or folder (parquet, csv).")],
    since: Annotated[str | None, typer.Option("--since", help="Articles published on or after YYYY-MM-DD.")] = None,
    until: Annotated[str | None, typer.Option("--until", help="Articles published on or before YYYY-MM-DD.")] = None,
) -> int:
    """Write the store as a GDELT 2.0 event table, Parquet/CSV files per table, or JSONL records."""
    window = DateWindow(_date(since, "--since"), _date(until, "--until"))
    if window.since and window.until and window.since > window.until:
        raise fail(f"--since {window.since} is after --until {window.until}")
    store = _open(db, must_exist=True)
    try:
        counts = run_export(store, export_format.value, out, window)
    except OSError as exc:
        raise fail(f"cannot write {out}: {exc.strerror or exc}") from None
    finally:
        store.close()
    summary = ", ".join(f"{count} {table}" for table, count in counts.items())
    print(f"newsevents: wrote {out} ({summary})")
    return EXIT_OK


@app.command()
def stats(db: DbOption, top: Annotated[int, typer.Option("--top", min=1, help="How many dyads to list.")] = 10) -> int:
    """Rows per table and the most frequent source → target dyads in a store."""
    store = _open(db, must_exist=True)
    try:
        print(store_stats(store, top).render())
    finally:
        store.close()
    return EXIT_OK


def _open(db: Path, must_exist: bool = False) -> Store:
    """The store; `must_exist` (stats, export) opens it read-only, so reading never changes a file."""
    if must_exist and not db.is_file():
        raise fail(f"no database at {db}")
    try:
        return Store.open(db, read_only=must_exist)
    except InputError as exc:
        raise fail(str(exc)) from None


def _date(value: str | None, option: str) -> dt.date | None:
    if value is None:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise fail(f"{option} must be YYYY-MM-DD, got {value!r}") from None


def _report(rejected: Rejected) -> None:
    warn(f"error: {rejected.message()}")
