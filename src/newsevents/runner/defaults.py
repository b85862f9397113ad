"""How the runners cut a corpus into work, in one place: the engines' configs and the CLI's help read these.

A module of its own, without imports, so that the CLI can print the defaults without importing the
engines (they import DuckDB and pyarrow, which `extract` does not need).
"""

# Articles per task (local engine) or per actor call, shard and transaction (Ray): large enough for
# spaCy's batches, small enough that two workers share the tail of a corpus evenly.
CHUNK_SIZE = 16

# Finished chunks the local engine commits in one transaction: DuckDB costs ~2-5 ms of CPU per
# statement and a write is ~10 statements, so 16-article transactions cost the writer 3x what
# 64-article ones do.
CHUNKS_PER_WRITE = 4
