"""`newsevents verbs` through the real console script, on a small corpus written here."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

SCRIPT = Path(sys.executable).with_name("newsevents")

CORPUS = {
    "a.txt": "Russia pestered Ukraine about the gas contract on Monday. Russia attacked Ukraine on Tuesday.\n",
    "b.txt": "China pestered Japan over the disputed islands. France criticized Germany over the budget.\n",
    "c.jsonl": json.dumps({"id": "c1", "text": "Brazil pestered Argentina over tariffs, officials said."}) + "\n",
}


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([str(SCRIPT), "verbs", *args], capture_output=True, text=True, timeout=300)


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("corpus")
    for name, text in CORPUS.items():
        (folder / name).write_text(text, encoding="utf-8")
    return folder


def test_unknown_verbs_are_listed_with_counts_and_an_example(corpus: Path) -> None:
    result = run("--unknown", "--json", str(corpus))
    assert result.returncode == 0, result.stderr
    table = json.loads(result.stdout)
    top = table[0]
    assert top["lemma"] == "pester" and top["count"] == 3 and not top["coded"]
    assert "pestered" in top["example"]
    assert not {"attack", "criticize"} & {row["lemma"] for row in table}  # coded verbs are left out


def test_without_unknown_coded_verbs_are_listed_too(corpus: Path) -> None:
    result = run("--json", "--top", "10", str(corpus))
    rows = {row["lemma"]: row for row in json.loads(result.stdout)}
    assert rows["attack"]["coded"] and not rows["pester"]["coded"]


def test_table_output_and_top(corpus: Path) -> None:
    result = run("--unknown", "--top", "1", str(corpus))
    assert result.returncode == 0
    lines = result.stdout.strip().splitlines()
    assert len(lines) == 2 and "pester" in lines[1] and "unknown" in lines[1]


def test_bad_input_is_named_and_others_still_processed(corpus: Path, tmp_path: Path) -> None:
    empty = tmp_path / "empty.txt"
    empty.write_text("", encoding="utf-8")
    result = run("--unknown", "--json", str(empty), str(corpus / "a.txt"))
    assert result.returncode == 2
    assert "empty.txt" in result.stderr and "Traceback" not in result.stderr
    assert json.loads(result.stdout)[0]["lemma"] == "pester"
