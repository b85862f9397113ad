"""The ingest writer bounds DuckDB's memory on a store file while it writes, and puts it back after."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from newsevents.options import Options, memory_bytes
from newsevents.runner.commit import writer_memory
from newsevents.runner.local import IngestConfig, ingest
from newsevents.runner.progress import Tally
from newsevents.store import Store
from newsevents.types import InputError


def _limit(store: Store) -> str:
    row = store.con.execute("SELECT current_setting('memory_limit')").fetchone()
    assert row is not None
    return str(row[0])


def test_a_store_file_has_the_writer_limit_while_writing_and_its_own_after(tmp_path: Path) -> None:
    with Store.open(tmp_path / "store.duckdb") as store:
        default = _limit(store)
        with writer_memory(store, "96MB"):
            assert _limit(store) == "91.5 MiB"  # DuckDB's MB are 10^6 bytes, shown in MiB
        assert _limit(store) == default


def test_an_in_memory_store_keeps_duckdbs_default() -> None:
    with Store.open() as store:
        default = _limit(store)
        with writer_memory(store, "96MB"):
            assert _limit(store) == default


@pytest.mark.parametrize(
    ("text", "size"),
    [
        ("256MB", 256 * 10**6),
        ("256MiB", 256 * 2**20),
        ("1.5 GiB", int(1.5 * 2**30)),
        ("2gb", 2 * 10**9),
        ("64MB", 64 * 10**6),
        ("10%", 10**9),  # of the 10 GB of RAM given below
    ],
)
def test_writer_memory_sizes_are_read_in_duckdbs_units(text: str, size: int) -> None:
    assert memory_bytes(text, ram=10 * 10**9) == size


@pytest.mark.parametrize(
    ("text", "error"),
    [
        ("256", "must be a size such as"),  # no unit: DuckDB refuses it too
        ("lots", "must be a size such as"),
        ("256 megs", "must be a size such as"),
        ("-1GB", "must be a size such as"),
        ("32MB", "at least 64MB"),
        ("0%", "between 0 and 100%"),
        ("150%", "between 0 and 100%"),
    ],
)
def test_a_bad_writer_memory_is_a_config_error(text: str, error: str) -> None:
    with pytest.raises(InputError, match=error):
        Options.from_mapping({"writer_memory": text})


def test_the_packaged_default_is_the_options_default_and_a_user_config_overrides_it(tmp_path: Path) -> None:
    assert Options.load().writer_memory == Options().writer_memory == "256MB"
    config = tmp_path / "mine.toml"
    config.write_text('[newsevents]\nwriter_memory = "1GiB"\n')
    assert Options.load(config).writer_memory == "1GiB"


class _LimitSeen:
    """A runner `Progress` that reads the store's memory limit when the run starts (inside the writer's cap)."""

    def __init__(self, store: Store) -> None:
        self.store, self.seen = store, ""

    def start(self, files_total: int) -> None:
        self.seen = _limit(self.store)

    def update(self, tally: Tally) -> None:
        return None

    def finish(self, tally: Tally) -> None:
        return None


def test_ingest_writes_under_the_option_s_cap(tmp_path: Path) -> None:
    with Store.open(tmp_path / "store.duckdb") as store:
        default = _limit(store)
        progress = _LimitSeen(store)
        ingest([], store, Options(writer_memory="96MB"), IngestConfig(workers=1), progress)
        assert progress.seen == "91.5 MiB"
        assert _limit(store) == default


def test_the_cli_says_what_is_wrong_with_the_option_in_one_line(tmp_path: Path) -> None:
    config = tmp_path / "bad.toml"
    config.write_text('[newsevents]\nwriter_memory = "lots"\n')
    (tmp_path / "a.txt").write_text("The minister met the envoy in Paris on Monday.\n", "utf-8")
    command = [sys.executable, "-m", "newsevents", "ingest", str(tmp_path / "a.txt"), "--db", str(tmp_path / "s.db")]
    result = subprocess.run([*command, "--config", str(config)], capture_output=True, text=True, timeout=300)
    assert result.returncode != 0 and "Traceback" not in result.stderr
    lines = [line for line in result.stderr.splitlines() if line.strip()]
    assert len(lines) == 1 and "writer_memory" in lines[0] and "'lots'" in lines[0], result.stderr
    assert not (tmp_path / "s.db").exists()  # nothing was opened, let alone written


def _cached_mib(store: Store) -> float:
    rows = store.con.execute("SELECT sum(memory_usage_bytes) FROM duckdb_memory() WHERE tag = 'BASE_TABLE'").fetchall()
    return (rows[0][0] or 0) / 2**20


def test_trim_empties_the_writers_cache_and_puts_the_cap_back(tmp_path: Path) -> None:
    with Store.open(tmp_path / "store.duckdb") as store:
        store.con.execute(
            "CREATE TABLE filler AS SELECT i, md5(i::VARCHAR) || md5((i * 7)::VARCHAR) AS s FROM range(300000) r(i)"
        )
        store.con.execute("CHECKPOINT")
        with writer_memory(store, "96MB") as cache:
            assert store.con.execute("SELECT count(DISTINCT s) FROM filler").fetchall() == [(300000,)]
            before = _cached_mib(store)
            cache.trim()
            assert _limit(store) == "91.5 MiB"
            assert before > 5 and _cached_mib(store) < before / 4  # the scanned blocks were let go
            assert store.con.execute("SELECT count(DISTINCT s) FROM filler").fetchall() == [(300000,)]  # re-read


def test_trim_leaves_an_in_memory_store_alone() -> None:
    with Store.open() as store:
        default = _limit(store)
        with writer_memory(store, "96MB") as cache:
            cache.trim()
            assert _limit(store) == default
