"""Date expressions resolved to TIMEX3 values against the publication date (Friday 2022-01-28)."""

from __future__ import annotations

import datetime as dt

import pytest

from newsevents.extract.dates.resolve import resolve

PUBLISHED = dt.date(2022, 1, 28)  # a Friday, ISO week 4


@pytest.mark.parametrize(
    ("text", "tense", "value", "granularity"),
    [
        ("Thursday", "past", "2022-01-27", "day"),
        ("Wednesday", None, "2022-01-26", "day"),
        ("Wednesday", "future", "2022-02-02", "day"),
        ("Friday", "past", "2022-01-28", "day"),
        ("last Friday", None, "2022-01-21", "day"),
        ("next Monday", None, "2022-01-31", "day"),
        ("yesterday", None, "2022-01-27", "day"),
        ("today", None, "2022-01-28", "day"),
        ("tomorrow", None, "2022-01-29", "day"),
        ("Jan. 5", "past", "2022-01-05", "day"),
        ("Dec. 10", None, "2021-12-10", "day"),
        ("5 January 2021", None, "2021-01-05", "day"),
        ("March 4, 2021", None, "2021-03-04", "day"),
        ("2021-03-04", None, "2021-03-04", "day"),
        ("Tuesday, April 25", None, "2023-04-25", "day"),  # the year in which April 25 is a Tuesday
        ("this week", None, "2022-W04", "week"),
        ("last week", None, "2022-W03", "week"),
        ("this weekend", None, "2022-W04-WE", "week"),
        ("February", "future", "2022-02", "month"),
        ("February", "past", "2021-02", "month"),
        ("November", None, "2021-11", "month"),
        ("last month", None, "2021-12", "month"),
        ("March 2014", None, "2014-03", "month"),
        ("June last year", None, "2021-06", "month"),
        ("last spring", None, "2021-SP", "season"),
        ("spring last year", None, "2021-SP", "season"),
        ("this summer", None, "2022-SU", "season"),
        ("the winter of 1994", None, "1994-WI", "season"),
        ("Q3", None, "2021-Q3", "quarter"),
        ("the third quarter of 2020", None, "2020-Q3", "quarter"),
        ("2014", None, "2014", "year"),
        ("next year", None, "2023", "year"),
        ("two years ago", None, "2020", "year"),
        ("nineteen ninety-six", None, "1996", "year"),
        ("the 1990s", None, "199", "decade"),
        ("the '80s", None, "198", "decade"),
        ("the next two weeks", None, "P2W", "duration"),
        ("the past three years", None, "P3Y", "duration"),
        ("many years ago", None, "PAST_REF", "ref"),
        ("now", None, "PRESENT_REF", "ref"),
        ("the future", None, "FUTURE_REF", "ref"),
    ],
)
def test_resolve_against_publication_date(text: str, tense: str | None, value: str, granularity: str) -> None:
    resolved = resolve(text, PUBLISHED, tense)
    assert resolved is not None
    assert (resolved.value, resolved.granularity) == (value, granularity)


@pytest.mark.parametrize(("text", "value"), [("March 4, 2021", "2021-03-04"), ("in 2014", "2014"), ("Thursday", None)])
def test_without_publication_date_only_absolute_dates_resolve(text: str, value: str | None) -> None:
    resolved = resolve(text, None)
    assert (resolved.value if resolved else None) == value


@pytest.mark.parametrize("text", ["22-year-old", "the security council", "a photo exhibit"])
def test_not_dates(text: str) -> None:
    assert resolve(text, PUBLISHED) is None


@pytest.mark.parametrize(
    ("sentence", "expression", "value"),
    [
        ("The ministers met on Thursday in Geneva.", "Thursday", "2022-01-27"),
        ("The two leaders will meet on Wednesday in Geneva.", "Wednesday", "2022-02-02"),
        ("The two leaders met on Wednesday in Geneva.", "Wednesday", "2022-01-26"),
        ("Russia may take military action in February, officials said.", "February", "2022-02"),
        ("The talks are scheduled to resume on Monday.", "Monday", "2022-01-31"),
        ("The ministry said this week that troops had arrived.", "this week", "2022-W04"),
        ("Sanctions were first imposed in 2014 after the annexation.", "2014", "2014"),
        ("The drills will last for the next two weeks.", "the next two weeks", "P2W"),
        ("The offer was extended until Feb. 10 by the board.", "Feb. 10", "2022-02-10"),
    ],
)
def test_tense_of_governing_verb(extract, sentence: str, expression: str, value: str) -> None:
    record = extract(sentence)
    found = {d.text: d.value for d in record.dates}
    assert found.get(expression) == value, found


def test_range_is_split_into_its_dates(extract) -> None:
    record = extract("Voting runs from Jan. 3 to Jan. 5, 2021, officials said.")
    assert {"2021-01-05"} <= {d.value for d in record.dates}
    assert all(d.text == record.text[d.start : d.end] for d in record.dates)


def test_no_publication_date_keeps_absolute_dates_only(extract) -> None:
    record = extract("On Thursday the court cited its ruling of March 4, 2021.", published=None)
    assert [d.value for d in record.dates] == ["2021-03-04"]


def test_seed_article_dates(extract, seed_text: str) -> None:
    record = extract(seed_text, published="2022-01-28")
    by_text = {}
    for date in record.dates:
        by_text.setdefault(date.text, date.value)
    assert by_text["Thursday"] == "2022-01-27"
    assert by_text["Wednesday"] == "2022-01-26"
    assert by_text["February"] == "2022-02"
    assert by_text["this week"] == "2022-W04"


