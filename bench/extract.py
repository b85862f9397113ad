"""Extraction cost against bare spaCy, measured side by side in one process.

    .venv/bin/python bench/extract.py [--corpus DIR] [--repeats 3] [--limit N]

One child process loads the model once, then times the two modes over the same texts in
alternation (bare, ours; then ours, bare; ...): `bare` is `nlp.pipe` over the texts, `ours` is
`process_batch` (debris, language check, parse, every extraction stage). Loading the model once
and alternating inside one process keeps both modes under the same conditions (same model in
memory, same caches warm, same moment's load on a shared machine), and saves a model load per
run. Our extractors' data (dictionaries, gazetteer) load on a warm-up article before the first
`ours` run, outside the clock, after the first `bare` run: the bare peak memory is read then,
before any of our data exists. Figures: each mode's wall and CPU time per repeat, their ratio
per repeat, and the peak RSS of bare spaCy and of the process after our runs.
"""

from __future__ import annotations

import argparse
import json
import resource
import statistics
import sys
import time
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from common import BBC_POLITICS, child_json


def load_texts(corpus: Path, limit: int | None = None) -> list[str]:
    return [p.read_text("utf-8", errors="replace") for p in sorted(corpus.glob("*.txt"))[:limit]]


def peak_mib() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def run_both(corpus: Path, repeats: int, limit: int | None) -> dict[str, object]:
    """Inside the child: per repeat, (wall, CPU) seconds of each mode over the same texts."""
    from newsevents.nlp import load_model
    from newsevents.options import Options
    from newsevents.pipeline import process_batch
    from newsevents.types import Article

    texts = load_texts(corpus, limit)
    options = Options()
    nlp = load_model(options.model)
    articles = [Article(id=str(i), text=t) for i, t in enumerate(texts)]
    times: dict[str, list[list[float]]] = {"bare": [], "ours": []}
    bare_peak = 0.0

    def timed(mode: str) -> None:
        nonlocal bare_peak
        if mode == "ours" and not times["ours"]:  # warm our data outside the clock, after bare's peak is read
            bare_peak = bare_peak or peak_mib()
            list(process_batch([Article(id="warm", text="Russia warned Ukraine on Monday in Kyiv.")], options))
        start, cpu = time.perf_counter(), time.process_time()
        if mode == "bare":
            for _ in nlp.pipe(texts, batch_size=32):
                pass
        else:
            for _ in process_batch(articles, options, batch_size=32):
                pass
        times[mode].append([time.perf_counter() - start, time.process_time() - cpu])

    for repeat in range(repeats):
        for mode in ("bare", "ours") if repeat % 2 == 0 else ("ours", "bare"):
            timed(mode)
    return {"articles": len(texts), "times": times, "bare_peak_mib": bare_peak, "peak_mib": peak_mib()}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--corpus", type=Path, default=BBC_POLITICS)
    parser.add_argument("--repeats", type=int, default=3)
    parser.add_argument("--limit", type=int, default=None, help="only the first N articles (sorted by file name)")
    parser.add_argument("--child", choices=["both"])
    args = parser.parse_args()
    if args.child:
        print(json.dumps(run_both(args.corpus, args.repeats, args.limit)))
        return
    if not args.corpus.is_dir():
        sys.exit(f"corpus not found: {args.corpus}")
    extra = ["--repeats", str(args.repeats)] + (["--limit", str(args.limit)] if args.limit else [])
    report(child_json(Path(__file__), "both", args.corpus, extra))


def report(result: dict[str, Any]) -> None:
    times, n = result["times"], result["articles"]
    ratios = [bare[0] / ours[0] for bare, ours in zip(times["bare"], times["ours"], strict=True)]
    print(f"articles: {n}; repeats: {len(ratios)}; one process, modes alternating")
    for mode in ("bare", "ours"):
        walls = [t[0] for t in times[mode]]
        print(f"{mode:5} median {statistics.median(walls):7.2f} s ({n / statistics.median(walls):5.1f} articles/s)")
    print(f"throughput ours/bare per repeat: {', '.join(f'{r:.3f}' for r in ratios)}")
    print(f"peak RSS: bare {result['bare_peak_mib']:.0f} MiB, after ours {result['peak_mib']:.0f} MiB")


if __name__ == "__main__":
    main()
