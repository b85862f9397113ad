"""The whole benchmark suite in one command (`make bench`), printing a table for docs/benchmarks.md.

    .venv/bin/python bench/run.py [--repeats 3] [--ingest-repeats 2] [--scale 10] [--only extract,ingest,...]
                                  [--extract-sample 139] [--ingest-sample 139] [--tiny N]

Every figure is measured side by side in this one run; the table gives median (min–max, n) over the
repeats. The machine is shared and noisy: compare ratios from one run, never absolute times across runs.

- extract:   `process_batch` (everything we do) vs bare `nlp.pipe` on the first `--extract-sample`
             BBC politics articles, ONE child process: the model loads once, then the two modes
             alternate over the same texts (bare, ours; ours, bare; ...) `--repeats` times.
             Throughput ratio per repeat (wall and CPU time), peak memory (bench/extract.py).
- ingest:    `ingest` with 1 and with 2 worker processes over the first `--ingest-sample` articles
             as one JSONL file, each run a fresh child (start-up is what a user waits for), order
             alternating: speed-up, and the peak memory of all processes together (bench/ingest.py).
- scale:     ONE `ingest --workers 2` run over the whole set repeated `--scale` times (ids made
             unique): memory flatness within that run (peak over the whole run vs peak up to its
             last article of the first copy) and the capacity line (articles per core-hour; hours
             for a day of GDELT-scale news, ~150k articles, on this machine).
- coldstart: `newsevents extract` on one short article: wall time to the output with the per-user
             caches in place and with an empty cache (a first run), split into imports, model load,
             gazetteer, dictionaries, other lazy loads, the extraction itself.

The per-user caches (gazetteer, PETRARCH dictionaries) are built first, once, so no timed stage
pays for a build. Budget of the defaults on an idle 2-core machine, from main's idle run of
2026-11-30 (≈ 80 s per 417-article extraction pass, 4.3 / 7.8 articles/s ingest with 1 / 2
workers, 7.2 articles/s over 4,170): extract 3 × (bare + ours) over 139 articles (a third of
the set) ≈ 2.7 min, ingest 2 × (1 + 2 workers) over 139 ≈ 1.7 min, scale ≈ 8–9.7 min (4,170
articles), cold start ≈ 1 min: ≈ 14–15 min, estimated. `--tiny N` runs
everything on the first N articles (used by the test that checks the suite runs).
"""

from __future__ import annotations

import argparse
import itertools
import json
import os
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TypeVar

sys.path.insert(0, str(Path(__file__).resolve().parent))

from common import BBC_POLITICS, REPO, ChildRun, Spread, log, run_child

BENCH = REPO / "bench"
GDELT_DAY = 150_000
SHORT_ARTICLE = (
    "The foreign minister of Chile met his Peruvian counterpart in Lima on Tuesday.\n\n"
    "They agreed to reopen two border crossings, the ministry said in a statement."
)


@dataclass
class Row:
    figure: str
    goal: str
    value: str
    command: str


@dataclass
class Suite:
    corpus: Path
    repeats: int
    ingest_repeats: int
    scale: int
    tiny: int | None
    scratch: Path
    extract_sample: int
    ingest_sample: int
    rows: list[Row] = field(default_factory=list)
    stage_seconds: dict[str, float] = field(default_factory=dict)

    def add(self, figure: str, goal: str, value: str, command: str) -> None:
        self.rows.append(Row(figure, goal, value, command))
        log(f"  {figure}: {value}")


def texts(suite: Suite) -> list[tuple[str, str]]:
    files = sorted(suite.corpus.glob("*.txt"))[: suite.tiny]
    return [(p.stem, p.read_text("utf-8", errors="replace")) for p in files]


def write_jsonl(suite: Suite, copies: int, count: int | None = None) -> Path:
    """The corpus (its first `count` articles) `copies` times over as one JSONL file, ids unique per copy."""
    path = suite.scratch / f"corpus-{count}-x{copies}.jsonl"
    with path.open("w", encoding="utf-8") as out:
        for copy in range(copies):
            for name, text in texts(suite)[:count]:
                out.write(json.dumps({"id": f"copy{copy}-{name}", "text": text}) + "\n")
    return path


