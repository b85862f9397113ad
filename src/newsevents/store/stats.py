"""What a store holds: rows per table, the date range, and the most frequent dyads."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from newsevents.store.duck import TABLES, Store

# Dyads ranked by events counted once (an event group is one event however many copies report it);
# an event not grouped yet counts as its own group.
DYAD_QUERY = """
SELECT e.source_code, e.target_code, count(*) AS events,
       count(DISTINCT coalesce(m.group_id, e.article_id || ':' || e.idx)) AS grouped
FROM events e LEFT JOIN event_group_members m USING (article_id, idx)
WHERE e.source_code IS NOT NULL AND e.target_code IS NOT NULL
GROUP BY e.source_code, e.target_code
ORDER BY grouped DESC, events DESC, e.source_code, e.target_code
LIMIT ?
"""


@dataclass(frozen=True)
class Dyad:
    source: str
    target: str
    events: int
    grouped: int = 0  # events counted once across copies (event groups)


GROUPING_QUERY = """
SELECT (SELECT count(*) FROM story_signatures),
       (SELECT count(DISTINCT story_id) FROM story_signatures),
       (SELECT count(*) FROM stories WHERE size > 1),
       (SELECT count(*) FROM event_group_members),
       (SELECT count(*) FROM event_groups),
       (SELECT count(*) FROM event_groups WHERE num_articles > 1),
       (SELECT count(*) FROM event_groups WHERE contested)
"""


@dataclass(frozen=True)
class Grouping:
    """Articles and events before and after grouping copies into stories and events into groups."""

    grouped_articles: int
    stories: int
    stories_with_copies: int
    grouped_events: int
    event_groups: int
    corroborated_groups: int
    contested_groups: int

    def render(self, articles: int, events: int) -> list[str]:
        lines = [
            "stories (issue 11: copies grouped)",
            f"  articles {articles:,} → stories {self.stories:,} ({self.stories_with_copies:,} with copies)",
            f"  events {events:,} → event groups {self.event_groups:,} "
            f"({self.corroborated_groups:,} in several articles, {self.contested_groups:,} contested)",
        ]
        if self.grouped_articles < articles:
            lines.append(f"  {articles - self.grouped_articles:,} articles not grouped yet (run ingest to group them)")
        return lines


@dataclass(frozen=True)
class StoreStats:
    counts: dict[str, int]
    first_published: dt.date | None
    last_published: dt.date | None
    dyads: list[Dyad]
    schema_version: int
    grouping: Grouping | None = None

    def render(self) -> str:
        width = max(len(name) for name in self.counts)
        lines = [f"schema version {self.schema_version}", ""]
        lines += [f"{name:<{width}}  {count:>10,}" for name, count in self.counts.items()]
        if self.first_published:
            lines += ["", f"published {self.first_published} … {self.last_published}"]
        if self.grouping is not None:
            lines += ["", *self.grouping.render(self.counts["articles"], self.counts["events"])]
        lines += ["", "top dyads (source → target: events counted once, and mentions)"]
        lines += [f"  {d.source} → {d.target}: {d.grouped} ({d.events} mentions)" for d in self.dyads] or ["  (none)"]
        return "\n".join(lines)


def store_stats(store: Store, top: int = 10) -> StoreStats:
    counts = {table: store.count(table) for table in TABLES}
    first, last = store.con.execute("SELECT min(published), max(published) FROM articles").fetchall()[0]
    dyads = [Dyad(s, t, int(n), int(g)) for s, t, n, g in store.con.execute(DYAD_QUERY, [top]).fetchall()]
    grouping = Grouping(*(int(n) for n in store.con.execute(GROUPING_QUERY).fetchall()[0]))
    return StoreStats(counts, first, last, dyads, store.schema_version(), grouping)
