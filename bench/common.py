"""What every benchmark shares: child processes measured with their whole process tree, and stats.

Memory of a run that starts workers is the peak, over time, of the memory of all its processes
together, sampled from /proc every 0.2 s: `rss` sums resident sizes (pages shared between a fork
server and its workers counted once per process: an upper bound), `pss` sums proportional set
sizes (each shared page split between its sharers: what the run really holds).
"""

from __future__ import annotations

import json
import os
import resource
import statistics
import subprocess
import sys
import threading
import time
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("NEWSEVENTS_SHARED", REPO.parent / "shared"))
BBC_POLITICS = SHARED / "eval" / "corpora" / "bbc" / "politics"
MIB = 1024 * 1024


@dataclass
class TreeMemory:
    """Peak memory of a process and all its descendants, in MiB."""

    rss: float = 0.0
    pss: float = 0.0
    processes: int = 0
    cpu_by_pid: dict[int, float] = field(default_factory=dict)  # last CPU seconds seen per process
    samples: list[tuple[float, float, float]] = field(default_factory=list)  # (epoch seconds, rss, pss)
    root_pss: list[float] = field(default_factory=list)  # the child's own PSS at each sample (the writer)

    def peak_until(self, moment: float) -> tuple[float, float]:
        """(RSS, PSS) peaks over the samples taken up to `moment` (epoch seconds): part of one run."""
        early = [(rss, pss) for at, rss, pss in self.samples if at <= moment] or [(0.0, 0.0)]
        return max(rss for rss, _ in early), max(pss for _, pss in early)

    def split_peaks(self, moment: float) -> dict[str, tuple[float, float]]:
        """Peak PSS of the child itself and of its descendants (workers): (up to `moment`, whole run).

        Tells whether growth over a run is in the process that writes and groups or in the workers.
        """
        rows = [(at, root, pss - root) for (at, _, pss), root in zip(self.samples, self.root_pss, strict=True)]
        early = [row for row in rows if row[0] <= moment] or [(0.0, 0.0, 0.0)]
        return {
            "main": (max(r[1] for r in early), max((r[1] for r in rows), default=0.0)),
            "workers": (max(r[2] for r in early), max((r[2] for r in rows), default=0.0)),
        }


@dataclass
class ChildRun:
    result: dict[str, Any]
    wall: float
    memory: TreeMemory = field(default_factory=TreeMemory)
    cpu: float = 0.0  # CPU seconds of the child and every descendant reaped in its run


def _children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def run_child(args: Sequence[str], env: dict[str, str] | None = None) -> ChildRun:
    """Run `python args...`; its last stdout line is a JSON object. Memory of its tree is sampled."""
    started, cpu_before = time.perf_counter(), _children_cpu()
    process = subprocess.Popen(
        [sys.executable, *args],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env={**os.environ, **(env or {})},
    )
    memory = TreeMemory()
    sampler = threading.Thread(target=_sample, args=(process, memory), daemon=True)
    sampler.start()
    out, err = process.communicate()
    wall = time.perf_counter() - started
    sampler.join()
    if process.returncode != 0:
        raise RuntimeError(f"benchmark child {' '.join(args)} failed ({process.returncode}):\n{err[-3000:]}")
    # Workers of a fork server are not reaped by our child, so rusage misses them: take the larger of
    # rusage (exact for the child) and the CPU sampled over the whole tree (short by at most 0.2 s each).
    cpu = max(_children_cpu() - cpu_before, sum(memory.cpu_by_pid.values()))
    return ChildRun(json.loads(out.strip().splitlines()[-1]), wall, memory, cpu)


def _sample(process: subprocess.Popen[str], memory: TreeMemory) -> None:
    while process.poll() is None:
        pids = _tree(process.pid)
        rss = pss = root = 0
        for pid in pids:
            rss_kib, pss_kib = _memory_kib(pid)
            rss, pss = rss + rss_kib, pss + pss_kib
            root = pss_kib if pid == process.pid else root
            memory.cpu_by_pid[pid] = max(memory.cpu_by_pid.get(pid, 0.0), _cpu_seconds(pid))
        memory.rss = max(memory.rss, rss / 1024)
        memory.pss = max(memory.pss, pss / 1024)
        memory.samples.append((time.time(), rss / 1024, pss / 1024))
        memory.root_pss.append(root / 1024)
        memory.processes = max(memory.processes, len(pids))
        time.sleep(0.2)


