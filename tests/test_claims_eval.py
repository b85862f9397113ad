"""The claims scorer: overlap + equal value, not-claims as false positives, uncertain claims ignored."""

from __future__ import annotations

from pathlib import Path

import pytest

from newsevents.evaluation.claims import ClaimTally, GoldClaim, GoldClaimArticle, content_words, evaluate
from newsevents.options import Options
from newsevents.types import Claim, InputError

TEXT = "Some 40 ships sailed in 2020; 7 crews and 3 boats stayed."
GOLD = GoldClaimArticle(
    id="a",
    text=TEXT,
    claims=(
        GoldClaim(5, 7, 40.0, "ships that sailed", False),
        GoldClaim(30, 31, 7.0, "crews", False),
        GoldClaim(42, 43, 3.0, "boats", True),
    ),
    not_claims=((24, 28),),
)


def _claim(start: int, end: int, value: float, subject: str | None) -> Claim:
    return Claim(start, end, TEXT[start:end], value, None, subject, None, None)


def test_scoring_rule() -> None:
    tally = ClaimTally()
    predicted = [
        _claim(5, 13, 40, "ships"),  # matched, subject right
        _claim(24, 28, 2020, None),  # on a not-claim: false positive
        _claim(30, 37, 8, "crews"),  # overlaps a gold claim with another value: false positive
        _claim(42, 48, 3, "boats"),  # uncertain gold: not scored
        _claim(14, 20, 1, "x"),  # a number the gold does not list: not scored
    ]
    tally.add(GOLD, predicted)
    report = tally.report("study", 1)
    assert (tally.prf.tp, tally.prf.fp, tally.prf.fn) == (1, 2, 1)
    assert report.metrics["subject_right"] == 1.0
    assert report.counts["predictions_not_scored"] == 2


@pytest.mark.parametrize(
    ("predicted", "gold", "shared"),
    [
        ("Russian troops", "troops near the border", True),
        ("the number of MPs", "cut in the number of seats", False),
        ("fees", "rise in parking fee", True),
        (None, "anything", False),
    ],
)
def test_content_words(predicted: str | None, gold: str, shared: bool) -> None:
    assert bool(content_words(predicted) & content_words(gold)) is shared


def test_unknown_gold_and_split_are_errors(tmp_path: Path) -> None:
    with pytest.raises(InputError):
        evaluate("nope", None, tmp_path, Options.load())
    with pytest.raises(InputError):
        evaluate("bbc-dev", "dev", tmp_path, Options.load())


def test_bbc_dev_report_split(shared_dir: Path) -> None:
    report = evaluate("bbc-dev", "report", shared_dir, Options.load(), limit=2)
    assert report.counts["documents"] == 2
    assert report.counts["matched"] > 0
