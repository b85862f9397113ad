"""Issue 9, actor half (fifth round, judged on fresh BBC politics articles): titles the tokenizer
splits ("co-chairman"), a party written before a person's name and shared along a list of names,
peers, and pronouns and definite descriptions resolved to the right antecedent. Every sentence here
is our own."""

from __future__ import annotations

import pytest

from newsevents.types import Actor, ArticleRecord
from tests.conftest import Extract
from tests.test_actors_domestic import mention, private_cache  # noqa: F401  (autouse fixture: private cache here too)

UK = "Voters in Leeds, Manchester and London went to the polls in Britain. {sentence}"
PUBLISHED = "2005-03-01"  # Labour in government, the Conservatives and Liberal Democrats in opposition

# sentence, mention text, expected code
TITLE_AND_PARTY_TABLE = [
    # a title whose prefix the tokenizer splits off keeps the prefix and the party before it
    ("Tory co-chairman Jane Hill attacked the plan.", "Tory co-chairman Jane Hill", "GBROPP"),
    ("The Tory co-chairman said the plan was wrong.", "Tory co-chairman", "GBROPP"),
    ("Labour vice-chairman Tom Bury defended the plan.", "Labour vice-chairman Tom Bury", "GBRPTY"),
    # a party written before a person's name makes them a member of it
    ("Liberal Democrat Tom Pike said the tax was unfair.", "Liberal Democrat Tom Pike", "GBROPP"),
    ("The panel includes Tories Ann Cole and Bob Dale.", "Tories Ann Cole", "GBROPP"),
    # ... and a bare name joined to a member's name shares the party
    ("The panel includes Tories Ann Cole and Bob Dale.", "Bob Dale", "GBROPP"),
    ("The panel includes Labour's Sam Fry and Ian Lowe.", "Ian Lowe", "GBRPTY"),
    # two names side by side are a list, not one person in apposition
    ("The panel includes Tories Ann Cole and Sir Bob Dale, Labour's Sam Fry and Ian Lowe.", "Sam Fry", "GBRPTY"),
    # a peer is a legislator when nothing else is said of them ...
    ("Baroness Hale said the chamber needed a speaker of its own.", "Baroness Hale", "GBRLEG"),
    ("Lord Pym told reporters that he backed the bill.", "Lord Pym", "GBRLEG"),
    # ... an office said of them wins, and "who was the first woman to ..." is no title
    ("Lord Pym, the Lord Chancellor, rejected the plan.", "Lord Pym", "GBRGOV"),
    ("Baroness Hale, who was the first woman to chair the committee, spoke.", "Baroness Hale", "GBRLEG"),
    # an acronym defined in brackets after an organisation's name carries its sector
    (
        "The Public Services Union (PSU) will ballot staff. PSU leader Ann Marr warned of strikes.",
        "PSU leader Ann Marr",
        "GBRLAB",
    ),
    ("The Public Services Union (PSU) will ballot staff. The PSU said talks had failed.", "PSU", "GBRLAB"),
    # a name's telling word is read through a possessive ("the Workers' Union's members")
    ("The Transport and General Workers' Union's members voted.", "Transport and General Workers' Union's", "GBRLAB"),
    # "the government" is not one of the "local government workers" named before it
    ("Unions speak for local government workers. They want the government to act.", "government", "GBRGOV"),
    # a nationality inside a geographic name is no actor's country
    ("Victims of the Indian Ocean wave were named.", "Victims", "GBRCVL"),
]


@pytest.mark.parametrize(("sentence", "text", "code"), TITLE_AND_PARTY_TABLE)
def test_titles_parties_and_peers(extract: Extract, sentence: str, text: str, code: str) -> None:
    record = extract(UK.format(sentence=sentence), published=PUBLISHED)
    assert mention(record, text).code == code


def test_a_surname_alone_after_another_given_name_is_that_other_person(extract: Extract) -> None:
    # Charles Clarke was Home Secretary in 2005; "Ken Clarke" and then "Mr Clarke" are someone else
    text = UK.format(sentence="The panel includes Tories Ken Clarke and Ann Cole. Mr Clarke said it would work.")
    record = extract(text, published=PUBLISHED)
    assert mention(record, "Mr Clarke").entity == mention(record, "Tories Ken Clarke").entity
    assert mention(record, "Mr Clarke").code == "GBROPP"


