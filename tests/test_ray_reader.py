"""The Ray runner's read stage (`runner/ray.read_file`), without Ray: it streams one file's rows
(never a list of all its articles), gives the ingest readers' articles and rejections unchanged,
and carries the bytes read, so that `--engine ray` has progress and ETA by bytes."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import pytest

from newsevents.ingest.identity import identify
from newsevents.ingest.readers import read_inputs
from newsevents.runner.ray import read_file
from newsevents.runner.shards import decode_item
from newsevents.types import Rejected

LINES = 4000


@pytest.fixture(scope="module")
def big_jsonl(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A JSONL file of a few MiB: two malformed lines among thousands of short records."""
    path = tmp_path_factory.mktemp("ray-reader") / "wire.jsonl"
    with path.open("w", encoding="utf-8") as out:
        for number in range(LINES):
            if number in (10, LINES - 3):
                out.write("{broken record\n")
                continue
            text = f"Officials said talks number {number} resumed on Monday in Geneva. " * 8
            out.write(json.dumps({"id": f"wire-{number}", "text": text, "published": "2022-01-28"}) + "\n")
    return path


def rows_of(path: Path) -> Iterator[dict[str, object]]:
    return read_file({"path": str(path)}, "auto", None)


def test_a_big_file_is_streamed_not_read_whole(big_jsonl: Path) -> None:
    rows = rows_of(big_jsonl)
    assert isinstance(rows, Iterator)  # a generator: Ray Data cuts its rows into blocks as they come
    size = big_jsonl.stat().st_size
    read = 0
    for count, row in enumerate(rows, start=1):
        read += int(str(row["bytes"]))
        if count == 100:  # a hundred rows in, only a small head of the file has been read
            assert 0 < read < size / 20
            break
    else:
        pytest.fail("fewer than 100 rows")


def test_the_rows_are_the_readers_articles_and_rejections_in_order(big_jsonl: Path) -> None:
    expected: list[object] = []
    for item in read_inputs([big_jsonl]):
        expected.append(item if isinstance(item, Rejected) else (item, *identify(item)))
    got: list[object] = []
    for row in rows_of(big_jsonl):
        read = decode_item(str(row["item"]))
        if read.rejected is not None:
            got.append(read.rejected)
        else:
            assert read.source_file == str(big_jsonl)
            got.append((read.article, read.article_id, read.content_hash))
    assert got == expected
    rejected = [item for item in got if isinstance(item, Rejected)]
    assert [r.source for r in rejected] == [f"{big_jsonl}:11", f"{big_jsonl}:{LINES - 2}"]  # one-line, numbered


def test_the_bytes_add_up_to_the_file_and_its_last_row_closes_it(big_jsonl: Path) -> None:
    rows = list(rows_of(big_jsonl))
    assert len(rows) == LINES
    assert sum(int(str(row["bytes"])) for row in rows) == big_jsonl.stat().st_size
    assert [row["files"] for row in rows] == [0] * (LINES - 1) + [1]


@pytest.mark.parametrize(
    ("name", "data", "reason"),
    [("empty.txt", b"", "empty file"), ("binary.txt", b"\x00\x01 not text \x00", "binary file")],
)
def test_a_rejected_file_is_one_row_that_closes_it(tmp_path: Path, name: str, data: bytes, reason: str) -> None:
    path = tmp_path / name
    path.write_bytes(data)
    (row,) = rows_of(path)
    rejected = decode_item(str(row["item"])).rejected
    assert rejected is not None and rejected.source == str(path) and reason in rejected.reason
    assert (row["bytes"], row["files"]) == (len(data), 1)
