"""Issue 9, actor half (judged on fresh BBC politics articles, round three): a person who shares a
surname with someone named earlier is another person when their given names differ; a committee
speaks for its chamber or the members it was introduced with; a role with a possessor ("the city's
police chief") in one sentence is held by the person first named in full in the next. Every
sentence here is our own."""

from __future__ import annotations

import pytest

from tests.conftest import Extract
from tests.test_actors_domestic import mention, private_cache  # noqa: F401  (autouse fixture: private cache here too)
from tests.test_actors_titles_coref import PUBLISHED, UK

# text, first mention, later mention, same person?
NAMESAKE_TABLE = [
    # a knight named in full, then the prime minister of the day named in full: two people
    ("Sir Ian Blair said the risk was real. Tony Blair promised money.", "Sir Ian Blair", "Tony Blair", False),
    ("Ann Cole said the tax was wrong. Later Andrew Cole said it was fair.", "Ann Cole", "Andrew Cole", False),
    # a surname alone, with or without an honorific, stays with the first person of that surname
    ("Ann Cole said the tax was wrong. Mrs Cole told reporters it would fall.", "Ann Cole", "Mrs Cole", True),
    ("Sir Ian Blair said the risk was real. Later Sir Ian told reporters more.", "Sir Ian Blair", "Sir Ian", True),
    # the same given name written again is the same person
    ("Ann Cole said the tax was wrong. Ann Cole later told reporters more.", "Ann Cole", "Ann Cole", True),
]


@pytest.mark.parametrize(("sentence", "first", "later", "same"), NAMESAKE_TABLE)
def test_namesakes_with_other_given_names_are_other_people(
    extract: Extract, sentence: str, first: str, later: str, same: bool
) -> None:
    record = extract(UK.format(sentence=sentence), published=PUBLISHED)
    first_mention = mention(record, first)
    later_mention = [a for a in record.actors if a.text == later][-1]
    assert (first_mention.entity == later_mention.entity) is same


def test_a_knight_keeps_his_own_sector_when_a_namesake_minister_follows(extract: Extract) -> None:
    sentence = "Sir Ian Blair said the risk was real. He spoke to reporters. Tony Blair promised money."
    record = extract(UK.format(sentence=sentence), published=PUBLISHED)
    assert mention(record, "Sir Ian Blair").code == "GBR"
    assert mention(record, "He").name == "Ian Blair"
    assert mention(record, "Tony Blair").code == "GBRGOV"


# text, mention text (the n-th of that text), expected code
COMMITTEE_TABLE = [
    # a committee introduced by its members, and later "the committee", speak for those members
    ("A committee of MPs said money was wasted. The committee added that it was bad.", "committee", 0, "GBRLEG"),
    ("A committee of MPs said money was wasted. The committee added that it was bad.", "committee", 1, "GBRLEG"),
    # a committee named after its chamber is that chamber's
    ("The Commons health committee said money was wasted.", "Commons health committee", 0, "GBRLEG"),
    # a committee of no known actor stays no actor
    ("The party's national committee met. The committee said it backed the plan.", "committee", 0, None),
]


@pytest.mark.parametrize(("sentence", "text", "nth", "code"), COMMITTEE_TABLE)
def test_committees_speak_for_their_chamber(
    extract: Extract, sentence: str, text: str, nth: int, code: str | None
) -> None:
    record = extract(UK.format(sentence=sentence), published=PUBLISHED)
    found = [a for a in record.actors if a.text == text]
    assert (found[nth].code if len(found) > nth else None) == code


# text, person named in the second sentence, expected code
ROLE_BEFORE_NAME_TABLE = [
    # a role with a possessor is as definite as "the": the name in the next sentence holds it
    ("Scotland's health minister has warned smokers. Jane Moor said the ban would start soon.", "Jane Moor", "GBRGOV"),
    (
        "The city's most senior police officer has spoken. Sir Ian Blair said the risk was real.",
        "Sir Ian Blair",
        "GBRCOP",
    ),
    # a pronoun in the sentence before is nobody named there
    ("The party will not lift the ban on him, its chairman has said. Dr Tom Pike said so.", "Dr Tom Pike", "GBRGOV"),
    # a bare surname before (a headline's) has not yet named the person
    ("Moor spoke. The health minister has warned smokers. Jane Moor said the ban would start.", "Jane Moor", "GBRGOV"),
    # an indefinite role is not the person named next, nor is a role beside another named person
    ("A health minister has warned smokers. Jane Moor said the ban would start soon.", "Jane Moor", "GBR"),
    ("Scotland's health minister met Tom Pike. Jane Moor said the ban would start soon.", "Jane Moor", "GBR"),
]


@pytest.mark.parametrize(("sentence", "text", "code"), ROLE_BEFORE_NAME_TABLE)
def test_a_person_named_after_a_role_holds_it(extract: Extract, sentence: str, text: str, code: str) -> None:
    record = extract(UK.format(sentence=sentence), published=PUBLISHED)
    assert mention(record, text).code == code
