"""Parquet shards (the Ray runner's hand-off to the store): exact round trip, atomic, loaded once."""

from __future__ import annotations

import datetime as dt
import subprocess
from pathlib import Path
from typing import Any

import pyarrow as pa
import pytest

from newsevents.nlp import ModelNotInstalled
from newsevents.runner.commit import commit_chunk
from newsevents.runner.ray import RayUnavailable, _is_known, worker_failure
from newsevents.runner.shards import (
    ReadItem,
    decode_item,
    encode_item,
    leftover_shards,
    load_shard,
    read_shard,
    write_shard,
)
from newsevents.store import TABLES, Store
from newsevents.types import Article, Rejected
from tests.test_ingest_cli import NEWSEVENTS
from tests.test_store import full_record, stored


def all_rows(store: Store) -> dict[str, list[tuple[Any, ...]]]:
    rows = {}
    for table in TABLES:
        columns = [r[0] for r in store.con.execute(f"DESCRIBE {table}").fetchall() if r[0] != "rejected_at"]
        rows[table] = sorted(store.con.execute(f"SELECT {', '.join(columns)} FROM {table}").fetchall(), key=repr)
    return rows


def test_a_shard_loads_the_same_tables_as_a_direct_commit(tmp_path: Path) -> None:
    articles = [stored(full_record("wire-1"), "id-1"), stored(full_record("wire-2", None), "id-2")]
    rejected = [Rejected("corpus/bad.txt", "empty file")]
    shard = write_shard(tmp_path, articles, rejected)
    assert shard is not None and shard.exists()
    assert read_shard(shard) == (articles, rejected)

    with Store.open() as direct, Store.open() as from_shard:
        commit_chunk(direct, articles, rejected)
        loaded = load_shard(from_shard, shard)
        assert (loaded.articles, loaded.added, loaded.events, loaded.rejected) == (2, 2, 4, rejected)
        assert all_rows(from_shard) == all_rows(direct)
        assert not shard.exists()  # committed, then deleted


def test_loading_a_shard_again_after_a_kill_adds_nothing(tmp_path: Path) -> None:
    articles = [stored(full_record("wire-1"), "id-1")]
    rejected = [Rejected("corpus/bad.txt", "empty file")]
    with Store.open() as store:
        first = load_shard(store, write_shard(tmp_path, articles, rejected) or tmp_path)
        before = all_rows(store)
        again = load_shard(store, write_shard(tmp_path, articles, rejected) or tmp_path)
        assert (first.added, again.added) == (1, 0)
        assert all_rows(store) == before


def test_the_same_chunk_names_the_same_shard_and_half_written_ones_are_dropped(tmp_path: Path) -> None:
    articles = [stored(full_record("wire-1"), "id-1")]
    first = write_shard(tmp_path, articles, [])
    assert write_shard(tmp_path, articles, []) == first
    assert write_shard(tmp_path, [], []) is None
    (tmp_path / ".partial-abc-1.parquet").write_bytes(b"PAR1 cut short")
    assert leftover_shards(tmp_path) == [first]
    assert sorted(p.name for p in tmp_path.iterdir()) == [first.name if first else ""]


def test_read_items_travel_as_json_unchanged() -> None:
    article = Article("feed.xml#item3", None, "<p>Talks in Geneva</p>", dt.date(2022, 1, 28), "https://x", "T", "f")
    for item in (
        ReadItem(article, "a" * 20, "b" * 40, "corpus/feed.xml"),
        ReadItem(Article("x", "Plain text \u2028 with a line separator.")),
        # what reading found out about the input travels too: where its date came from, how it was decoded
        ReadItem(
            Article(
                "w", "Text", published=dt.date(2022, 1, 28), date_source="warc-date", warnings=["decoded as cp1252"]
            )
        ),
        ReadItem(None, rejected=Rejected("crawl.warc.gz@512", "not a WARC record")),
    ):
        assert decode_item(encode_item(item)) == item


def test_known_ids_are_found_by_bisection() -> None:
    known = pa.array(sorted(["0a", "3f", "77", "c1", "ff"]))
    assert [_is_known(known, key) for key in ("0a", "3f", "50", "ff", "00", "zz")] == [
        True, True, False, True, False, False
    ]  # fmt: skip
    assert not _is_known(pa.array([], pa.string()), "0a")


class WrappedByRay(Exception):
    """Like Ray's task errors: the worker's exception is kept in `cause`."""

    def __init__(self, message: str, cause: BaseException) -> None:
        super().__init__(message)
        self.cause = cause


def test_a_workers_error_reaches_the_user_unwrapped() -> None:
    missing = ModelNotInstalled("spaCy model 'x' is not installed")
    outer = RuntimeError("Dataset execution failed")
    outer.__cause__ = WrappedByRay("ray::MapWorker() failed\nTraceback (most recent call last): ...", missing)
    assert worker_failure(outer) is missing

    other = RuntimeError("Dataset execution failed")
    other.__cause__ = WrappedByRay("task failed", ValueError("disk full\nmore detail"))
    failure = worker_failure(other)
    assert isinstance(failure, RayUnavailable) and str(failure) == "the Ray run failed: disk full"


@pytest.mark.skipif(not NEWSEVENTS.exists(), reason="console script not installed in .venv")
def test_ray_options_without_the_ray_engine_are_a_usage_error(tmp_path: Path) -> None:
    result = subprocess.run(
        [str(NEWSEVENTS), "ingest", "x.txt", "--db", "x.duckdb", "--address", "127.0.0.1:6379"],
        capture_output=True,
        text=True,
        cwd=tmp_path,
        timeout=120,
    )
    assert result.returncode == 1
    assert result.stderr.strip() == "newsevents: error: --address and --shards need --engine ray"
    assert not (tmp_path / "x.duckdb").exists()
