"""`newsevents ingest|export|stats` through the real console script, including `kill -9` and resume."""

from __future__ import annotations

import os
import signal
import subprocess
import time
from pathlib import Path
from typing import Any

import duckdb
import pytest

from newsevents.store import TABLES

REPO = Path(__file__).resolve().parents[1]
NEWSEVENTS = REPO / ".venv" / "bin" / "newsevents"
ARTICLES = 120

pytestmark = pytest.mark.skipif(not NEWSEVENTS.exists(), reason="console script not installed in .venv")


def run(*args: str | Path, check_code: int | None = None) -> subprocess.CompletedProcess[str]:
    result = subprocess.run([str(NEWSEVENTS), *map(str, args)], capture_output=True, text=True, timeout=300)
    assert "Traceback" not in result.stderr
    if check_code is not None:
        assert result.returncode == check_code, result.stderr
    return result


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Short wire-style stories written here, plus one file that is not text."""
    folder = tmp_path_factory.mktemp("corpus")
    for number in range(ARTICLES):
        (folder / f"story{number:03}.txt").write_text(
            f"Officials in Kyiv said on Tuesday that talks number {number} with Moscow had stalled. "
            f"The minister told reporters the army would hold its positions near Kharkiv.\n",
            "utf-8",
        )
    (folder / "broken.txt").write_bytes(b"\x00\x01 binary, not text \xff")
    return folder


def tables(db: Path) -> dict[str, list[tuple[Any, ...]]]:
    """Every table's rows, sorted, without the time a rejection was first seen."""
    with duckdb.connect(str(db), read_only=True) as con:
        result = {}
        for table in TABLES:
            columns = [r[0] for r in con.execute(f"DESCRIBE {table}").fetchall() if r[0] != "rejected_at"]
            result[table] = sorted(con.execute(f"SELECT {', '.join(columns)} FROM {table}").fetchall(), key=repr)
    return result


def kill_after_some_articles(corpus: Path, db: Path, at_least: int) -> int:
    """Start an ingest, SIGKILL it once `at_least` articles are committed; the count at the kill."""
    args = [str(NEWSEVENTS), "ingest", str(corpus), "--db", str(db), "--workers", "1", "--chunk-size", "4"]
    process = subprocess.Popen(
        [*args, "--log-every", "0"], stderr=subprocess.PIPE, stdout=subprocess.DEVNULL, text=True
    )
    assert process.stderr is not None
    stored, deadline = 0, time.monotonic() + 240
    while stored < at_least and time.monotonic() < deadline:
        line = process.stderr.readline()
        if not line:
            break
        if line.startswith("newsevents: stored "):
            stored = int(line.split()[2])
    os.kill(process.pid, signal.SIGKILL)
    process.wait()
    assert process.returncode == -signal.SIGKILL, "the run ended before it could be killed"
    return stored


def test_kill_9_then_resume_gives_the_tables_of_an_uninterrupted_run(corpus: Path, tmp_path: Path) -> None:
    reference = tmp_path / "reference.duckdb"
    run("ingest", corpus, "--db", reference, "--workers", "1", check_code=2)

    resumed = tmp_path / "resumed.duckdb"
    killed_at = kill_after_some_articles(corpus, resumed, at_least=8)
    partial = tables(resumed)
    assert 8 <= killed_at <= len(partial["articles"]) < ARTICLES  # stopped mid-run, committed work kept
    article_ids = {row[0] for row in partial["articles"]}
    assert {row[0] for row in partial["actors"]} <= article_ids  # nothing half-written

    result = run("ingest", corpus, "--db", resumed, "--workers", "2", check_code=2)
    assert f"({len(partial['articles'])} skipped: stored before or repeated)" in result.stdout
    assert tables(resumed) == tables(reference)

    again = run("ingest", corpus, "--db", resumed, "--workers", "1", check_code=2)
    assert f"0 articles stored ({ARTICLES} skipped: stored before or repeated)" in again.stdout
    assert tables(resumed) == tables(reference)


def test_rejected_inputs_are_named_on_stderr_and_stored(tmp_path: Path) -> None:
    (tmp_path / "good.txt").write_text("The president met the prime minister in Paris on Monday.", "utf-8")
    (tmp_path / "empty.txt").write_text("", "utf-8")
    db = tmp_path / "events.duckdb"
    result = run("ingest", tmp_path / "good.txt", tmp_path / "empty.txt", tmp_path / "missing.txt", "--db", db)
    assert result.returncode == 2
    errors = [line for line in result.stderr.splitlines() if "error:" in line]
    assert errors == [
        f"newsevents: error: {tmp_path / 'empty.txt'}: empty file",
        f"newsevents: error: {tmp_path / 'missing.txt'}: cannot read: No such file or directory",
    ]
    with duckdb.connect(str(db), read_only=True) as con:
        assert sorted(con.execute("SELECT input, reason FROM rejected").fetchall()) == [
            (str(tmp_path / "empty.txt"), "empty file"),
            (str(tmp_path / "missing.txt"), "cannot read: No such file or directory"),
        ]
    clean = run("ingest", tmp_path / "good.txt", "--db", db, check_code=0)
    assert "0 articles stored (1 skipped: stored before or repeated)" in clean.stdout

    stats = run("stats", "--db", db, check_code=0)
    assert [line.split() for line in stats.stdout.splitlines() if line.startswith(("articles", "rejected"))] == [
        ["articles", "1"],
        ["rejected", "2"],
    ]
    out = tmp_path / "events.tsv"
    exported = run("export", "--db", db, "--format", "gdelt", "--out", out, "--since", "2000-01-01", check_code=0)
    assert out.exists() and "wrote" in exported.stdout


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["ingest", "x.txt"], "Missing option '--db'"),
        (["stats", "--db", "no-such.duckdb"], "no database at no-such.duckdb"),
        (["export", "--db", "no-such.duckdb", "--format", "xml", "--out", "x"], "Invalid value for '--format'"),
        (["ingest", "x.txt", "--db", "x.duckdb", "--workers", "0"], "Invalid value for '--workers'"),
        (["ingest", "x.txt", "--db", "x.duckdb", "--date", "28/01/2022"], "--date must be YYYY-MM-DD"),
    ],
)
def test_usage_errors_exit_1_with_one_line(tmp_path: Path, args: list[str], message: str) -> None:
    result = subprocess.run([str(NEWSEVENTS), *args], capture_output=True, text=True, cwd=tmp_path, timeout=120)
    assert result.returncode == 1
    assert message in result.stderr and len(result.stderr.strip().splitlines()) == 1
    assert not (tmp_path / "x.duckdb").exists()


CTRL_C_IN_QUERY = [
    # DuckDB takes a Ctrl-C that arrives mid-query and raises its own error instead of KeyboardInterrupt
    (RuntimeError("Query interrupted"), True),
    (duckdb.InterruptException("Interrupted!"), True),
    (RuntimeError("cannot allocate memory"), False),
    (ValueError("bad value"), False),
]


@pytest.mark.parametrize(("error", "is_ctrl_c"), CTRL_C_IN_QUERY)
def test_a_query_interrupted_by_ctrl_c_is_reported_as_ctrl_c(error: Exception, is_ctrl_c: bool) -> None:
    from newsevents.cli.app import ctrl_c_in_query

    assert ctrl_c_in_query(error) is is_ctrl_c
