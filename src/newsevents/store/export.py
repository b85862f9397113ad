"""Exports of a store: GDELT 2.0 event table, Parquet or CSV (one file per table), JSONL records.

`--since/--until` select articles by publication date (inclusive) and everything extracted from
them; articles without a date are left out when a window is given. `rejected` is never filtered.
Parquet and CSV also carry the story tables (`newsevents stories` fills them): `stories` and
`event_groups` that have a member article in the window, and the member and contest rows of those articles.
JSONL gives one record per article in the `extract` JSON contract (plus the store's ids), so a
stored corpus reads back exactly like `newsevents extract --format jsonl` output.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Literal

import pyarrow.parquet as pq

from newsevents.store.duck import TABLES, Store
from newsevents.store.gdelt import GDELT_QUERY, gdelt_lines
from newsevents.store.migrations import RECORD_TABLES

ExportFormat = Literal["gdelt", "parquet", "csv", "jsonl"]
EXPORT_FORMATS: tuple[str, ...] = ("gdelt", "parquet", "csv", "jsonl")

# Prefixed column groups that are one nested object in the record (`source_name` → source.name).
NESTED: dict[str, tuple[str, ...]] = {
    "events": ("sentence", "trigger", "source", "target", "place"),
    "quotes": ("cue", "speaker"),
    "claims": ("source",),
}


@dataclass(frozen=True)
class DateWindow:
    since: dt.date | None = None
    until: dt.date | None = None

    def sql(self, alias: str = "a") -> str:
        """A WHERE clause on the article's publication date (dates are literals: already parsed)."""
        conditions = []
        if self.since:
            conditions.append(f"{alias}.published >= DATE '{self.since.isoformat()}'")
        if self.until:
            conditions.append(f"{alias}.published <= DATE '{self.until.isoformat()}'")
        return ("WHERE " + " AND ".join(conditions)) if conditions else ""


# Tables written by story grouping, exported beside the record tables (empty before `newsevents stories`).
STORY_TABLES: tuple[str, ...] = ("stories", "event_groups", "event_group_members", "event_contests")
EXPORT_TABLES: tuple[str, ...] = (*TABLES, *STORY_TABLES)


def table_query(table: str, window: DateWindow) -> str:
    where = window.sql()
    if table == "stories":
        members = f"SELECT s.story_id FROM story_signatures s JOIN articles a USING (article_id) {where}"
        return f"SELECT * FROM stories WHERE story_id IN ({members}) ORDER BY first_seen, story_id"
    if table == "event_groups":
        members = f"SELECT m.group_id FROM event_group_members m JOIN articles a USING (article_id) {where}"
        return f"SELECT * FROM event_groups WHERE group_id IN ({members}) ORDER BY group_id"
    if table == "articles":
        return f"SELECT a.* FROM articles a {window.sql()} ORDER BY a.rowid"
    if table == "rejected":
        return "SELECT * FROM rejected ORDER BY rowid"
    return f"SELECT t.* FROM {table} t JOIN articles a USING (article_id) {window.sql()} ORDER BY a.rowid, t.idx"


def export(store: Store, fmt: str, out: Path, window: DateWindow = DateWindow()) -> dict[str, int]:
    """Write the export; rows written per table (for gdelt and jsonl one entry)."""
    if fmt == "gdelt":
        return {"events": export_gdelt(store, out, window)}
    if fmt == "jsonl":
        return {"articles": export_jsonl(store, out, window)}
    if fmt in ("parquet", "csv"):
        return export_tables(store, out, fmt, window)
    raise ValueError(f"unknown export format {fmt!r}; use one of {', '.join(EXPORT_FORMATS)}")


def export_gdelt(store: Store, out: Path, window: DateWindow = DateWindow()) -> int:
    rows = _dict_rows(store, GDELT_QUERY.format(where=window.sql()))
    count = 0
    with out.open("w", encoding="utf-8", newline="") as handle:
        for line in gdelt_lines(rows):
            handle.write(line)
            count += 1
    return count


def export_tables(store: Store, folder: Path, fmt: str, window: DateWindow = DateWindow()) -> dict[str, int]:
    """One `TABLE.parquet` or `TABLE.csv` per table in `folder` (created if needed)."""
    folder.mkdir(parents=True, exist_ok=True)
    counts: dict[str, int] = {}
    for table in EXPORT_TABLES:
        query = table_query(table, window)
        target = folder / f"{table}.{fmt}"
        if fmt == "parquet":
            counts[table] = _write_parquet(store, query, target)
        else:
            store.con.execute(f"COPY ({query}) TO '{_sql_string(target)}' (FORMAT csv, HEADER)")
            counts[table] = _count(store, query)
    return counts


