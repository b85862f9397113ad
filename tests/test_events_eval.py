"""The event evaluations run end to end on a few gold records (skipped without ../shared)."""

from __future__ import annotations

from pathlib import Path

import pytest

from newsevents.evaluation.common import PRF
from newsevents.evaluation.events import (
    _BbcTally,
    _one_to_one,
    _score_bbc_sentence,
    actor_country,
    bbc_event_matches,
    evaluate,
    gold_country,
    gold_date,
)
from newsevents.options import Options
from newsevents.types import Actor, CharRange, Event, InputError
from newsevents.types import Span as TextSpan


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


def _event(root: str, source: Actor | None, target: Actor | None) -> Event:
    return Event(CharRange(0, 50), TextSpan(10, 14, "said"), source, target, root + "0", root, 1, 0.0, None)


SMITH = Actor(0, 5, "Smith", "Smith", country="GBR", sector="GOV", code="GBRGOV")
COUNCIL = Actor(20, 31, "the council", "the council", country="GBR", sector="GOV", code="GBRGOV")
GOLD_SMITH = {"text": "Smith", "start": 0, "end": 5, "code": "GBRGOV"}
GOLD_COUNCIL = {"text": "the council", "start": 16, "end": 31, "code": "GBRGOV"}


@pytest.mark.parametrize(
    ("event", "gold", "expected"),
    [
        (_event("01", SMITH, None), {"root": "01", "source": GOLD_SMITH, "target": None}, True),
        (_event("01", SMITH, COUNCIL), {"root": "01", "source": GOLD_SMITH, "target": None}, False),
        (_event("11", SMITH, COUNCIL), {"root": "11", "source": GOLD_SMITH, "target": GOLD_COUNCIL}, True),
        (_event("11", SMITH, None), {"root": "11", "source": GOLD_SMITH, "target": GOLD_COUNCIL}, False),
        (_event("01", SMITH, COUNCIL), {"root": "11", "source": GOLD_SMITH, "target": GOLD_COUNCIL}, False),
        (
            _event("01", SMITH, COUNCIL),
            {"root": "11", "alt_cameo": ["010"], "source": GOLD_SMITH, "target": GOLD_COUNCIL},
            True,
        ),
        (_event("11", COUNCIL, SMITH), {"root": "11", "source": GOLD_SMITH, "target": GOLD_COUNCIL}, False),
    ],
)
def test_bbc_dev_match_rule(event: Event, gold: dict, expected: bool) -> None:
    assert bbc_event_matches(event, gold) is expected


def test_bbc_dev_uncertain_gold_neither_required_nor_counted_against() -> None:
    certain = {"root": "11", "source": GOLD_SMITH, "target": GOLD_COUNCIL}
    uncertain = {"root": "01", "source": GOLD_SMITH, "target": None, "uncertain": True}
    tally = _BbcTally(PRF())
    _score_bbc_sentence([certain, uncertain], [_event("01", SMITH, None), _event("11", SMITH, COUNCIL)], tally)
    assert (tally.prf.tp, tally.prf.fp, tally.prf.fn, tally.ignored, tally.codes_right) == (1, 0, 0, 1, 1)
    tally = _BbcTally(PRF())
    _score_bbc_sentence([certain, uncertain], [_event("04", SMITH, COUNCIL)], tally)
    assert (tally.prf.tp, tally.prf.fp, tally.prf.fn) == (0, 1, 1)


def test_bbc_dev_runs_on_the_report_split(shared_dir: Path) -> None:
    report = evaluate(gold="bbc-dev", split=None, shared=shared_dir, options=Options.load(), limit=2)
    assert report.gold == "bbc-dev (report)" and report.counts["articles"] == 2
    assert report.counts["gold_events_certain"] > 0
    assert all(0.0 <= value <= 1.0 for value in report.metrics.values())


def test_bbc_dev_unknown_split_is_a_clear_error(shared_dir: Path) -> None:
    with pytest.raises(InputError, match="unknown split"):
        evaluate(gold="bbc-dev", split="test", shared=shared_dir, options=Options.load(), limit=1)
