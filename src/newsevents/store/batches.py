"""Records to columnar pyarrow tables, one per store table: the only way data enters the store.

The input is the JSON contract (`ArticleRecord.to_dict()`) plus the article's identity, so the
same path serves an in-process runner, a process pool or a distributed runner that ships dicts.
Nested objects are flattened into prefixed columns (`source` → `source_name`, `source_code`, ...);
keys the table has no column for go into its `extra` column as a JSON object (so a field added to
the record contract is never lost), and columns the record lacks are null.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

import pyarrow as pa

from newsevents.store.migrations import RECORD_TABLES
from newsevents.types import Rejected

Row = dict[str, Any]


@dataclass(frozen=True)
class StoredArticle:
    """One processed article ready for the store: its identity and its record as a dict."""

    article_id: str
    content_hash: str
    source_file: str | None
    record: Mapping[str, Any]
    story_id: str | None = None
    input: str | None = None  # the input as rejections name it (`file.jsonl:3`): its old rejections are cleared


@dataclass
class ArrowBatch:
    """Everything one write puts in the store, table name → arrow table."""

    tables: dict[str, pa.Table] = field(default_factory=dict)
    rejected: list[Rejected] = field(default_factory=list)
    succeeded: list[str] = field(default_factory=list)  # inputs stored now, whose earlier rejections go

    @property
    def article_ids(self) -> list[str]:
        table = self.tables.get("articles")
        return [] if table is None else table.column("article_id").to_pylist()


def to_arrow(
    articles: Iterable[StoredArticle], schemas: Mapping[str, pa.Schema], rejected: Iterable[Rejected] = ()
) -> ArrowBatch:
    """Flatten articles into one arrow table per store table; a repeated article_id is kept once."""
    rows: dict[str, list[Row]] = {name: [] for name in ("articles", *RECORD_TABLES)}
    columns = {name: frozenset(schemas[name].names) for name in rows}  # `schema.names` builds a new list
    seen: set[str] = set()
    succeeded: list[str] = []
    for article in articles:
        succeeded += [article.input] if article.input else []
        if article.article_id in seen:
            continue
        seen.add(article.article_id)
        rows["articles"].append(fit(article_row(article), columns["articles"]))
        for name in RECORD_TABLES:
            items = child_rows(article.article_id, article.record.get(name) or [])
            rows[name].extend(fit(row, columns[name]) for row in items)
    tables = {name: pa.Table.from_pylist(table_rows, schema=schemas[name]) for name, table_rows in rows.items()}
    return ArrowBatch(tables, list(rejected), succeeded)


ARTICLE_FIELDS = ("id", "title", "url", "published", "text", "language", "warnings", "boilerplate", *RECORD_TABLES)


def article_row(article: StoredArticle) -> Row:
    record = article.record
    published = record.get("published")
    return {
        **{key: value for key, value in record.items() if key not in ARTICLE_FIELDS},
        "article_id": article.article_id,
        "source_id": record.get("id"),
        "url": record.get("url"),
        "title": record.get("title"),
        "published": dt.date.fromisoformat(published) if isinstance(published, str) else published,
        "text": record.get("text"),
        "content_hash": article.content_hash,
        "story_id": article.story_id,
        "source_file": article.source_file,
        "language": record.get("language"),
        "warnings": list(record.get("warnings") or []),
        "boilerplate": list(record.get("boilerplate") or []),
    }


def fit(row: Row, columns: frozenset[str]) -> Row:
    """The row with the keys the table has no column for moved into `extra` (JSON), if it has one."""
    if columns.issuperset(row):  # the common case, checked in C: every key has its column
        return row
    unknown = {key: row.pop(key) for key in list(row) if key not in columns}
    for key in [k for k, v in unknown.items() if v is None and _has_group(columns, k)]:
        del unknown[key]  # an absent nested object (`"target": null`) is its columns all null
    if unknown and "extra" in columns:
        row["extra"] = json.dumps(unknown, ensure_ascii=False, sort_keys=True, default=str)
    return row


@lru_cache(maxsize=1024)
def _has_group(columns: frozenset[str], prefix: str) -> bool:
    return any(name.startswith(f"{prefix}_") for name in columns)


def child_rows(article_id: str, items: Iterable[Mapping[str, Any]]) -> list[Row]:
    return [flatten(item, {"article_id": article_id, "idx": idx}) for idx, item in enumerate(items)]


# Types whose values are never a Mapping: looked up first because `isinstance(x, Mapping)` (an ABC) is
# slow, and the writer runs this for every field of every row of every article (issue 13, ingest8).
_NOT_MAPPING = frozenset({str, int, float, bool, list, type(None)})


def flatten(item: Mapping[str, Any], row: Row | None = None) -> Row:
    """`{"start", "end", "source": {"name", ...}}` → `{"char_start", "char_end", "source_name", ...}`.

    `row`: keys to start from (the item's own keys override them).
    """
    row = {} if row is None else row
    for key, value in item.items():
        kind = type(value)
        if kind is dict or (kind not in _NOT_MAPPING and isinstance(value, Mapping)):
            for inner, inner_value in value.items():
                row[f"{key}_{inner}"] = inner_value
        elif key == "start" or key == "end":
            row[f"char_{key}"] = value
        else:
            row[key] = value
    return row
