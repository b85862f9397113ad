"""Extraction cost against bare spaCy, measured side by side in one run.

    .venv/bin/python bench/extract.py [--corpus DIR] [--repeats 3]

Each repeat runs both modes, in alternating order, each in a fresh subprocess that loads the model
before its clock starts: `bare` is `nlp.pipe` over the texts, `ours` is `process_batch` (debris,
language check, parse, every extraction stage) over the same texts. The figures are the medians of
the wall times, their ratio, and each mode's peak resident memory (model included). The machine is
shared and noisy, so only ratios from one run are compared, never absolute times across runs.
"""

from __future__ import annotations

import argparse
import json
import resource
import statistics
import subprocess
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
DEFAULT_CORPUS = REPO.parent / "shared" / "eval" / "corpora" / "bbc" / "politics"


def load_texts(corpus: Path) -> list[str]:
    return [p.read_text("utf-8", errors="replace") for p in sorted(corpus.glob("*.txt"))]


def run_mode(mode: str, corpus: Path) -> tuple[float, float]:
    """Inside the child: (wall, CPU) seconds of one mode over the corpus, model already loaded."""
    from newsevents.nlp import load_model
    from newsevents.options import Options
    from newsevents.pipeline import process_batch
    from newsevents.types import Article

    texts = load_texts(corpus)
    options = Options()
    nlp = load_model(options.model)
    if mode == "ours":  # warm the per-process caches (dictionaries, gazetteer) outside the clock too
        list(process_batch([Article(id="warm", text="Russia warned Ukraine on Monday in Kyiv.")], options))
    start, cpu = time.perf_counter(), time.process_time()
    if mode == "bare":
        for _ in nlp.pipe(texts, batch_size=32):
            pass
    else:
        articles = [Article(id=str(i), text=t) for i, t in enumerate(texts)]
        for _ in process_batch(articles, options, batch_size=32):
            pass
    return time.perf_counter() - start, time.process_time() - cpu


def measure(mode: str, corpus: Path) -> tuple[float, float]:
    """(seconds, peak RSS in MiB) of one mode, in a fresh child process."""
    child = subprocess.run(
        [sys.executable, __file__, "--child", mode, "--corpus", str(corpus)],
        capture_output=True,
        text=True,
        check=True,
    )
    result = json.loads(child.stdout.strip().splitlines()[-1])
    return result["seconds"], result["peak_mib"]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--repeats", type=int, default=3)
    parser.add_argument("--child", choices=["bare", "ours"])
    args = parser.parse_args()
    if args.child:
        seconds, cpu = run_mode(args.child, args.corpus)
        peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        print(json.dumps({"seconds": seconds, "cpu_seconds": cpu, "peak_mib": peak}))
        return
    if not args.corpus.is_dir():
        sys.exit(f"corpus not found: {args.corpus}")
    report(args.corpus, args.repeats)


def report(corpus: Path, repeats: int) -> None:
    times: dict[str, list[float]] = {"bare": [], "ours": []}
    peaks: dict[str, list[float]] = {"bare": [], "ours": []}
    for repeat in range(repeats):
        order = ("bare", "ours") if repeat % 2 == 0 else ("ours", "bare")
        for mode in order:
            seconds, peak = measure(mode, corpus)
            times[mode].append(seconds)
            peaks[mode].append(peak)
            print(f"repeat {repeat + 1} {mode:4}: {seconds:7.2f} s, peak {peak:6.0f} MiB", file=sys.stderr)
    bare, ours = statistics.median(times["bare"]), statistics.median(times["ours"])
    n = len(load_texts(corpus))
    print(f"articles: {n}; repeats: {repeats}")
    print(f"bare nlp.pipe   median {bare:7.2f} s  ({n / bare:5.1f} articles/s)  peak {max(peaks['bare']):.0f} MiB")
    print(f"newsevents      median {ours:7.2f} s  ({n / ours:5.1f} articles/s)  peak {max(peaks['ours']):.0f} MiB")
    print(f"ratio ours/bare: {ours / bare:.3f} (overhead {100 * (ours / bare - 1):+.1f}%)")


if __name__ == "__main__":
    main()
