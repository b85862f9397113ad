"""The one step where extracted articles enter the store, shared by every engine.

Both runners end each chunk here: the local runner after a worker returns a chunk, the Ray runner
after it reads a Parquet shard back. Anything that must look across the stored articles after each
write (story grouping, corroboration) hooks in here, so it applies to both engines alike.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from contextlib import contextmanager

import duckdb

from newsevents.analyze.stories import group_new_articles
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


class WriterCache:
    """DuckDB's cache of the store file in the writer: capped at `size` bytes, and emptied between steps.

    Under the cap DuckDB keeps every block it has read or written, so the cache grows with the store
    until the cap binds (a 4,170-article store: ~40 MB). `trim` evicts what is not in use by lowering
    the limit for a moment, then puts the cap back: each step (a grouping step, the chunks written
    until the next) then holds only the blocks it reads itself, while it still has the whole cap to
    work in. Evicted blocks are re-read from the file (or the OS page cache) when needed; nothing is
    lost. `size` None: an in-memory store, whose blocks have no file to come back from, is left alone.
    """

    TRIM_TO = "1MB"  # evict all it can; blocks in use stay, and DuckDB then refuses the limit (ignored)

    def __init__(self, store: Store, size: int | None) -> None:
        self.store, self.size = store, size

    def trim(self) -> None:
        if self.size is None:
            return
        try:
            self.store.con.execute(f"SET memory_limit = '{self.TRIM_TO}'")
        except duckdb.Error:
            pass  # it evicted what it could before refusing: the blocks in use are what is left
        finally:
            self.store.con.execute(f"SET memory_limit = '{self.size}B'")


@contextmanager
def writer_memory(store: Store, limit: str = WRITER_MEMORY_LIMIT) -> Iterator[WriterCache]:
    """DuckDB's `memory_limit` set to `limit` while an ingest writes to a store file, then reset.

    `limit` is a size as the option `writer_memory` takes it (checked by `memory_bytes`; InputError if bad).
    An in-memory store has no file to re-read evicted blocks from, so it keeps DuckDB's default.
    (`Store.open` never sets the limit, so resetting it puts back what the store had.)
    """
    size = memory_bytes(limit)
    row = store.con.execute("SELECT path FROM duckdb_databases() WHERE database_name = current_database()").fetchall()
    if not row or not row[0][0]:
        yield WriterCache(store, None)
        return
    store.con.execute(f"SET memory_limit = '{size}B'")
    try:
        yield WriterCache(store, size)
    finally:
        store.con.execute("RESET memory_limit")


def group_stored(store: Store, cache: WriterCache) -> None:
    """Group what is stored into stories (`group_new_articles`) with the writer's cache emptied first and after.

    The grouping step's peak is then its own blocks, not those every earlier write and step left cached.
    """
    cache.trim()
    group_new_articles(store)
    cache.trim()
