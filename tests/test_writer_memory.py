"""The ingest writer bounds DuckDB's memory on a store file while it writes, and puts it back after."""

from __future__ import annotations

from pathlib import Path

from newsevents.runner.commit import writer_memory
from newsevents.store import Store


def _limit(store: Store) -> str:
    row = store.con.execute("SELECT current_setting('memory_limit')").fetchone()
    assert row is not None
    return str(row[0])


def test_a_store_file_has_the_writer_limit_while_writing_and_its_own_after(tmp_path: Path) -> None:
    with Store.open(tmp_path / "store.duckdb") as store:
        default = _limit(store)
        with writer_memory(store, "48MB"):
            assert _limit(store) == "45.7 MiB"  # DuckDB's MB are 10^6 bytes, shown in MiB
        assert _limit(store) == default


def test_an_in_memory_store_keeps_duckdbs_default() -> None:
    with Store.open() as store:
        default = _limit(store)
        with writer_memory(store, "48MB"):
            assert _limit(store) == default
