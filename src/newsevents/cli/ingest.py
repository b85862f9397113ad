"""`newsevents ingest|export|stats`: a corpus into a DuckDB store, and back out of it."""

from __future__ import annotations

import datetime as dt
import os
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from newsevents.cli.app import EXIT_INTERRUPTED, EXIT_OK, EXIT_SOME_REJECTED, app, ctrl_c_in_query, fail, warn
from newsevents.cli.extract import (
    ConfigOption,
    DateOption,
    InputFormat,
    InputFormatOption,
    ModelOption,
    load_options,
    parse_date_option,
)
from newsevents.cli.notices import undated_line
from newsevents.ingest.clean import TRUNCATED_WARNING
from newsevents.nlp import ModelNotInstalled
from newsevents.runner.defaults import CHUNK_SIZE, CHUNKS_PER_WRITE
from newsevents.runner.progress import LogProgress, Progress, default_progress
from newsevents.types import InputError, Rejected

if TYPE_CHECKING:  # DuckDB and pyarrow are imported by the commands that use them: `extract` starts faster
    from newsevents.options import Options
    from newsevents.runner.local import IngestConfig, IngestSummary
    from newsevents.store import Store


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
    chunk_size: Annotated[
        int | None,
        typer.Option(
            "--chunk-size",
            min=1,
            help=(
                f"Articles per task and per transaction (default: {CHUNK_SIZE} per task; "
                f"the local engine commits {CHUNKS_PER_WRITE} at once)."
            ),
        ),
    ] = None,
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
    import duckdb  # here, not at the top: `extract` imports this module and needs no DuckDB

    from newsevents.runner.local import ingest as run_ingest

    if engine is Engine.local and (address or shards):
        raise fail("--address and --shards need --engine ray")
    options = load_options(config, model)
    settings = _ingest_config(workers, chunk_size, input_format, date)
    progress: Progress = LogProgress(every=log_every) if log_every is not None else default_progress()
    store = _open(db)
    before = article_counts(store)
    try:
        if engine is Engine.ray:
            summary = _run_on_ray(paths, store, RayTarget(db, shards, address, workers), options, settings, progress)
        else:
            summary = run_ingest(paths, store, options, settings, progress, on_reject=_report)
    except ModelNotInstalled as exc:
        store.close()
        raise fail(str(exc)) from None
    except KeyboardInterrupt:
        raise _interrupted(store, before, db) from None
    except (duckdb.InterruptException, RuntimeError) as exc:
        if not ctrl_c_in_query(exc):
            raise
        raise _interrupted(store, before, db) from None
    except (duckdb.Error, OSError) as exc:  # a full disk or a store made read-only under our feet
        store.close()
        raise fail(f"cannot write {db}: {_first_line(exc)}; what was committed before is intact") from None
    _report_run(store, before)
    store.close()
    print(f"newsevents: {summary.line()}")
    return EXIT_SOME_REJECTED if summary.rejected else EXIT_OK


def _ingest_config(
    workers: int | None, chunk_size: int | None, input_format: InputFormat, date: str | None
) -> IngestConfig:
    """The runner's settings from the command's options (`None`: not given)."""
    from newsevents.runner.local import IngestConfig

    return IngestConfig(
        workers=workers or os.cpu_count() or 1,
        chunk_size=chunk_size or IngestConfig.chunk_size,
        # a chunk size asked for is also the transaction's; by default the writer commits several chunks at once
        chunks_per_write=1 if chunk_size else IngestConfig.chunks_per_write,
        input_format=input_format.value,
        published=parse_date_option(date),
    )


@dataclass(frozen=True)
class RayTarget:
    """Where a Ray ingest runs and leaves its shards: `--address`, `--shards` (default: DB.shards), `--workers`."""

    db: Path
    shards: Path | None
    address: str | None
    workers: int | None  # None: the cluster's CPUs


def _run_on_ray(
    paths: list[Path], store: Store, target: RayTarget, options: Options, settings: IngestConfig, progress: Progress
) -> IngestSummary:
    from newsevents.runner.ray import RayConfig, RayUnavailable
    from newsevents.runner.ray import ingest as run_ray

    ray_settings = RayConfig(
        address=target.address,
        workers=target.workers,
        chunk_size=settings.chunk_size,
        input_format=settings.input_format,
        published=settings.published,
    )
    shard_folder = target.shards or target.db.with_name(target.db.name + ".shards")
    try:
        return run_ray(paths, store, shard_folder, options, ray_settings, progress, on_reject=_report)
    except RayUnavailable as exc:
        store.close()
        raise fail(str(exc)) from None


def article_counts(store: Store) -> tuple[int, int, int]:
    """(articles, undated articles, articles analysed in part) in the store."""
    row = store.con.execute(
        "SELECT count(*), count(*) FILTER (WHERE published IS NULL), "
        "count(*) FILTER (WHERE len(list_filter(warnings, lambda w: starts_with(w, ?))) > 0) FROM articles",
        [TRUNCATED_WARNING],
    ).fetchall()[0]
    return int(row[0]), int(row[1]), int(row[2])


def _report_run(store: Store, before: tuple[int, int, int]) -> None:
    """Once per run: how many of the articles stored now are undated or were analysed in part."""
    after = article_counts(store)
    stored, undated, truncated = (now - then for now, then in zip(after, before, strict=True))
    if undated:
        warn(undated_line(undated, stored))
    if truncated:
        warn(f"warning: {truncated} article(s) longer than max_chars were analysed in part (see their warnings)")


def _interrupted(store: Store, before: tuple[int, int, int], db: Path) -> typer.Exit:
    """Ctrl-C: every committed chunk is whole, an interrupted one was rolled back; say so and how to go on."""
    import duckdb

    try:
        stored = article_counts(store)[0] - before[0]
        store.close()
    except duckdb.Error:
        stored = -1
    done = f"{stored} article(s) stored in {db} before the interruption" if stored >= 0 else f"{db} is intact"
    return fail(
        f"interrupted: {done}; run the same command again to resume (stored articles are skipped)",
        EXIT_INTERRUPTED,
    )


def _first_line(exc: BaseException) -> str:
    text = str(getattr(exc, "strerror", None) or exc).strip()
    return text.splitlines()[0] if text else type(exc).__name__


@app.command("export")
def export_command(
    db: DbOption,
    export_format: Annotated[ExportFormat, typer.Option("--format", help="gdelt | parquet | csv | jsonl.")],
    out: Annotated[Path, typer.Option("--out", help="Output file (gdelt, jsonl) or folder (parquet, csv).")],
    since: Annotated[str | None, typer.Option("--since", help="Articles published on or after YYYY-MM-DD.")] = None,
    until: Annotated[str | None, typer.Option("--until", help="Articles published on or before YYYY-MM-DD.")] = None,
) -> int:
    """Write the store as a GDELT 2.0 event table, Parquet/CSV files per table, or JSONL records."""
    from newsevents.store.export import DateWindow
    from newsevents.store.export import export as run_export

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
    from newsevents.store.stats import store_stats

    store = _open(db, must_exist=True)
    try:
        print(store_stats(store, top).render())
    finally:
        store.close()
    return EXIT_OK


def _open(db: Path, must_exist: bool = False) -> Store:
    """The store; `must_exist` (stats, export) opens it read-only, so reading never changes a file."""
    from newsevents.store import Store

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