def _tree(root: int) -> list[int]:
    """`root` and its descendants, from the parent ids in /proc/*/stat."""
    children: dict[int, list[int]] = {}
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            stat = Path(f"/proc/{entry}/stat").read_text()
        except OSError:
            continue
        parent = int(stat.rsplit(")", 1)[1].split()[1])
        children.setdefault(parent, []).append(int(entry))
    found, todo = [], [root]
    while todo:
        pid = todo.pop()
        found.append(pid)
        todo.extend(children.get(pid, []))
    return found


def _cpu_seconds(pid: int) -> float:
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except OSError:
        return 0.0
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")  # utime + stime


def _memory_kib(pid: int) -> tuple[int, int]:
    """(RSS, PSS) of one process in KiB; zeros if it has just exited."""
    try:
        rollup = Path(f"/proc/{pid}/smaps_rollup").read_text()
    except OSError:
        return 0, 0
    values = {}
    for line in rollup.splitlines():
        parts = line.split()
        if len(parts) >= 2 and parts[0] in ("Rss:", "Pss:"):
            values[parts[0]] = int(parts[1])
    return values.get("Rss:", 0), values.get("Pss:", 0)


@dataclass(frozen=True)
class Spread:
    """min / median / max of repeated measurements."""

    low: float
    median: float
    high: float
    count: int

    @classmethod
    def of(cls, values: Sequence[float]) -> Spread:
        return cls(min(values), statistics.median(values), max(values), len(values))

    def show(self, unit: str = "", digits: int = 2) -> str:
        if self.count == 1:
            return f"{self.median:.{digits}f}{unit} (1 run)"
        return f"{self.median:.{digits}f}{unit} ({self.low:.{digits}f}–{self.high:.{digits}f}, n={self.count})"


class CommitClock:
    """A runner `Progress` that notes the time (epoch seconds) and stored count of every commit."""

    def __init__(self) -> None:
        self.started = time.time()
        self.commits: list[tuple[float, int]] = []
        # set by the caller once the store is open: then each commit also notes the process's RSS and
        # DuckDB's own accounting (what grows with the store, read in one run: `trace`)
        self.store: Any = None
        self.trace: list[tuple[int, float, float]] = []  # (articles stored, RSS MiB, DuckDB MiB)

    def start(self, files_total: int) -> None:
        return None

    def update(self, tally: object) -> None:
        self.commits.append((time.time(), int(getattr(tally, "stored", 0))))
        if self.store is not None:
            # fetchall, not fetchone: an unfinished result would block the runner's next use of the connection
            rows = self.store.con.execute("SELECT sum(memory_usage_bytes) FROM duckdb_memory()").fetchall()
            duck = (rows[0][0] or 0) / MIB if rows else 0.0
            self.trace.append((self.commits[-1][1], _own_rss_mib(), duck))

    def finish(self, tally: object) -> None:
        return None

    def first_commit(self) -> tuple[float, int]:
        """(seconds from the start, articles) of the first commit that stored anything."""
        at, count = next(((t, n) for t, n in self.commits if n > 0), (time.time(), 0))
        return at - self.started, count

    def steady_rate(self) -> float:
        """Articles per second from the first commit to the last: the rate once start-up is over."""
        first_at, first_count = self.first_commit()
        last_at, last_count = self.commits[-1] if self.commits else (self.started, 0)
        return (last_count - first_count) / max(last_at - self.started - first_at, 1e-9)

    def moment_stored(self, articles: int) -> float:
        """Epoch seconds of the first commit by which at least `articles` were stored."""
        return next((t for t, n in self.commits if n >= articles), self.commits[-1][0] if self.commits else 0.0)


def _own_rss_mib() -> float:
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return 0.0


def child_json(
    script: Path, mode: str, corpus: Path, extra: Sequence[str] = (), env: dict[str, str] | None = None
) -> dict[str, Any]:
    """Run `script --child mode --corpus corpus` in a fresh interpreter; its last stdout line as JSON."""
    command = [sys.executable, str(script), "--child", mode, "--corpus", str(corpus), *extra]
    process = subprocess.run(command, capture_output=True, text=True, env={**os.environ, **(env or {})}, timeout=7200)
    if process.returncode != 0:
        sys.exit(f"{script.name} {mode} failed:\n{process.stderr[-3000:]}")
    return dict(json.loads(process.stdout.strip().splitlines()[-1]))


def log(message: str) -> None:
    print(message, file=sys.stderr, flush=True)
