"""`newsevents demo [PATH...]`: extract the bundled examples and print a readable summary."""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Sequence
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.table import Table

from newsevents.cli.app import EXIT_OK, EXIT_SOME_REJECTED, app, fail, warn
from newsevents.cli.extract import ConfigOption, DateOption, ModelOption, load_options, parse_date_option
from newsevents.cli.notices import RunNotices
from newsevents.ingest.readers import read_inputs
from newsevents.nlp import ModelNotInstalled
from newsevents.types import Article, ArticleRecord, Rejected

DEFAULT_EXAMPLES = Path("examples")
SHOWN = {"events": 12, "quotes": 5, "claims": 5, "places": 8, "dates": 8}  # items listed per article


@app.command()
def demo(
    paths: Annotated[list[Path] | None, typer.Argument(help="Articles to run on (default: examples/).")] = None,
    out: Annotated[Path, typer.Option("--out", help="Where to write the JSONL records.")] = Path("out/demo.jsonl"),
    date: DateOption = None,
    config: ConfigOption = None,
    model: ModelOption = None,
) -> int:
    """Run extraction on example articles and print what was found in each."""
    from newsevents.pipeline import process_batch  # imported on use: spaCy is slow to import

    published = parse_date_option(date)
    options = load_options(config, model)
    items = list(read_inputs(paths or [DEFAULT_EXAMPLES], "auto", published))
    articles = [i for i in items if isinstance(i, Article) and not i.id.endswith("README.md")]
    rejected = [i for i in items if isinstance(i, Rejected)]
    for item in rejected:
        warn(f"error: {item.message()}")
    try:
        records = [r for r in process_batch(articles, options) if isinstance(r, ArticleRecord)]
    except ModelNotInstalled as exc:
        raise fail(str(exc)) from None
    console = Console()
    notices = RunNotices()
    for record in records:
        print_summary(console, record)
        notices.see(record)
    notices.finish()
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text("".join(json.dumps(r.to_dict(), ensure_ascii=False) + "\n" for r in records), "utf-8")
    console.print(f"\n[bold]{len(records)} articles[/bold] processed; full records in {out}")
    return EXIT_SOME_REJECTED if rejected else EXIT_OK


def print_summary(console: Console, record: ArticleRecord) -> None:
    console.rule(f"[bold]{record.title or record.id}[/bold]  ({record.published or 'no date'})")
    counts = {k: len(getattr(record, k)) for k in ("actors", "events", "quotes", "claims", "places", "dates")}
    console.print("  ".join(f"{k}: {v}" for k, v in counts.items()))
    console.print(actors_table(record))
    if record.events:
        console.print(events_table(record))
        print_more(console, record.events, "events")
    for quote in record.quotes[: SHOWN["quotes"]]:
        speaker = quote.speaker.name if quote.speaker else "?"
        console.print(f"  [cyan]{speaker}[/cyan] ({quote.kind}): {quote.text[:100]!r}")
    print_more(console, record.quotes, "quotes")
    for claim in record.claims[: SHOWN["claims"]]:
        source = f" — per {claim.source.name}" if claim.source else ""
        console.print(f"  claim: {claim.qualifier or ''} {claim.value} {claim.unit or ''} ({claim.subject}){source}")
    print_more(console, record.claims, "claims")
    if record.places:
        shown = ", ".join(f"{p.name} ({p.kind}, {p.country})" for p in record.places[: SHOWN["places"]])
        console.print(f"  places: {shown}{more(record.places, 'places', inline=True)}")
    if record.dates:
        shown = ", ".join(f"{d.text} → {d.value}" for d in record.dates[: SHOWN["dates"]])
        console.print(f"  dates: {shown}{more(record.dates, 'dates', inline=True)}")
    for warning in record.warnings:
        console.print(f"  [yellow]warning:[/yellow] {warning}")


def print_more(console: Console, items: Sequence[object], kind: str) -> None:
    if line := more(items, kind):
        console.print(line)


def more(items: Sequence[object], kind: str, inline: bool = False) -> str:
    """ "and N more" when a list was cut for the screen (all of it is in the JSONL file); else nothing."""
    hidden = len(items) - SHOWN[kind]
    if hidden <= 0:
        return ""
    return f" … and {hidden} more" if inline else f"  … and {hidden} more {kind} (see the JSONL file)"


def actors_table(record: ArticleRecord) -> Table:
    table = Table("actor", "code", "mentions", title="actors", title_justify="left")
    mentions = Counter(a.entity for a in record.actors)
    seen: set[int] = set()
    for actor in record.actors:
        if actor.entity in seen or actor.kind == "pronoun":
            continue
        seen.add(actor.entity)
        table.add_row(actor.name, actor.code or "-", str(mentions[actor.entity]))
    return table


def events_table(record: ArticleRecord) -> Table:
    table = Table("source", "event", "target", "modality", "trigger", title="events", title_justify="left")
    for event in record.events[: SHOWN["events"]]:
        table.add_row(
            event.source.code or event.source.name if event.source else "-",
            f"{event.cameo} {event.plover or ''} ({event.goldstein:+.1f})",
            event.target.code or event.target.name if event.target else "-",
            event.modality,
            event.trigger.text,
        )
    return table
