"""bench/judged.py: each judge file's schema is normalised to one `Judgment`, and scoring maps judgments to
today's events by article, overlapping trigger and root. The sample rows are written for this test."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from typing import Any

import pytest

SPEC = importlib.util.spec_from_file_location("bench_judged", Path(__file__).parents[1] / "bench/judged.py")
assert SPEC is not None and SPEC.loader is not None
judged = importlib.util.module_from_spec(SPEC)
sys.modules["bench_judged"] = judged
SPEC.loader.exec_module(judged)

A = "bbc/politics/900.txt"
CASES: list[tuple[str, dict[str, Any], tuple | None]] = [
    # (file stem, row, (article, start, end, root, cameo, verdict, counts_codes, error) or None)
    (
        "judgeargs",
        {"round": "before", "article": A, "trigger": [10, 16], "cameo": "042", "verdict": "wrong", "error": "actor"},
        (A, 10, 16, "04", "042", "wrong", True, "actor"),
    ),
    (
        "evargs",
        {"round": "after", "article": A, "trigger": [5, 9], "cameo": "111", "arguments": "right", "error": None},
        (A, 5, 9, "11", "111", "right", True, None),
    ),
    (
        "judgesense",
        {
            "article": A,
            "trigger": [20, 27],
            "cameo": "036",
            "before": "wrong",
            "after": "dropped",
            "after_cameo": "036",
            "error_kind": "not-event",
        },
        (A, 20, 27, "03", "036", "wrong", True, "not-event"),
    ),
    (
        "verbprec",
        {
            "article": A,
            "trigger": [1, 4],
            "cameo": "020",
            "before": "wrong",
            "after": "right",
            "after_cameo": "040",
            "error_kind": "sense",
            "after_error_kind": "-",
            "pub_date": "2006-03-02",
        },
        (A, 1, 4, "04", "040", "right", False, None),
    ),
    (
        "evrecall",
        {
            "article": A,
            "trigger": [30, 35],
            "gold_cameo": "173",
            "uncertain": False,
            "before": "missed",
            "after": "missed",
            "error_kind": "passive",
        },
        (A, 30, 35, "17", "173", "right", False, "passive"),
    ),
    (
        "evrecall2",
        {
            "article": A,
            "trigger": [40, 44],
            "gold_cameo": None,
            "uncertain": False,
            "ours_before": "020",
            "before": "wrong",
            "after": "fixed",
            "error_kind": "name",
        },
        (A, 40, 44, "02", "020", "wrong", False, "name"),
    ),
    (
        "evstmt",
        {
            "file": "900.txt",
            "item": "statement",
            "start": 50,
            "end": 54,
            "ours_before": ["010", "GBR", None],
            "ours_after": ["012", "GBR", None],
            "verdict_before": "wrong",
            "verdict_after": "right",
            "error_after": None,
        },
        (A, 50, 54, "01", "012", "right", True, None),
    ),
    (
        "evstmt2",
        {
            "file": "900.txt",
            "item": "quote",
            "start": 50,
            "end": 90,
            "verdict_before": "right",
            "verdict_after": "right",
        },
        None,
    ),
    (
        "headlines",
        {
            "file": A,
            "trigger_start": 0,
            "trigger_end": 6,
            "ours_before": "-",
            "ours_after": "010 GBRGOV",
            "verdict_after": "wrong",
            "kind": "not a speech act",
        },
        (A, 0, 6, "01", "010", "wrong", False, "not a speech act"),
    ),
    (
        "newjudge",
        {
            "judge": "newjudge",
            "article": A,
            "trigger": [70, 75],
            "cameo": "190",
            "verdict": "uncertain",
            "counts_codes": False,
            "error": None,
            "round": "after",
        },
        (A, 70, 75, "19", "190", "uncertain", False, None),
    ),
]


@pytest.mark.parametrize(("stem", "row", "expected"), CASES, ids=[c[0] for c in CASES])
def test_each_schema_normalises_to_one_record(stem: str, row: dict[str, Any], expected: tuple | None) -> None:
    got = judged.NORMALISERS.get(stem, judged.native_row)(stem, row)
    if expected is None:
        assert got is None
        return
    fields = (got.article, got.start, got.end, got.root, got.cameo, got.verdict, got.counts_codes, got.error)
    assert fields == expected
    assert got.judge == stem
    assert got.from_gold == (stem == "evrecall")
    assert got.published == row.get("pub_date", "2005-01-01")


def test_scoring_counts_output_gone_and_unjudged() -> None:
    make = judged.Judgment
    judgments = [
        make("j", A, 10, 16, "04", "042", "right", True),  # still output (overlap, same root)
        make("j", A, 20, 27, "03", "036", "wrong", True),  # output now with another root: gone
        make("j", A, 40, 44, "02", "020", "wrong", False),  # nothing there now: gone (a gain)
        make("k", A, 12, 14, "04", None, "wrong", True),  # same event, another judge disagrees
    ]
    events = {A: [(11, 16, "04"), (20, 27, "01"), (60, 65, "19")]}
    table = judged.score(judgments, events)
    assert table["j"] == {"right output": 1, "wrong gone": 2}
    assert table["TOTAL"]["not judged"] == 2
    assert table["DISTINCT"] == {"wrong gone": 2, "disputed output": 1}


def test_recall_misses_and_code_only_errors_are_told_apart() -> None:
    missed = judged.recall_row(
        "evrecall",
        {
            "article": A,
            "trigger": [30, 35],
            "gold_cameo": "173",
            "after": "missed",
            "before": "missed",
            "error_kind": None,
        },
    )
    wrong_code = judged.Judgment("j", A, 10, 16, "04", "042", "wrong", True, "actor")
    table = judged.score([missed, wrong_code], {A: [(10, 16, "04")]})
    assert +table["TOTAL"] == {"right missed": 1, "wrong output": 1, "code-only output": 1}
    assert judged._precision(table["TOTAL"]) == "0.00 (0/1)"
    assert judged._precision(table["TOTAL"], forgive_codes=True) == "1.00 (1/1)"
