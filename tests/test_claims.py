"""Numeric claims: value, unit, subject, qualifier and source; dates are not claims."""

from __future__ import annotations

import pytest

from newsevents.extract.claims.lexicon import parse_claim_words
from newsevents.extract.claims.numbers import parse_number
from newsevents.types import ArticleRecord, Claim
from tests.conftest import Extract


def _claims(extract: Extract, text: str) -> list[Claim]:
    record: ArticleRecord = extract(text, language_check=False)
    for claim in record.claims:
        assert record.text[claim.start : claim.end] == claim.text
    return record.claims


@pytest.mark.parametrize(
    ("words", "value"),
    [
        (["130,000"], 130000),
        (["1.5", "million"], 1500000),
        (["two", "hundred", "thousand"], 200000),
        (["four"], 4),
        (["27.16"], 27.16),
        (["4bn"], 4000000000),
        (["dozen"], 12),
        (["1,2"], None),
        (["38.5", "m"], 38500000),
        (["troops"], None),
    ],
)
def test_parse_number(words: list[str], value: float | None) -> None:
    assert parse_number(words) == value


CLAIMS = [
    # text, value, unit, subject (or a word it holds), qualifier
    ("The U.S. estimates 130,000 Russian troops are near the border.", 130000, "troops", "Russian troops", None),
    ("There are more than 100,000 Russian troops close to Ukraine.", 100000, "troops", "Russian troops", "more than"),
    ("Over 14,000 people have been killed in the fighting.", 14000, "people", "killed", "more than"),
    ("The U.S. placed 8,500 troops on increased alert.", 8500, "troops", "troops", None),
    ("The four presidential envoys met in Paris.", 4, "envoys", "presidential envoys", None),
    ("They agreed to meet again within two weeks.", 2, "weeks", "They meet", None),  # an unresolved "they" is kept
    ("About 1.5 million people fled the region.", 1500000, "people", "people fled", "about"),
    ("The fund raised up to $3 billion for the city.", 3000000000, "USD", "fund", "up to"),
    ("Some 45 percent of voters backed the plan.", 45, "percent", "voters", "about"),
    ("At least 12 soldiers were wounded.", 12, "soldiers", "soldiers wounded", "at least"),
    # the subject is what is counted or measured
    ("The mayor holds a 9-point lead in the latest poll.", 9, "points", "lead", None),
    ("The agency said 2 million refugees had crossed the border.", 2000000, "refugees", "refugees", None),
    ("Its budget rose by 12% last year.", 12, "percent", "budget", None),
    ("The council approved a 40% rise in parking fees.", 40, "percent", "parking fees", None),
    ("The contract is worth $45m to the shipyard.", 45000000, "USD", "contract", None),
    ("Reported thefts cost the firm pounds 2.5m.", 2500000, "GBP", "thefts", None),
    ("The plan would cut the number of councillors by a third.", 0.3333, "fraction", "councillors", None),
    ("More than half of the residents voted.", 0.5, "fraction", "residents", "more than"),
    ("Six of the miners were rescued on Tuesday.", 6, "miners", "miners", None),
    ("The waiting list is now 18 months long.", 18, "months", "waiting list", None),
    ("The minimum age of 21 for a mayor was lowered.", 21, "years", "age", None),
    ("A 37-year-old nurse was arrested on Friday.", 37, "years", "age of nurse", None),
    # a unit spelled out measures something the sentence names: it is not the subject itself
    ("Home sales in the county plunged 12 percent in March.", 12, "percent", "sales", None),
    ("Diesel prices are down 3.5 percent this month.", 3.5, "percent", "Diesel prices", None),
    ("The new tax would cut household incomes by 0.4 percent.", 0.4, "percent", "incomes", None),
    ("The governor leads her challenger by 7 points in the poll.", 7, "points", "governor", None),
    ("Turnout showed an increase of 6 percent.", 6, "percent", "increase", None),
    # a margin says whose it is; a count that modifies a noun counts that whole's parts; no stray hyphen
    ("The mayor holds a 9-point lead in the latest poll.", 9, "points", "lead of mayor", None),
    ("The party has a 12-seat majority in the assembly.", 12, "seat", "majority of party", None),
    ("The 27-nation bloc was divided over the plan.", 27, "nation", "nations in bloc", None),
    ("Workers began a 3-day strike on Monday.", 3, "day", "strike", None),
    # "per cent" is one unit, whatever the parse
    ("They have a 50 per cent chance of winning.", 50, "percent", "chance", None),
    # "within N years of X": X dates the span; the verb's subject is what takes that long
    ("The new rules would take effect within three years of the law passing.", 3, "years", "rules", None),
    # a share that acts is the people who did it
    ("Among pensioners, 70% said they would vote for the mayor.", 70, "percent", "pensioners who said", None),
    ("Thirty per cent said the minister should resign.", 30, "percent", "those who said the minister", None),
    ("Of those polled, 45 said they would vote again.", 45, None, "those polled who said they would vote", None),
    # ages of people: set off by commas after the person, or what a person "is"
    ("The driver, 52, was taken to hospital after the crash.", 52, "years", "age of driver", None),
    ("Maria Lopez, 34, said she would appeal against the ruling.", 34, "years", "age of Lopez", None),
    ("The council leader, who is 61, stood down on Friday.", 61, "years", "age of leader", None),
    ("She was 19 when she joined the army.", 19, "years", "age of She", None),
    # a number before a plural name of people counts them: not a name like "Formula 1"
    ("About 300 Canadians were stranded at the airport.", 300, "canadians", "Canadians", "about"),
    # ranges are one figure, from the low end, scaled like the high end
    ("Between 2.5 and 3 million people fled the region.", 2500000, "people", "people", None),
    ("Some 20 or 30 homes were flooded.", 20, "homes", "homes", "about"),
    # "it took N years to ...": the time what the clause says took
    ("It took eight years to build the new bridge.", 8, "years", "time to build the new bridge", None),
    # a sum says what it is spent on or set aside for, or what a participle says of it
    ("The government will spend £2bn on new hospitals.", 2000000000, "GBP", "spend on new hospitals", None),
    ("The council set aside £40m for road repairs.", 40000000, "GBP", "set aside for road repairs", None),
    ("The £50m allocated from the reserve fund was spent.", 50000000, "GBP", "allocated from the reserve fund", None),
    # pence written against the number; a noun the parser took for a clausal subject; a participle after the head
    ("The party would cut income tax by 1p.", 1, "pence", "income tax", None),
    ("Turnout in the poll was 37%.", 37, "percent", "Turnout", None),
    ("About 60% of people questioned backed the ban.", 60, "percent", "people questioned", "about"),
    # a penalty's figure measures the penalty, and says whom it falls on
    ("The company was fined £2m by the regulator.", 2000000, "GBP", "fine for company", None),
    ("The judge sentenced him to 12 years.", 12, "years", "sentence for him", None),
    ("Offenders can be jailed for six months.", 6, "months", "jail term for Offenders", None),
    # a currency sign is not part of what the sum measures
    ("The chancellor faces an £11bn black hole in the public finances.", 11000000000, "GBP", "black hole", None),
    # a majority says whose it is, also when its figure is in its of-phrase
    ("Labour has a majority of 161 in the Commons.", 161, None, "majority of Labour", None),
    # an unresolved personal or indefinite pronoun is kept with its verb; a duration is never the subject
    ("He served 20 years in the Commons before retiring.", 20, "years", "He served", None),
]


