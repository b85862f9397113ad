"""Issue 9, actor half (sixth round, judged on fresh BBC politics articles): people who speak for a
non-state body named after them, an institution's word ending another body's name, and a person's
surname that is also a town. Every sentence here is our own."""

from __future__ import annotations

import pytest

from tests.conftest import Extract
from tests.test_actors_domestic import mention, private_cache  # noqa: F401  (autouse fixture: private cache here too)

UK = "Voters in Leeds, Manchester and London went to the polls in Britain. {sentence}"
PUBLISHED = "2005-03-01"

# sentence, mention text, expected code
AFFILIATION_TABLE = [
    # a staff title "of" a union, a named alliance or a charity takes the body's sector, not GOV
    ("Jo Marsh, general secretary of the Public Workers Union, said staff were angry.", "Jo Marsh", "GBRLAB"),
    ("Jo Marsh, general secretary of the Public Workers Union, said staff were angry.", "general secretary", "GBRLAB"),
    ("Ed Lyle, regional director of the Rural Alliance, said the ban was wrong.", "Ed Lyle", "GBRNGO"),
    # ... and so does a name with no title "from" such a body
    ("Ann Cole, from the Transport Workers union, backed the strike.", "Ann Cole", "GBRLAB"),
    # a state office stays the state's
    ("Ann Cole, director of the Cabinet Office, defended the plan.", "Ann Cole", "GBRGOV"),
    # a name "for" or "from" a party speaks for it (in opposition on the date: OPP); a vote for it does not
    ("Tom Pike, for the Liberal Democrats, called on ministers to act. Mr Pike was angry.", "Mr Pike", "GBROPP"),
    ("Ann Cole, from Labour, agreed with the plan.", "Ann Cole", "GBRPTY"),
    ("Bob Dale voted for Labour in the election.", "Bob Dale", "GBR"),
    # a committee's chairman sits in the legislature; a council's committee stays the council's
    ("Health committee chairman Ann Fry said the plan was wrong.", "Health committee chairman Ann Fry", "GBRLEG"),
    (
        "The city council's planning committee chairman Jo Hill voted no.",
        "city council's planning committee chairman Jo Hill",
        "GBRGOV",
    ),
    # an institution's word ending another body's name is that body
    ("The Trades Union Congress attacked the plan.", "Trades Union Congress", "GBRLAB"),
]


@pytest.mark.parametrize(("sentence", "text", "code"), AFFILIATION_TABLE)
def test_people_speak_for_the_body_they_work_for(extract: Extract, sentence: str, text: str, code: str) -> None:
    record = extract(UK.format(sentence=sentence), published=PUBLISHED)
    assert mention(record, text).code == code


def test_the_us_congress_is_still_the_us_legislature(extract: Extract) -> None:
    record = extract("The US Congress voted on the bill. Congress then went home.", published=PUBLISHED)
    assert mention(record, "US Congress").code == "USALEG"


def test_a_surname_that_is_a_town_gives_the_person_no_country(extract: Extract) -> None:
    # "Hague" is a Dutch city as well as a British surname; the story's setting is Britain
    text = (
        "Former Conservative leader William Hague said he would not stand again. "
        "Mr Hague told the BBC he was happy. Tony Blair said he was sorry to hear it."
    )
    record = extract(text, published=PUBLISHED)
    assert mention(record, "Mr Hague").code == "GBRELI"


def test_a_known_national_figure_sets_an_otherwise_silent_story(extract: Extract) -> None:
    # no place, no dateline: in an article the one national figure named says where "ministers" are
    text = (
        "Ministers plan to review pensions. Unions say staff will lose out. They want talks. "
        "The review will take a year. Tony Blair's spokesman declined to say more."
    )
    record = extract(text, published=PUBLISHED)
    assert mention(record, "Ministers").code == "GBRGOV"


def test_a_known_figure_alone_in_one_sentence_sets_nothing(extract: Extract) -> None:
    record = extract("Tony Blair's spokesman said ministers would act.", published=PUBLISHED)
    assert mention(record, "ministers").code == "GOV"


# text, mention text, expected code: a person named by role first and by name in the next sentence
ROLE_THEN_NAME_TABLE = [
    (
        "Voters in Leeds went to the polls in Britain. Taxes must rise to pay for schools, the education "
        "secretary has said. Ann Fry said the cost was high. Ms Fry told a meeting that it mattered.",
        "Ms Fry",
        "GBRGOV",
    ),
    # the role's holder is named beside it: the next sentence's name is someone else
    (
        "Voters in Leeds went to the polls in Britain. The minister, Bob Dale, spoke. Ann Fry said the cost was high.",
        "Ann Fry",
        "GBR",
    ),
    # a person already named in that sentence may be the role's holder: nothing is guessed
    (
        "Voters in Leeds went to the polls in Britain. The minister spoke to Bob Dale. Ann Fry said the cost was high.",
        "Ann Fry",
        "GBR",
    ),
]


@pytest.mark.parametrize(("text", "name", "code"), ROLE_THEN_NAME_TABLE)
def test_a_person_named_after_their_role(extract: Extract, text: str, name: str, code: str) -> None:
    assert mention(extract(text, published=PUBLISHED), name).code == code


def test_an_article_with_a_single_country_clue_is_set_there(extract: Extract) -> None:
    text = (
        "Former Conservative leader William Hague said he would not stand again. He told the BBC he was happy. "
        "He wants to write books. He may return to the front bench. Police said they had no comment."
    )
    assert mention(extract(text, published=PUBLISHED), "Police").code == "GBRCOP"
