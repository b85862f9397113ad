"""The one step where extracted articles enter the store, shared by every engine.

Both runners end each chunk here: the local runner after a worker returns a chunk, the Ray runner
after it reads a Parquet shard back. Anything that must look across the stored articles after each
write (story grouping, corroboration) hooks in here, so it applies to both engines alike.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from contextlib import contextmanager

from newsevents.options import Options, memory_bytes
from newsevents.store import Store, StoredArticle, to_arrow
from newsevents.types import Rejected

# DuckDB's default (80 % of RAM) lets its buffer pool keep every block of the store file it reads, so
# the writer's memory grew with the store without bound. 64 MB cut the writer's growth over 4,170
# articles (docs/benchmarks.md, issue 13, perfmem) but failed under load: writing and story grouping
# together ran out of it and aborted the transaction ("Current transaction is aborted"), seen in CI on
# a 2-worker ingest of 60 articles. 256 MB passed the same runs four at a time on the loaded machine;
# it bounds the cache of a large store, while a 4,170-article store stays under it (its cache held ~40 MB).
# The cap is the option `writer_memory` (packaged default in data/defaults.toml, a user config overrides it).
WRITER_MEMORY_LIMIT = Options().writer_memory


def commit_chunk(store: Store, stored: Sequence[StoredArticle], rejected: Sequence[Rejected] = ()) -> int:
    """Write one chunk (articles and rejections) in one transaction; the number of articles added.

    Articles already in the store are skipped by `Store.write`, so committing a chunk twice
    (a resumed run re-reading a shard it had loaded before it was killed) adds nothing.
    """
    return store.write(to_arrow(stored, store.schemas, rejected))


@contextmanager
def writer_memory(store: Store, limit: str = WRITER_MEMORY_LIMIT) -> Iterator[None]:
    """DuckDB's `memory_limit` set to `limit` while an ingest writes to a store file, then reset.

    `limit` is a size as the option `writer_memory` takes it (checked by `memory_bytes`; InputError if bad).
    An in-memory store has no file to re-read evicted blocks from, so it keeps DuckDB's default.
    (`Store.open` never sets the limit, so resetting it puts back what the store had.)
    """
    size = memory_bytes(limit)
    row = store.con.execute("SELECT path FROM duckdb_databases() WHERE database_name = current_database()").fetchone()
    if row is None or not row[0]:
        yield
        return
    store.con.execute(f"SET memory_limit = '{size}B'")
    try:
        yield
    finally:
        store.con.execute("RESET memory_limit")