@pytest.mark.parametrize(("text", "value", "unit", "subject", "qualifier"), CLAIMS)
def test_claims(
    extract: Extract, text: str, value: float, unit: str, subject: str | None, qualifier: str | None
) -> None:
    claims = _claims(extract, text)
    assert len(claims) == 1, [c.text for c in claims]
    claim = claims[0]
    assert (claim.value, claim.unit, claim.qualifier) == (value, unit, qualifier)
    if subject is None:
        assert claim.subject is None
    else:
        assert claim.subject is not None and subject in claim.subject


@pytest.mark.parametrize(
    ("text", "low", "high"),
    [
        ("Between 2.5 and 3 million people fled the region.", 2500000, 3000000),
        ("Some 20 or 30 homes were flooded.", 20, 30),
        ("The scheme will cost from £4m to £6m.", None, None),  # "from N to M": two figures, no range
        ("The minister said 400 jobs would go.", 400, None),
    ],
)
def test_a_range_keeps_its_high_end(extract: Extract, text: str, low: float | None, high: float | None) -> None:
    claims = _claims(extract, text)
    if low is None:
        assert all(c.value_max is None for c in claims), [(c.text, c.value_max) for c in claims]
        return
    assert [(c.value, c.value_max) for c in claims] == [(low, high)]


