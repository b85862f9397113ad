"""Every count the dashboard, `report` and `alerts` show, in one place.

Counts are story-aware: they count *event units*, not rows. An event unit is one reported event
however many copies of the article carry it, with the number of articles and sources that carry it.
`EVENT_UNITS_SQL` defines the units and is the one thing to change when the stories tables
(migration 3) arrive; today copies are grouped when their text is identical (same content hash),
so a wire story stored under ten ids counts once.

An event's day is its own date when the text resolves it to a day, else its article's publication
date; with neither it is *undated* and is counted as such, never given a day. Negated and
hypothetical events are listed but left out of the time series, network and alerts (nothing
happened). Every query binds its parameters; nothing a user types is formatted into SQL.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

import duckdb

EVENT_MEMBERS_SQL = r"""
SELECT e.article_id, e.idx, a.published,
       coalesce(m.group_id, 'copy:' || a.content_hash || ':' || e.idx) AS unit_id,
       coalesce(s.source_key, nullif(regexp_extract(a.url, '://(?:www\.)?([^/:?#]+)', 1), ''), a.article_id)
           AS outlet
FROM events e JOIN articles a USING (article_id)
LEFT JOIN event_group_members m USING (article_id, idx)
LEFT JOIN story_signatures s USING (article_id)
"""
"""Which unit each event row belongs to (table `event_members`): its event group (migration 3) when the
stories step has grouped it, else the same event of any identical copy (content hash)."""

EVENT_UNITS_SQL = r"""
WITH units AS (
    SELECT unit_id, count(*) AS num_mentions, count(DISTINCT article_id) AS num_articles,
           count(DISTINCT outlet) AS num_sources, list(DISTINCT outlet ORDER BY outlet) AS sources,
           arg_min(article_id, (published IS NULL, published, article_id, idx)) AS first_article_id,
           arg_min(idx, (published IS NULL, published, article_id, idx)) AS first_idx
    FROM event_members GROUP BY unit_id
)
SELECT u.unit_id, e.article_id, e.idx,
       coalesce(TRY_CAST(CASE WHEN e.date SIMILAR TO '[0-9]{4}-[0-9]{2}-[0-9]{2}' THEN e.date END AS DATE),
                a.published) AS day,
       e.sentence_start, e.sentence_end, e.trigger_text,
       e.source_code, e.source_name, e.target_code, e.target_name, e.cameo, e.root, e.quad_class, e.goldstein,
       e.plover, e.modality, e.place_name, e.place_country, e.place_lat, e.place_lon,
       u.num_mentions, u.num_articles, u.num_sources, u.sources,
       coalesce(g.num_stories, 1) AS num_stories, coalesce(g.contested, false) AS contested,
       e.modality IN ('asserted', 'reported') AS happened
FROM units u
LEFT JOIN event_groups g ON g.group_id = u.unit_id
JOIN events e ON e.article_id = coalesce(g.first_article_id, u.first_article_id)
             AND e.idx = coalesce(g.first_idx, u.first_idx)
