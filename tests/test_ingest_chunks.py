"""How the local runner cuts its input into chunks: full chunks, then smaller ones near the end."""

from __future__ import annotations

from pathlib import Path

import pytest

from newsevents.options import Options
from newsevents.runner.local import (
    HANDED_OUT,
    Chunk,
    IngestConfig,
    Pending,
    Result,
    ingest,
    merged_chunks,
    read_chunks,
    tail_chunk_size,
)
from newsevents.runner.progress import LogProgress, Tally
from newsevents.store import Store
from newsevents.types import Article, Rejected


@pytest.mark.parametrize(
    ("workers", "articles_read", "bytes_read", "bytes_total", "expected"),
    [
        (2, 16, 16_000, 139_000, 16),  # far from the end: full chunks
        (2, 64, 64_000, 139_000, 16),  # 75 left = more than 4 full chunks
        (2, 100, 100_000, 139_000, 10),  # 39 left, a quarter each (rounded up)
        (2, 125, 125_000, 139_000, 4),  # 14 left: down to a quarter of a chunk, no lower
        (2, 139, 139_000, 139_000, 4),  # nothing left by the estimate: the floor
        (4, 100, 100_000, 139_000, 5),  # more workers: a smaller share each
        (1, 125, 125_000, 139_000, 16),  # one worker has no tail to balance
        (2, 10, 10_000, 0, 16),  # sizes unknown (a stream): nothing to estimate
        (2, 0, 0, 139_000, 16),  # nothing read yet
    ],
)
def test_tail_chunk_size(workers: int, articles_read: int, bytes_read: int, bytes_total: int, expected: int) -> None:
    config = IngestConfig(workers=workers, chunk_size=16)
    assert tail_chunk_size(config, articles_read, bytes_read, bytes_total) == expected


def _corpus(tmp_path: Path, count: int) -> list[Path]:
    files = []
    for number in range(count):
        path = tmp_path / f"{number:03d}.txt"
        path.write_text(f"Story {number}. The minister met the envoy in Paris on Monday.", "utf-8")
        files.append(path)
    return files


def _chunk_sizes(files: list[Path], workers: int) -> tuple[list[int], list[str]]:
    tally = Tally(files_total=len(files), bytes_total=sum(path.stat().st_size for path in files))
    chunks = list(read_chunks(files, Store.open(":memory:"), IngestConfig(workers=workers, chunk_size=8), tally))
    return [len(chunk.items) for chunk in chunks], [p.source_file for chunk in chunks for p in chunk.items]


def test_with_several_workers_the_last_chunks_are_smaller_and_nothing_is_lost_or_reordered(tmp_path: Path) -> None:
    files = _corpus(tmp_path, 60)
    sizes, order = _chunk_sizes(files, workers=2)
    assert order == [str(path) for path in files]  # every article once, in input order
    assert sizes[:3] == [8, 8, 8]
    assert max(sizes[-3:]) < 8 and min(sizes[:-1]) >= 2  # smaller at the end, never below a quarter
    assert sizes[:-1] == sorted(sizes[:-1], reverse=True)


def test_with_one_worker_every_chunk_is_full(tmp_path: Path) -> None:
    files = _corpus(tmp_path, 60)
    sizes, order = _chunk_sizes(files, workers=1)
    assert order == [str(path) for path in files]
    assert sizes == [8] * 7 + [4]


def _finished(sizes: list[int]) -> list[tuple[Chunk, list[Result]]]:
    """Finished chunks of the given sizes: article ids a0, a1, ... in order, chunk k cut at file k + 1."""
    pairs, number = [], 0
    for index, size in enumerate(sizes):
        chunk = Chunk(files_done=index + 1, bytes_done=100 * (index + 1))
        for _ in range(size):
            chunk.items.append(Pending(Article(id=f"a{number}", text="x"), f"a{number}", "h", "f.txt"))
            number += 1
        chunk.rejected.append(Rejected(f"bad{index}.txt", "empty file"))
        pairs.append((chunk, [{"id": p.article_id} for p in chunk.items]))
    return pairs


@pytest.mark.parametrize(
    ("sizes", "per_write", "expected"),
    [
        ([16, 16, 16, 16, 16, 16], 4, [64, 32]),  # four chunks a write, the rest in the last one
        ([16, 16, 10, 4], 4, [46]),
        ([16, 0, 0, 16], 2, [16, 16]),  # chunks whose articles were all stored count as chunks
        ([3, 3, 3], 1, [3, 3, 3]),  # one chunk per transaction: as before
        ([5, 5], 0, [5, 5]),  # nonsense is one chunk per write, never nothing written
        ([], 4, []),
    ],
)
def test_chunks_are_merged_per_write_in_order_with_their_rejections_and_progress(
    sizes: list[int], per_write: int, expected: list[int]
) -> None:
    merged = list(merged_chunks(_finished(sizes), per_write))
    assert [len(chunk.items) for chunk, _ in merged] == expected
    ids = [p.article_id for chunk, _ in merged for p in chunk.items]
    assert ids == [f"a{n}" for n in range(sum(sizes))]  # nothing lost, nothing reordered
    assert all([r["id"] for r in results] == [p.article_id for p in chunk.items] for chunk, results in merged)
    assert [r.source for chunk, _ in merged for r in chunk.rejected] == [f"bad{i}.txt" for i in range(len(sizes))]
    if merged:  # progress of a write is that of its last chunk
        assert (merged[-1][0].files_done, merged[-1][0].bytes_done) == (len(sizes), 100 * len(sizes))


def test_what_waits_is_written_before_the_all_handed_out_mark_passes() -> None:
    pairs = _finished([4, 4, 4, 4, 4])
    stream = [*pairs[:3], (HANDED_OUT, []), *pairs[3:]]
    merged = list(merged_chunks(stream, 2))
    sizes = ["mark" if chunk is HANDED_OUT else len(chunk.items) for chunk, _ in merged]
    assert sizes == [8, 4, "mark", 8]  # the third chunk is not held back past the grouping step


def test_the_tables_are_the_same_whatever_the_chunks_per_write(tmp_path: Path) -> None:
    files = _corpus(tmp_path, 9)
    found = []
    for per_write in (1, 4):
        store = Store.open(":memory:")
        config = IngestConfig(workers=1, chunk_size=2, chunks_per_write=per_write, group_every=4)
        summary = ingest(files, store, Options(), config, LogProgress(every=3600))
        assert summary.stored == 9
        tables = [row[0] for row in store.con.execute("SELECT table_name FROM duckdb_tables()").fetchall()]
        assert {"story_signatures", "event_groups", "event_contests"} <= set(tables)
        found.append({table: _rows(store, table) for table in tables})
    assert found[0] == found[1]  # every table, stories and event groups included, row for row


def _rows(store: Store, table: str) -> list[tuple[object, ...]]:
    """A table's rows in stored order; `event_groups` sorted: each grouping step re-inserts it from a GROUP BY."""
    columns = [r[0] for r in store.con.execute(f"DESCRIBE {table}").fetchall() if not r[0].endswith("_at")]
    rows = store.con.execute(f"SELECT {', '.join(columns)} FROM {table} ORDER BY rowid").fetchall()
    return sorted(rows, key=repr) if table == "event_groups" else rows