def test_a_conversion_in_parentheses_belongs_to_its_claim(extract: Extract) -> None:
    claims = _claims(extract, "The border with Belarus is only 75 km (50 miles) away from the capital.")
    assert [(c.value, c.unit) for c in claims] == [(75, "km")]
    assert claims[0].text.endswith("(50 miles)")


@pytest.mark.parametrize(
    "text",
    [
        "Moscow annexed Crimea in 2014 after the ouster of the president.",
        "The talks resumed on February 24 and ended at 10:30.",
        "It was the first meeting since the 1999 document was signed.",
        "He came second in the vote.",
        # time offsets and windows: when, not how much
        "Three days later the rebels withdrew from the town.",
        "The mine closed two years ago and never reopened.",
        "Crime has fallen in the past 15 years, the mayor said.",
        "Prices rose steadily over three years.",
        # counts of the actors themselves
        "The two parties signed the coalition deal on Monday.",
        "A family of four was rescued from the flooded house.",
        # names with numbers
        "Leaders of the Group of 20 met in the capital.",
        "She drove in Formula 1 before entering politics.",
        # ordinals and age bands that define a group
        "It was the third time the council had voted on the plan.",
        "Turnout among voters aged 18 to 24 was low.",
        "Most 30-year-olds rent rather than own.",
        "At one stage the minister walked out of the meeting.",
        "She was one of the founders of the party.",
        "Voters aged between 18 and 34 were the least likely to vote.",
        # a name with an age on a line of its own: a byline or signature, not a statement
        "By Anna Clarke, 45",
        "Jane Doe, 45, Leeds",
        # "zero" in a policy's name
        "The policy has zero tolerance for late payment.",
        "Staff on zero-hours contracts will get new rights.",
        "The minister told BBC Radio 4 that the plan would go ahead.",
    ],
)
def test_years_dates_ordinals_and_ages_are_not_claims(extract: Extract, text: str) -> None:
    assert _claims(extract, text) == []


def test_the_source_of_a_claim_comes_from_its_attribution(extract: Extract) -> None:
    text = (
        "According to the Ukrainian Defense Minister Oleksii Resnikov, 130,000 Russian troops are located near Ukraine."
    )
    claims = _claims(extract, text)
    assert [c.value for c in claims] == [130000]
    source = claims[0].source
    assert source is not None and "Oleksii" in source.name and "Resnikov" in source.text
    assert source.code == "UKRMIL"


def test_claim_words_file_format() -> None:
    words = parse_claim_words(
        "# c\nunit\tkm\tkm\nqualifier\tover\tmore than\nduration\tweeks\t\nimpact\tkill\t\npenalty\tjail\tjail term\n"
    )
    assert words.unit(("KM",)) == "km" and words.qualifiers[("over",)] == "more than"
    assert "weeks" in words.durations and "kill" in words.impact_verbs
    assert words.penalties == {"jail": "jail term"}


