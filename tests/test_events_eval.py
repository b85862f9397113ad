"""The event evaluations run end to end on a few gold records (skipped without ../shared)."""

from __future__ import annotations

from pathlib import Path

import pytest

from newsevents.evaluation.common import PRF
from newsevents.evaluation.events import _one_to_one, actor_country, evaluate, gold_country, gold_date
from newsevents.options import Options
from newsevents.types import Actor, InputError


@pytest.mark.parametrize(
    ("code", "expected"),
    [("USAGOV", "USA"), ("IGOUNOMIL", "IGO"), ("---LEG", "---"), ("JAP", "JPN"), ("", "---"), ("RUS", "RUS")],
)
def test_gold_country(code: str, expected: str) -> None:
    assert gold_country(code) == expected


def test_actor_country_uses_organisation_prefix() -> None:
    nato = Actor(0, 4, "NATO", "NATO", country="WST", org="NATO", sector="IGO", code="IGOWSTNAT")
    russia = Actor(0, 6, "Russia", "Russia", country="RUS", code="RUS")
    assert (actor_country(nato), actor_country(russia), actor_country(None)) == ("IGO", "RUS", "---")


def test_gold_dates_in_both_layouts() -> None:
    assert str(gold_date("20080804")) == "2008-08-04" and str(gold_date("121108")) == "2012-11-08"
    assert gold_date("") is None


def test_one_to_one_matching_counts_each_gold_event_once() -> None:
    prf = PRF()
    _one_to_one([("USA", "CHN", "04")], [("USA", "CHN", "04"), ("USA", "CHN", "04")], prf)
    assert (prf.tp, prf.fp, prf.fn) == (1, 1, 0)


@pytest.mark.parametrize("gold", ["petr2", "plover"])
def test_evaluation_runs_on_a_few_records(shared_dir: Path, gold: str) -> None:
    report = evaluate(gold=gold, split=None, shared=shared_dir, options=Options.load(), limit=8)
    assert report.gold == gold and report.counts["sentences"] == 8
    assert all(0.0 <= value <= 1.0 for value in report.metrics.values())
    assert "events on" in report.render()


def test_root_distribution_on_a_few_articles(shared_dir: Path) -> None:
    report = evaluate(gold="bbc", split=None, shared=shared_dir, options=Options.load(), limit=5)
    shares = report.breakdown["share of events by CAMEO root"]
    assert report.counts["articles"] == 5
    assert shares and abs(sum(shares.values()) - 1.0) < 1e-9


def test_unknown_gold_is_a_clear_error(shared_dir: Path) -> None:
    with pytest.raises(InputError, match="unknown gold set"):
        evaluate(gold="acled", split=None, shared=shared_dir, options=Options.load(), limit=1)
