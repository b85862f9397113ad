"""The Typer application that every command module registers on."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from contextlib import contextmanager
from importlib.metadata import PackageNotFoundError
from importlib.metadata import version as package_version
from typing import Annotated

import typer

app = typer.Typer(
    name="newsevents",
    help="News articles to a traceable record of who did what to whom, when and where.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
    # click's plain help: typer's rich panels print every flag as `--json <bool>`, as if it took a value
    rich_markup_mode=None,
)

EXIT_OK = 0
EXIT_USAGE = 1
EXIT_SOME_REJECTED = 2
EXIT_INTERRUPTED = 130  # 128 + SIGINT, as shells report a Ctrl-C


def fail(message: str, code: int = EXIT_USAGE) -> typer.Exit:
    """Print one line on stderr and return the Exit to raise."""
    print(f"newsevents: error: {message}", file=sys.stderr)
    return typer.Exit(code)


def ctrl_c_in_query(exc: Exception) -> bool:
    """Ctrl-C that arrives while DuckDB runs a query is taken by DuckDB, which aborts the query and raises its own
    error ("Query interrupted", or its InterruptException) instead of KeyboardInterrupt: the same Ctrl-C, to be
    reported the same way. Read by name so that commands which never open a store need not import DuckDB."""
    return type(exc).__name__ == "InterruptException" or "query interrupted" in str(exc).lower()


def warn(message: str) -> None:
    print(f"newsevents: {message}", file=sys.stderr)


def _print_version(value: bool) -> None:
    if value:
        try:
            print(f"newsevents {package_version('newsevents')}")
        except PackageNotFoundError:  # run from a source tree that was never installed
            print("newsevents (not installed)")
        raise typer.Exit(EXIT_OK)


@app.callback()
def _global_options(
    version: Annotated[
        bool,
        typer.Option("--version", help="Print the version and exit.", is_eager=True, callback=_print_version),
    ] = False,
) -> None:
    """News articles to a traceable record of who did what to whom, when and where."""


@contextmanager
def progress_bar(label: str) -> Iterator[None]:
    """A rich progress bar on stderr, fed by every `process_batch` in the block; nothing when stderr is no terminal."""
    from newsevents.pipeline import reporting_progress

    if not sys.stderr.isatty():
        yield
        return
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

    columns = (TextColumn(label), BarColumn(), MofNCompleteColumn(), TextColumn("articles"), TimeElapsedColumn())
    with Progress(*columns, console=Console(stderr=True), transient=True) as bar:
        task = bar.add_task(label, total=None)
        with reporting_progress(lambda done, total: bar.update(task, completed=done + 1, total=total)):
            yield
