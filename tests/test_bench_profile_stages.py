"""bench/profile_stages.py runs: its output dump is one record per article, its timing table names every stage.

No timing is asserted (speed is proven in docs/benchmarks.md, never in tests).
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
SCRIPT = REPO / "bench" / "profile_stages.py"
ARTICLES = [
    "Union leaders met the transport minister in Leeds on Tuesday. The minister said talks would resume next week.",
    "The opposition accused the government of breaking its promise on rail fares, a spokesman said.",
    "Police arrested two protesters outside parliament, officials said.",
]


def _run(args: list[str], corpus: Path) -> str:
    env = {**os.environ, "PYTHONPATH": str(REPO / "src")}
    result = subprocess.run(
        [sys.executable, str(SCRIPT), *args, "--corpus", str(corpus), "--every", "1"],
        capture_output=True,
        text=True,
        timeout=900,
        check=True,
        env=env,
    )
    return result.stdout


def _corpus(tmp_path: Path) -> Path:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for i, text in enumerate(ARTICLES):
        (corpus / f"{i:03}.txt").write_text(text, encoding="utf-8")
    return corpus


def test_dump_writes_one_sorted_record_per_article_and_time_reports_each_stage(tmp_path: Path) -> None:
    corpus = _corpus(tmp_path)
    out = tmp_path / "dump.jsonl"
    _run(["dump", str(out), "--start", "1"], corpus)
    lines = out.read_text(encoding="utf-8").splitlines()
    records = [json.loads(line) for line in lines]
    assert [r["id"] for r in records] == ["0", "1"]  # articles 1 and 2 of the corpus, renumbered from 0
    assert all(line == json.dumps(json.loads(line), sort_keys=True) for line in lines)
    assert [r["text"].strip() for r in records] == ARTICLES[1:]
    assert {r["published"] for r in records} == {None}

    _run(["dump", str(out), "--limit", "1", "--published", "2005-01-01"], corpus)  # as an eval run dates them
    dated = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert [(r["id"], r["published"]) for r in dated] == [("0", "2005-01-01")]
    assert "2004-12-28" in {d["value"] for d in dated[0]["dates"]}  # "met ... on Tuesday": the one before

    table = _run(["time", "--limit", "2", "--repeats", "1"], corpus)
    parts = [line.split()[0] for line in table.splitlines()[2:-1]]
    assert parts[:2] == ["prepare", "parse"] and parts[-1] == "ours"
    assert {"actors", "events", "quotes"} <= set(parts)
    assert "parse/(parse+ours) per repeat" in table
