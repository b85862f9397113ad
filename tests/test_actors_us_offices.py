"""Issue 9, US domestic actors (usnews8): congressional floor leaders, party labels after names,
campaign staff, staff of private bodies, commentators and experts, and the 2016 field. Every
sentence here is our own."""

from __future__ import annotations

import pytest

from tests.conftest import Extract
from tests.test_actors_domestic import mention, private_cache  # noqa: F401  (autouse fixture: private cache here too)

US_POLITICS = "WASHINGTON — {sentence}"

# sentence, mention text, expected code (published 2016-05-01)
OFFICE_TABLE = [
    # a chamber's floor leaders and whips lead a legislature, not a government
    ("Senate Majority Leader Tom Hale said the bill would pass.", "Senate Majority Leader Tom Hale", "USALEG"),
    ("House Minority Whip Rosa Ruiz blamed the delay on the White House.", "House Minority Whip Rosa Ruiz", "USALEG"),
    # party initial and state after a name: a member of a legislature; a title still wins
    ("Dana Pruitt (D-Ore.) voted against the measure.", "Dana Pruitt", "USALEG"),
    ('"We will not fold," said Ned Carver, R-Kan., after the vote.', "Ned Carver", "USALEG"),
    ("Florida Gov. Lena Marsh (R) vetoed the measure.", "Florida Gov. Lena Marsh", "USAGOV"),
    # a party's noun before a name or after a state: a party member
    ("Ohio Republican Walt Dunmore urged colleagues to back the bill.", "Ohio Republican Walt Dunmore", "USAPTY"),
    ("Democrat Ann Ruiz conceded the race on Tuesday.", "Democrat Ann Ruiz", "USAPTY"),
    # staff of a candidate work for a campaign; staff of an office holder for the government
    ("A spokeswoman for the candidate said he would not attend.", "spokeswoman", "USAPTY"),
    ("A spokesman for the governor said the plan was dead.", "spokesman", "USAGOV"),
    ("Trump's spokeswoman said the rally would go ahead.", "spokeswoman", "USAPTY"),
    # staff titles of private bodies: the body's sector, or none when nothing places the body
    ("Ann Miller, president of the American Academy of Nurses, said the cuts hurt.", "Ann Miller", "USANGO"),
    ("Joseph Carr, adviser to the Northern Beekeepers Association, said farmers lose.", "Joseph Carr", "USANGO"),
    ("Hines Family Ministries hosted the candidate in June.", "Hines Family Ministries", "USAREL"),
    # candidates, commentators, health professionals, scholars
    ("GOP presidential contender Paul Dunn responded.", "GOP presidential contender Paul Dunn", "USAPTY"),
    ("Mark Ellis, a conservative radio host, criticized the plan.", "Mark Ellis", "USAMED"),
    ("Health experts warned of an outbreak this summer.", "Health experts", "USAHLH"),
    ("Election scholars caution that turnout means little.", "Election scholars", "USAEDU"),
    ("The pediatrician Rita Gomez testified before the panel.", "pediatrician Rita Gomez", "USAHLH"),
    # an unspecified group of the story's country: the country code alone (CODING)
    ("Critics said the plan was unfair to renters.", "Critics", "USA"),
    # private people named by their tie to someone
    ("A neighbor told police she heard shouting.", "neighbor", "USACVL"),
]


@pytest.mark.parametrize(("sentence", "text", "code"), OFFICE_TABLE)
def test_us_domestic_roles_get_their_sector(extract: Extract, sentence: str, text: str, code: str) -> None:
    record = extract(US_POLITICS.format(sentence=sentence), published="2016-05-01")
    assert mention(record, text).code == code


def test_a_president_of_a_body_nothing_places_is_no_government_official(extract: Extract) -> None:
    sentence = "Jane Roe, vice president of public policy at Grayline Partners, said the rule was costly."
    record = extract(US_POLITICS.format(sentence=sentence), published="2016-05-01")
    assert mention(record, "Jane Roe").code == "USA"


# name, publication date, code in force (people.tsv's dated 2016 entries)
DATED_TABLE = [
    ("Ben Carson", "2015-11-08", "USAELI"),  # a candidate out of office
    ("Ben Carson", "2018-06-01", "USAGOV"),  # a cabinet secretary
    ("Mitch McConnell", "2016-05-01", "USALEG"),
    ("Paul Ryan", "2016-05-01", "USALEG"),
    ("Mike Huckabee", "2016-01-10", "USAELI"),  # a former governor
    ("Chris Christie", "2016-01-10", "USAGOV"),  # a sitting governor
]


@pytest.mark.parametrize(("name", "published", "code"), DATED_TABLE)
def test_the_2016_field_is_coded_by_date(extract: Extract, name: str, published: str, code: str) -> None:
    record = extract(US_POLITICS.format(sentence=f"{name} spoke to supporters in Iowa on Monday."), published=published)
    assert mention(record, name).code == code


def test_a_party_label_after_a_name_leaves_the_name_as_the_source(extract: Extract) -> None:
    sentence = '"We will vote no," said Senator Ann Cole, Republican of Ohio, on Tuesday.'
    record = extract(US_POLITICS.format(sentence=sentence), published="2016-05-01")
    statements = [e for e in record.events if e.trigger.text == "said"]
    assert statements and statements[0].source is not None
    assert (statements[0].source.text, statements[0].source.code) == ("Senator Ann Cole", "USALEG")


def test_a_name_with_an_apposition_keeps_it_not_the_role_of_the_sentence_before(extract: Extract) -> None:
    text = (
        "DAYTON, Ohio — The mayor visited the Riverside Food Pantry in May. "
        "The group's executive director, Ann Cole, said the visit went well."
    )
    record = extract(text, published="2016-05-01")
    assert mention(record, "Ann Cole").code == "USANGO"


def test_a_surname_the_ner_takes_for_an_organisation_is_the_person(extract: Extract) -> None:
    text = US_POLITICS.format(
        sentence='Gov. Rick Scott signed the order on Monday. "It is time to act," Scott said in a statement.'
    )
    record = extract(text, published="2016-05-01")
    surname = [a for a in record.actors if a.text == "Scott"]
    assert surname and surname[0].code == "USAGOV"


# a share of those polled is a poll result (CODING: not coded); a share of named people still speaks
POLL_SHARE_TABLE = [
    ("About four in 10 said they were angry with the government.", False),
    ("Almost half said they wanted an outsider as the nominee.", False),
    ("Most said they were very worried about the economy.", False),
    ("Half of the senators said they would vote against the bill.", True),
]


@pytest.mark.parametrize(("sentence", "coded"), POLL_SHARE_TABLE)
def test_a_poll_share_makes_no_statement(extract: Extract, sentence: str, coded: bool) -> None:
    record = extract(US_POLITICS.format(sentence=sentence), published="2016-02-02")
    assert any(e.trigger.text == "said" for e in record.events) == coded
