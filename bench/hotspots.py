"""Where extraction spends its time outside the parse: a pyinstrument profile of `process_batch`.

    .venv/bin/pip install -e '.[dev]'           # pyinstrument is a dev extra
    .venv/bin/python bench/hotspots.py [--corpus DIR] [--limit N] [--html out.html]

The model is loaded and the extractors warmed before the profiler starts, so the profile shows the
steady state of a long run. The summary lists the costliest functions of ours (self time plus what
they call outside spaCy), as shares of the whole profiled time; `--html` also writes the full tree.
"""

from __future__ import annotations

import argparse
import sys
from collections import defaultdict
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
DEFAULT_CORPUS = REPO.parent / "shared" / "eval" / "corpora" / "bbc" / "politics"


def profile(corpus: Path, limit: int | None) -> Any:
    from pyinstrument import Profiler

    from newsevents.options import Options
    from newsevents.pipeline import process_batch
    from newsevents.types import Article

    files = sorted(corpus.glob("*.txt"))[:limit]
    articles = [Article(id=str(i), text=p.read_text("utf-8")) for i, p in enumerate(files)]
    options = Options()
    list(process_batch([Article(id="warm", text="Russia warned Ukraine on Monday in Kyiv.")], options))
    profiler = Profiler(interval=0.002)
    profiler.start()
    for _ in process_batch(articles, options):
        pass
    profiler.stop()
    return profiler


def stage_costs(session: Any) -> dict[str, float]:
    """Seconds per top-level `newsevents` frame below `process_batch` (spaCy's own frames excluded)."""
    costs: dict[str, float] = defaultdict(float)

    def walk(frame: Any, inside_ours: bool) -> None:
        path = frame.file_path or ""
        ours = "newsevents" in path and "pipeline.py" not in path
        if ours and not inside_ours:
            costs[f"{frame.function} ({Path(path).parent.name}/{Path(path).name})"] += frame.time
            return
        if "spacy" in path or "thinc" in path:
            return  # the parse itself
        for child in frame.children:
            walk(child, inside_ours or ours)

    walk(session.root_frame(), False)
    return dict(costs)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--limit", type=int, default=None, help="profile only the first N articles")
    parser.add_argument("--html", type=Path, default=None)
    args = parser.parse_args()
    if not args.corpus.is_dir():
        sys.exit(f"corpus not found: {args.corpus}")
    profiler = profile(args.corpus, args.limit)
    session = profiler.last_session
    total = session.duration
    print(f"profiled {total:.1f} s")
    for name, seconds in sorted(stage_costs(session).items(), key=lambda kv: -kv[1])[:15]:
        print(f"{100 * seconds / total:5.1f}%  {seconds:6.2f} s  {name}")
    if args.html:
        args.html.write_text(profiler.output_html(), "utf-8")
    print(profiler.output_text(unicode=False, color=False, show_all=False))


if __name__ == "__main__":
    main()
