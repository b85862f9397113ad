"""`newsevents verbs --unknown CORPUS...`: verbs between two actors that the dictionary cannot code.

Run it over a corpus, add the frequent verbs to a verb file of your own (format: the header of
`newsevents/data/verbs.tsv`) and pass that file with the option `verb_dictionaries`.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from newsevents.cli.app import EXIT_OK, EXIT_SOME_REJECTED, app, fail, progress_bar, warn
from newsevents.cli.extract import load_options
from newsevents.ingest.readers import read_inputs
from newsevents.nlp import ModelNotInstalled, load_model
from newsevents.types import Article, ArticleRecord, InputError, Rejected

if TYPE_CHECKING:  # the pipeline (spaCy) is imported when the command runs: other commands start faster
    from newsevents.extract.events.unknown import VerbUse


@app.command()
def verbs(
    paths: Annotated[list[Path], typer.Argument(help="Files or folders of .txt/.jsonl articles.", show_default=False)],
    unknown: Annotated[
        bool, typer.Option("--unknown/--all", help="Only verbs that no dictionary entry coded.")
    ] = False,
    top: Annotated[int, typer.Option("--top", min=1, help="How many verbs to list.")] = 30,
    as_json: Annotated[bool, typer.Option("--json/--no-json", help="Print a JSON list instead of a table.")] = False,
    config: Annotated[Path | None, typer.Option("--config", help="TOML file overriding the packaged defaults.")] = None,
    model: Annotated[str | None, typer.Option("--model", help="spaCy model package or directory.")] = None,
) -> int:
    """List the most frequent verbs linking a subject actor to an object actor, with an example each."""
    from newsevents.extract.events.dictionary import load_dictionary
    from newsevents.extract.events.unknown import count_verbs, verbs_between_actors
    from newsevents.pipeline import process_batch

    options = load_options(config, model)
    items = list(read_inputs(paths))
    rejected = [item for item in items if isinstance(item, Rejected)]
    for item in rejected:
        warn(f"error: {item.message()}")
    articles = [item for item in items if isinstance(item, Article)]
    try:
        dictionary = load_dictionary(tuple(options.verb_dictionaries))
        with progress_bar("verbs"):
            results = list(process_batch(articles, options))
        for result in results:
            if isinstance(result, Rejected):
                warn(f"error: {result.message()}")
                rejected.append(result)
        records = [r for r in results if isinstance(r, ArticleRecord)]
        uses = verbs_between_actors(records, load_model(options.model), dictionary, options)
        table = count_verbs(uses, only_uncoded=unknown)[:top]
    except (InputError, ModelNotInstalled) as exc:
        raise fail(str(exc)) from None
    print(json.dumps([v.to_dict() for v in table], ensure_ascii=False, indent=2) if as_json else _render(table))
    return EXIT_SOME_REJECTED if rejected else EXIT_OK


def _render(table: list[VerbUse]) -> str:
    if not table:
        return "no verbs between two actors found"
    width = max(len(v.lemma) for v in table)
    lines = [f"{'count':>5}  {'verb':<{width}}  {'status':<10}  example"]
    for use in table:
        status = "coded" if use.coded else ("no pattern" if use.in_dictionary else "unknown")
        example = use.example if len(use.example) <= 100 else use.example[:97] + "..."
        lines.append(f"{use.count:>5}  {use.lemma:<{width}}  {status:<10}  {example}")
    return "\n".join(lines)
