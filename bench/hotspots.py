"""Where extraction spends its time outside the parse: a pyinstrument profile of `process_batch`.

    .venv/bin/pip install -e '.[dev]'           # pyinstrument is a dev extra
    .venv/bin/python bench/hotspots.py [--corpus DIR] [--start N] [--limit N] [--html out.html] [--wall]

The model is loaded and the extractors warmed before the profiler starts, so the profile shows the
steady state of a long run. Samples are taken in CPU time of the process (`--wall` for wall time):
on a shared machine, wall time charges other people's jobs to whatever line was running.

The summary gives the parse (spaCy and thinc frames not called from our stages), each stage, and
the costliest functions of ours: the time of each of our functions plus that of the library code
it calls (spaCy's included: `Token` attribute look-ups and the like are costs we cause), down to
our next function; each as a share of all our stages' time. The profiler's own cost falls on every
Python call, so it inflates our call-heavy code against the parse (mostly C): rank by these
figures, and take the share of the parse from `bench/run.py --only extract` (CPU-time ratio).
"""

from __future__ import annotations

import argparse
import sys
import time
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
DEFAULT_CORPUS = REPO.parent / "shared" / "eval" / "corpora" / "bbc" / "politics"


def profile(corpus: Path, limit: int | None, wall: bool, start: int = 0) -> Any:
    from pyinstrument import Profiler
    from pyinstrument.stack_sampler import get_stack_sampler

    from newsevents.options import Options
    from newsevents.pipeline import process_batch
    from newsevents.types import Article

    files = sorted(corpus.glob("*.txt"))[start:][:limit]
    articles = [Article(id=str(i), text=p.read_text("utf-8")) for i, p in enumerate(files)]
    options = Options()
    list(process_batch([Article(id="warm", text="Russia warned Ukraine on Monday in Kyiv.")], options))
    if not wall:
        get_stack_sampler().timer_func = time.process_time  # pyinstrument's hook for a custom clock
    profiler = Profiler(interval=0.002)
    profiler.start()
    for _ in process_batch(articles, options):
        pass
    profiler.stop()
    return profiler


@dataclass
class Costs:
    parse: float = 0.0
    stages: dict[str, float] = field(default_factory=lambda: defaultdict(float))
    functions: dict[str, float] = field(default_factory=lambda: defaultdict(float))


def costs_of(session: Any) -> Costs:
    """Seconds of the parse, of each stage, and of each function of ours down to the next one of ours."""
    costs = Costs()

    def walk(frame: Any, stage: str | None, owner: str | None) -> None:
        path = frame.file_path or ""
        if "newsevents" in path and "pipeline.py" not in path:
            owner = f"{frame.function} ({Path(path).parent.name}/{Path(path).name}:{frame.line_no})"
            if stage is None:
                stage = owner
                costs.stages[stage] += frame.time
        elif stage is None and ("spacy" in path or "thinc" in path):
            costs.parse += frame.time  # the parse itself (nlp.pipe), not spaCy code our stages call
            return
        if owner is not None:
            costs.functions[owner] += frame.time - sum(child.time for child in frame.children)
        for child in frame.children:
            walk(child, stage, owner)

    walk(session.root_frame(), None, None)
    return costs


def report(costs: Costs, total: float, top: int) -> None:
    ours = sum(costs.stages.values())
    print(f"profiled {total:.1f} s; parse {costs.parse:.1f} s; our stages {ours:.1f} s (profiler overhead included)")
    print("\nstages:")
    for name, seconds in sorted(costs.stages.items(), key=lambda kv: -kv[1]):
        print(f"  {_share(seconds, ours)}  {seconds:6.2f} s  {name}")
    print(f"\ntop {top} functions of ours (own time + library calls, down to our next function):")
    for name, seconds in sorted(costs.functions.items(), key=lambda kv: -kv[1])[:top]:
        print(f"  {_share(seconds, ours)}  {seconds:6.2f} s  {name}")


def _share(seconds: float, whole: float) -> str:
    return f"{100 * seconds / whole:5.1f} % of our stages" if whole else "n/a"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--limit", type=int, default=None, help="profile only the first N articles")
    parser.add_argument("--start", type=int, default=0, help="skip the first N articles (sorted by name)")
    parser.add_argument("--html", type=Path, default=None)
    parser.add_argument("--top", type=int, default=15, help="functions to list")
    parser.add_argument("--tree", action="store_true", help="also print pyinstrument's call tree")
    parser.add_argument("--wall", action="store_true", help="sample wall time instead of CPU time")
    args = parser.parse_args()
    if not args.corpus.is_dir():
        sys.exit(f"corpus not found: {args.corpus}")
    profiler = profile(args.corpus, args.limit, args.wall, args.start)
    session = profiler.last_session
    report(costs_of(session), session.duration, args.top)
    if args.html:
        args.html.write_text(profiler.output_html(), "utf-8")
    if args.tree:
        print(profiler.output_text(unicode=False, color=False, show_all=False))


if __name__ == "__main__":
    main()
