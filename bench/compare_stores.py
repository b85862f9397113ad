"""Are two stores the same? Every table compared row for row, in stored order and sorted.

    .venv/bin/python bench/compare_stores.py A.duckdb B.duckdb

For each table of either file: its row count in each, whether the rows are equal in stored order
(`rowid`) and whether they are equal once sorted; columns ending in `_at` (time stamps of the run)
are left out. Exit status 0 only when every table is equal both ways: the check that a change to
the writer or to grouping stored exactly what the code before it stored. `event_groups` is the exception
to read with care: its rows are deleted and re-inserted by each grouping step from a GROUP BY, and its stored
order varies between two runs of the same code (docs/benchmarks.md, ingest8); compare it sorted.
"""

from __future__ import annotations

import sys
from pathlib import Path

import duckdb


def rows(con: duckdb.DuckDBPyConnection, table: str) -> list[tuple[object, ...]]:
    columns = [r[0] for r in con.execute(f"DESCRIBE {table}").fetchall() if not r[0].endswith("_at")]
    return con.execute(f"SELECT {', '.join(columns)} FROM {table} ORDER BY rowid").fetchall()


def tables(con: duckdb.DuckDBPyConnection) -> set[str]:
    return {row[0] for row in con.execute("SELECT table_name FROM duckdb_tables()").fetchall()}


def main() -> None:
    paths = sys.argv[1:]
    if len(paths) != 2:
        sys.exit("usage: compare_stores.py A.duckdb B.duckdb")
    missing = [path for path in paths if not Path(path).is_file()]
    if missing:  # duckdb.connect would create an empty store, or fail with a traceback when read-only
        sys.exit(f"compare_stores.py: no store at {', '.join(missing)}")
    left, right = (duckdb.connect(path, read_only=True) for path in paths)
    same = True
    for table in sorted(tables(left) | tables(right)):
        if table not in tables(left) or table not in tables(right):
            print(f"{table}: in one store only")
            same = False
            continue
        a, b = rows(left, table), rows(right, table)
        ordered = a == b
        unordered = ordered or sorted(map(repr, a)) == sorted(map(repr, b))
        same = same and ordered
        print(f"{table}: {len(a)} / {len(b)} rows; in stored order {'equal' if ordered else 'DIFFERENT'}; "
              f"sorted {'equal' if unordered else 'DIFFERENT'}")  # fmt: skip
    print("all tables identical" if same else "stores DIFFER")
    sys.exit(0 if same else 1)


if __name__ == "__main__":
    main()
