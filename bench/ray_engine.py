"""The Ray engine (Ray started on this machine, 2 extraction actors) against the local runner
(2 worker processes), side by side in one run, and Ray's start-up cost.

    .venv/bin/python bench/ray_engine.py [--corpus DIR] [--repeats 3]

Each repeat runs both engines, in alternating order, each in a fresh subprocess whose clock starts
before anything is loaded, into a fresh DuckDB file: what a user waits for, start-up included.
Every commit's time is recorded, so each run also gives its start-up (clock start to the first
committed chunk: Ray's processes, the actors, the model, the first chunk) and its steady rate
(articles committed after the first chunk / time from the first to the last commit). A third
child times `ray.init` + `ray.shutdown` alone (the bounded local Ray of `--engine ray`).
Figures are medians and ratios from the same run: the machine is shared and noisy.
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from common import BBC_POLITICS, CommitClock, child_json

ENGINES = ("local", "ray")


def run_engine(engine: str, corpus: Path, scratch: Path) -> dict[str, float]:
    clock = CommitClock()
    from newsevents.options import Options
    from newsevents.store import Store

    with Store.open(scratch / "bench.duckdb") as store:
        if engine == "local":
            from newsevents.runner.local import IngestConfig, ingest

            summary = ingest([corpus], store, Options(), IngestConfig(workers=2), clock)
        else:
            from newsevents.runner.ray import RayConfig
            from newsevents.runner.ray import ingest as ray_ingest

            summary = ray_ingest([corpus], store, scratch / "shards", Options(), RayConfig(workers=2), clock)
    seconds = time.time() - clock.started
    first_at, _ = clock.first_commit()
    return {
        "seconds": seconds,
        "articles": summary.stored,
        "first_commit": first_at,
        "steady_rate": clock.steady_rate(),
    }


def run_ray_start_stop() -> dict[str, float]:
    started = time.perf_counter()
    from newsevents.runner.ray import RayConfig, ray_session

    with ray_session(RayConfig(workers=2)):
        ready = time.perf_counter() - started
    return {"seconds": time.perf_counter() - started, "ready": ready}


def child(mode: str, corpus: Path) -> None:
    with tempfile.TemporaryDirectory() as scratch:
        result = run_ray_start_stop() if mode == "ray-start" else run_engine(mode, corpus, Path(scratch))
    print(json.dumps(result))


def measure(mode: str, corpus: Path) -> dict[str, float]:
    return child_json(Path(__file__), mode, corpus, env={"RAY_USAGE_STATS_ENABLED": "0"})


def report(corpus: Path, repeats: int) -> None:
    runs: dict[str, list[dict[str, float]]] = {mode: [] for mode in (*ENGINES, "ray-start")}
    for repeat in range(repeats):
        for mode in (*(ENGINES if repeat % 2 == 0 else ENGINES[::-1]), "ray-start"):
            runs[mode].append(measure(mode, corpus))
            print(f"repeat {repeat + 1} {mode:9}: {json.dumps(runs[mode][-1])}", file=sys.stderr)
    articles = int(runs["local"][0]["articles"])
    assert all(int(r["articles"]) == articles for e in ENGINES for r in runs[e]), "engines stored different counts"

    def median(mode: str, key: str) -> float:
        return statistics.median(r[key] for r in runs[mode])

    print(f"articles: {articles}; repeats: {repeats}; 2 workers each")
    print("| engine | median wall time | articles/s | start-up (to first commit) | steady articles/s |")
    print("|---|---:|---:|---:|---:|")
    for engine in ENGINES:
        wall = median(engine, "seconds")
        first, steady = median(engine, "first_commit"), median(engine, "steady_rate")
        print(f"| {engine} | {wall:.1f} s | {articles / wall:.2f} | {first:.1f} s | {steady:.2f} |")
    ratios = [r["seconds"] / loc["seconds"] for r, loc in zip(runs["ray"], runs["local"], strict=True)]
    print(f"wall-time ratio ray/local per repeat: {', '.join(f'{x:.2f}' for x in ratios)}")
    print(f"median ratio ray/local: {statistics.median(ratios):.2f}")
    steady = [r["steady_rate"] / loc["steady_rate"] for r, loc in zip(runs["ray"], runs["local"], strict=True)]
    print(f"median steady-rate ratio ray/local: {statistics.median(steady):.2f}")
    print(f"ray.init + shutdown alone: median {median('ray-start', 'seconds'):.1f} s")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--corpus", type=Path, default=BBC_POLITICS)
    parser.add_argument("--repeats", type=int, default=3)
    parser.add_argument("--child", choices=(*ENGINES, "ray-start"))
    args = parser.parse_args()
    if args.child:
        child(args.child, args.corpus)
    elif not args.corpus.is_dir():
        sys.exit(f"corpus not found: {args.corpus}")
    else:
        report(args.corpus, args.repeats)


if __name__ == "__main__":
    main()
