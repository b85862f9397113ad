"""Crashes: `ingest` killed at random points (one inside a chunk's transaction), full and read-only targets.

Every kill is SIGKILL (nothing can clean up); the resumed store must hold exactly the tables of an
uninterrupted run. The kill points are drawn from a seeded RNG and printed on failure.
"""

from __future__ import annotations

import os
import random
import resource
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.test_ingest_cli import tables

REPO = Path(__file__).resolve().parents[1]
NEWSEVENTS = REPO / ".venv" / "bin" / "newsevents"
PYTHON = REPO / ".venv" / "bin" / "python"
ARTICLES = 18
CHUNK = "3"
SEED = 12

# `newsevents` with the store's insert wrapped: after the Nth table insert the process SIGKILLs itself,
# i.e. inside a write transaction, after some of a chunk's tables and before its COMMIT.
KILL_IN_TRANSACTION = """
import os, signal, sys
from newsevents.store import duck
inserts = 0
original = duck.Store._insert
def insert_then_die(self, name, table):
    global inserts
    original(self, name, table)
    inserts += 1
    if inserts == int(os.environ["KILL_AT_INSERT"]):
        os.kill(os.getpid(), signal.SIGKILL)
duck.Store._insert = insert_then_die
from newsevents.cli.main import main
sys.exit(main(sys.argv[1:]))
"""

pytestmark = pytest.mark.skipif(not NEWSEVENTS.exists(), reason="console script not installed in .venv")


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("corpus")
    for number in range(ARTICLES):
        (folder / f"s{number:02}.txt").write_text(
            f"KYIV, Jan. {number + 1}, 2022 (Wire) - Ukrainian officials said talks {number} with Russia stalled. "
            "The minister told reporters the army would hold its positions near Kharkiv.\n",
            "utf-8",
        )
    return folder


def ingest_args(corpus: Path, db: Path) -> list[str]:
    return ["ingest", str(corpus), "--db", str(db), "--workers", "1", "--chunk-size", CHUNK]


def assert_whole_articles(db: Path) -> int:
    """Every child row belongs to a stored article: no chunk was half written. The article count."""
    found = tables(db)
    stored = {row[0] for row in found["articles"]}
    for table in ("actors", "events", "quotes", "claims", "places", "dates"):
        assert {row[0] for row in found[table]} <= stored, table
    return len(stored)


def kill_inside_transaction(corpus: Path, db: Path, at_insert: int) -> None:
    env = {**os.environ, "KILL_AT_INSERT": str(at_insert)}
    args = [str(PYTHON), "-c", KILL_IN_TRANSACTION, *ingest_args(corpus, db)]
    result = subprocess.run(args, env=env, capture_output=True, text=True, timeout=300)
    assert result.returncode == -signal.SIGKILL, (at_insert, result.stderr[-500:])


def kill_after(corpus: Path, db: Path, stored_at_least: int) -> None:
    args = [str(NEWSEVENTS), *ingest_args(corpus, db), "--log-every", "0"]
    process = subprocess.Popen(args, stderr=subprocess.PIPE, stdout=subprocess.DEVNULL, text=True)
    assert process.stderr is not None
    deadline = time.monotonic() + 240
    while time.monotonic() < deadline:
        line = process.stderr.readline()
        if not line or (line.startswith("newsevents: stored ") and int(line.split()[2]) >= stored_at_least):
            break
    os.kill(process.pid, signal.SIGKILL)
    process.wait()


def test_killed_at_random_points_then_resumed_gives_the_uninterrupted_tables(corpus: Path, tmp_path: Path) -> None:
    reference = tmp_path / "reference.duckdb"
    done = subprocess.run([str(NEWSEVENTS), *ingest_args(corpus, reference)], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr

    rng = random.Random(SEED)
    at_insert = rng.randint(4, 12)  # a chunk's write inserts one table after another: some of a later chunk
    stored_points = sorted(rng.sample(range(3, ARTICLES - 3), 2))
    db = tmp_path / "killed.duckdb"
    kill_inside_transaction(corpus, db, at_insert)
    counts = [assert_whole_articles(db)]
    for point in stored_points:
        kill_after(corpus, db, point)
        counts.append(assert_whole_articles(db))
    assert counts == sorted(counts), (at_insert, stored_points, counts)  # committed work is never lost

    resumed = subprocess.run([str(NEWSEVENTS), *ingest_args(corpus, db)], capture_output=True, text=True)
    assert resumed.returncode == 0, resumed.stderr
    assert f"({counts[-1]} skipped" in resumed.stdout
    assert tables(db) == tables(reference), (at_insert, stored_points, counts)


def limited_file_size(limit: int) -> None:
    """In the child: no file grows past `limit` bytes, and writing past it fails (EFBIG), as on a full disk."""
    signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
    resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))


def test_a_full_disk_is_one_clear_error_and_the_store_stays_usable(corpus: Path, tmp_path: Path) -> None:
    long_stories = tmp_path / "long"
    long_stories.mkdir()
    for path in corpus.iterdir():  # long enough that the store outgrows the limit within a few chunks
        (long_stories / path.name).write_text(path.read_text("utf-8") * 12, "utf-8")
    corpus = long_stories
    db = tmp_path / "full.duckdb"
    result = subprocess.run(
        [str(NEWSEVENTS), *ingest_args(corpus, db)],
        capture_output=True,
        text=True,
        preexec_fn=lambda: limited_file_size(60_000),
        timeout=300,
    )
    assert result.returncode == 1, result.stderr
    assert "Traceback" not in result.stderr
    error = [line for line in result.stderr.splitlines() if "error:" in line]
    assert len(error) == 1 and "cannot" in error[0] and str(db.name) in error[0]
    stored = assert_whole_articles(db)  # opens, and holds whole articles only
    assert stored < ARTICLES
    resumed = subprocess.run([str(NEWSEVENTS), *ingest_args(corpus, db)], capture_output=True, text=True)
    assert resumed.returncode == 0 and f"({stored} skipped" in resumed.stdout


@pytest.mark.skipif(sys.platform != "linux", reason="chattr is Linux-only")
def test_a_read_only_target_is_one_clear_error(corpus: Path, tmp_path: Path) -> None:
    folder = tmp_path / "locked"
    folder.mkdir()
    if subprocess.run(["chattr", "+i", str(folder)], capture_output=True).returncode != 0:
        pytest.skip("cannot make a folder immutable here")  # root ignores mode bits; chattr +i binds root too
    try:
        result = subprocess.run(
            [str(NEWSEVENTS), *ingest_args(corpus, folder / "x.duckdb")], capture_output=True, text=True, timeout=300
        )
    finally:
        subprocess.run(["chattr", "-i", str(folder)], check=True)
    assert result.returncode == 1 and "Traceback" not in result.stderr
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and "cannot open database" in lines[0] and "x.duckdb" in lines[0]
    assert list(folder.iterdir()) == []
