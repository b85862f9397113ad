"""The one step where extracted articles enter the store, shared by every engine.

Both runners end each chunk here: the local runner after a worker returns a chunk, the Ray runner
after it reads a Parquet shard back. Anything that must look across the stored articles after each
write (story grouping, corroboration) hooks in here, so it applies to both engines alike.
"""

from __future__ import annotations

from collections.abc import Sequence

from newsevents.store import Store, StoredArticle, to_arrow
from newsevents.types import Rejected


def commit_chunk(store: Store, stored: Sequence[StoredArticle], rejected: Sequence[Rejected] = ()) -> int:
    """Write one chunk (articles and rejections) in one transaction; the number of articles added.

    Articles already in the store are skipped by `Store.write`, so committing a chunk twice
    (a resumed run re-reading a shard it had loaded before it was killed) adds nothing.
    """
    return store.write(to_arrow(stored, store.schemas, rejected))
