"""The `newsevents extract` contract, through the real console script."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

SCRIPT = Path(sys.executable).with_name("newsevents")

ARTICLE = (
    "Moldova accuses Russia of airspace violations\n\n"
    "CHISINAU (Wire) — Moldovan President Maia Sandu said on Tuesday that Russian drones had entered the "
    "country's airspace. Sandu's office summoned the Russian ambassador.\n\n"
    "Exit mobile version\n"
)
PAGE = (
    "<html><head><title>Talks resume</title></head><body><nav>Home | World | Politics</nav>"
    "<article><h1>Talks resume</h1><p>Ukrainian officials met Russian negotiators in Istanbul on Monday, "
    "the foreign ministry said. The talks lasted four hours and will continue next week, officials said.</p>"
    "<p>Turkish President Recep Tayyip Erdogan hosted the delegations and called for a ceasefire.</p></article>"
    "<footer>Subscribe to our newsletter</footer></body></html>"
)


def run(*args: str | Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run([str(SCRIPT), *map(str, args)], capture_output=True, text=True, timeout=300)


@pytest.fixture(scope="module")
def inputs(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    folder = tmp_path_factory.mktemp("inputs")
    files = {
        "good.txt": ARTICLE.encode(),
        "page.html": PAGE.encode(),
        "empty.txt": b"",
        "binary.txt": bytes(range(256)) * 4,
        "latin1.txt": "Le ministre a parl\xe9 de la Russie.".encode("latin-1"),
        "nav.html": b"<html><body><nav><a href='/'>Home</a></nav></body></html>",
        "batch.jsonl": (
            json.dumps({"id": "a1", "text": "NATO rejected Russia's demands.", "published": "2022-01-27"})
            + "\n{not json\n"
            + json.dumps({"id": "a3", "html": PAGE, "url": "https://example.org/talks"})
            + "\n"
            + json.dumps({"id": "a4"})
            + "\n"
        ).encode(),
    }
    for name, data in files.items():
        (folder / name).write_bytes(data)
    return {name: folder / name for name in files}


def test_one_text_file_gives_one_json_object(inputs: dict[str, Path]) -> None:
    result = run("extract", inputs["good.txt"], "--date", "2022-01-28")
    assert result.returncode == 0, result.stderr
    record = json.loads(result.stdout)
    assert record["published"] == "2022-01-28"
    assert record["text"] == ARTICLE
    assert [b["text"] for b in record["boilerplate"]] == ["Exit mobile version"]
    sandu = next(a for a in record["actors"] if a["name"] == "Maia Sandu")
    assert (sandu["country"], sandu["sector"], sandu["code"]) == ("MDA", "GOV", "MDAGOV")
    for key in ("actors", "events", "quotes", "claims", "places", "dates", "warnings"):
        assert isinstance(record[key], list)
    for actor in record["actors"]:
        assert record["text"][actor["start"] : actor["end"]] == actor["text"]


def test_html_page_gives_the_article_text(inputs: dict[str, Path]) -> None:
    result = run("extract", inputs["page.html"])
    assert result.returncode == 0, result.stderr
    record = json.loads(result.stdout)
    assert "Ukrainian officials met Russian negotiators" in record["text"]
    assert "Subscribe" not in record["text"] and "Home | World" not in record["text"]
    assert record["title"] == "Talks resume"
    assert any(a["code"] == "UKRGOV" for a in record["actors"])


def test_bad_inputs_are_named_and_the_rest_goes_on(inputs: dict[str, Path]) -> None:
    names = ["good.txt", "empty.txt", "binary.txt", "latin1.txt", "nav.html", "batch.jsonl", "page.html"]
    result = run("extract", *[inputs[n] for n in names], "--date", "2022-01-28")
    assert result.returncode == 2
    assert "Traceback" not in result.stderr
    errors = result.stderr.strip().splitlines()
    expected_reasons = {
        "empty.txt": "empty file",
        "binary.txt": "binary",
        "nav.html": "no article text",
        "batch.jsonl:2": "invalid JSON",
        "batch.jsonl:4": 'no "text" or "html"',
    }
    assert len(errors) == len(expected_reasons)
    for source, reason in expected_reasons.items():
        assert any(source in line and reason in line for line in errors), (source, errors)
    records = [json.loads(line) for line in result.stdout.splitlines()]
    ids = [str(inputs["good.txt"]), str(inputs["latin1.txt"]), "a1", "a3", str(inputs["page.html"])]
    assert [r["id"] for r in records] == ids
    assert "parlé" in records[1]["text"]  # a legacy encoding is decoded, and the record says how
    assert any("cp1252" in w for w in records[1]["warnings"])
    assert records[2]["published"] == "2022-01-27"  # the record's own date wins over --date
    assert records[3]["url"] == "https://example.org/talks"


def test_jsonl_input_gives_jsonl(inputs: dict[str, Path], tmp_path: Path) -> None:
    good = tmp_path / "good.jsonl"
    good.write_text(json.dumps({"id": "x", "text": "Russia warned Ukraine."}) + "\n")
    result = run("extract", good)
    assert result.returncode == 0, result.stderr
    lines = result.stdout.strip().splitlines()
    assert len(lines) == 1 and json.loads(lines[0])["id"] == "x"


@pytest.mark.parametrize(
    "args",
    [
        ["extract"],
        ["extract", "x.txt", "--date", "28/01/2022"],
        ["extract", "x.txt", "--format", "xml"],
        ["extract", "x.txt", "--bogus"],
        ["nonsense-command"],
    ],
)
def test_usage_errors_exit_1_without_traceback(args: list[str]) -> None:
    result = run(*args)
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert result.stderr.strip()


def test_missing_file_is_rejected_not_crashed(tmp_path: Path) -> None:
    result = run("extract", tmp_path / "nope.txt")
    assert result.returncode == 2
    assert "nope.txt" in result.stderr and "Traceback" not in result.stderr


def test_missing_model_is_one_line_error(inputs: dict[str, Path]) -> None:
    result = run("extract", inputs["good.txt"], "--model", "no_such_model_package")
    assert result.returncode == 1
    assert "no_such_model_package" in result.stderr and "Traceback" not in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1


def test_config_file_overrides_defaults(inputs: dict[str, Path], tmp_path: Path) -> None:
    config = tmp_path / "config.toml"
    config.write_text("[newsevents]\nstrip_boilerplate = false\n")
    result = run("extract", inputs["good.txt"], "--config", config)
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["boilerplate"] == []
    config.write_text("[newsevents]\nno_such_option = 1\n")
    bad = run("extract", inputs["good.txt"], "--config", config)
    assert bad.returncode == 1 and "no_such_option" in bad.stderr


def test_a_folder_gives_jsonl_and_an_empty_one_is_named(inputs: dict[str, Path], tmp_path: Path) -> None:
    folder, empty = tmp_path / "corpus", tmp_path / "empty"
    folder.mkdir()
    empty.mkdir()
    (folder / "one.txt").write_text("Russia warned Ukraine on Monday.")
    result = run("extract", folder, empty, "--date", "2022-01-28")
    assert result.returncode == 2
    assert [json.loads(line)["id"] for line in result.stdout.splitlines()] == [str((folder / "one.txt").resolve())]
    assert result.stderr.strip() == f"newsevents: error: {empty}: folder holds no input files"


def test_records_that_are_not_text_are_rejected_one_by_one(tmp_path: Path) -> None:
    batch = tmp_path / "odd.jsonl"
    good = json.dumps({"id": "ok", "text": "NATO met in Brussels.\u2028Russia left."}, ensure_ascii=False)
    batch.write_text('{"id": "bad", "text": "\\ud800 Russia warned Ukraine."}\n' + good + "\n", encoding="utf-8")
    result = run("extract", batch)
    assert result.returncode == 2 and "Traceback" not in result.stderr
    assert "odd.jsonl:1" in result.stderr and "surrogate" in result.stderr
    # JSONL lines end at "\n" only; the text itself may hold U+2028
    assert [json.loads(line)["id"] for line in result.stdout.strip().split("\n")] == ["ok"]


def test_html_in_its_declared_charset(tmp_path: Path) -> None:
    page = tmp_path / "cp1252.html"
    body = "<p>Le minist\xe8re said on Monday that Russia had warned Ukraine about drills near the border.</p>"
    page.write_bytes(
        f'<html><head><meta charset="windows-1252"></head><body><article>{body}</article></body></html>'.encode(
            "cp1252"
        )
    )
    result = run("extract", page)
    assert result.returncode == 0, result.stderr
    assert "ministère" in json.loads(result.stdout)["text"]