def sample_folder(suite: Suite, count: int | None) -> Path:
    """The corpus's first `count` articles (by file name) as a folder of .txt files."""
    if count is None or count >= len(texts(suite)):
        return suite.corpus
    folder = suite.scratch / f"first-{count}"
    folder.mkdir(exist_ok=True)
    for name, text in texts(suite)[:count]:
        (folder / f"{name}.txt").write_text(text, "utf-8")
    return folder


def bench_extract(suite: Suite) -> None:
    count = min(suite.extract_sample, len(texts(suite)))
    log(f"extract vs bare nlp.pipe, one process, {suite.repeats} alternating repeats over {count} articles ...")
    extra = ["--repeats", str(suite.repeats), "--limit", str(count)]
    run = run_child([str(BENCH / "extract.py"), "--child", "both", "--corpus", str(suite.corpus), *extra])
    times = run.result["times"]
    command = f".venv/bin/python bench/run.py --only extract --extract-sample {count} --repeats {suite.repeats}"
    bare = Spread.of([count / wall for wall, _ in times["bare"]])
    ours = Spread.of([count / wall for wall, _ in times["ours"]])
    suite.add(f"bare nlp.pipe throughput ({count} articles)", "", bare.show(" art/s", 1), command)
    suite.add(f"extract (process_batch) throughput ({count} articles)", "", ours.show(" art/s", 1), command)
    pairs = list(zip(times["bare"], times["ours"], strict=True))
    ratios = Spread.of([b[0] / o[0] for b, o in pairs])
    suite.add("extract / bare throughput, per repeat (same process)", "≥ 0.90", ratios.show(), command)
    suite.add(
        "extract / bare, CPU-time ratio per repeat", "", Spread.of([b[1] / o[1] for b, o in pairs]).show(), command
    )
    parses = 2 * suite.repeats * count
    suite.add("bare nlp.pipe peak RSS (before our data loads)", "", f"{run.result['bare_peak_mib']:.0f} MiB", command)
    suite.add(f"extract peak RSS, after {parses} parses", "≤ 650 MB", f"{run.result['peak_mib']:.0f} MiB", command)
    suite.add("extract peak PSS (the process, sampled)", "≤ 650 MB", f"{run.memory.pss:.0f} MiB", command)


def ingest_child(corpus: Path, workers: int, mark: int = 0) -> ChildRun:
    args = [str(BENCH / "ingest.py"), "--child", f"ingest-{workers}", "--corpus", str(corpus), "--mark", str(mark)]
    return run_child(args)


def bench_ingest(suite: Suite) -> None:
    count = min(suite.ingest_sample, len(texts(suite)))
    log(f"ingest, 1 vs 2 workers, over {count} articles ...")
    corpus = write_jsonl(suite, 1, count)
    runs: dict[int, list[ChildRun]] = {1: [], 2: []}
    for repeat in range(suite.ingest_repeats):
        for workers in (1, 2) if repeat % 2 == 0 else (2, 1):
            runs[workers].append(ingest_child(corpus, workers))
    command = (
        f".venv/bin/python bench/run.py --only ingest --ingest-sample {count} --ingest-repeats {suite.ingest_repeats}"
    )
    for workers in (1, 2):
        rates = Spread.of([count / r.wall for r in runs[workers]])
        suite.add(f"ingest {workers} worker(s) throughput, start-up included", "", rates.show(" art/s", 1), command)
    speedups = Spread.of([one.wall / two.wall for one, two in zip(runs[1], runs[2], strict=True)])
    suite.add("ingest speed-up, 2 workers vs 1 (wall)", "≥ 1.8× (idle machine)", speedups.show("×"), command)
    pairs = [(one.result["steady_rate"], two.result["steady_rate"]) for one, two in zip(runs[1], runs[2], strict=True)]
    if all(one > 0 for one, _ in pairs):  # a run of one chunk has no rate after its first commit
        steady = Spread.of([two / one for one, two in pairs])
        suite.add("ingest speed-up, 2 workers vs 1, after start-up", "", steady.show("×"), command)
    pss = Spread.of([r.memory.pss for r in runs[2]])
    suite.add("ingest -w 2 peak, all processes (PSS)", "≤ 1.4 GB", pss.show(" MiB", 0), command)
    rss = Spread.of([r.memory.rss for r in runs[2]])
    suite.add("ingest -w 2 peak, all processes (sum RSS)", "", rss.show(" MiB", 0), command)
    suite.add("ingest -w 1 peak PSS", "", Spread.of([r.memory.pss for r in runs[1]]).show(" MiB", 0), command)


