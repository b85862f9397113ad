"""The ingest writer alone: the same records stored `--copies` times (ids unique), grouped as the runner does.

    .venv/bin/python bench/writer.py [--corpus DIR] [--limit N] [--copies 4] [--group-every 256]
                                     [--records FILE] [--trace] [--threads N] [--native] [--pool N]
                                     [--memory-limit SIZE [--trim]] [--digest] [--per-write N]

The records of the corpus are extracted once (not timed), then written through `commit_chunk` in
chunks of 16 and grouped into stories every `--group-every` stored articles, with no spaCy running
while the clock does: what the main process of `ingest` does besides waiting for its workers. After
each copy it prints the writer's RSS and peak RSS and the wall and CPU seconds spent writing and
grouping so far. From the second copy on every article joins an existing story, as syndicated copies
do in a day of news: growth per copy is growth with the stories' sizes and the store's size.
`--records FILE` keeps the extracted records in FILE (pickle) so a second run needs no spaCy;
`--trace` also prints the Python heap (tracemalloc: now, peak since the last copy, and the
allocation sites that grew most), which tells Python objects from DuckDB's and the allocator's.
`--threads N` sets DuckDB's threads (default: one per core): the CPU the writer costs with N.
`--native` prints the RSS by kind after each copy (glibc's main heap, other anonymous maps, DuckDB's
own accounting by tag, Arrow's pool); `--pool N` sends every chunk through N echo worker processes
so the records reach the writer unpickled by the pool's thread, as the workers' results do in
`ingest`; `--memory-limit SIZE` sets DuckDB's memory_limit; `--trim` (with it) empties DuckDB's cache
before and after each grouping step, as the runners do (`runner.commit.group_stored`); `--digest` prints a
hash of each table's rows at the end (time stamps left out), to show two ways of writing store the same;
`--per-write N` commits N chunks in one transaction (the local runner's `chunks_per_write`, 4 by default).
"""

from __future__ import annotations

import argparse
import multiprocessing
import pickle
import resource
import sys
import tempfile
import time
import tracemalloc
from collections import deque
from collections.abc import Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from common import BBC_POLITICS


def records(corpus: Path, limit: int | None, cache: Path | None = None) -> list[tuple[str, str, dict[str, Any]]]:
    if cache is not None and cache.is_file():
        rows: list[tuple[str, str, dict[str, Any]]] = pickle.loads(cache.read_bytes())
        return rows[:limit]
    rows = extracted(corpus, limit)
    if cache is not None:
        cache.write_bytes(pickle.dumps(rows))
    return rows


def extracted(corpus: Path, limit: int | None) -> list[tuple[str, str, dict[str, Any]]]:
    from newsevents.options import Options
    from newsevents.pipeline import process_batch
    from newsevents.types import Article, Rejected

    articles = [Article(id=p.stem, text=p.read_text("utf-8", errors="replace")) for p in sorted(corpus.glob("*.txt"))]
    done = zip(articles[:limit], process_batch(articles[:limit], Options()), strict=True)
    return [(a.id, a.text or "", r.to_dict()) for a, r in done if not isinstance(r, Rejected)]


