"""`newsevents demo [PATH...]`: extract the bundled examples and print a readable summary."""

from __future__ import annotations

import datetime as dt
import json
from collections import Counter
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.table import Table

from newsevents.cli.app import EXIT_OK, EXIT_SOME_REJECTED, app, fail, warn
from newsevents.ingest.readers import read_inputs
from newsevents.nlp import ModelNotInstalled
from newsevents.types import Article, ArticleRecord, Rejected

DEFAULT_EXAMPLES = Path("examples")
DEFAULT_DATE = dt.date(2024, 4, 12)


@app.command()
def demo(
    paths: Annotated[list[Path] | None, typer.Argument(help="Articles to run on (default: examples/).")] = None,
    out: Annotated[Path, typer.Option("--out", help="Where to write the JSONL records.")] = Path("out/demo.jsonl"),
) -> int:
    """Run extraction on example articles and print what was found in each."""
    from newsevents.pipeline import process_batch  # imported on use: spaCy is slow to import

    items = list(read_inputs(paths or [DEFAULT_EXAMPLES], "auto", DEFAULT_DATE))
    articles = [i for i in items if isinstance(i, Article) and not i.id.endswith("README.md")]
    rejected = [i for i in items if isinstance(i, Rejected)]
    for item in rejected:
        warn(f"error: {item.message()}")
    try:
        records = [r for r in process_batch(articles) if isinstance(r, ArticleRecord)]
    except ModelNotInstalled as exc:
        raise fail(str(exc)) from None
    console = Console()
    for record in records:
        print_summary(console, record)
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
    for quote in record.quotes[:5]:
        speaker = quote.speaker.name if quote.speaker else "?"
        console.print(f"  [cyan]{speaker}[/cyan] ({quote.kind}): {quote.text[:100]!r}")
    for claim in record.claims[:5]:
        source = f" — per {claim.source.name}" if claim.source else ""
        console.print(f"  claim: {claim.qualifier or ''} {claim.value} {claim.unit or ''} ({claim.subject}){source}")
    if record.places:
        console.print("  places: " + ", ".join(f"{p.name} ({p.kind}, {p.country})" for p in record.places[:8]))
    if record.dates:
        console.print("  dates: " + ", ".join(f"{d.text} → {d.value}" for d in record.dates[:8]))
    for warning in record.warnings:
        console.print(f"  [yellow]warning:[/yellow] {warning}")


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
    for event in record.events[:12]:
        table.add_row(
            event.source.code or event.source.name if event.source else "-",
            f"{event.cameo} {event.plover or ''} ({event.goldstein:+.1f})",
            event.target.code or event.target.name if event.target else "-",
            event.modality,
            event.trigger.text,
        )
    return table