def bench_scale(suite: Suite) -> None:
    """One `ingest -w 2` run over the corpus × scale: flatness within the run, and capacity."""
    base = len(texts(suite))
    log(f"scale: ingest --workers 2 over {suite.scale} × {base} articles ...")
    corpus = write_jsonl(suite, suite.scale)
    big = ingest_child(corpus, 2, mark=base)
    n = int(big.result["articles"])
    # the main process's RSS and DuckDB memory after each commit, and the sampled PSS: where growth happens
    trace = Path(tempfile.gettempdir()) / f"newsevents-scale-trace-{int(time.time())}.json"
    samples = {"commits": big.result["trace"], "samples": big.memory.samples, "main_pss": big.memory.root_pss}
    trace.write_text(json.dumps(samples))
    log(f"scale: main-process trace written to {trace}")
    command = f".venv/bin/python bench/run.py --only scale --scale {suite.scale}"
    suite.add(f"ingest -w 2 over {n} articles: wall", "", f"{big.wall:.0f} s ({n / big.wall:.1f} art/s)", command)
    early_rss, early_pss = big.memory.peak_until(big.result["mark_time"])
    growth = f"{big.memory.pss:.0f} vs {early_pss:.0f} MiB: {100 * (big.memory.pss / early_pss - 1):+.1f} %"
    suite.add(f"peak PSS, whole run vs up to its {base}th article", "within 10 %", growth, command)
    growth = f"{big.memory.rss:.0f} vs {early_rss:.0f} MiB: {100 * (big.memory.rss / early_rss - 1):+.1f} %"
    suite.add(f"peak sum RSS, whole run vs up to its {base}th article", "within 10 %", growth, command)
    for part, (early, whole) in big.memory.split_peaks(big.result["mark_time"]).items():
        growth = f"{whole:.0f} vs {early:.0f} MiB: {100 * (whole / max(early, 1.0) - 1):+.1f} %"
        who = "the main process (reads, writes, groups)" if part == "main" else "the workers (and fork server)"
        suite.add(f"peak PSS of {who}, whole run vs up to its {base}th article", "", growth, command)
    cores = os.cpu_count() or 1
    per_core_hour = n / (big.wall * cores / 3600)
    hours = GDELT_DAY / (n / big.wall) / 3600
    suite.add("capacity, articles per core-hour", "", f"{per_core_hour:,.0f} (on {cores} cores)", command)
    suite.add(f"a GDELT day ({GDELT_DAY:,} articles) on this machine", "< 3 h", f"{hours:.1f} h", command)
    if big.result["steady_rate"] > 0:
        steady_hours = GDELT_DAY / big.result["steady_rate"] / 3600
        suite.add("a GDELT day at the run's rate after start-up", "< 3 h", f"{steady_hours:.1f} h", command)
    # CPU time is what other people's jobs disturb least on a shared machine: the same line from it.
    per_cpu_hour = n / (big.cpu / 3600)
    cpu_hours = GDELT_DAY / per_cpu_hour / cores
    suite.add("capacity from CPU time, articles per CPU-hour", "", f"{per_cpu_hour:,.0f}", command)
    suite.add(f"a GDELT day from CPU time, {cores} cores fully used", "< 3 h", f"{cpu_hours:.1f} h", command)


