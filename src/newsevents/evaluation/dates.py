"""`newsevents eval dates --gold timebank`: TIMEX3 value accuracy on TempEval-3 TimeBank.

Each `.tml` document is stripped of its markup (offsets of the gold TIMEX3 tags are kept), run through
`process()` with the document creation time as the publication date, and every gold DATE expression is
matched to the predicted date that overlaps it. Value accuracy is over the gold dates we found (as
HeidelTime/TempEval-3 report it); `strict_accuracy` counts missed ones as wrong.

Splits (`--split`, default `all`): the documents sorted by name, alternately `study` (1st, 3rd, ...) and
`report` (2nd, 4th, ...), so both halves mix the corpus's sources. Errors are studied on `study` only.
"""

from __future__ import annotations

import datetime as dt
import html
import re
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from newsevents.evaluation.common import EvalReport
from newsevents.options import Options
from newsevents.pipeline import process_batch
from newsevents.types import Article, ArticleRecord, DateRef, InputError

_TAG = re.compile(r"<(/?)(\w+)([^>]*)>")
_ATTR = re.compile(r'(\w+)="([^"]*)"')


@dataclass(frozen=True, slots=True)
class GoldTimex:
    start: int
    end: int
    text: str
    type: str
    value: str


@dataclass(frozen=True, slots=True)
class GoldDoc:
    name: str
    text: str
    dct: dt.date
    timexes: tuple[GoldTimex, ...]


SPLITS = ("study", "report", "all")


def evaluate(gold: str, split: str | None, shared: Path, options: Options, limit: int | None = None) -> EvalReport:
    if gold != "timebank":
        raise InputError(f"unknown gold set for dates: {gold!r} (available: timebank)")
    split = split or "all"
    if split not in SPLITS:
        raise InputError(f"unknown split for timebank: {split!r} (available: {', '.join(SPLITS)})")
    folder = shared / "eval" / "time" / "TimeBank"
    paths = split_paths(sorted(folder.glob("*.tml")), split)[:limit]
    if not paths:
        raise InputError(f"no .tml files in {folder}")
    docs = [read_tml(p) for p in paths]
    articles = [Article(id=d.name, text=d.text, published=d.dct) for d in docs]
    records = [r for r in process_batch(articles, options) if isinstance(r, ArticleRecord)]
    tally = Tally()
    for doc, record in zip(docs, records, strict=True):
        tally.add(doc, record.dates)
    return tally.report(len(docs), split)


def split_paths(paths: list[Path], split: str) -> list[Path]:
    """Every other document for `study` (from the first) and `report` (from the second); all for `all`."""
    if split == "all":
        return paths
    return paths[0 if split == "study" else 1 :: 2]


def read_tml(path: Path) -> GoldDoc:
    """Plain text of the <TEXT> element, its gold TIMEX3s with offsets into it, and the DCT."""
    raw = path.read_text("utf-8")
    dct_match = re.search(r'functionInDocument="CREATION_TIME"[^>]*|<DCT>\s*<TIMEX3[^>]*', raw)
    value = re.search(r'value="(\d{4}-\d{2}-\d{2})', dct_match.group(0) if dct_match else "")
    if value is None:
        raise InputError(f"{path}: no document creation time")
    body = raw[raw.index("<TEXT>") + len("<TEXT>") : raw.index("</TEXT>")]
    text, timexes = strip_markup(body)
    return GoldDoc(path.stem, text, dt.date.fromisoformat(value.group(1)), tuple(timexes))


def strip_markup(body: str) -> tuple[str, list[GoldTimex]]:
    """Text without tags, and each TIMEX3 with its offsets in that text."""
    pieces: list[str] = []
    length = 0
    timexes: list[GoldTimex] = []
    open_timex: tuple[int, dict[str, str]] | None = None
    position = 0
    for tag in _TAG.finditer(body):
        piece = html.unescape(body[position : tag.start()])
        pieces.append(piece)
        length += len(piece)
        position = tag.end()
        if tag.group(2) != "TIMEX3":
            continue
        if not tag.group(1):
            open_timex = (length, dict(_ATTR.findall(tag.group(3))))
        elif open_timex is not None:
            start, attrs = open_timex
            text = "".join(pieces)[start:length]
            timexes.append(GoldTimex(start, length, text, attrs.get("type", ""), attrs.get("value", "")))
            open_timex = None
    pieces.append(html.unescape(body[position:]))
    return "".join(pieces), timexes


def granularity_of(value: str) -> str:
    """The granularity of a TIMEX3 value, for the breakdown."""
    patterns = [
        (r"^\d{4}-\d{2}-\d{2}", "day"),
        (r"^\d{4}-W\d{2}", "week"),
        (r"^\d{4}-(SP|SU|FA|WI)$", "season"),
        (r"^\d{4}-Q\d$", "quarter"),
        (r"^\d{4}-H\d$", "half"),
        (r"^\d{4}-\d{2}$", "month"),
        (r"^(FY)?\d{4}$", "year"),
        (r"^\d{3}$", "decade"),
        (r"^\d{2}$", "century"),
        (r"_REF$", "ref"),
    ]
    return next((name for pattern, name in patterns if re.search(pattern, value)), "other")


@dataclass
class Tally:
    found: Counter[str]
    correct: Counter[str]
    total: Counter[str]
    predicted: int = 0

    def __init__(self) -> None:
        self.found, self.correct, self.total = Counter(), Counter(), Counter()
        self.predicted = 0

    def add(self, doc: GoldDoc, dates: list[DateRef]) -> None:
        self.predicted += len(dates)
        for timex in doc.timexes:
            if timex.type != "DATE":
                continue
            kind = granularity_of(timex.value)
            self.total[kind] += 1
            match = next((d for d in dates if d.start < timex.end and timex.start < d.end), None)
            if match is None:
                continue
            self.found[kind] += 1
            self.correct[kind] += int((match.value or "").upper() == timex.value.upper())

    def report(self, documents: int, split: str = "all") -> EvalReport:
        total, found, correct = sum(self.total.values()), sum(self.found.values()), sum(self.correct.values())
        breakdown = {
            "value accuracy by gold granularity (over found)": {
                k: self.correct[k] / self.found[k] for k in sorted(self.total) if self.found[k]
            },
            "recall by gold granularity": {k: self.found[k] / self.total[k] for k in sorted(self.total)},
        }
        return EvalReport(
            task="dates",
            gold="timebank" if split == "all" else f"timebank ({split})",
            metrics={
                "value_accuracy": correct / found if found else 0.0,
                "recall": found / total if total else 0.0,
                "strict_accuracy": correct / total if total else 0.0,
            },
            counts={
                "documents": documents,
                "gold_dates": total,
                "found": found,
                "correct": correct,
                "predicted_dates": self.predicted,
            },
            breakdown=breakdown,
            notes=["DATE-type TIMEX3 only; a gold date is found when a predicted date overlaps it."],
        )
