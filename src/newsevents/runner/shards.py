"""Parquet shards: what a distributed worker hands back, and how the store is loaded from them.

A shard is one extracted chunk: one row per article (its identity and its record in the JSON
contract of `newsevents extract`, as a JSON string) or per rejection (input and reason). Workers
write a shard to a temporary name and rename it when complete, so a shard that exists is whole;
the driver commits it to the store with `commit_chunk` (the local runner's write step) and then
deletes it. A run killed at any moment leaves only whole shards, loaded by the next run first;
loading one twice adds nothing, because the store skips articles it holds.

Also here: how a read article travels from the reading stage to the extracting one (a JSON row),
so both halves stay free of Ray and are tested without it.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import os
from collections.abc import Sequence
from dataclasses import dataclass, fields
from pathlib import Path
from typing import Any

import pyarrow as pa
import pyarrow.parquet as pq

from newsevents.runner.commit import commit_chunk
from newsevents.store import Store, StoredArticle
from newsevents.types import Article, Rejected

SHARD_SCHEMA = pa.schema(
    [
        ("kind", pa.string()),  # "article" | "rejected"
        ("article_id", pa.string()),
        ("content_hash", pa.string()),
        ("source_file", pa.string()),
        ("record", pa.string()),  # the article's record, JSON
        ("input", pa.string()),  # the input as rejections name it (`file.jsonl:3`)
        ("reason", pa.string()),
    ]
)
SHARD_GLOB = "part-*.parquet"
PARTIAL_PREFIX = ".partial-"


@dataclass(frozen=True)
class ReadItem:
    """An article read and identified (or an input rejected) on its way to extraction."""

    article: Article | None
    article_id: str = ""
    content_hash: str = ""
    source_file: str = ""
    rejected: Rejected | None = None


_DATE_FIELDS = ("published", "default_published")


def encode_item(item: ReadItem) -> str:
    """An item as one JSON line. Every field of `Article` travels (a field left out here would be lost
    on the Ray path only: `date_source`, `warnings`, ...), dates as ISO strings."""
    if item.rejected is not None:
        return json.dumps({"rejected": [item.rejected.source, item.rejected.reason]})
    assert item.article is not None
    article = {f.name: getattr(item.article, f.name) for f in fields(Article)}
    for name in _DATE_FIELDS:
        article[name] = article[name].isoformat() if article[name] else None
    identity = [item.article_id, item.content_hash, item.source_file]
    return json.dumps({"article": article, "identity": identity}, ensure_ascii=False)


def decode_item(line: str) -> ReadItem:
    data = json.loads(line)
    if "rejected" in data:
        return ReadItem(None, rejected=Rejected(*data["rejected"]))
    values: dict[str, Any] = data["article"]
    for name in _DATE_FIELDS:
        values[name] = dt.date.fromisoformat(values[name]) if values[name] else None
    article_id, digest, source_file = data["identity"]
    return ReadItem(Article(**values), article_id, digest, source_file)


def write_shard(folder: Path, stored: Sequence[StoredArticle], rejected: Sequence[Rejected]) -> Path | None:
    """One shard holding these articles and rejections, written atomically; None when both are empty."""
    if not stored and not rejected:
        return None
    rows = [_article_row(s) for s in stored] + [_rejected_row(r) for r in rejected]
    table = pa.Table.from_pylist(rows, schema=SHARD_SCHEMA)
    # Named by content: a chunk extracted twice (a retried task) lands on the same shard.
    digest = hashlib.sha1("\n".join(json.dumps(row, sort_keys=True) for row in rows).encode()).hexdigest()[:20]
    final = folder / f"part-{digest}.parquet"
    partial = folder / f"{PARTIAL_PREFIX}{digest}-{os.getpid()}.parquet"
    pq.write_table(table, partial)
    os.replace(partial, final)  # atomic: a shard that exists under its final name is whole
    return final


def read_shard(path: Path) -> tuple[list[StoredArticle], list[Rejected]]:
    stored: list[StoredArticle] = []
    rejected: list[Rejected] = []
    for row in pq.read_table(path, schema=SHARD_SCHEMA).to_pylist():
        if row["kind"] == "rejected":
            rejected.append(Rejected(row["input"], row["reason"]))
        else:
            record = json.loads(row["record"])
            stored.append(
                StoredArticle(row["article_id"], row["content_hash"], row["source_file"], record, input=row["input"])
            )
    return stored, rejected


@dataclass(frozen=True)
class Loaded:
    articles: int  # articles in the shard
    added: int  # of which new to the store
    events: int
    rejected: list[Rejected]


def load_shard(store: Store, path: Path) -> Loaded:
    """Commit a shard to the store (one transaction), then delete it."""
    stored, rejected = read_shard(path)
    added = commit_chunk(store, stored, rejected)
    path.unlink(missing_ok=True)  # only after the commit: a kill in between re-loads it, adding nothing
    events = sum(len(s.record.get("events") or []) for s in stored)
    return Loaded(len(stored), added, events, rejected)


def leftover_shards(folder: Path) -> list[Path]:
    """Whole shards a killed run left behind; half-written ones are removed (their chunk is redone)."""
    for partial in folder.glob(f"{PARTIAL_PREFIX}*"):
        partial.unlink(missing_ok=True)
    return sorted(folder.glob(SHARD_GLOB))


def _article_row(article: StoredArticle) -> dict[str, Any]:
    return {
        "kind": "article",
        "article_id": article.article_id,
        "content_hash": article.content_hash,
        "source_file": article.source_file,
        "record": json.dumps(article.record, ensure_ascii=False, sort_keys=True),
        "input": article.input,  # its earlier rejections are cleared when it is stored
    }


def _rejected_row(rejected: Rejected) -> dict[str, Any]:
    return {"kind": "rejected", "input": rejected.source, "reason": rejected.reason}