def coldstart_child() -> None:
    """Inside the child: what `newsevents extract` spends before its first output, phase by phase.

    Each phase in wall seconds, and in CPU seconds as `cpu_<phase>` (what other jobs on a shared machine
    disturb least).
    """
    marks = [(time.perf_counter(), time.process_time())]
    import newsevents.cli.main  # noqa: F401  (what the console script imports)
    from newsevents.extract.places.gazetteer import load_gazetteer
    from newsevents.ingest.readers import read_inputs
    from newsevents.nlp import load_model
    from newsevents.options import Options
    from newsevents.pipeline import process_batch, validate

    marks.append((time.perf_counter(), time.process_time()))
    options = Options.load()
    load_model(options.model)
    marks.append((time.perf_counter(), time.process_time()))
    load_gazetteer()
    marks.append((time.perf_counter(), time.process_time()))
    validate(options)  # the actor and verb dictionaries, as `extract` loads them before the first article
    marks.append((time.perf_counter(), time.process_time()))
    path = Path(sys.argv[-1])
    list(process_batch(list(read_inputs([path])), options))  # first article: whatever else loads lazily
    marks.append((time.perf_counter(), time.process_time()))
    list(process_batch(list(read_inputs([path])), options))
    marks.append((time.perf_counter(), time.process_time()))
    phases: dict[str, float] = {}
    for clock, prefix in ((0, ""), (1, "cpu_")):
        spans = [after[clock] - before[clock] for before, after in itertools.pairwise(marks)]
        names = ("imports", "model", "gazetteer", "dictionaries", "lazy", "article")
        phases.update({prefix + name: span for name, span in zip(names, spans, strict=True)})
        phases[prefix + "lazy"] -= phases[prefix + "article"]  # the first article minus a warm one
    print(json.dumps(phases))


def prime_caches() -> None:
    """Inside a child: build the per-user caches (gazetteer, PETRARCH dictionaries) if they are missing."""
    from newsevents.extract.places.gazetteer import load_gazetteer
    from newsevents.options import Options
    from newsevents.pipeline import validate

    start = time.perf_counter()
    load_gazetteer()
    validate(Options.load())
    print(json.dumps({"seconds": time.perf_counter() - start}))


def bench_coldstart(suite: Suite) -> None:
    log("cold start of `newsevents extract` ...")
    article = suite.scratch / "short.txt"
    article.write_text(SHORT_ARTICLE, "utf-8")
    cli = Path(sys.executable).parent / "newsevents"
    extract = [str(cli), "extract", str(article)]
    # As an installed package runs: byte-code compiled once and kept (pip compiles at install). Where
    # PYTHONDONTWRITEBYTECODE is set (this machine's shells), every run would compile our ~100 modules again.
    pyc = {"PYTHONDONTWRITEBYTECODE": "", "PYTHONPYCACHEPREFIX": str(suite.scratch / "pyc")}
    time_to_output(extract, pyc)  # untimed: fills the byte-code cache
    walls, fresh, interpreter, phases = [], [], [], []
    for repeat in range(suite.repeats):
        walls.append(time_to_output(extract, pyc))
        # A first run after installing or upgrading: an empty cache folder, so the tables are built.
        fresh.append(time_to_output(extract, {**pyc, "NEWSEVENTS_CACHE_DIR": str(suite.scratch / f"cache-{repeat}")}))
        interpreter.append(time_to_output([sys.executable, "-c", "print(1)"]))
        phases.append(run_child([__file__, "--coldstart-child", str(article)], pyc).result)
    command = ".venv/bin/python bench/run.py --only coldstart"
    suite.add("cold start: `newsevents extract short.txt` to output", "", Spread.of(walls).show(" s"), command)
    suite.add("cold start, first run (empty cache: tables built)", "", Spread.of(fresh).show(" s"), command)
    parts = {
        "python interpreter start": interpreter,
        "imports (CLI, pipeline, spaCy)": [p["imports"] for p in phases],
        "model load": [p["model"] for p in phases],
        "gazetteer (from the cache)": [p["gazetteer"] for p in phases],
        "actor + verb dictionaries (PETRARCH from the cache)": [p["dictionaries"] for p in phases],
        "other lazy loads (first article)": [p["lazy"] for p in phases],
        "the extraction itself": [p["article"] for p in phases],
    }
    for name, values in parts.items():
        suite.add(f"cold start, {name}", "", Spread.of(values).show(" s"), command)
    cpu = " / ".join(
        f"{Spread.of([p['cpu_' + key] for p in phases]).median:.2f}"
        for key in ("imports", "model", "gazetteer", "dictionaries", "lazy", "article")
    )
    suite.add("cold start CPU s: imports / model / gazetteer / dictionaries / lazy / article", "", cpu, command)