def test_seed_article_claims(extract: Extract, seed_text: str) -> None:
    record = extract(seed_text, events=False)  # the events stage reads quotes; it is not needed here
    found = {(c.value, c.unit) for c in record.claims}
    assert {(100000, "troops"), (130000, "troops"), (8500, "troops"), (14000, "people"), (75, "km")} <= found
    assert (4, "envoys") in found
    assert (2, "weeks") not in found  # "in the next two weeks": a time window, not a figure
    assert not any(c.value in (1999, 2014) for c in record.claims)
    resnikov = next(c for c in record.claims if c.value == 130000)
    assert resnikov.source is not None and "Oleksii" in resnikov.source.name


def test_a_figure_is_never_the_source_of_a_claim(extract: Extract) -> None:
    text = "In the poll, 14% of renters said they had moved twice in the past year."
    claims = _claims(extract, text)
    assert all(c.source is None or not c.source.text[:1].isdigit() for c in claims)


def test_the_unit_of_a_measure_is_not_its_subject(extract: Extract) -> None:
    claims = _claims(extract, "Bus fares rose 4 percent in May, after falling from 9 percent in April.")
    assert [c.value for c in claims] == [4, 9]
    assert all(c.subject and "percent" not in c.subject for c in claims), [c.subject for c in claims]


def test_an_unresolved_it_claims_for_the_organisation_that_spoke_before(extract: Extract) -> None:
    text = (
        "The World Health Organization said on Monday that measles was spreading in the region. "
        "It said there were 900 new cases in the first week of March."
    )
    claim = next(c for c in _claims(extract, text) if c.value == 900)
    assert claim.source is not None and claim.source.code == "IGOWHO", claim.source


@pytest.mark.parametrize(
    "text",
    [
        "The deadline is 30 days for renters, but only ten days for landlords.",
        "The limit was 40 hours for adults and 20 hours for teenagers.",
    ],
)
def test_a_second_figure_without_its_own_verb_shares_the_first_ones_subject(extract: Extract, text: str) -> None:
    claims = _claims(extract, text)
    assert len(claims) == 2
    assert claims[0].subject == claims[1].subject and claims[0].subject in ("deadline", "limit"), claims


def test_two_shares_joined_by_and_each_keep_their_own_clause(extract: Extract) -> None:
    claims = _claims(extract, "In the survey, 38% opposed the tax and 45% backed the idea of a cap.")
    assert [c.subject for c in claims] == ["those who opposed the tax", "those who backed the idea of a cap"]


@pytest.mark.parametrize(
    ("text", "values", "subject"),
    [
        # "rose by N to M": a change and a level, each a claim of what rose, not a range
        ("Prices rose by 3% to 12% over the year.", [3, 12], "Prices rose"),
        ("Unemployment fell by 20,000 to 1.4 million in the spring.", [20000, 1400000], "Unemployment fell"),
        ("The firm's profits rose 15% to £80m.", [15, 80000000], "profits rose"),
    ],
)
def test_a_change_and_the_level_it_reaches_both_measure_the_verbs_subject(
    extract: Extract, text: str, values: list[float], subject: str
) -> None:
    claims = _claims(extract, text)
    assert [c.value for c in claims] == values
    assert all(c.subject is not None and subject in c.subject for c in claims), [c.subject for c in claims]
    assert not any(c.text.endswith(".") for c in claims)  # "£80m.": the full stop is the sentence's


def test_two_figures_side_by_side_are_two_numbers(extract: Extract) -> None:
    claims = _claims(extract, "A panel of 300 18-year-olds was asked about the plan.")
    assert [(c.value, c.text.split()[0]) for c in claims] == [(300, "300")]


def test_ages_in_a_list_each_belong_to_their_person(extract: Extract) -> None:
    claims = _claims(extract, "The minister, 45, and his deputy, 38, resigned.")
    assert [(c.value, c.unit, c.subject) for c in claims] == [
        (45, "years", "age of minister"),
        (38, "years", "age of deputy"),
    ]


