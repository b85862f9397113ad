"""How the local runner cuts its input into chunks: full chunks, then smaller ones near the end."""

from __future__ import annotations

from pathlib import Path

import pytest

from newsevents.runner.local import IngestConfig, read_chunks, tail_chunk_size
from newsevents.runner.progress import Tally
from newsevents.store import Store


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
