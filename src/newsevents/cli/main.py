"""Entry point of the `newsevents` console script.

Usage errors exit with status 1 (the CLI contract; click's own default is 2, which we keep
for "some inputs were rejected"). No command lets a traceback reach the user.
"""

from __future__ import annotations

import importlib
import sys

import typer

from newsevents.cli.app import EXIT_INTERRUPTED, EXIT_USAGE, app, ctrl_c_in_query

# Each module registers its commands on `app` when imported.
COMMAND_MODULES = ("extract", "evaluate", "verbs", "ingest", "stories", "demo", "serve", "alerts", "report")
for _module in COMMAND_MODULES:
    importlib.import_module(f"newsevents.cli.{_module}")


def main(argv: list[str] | None = None) -> int:
    try:
        result = app(args=argv, prog_name="newsevents", standalone_mode=False)
    except typer.Exit as exc:
        return int(exc.exit_code)
    except typer.Abort:
        print("newsevents: aborted", file=sys.stderr)
        return EXIT_INTERRUPTED
    except typer.TyperException as exc:  # usage errors: bad option, missing argument, ...
        return _usage_error(exc)
    except KeyboardInterrupt:
        print("newsevents: interrupted", file=sys.stderr)
        return EXIT_INTERRUPTED
    except BrokenPipeError:
        return 0
    except Exception as exc:
        if not ctrl_c_in_query(exc):
            raise
        print("newsevents: interrupted", file=sys.stderr)
        return EXIT_INTERRUPTED
    return int(result) if isinstance(result, int) else 0


def _usage_error(exc: Exception) -> int:
    format_message = getattr(exc, "format_message", None)
    message = format_message() if callable(format_message) else str(exc)
    if type(exc).__name__ == "NoArgsIsHelpError":  # bare `newsevents`: show the help, as asked
        print(message, file=sys.stderr)
        return EXIT_USAGE
    first_line = str(message).strip().splitlines()[0] if str(message).strip() else type(exc).__name__
    print(f"newsevents: error: {first_line} (see 'newsevents --help')", file=sys.stderr)
    return EXIT_USAGE


def run() -> None:
    sys.exit(main())


if __name__ == "__main__":
    run()