def test_quarter_anaphora(extract) -> None:
    record = extract(
        "Profit rose 5% in the third quarter of 2021 from a year earlier. Sales in the quarter were flat.",
        published="2021-11-02",
    )
    assert [(d.text, d.value) for d in record.dates] == [
        ("the third quarter of 2021", "2021-Q3"),
        ("a year earlier", "2020-Q3"),
        ("the quarter", "2021-Q3"),
    ]


def test_a_quarter_of_something_is_not_a_date(extract) -> None:
    record = extract("In the second quarter of 2021, a quarter of the staff left.", published="2021-11-02")
    assert [d.value for d in record.dates] == ["2021-Q2"]


@pytest.mark.parametrize(
    "sentence",
    [
        "After a quiet weekend, the markets opened higher.",
        "The library is closed on Sundays.",
        "Every month the committee reviews the accounts.",
    ],
)
def test_generic_times_are_not_dates(extract, sentence: str) -> None:
    assert extract(sentence).dates == []


@pytest.mark.parametrize(
    ("sentence", "expression", "value"),
    [
        ("Rents were frozen for the following month.", "the following month", "P1M"),
        ("The border stays shut for the next two weeks.", "the next two weeks", "P2W"),
    ],
)
def test_for_the_following_period_is_a_duration(extract, sentence: str, expression: str, value: str) -> None:
    date = next(d for d in extract(sentence).dates if d.text == expression)
    assert (date.value, date.granularity) == (value, "duration")


@pytest.mark.parametrize(
    ("sentence", "expression", "value"),
    [
        # published Friday 2022-01-28; what was said counts from the day it was said
        ("Speaking on March 3, the mayor said the bridge would reopen next month.", "next month", "2022-04"),
        ("The minister said on Dec. 20 that the bill would pass next week.", "next week", "2021-W52"),
        ("The mayor said the bridge would reopen next month.", "next month", "2022-02"),  # undated: publication
    ],
)
def test_relative_dates_in_reported_speech_count_from_when_it_was_said(
    extract, sentence: str, expression: str, value: str
) -> None:
    date = next(d for d in extract(sentence).dates if d.text == expression)
    assert date.value == value


@pytest.mark.parametrize(
    ("sentence", "published", "expression", "value"),
    [
        # a past verb puts a month earlier in the year in this year, a future verb a month later in the year
        ("In January the club hired a new coach.", "2021-10-20", "January", "2021-01"),
        ("The firm lost money in the year ended March 31.", "2021-10-20", "March 31", "2021-03-31"),
        ("The club will open its new stadium in December.", "2022-03-10", "December", "2022-12"),
        ("The council will vote on the budget in February.", "2021-10-20", "February", "2022-02"),
        # a payment that is due lies ahead whatever the verb
        ("The board declared a dividend payable Dec. 15 to holders of record.", "2021-10-20", "Dec. 15", "2021-12-15"),
        ("Directors approved a bonus due Jan. 4 to all staff.", "2021-11-20", "Jan. 4", "2022-01-04"),
    ],
)
def test_tense_settles_the_year_of_a_month(extract, sentence: str, published: str, expression: str, value: str) -> None:
    found = {d.text: d.value for d in extract(sentence, published=published).dates}
    assert found.get(expression) == value, found


@pytest.mark.parametrize(
    ("text", "expression", "value"),
    [
        ("Sales rose in the third quarter. They were $2 million in the 2020 quarter.", "the 2020 quarter", "2020-Q3"),
        ("Sales rose in the third quarter. Last year's quarter was weaker.", "Last year's quarter", "2020-Q3"),
        ("Sales rose in the third quarter. For the quarter a year ago, it fell.", "the quarter a year ago", "2020-Q3"),
        ("Sales rose in the third quarter, compared with year-earlier levels.", "year-earlier", "2020-Q3"),
        ("Sales rose in the third quarter. The year-ago results included a gain.", "year-ago", "2020"),
        ("The year-ago results included a one-time gain.", "The year-ago", "2020"),
        # reported in November: the latest quarter is the one that closed in September
        ("Sales will rise in the fourth quarter. Costs fell in the latest quarter.", "the latest quarter", "2021-Q3"),
        ("Sales rose in the third quarter. Orders in the current quarter are up.", "the current quarter", "2021-Q4"),
    ],
)
def test_quarters_named_by_reference(extract, text: str, expression: str, value: str) -> None:
    found = {d.text: d.value for d in extract(text, published="2021-11-02").dates}
    assert found.get(expression) == value, found


@pytest.mark.parametrize(
    ("sentence", "expression", "value"),
    [
        ("The current rules let tenants stay.", "current", "PRESENT_REF"),
        ("Recent storms flooded the valley.", "Recent", "PAST_REF"),
        ("Under the then-current rules tenants could stay.", "then-current", "PAST_REF"),
        ("Now, the council says the bridge is safe.", "Now", "PRESENT_REF"),
        ("Previously, the bridge was closed to lorries.", "Previously", "PAST_REF"),
        ("This year the festival moves to the park.", "This year", "2022"),
        ("Sales in the current fiscal year will grow.", "the current fiscal year", "2022"),
    ],
)
def test_present_and_past_references(extract, sentence: str, expression: str, value: str) -> None:
    found = {d.text: d.value for d in extract(sentence).dates}
    assert found.get(expression) == value, found


def test_a_current_account_is_not_a_date(extract) -> None:
    assert not any(d.value == "PRESENT_REF" for d in extract("The current account deficit widened.").dates)
