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


@dataclass
class ChildRun:
    result: dict[str, float]
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
        rss = pss = 0
        for pid in pids:
            rss_kib, pss_kib = _memory_kib(pid)
            rss, pss = rss + rss_kib, pss + pss_kib
            memory.cpu_by_pid[pid] = max(memory.cpu_by_pid.get(pid, 0.0), _cpu_seconds(pid))
        memory.rss = max(memory.rss, rss / 1024)
        memory.pss = max(memory.pss, pss / 1024)
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


def log(message: str) -> None:
    print(message, file=sys.stderr, flush=True)
