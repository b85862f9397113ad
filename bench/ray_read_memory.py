"""Peak memory of the Ray runner's read stage on one big JSONL file: a list of all its rows (the
old `read_file`, `git show REV:src/newsevents/runner/ray.py`) against the streamed rows of today's.

    PYTHONPATH=src .venv/bin/python bench/ray_read_memory.py --lines 60000 [--old-from 0ba385a]

Each variant runs in a fresh child process that reads the file once, consuming rows one by one as
Ray Data's block builder does; the figure is the child's peak RSS (ru_maxrss), median of repeats.
"""

from __future__ import annotations

import argparse
import json
import resource
import statistics
import subprocess
import sys
import tempfile
import types
from pathlib import Path


def child(variant: str, path: str, old_source: str) -> None:
    if variant == "old":
        module = types.ModuleType("old_ray")
        sys.modules["old_ray"] = module  # its dataclasses look their module up
        exec(compile(Path(old_source).read_text(), "old_ray.py", "exec"), module.__dict__)
        read_file = module.read_file
    else:
        from newsevents.runner.ray import read_file
    rows = 0
    for _row in read_file({"path": path}, "auto", None):
        rows += 1
    peak_kib = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    print(json.dumps({"rows": rows, "peak_mib": peak_kib / 1024}))


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--lines", type=int, default=60000)
    parser.add_argument("--repeats", type=int, default=3)
    parser.add_argument("--old-from", default="0ba385a")
    parser.add_argument("--child", nargs=3)
    args = parser.parse_args()
    if args.child:
        child(*args.child)
        return
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "big.jsonl"
        with path.open("w", encoding="utf-8") as out:
            for n in range(args.lines):
                text = f"Officials said talks number {n} resumed on Monday in Geneva, diplomats said. " * 12
                out.write(json.dumps({"id": f"wire-{n}", "text": text, "published": "2022-01-28"}) + "\n")
        old = Path(folder) / "old_ray.py"
        old.write_text(
            subprocess.run(
                ["git", "show", f"{args.old_from}:src/newsevents/runner/ray.py"],
                capture_output=True,
                text=True,
                check=True,
            ).stdout
        )
        size_mib = path.stat().st_size / 1024**2
        peaks: dict[str, list[float]] = {"old": [], "new": []}
        for _ in range(args.repeats):
            for variant in ("old", "new"):  # side by side, alternating
                out = subprocess.run(
                    [sys.executable, __file__, "--child", variant, str(path), str(old)],
                    capture_output=True,
                    text=True,
                    check=True,
                ).stdout
                peaks[variant].append(json.loads(out)["peak_mib"])
        print(f"file {size_mib:.0f} MiB, {args.lines} lines")
        for variant, values in peaks.items():
            each = ", ".join(f"{v:.0f}" for v in values)
            print(f"{variant}: peak RSS median {statistics.median(values):.0f} MiB ({each})")


if __name__ == "__main__":
    main()
