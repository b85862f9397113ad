"""What a run tells on stderr besides errors: undated articles (once, with the count) and cut texts."""

from __future__ import annotations

from dataclasses import dataclass

from newsevents.cli.app import warn
from newsevents.ingest.clean import TRUNCATED_WARNING
from newsevents.types import ArticleRecord

UNDATED_HINT = "relative dates are unresolved and events undated; give --date, or inputs with dates"


@dataclass
class RunNotices:
    undated: int = 0
    seen: int = 0

    def see(self, record: ArticleRecord) -> None:
        """Count an undated record; say at once when a text was too long to analyse whole."""
        self.seen += 1
        if record.published is None:
            self.undated += 1
        for warning in record.warnings:
            if warning.startswith(TRUNCATED_WARNING):
                warn(f"warning: {record.id}: {warning}")

    def finish(self) -> None:
        if self.undated:
            warn(undated_line(self.undated, self.seen))


def undated_line(undated: int, total: int) -> str:
    return f"warning: {undated} of {total} article(s) have no publication date: {UNDATED_HINT}"
