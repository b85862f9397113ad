"""The places scorer: offset realignment, country-level scoring, and a run on a few gold articles."""

from __future__ import annotations

from pathlib import Path

import pytest

from newsevents.evaluation.places import GoldArticle, GoldToponym, Tally, evaluate, realign, select_split
from newsevents.options import Options
from newsevents.types import InputError, Place


@pytest.mark.parametrize(
    ("text", "phrase", "start", "expected"),
    [
        ("Troops in Kyiv.", "Kyiv", 10, 10),  # right already
        ("Troops in Kyiv.", "Kyiv", 11, 10),  # off by one
        ("Troops in Kyiv.", "Kyiv", 7, 10),  # off by three
        ("Troops in Kyiv.", "Paris", 3, 3),  # not there: left as it is
    ],
)
def test_realign(text: str, phrase: str, start: int, expected: int) -> None:
    assert realign(text, phrase, start) == expected


def _toponym(start: int, phrase: str, lat: float, lon: float, country: str | None = None) -> GoldToponym:
    return GoldToponym(start, start + len(phrase), phrase, lat, lon, country, country is not None, False)


def _place(start: int, text: str, country: str, lat: float, lon: float) -> Place:
    return Place(start, start + len(text), text, text, country, "city", lat, lon)


def test_tally_scores_distance_and_countries() -> None:
    text = "Paris and Kyiv and Ukraine and Lyon"
    article = GoldArticle(
        "a",
        text,
        None,
        (
            _toponym(0, "Paris", 48.85, 2.35),  # right within 161 km
            _toponym(10, "Kyiv", 50.45, 30.52),  # predicted far away
            _toponym(19, "Ukraine", 49.0, 32.0, country="UKR"),  # country: scored by country
            _toponym(31, "Lyon", 45.76, 4.84),  # not found
        ),
    )
    predicted = [
        _place(0, "Paris", "FRA", 48.86, 2.34),
        _place(10, "Kyiv", "USA", 40.0, -90.0),
        _place(19, "Ukraine", "UKR", 10.0, 10.0),
    ]
    tally = Tally()
    tally.add(article, predicted)
    report = tally.report("test", 1)
    assert report.metrics["toponym_recall"] == pytest.approx(3 / 4)
    assert report.metrics["accuracy_at_161km"] == pytest.approx(2 / 3)
    assert report.counts["within_161km"] == 2


def test_unknown_gold_set(shared_dir: Path) -> None:
    with pytest.raises(InputError):
        evaluate(gold="nope", split=None, shared=shared_dir, options=Options(), limit=1)


@pytest.mark.parametrize("gold", ["trnews", "geowebnews"])
def test_evaluate_on_a_few_gold_articles(shared_dir: Path, gold: str) -> None:
    report = evaluate(gold=gold, split=None, shared=shared_dir, options=Options(), limit=8)
    assert report.counts["documents"] == 8
    assert report.counts["gold_toponyms"] > 0
    assert report.metrics["toponym_recall"] > 0.3
    assert report.metrics["accuracy_at_161km"] > 0.5


@pytest.mark.parametrize(("split", "expected"), [("all", [0, 1, 2, 3, 4]), ("study", [0, 2, 4]), ("report", [1, 3])])
def test_split_takes_even_or_odd_documents(split: str, expected: list[int]) -> None:
    articles = [GoldArticle(str(i), "", None, ()) for i in range(5)]
    assert [int(a.id) for a in select_split(articles, split)] == expected


def test_unknown_split_is_a_clear_error() -> None:
    with pytest.raises(InputError, match="unknown split"):
        select_split([], "dev")