JOIN articles a ON a.article_id = e.article_id
"""
"""One row per event unit (table `event_units`), described by its first report (the group's own first
mention when grouped); `sources` are the distinct outlets (`story_signatures.source_key`, else URL host)."""

QUAD_NAMES = {1: "verbal cooperation", 2: "material cooperation", 3: "verbal conflict", 4: "material conflict"}


@dataclass(frozen=True)
class Cut:
    """A list that may be cut: the rows shown and how many there are in all."""

    rows: list[dict[str, Any]]
    total: int

    @property
    def more(self) -> int:
        return max(self.total - len(self.rows), 0)


@dataclass(frozen=True)
class EventFilter:
    source: str | None = None
    target: str | None = None
    actor: str | None = None
    day: dt.date | None = None
    month: str | None = None  # YYYY-MM
    undated: bool = False
    quad_class: int | None = None
    cameo: str | None = None
    place: str | None = None
    happened_only: bool = False

    def where(self) -> tuple[str, list[Any]]:
        clauses: list[str] = []
        params: list[Any] = []
        for column, value in (("source_code", self.source), ("target_code", self.target), ("place_name", self.place)):
            if value:
                clauses.append(f"{column} = ?")
                params.append(value)
        if self.actor:
            clauses.append("(source_code = ? OR target_code = ?)")
            params += [self.actor, self.actor]
        if self.day:
            clauses.append("day = ?")
            params.append(self.day)
        if self.month:
            clauses.append("strftime(day, '%Y-%m') = ?")
            params.append(self.month)
        if self.undated:
            clauses.append("day IS NULL")
        if self.quad_class:
            clauses.append("quad_class = ?")
            params.append(self.quad_class)
        if self.cameo:
            clauses.append("cameo LIKE ?")
            params.append(self.cameo + "%")
        if self.happened_only:
            clauses.append("happened")
        return (" WHERE " + " AND ".join(clauses)) if clauses else "", params

    def query_string(self) -> dict[str, str]:
        """The filter as URL query parameters (for links down to the events it counts)."""
        items = {
            "source": self.source,
            "target": self.target,
            "actor": self.actor,
            "day": self.day.isoformat() if self.day else None,
            "month": self.month,
            "undated": "1" if self.undated else None,
            "quad_class": str(self.quad_class) if self.quad_class else None,
            "cameo": self.cameo,
            "place": self.place,
        }
        return {k: v for k, v in items.items() if v}


def rows(con: duckdb.DuckDBPyConnection, sql: str, params: list[Any] | None = None) -> list[dict[str, Any]]:
    cursor = con.execute(sql, params or [])
    names = [d[0] for d in cursor.description or []]
    return [dict(zip(names, row, strict=True)) for row in cursor.fetchall()]


def scalar(con: duckdb.DuckDBPyConnection, sql: str, params: list[Any] | None = None) -> Any:
    found = con.execute(sql, params or []).fetchall()
    return found[0][0] if found else None


def totals(con: duckdb.DuckDBPyConnection) -> dict[str, int]:
    """How much the store holds; `events` counts units, `event_mentions` the rows they came from."""
    sql = """
    SELECT (SELECT count(*) FROM articles) AS articles,
           (SELECT count(*) FROM articles WHERE published IS NULL) AS undated_articles,
           (SELECT count(*) FROM event_units) AS events,
           (SELECT count(*) FROM events) AS event_mentions,
           (SELECT count(*) FROM event_units WHERE day IS NULL) AS undated_events,
           (SELECT count(*) FROM actors) AS actor_mentions,
           (SELECT count(*) FROM (SELECT DISTINCT a.content_hash, q.idx
                                  FROM quotes q JOIN articles a USING (article_id))) AS quotes,
           (SELECT count(*) FROM (SELECT DISTINCT a.content_hash, c.idx
                                  FROM claims c JOIN articles a USING (article_id))) AS claims,
           (SELECT count(*) FROM places) AS places
    """
    return {k: int(v) for k, v in rows(con, sql)[0].items()}


def top_dyads(con: duckdb.DuckDBPyConnection, limit: int = 10) -> Cut:
    sql = """
    SELECT source_code, target_code, any_value(source_name) AS source_name, any_value(target_name) AS target_name,
           count(*) AS events, sum(num_articles) AS articles, round(avg(goldstein), 2) AS mean_goldstein,
           count(*) OVER () AS total
    FROM event_units WHERE source_code IS NOT NULL AND target_code IS NOT NULL
    GROUP BY source_code, target_code ORDER BY events DESC, source_code, target_code LIMIT ?
    """
    return cut(rows(con, sql, [limit]))


def quad_mix(con: duckdb.DuckDBPyConnection, by: str = "month") -> list[dict[str, Any]]:
    """Event units per period and QuadClass; `by` is 'month' or 'day'. Undated units are counted by `totals`."""
    fmt = "%Y-%m" if by == "month" else "%Y-%m-%d"
    sql = """
    SELECT strftime(day, ?) AS period,
           count(*) FILTER (WHERE quad_class = 1) AS q1, count(*) FILTER (WHERE quad_class = 2) AS q2,
           count(*) FILTER (WHERE quad_class = 3) AS q3, count(*) FILTER (WHERE quad_class = 4) AS q4
    FROM event_units WHERE day IS NOT NULL AND happened GROUP BY period ORDER BY period
    """
    return rows(con, sql, [fmt])


def dyad_series(con: duckdb.DuckDBPyConnection, source: str, target: str) -> list[dict[str, Any]]:
    """Per day: event units by QuadClass and the Goldstein sum, for events from `source` to `target`."""
    sql = """
    SELECT day,
           count(*) FILTER (WHERE quad_class = 1) AS q1, count(*) FILTER (WHERE quad_class = 2) AS q2,
           count(*) FILTER (WHERE quad_class = 3) AS q3, count(*) FILTER (WHERE quad_class = 4) AS q4,
           round(sum(goldstein), 2) AS goldstein
    FROM event_units WHERE source_code = ? AND target_code = ? AND day IS NOT NULL AND happened
    GROUP BY day ORDER BY day
    """
    return rows(con, sql, [source, target])


def list_events(con: duckdb.DuckDBPyConnection, where: EventFilter, limit: int = 50, offset: int = 0) -> Cut:
    clause, params = where.where()
    sql = f"""
    SELECT unit_id, article_id, idx, day, trigger_text, source_code, source_name, target_code, target_name,
           cameo, quad_class, goldstein, modality, place_name, num_articles, num_sources, sources, contested,
           count(*) OVER () AS total
    FROM event_units{clause}
    ORDER BY day NULLS LAST, article_id, idx LIMIT ? OFFSET ?
    """
    return cut(rows(con, sql, [*params, limit, offset]))


def network(con: duckdb.DuckDBPyConnection, actors: int = 25) -> tuple[list[dict[str, Any]], Cut]:
    """The `actors` most active actors and the dyads between them (mean Goldstein per edge)."""
    node_sql = """
    WITH ends AS (SELECT source_code AS code, source_name AS name FROM event_units WHERE happened
                  UNION ALL SELECT target_code, target_name FROM event_units WHERE happened)
    SELECT code, mode(name) AS name, count(*) AS events, count(*) OVER () AS total
    FROM ends WHERE code IS NOT NULL GROUP BY code ORDER BY events DESC, code LIMIT ?
    """
    nodes = cut(rows(con, node_sql, [actors]))
    codes = [n["code"] for n in nodes.rows]
    edge_sql = """
    SELECT source_code, target_code, count(*) AS events, round(avg(goldstein), 2) AS mean_goldstein
    FROM event_units WHERE happened AND list_contains(?, source_code) AND list_contains(?, target_code)
      AND source_code <> target_code
    GROUP BY source_code, target_code ORDER BY events DESC
    """
    return rows(con, edge_sql, [codes, codes]), nodes


def map_points(con: duckdb.DuckDBPyConnection, limit: int = 500) -> tuple[Cut, int]:
    """Places events happened at, with event counts; and how many events have a place without coordinates."""
    sql = """
    SELECT place_name, any_value(place_country) AS country, round(avg(place_lat), 4) AS lat,
           round(avg(place_lon), 4) AS lon, count(*) AS events, round(avg(goldstein), 2) AS mean_goldstein,
           count(*) OVER () AS total
    FROM event_units WHERE place_lat IS NOT NULL AND place_lon IS NOT NULL
    GROUP BY place_name ORDER BY events DESC, place_name LIMIT ?
    """
    unplaced = scalar(
        con,
        "SELECT count(*) FROM event_units WHERE place_name IS NOT NULL AND (place_lat IS NULL OR place_lon IS NULL)",
    )
    return cut(rows(con, sql, [limit])), int(unplaced or 0)


def search_articles(con: duckdb.DuckDBPyConnection, query: str, limit: int = 50) -> Cut:
    """Articles whose title or text contains `query` (case-insensitive, literal: % and _ are not wildcards)."""
    pattern = "%" + query.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"
    sql = """
    SELECT article_id, title, published, url, length(text) AS chars,
           greatest(strpos(lower(text), lower(?)), 1) AS hit, count(*) OVER () AS total
    FROM articles WHERE title ILIKE ? ESCAPE '\\' OR text ILIKE ? ESCAPE '\\'
    ORDER BY published DESC NULLS LAST, article_id LIMIT ?
    """
    found = cut(rows(con, sql, [query, pattern, pattern, limit]))
    texts = {r["article_id"]: r for r in found.rows}
    if texts:
        snippets = rows(
            con,
            "SELECT article_id, text FROM articles WHERE list_contains(?, article_id)",
            [list(texts)],
        )
        for row in snippets:
            hit = texts[row["article_id"]]["hit"] - 1
            texts[row["article_id"]]["snippet"] = row["text"][max(hit - 80, 0) : hit + 160]
    return found


QUOTES_ONCE = """
WITH quotes_once AS (
    SELECT q.*, a.published, a.title FROM quotes q JOIN articles a USING (article_id)
    QUALIFY row_number() OVER (PARTITION BY a.content_hash, q.idx ORDER BY a.published NULLS LAST, a.article_id) = 1
)
"""
"""Quotes with copies of one article (identical text) kept once, from the earliest copy."""


def quotes(con: duckdb.DuckDBPyConnection, speaker: str = "", about: str = "", limit: int = 50) -> Cut:
    """What an actor said (speaker name or code contains `speaker`), optionally mentioning `about`."""
    sql = f"""
    {QUOTES_ONCE}
    SELECT article_id, idx, text, kind, speaker_name, speaker_code, cue_text, published, title,
           count(*) OVER () AS total
    FROM quotes_once
    WHERE (? = '' OR speaker_name ILIKE '%' || ? || '%' OR speaker_code ILIKE ? || '%')
      AND (? = '' OR text ILIKE '%' || ? || '%')
    ORDER BY published NULLS LAST, article_id, idx LIMIT ?
    """
    return cut(rows(con, sql, [speaker, speaker, speaker, about, about, limit]))


def top_speakers(con: duckdb.DuckDBPyConnection, limit: int = 15) -> Cut:
    sql = f"""
    {QUOTES_ONCE}
    SELECT speaker_name, count(*) AS quotes, count(*) OVER () AS total FROM quotes_once
    WHERE speaker_name IS NOT NULL GROUP BY speaker_name ORDER BY quotes DESC, speaker_name LIMIT ?
    """
    return cut(rows(con, sql, [limit]))


@dataclass
class ArticleView:
    article: dict[str, Any]
    items: dict[str, list[dict[str, Any]]] = field(default_factory=dict)
    units: dict[int, dict[str, Any]] = field(default_factory=dict)
    copies: list[dict[str, Any]] = field(default_factory=list)


def article(con: duckdb.DuckDBPyConnection, article_id: str) -> ArticleView | None:
    """An article with everything extracted from it, or None when the id is unknown."""
    found = rows(
        con,
        "SELECT article_id, source_id, url, title, published, text, language, source_file, story_id "
        "FROM articles WHERE article_id = ?",
        [article_id],
    )
    if not found:
        return None
    view = ArticleView(found[0])
    for table in ("actors", "events", "quotes", "claims", "places", "dates"):
        view.items[table] = rows(con, f"SELECT * FROM {table} WHERE article_id = ? ORDER BY idx", [article_id])
    unit_sql = """
    SELECT m.idx, u.unit_id, u.day, u.num_articles, u.num_sources, u.sources, u.num_mentions, u.contested
    FROM event_members m JOIN event_units u USING (unit_id) WHERE m.article_id = ?
    """
    view.units = {r["idx"]: r for r in rows(con, unit_sql, [article_id])}
    copies_sql = """
    SELECT a.article_id, a.title, a.url, a.published FROM story_signatures s JOIN articles a USING (article_id)
    WHERE s.story_id = (SELECT story_id FROM story_signatures WHERE article_id = ?) AND a.article_id <> ?
    ORDER BY a.published NULLS LAST, a.article_id
    """
    view.copies = rows(con, copies_sql, [article_id, article_id])
    return view


def cut(found: list[dict[str, Any]]) -> Cut:
    total = int(found[0].pop("total")) if found else 0
    for row in found[1:]:
        row.pop("total", None)
    return Cut(found, total)
