"""The ingest writer alone: the same records stored `--copies` times (ids unique), grouped as the runner does.

    .venv/bin/python bench/writer.py [--corpus DIR] [--limit N] [--copies 4] [--group-every 256]

The records of the corpus are extracted once (not timed), then written through `commit_chunk` in
chunks of 16 and grouped into stories every `--group-every` stored articles, with no spaCy running
while the clock does: what the main process of `ingest` does besides waiting for its workers. After
each copy it prints the writer's RSS and peak RSS and the wall and CPU seconds spent writing and
grouping so far. From the second copy on every article joins an existing story, as syndicated copies
do in a day of news: growth per copy is growth with the stories' sizes and the store's size.
"""

from __future__ import annotations

import argparse
import resource
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from common import BBC_POLITICS


def records(corpus: Path, limit: int | None) -> list[tuple[str, str, dict[str, Any]]]:
    from newsevents.options import Options
    from newsevents.pipeline import process_batch
    from newsevents.types import Article, Rejected

    articles = [Article(id=p.stem, text=p.read_text("utf-8", errors="replace")) for p in sorted(corpus.glob("*.txt"))]
    done = zip(articles[:limit], process_batch(articles[:limit], Options()), strict=True)
    return [(a.id, a.text or "", r.to_dict()) for a, r in done if not isinstance(r, Rejected)]


def rss_mib() -> int:
    status = Path("/proc/self/status").read_text()
    return next(int(line.split()[1]) // 1024 for line in status.splitlines() if line.startswith("VmRSS"))


def write_copies(rows: list[tuple[str, str, dict[str, Any]]], copies: int, group_every: int) -> None:
    from newsevents.analyze.stories import group_new_articles
    from newsevents.ingest.identity import identify
    from newsevents.runner.commit import commit_chunk
    from newsevents.store import Store, StoredArticle
    from newsevents.types import Article

    with tempfile.TemporaryDirectory() as scratch, Store.open(Path(scratch) / "writer.duckdb") as store:
        stored = grouped_at = 0
        spent = {"write": [0.0, 0.0], "group": [0.0, 0.0]}  # wall, CPU seconds

        def timed(kind: str, start: tuple[float, float]) -> None:
            spent[kind][0] += time.perf_counter() - start[0]
            spent[kind][1] += time.process_time() - start[1]

        for copy in range(copies):
            for index in range(0, len(rows), 16):
                start = (time.perf_counter(), time.process_time())
                chunk = []
                for name, text, record in rows[index : index + 16]:
                    article_id, digest = identify(Article(id=f"copy{copy}-{name}", text=text))
                    chunk.append(StoredArticle(article_id, digest, "bench.jsonl", record))
                stored += commit_chunk(store, chunk)
                timed("write", start)
                if stored - grouped_at >= group_every:
                    start = (time.perf_counter(), time.process_time())
                    group_new_articles(store)
                    grouped_at = stored
                    timed("group", start)
            peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024
            print(
                f"copy {copy + 1}: {stored} stored; RSS {rss_mib()} MiB, peak {peak} MiB; "
                f"write {spent['write'][0]:.1f} s wall / {spent['write'][1]:.1f} s CPU, "
                f"group {spent['group'][0]:.1f} s wall / {spent['group'][1]:.1f} s CPU",
                flush=True,
            )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--corpus", type=Path, default=BBC_POLITICS)
    parser.add_argument("--limit", type=int, default=None, help="only the first N articles")
    parser.add_argument("--copies", type=int, default=4)
    parser.add_argument("--group-every", type=int, default=256)
    args = parser.parse_args()
    if not args.corpus.is_dir():
        sys.exit(f"corpus not found: {args.corpus}")
    write_copies(records(args.corpus, args.limit), args.copies, args.group_every)


if __name__ == "__main__":
    main()
