"""`newsevents extract PATH...`: one JSON record per article on stdout."""

from __future__ import annotations

import datetime as dt
import json
import sys
from collections.abc import Iterator
from enum import StrEnum
from itertools import islice
from pathlib import Path
from typing import Annotated, Any

import typer

from newsevents.cli.app import EXIT_OK, EXIT_SOME_REJECTED, app, fail, warn
from newsevents.cli.notices import RunNotices
from newsevents.ingest.readers import read_inputs
from newsevents.nlp import ModelNotInstalled
from newsevents.options import Options
from newsevents.types import Article, ArticleRecord, InputError, Rejected


class OutputFormat(StrEnum):
    json = "json"
    jsonl = "jsonl"


class InputFormat(StrEnum):
    auto = "auto"
    text = "text"
    html = "html"
    jsonl = "jsonl"
    feed = "feed"
    warc = "warc"


# Options shared by the commands that read articles (extract, ingest).
DateOption = Annotated[str | None, typer.Option("--date", help="Publication date (YYYY-MM-DD) for inputs without one.")]
InputFormatOption = Annotated[InputFormat, typer.Option("--input-format", help="How to read the inputs.")]
ConfigOption = Annotated[Path | None, typer.Option("--config", help="TOML file overriding the packaged defaults.")]
ModelOption = Annotated[str | None, typer.Option("--model", help="spaCy model package or directory.")]


def parse_date_option(value: str | None) -> dt.date | None:
    if value is None:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise fail(f"--date must be YYYY-MM-DD, got {value!r}") from None


def load_options(config: Path | None, model: str | None) -> Options:
    """The options, with every dictionary they name loaded: a broken config is one usage error, up front."""
    from newsevents.pipeline import validate  # imported on use: spaCy is slow to import

    try:
        options = Options.load(config, model=model)
        validate(options)
    except InputError as exc:
        raise fail(str(exc)) from None
    return options


@app.command()
def extract(
    paths: Annotated[
        list[Path],
        typer.Argument(
            help="Text, HTML, JSONL, RSS/Atom or WARC files (gzip'd too), folders, or - for standard input.",
            show_default=False,
        ),
    ],
    date: DateOption = None,
    output_format: Annotated[
        OutputFormat | None,
        typer.Option("--format", help="json: one object (default for one file); jsonl: one per line."),
    ] = None,
    input_format: InputFormatOption = InputFormat.auto,
    config: ConfigOption = None,
    model: ModelOption = None,
) -> int:
    """Extract actors, events, quotes, claims, places and dates from articles."""
    published = parse_date_option(date)
    options = load_options(config, model)
    items = read_inputs(paths, input_format.value, published)
    fmt = output_format or _default_format(paths, input_format)
    rejected = 0
    records: list[dict[str, Any]] = []
    notices = RunNotices()
    try:
        for item in _processed(items, options):
            if isinstance(item, Rejected):
                rejected += 1
                warn(f"error: {item.message()}")
                continue
            notices.see(item)
            if fmt is OutputFormat.jsonl:
                print(json.dumps(item.to_dict(), ensure_ascii=False), flush=True)
            else:
                records.append(item.to_dict())
    except ModelNotInstalled as exc:
        raise fail(str(exc)) from None
    notices.finish()
    if fmt is OutputFormat.json and records:
        payload: object = records[0] if len(records) == 1 else records
        json.dump(payload, sys.stdout, ensure_ascii=False, indent=2)
        print()
    return EXIT_SOME_REJECTED if rejected else EXIT_OK


def _default_format(paths: list[Path], input_format: InputFormat) -> OutputFormat:
    """One object for one plain text or HTML file; JSONL for anything that may hold several articles."""
    if len(paths) != 1 or paths[0].is_dir() or input_format in (InputFormat.jsonl, InputFormat.feed, InputFormat.warc):
        return OutputFormat.jsonl
    several = {".jsonl", ".ndjson", ".json", ".gz", ".warc", ".rss", ".atom", ".xml"}
    return OutputFormat.jsonl if set(s.lower() for s in paths[0].suffixes) & several else OutputFormat.json


def _processed(
    items: Iterator[Article | Rejected], options: Options, chunk: int = 32
) -> Iterator[ArticleRecord | Rejected]:
    """Parse in chunks with nlp.pipe while keeping input order and streaming output."""
    from newsevents.pipeline import process_batch  # imported on use: `ingest` shares this module, not spaCy

    while batch := list(islice(items, chunk)):
        articles = [i for i in batch if isinstance(i, Article)]
        results = iter(process_batch(articles, options))
        for item in batch:
            yield item if isinstance(item, Rejected) else next(results)