def time_to_output(command: list[str], env: dict[str, str] | None = None) -> float:
    """Seconds from starting `command` to the first byte it writes on stdout."""
    started = time.perf_counter()
    environment = {**os.environ, **(env or {})}
    process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, env=environment)
    assert process.stdout is not None
    process.stdout.read(1)
    elapsed = time.perf_counter() - started
    process.communicate()
    if process.returncode not in (0, 2):
        raise RuntimeError(f"{' '.join(command)} failed with status {process.returncode}")
    return elapsed


def print_table(suite: Suite, seconds: float) -> None:
    load = os.getloadavg()
    stages = ", ".join(f"{name} {value / 60:.1f}" for name, value in suite.stage_seconds.items())
    print(
        f"\nnewsevents benchmarks, {time.strftime('%Y-%m-%d %H:%M UTC', time.gmtime())}; "
        f"{os.cpu_count()} cores, load average {load[0]:.1f} / {load[1]:.1f} / {load[2]:.1f}; "
        f"corpus {suite.corpus} ({len(texts(suite))} articles)\n"
        f"suite wall time: {seconds / 60:.1f} min (stages, min: {stages})\n"
    )
    print("| figure | goal | median (min–max, n repeats) | command |")
    print("|---|---|---|---|")
    for row in suite.rows:
        print(f"| {row.figure} | {row.goal} | {row.value} | `{row.command}` |")


STAGES = ("extract", "ingest", "scale", "coldstart")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--corpus", type=Path, default=BBC_POLITICS)
    parser.add_argument("--repeats", type=int, default=3, help="repeats of the extract and cold-start stages")
    parser.add_argument("--ingest-repeats", type=int, default=2, help="repeats of the 1- vs 2-worker ingest runs")
    parser.add_argument("--extract-sample", type=int, default=139, help="articles of the extract stage (first N)")
    parser.add_argument("--ingest-sample", type=int, default=139, help="articles of the 1- vs 2-worker ingest runs")
    parser.add_argument("--scale", type=int, default=10, help="copies of the corpus for the scale run")
    parser.add_argument("--only", default=",".join(STAGES), help="comma-separated stages to run")
    parser.add_argument("--tiny", type=int, default=None, help="use only the first N articles (smoke test)")
    parser.add_argument("--coldstart-child", type=Path, default=None, help=argparse.SUPPRESS)
    parser.add_argument("--prime", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.coldstart_child:
        coldstart_child()
        return
    if args.prime:
        prime_caches()
        return
    if not args.corpus.is_dir():
        sys.exit(f"corpus not found: {args.corpus} (the gold data lives in ../shared)")
    stages = [s.strip() for s in args.only.split(",") if s.strip()]
    unknown = set(stages) - set(STAGES)
    if unknown:
        sys.exit(f"unknown stage(s): {', '.join(sorted(unknown))}; choose from {', '.join(STAGES)}")
    started = time.perf_counter()
    with tempfile.TemporaryDirectory(prefix="newsevents-bench-") as scratch:
        suite = Suite(
            args.corpus,
            args.repeats,
            args.ingest_repeats,
            args.scale,
            args.tiny,
            Path(scratch),
            args.extract_sample,
            args.ingest_sample,
        )
        run_stages(suite, stages)
    print_table(suite, time.perf_counter() - started)


def run_stages(suite: Suite, stages: list[str]) -> None:
    """Each stage once, after the per-user caches are built (no timed run pays for a build)."""
    timed(suite, "prime caches", lambda: log(f"  caches ready in {run_child([__file__, '--prime']).wall:.1f} s"))
    if "extract" in stages:
        timed(suite, "extract", lambda: bench_extract(suite))
    if "ingest" in stages:
        timed(suite, "ingest", lambda: bench_ingest(suite))
    if "scale" in stages:
        timed(suite, "scale", lambda: bench_scale(suite))
    if "coldstart" in stages:
        timed(suite, "coldstart", lambda: bench_coldstart(suite))


R = TypeVar("R")


def timed(suite: Suite, stage: str, run: Callable[[], R]) -> R:
    started = time.perf_counter()
    result = run()
    suite.stage_seconds[stage] = time.perf_counter() - started
    log(f"stage {stage} took {suite.stage_seconds[stage]:.0f} s")
    return result


if __name__ == "__main__":
    main()
