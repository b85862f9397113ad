"""What the console script imports before a command runs: cold start pays only for what it uses."""

from __future__ import annotations

import subprocess
import sys

# Heavy libraries only some commands need: `newsevents --help` or `extract` must not pay for them
# (the pipeline, and spaCy with it, is imported by the commands that extract, when they run).
HEAVY = ["duckdb", "pyarrow", "numpy", "spacy", "trafilatura", "newsevents.analyze.stories", "newsevents.store"]


def test_loading_the_cli_imports_no_heavy_library() -> None:
    probe = f"import sys, newsevents.cli.main; print(' '.join(m for m in {HEAVY!r} if m in sys.modules))"
    result = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True, timeout=300)
    assert result.stdout.split() == []
