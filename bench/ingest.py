"""Ingest throughput against `extract` alone, and the store's overhead, measured in one run.

    .venv/bin/python bench/ingest.py [--corpus DIR] [--repeats 3]

Each repeat runs three modes, in rotating order, each in a fresh subprocess whose clock starts
before the spaCy model is loaded (worker start-up and model loading are part of what a user waits
for): `extract` reads the files and maps `process_batch` over chunks of 32 in-process, turning each
record into its dict (what `newsevents extract` does, minus printing); `ingest-1` and `ingest-2` run
`newsevents.runner.local.ingest` into a fresh DuckDB file with 1 and 2 worker processes. The
`extract` child also times loading its records into a fresh store (arrow batches + transactions)
on their own: the store's overhead. Figures are medians and ratios from the same run; the
machine is shared and noisy, so absolute times are not comparable across runs.
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import tempfile
import time
from itertools import islice
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from common import BBC_POLITICS, CommitClock, child_json

MODES = ("extract", "ingest-1", "ingest-2")


def run_extract(corpus: Path, scratch: Path) -> dict[str, float]:
    """Extraction alone, then the same records written to a store (timed separately)."""
    from newsevents.ingest.identity import identify
    from newsevents.ingest.readers import read_inputs
    from newsevents.options import Options
    from newsevents.pipeline import process_batch
    from newsevents.store import Store, StoredArticle, to_arrow
    from newsevents.types import Article

    start = time.perf_counter()
    items = read_inputs([corpus])
    done: list[tuple[Article, str]] = []  # records kept as JSON, as `extract` prints them: few live objects
    while chunk := [a for a in islice(items, 32) if isinstance(a, Article)]:
        done.extend((a, json.dumps(r.to_dict())) for a, r in zip(chunk, process_batch(chunk, Options()), strict=True))
    seconds = time.perf_counter() - start
    stored = [StoredArticle(*identify(a), str(a.source), json.loads(record)) for a, record in done]
    start = time.perf_counter()
    with Store.open(scratch / "write-only.duckdb") as store:
        for index in range(0, len(stored), 16):  # the runner's chunk size: one transaction per chunk
            store.write(to_arrow(stored[index : index + 16], store.schemas))
    return {"seconds": seconds, "write_seconds": time.perf_counter() - start, "articles": len(done)}


def run_ingest(corpus: Path, scratch: Path, workers: int, mark: int = 0) -> dict[str, float]:
    """`ingest` with `workers` processes into a fresh store, clock started before anything loads.

    `mark`: also report the moment (epoch seconds) by which that many articles were stored, so the
    caller can read the memory of the run's first part from its samples (flatness in one run).
    """
    clock = CommitClock()
    from newsevents.options import Options
    from newsevents.runner.local import IngestConfig, ingest
    from newsevents.store import Store

    with Store.open(scratch / f"ingest-{workers}.duckdb") as store:
        clock.store = store
        summary = ingest([corpus], store, Options(), IngestConfig(workers=workers), clock)
    first_at, _ = clock.first_commit()
    return {
        "seconds": time.time() - clock.started,
        "articles": summary.stored,
        "first_commit": first_at,
        "steady_rate": clock.steady_rate(),
        "mark_time": clock.moment_stored(mark) if mark else 0.0,
        "trace": clock.trace,  # (stored, main-process RSS MiB, DuckDB MiB) after each commit
    }


def child(mode: str, corpus: Path, mark: int) -> None:
    with tempfile.TemporaryDirectory() as scratch:
        if mode == "extract":
            result = run_extract(corpus, Path(scratch))
        else:
            result = run_ingest(corpus, Path(scratch), int(mode.split("-")[1]), mark)
    print(json.dumps(result))


def report(corpus: Path, repeats: int) -> None:
    results: dict[str, list[dict[str, float]]] = {mode: [] for mode in MODES}
    for repeat in range(repeats):
        order = MODES[repeat % 3 :] + MODES[: repeat % 3]
        for mode in order:
            result = child_json(Path(__file__), mode, corpus)
            results[mode].append(result)
            print(f"repeat {repeat + 1} {mode:8}: {result['seconds']:7.2f} s", file=sys.stderr)
    median = {mode: statistics.median(r["seconds"] for r in runs) for mode, runs in results.items()}
    write = statistics.median(r["write_seconds"] for r in results["extract"])
    articles = int(results["extract"][0]["articles"])
    assert all(int(r["articles"]) == articles for runs in results.values() for r in runs), "modes saw different corpora"
    print(f"articles: {articles}; repeats: {repeats}")
    print("| mode | median wall time | articles/s | ratio to extract |")
    print("|---|---:|---:|---:|")
    for mode in MODES:
        seconds = median[mode]
        print(f"| {mode} | {seconds:.1f} s | {articles / seconds:.1f} | {seconds / median['extract']:.2f} |")
    print(f"store writes alone (same records): median {write:.2f} s = {write / median['extract']:.3f} of extract time")
    print(f"speed-up 2 workers vs 1: {median['ingest-1'] / median['ingest-2']:.2f}x")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--corpus", type=Path, default=BBC_POLITICS, help="a folder of .txt files or a JSONL file")
    parser.add_argument("--repeats", type=int, default=3)
    parser.add_argument("--child", choices=MODES)
    parser.add_argument("--mark", type=int, default=0, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        child(args.child, args.corpus, args.mark)
    elif not args.corpus.exists():
        sys.exit(f"corpus not found: {args.corpus}")
    else:
        report(args.corpus, args.repeats)


if __name__ == "__main__":
    main()
