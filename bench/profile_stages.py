"""CPU time of each of our stages against the parse, side by side in one process; and an output dump.

    PYTHONPATH=src .venv/bin/python bench/profile_stages.py time [--every 6] [--start 0] [--limit 70] [--repeats 5]
    PYTHONPATH=src .venv/bin/python bench/profile_stages.py dump OUT.jsonl [--every 6] [--limit 70] [--published DATE]
    PYTHONPATH=src .venv/bin/python bench/profile_stages.py cprofile [--top 40]
    .venv/bin/python bench/profile_stages.py ab BASE/src [AFTER/src] [--repeats 10]

`time` parses the sample once per repeat (`nlp.pipe`, CPU time) and runs text preparation and every
stage of `pipeline._extract` over the same docs, each stage under its own `time.process_time()` clock;
it prints the median (min–max) of each, as seconds and as a share of the parse. CPU time of this
process only, so other people's jobs on a shared machine barely move it (cache contention still does).

`ab` compares two source trees (e.g. an exported `git archive BASE src` against this one): one child
process per tree loads the model and parses the sample once, then the two run one pass of our stages
each in turn (base, after; then after, base; ...), never at the same time, so both meet the same
moments of a shared machine's load; it prints each tree's medians and the per-round ratio of our
stages' CPU time, after / base.

`dump` writes `json.dumps(record.to_dict(), sort_keys=True)` of every `process_batch` record, one per
line: run it before and after a change and `cmp` the files to prove the output unchanged. With
`--published 2005-01-01` every article gets that date, so relative dates resolve as in an eval run
(`--every 1 --start 60 --limit 60 --published 2005-01-01`: BBC politics files [60:120]).
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import statistics
import subprocess
import sys
import time
from collections import defaultdict
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
DEFAULT_CORPUS = REPO.parent / "shared" / "eval" / "corpora" / "bbc" / "politics"


def sample(corpus: Path, every: int, limit: int, start: int = 0) -> list[str]:
    """Every `every`-th article of the sorted corpus from the `start`-th, at most `limit` of them."""
    return [p.read_text("utf-8") for p in sorted(corpus.glob("*.txt"))[start::every][:limit]]


def time_stages(texts: list[str], repeats: int) -> dict[str, list[float]]:
    from newsevents import pipeline
    from newsevents.ingest.clean import prepare_text
    from newsevents.nlp import load_model
    from newsevents.options import Options
    from newsevents.types import Article

    options = Options()
    nlp = load_model(options.model)
    list(pipeline.process_batch([Article(id="warm", text=texts[0])], options))  # loads every dictionary
    stages = [s for s in pipeline.STAGES if s.enabled_by is None or getattr(options, s.enabled_by)]
    times: dict[str, list[float]] = defaultdict(list)
    for _ in range(repeats):
        clock = time.process_time()
        preps = [prepare_text(Article(id=str(i), text=t), options) for i, t in enumerate(texts)]
        times["prepare"].append(time.process_time() - clock)
        clock = time.process_time()
        docs = list(nlp.pipe([p.analysis_text for p in preps], batch_size=32))
        times["parse"].append(time.process_time() - clock)
        spent = stage_times(preps, docs, stages, options)
        for name, seconds in spent.items():
            times[name].append(seconds)
        times["ours"].append(times["prepare"][-1] + sum(spent.values()))
    return times


def stage_times(preps: list[Any], docs: list[Any], stages: list[Any], options: Any) -> dict[str, float]:
    """One pass of our stages over parsed docs: CPU seconds per stage (`time.process_time()` around each run)."""
    from newsevents.extract.context import ExtractContext
    from newsevents.nlp.text import remember_text

    spent: dict[str, float] = defaultdict(float)
    for prep, doc in zip(preps, docs, strict=True):
        remember_text(doc, prep.analysis_text)
        ctx = ExtractContext(text=prep.text, doc=doc, published=prep.published, options=options)
        for stage in stages:
            clock = time.process_time()
            stage.run(ctx)
            spent[stage.name] += time.process_time() - clock
    return spent


def serve(texts: list[str]) -> None:
    """A child of `ab`: parse once, then one pass of our stages per line read, its CPU times printed as JSON."""
    from newsevents import pipeline
    from newsevents.ingest.clean import prepare_text
    from newsevents.nlp import load_model
    from newsevents.options import Options
    from newsevents.types import Article

    options = Options()
    nlp = load_model(options.model)
    list(pipeline.process_batch([Article(id="warm", text=texts[0])], options))  # loads every dictionary
    stages = [s for s in pipeline.STAGES if s.enabled_by is None or getattr(options, s.enabled_by)]
    preps = [prepare_text(Article(id=str(i), text=t), options) for i, t in enumerate(texts)]
    docs = list(nlp.pipe([p.analysis_text for p in preps], batch_size=32))
    print("ready", flush=True)
    for _ in sys.stdin:
        spent = stage_times(preps, docs, stages, options)
        spent["ours"] = sum(spent.values())
        print(json.dumps(spent), flush=True)


def compare(trees: list[Path], args: argparse.Namespace) -> None:
    """`ab`: the two trees' passes in turn, each in its own child process (see the module's doc)."""
    sampling = ["--corpus", str(args.corpus), "--every", str(args.every), "--start", str(args.start)]
    children = [
        subprocess.Popen(
            [sys.executable, __file__, "serve", *sampling, "--limit", str(args.limit)],
            env={**os.environ, "PYTHONPATH": str(tree)},
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
        )
        for tree in trees
    ]
    for child in children:
        assert child.stdout is not None and child.stdout.readline().strip() == "ready"
    times: list[dict[str, list[float]]] = [defaultdict(list) for _ in trees]
    for repeat in range(args.repeats):
        for k in (0, 1) if repeat % 2 == 0 else (1, 0):
            child = children[k]
            assert child.stdin is not None and child.stdout is not None
            child.stdin.write("go\n")
            child.stdin.flush()
            for name, seconds in json.loads(child.stdout.readline()).items():
                times[k][name].append(seconds)
    for child in children:
        assert child.stdin is not None
        child.stdin.close()
        child.wait()
    print(f"{args.limit} articles at most, {args.repeats} passes per tree, CPU seconds: median (min-max)")
    for name in times[0]:
        cells = [f"{statistics.median(t[name]):.3f} ({min(t[name]):.3f}-{max(t[name]):.3f})" for t in times]
        print(f"{name:<8} base {cells[0]:<24} after {cells[1]}")
    ratios = [a / b for a, b in zip(times[1]["ours"], times[0]["ours"], strict=True)]
    print(f"ours after/base per round: median {statistics.median(ratios):.3f} ({min(ratios):.3f}-{max(ratios):.3f})")


def report(times: dict[str, list[float]]) -> None:
    parse = statistics.median(times["parse"])
    ratios = [p / (p + o) for p, o in zip(times["parse"], times["ours"], strict=True)]
    print(f"{'part':<10} {'median CPU s':>12} {'(min-max)':>15} {'% of parse':>10}")
    for name, values in times.items():
        med = statistics.median(values)
        spread = f"({min(values):.2f}-{max(values):.2f})"
        print(f"{name:<10} {med:>12.2f} {spread:>15} {100 * med / parse:>9.1f}%")
    print(
        f"parse/(parse+ours) per repeat: median {statistics.median(ratios):.3f} "
        f"({min(ratios):.3f}-{max(ratios):.3f}), n={len(ratios)}"
    )


def cprofile_stages(texts: list[str], top: int) -> None:
    """cProfile of our stages alone (text preparation and `_extract`) over docs parsed beforehand."""
    import cProfile
    import pstats

    from newsevents import pipeline
    from newsevents.ingest.clean import prepare_text
    from newsevents.nlp import load_model
    from newsevents.options import Options
    from newsevents.types import Article

    options = Options()
    nlp = load_model(options.model)
    list(pipeline.process_batch([Article(id="warm", text=texts[0])], options))
    preps = [prepare_text(Article(id=str(i), text=t), options) for i, t in enumerate(texts)]
    docs = list(nlp.pipe([p.analysis_text for p in preps], batch_size=32))
    profiler = cProfile.Profile(time.process_time)
    profiler.enable()
    for prep, doc in zip(preps, docs, strict=True):
        pipeline._extract(doc, prep, options)
    profiler.disable()
    stats = pstats.Stats(profiler)
    stats.sort_stats("tottime").print_stats(top)
    stats.sort_stats("cumulative").print_stats(top)


def dump(texts: list[str], out: Path, published: dt.date | None = None) -> None:
    from newsevents.options import Options
    from newsevents.pipeline import process_batch
    from newsevents.types import Article, Rejected

    articles = [Article(id=str(i), text=t, published=published) for i, t in enumerate(texts)]
    with out.open("w", encoding="utf-8") as sink:
        for record in process_batch(articles, Options()):
            line = repr(record) if isinstance(record, Rejected) else json.dumps(record.to_dict(), sort_keys=True)
            sink.write(line + "\n")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("mode", choices=["time", "dump", "cprofile", "ab", "serve"])
    parser.add_argument("out", nargs="?", type=Path, help="`dump`: the output file; `ab`: the base tree's src")
    parser.add_argument("after", nargs="?", type=Path, default=REPO / "src", help="`ab`: the other tree's src")
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--every", type=int, default=6)
    parser.add_argument("--start", type=int, default=0, help="the first article taken (sorted by name)")
    parser.add_argument("--limit", type=int, default=70)
    parser.add_argument("--repeats", type=int, default=5)
    parser.add_argument("--top", type=int, default=40, help="functions listed by `cprofile`")
    parser.add_argument("--published", type=dt.date.fromisoformat, help="`dump`: every article's date")
    args = parser.parse_args()
    texts = sample(args.corpus, args.every, args.limit, args.start)
    if args.mode == "dump":
        if args.out is None:
            sys.exit("dump needs an output file")
        dump(texts, args.out, args.published)
    elif args.mode == "ab":
        if args.out is None:
            sys.exit("ab needs the base tree's src directory")
        compare([args.out.resolve(), args.after.resolve()], args)
    elif args.mode == "serve":
        serve(texts)
    elif args.mode == "cprofile":
        cprofile_stages(texts, args.top)
    else:
        print(f"{len(texts)} articles, {args.repeats} repeats")
        report(time_stages(texts, args.repeats))


if __name__ == "__main__":
    main()