def test_a_figure_without_its_noun_counts_the_noun_of_the_figure_before_it(extract: Extract) -> None:
    claims = _claims(extract, "Some 1,500 police officers were on duty, and 200 were injured.")
    assert [(c.value, c.subject) for c in claims] == [
        (1500, "police officers"),
        (200, "police officers who were injured"),
    ]


def test_a_groups_number_is_not_its_age(extract: Extract) -> None:
    assert [c.unit for c in _claims(extract, "They were 12 in number.")] == [None]


def test_poll_shares_belong_to_the_name_before_on(extract: Extract) -> None:
    claims = _claims(extract, "The poll put Labour on 37%, the Tories on 33% and the Liberal Democrats on 21%.")
    assert [(c.value, c.subject) for c in claims] == [(37, "Labour"), (33, "Tories"), (21, "Liberal Democrats")]


def test_a_span_after_a_figure_scopes_it(extract: Extract) -> None:
    claims = _claims(extract, "The package is worth £1.5bn over three years.")
    assert [(c.value, c.unit, c.subject) for c in claims] == [(1500000000, "GBP", "package")]


def test_a_share_that_is_something_is_the_people_who_are(extract: Extract) -> None:
    claims = _claims(extract, "Nearly 70% of those asked backed the plan, while 20% were against.")
    assert [(c.value, c.subject) for c in claims][1:] == [(20, "those who were against")]


@pytest.mark.parametrize(
    "text",
    [
        # "one" before a singular noun is mostly the article "a", not a count
        "One teacher asked the minister about funding.",
        "The singer knelt on one knee before the crowd.",
        "She toured with her one-woman show last year.",
        "It is a one-party state.",
    ],
)
def test_one_as_an_article_is_not_a_claim(extract: Extract, text: str) -> None:
    assert _claims(extract, text) == []


@pytest.mark.parametrize(
    ("text", "value", "subject_word"),
    [
        ("Only one school was closed by the strike.", 1, "school"),  # hedged
        ("At least one person died.", 1, "died"),
        ("One man was killed in the blast.", 1, "killed"),  # what was hit
        ("The deal will last one year.", 1, "deal"),  # a measure
        ("Labour lost one seat to the Tories.", 1, "seat"),  # an object counted
        ("He won by one vote.", 1, "vote"),  # a margin
        ("He has a one-seat majority.", 1, "majority"),
    ],
)
def test_one_that_counts_is_a_claim(extract: Extract, text: str, value: int, subject_word: str) -> None:
    claims = _claims(extract, text)
    assert [c.value for c in claims] == [value]
    assert subject_word in (claims[0].subject or "")


def test_a_run_of_shares_continues_the_findings_attributed_before_it(extract: Extract) -> None:
    text = (
        "A newspaper poll of 1,000 adults suggests 60% of voters back the plan. "
        "But only 30% think it will work, while 10% are unsure.\n\nCrime fell by 5% last year."
    )
    claims = _claims(extract, text)
    sources = [(c.value, c.source.text if c.source else None) for c in claims]
    # the poll's size is the writer's; the next paragraph is the writer's own again
    assert sources == [
        (1000, None),
        (60, "A newspaper poll"),
        (30, "A newspaper poll"),
        (10, "A newspaper poll"),
        (5, None),
    ]


def test_a_figure_in_another_unit_keeps_the_writers_voice(extract: Extract) -> None:
    claims = _claims(extract, "The minister said 300 jobs would go. The firm employs 1,200 people.")
    assert [(c.value, c.source is not None) for c in claims] == [(300, True), (1200, False)]


@pytest.mark.parametrize(
    ("text", "subject"),
    [
        ("Jane Smith resigned on Monday. The 61-year-old said she was tired.", "age of Jane Smith"),
        ("Anna Reid won the seat. She was 34 when she was elected.", "age of Anna Reid"),
        ("The 61-year-old grandmother said she was tired.", "age of grandmother"),
    ],
)
def test_an_age_without_its_person_belongs_to_the_person_named_before(
    extract: Extract, text: str, subject: str
) -> None:
    assert [c.subject for c in _claims(extract, text)] == [subject]