def _write_parquet(store: Store, query: str, target: Path) -> int:
    reader = store.con.sql(query).to_arrow_reader(65_536)
    rows = 0
    with pq.ParquetWriter(target, reader.schema) as writer:
        for batch in reader:
            writer.write_batch(batch)
            rows += batch.num_rows
    return rows


def export_jsonl(store: Store, out: Path, window: DateWindow = DateWindow()) -> int:
    count = 0
    with out.open("w", encoding="utf-8") as handle:
        for record in iter_records(store, window):
            handle.write(json.dumps(record, ensure_ascii=False) + "\n")
            count += 1
    return count


def iter_records(store: Store, window: DateWindow = DateWindow(), page: int = 500) -> Iterator[dict[str, Any]]:
    """Stored articles as records in the `extract` JSON contract, in the order they were stored."""
    articles = _dict_rows(store, table_query("articles", window))
    while batch := [row for _, row in zip(range(page), articles, strict=False)]:
        ids = [row["article_id"] for row in batch]
        children = {table: _children(store, table, ids) for table in RECORD_TABLES}
        for row in batch:
            yield _record(row, {table: items.get(row["article_id"], []) for table, items in children.items()})


def _children(store: Store, table: str, ids: list[str]) -> dict[str, list[dict[str, Any]]]:
    rows = store.con.execute(
        f"SELECT * FROM {table} WHERE list_contains(?, article_id) ORDER BY article_id, idx", [ids]
    )
    grouped: dict[str, list[dict[str, Any]]] = {}
    names = [d[0] for d in rows.description or []]
    for values in rows.fetchall():
        row = dict(zip(names, values, strict=True))
        grouped.setdefault(row.pop("article_id"), []).append(unflatten(table, row))
    return grouped


def unflatten(table: str, row: Mapping[str, Any]) -> dict[str, Any]:
    """A child table row back to the record's item: `source_name` → `{"source": {"name": ...}}`."""
    item: dict[str, Any] = {}
    groups = NESTED.get(table, ())
    row = {**row, **json.loads(row["extra"])} if row.get("extra") else dict(row)
    for key, value in row.items():
        prefix = key.split("_", 1)[0]
        if key in ("idx", "extra"):
            continue
        if key in ("char_start", "char_end"):
            item[key[5:]] = value
        elif prefix in groups:
            item.setdefault(prefix, {})[key.split("_", 1)[1]] = value
        else:
            item[key] = _plain_number(value) if key == "value" else value
    for group in groups:
        if group in item and all(v is None for v in item[group].values()):
            item[group] = None
    return item


def _record(article: Mapping[str, Any], children: Mapping[str, list[dict[str, Any]]]) -> dict[str, Any]:
    published = article["published"]
    return {
        **(json.loads(article["extra"]) if article.get("extra") else {}),
        "id": article["source_id"],
        "title": article["title"],
        "url": article["url"],
        "published": published.isoformat() if published else None,
        "date_source": article.get("date_source"),
        "text": article["text"],
        "language": article["language"],
        "boilerplate": list(article["boilerplate"] or []),
        **{table: children.get(table, []) for table in RECORD_TABLES},
        "warnings": list(article["warnings"] or []),
        "article_id": article["article_id"],
        "content_hash": article["content_hash"],
        "story_id": article["story_id"],
        "source_file": article["source_file"],
    }


def _dict_rows(store: Store, query: str) -> Iterator[dict[str, Any]]:
    """Rows as dicts, fetched in slices so a large table never sits in memory whole."""
    cursor = store.con.cursor()  # its own result: other queries may run while this one is read
    result = cursor.execute(query)
    names = [d[0] for d in result.description or []]
    while rows := result.fetchmany(2048):
        for values in rows:
            yield dict(zip(names, values, strict=True))
    cursor.close()


def _count(store: Store, query: str) -> int:
    rows = store.con.execute(f"SELECT count(*) FROM ({query})").fetchall()
    return int(rows[0][0])


def _plain_number(value: object) -> object:
    return int(value) if isinstance(value, float) and value.is_integer() else value


def _sql_string(path: Path) -> str:
    return str(path).replace("'", "''")