def nth(record: ArticleRecord, text: str, n: int) -> Actor:
    found = [a for a in record.actors if a.text == text]
    assert len(found) > n, f"fewer than {n + 1} mentions {text!r}; got {[a.text for a in record.actors]}"
    return found[n]


# sentence, pronoun, which occurrence of it, the mention it refers to
PRONOUN_TABLE = [
    # a "he" inside a quote is not the quote's speaker
    (
        'Shadow home secretary Tim Cole said: "Mr Blair has failed. He must be judged on his record."',
        "He",
        0,
        "Mr Blair",
    ),
    # a "they" that is a subject continues the main clause's subject, not a plural noun nearer to it
    (
        "The Liberal Democrats say the tax is unfair and say there is scope for councils to save money. "
        "They say they would cut bills.",
        "They",
        0,
        "Liberal Democrats",
    ),
    (
        "The government delayed plans to fine the landlords because they said the courts would object.",
        "they",
        0,
        "government",
    ),
    # "the group" speaks for the members it was introduced with
    ("A group of MPs has published a plan. The cross-party group says it can win.", "cross-party group", 0, "MPs"),
    # "the party" is the party named last, not a mention of all the parties
    (
        "All the parties want change. The Liberal Democrats want a local income tax. The party says it is fair.",
        "party",
        0,
        "Liberal Democrats",
    ),
]


@pytest.mark.parametrize(("sentence", "pronoun", "n", "antecedent"), PRONOUN_TABLE)
def test_pronouns_and_descriptions_find_their_antecedent(
    extract: Extract, sentence: str, pronoun: str, n: int, antecedent: str
) -> None:
    record = extract(UK.format(sentence=sentence), published=PUBLISHED)
    found, expected = nth(record, pronoun, n), mention(record, antecedent)
    assert (found.entity, found.code) == (expected.entity, expected.code)


US = "SPRINGFIELD, Ohio — {sentence}"

# sentence, mention text, expected code (None: no such mention)
CIVIC_AND_BUSINESS_TABLE = [
    # a city or state that acts is its government
    ("The city of Dayton sued the state over the water bills.", "city of Dayton", "USAGOV"),
    ("The city of Dayton sued the state over the water bills.", "state", "USAGOV"),
    ("Parents filed a lawsuit against the state on Tuesday.", "state", "USAGOV"),
    # ... not a place, a modifier or "the state of" something
    ("The state of the roads angered drivers in the city.", "state", None),
    ("The state pension will rise next year.", "state", None),
    # an unknown organisation that owns customers or shareholders is a business
    ("Harlow Motors apologized to its customers after the recall.", "Harlow Motors", "USABUS"),
]


@pytest.mark.parametrize(("sentence", "text", "code"), CIVIC_AND_BUSINESS_TABLE)
def test_civic_bodies_and_businesses(extract: Extract, sentence: str, text: str, code: str | None) -> None:
    record = extract(US.format(sentence=sentence), published="2016-10-12")
    found = [a for a in record.actors if a.text == text]
    if code is None:
        assert not found, f"{text!r} is not an actor here"
    else:
        assert found and found[0].code == code, [(a.text, a.code) for a in record.actors]


def test_an_inquiry_that_does_not_speak_takes_no_author_from_the_next_sentence(extract: Extract) -> None:
    text = UK.format(sentence="An independent inquiry is due to report back in May. The Tories have promised a cut.")
    record = extract(text, published=PUBLISHED)
    assert not [a for a in record.actors if a.text.endswith("inquiry") and a.code == "GBROPP"]


def test_a_party_the_ner_calls_a_person_stays_a_party(extract: Extract) -> None:
    text = UK.format(sentence="The Tories say the Lib Dems would mean higher taxes.")
    record = extract(text, published=PUBLISHED)
    assert mention(record, "Lib Dems").kind != "person"
    assert mention(record, "Lib Dems").code == "GBROPP"


def test_a_group_of_no_known_actor_speaks_for_no_one(extract: Extract) -> None:
    text = UK.format(sentence="A group of MPs met. The group of friends left early. The group said nothing.")
    record = extract(text, published=PUBLISHED)
    groups = [a for a in record.actors if a.text.endswith("group")]
    assert len(groups) == 1 and groups[0].code == "GBRLEG"  # "A group of MPs" only
