"""What a store holds: rows per table, the date range, and the most frequent dyads."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from newsevents.store.duck import TABLES, Store

DYAD_QUERY = """
SELECT source_code, target_code, count(*) AS events
FROM events
WHERE source_code IS NOT NULL AND target_code IS NOT NULL
GROUP BY source_code, target_code
ORDER BY events DESC, source_code, target_code
LIMIT ?
"""


@dataclass(frozen=True)
class Dyad:
    source: str
    target: str
    events: int


@dataclass(frozen=True)
class StoreStats:
    counts: dict[str, int]
    first_published: dt.date | None
    last_published: dt.date | None
    dyads: list[Dyad]
    schema_version: int
    undated: int = 0  # articles without a publication date: their relative dates and events are undated

    def render(self) -> str:
        width = max(len(name) for name in self.counts)
        lines = [f"schema version {self.schema_version}", ""]
        lines += [f"{name:<{width}}  {count:>10,}" for name, count in self.counts.items()]
        if self.first_published:
            lines += ["", f"published {self.first_published} … {self.last_published}"]
        if self.undated:
            lines += [f"undated articles: {self.undated:,} (no publication date found; their events are undated)"]
        lines += ["", "top dyads (source → target: events)"]
        lines += [f"  {d.source} → {d.target}: {d.events}" for d in self.dyads] or ["  (none)"]
        return "\n".join(lines)


def store_stats(store: Store, top: int = 10) -> StoreStats:
    counts = {table: store.count(table) for table in TABLES}
    first, last = store.con.execute("SELECT min(published), max(published) FROM articles").fetchall()[0]
    dyads = [Dyad(s, t, int(n)) for s, t, n in store.con.execute(DYAD_QUERY, [top]).fetchall()]
    undated = store.con.execute("SELECT count(*) FROM articles WHERE published IS NULL").fetchall()[0][0]
    return StoreStats(counts, first, last, dyads, store.schema_version(), int(undated))
