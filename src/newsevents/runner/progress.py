"""Progress of an ingest run: a rich bar on a terminal, plain log lines otherwise.

The total is the size in bytes of the input files (known up front without reading them), and
the ETA is estimated from the bytes read so far: one multi-GB WARC or JSONL file is then no
longer a single step of the bar. The rate is counted in articles per second.
"""

from __future__ import annotations

import sys
import time
from dataclasses import dataclass
from typing import Protocol, TextIO


@dataclass
class Tally:
    files_done: int = 0
    files_total: int = 0
    bytes_done: int = 0
    bytes_total: int = 0
    stored: int = 0
    skipped: int = 0
    events: int = 0
    rejected: int = 0


class Progress(Protocol):
    def start(self, files_total: int) -> None: ...
    def update(self, tally: Tally) -> None: ...
    def finish(self, tally: Tally) -> None: ...


class LogProgress:
    """One line every `every` seconds (0: after every write), for logs and pipes."""

    def __init__(self, stream: TextIO = sys.stderr, every: float = 10.0) -> None:
        self.stream, self.every = stream, every
        self.started = self.last = time.monotonic()

    def start(self, files_total: int) -> None:
        self.started = self.last = time.monotonic()
        print(f"newsevents: ingesting {files_total} input file(s)", file=self.stream, flush=True)

    def update(self, tally: Tally) -> None:
        now = time.monotonic()
        if now - self.last < self.every:
            return
        self.last = now
        elapsed = max(now - self.started, 1e-9)
        eta = _eta(elapsed, tally)
        print(
            f"newsevents: stored {tally.stored} articles ({tally.stored / elapsed:.1f}/s), "
            f"{tally.files_done}/{tally.files_total} files ({_mib(tally.bytes_done)}/{_mib(tally.bytes_total)} MiB), "
            f"{tally.rejected} rejected" + (f", ETA {eta:.0f}s" if eta is not None else ""),
            file=self.stream,
            flush=True,
        )

    def finish(self, tally: Tally) -> None:
        return None


class RichProgress:
    """A live bar with articles/s and ETA, drawn on stderr."""

    def __init__(self) -> None:
        from rich.console import Console
        from rich.progress import BarColumn, DownloadColumn, TextColumn, TimeElapsedColumn, TimeRemainingColumn
        from rich.progress import Progress as Bar

        self.bar = Bar(
            TextColumn("ingest"),
            BarColumn(),
            DownloadColumn(binary_units=True),
            TextColumn("· {task.fields[files]} files · {task.fields[stored]} articles · {task.fields[rate]:.1f}/s"),
            TimeElapsedColumn(),
            TextColumn("ETA"),
            TimeRemainingColumn(),
            console=Console(stderr=True),
        )
        self.task = self.bar.add_task("ingest", total=None, stored=0, rate=0.0, files="0/0")
        self.started = time.monotonic()

    def start(self, files_total: int) -> None:
        self.started = time.monotonic()
        self.bar.update(self.task, files=f"0/{files_total}")
        self.bar.start()

    def update(self, tally: Tally) -> None:
        # rich estimates the remaining time from the speed of `completed`: bytes read.
        rate = tally.stored / max(time.monotonic() - self.started, 1e-9)
        self.bar.update(
            self.task,
            total=tally.bytes_total or None,
            completed=tally.bytes_done,
            files=f"{tally.files_done}/{tally.files_total}",
            stored=tally.stored,
            rate=rate,
        )

    def finish(self, tally: Tally) -> None:
        self.update(tally)
        self.bar.stop()


def _eta(elapsed: float, tally: Tally) -> float | None:
    """Seconds left, assuming the remaining bytes go as fast as those read so far."""
    if tally.bytes_done <= 0 or tally.bytes_total <= 0:
        return None
    return elapsed * max(tally.bytes_total - tally.bytes_done, 0) / tally.bytes_done


def _mib(count: int) -> str:
    return f"{count / 1024**2:.1f}"


def default_progress(every: float = 10.0) -> Progress:
    return RichProgress() if sys.stderr.isatty() else LogProgress(every=every)
