"""Actor coding against the actors of the event gold sets (`../shared/eval/events/`).

The event gold sets name, for each sentence, the actors of its events with CAMEO codes. This scores
our actor stage on its own, before any event coding: does the sentence's set of actor countries
(the country or organisation part of each code) match the gold's?

- `--gold plover`: PLOVER GSR, gold actor and recipient codes (with sectors where given).
- `--gold petr2`: PETR2 GSR, gold source and target codes of its events.
- `--gold bbc-dev [--split study|report|all]`: the sources and targets of the certain events of the
  hand-coded BBC articles (`bbc_events_dev.json`): for each distinct gold participant span, do we have
  a mention overlapping it (found), and does it carry the gold code or one of its `alt_codes` (coded)?
Reported: set P/R/F1 of countries per sentence (micro-averaged), and sector accuracy over gold actors
whose country we found (PLOVER only, where the gold gives a sector).
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

from newsevents.evaluation.common import PRF, EvalReport
from newsevents.evaluation.events import actor_country, gold_country, gold_date
from newsevents.options import Options
from newsevents.pipeline import process_batch
from newsevents.types import Actor, Article, ArticleRecord, InputError

GOLDS = ("plover", "petr2", "bbc-dev")
BBC_SPLITS = ("study", "report", "all")
BBC_DEFAULT_DATE = dt.date(2005, 1, 1)  # the README's publication date for the BBC articles


def evaluate(gold: str, split: str | None, shared: Path, options: Options, limit: int | None) -> EvalReport:
    if gold not in GOLDS:
        raise InputError(f"unknown gold set {gold!r} for actors; choose one of {', '.join(GOLDS)}")
    if gold == "bbc-dev":
        return evaluate_bbc_participants(shared, options, limit, split or "report")
    rows = _read_rows(shared / "eval" / "events" / f"{gold}_gsr.jsonl", limit)
    articles = [Article(id=r["id"], text=r["text"], published=gold_date(r.get("date", ""))) for r in rows]
    records = {r.id: r for r in process_batch(articles, options) if isinstance(r, ArticleRecord)}
    countries, sectors = PRF(), [0, 0]
    for row in rows:
        record = records.get(row["id"])
        gold_actors = _gold_actors(gold, row)
        predicted = {actor_country(a) for a in (record.actors if record else []) if a.kind != "pronoun"}
        predicted.discard("---")
        _set_prf({c for c, _ in gold_actors} - {"---"}, predicted, countries)
        if record is not None:
            _score_sectors(gold_actors, record, sectors)
    metrics = countries.as_metrics("country_set")
    if sectors[1]:
        metrics["sector_accuracy"] = sectors[0] / sectors[1]
    return EvalReport(
        task="actors",
        gold=gold,
        metrics=metrics,
        counts={"sentences": len(rows), "gold_sectors_scored": sectors[1]},
        notes=["country = country or organisation part of the CAMEO code; pronoun mentions are not counted"],
    )


def _read_rows(path: Path, limit: int | None) -> list[dict]:
    if not path.is_file():
        raise InputError(f"{path}: gold file not found")
    rows = [json.loads(line) for line in path.read_text("utf-8").splitlines() if line.strip()]
    return rows[:limit] if limit else rows


def _gold_actors(gold: str, row: dict) -> list[tuple[str, str]]:
    """(country, sector) of every gold actor of the sentence."""
    if gold == "plover":
        people = row.get("actor", []) + row.get("recipient", [])
        return [(gold_country(a.get("code", "")), a.get("sector", "") or "") for a in people]
    found = []
    for event in row.get("events", []):
        for role in ("source", "target"):
            code = event.get(role, "")
            found.append((gold_country(code), code[3:6] if len(code) >= 6 else ""))
    return found


def _set_prf(gold: set[str], predicted: set[str], prf: PRF) -> None:
    prf.tp += len(gold & predicted)
    prf.fp += len(predicted - gold)
    prf.fn += len(gold - predicted)


def _score_sectors(gold_actors: list[tuple[str, str]], record: ArticleRecord, tally: list[int]) -> None:
    ours: dict[str, set[str]] = {}
    for actor in record.actors:
        ours.setdefault(actor_country(actor), set()).add(actor.sector or "")
    for country, sector in gold_actors:
        if sector and country in ours:
            tally[1] += 1
            tally[0] += sector in ours[country]


def evaluate_bbc_participants(shared: Path, options: Options, limit: int | None, split: str) -> EvalReport:
    if split not in BBC_SPLITS:
        raise InputError(f"unknown split {split!r} for bbc-dev; choose one of {', '.join(BBC_SPLITS)}")
    path = shared / "eval" / "events" / "bbc_events_dev.json"
    if not path.is_file():
        raise InputError(f"{path}: gold file not found")
    data = json.loads(path.read_text("utf-8"))
    wanted = set(data["split"]["study"]) | set(data["split"]["report"]) if split == "all" else set(data["split"][split])
    rows = [a for a in data["articles"] if a["id"] in wanted][: limit or None]
    articles = [_bbc_article(shared, row) for row in rows]
    records = {r.id: r for r in process_batch(articles, options) if isinstance(r, ArticleRecord)}
    found = coded = total = 0
    for row in rows:
        actors = records[row["id"]].actors if row["id"] in records else []
        for participant in _participants(row):
            total += 1
            ours = _best_overlap(actors, participant)
            found += ours is not None
            coded += ours is not None and ours.code in {participant["code"], *participant.get("alt_codes", [])}
    return EvalReport(
        task="actors",
        gold=f"bbc-dev ({split})",
        metrics={
            "participants_found": found / total if total else 0.0,
            "participants_coded_right": coded / total if total else 0.0,
            "coded_right_of_found": coded / found if found else 0.0,
        },
        counts={"articles": len(rows), "gold_participants": total},
        notes=[
            "participant: a distinct source/target span of a certain gold event; found = one of our mentions "
            "overlaps it; coded right = that mention's code is the gold code or an alt_code",
            "publication date 2005-01-01 where the gold gives none; errors are studied on `study` only",
        ],
    )


def _bbc_article(shared: Path, row: dict) -> Article:
    path = shared / "eval" / "corpora" / "bbc" / "politics" / row["source_file"]
    if not path.is_file():
        raise InputError(f"{path}: article of the bbc-dev gold not found")
    text = path.read_text(encoding="utf-8", errors="replace")  # the gold's offset frame
    published = gold_date(row["published"]) if row.get("published") else None
    return Article(id=row["id"], text=text, published=published or BBC_DEFAULT_DATE, source=str(path))


def _participants(row: dict) -> list[dict]:
    spans: dict[tuple[int, int], dict] = {}
    for event in row["events"]:
        if event.get("uncertain"):
            continue
        for role in ("source", "target"):
            participant = event.get(role)
            if participant and participant.get("code"):
                spans.setdefault((participant["start"], participant["end"]), participant)
    return list(spans.values())


def _best_overlap(actors: list[Actor], gold: dict) -> Actor | None:
    overlapping = [a for a in actors if a.start < gold["end"] and gold["start"] < a.end]
    return max(overlapping, key=lambda a: min(a.end, gold["end"]) - max(a.start, gold["start"]), default=None)