@pytest.mark.parametrize(
    ("text", "unit"),
    [
        ("Pensioners will get £100 a week from April.", "GBP per week"),
        ("The tax rose by 2p per litre.", "pence per litre"),
        ("Cleaners earn £5.50 an hour.", "GBP per hour"),
        ("Nurses are paid pounds 20 per hour.", "GBP per hour"),  # the model tags "20 per hour" a time
        ("Tickets cost £40 a head.", "GBP per head"),
        ("He spent £5m a year ago.", "GBP"),  # when, not how often
        ("Prices rose 5 per cent in a year.", "percent"),
    ],
)
def test_a_rate_goes_into_the_unit(extract: Extract, text: str, unit: str) -> None:
    claims = _claims(extract, text)
    assert [c.unit for c in claims] == [unit]
    assert not claims[0].text.endswith(("week", "litre", "hour", "head"))  # the rate is left out of the span


@pytest.mark.parametrize(
    ("text", "units"),
    [
        ("MPs voted by 310 to 290 to back the bill.", ["votes", "votes"]),
        ("Delegates voted by 129 to 106 to keep the old rules.", ["votes", "votes"]),
        ("The motion was passed by 120 votes to 98.", ["votes", "votes"]),
        ("Prices rose from 5 to 7.", [None, None]),
    ],
)
def test_a_votes_tally_counts_votes(extract: Extract, text: str, units: list[str | None]) -> None:
    assert [c.unit for c in _claims(extract, text)] == units


@pytest.mark.parametrize(
    ("text", "subject"),
    [
        ("Nearly £5bn was spent on new schools.", "amount that was spent on new schools"),
        ("Pounds 3m was raised by the appeal.", "amount that was raised by the appeal"),
        ("38% opposed the plan.", "those who opposed the plan"),
    ],
)
def test_a_sum_that_is_a_subject_is_what_the_clause_says_of_it(extract: Extract, text: str, subject: str) -> None:
    assert [c.subject for c in _claims(extract, text)] == [subject]


def test_a_share_in_words_and_one_in_figures_are_one_series(extract: Extract) -> None:
    text = "A newspaper poll suggests two-thirds of voters back the plan. But only 30% think it will work."
    claims = _claims(extract, text)
    assert [(c.value, c.source.text if c.source else None) for c in claims] == [
        (0.6667, "A newspaper poll"),
        (30, "A newspaper poll"),
    ]


def test_ages_are_asides_not_a_series_of_findings(extract: Extract) -> None:
    text = "The survey found that most voters back Anna Reid, 44. On Monday Tom Hill, 52, and Jane Cole, 47, met."
    claims = _claims(extract, text)
    assert [(c.value, c.source is None) for c in claims] == [(44, False), (52, True), (47, True)]


@pytest.mark.parametrize(
    ("text", "subject"),
    [
        ("Tom Hill is a rich man. He has given Labour £50,000.", "Tom Hill given"),
        ('"I tried for three years to fix it," said Jane Doe.', "Jane Doe tried"),
        ("He served 20 years in the army.", "He served"),  # nobody to name: the pronoun is kept
    ],
)
def test_a_pronoun_subject_names_its_person(extract: Extract, text: str, subject: str) -> None:
    assert [c.subject for c in _claims(extract, text)] == [subject]


@pytest.mark.parametrize(
    ("text", "value", "subject"),
    [
        ("Some 10% were undecided.", 10, "those who were undecided"),
        ("About 40% are likely to vote Labour.", 40, "those who are likely to vote Labour"),
        ("A third were opposed to the plan.", 0.3333, "those who were opposed to the plan"),  # a bare share that acts
        ("Half said they would vote.", 0.5, "those who said they would vote"),
    ],
)
def test_a_share_that_answers_is_the_people_who_answer(extract: Extract, text: str, value: float, subject: str) -> None:
    assert [(c.value, c.subject) for c in _claims(extract, text)] == [(value, subject)]


