"""`newsevents eval TASK --gold NAME`: accuracy against public gold data."""

from __future__ import annotations

import importlib
from pathlib import Path
from typing import Annotated

import typer

from newsevents.cli.app import EXIT_OK, app, fail, progress_bar
from newsevents.cli.extract import ConfigOption, ModelOption, load_options
from newsevents.evaluation import TASKS
from newsevents.evaluation.common import find_shared
from newsevents.nlp import ModelNotInstalled
from newsevents.types import InputError


@app.command("eval")
def evaluate(
    task: Annotated[str, typer.Argument(help=f"What to measure: {', '.join(TASKS)}.")],
    gold: Annotated[str, typer.Option("--gold", help="Gold set, e.g. petr2, polnear, trnews, timebank, bbc-dev.")],
    split: Annotated[str | None, typer.Option("--split", help="Split of the gold set, where it has them.")] = None,
    shared: Annotated[Path | None, typer.Option("--shared", help="Folder holding eval/ (default ../shared).")] = None,
    limit: Annotated[int | None, typer.Option("--limit", help="Score only the first N documents.")] = None,
    as_json: Annotated[bool, typer.Option("--json/--no-json", help="Print the report as JSON.")] = False,
    config: ConfigOption = None,
    model: ModelOption = None,
) -> int:
    """Score extraction against gold data and print the figures."""
    if task not in TASKS:
        raise fail(f"unknown task {task!r}; choose one of {', '.join(TASKS)}")
    options = load_options(config, model)
    try:
        module = importlib.import_module(f"newsevents.evaluation.{task}")
    except ModuleNotFoundError:
        raise fail(f"no evaluation for {task!r} yet") from None
    try:
        with progress_bar(f"eval {task} on {gold}"):
            report = module.evaluate(gold=gold, split=split, shared=find_shared(shared), options=options, limit=limit)
    except (InputError, ModelNotInstalled) as exc:
        raise fail(str(exc)) from None
    print(report.to_json() if as_json else report.render())
    return EXIT_OK
