"""What a new user meets in the first hour, through the real console script (issue 12)."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import time
from pathlib import Path

import duckdb
import pytest

from newsevents.store import Store, StoredArticle, to_arrow
from newsevents.types import Rejected

REPO = Path(__file__).resolve().parents[1]
NEWSEVENTS = REPO / ".venv" / "bin" / "newsevents"
STORY = "Officials in Kyiv said on Tuesday that talks with Moscow had stalled. The army would hold its positions."

pytestmark = pytest.mark.skipif(not NEWSEVENTS.exists(), reason="console script not installed in .venv")


def run(*args: str | Path, stdin: str | None = None, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    result = subprocess.run(
        [str(NEWSEVENTS), *map(str, args)],
        input=stdin,
        capture_output=True,
        text=True,
        timeout=300,
        cwd=cwd,
        env={**os.environ, "COLUMNS": "300"},  # rich cuts the demo's headings to the terminal's width
    )
    assert "Traceback" not in result.stderr, result.stderr
    return result


def test_version_and_flags_in_help() -> None:
    version = run("--version")
    assert version.returncode == 0 and version.stdout.startswith("newsevents ")
    help_text = run("verbs", "--help").stdout
    assert "--json / --no-json" in help_text and "<bool>" not in help_text


def test_standard_input_text_and_jsonl() -> None:
    text = run("extract", "-", "--date", "2022-01-28", stdin=STORY)
    assert text.returncode == 0, text.stderr
    record = json.loads(text.stdout)
    assert (record["id"], record["text"], record["published"]) == ("stdin", STORY, "2022-01-28")
    lines = "".join(json.dumps({"id": f"r{n}", "text": STORY, "published": "2022-01-27"}) + "\n" for n in (1, 2))
    jsonl = run("extract", "-", "--input-format", "jsonl", stdin=lines)
    assert jsonl.returncode == 0, jsonl.stderr
    assert [json.loads(line)["id"] for line in jsonl.stdout.splitlines()] == ["r1", "r2"]


def test_legacy_file_is_read_and_undated_articles_are_counted_once(tmp_path: Path) -> None:
    legacy = tmp_path / "legacy.txt"
    legacy.write_bytes("The Café owner said Russia’s “drills” near Ukraine worried him.".encode("cp1252"))
    dated = tmp_path / "2022" / "01" / "28" / "dated.txt"
    dated.parent.mkdir(parents=True)
    dated.write_text(STORY, "utf-8")
    result = run("extract", legacy, dated)
    assert result.returncode == 0, result.stderr
    first, second = (json.loads(line) for line in result.stdout.splitlines())
    assert "Café" in first["text"] and "“drills”" in first["text"]
    assert any("cp1252" in w for w in first["warnings"]) and any("no publication date" in w for w in first["warnings"])
    assert (first["published"], first["date_source"]) == (None, None)
    assert (second["published"], second["date_source"]) == ("2022-01-28", "path")
    undated_lines = [line for line in result.stderr.splitlines() if "no publication date" in line]
    assert len(undated_lines) == 1 and "1 of 2" in undated_lines[0]


@pytest.mark.parametrize(
    ("key", "content"),
    [
        ("actor_dictionaries", None),  # missing file
        ("actor_dictionaries", bytes(range(256)) * 8),  # binary junk
        ("verb_dictionaries", None),
        ("verb_dictionaries", b"\x00\xff\xfe junk \x80\x81" * 50),
    ],
)
def test_a_broken_config_fails_once_before_any_work(tmp_path: Path, key: str, content: bytes | None) -> None:
    dictionary = tmp_path / "broken.dict"
    if content is not None:
        dictionary.write_bytes(content)
    config = tmp_path / "config.toml"
    config.write_text(f'[newsevents]\n{key} = ["{dictionary}"]\n', "utf-8")
    story = tmp_path / "story.txt"
    story.write_text(STORY, "utf-8")
    for command in (["extract", story], ["ingest", story, "--db", tmp_path / "x.duckdb"]):
        result = run(*command, "--config", config)
        assert result.returncode == 1, result.stderr
        assert result.stdout == ""
        lines = result.stderr.strip().splitlines()
        assert len(lines) == 1 and str(dictionary) in lines[0], lines
    assert not (tmp_path / "x.duckdb").exists()  # no work was started


def test_rejections_of_an_input_that_later_succeeds_are_cleared() -> None:
    with Store.open() as store:
        store.write(to_arrow([], store.schemas, [Rejected("corpus/a.txt", "internal error in the actors stage")]))
        assert store.count("rejected") == 1
        record = {"id": "a", "text": STORY, "published": None}
        store.write(to_arrow([StoredArticle("id-a", "h", "corpus/a.txt", record, input="corpus/a.txt")], store.schemas))
        assert store.count("rejected") == 0 and store.count("articles") == 1


def test_a_huge_single_line_file_is_said_to_be_analysed_in_part(tmp_path: Path) -> None:
    huge = tmp_path / "huge.txt"
    huge.write_text((STORY + " ") * (2_000_000 // (len(STORY) + 1)), "utf-8")  # 2 MB, one line
    config = tmp_path / "small.toml"
    config.write_text("[newsevents]\nmax_chars = 5000\n", "utf-8")  # the default (500,000) behaves alike, slower
    result = run("extract", huge, "--date", "2022-01-28", "--config", config)
    assert result.returncode == 0, result.stderr
    assert "analysed the first part only" in result.stderr and str(huge) in result.stderr


def test_demo_takes_a_date_and_invents_none(tmp_path: Path) -> None:
    story = tmp_path / "story.txt"
    story.write_text(STORY, "utf-8")
    undated = run("demo", story, "--out", tmp_path / "a.jsonl")
    assert "(no date)" in undated.stdout and "no publication date" in undated.stderr
    dated = run("demo", story, "--date", "2022-01-28", "--out", tmp_path / "b.jsonl")
    assert "(2022-01-28)" in dated.stdout
    assert json.loads((tmp_path / "b.jsonl").read_text("utf-8"))["published"] == "2022-01-28"


def test_a_path_is_one_article_however_it_is_written(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "a.txt").write_text(STORY, "utf-8")
    db = tmp_path / "x.duckdb"
    assert run("ingest", "corpus", "--db", db, "--workers", "1", cwd=tmp_path).returncode == 0
    again = run("ingest", "./corpus/", "--db", db, "--workers", "1", cwd=tmp_path)
    assert "0 articles stored (1 skipped" in again.stdout
    stats = run("stats", "--db", db)
    assert "undated articles: 1" in stats.stdout


def test_ctrl_c_during_ingest_says_what_was_stored_and_how_to_resume(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for number in range(40):
        (corpus / f"s{number:02}.txt").write_text(f"{STORY} Round {number} ended.", "utf-8")
    db = tmp_path / "x.duckdb"
    args = [str(NEWSEVENTS), "ingest", str(corpus), "--db", str(db), "--workers", "2", "--chunk-size", "2"]
    process = subprocess.Popen(
        [*args, "--log-every", "0"], stderr=subprocess.PIPE, stdout=subprocess.PIPE, text=True, start_new_session=True
    )
    assert process.stderr is not None
    deadline = time.monotonic() + 240
    while time.monotonic() < deadline and not process.stderr.readline().startswith("newsevents: stored 4"):
        pass
    os.killpg(process.pid, signal.SIGINT)  # as a terminal's Ctrl-C does: the whole process group
    _, err = process.communicate(timeout=120)
    assert process.returncode == 130
    assert "Traceback" not in err
    assert "interrupted:" in err and "run the same command again to resume" in err
    with duckdb.connect(str(db), read_only=True) as con:
        stored = con.execute("SELECT count(*) FROM articles").fetchall()[0][0]
    assert f"{stored} article(s) stored" in err
    resumed = run("ingest", corpus, "--db", db, "--workers", "1")
    assert f"({stored} skipped" in resumed.stdout