@pytest.mark.parametrize(
    "text",
    ["The second half was dull.", "He served a third term.", "In the first half, prices fell.", "37% was the turnout."],
)
def test_a_part_named_or_a_figure_that_is_something_is_no_people(extract: Extract, text: str) -> None:
    assert all(c.subject is None or "who" not in c.subject for c in _claims(extract, text))
    assert all(c.unit != "fraction" for c in _claims(extract, text))


@pytest.mark.parametrize(
    ("text", "subject"),
    [
        ("He won by a margin of 2,000 votes.", "margin"),
        ("Labour won a majority of 66 seats.", "majority of Labour"),
        ("A total of 91 foxes were killed.", "foxes"),  # a total is no margin: it counts what follows
    ],
)
def test_a_count_in_a_margins_of_phrase_measures_the_margin(extract: Extract, text: str, subject: str) -> None:
    assert [c.subject for c in _claims(extract, text)] == [subject]


@pytest.mark.parametrize(
    ("text", "value", "subject"),
    [
        ("Around one in five voters is undecided.", 0.2, "voters"),
        ("Three in 10 adults said they would not vote.", 0.3, "adults"),
    ],
)
def test_a_ratio_is_a_share_of_the_noun_after_it(extract: Extract, text: str, value: float, subject: str) -> None:
    claims = _claims(extract, text)
    assert [(c.value, c.unit, c.subject) for c in claims] == [(value, "fraction", subject)]
    assert not claims[0].text.endswith(subject)  # the counted noun stays out of the span


@pytest.mark.parametrize(
    ("text", "values"),
    [
        ("The age was cut to 18 in 1969.", [18]),  # a figure and a year
        ("Turnout rose from one in 2 million.", [2000000]),  # a scale word: a count, not a share
    ],
)
def test_a_figure_in_a_year_or_a_count_is_no_ratio(extract: Extract, text: str, values: list[float]) -> None:
    assert [c.value for c in _claims(extract, text)] == values


def test_a_share_with_a_name_before_on_is_that_names(extract: Extract) -> None:
    claims = _claims(extract, "The Greens stand at 5%, with the Liberal Democrats on 20%.")
    assert [(c.value, c.subject) for c in claims] == [(5, "Greens"), (20, "Liberal Democrats")]


@pytest.mark.parametrize(
    "text",
    [
        "The figure is the highest for 10 years.",
        "It was the biggest rise in five years.",
        "It is the party's first manifesto in four years.",
    ],
)
def test_the_window_of_a_record_is_not_a_claim(extract: Extract, text: str) -> None:
    assert _claims(extract, text) == []


def test_a_span_that_is_how_long_stays_a_claim(extract: Extract) -> None:
    assert [c.value for c in _claims(extract, "He served as an MP for 20 years.")] == [20]


@pytest.mark.parametrize(
    ("text", "source_word"),
    [
        ("Mr Howard promised 5,000 more police.", "Howard"),
        ("The government has announced 300 new schools.", "government"),
        ("Jane Smith offered £500 to the charity.", None),  # an act the writer reports, not a figure put forward
    ],
)
def test_a_figure_pledged_is_the_pledgers(extract: Extract, text: str, source_word: str | None) -> None:
    claims = _claims(extract, text)
    assert len(claims) == 1
    source = claims[0].source
    if source_word is None:
        assert source is None
    else:
        assert source is not None and source_word in source.name


@pytest.mark.parametrize(
    ("text", "values"),
    [
        ("The inquiry will report in six weeks.", []),  # when, not how long
        ("Voters will go to the polls in three weeks.", []),
        ("The work was finished in six weeks.", [6]),  # how long it took
    ],
)
def test_in_a_span_after_a_future_verb_is_when(extract: Extract, text: str, values: list[int]) -> None:
    assert [c.value for c in _claims(extract, text)] == values
