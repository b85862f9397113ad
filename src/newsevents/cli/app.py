"""The Typer application that every command module registers on."""

from __future__ import annotations

import sys

import typer

app = typer.Typer(
    name="newsevents",
    help="News articles to a traceable record of who did what to whom, when and where.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)

EXIT_OK = 0
EXIT_USAGE = 1
EXIT_SOME_REJECTED = 2


def fail(message: str, code: int = EXIT_USAGE) -> typer.Exit:
    """Print one line on stderr and return the Exit to raise."""
    print(f"newsevents: error: {message}", file=sys.stderr)
    return typer.Exit(code)


def warn(message: str) -> None:
    print(f"newsevents: {message}", file=sys.stderr)
