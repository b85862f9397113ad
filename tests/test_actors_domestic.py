"""Issue 9, actor half: domestic actors coded from their roles and the article's setting, undated
articles, and coreference. Every sentence here is our own."""

from __future__ import annotations

from pathlib import Path

import pytest

from newsevents.types import Actor, ArticleRecord
from tests.conftest import Extract

US_LOCAL = "SPRINGFIELD, Ohio — {sentence}"
UK_STORY = "Voters in Leeds, Manchester and London went to the polls in Britain. {sentence}"


@pytest.fixture(autouse=True)
def private_cache(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("NEWSEVENTS_CACHE_DIR", str(tmp_path_factory.mktemp("cache")))


def mention(record: ArticleRecord, text: str) -> Actor:
    found = [a for a in record.actors if a.text == text]
    assert found, f"no actor mention {text!r}; got {[a.text for a in record.actors]}"
    return found[0]


# frame, sentence, mention text, expected code
ROLE_TABLE = [
    (US_LOCAL, "Senator Jane Doe criticised the plan.", "Senator Jane Doe", "USALEG"),
    (US_LOCAL, "Representative Ann Fisk voted no.", "Representative Ann Fisk", "USALEG"),
    (US_LOCAL, "The governor signed the bill.", "governor", "USAGOV"),
    (US_LOCAL, "The city council approved the budget.", "city council", "USAGOV"),
    (US_LOCAL, "Police arrested two men.", "Police", "USACOP"),
    (US_LOCAL, "The sheriff denied the claim.", "sheriff", "USACOP"),
    (US_LOCAL, "A judge dismissed the lawsuit.", "judge", "USAJUD"),
    (US_LOCAL, "Her lawyer appealed the ruling.", "lawyer", "USAJUD"),
    (US_LOCAL, "Prosecutors charged the driver.", "Prosecutors", "USAJUD"),
    (US_LOCAL, "The campaign attacked the mayor.", "campaign", "USAPTY"),
    (US_LOCAL, "The candidate thanked her supporters.", "candidate", "USAPTY"),
    (US_LOCAL, "The newspaper published the letters.", "newspaper", "USAMED"),
    (US_LOCAL, "The company sued the county.", "company", "USABUS"),
    (US_LOCAL, "The university expelled the students.", "university", "USAEDU"),
    (US_LOCAL, "The foundation donated the land.", "foundation", "USANGO"),
    (US_LOCAL, "The defendant pleaded not guilty.", "defendant", "USACRM"),
    (US_LOCAL, "A woman accused the coach of assault.", "woman", "USACVL"),
    (US_LOCAL, "Republicans blocked the measure.", "Republicans", "USAPTY"),
    (US_LOCAL, "An army officer testified.", "army officer", "USAMIL"),
    (UK_STORY, "Labour accused the Tories of lying.", "Labour", "GBROPP"),  # in opposition on 2022-01-28
    (UK_STORY, "Labour accused the Tories of lying.", "Tories", "GBRPTY"),
    (UK_STORY, "The Tory leader Pat Finch attacked the plan.", "Tory leader Pat Finch", "GBRPTY"),
    (UK_STORY, "Mr Finch attacked the council.", "council", "GBRGOV"),
    (UK_STORY, "The Finch Foundation gave money to charities.", "Finch Foundation", "GBRNGO"),
    ("Russian police detained the reporters.", "", "Russian police", "RUSCOP"),  # the phrase's own country wins
    (UK_STORY, "Former Home Secretary Jo Ash spoke.", "Former Home Secretary Jo Ash", "GBRELI"),  # out of office
    (UK_STORY, "Shadow Home Secretary Kit Bell spoke.", "Shadow Home Secretary Kit Bell", "GBROPP"),
    (UK_STORY, "Auditor General Sir Ian Dove spoke.", "Auditor General Sir Ian Dove", "GBRGOV"),  # not a general
    (UK_STORY, "Green MSP Al Rees spoke.", "Green MSP Al Rees", "GBRLEG"),
    (UK_STORY, "Mr Quenby disagreed.", "Mr Quenby", "GBR"),  # an unknown person: the setting's country
    (US_LOCAL, "Sheriff Dan Roe spoke.", "Sheriff Dan Roe", "USACOP"),
]


@pytest.mark.parametrize(("frame", "sentence", "text", "code"), ROLE_TABLE)
def test_roles_and_setting_give_codes(extract: Extract, frame: str, sentence: str, text: str, code: str) -> None:
    record = extract(frame.format(sentence=sentence))
    assert mention(record, text).code == code


# text → a mention that must stay without a country: no one country dominates
NO_SETTING = [
    ("SPRINGFIELD, Ohio — Gunmen fired on the convoy.", "Gunmen"),  # armed groups keep CAMEO's open country
    ("Russia and Ukraine met in Geneva. Police closed the roads.", "Police"),
    ("Police closed the roads.", "Police"),
]


@pytest.mark.parametrize(("text", "who"), NO_SETTING)
def test_no_setting_when_no_country_dominates(extract: Extract, text: str, who: str) -> None:
    assert mention(extract(text), who).country is None


def test_dateline_is_not_an_actor(extract: Extract) -> None:
    record = extract(US_LOCAL.format(sentence="Police arrested two men."))
    assert not [a for a in record.actors if a.text.isupper()]


UNDATED_PEOPLE = """\
PAT_OSWIN_
+OSWIN_
\t[RURGOV 19970101-20071231]
\t[RURELI 20080101-20121231]
KIT_MARLOWE_
\t[RURGOV 19970101-20071231]
\t[RURELI]
"""


# text, published, mention, expected code
UNDATED_TABLE = [
    ("Prime Minister Pat Oswin spoke.", None, "Prime Minister Pat Oswin", "RURGOV"),  # the title's sector
    ("Pat Oswin spoke.", None, "Pat Oswin", "RUR"),  # no date, no title: the country only
    ("Kit Marlowe spoke.", None, "Kit Marlowe", "RURELI"),  # an undated entry's own sector
    ("Pat Oswin spoke.", "2005-06-01", "Pat Oswin", "RURGOV"),
    ("Pat Oswin spoke.", "2010-06-01", "Pat Oswin", "RURELI"),
]


@pytest.mark.parametrize(("text", "published", "who", "code"), UNDATED_TABLE)
def test_undated_articles_guess_no_dated_role(
    extract: Extract, tmp_path: Path, text: str, published: str | None, who: str, code: str
) -> None:
    people = tmp_path / "people.actors"
    people.write_text(UNDATED_PEOPLE)
    record = extract(text, published=published, actor_dictionaries=[str(people)])
    assert mention(record, who).code == code


# text, pronoun (first occurrence of that text after the marker), expected antecedent mention text
COREF_TABLE = [
    # nearest compatible person: the man of the previous sentence, not a man further back
    ("Mr Hale opened the meeting. Mrs Ward sued Mr Cole. She said he lied.", "he", "Mr Cole"),
    # gender from the honorific: "she" skips the nearer man
    ("Mrs Ward met Mr Cole on Monday. She left early.", "She", "Mrs Ward"),
    # an organisation named after a person is not that person
    ("Mr Hale founded the Hale Foundation. The Hale Foundation gave him an award.", "him", "Mr Hale"),
    # a subject in the pronoun's own sentence
    ("Mr Hale met Mr Cole. Later Mr Cole said he was tired.", "he", "Mr Cole"),
]


@pytest.mark.parametrize(("text", "pronoun", "antecedent"), COREF_TABLE)
def test_pronoun_antecedents(extract: Extract, text: str, pronoun: str, antecedent: str) -> None:
    record = extract(text)
    found = [a for a in record.actors if a.text == pronoun]
    assert found, [a.text for a in record.actors]
    expected = [a for a in record.actors if a.text == antecedent]
    assert found[0].entity in {a.entity for a in expected}


def test_foundation_is_not_its_namesake(extract: Extract) -> None:
    record = extract("Mr Hale founded the Hale Foundation. The Hale Foundation praised Mr Hale.")
    person = mention(record, "Mr Hale")
    foundation = mention(record, "Hale Foundation")
    assert person.entity != foundation.entity and foundation.kind == "organisation"


def test_town_is_not_a_person(extract: Extract) -> None:
    record = extract("Leeds voted against the plan on Tuesday. Mr Hale said he was disappointed.")
    assert not [a for a in record.actors if a.text == "Leeds" and a.kind == "person"]


def test_acronym_is_not_a_person(extract: Extract) -> None:
    record = extract("Mr Hale said QRX would appeal. QRX denied it.")
    assert not [a for a in record.actors if a.text == "QRX" and a.kind == "person"]
