"""Where `ingest -w 2` spends CPU besides extraction: the main process against its workers, in one run.

    .venv/bin/python bench/ingest_main.py [--corpus DIR] [--limit N] [--copies K] [--workers 2]
                                          [--profile FILE] [--top 25]

The first `--limit` articles of the corpus, `--copies` times over (ids made unique, as the scale
run does), go into one JSONL file; one `ingest --workers N` runs over it into a fresh DuckDB file
while a thread samples, every second, the CPU seconds of each descendant of this process (the fork
server and the workers); the main process's CPU is its own CPU time (reading, writing, story
grouping, DuckDB's threads and the pool's thread that unpickles the workers' results) less the
sampler's. Printed: wall time, articles/s, CPU of the main
process and of the workers, and the main process's share. With `--profile FILE` the main process
runs under cProfile (which slows its Python, so read CPU figures from a run without it) and the top
functions by own time and by cumulative time are printed; FILE keeps the pstats for later reading.
"""

from __future__ import annotations

import argparse
import cProfile
import io
import json
import os
import pstats
import sys
import tempfile
import threading
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from common import BBC_POLITICS, _cpu_seconds, _tree


def write_corpus(corpus: Path, limit: int | None, copies: int, out: Path) -> int:
    files = sorted(corpus.glob("*.txt"))[:limit]
    texts = [(p.stem, p.read_text("utf-8", errors="replace")) for p in files]
    with out.open("w", encoding="utf-8") as handle:
        for copy in range(copies):
            for name, text in texts:
                handle.write(json.dumps({"id": f"copy{copy}-{name}", "text": text}) + "\n")
    return len(texts) * copies


class TreeCpu:
    """CPU seconds of each descendant of this process, sampled every second until stopped.

    The sampler runs in this process (it walks /proc), so its own CPU (`own`) is taken out of the
    main process's figure: on a loaded machine, sampling every 0.2 s cost as much as the writer.
    """

    def __init__(self) -> None:
        self.by_pid: dict[int, float] = {}
        self.own = 0.0
        self.stopped = threading.Event()
        self.thread = threading.Thread(target=self._run, daemon=True)

    def _run(self) -> None:
        while True:
            started = time.thread_time()
            for pid in _tree(os.getpid())[1:]:
                self.by_pid[pid] = max(self.by_pid.get(pid, 0.0), _cpu_seconds(pid))
            self.own += time.thread_time() - started
            if self.stopped.wait(1.0):
                return

    def __enter__(self) -> TreeCpu:
        self.thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.stopped.set()
        self.thread.join()


def run(corpus: Path, workers: int, profile: Path | None, top: int) -> dict[str, float]:
    from newsevents.options import Options
    from newsevents.runner.local import IngestConfig, ingest
    from newsevents.runner.progress import Progress
    from newsevents.store import Store

    class Quiet(Progress):
        def start(self, files_total: int) -> None:
            return None

        def update(self, tally: object) -> None:
            return None

        def finish(self, tally: object) -> None:
            return None

    profiler = cProfile.Profile() if profile else None
    with tempfile.TemporaryDirectory() as scratch, Store.open(Path(scratch) / "main.duckdb") as store:
        main_before = time.process_time()
        started = time.perf_counter()
        with TreeCpu() as tree:
            if profiler:
                profiler.enable()
            summary = ingest([corpus], store, Options(), IngestConfig(workers=workers), Quiet())
            if profiler:
                profiler.disable()
        wall = time.perf_counter() - started
        main_cpu = time.process_time() - main_before - tree.own
    workers_cpu = sum(tree.by_pid.values())
    if profiler and profile:
        profiler.dump_stats(str(profile))
        for order in ("tottime", "cumulative"):
            text = io.StringIO()
            pstats.Stats(profiler, stream=text).sort_stats(order).print_stats(top)
            print(text.getvalue(), file=sys.stderr)
    return {
        "articles": summary.stored,
        "wall": wall,
        "articles_per_s": summary.stored / wall,
        "main_cpu": main_cpu,
        "workers_cpu": workers_cpu,
        "main_share": main_cpu / max(main_cpu + workers_cpu, 1e-9),
        "main_cpu_per_article_ms": 1000 * main_cpu / max(summary.stored, 1),
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--corpus", type=Path, default=BBC_POLITICS)
    parser.add_argument("--limit", type=int, default=None)
    parser.add_argument("--copies", type=int, default=1)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--profile", type=Path, default=None)
    parser.add_argument("--top", type=int, default=25)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as scratch:
        jsonl = Path(scratch) / "corpus.jsonl"
        count = write_corpus(args.corpus, args.limit, args.copies, jsonl)
        if count == 0:
            sys.exit(f"no articles in {args.corpus}")
        print(f"{count} articles ({args.limit or 'all'} x {args.copies})", file=sys.stderr)
        print(json.dumps(run(jsonl, args.workers, args.profile, args.top)))


if __name__ == "__main__":
    main()
