"""Stores for the dashboard tests: one ingested from fixture articles, and synthetic ones built row by row."""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from newsevents.cli.main import main as cli
from newsevents.extract.events.codebook import codebook
from newsevents.store import Store, StoredArticle, to_arrow

FIXTURES = Path(__file__).parent / "fixtures" / "web"


def ingest_fixtures(db: Path) -> None:
    """The fixture articles through the real `newsevents ingest` (model, extraction, store)."""
    code = cli(["ingest", str(FIXTURES / "articles.jsonl"), "--db", str(db), "--workers", "1"])
    assert code == 0, f"ingest of the fixture articles exited {code}"


@dataclass(frozen=True)
class Ev:
    """One synthetic event: source → target, its CAMEO code, and optional own date and modality."""

    source: str
    target: str
    cameo: str
    date: str | None = None
    modality: str = "asserted"
    place: tuple[str, float, float] | None = None


def synthetic_article(
    source_id: str,
    published: str | None,
    events: Iterable[Ev] = (),
    text: str | None = None,
    url: str | None = None,
    claims: Iterable[dict[str, Any]] = (),
    quotes: Iterable[dict[str, Any]] = (),
    trailer: str | None = None,
) -> StoredArticle:
    """An article whose text has one sentence per event, the event rows pointing at their sentences.

    The text ends with `trailer` (default: the source id), so articles differ unless made copies on purpose.
    """
    sentences: list[str] = []
    rows: list[dict[str, Any]] = []
    for event in events:
        code = codebook()[event.cameo]
        start = sum(len(s) for s in sentences)
        sentence = f"{event.source} {code.name.lower()} {event.target}. "
        sentences.append(sentence)
        trigger = start + len(event.source) + 1
        rows.append(_event_row(event, code, start, len(sentence) - 1, trigger))
    body = text if text is not None else "".join(sentences) + f"Report {trailer or source_id}."
    record = {
        "id": source_id,
        "title": f"Article {source_id}",
        "url": url,
        "published": published,
        "text": body,
        "events": rows,
        "claims": list(claims),
        "quotes": list(quotes),
    }
    digest = hashlib.sha1(body.encode()).hexdigest()
    article_id = hashlib.sha1(f"{source_id}\0{digest}".encode()).hexdigest()[:20]
    return StoredArticle(article_id, digest, None, record)


def _event_row(event: Ev, code: Any, start: int, length: int, trigger: int) -> dict[str, Any]:
    place = None
    if event.place:
        name, lat, lon = event.place
        place = {"start": start, "end": start + 1, "text": name, "name": name, "lat": lat, "lon": lon}
    return {
        "sentence": {"start": start, "end": start + length},
        "trigger": {"start": trigger, "end": trigger + len(code.name), "text": code.name.lower()},
        "source": {
            "start": start,
            "end": start + len(event.source),
            "text": event.source,
            "name": event.source,
            "code": event.source,
        },
        "target": {"start": 0, "end": 0, "text": event.target, "name": event.target, "code": event.target},
        "cameo": code.code,
        "root": code.root,
        "quad_class": code.quad_class,
        "goldstein": code.goldstein,
        "plover": code.plover,
        "modality": event.modality,
        "date": event.date,
        "date_source": "text" if event.date else "published",
        "place": place,
    }


def write_store(db: Path | str, articles: Iterable[StoredArticle]) -> None:
    with Store.open(db) as store:
        store.write(to_arrow(articles, store.schemas))


def days(first: str, count: int, every: int = 1) -> list[str]:
    start = dt.date.fromisoformat(first)
    return [(start + dt.timedelta(days=i)).isoformat() for i in range(0, count, every)]
