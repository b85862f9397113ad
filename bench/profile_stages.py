"""CPU time of each of our stages against the parse, side by side in one process; and an output dump.

    PYTHONPATH=src .venv/bin/python bench/profile_stages.py time [--every 6] [--start 0] [--limit 70] [--repeats 5]
    PYTHONPATH=src .venv/bin/python bench/profile_stages.py dump OUT.jsonl [--every 6] [--limit 70]
    PYTHONPATH=src .venv/bin/python bench/profile_stages.py cprofile [--top 40]

`time` parses the sample once per repeat (`nlp.pipe`, CPU time) and runs text preparation and every
stage of `pipeline._extract` over the same docs, each stage under its own `time.process_time()` clock;
it prints the median (min–max) of each, as seconds and as a share of the parse. CPU time of this
process only, so other people's jobs on a shared machine barely move it (cache contention still does).

`dump` writes `json.dumps(record.to_dict(), sort_keys=True)` of every `process_batch` record, one per
line: run it before and after a change and `cmp` the files to prove the output unchanged.
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import time
from collections import defaultdict
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
DEFAULT_CORPUS = REPO.parent / "shared" / "eval" / "corpora" / "bbc" / "politics"


def sample(corpus: Path, every: int, limit: int, start: int = 0) -> list[str]:
    """Every `every`-th article of the sorted corpus from the `start`-th, at most `limit` of them."""
    return [p.read_text("utf-8") for p in sorted(corpus.glob("*.txt"))[start::every][:limit]]


def time_stages(texts: list[str], repeats: int) -> dict[str, list[float]]:
    from newsevents import pipeline
    from newsevents.extract.context import ExtractContext
    from newsevents.ingest.clean import prepare_text
    from newsevents.nlp import load_model
    from newsevents.nlp.text import remember_text
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
        spent: dict[str, float] = defaultdict(float)
        for prep, doc in zip(preps, docs, strict=True):
            remember_text(doc, prep.analysis_text)
            ctx = ExtractContext(text=prep.text, doc=doc, published=prep.published, options=options)
            for stage in stages:
                clock = time.process_time()
                stage.run(ctx)
                spent[stage.name] += time.process_time() - clock
        for name, seconds in spent.items():
            times[name].append(seconds)
        times["ours"].append(times["prepare"][-1] + sum(spent.values()))
    return times


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


def dump(texts: list[str], out: Path) -> None:
    from newsevents.options import Options
    from newsevents.pipeline import process_batch
    from newsevents.types import Article, Rejected

    articles = [Article(id=str(i), text=t) for i, t in enumerate(texts)]
    with out.open("w", encoding="utf-8") as sink:
        for record in process_batch(articles, Options()):
            line = repr(record) if isinstance(record, Rejected) else json.dumps(record.to_dict(), sort_keys=True)
            sink.write(line + "\n")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("mode", choices=["time", "dump", "cprofile"])
    parser.add_argument("out", nargs="?", type=Path)
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--every", type=int, default=6)
    parser.add_argument("--start", type=int, default=0, help="the first article taken (sorted by name)")
    parser.add_argument("--limit", type=int, default=70)
    parser.add_argument("--repeats", type=int, default=5)
    parser.add_argument("--top", type=int, default=40, help="functions listed by `cprofile`")
    args = parser.parse_args()
    texts = sample(args.corpus, args.every, args.limit, args.start)
    if args.mode == "dump":
        if args.out is None:
            sys.exit("dump needs an output file")
        dump(texts, args.out)
    elif args.mode == "cprofile":
        cprofile_stages(texts, args.top)
    else:
        print(f"{len(texts)} articles, {args.repeats} repeats")
        report(time_stages(texts, args.repeats))


if __name__ == "__main__":
    main()
