"""Readers stream and batches stay bounded: what keeps memory flat in corpus size (issue 13)."""

from __future__ import annotations

import gzip
import hashlib
import io
import json
import subprocess
import sys
from itertools import islice
from pathlib import Path

import pytest

from newsevents.ingest.compressed import GunzipReader, gunzip
from newsevents.ingest.readers import ReadMeter, read_path
from newsevents.ingest.warc import read_warc_stream
from newsevents.runner.progress import LogProgress, Tally, _eta
from newsevents.types import Article, InputError, Rejected

REPO = Path(__file__).resolve().parents[1]
LINE = {"text": "Ministers met in Geneva on Monday to discuss the ceasefire and the return of prisoners."}


def write_jsonl(path: Path, count: int, compress: bool = False) -> None:
    # a digest per record keeps the gzip'd file large (several read blocks), like real text
    lines = (
        json.dumps({"id": f"a{n}", "digest": hashlib.sha256(str(n).encode()).hexdigest(), **LINE}) for n in range(count)
    )
    data = "".join(line + "\n" for line in lines).encode()
    path.write_bytes(gzip.compress(data) if compress else data)


@pytest.mark.parametrize("compress", [False, True], ids=["jsonl", "jsonl.gz"])
def test_a_large_jsonl_file_is_read_lazily(tmp_path: Path, compress: bool) -> None:
    path = tmp_path / ("big.jsonl.gz" if compress else "big.jsonl")
    write_jsonl(path, 20_000, compress)
    meter = ReadMeter()
    items = read_path(path, meter=meter)
    first = list(islice(items, 3))
    assert [a.id for a in first if isinstance(a, Article)] == ["a0", "a1", "a2"]
    assert 0 < meter.bytes_read() < path.stat().st_size  # three records cost a block, not the file
    items.close()


def test_every_record_of_a_large_jsonl_file_is_read(tmp_path: Path) -> None:
    path = tmp_path / "big.jsonl.gz"
    write_jsonl(path, 5_000, compress=True)
    items = list(read_path(path))
    assert len(items) == 5_000 and items[-1].id == "a4999"  # type: ignore[union-attr]


def test_a_bad_line_rejects_that_line_only(tmp_path: Path) -> None:
    path = tmp_path / "mixed.jsonl"
    path.write_bytes(b'{"id": "ok1", "text": "Fine."}\n{broken\n\xff\xfe\n{"id": "ok2", "text": "Fine."}\n')
    items = list(read_path(path))
    assert [i.id if isinstance(i, Article) else i.source for i in items] == [
        "ok1",
        f"{path}:2",
        f"{path}:3",
        "ok2",
    ]


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        (gzip.compress(b"one\n") + gzip.compress(b"two\n"), b"one\ntwo\n"),  # members concatenated
        (gzip.compress(b"one\n") + b"\x00" * 600, b"one\n"),  # zero padding after the last member
        (gzip.compress(b"one\n") + b"trailing junk", b"one\n"),  # garbage after it, as gzip(1) allows
        (gzip.compress(bytes(range(256)) * 4096), bytes(range(256)) * 4096),  # several blocks out
    ],
)
def test_gunzip_stream(data: bytes, expected: bytes) -> None:
    assert gunzip(data) == expected


def test_gunzip_stream_refuses_a_bomb() -> None:
    reader = GunzipReader(io.BytesIO(gzip.compress(b"\x00" * 3_000_000)), limit=1_000_000)
    with pytest.raises(InputError, match="decompresses to more than"):
        io.BufferedReader(reader).read()


def test_a_truncated_gzip_jsonl_keeps_the_records_before_the_cut(tmp_path: Path) -> None:
    path = tmp_path / "cut.jsonl.gz"
    write_jsonl(path, 20_000, compress=True)
    path.write_bytes(path.read_bytes()[: path.stat().st_size // 2])
    items = list(read_path(path))
    assert isinstance(items[-1], Rejected) and items[-1].reason == "truncated gzip file"
    assert len([i for i in items if isinstance(i, Article)]) > 1000


def test_warc_recovery_scans_past_a_broken_record_in_blocks(tmp_path: Path) -> None:
    from tests.test_ingest_formats import warc_bytes

    good = warc_bytes(compress=False)
    second = good.index(b"WARC/1.", 10)
    filler = b"x" * 3_000_000  # more than one search block between the break and the next record
    broken = good[:second] + b"NOT A WARC RECORD\r\n" + filler + b"\r\n" + good[second:]
    items = list(read_warc_stream(Path("crawl.warc"), io.BytesIO(broken), None))
    assert [r.source for r in items if isinstance(r, Rejected)] == [f"crawl.warc@{second}"]
    assert len([a for a in items if isinstance(a, Article)]) == 2


@pytest.mark.parametrize(
    ("done", "total", "elapsed", "expected"),
    [(0, 100, 5.0, None), (25, 100, 10.0, 30.0), (100, 100, 10.0, 0.0), (10, 0, 1.0, None)],
)
def test_eta_is_by_bytes(done: int, total: int, elapsed: float, expected: float | None) -> None:
    assert _eta(elapsed, Tally(bytes_done=done, bytes_total=total)) == expected


def test_log_progress_names_bytes(tmp_path: Path) -> None:
    stream = io.StringIO()
    progress = LogProgress(stream, every=0)
    progress.start(2)
    progress.update(Tally(files_done=1, files_total=2, bytes_done=3 * 1024**2, bytes_total=6 * 1024**2, stored=4))
    assert "1/2 files (3.0/6.0 MiB)" in stream.getvalue() and "ETA" in stream.getvalue()


def test_process_batch_takes_articles_lazily() -> None:
    from newsevents.pipeline import process_batch

    def endless() -> object:
        n = 0
        while True:
            n += 1
            yield Article(id=str(n), text="Officials in Oslo said talks would resume on Friday.")

    taken = list(islice(process_batch(endless(), batch_size=4), 6))  # type: ignore[arg-type]
    assert [r.id for r in taken] == ["1", "2", "3", "4", "5", "6"]


def test_the_benchmark_suite_runs_on_a_tiny_corpus(shared_dir: Path) -> None:
    """The bench scripts run and print their table; no timing is asserted."""
    result = subprocess.run(
        [sys.executable, str(REPO / "bench" / "run.py"), "--only", "extract", "--tiny", "3", "--repeats", "1"],
        capture_output=True,
        text=True,
        timeout=900,
        check=True,
    )
    rows = [line for line in result.stdout.splitlines() if line.startswith("| extract")]
    assert len(rows) >= 4 and all("art/s" in r or "MiB" in r or "(1 run)" in r for r in rows)