def rss_mib() -> int:
    status = Path("/proc/self/status").read_text()
    return next(int(line.split()[1]) // 1024 for line in status.splitlines() if line.startswith("VmRSS"))


def native_report(store: Any) -> None:
    """Where the process's resident memory is: glibc's main heap, other anonymous maps, DuckDB, Arrow."""
    import pyarrow as pa

    heap = anon = big_anon = 0
    current: str | None = None
    for line in Path("/proc/self/smaps").read_text().splitlines():
        fields = line.split()
        if "-" in fields[0] and len(fields) >= 5:  # a mapping's header line
            current = fields[5] if len(fields) > 5 else ""
            size = int(fields[0].split("-")[1], 16) - int(fields[0].split("-")[0], 16)
        elif fields[0] == "Rss:" and current is not None:
            kib = int(fields[1])
            if current == "[heap]":
                heap += kib
            elif current == "":
                anon += kib
                big_anon += kib if size >= 64 << 20 else 0
    duck = store.con.sql("SELECT sum(memory_usage_bytes) FROM duckdb_memory()").fetchall()[0][0] or 0
    tags = store.con.sql(
        "SELECT tag, memory_usage_bytes FROM duckdb_memory() WHERE memory_usage_bytes > 0 ORDER BY 2 DESC"
    ).fetchall()
    print(
        f"  RSS by kind: [heap] {heap // 1024} MiB, anonymous maps {anon // 1024} MiB "
        f"(in maps of 64 MiB and more: {big_anon // 1024}); DuckDB's own {duck // 2**20} MiB "
        f"({', '.join(f'{t} {b // 2**20}' for t, b in tags[:4])}); "
        f"Arrow pool {pa.total_allocated_bytes() // 2**20} MiB",
        flush=True,
    )


def heap_report(before: tracemalloc.Snapshot | None) -> tracemalloc.Snapshot:
    """Print the Python heap now and at its peak since the last call, and the sites that grew most."""
    current, peak = tracemalloc.get_traced_memory()
    tracemalloc.reset_peak()
    snapshot = tracemalloc.take_snapshot().filter_traces([tracemalloc.Filter(False, tracemalloc.__file__)])
    print(f"  python heap {current / 2**20:.1f} MiB, peak {peak / 2**20:.1f} MiB since the last copy", flush=True)
    if before is not None:
        for stat in snapshot.compare_to(before, "lineno")[:5]:
            print(f"    {stat}", flush=True)
    return snapshot


def echo(rows: list[tuple[str, str, dict[str, Any]]]) -> list[tuple[str, str, dict[str, Any]]]:
    """A worker that returns its chunk: the records reach the writer unpickled by the pool's thread, as in ingest."""
    return rows


def chunks_of(
    rows: list[tuple[str, str, dict[str, Any]]], copies: int, pool: int
) -> Iterator[tuple[int, list[tuple[str, str, dict[str, Any]]]]]:
    """(copy, chunk of 16) in order; with `pool` > 0 each chunk makes a round trip through a process pool."""
    plain = ((copy, rows[index : index + 16]) for copy in range(copies) for index in range(0, len(rows), 16))
    if pool <= 0:
        yield from plain
        return
    with ProcessPoolExecutor(pool, mp_context=multiprocessing.get_context("forkserver")) as executor:
        in_flight: deque[tuple[int, Future[list[tuple[str, str, dict[str, Any]]]]]] = deque()
        for copy, chunk in plain:
            in_flight.append((copy, executor.submit(echo, chunk)))
            if len(in_flight) >= 2 * pool:  # bounded as the runner's queue is
                done, future = in_flight.popleft()
                yield done, future.result()
        while in_flight:
            done, future = in_flight.popleft()
            yield done, future.result()


def write_copies(
    rows: list[tuple[str, str, dict[str, Any]]],
    copies: int,
    group_every: int,
    trace: bool = False,
    threads: int = 0,
    native: bool = False,
    pool: int = 0,
    memory_limit: str = "",
    trim: bool = False,
    digest: bool = False,
    per_write: int = 1,
) -> None:
    from newsevents.runner.commit import commit_chunk
    from newsevents.store import Store

    with tempfile.TemporaryDirectory() as scratch, Store.open(Path(scratch) / "writer.duckdb") as store:
        tune(store, threads, memory_limit)
        stored = grouped_at = 0
        spent = {"write": [0.0, 0.0], "group": [0.0, 0.0]}  # wall, CPU seconds

        def timed(kind: str, start: tuple[float, float]) -> None:
            spent[kind][0] += time.perf_counter() - start[0]
            spent[kind][1] += time.process_time() - start[1]

        snapshot = None
        if trace:
            tracemalloc.start(1)

        def report(copy: int) -> None:
            nonlocal snapshot
            print(f"copy {copy + 1}: {stored} stored; {spent_line(spent)}", flush=True)
            if trace:
                snapshot = heap_report(snapshot)
            if native:
                native_report(store)

        chunks_per_copy = -(-len(rows) // 16)
        waiting: list[Any] = []
        for number, (copy, rows_of_chunk) in enumerate(chunks_of(rows, copies, pool)):
            start = (time.perf_counter(), time.process_time())
            waiting += stored_chunk(copy, rows_of_chunk)
            if (number + 1) % per_write == 0 or (number + 1) % chunks_per_copy == 0:
                stored += commit_chunk(store, waiting)  # `per_write` chunks in one transaction, as the runner
                waiting = []
            timed("write", start)
            if stored - grouped_at >= group_every:
                start = (time.perf_counter(), time.process_time())
                group(store, memory_limit if trim else "")
                grouped_at = stored
                timed("group", start)
            if (number + 1) % chunks_per_copy == 0:
                report(copy)
        if digest:
            group(store, memory_limit if trim else "")  # the rest, as the runners' last step: all articles grouped
            print_digests(store)


def tune(store: Any, threads: int, memory_limit: str) -> None:
    """DuckDB's threads and memory limit, when asked for (0 and "": DuckDB's own defaults)."""
    if threads:
        store.con.execute(f"SET threads = {threads}")
    if memory_limit:
        store.con.execute(f"SET memory_limit = '{memory_limit}'")


def spent_line(spent: dict[str, list[float]]) -> str:
    """Memory now and at peak, and the wall and CPU seconds spent writing and grouping so far."""
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024
    return (
        f"RSS {rss_mib()} MiB, peak {peak} MiB; "
        f"write {spent['write'][0]:.1f} s wall / {spent['write'][1]:.1f} s CPU, "
        f"group {spent['group'][0]:.1f} s wall / {spent['group'][1]:.1f} s CPU"
    )


def stored_chunk(copy: int, rows: list[tuple[str, str, dict[str, Any]]]) -> list[Any]:
    """One chunk of a copy as the writer stores it: ids made unique per copy, each text's own digest."""
    from newsevents.ingest.identity import identify
    from newsevents.store import StoredArticle
    from newsevents.types import Article

    chunk = []
    for name, text, record in rows:
        article_id, text_digest = identify(Article(id=f"copy{copy}-{name}", text=text))
        chunk.append(StoredArticle(article_id, text_digest, "bench.jsonl", record))
    return chunk


def group(store: Any, trim_to: str) -> None:
    """Group the new articles into stories; with `trim_to`, as the runners do (DuckDB's cache trimmed around it)."""
    from newsevents.analyze.stories import group_new_articles
    from newsevents.options import memory_bytes
    from newsevents.runner.commit import WriterCache, group_stored

    if trim_to:
        group_stored(store, WriterCache(store, memory_bytes(trim_to)))
    else:
        group_new_articles(store)


def print_digests(store: Any) -> None:
    """A hash of each table's rows (sorted, time stamps left out): two runs stored the same iff these match."""
    import hashlib

    tables = [row[0] for row in store.con.execute("SELECT table_name FROM duckdb_tables() ORDER BY 1").fetchall()]
    for table in tables:
        columns = [r[0] for r in store.con.execute(f"DESCRIBE {table}").fetchall() if not r[0].endswith("_at")]
        rows = store.con.execute(f"SELECT {', '.join(columns)} FROM {table}").fetchall()
        text = "\n".join(sorted(repr(row) for row in rows))
        print(f"  digest {table}: {len(rows)} rows {hashlib.sha256(text.encode()).hexdigest()[:16]}", flush=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--corpus", type=Path, default=BBC_POLITICS)
    parser.add_argument("--limit", type=int, default=None, help="only the first N articles")
    parser.add_argument("--copies", type=int, default=4)
    parser.add_argument("--group-every", type=int, default=256)
    parser.add_argument("--records", type=Path, default=None, help="cache of the extracted records (pickle)")
    parser.add_argument("--trace", action="store_true", help="also print the Python heap after each copy")
    parser.add_argument("--native", action="store_true", help="also print RSS by kind (heap, maps, DuckDB, Arrow)")
    parser.add_argument("--pool", type=int, default=0, help="send each chunk through N echo worker processes")
    parser.add_argument("--memory-limit", default="", help="DuckDB's memory_limit (default: DuckDB's)")
    parser.add_argument("--trim", action="store_true", help="empty DuckDB's cache around each grouping step")
    parser.add_argument("--digest", action="store_true", help="print a hash of each table's rows at the end")
    parser.add_argument("--threads", type=int, default=0, help="DuckDB threads (default: DuckDB's, one per core)")
    parser.add_argument("--per-write", type=int, default=1, help="chunks of 16 committed per transaction")
    args = parser.parse_args()
    if not args.corpus.is_dir():
        sys.exit(f"corpus not found: {args.corpus}")
    write_copies(
        records(args.corpus, args.limit, args.records),
        args.copies,
        args.group_every,
        args.trace,
        args.threads,
        args.native,
        args.pool,
        args.memory_limit,
        args.trim,
        args.digest,
        max(1, args.per_write),
    )


if __name__ == "__main__":
    main()
