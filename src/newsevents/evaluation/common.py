"""Shared pieces of the evaluations: where the gold data lives, the report, P/R/F1."""

from __future__ import annotations

import json
import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from newsevents.types import InputError


def find_shared(explicit: Path | None = None) -> Path:
    """The shared data folder: --shared, $NEWSEVENTS_SHARED, or `../shared` beside the repo."""
    named = explicit or (Path(os.environ["NEWSEVENTS_SHARED"]) if os.environ.get("NEWSEVENTS_SHARED") else None)
    if named is not None:  # a folder the user names must be right; no silent fallback
        if (named / "eval").is_dir():
            return named
        raise InputError(f"{named}: no eval/ folder there (the gold data folder, usually ../shared)")
    candidates: list[Path] = []
    repo = Path(__file__).resolve().parents[3]
    candidates += [repo.parent / "shared", Path.cwd().parent / "shared", Path.cwd() / "shared"]
    for candidate in candidates:
        if candidate and (candidate / "eval").is_dir():
            return candidate
    raise InputError("gold data not found: pass --shared DIR (the folder holding eval/) or set NEWSEVENTS_SHARED")


@dataclass
class PRF:
    tp: int = 0
    fp: int = 0
    fn: int = 0

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    def as_metrics(self, prefix: str) -> dict[str, float]:
        return {f"{prefix}_precision": self.precision, f"{prefix}_recall": self.recall, f"{prefix}_f1": self.f1}


@dataclass
class EvalReport:
    task: str
    gold: str
    metrics: dict[str, float]
    counts: dict[str, int] = field(default_factory=dict)
    breakdown: dict[str, dict[str, float]] = field(default_factory=dict)
    notes: list[str] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return {
            "task": self.task,
            "gold": self.gold,
            "metrics": self.metrics,
            "counts": self.counts,
            "breakdown": self.breakdown,
            "notes": self.notes,
        }

    def to_json(self) -> str:
        return json.dumps(self.to_dict(), indent=2, sort_keys=True)

    def render(self) -> str:
        """A Markdown table, ready to paste into docs/accuracy.md."""
        lines = [f"### {self.task} on {self.gold}", "", "| metric | value |", "|---|---|"]
        lines += [f"| {name} | {value:.3f} |" for name, value in self.metrics.items()]
        lines += [f"| {name} | {value} |" for name, value in self.counts.items()]
        for group, values in self.breakdown.items():
            lines += ["", f"{group}:", "", "| key | value |", "|---|---|"]
            lines += [f"| {k} | {v:.3f} |" for k, v in values.items()]
        lines += [f"\n- {note}" for note in self.notes]
        return "\n".join(lines)
