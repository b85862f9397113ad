"""Issue 9, actor codes (judged on fresh BBC politics articles, codes7): a party adjective before a
title ("Conservative co-chairman") is the party, on the side it is on at the publication date; a
title that holds "general" is no military rank; "Labour's Mr X" keeps the office the article gives
X elsewhere; a peer's title is no given name; British bodies outside the state speak for their
sector; a body's staff title the parser splits off the body is still that body's; a book speaks for
its author. Every sentence here is our own."""

from __future__ import annotations

import pytest

from tests.conftest import Extract
from tests.test_actors_domestic import mention, private_cache  # noqa: F401  (autouse fixture: private cache here too)
from tests.test_actors_titles_coref import PUBLISHED, UK

# sentence, mention text, expected code (published 2005: Labour governs, the Conservatives do not)
CODE_TABLE = [
    # a party adjective before a title or a name is the party: in opposition on the date
    ("Conservative co-chairman Jane Hill attacked the plan.", "Conservative co-chairman Jane Hill", "GBROPP"),
    ("Yesterday Conservative leader Ann Cole said the plan had failed.", "Conservative leader Ann Cole", "GBROPP"),
    ("A Conservative spokesman said the plan was wrong.", "Conservative spokesman", "GBROPP"),
    ("The Conservative spokesman, Tom Reed, said the plan was wrong.", "Tom Reed", "GBROPP"),
    (
        "Conservative shadow health secretary Ann Cole said waits were long.",
        "Conservative shadow health secretary Ann Cole",
        "GBROPP",
    ),
    # ... also before what a party puts forward, and as the second of two parties
    ("Voters doubted Labour and Conservative promises on tax.", "Conservative", "GBROPP"),
    # a government of a party that does not govern on the date is that party; the governing one's is GOV
    (
        "Pupils would get free lessons under a future Tory government, the party said.",
        "future Tory government",
        "GBROPP",
    ),
    ("The Labour government said taxes would rise.", "Labour government", "GBRGOV"),
    # "general" inside a longer title is no rank; alone before a name it still is
    ("General secretary Ann Moss said the strike would go ahead.", "General secretary Ann Moss", "GBRLAB"),
    ("The union's general secretary, Ann Moss, said the strike would go ahead.", "Ann Moss", "GBRLAB"),
    ("The director-general of the Confederation of British Industry, Ann Moss, said it was bad.", "Ann Moss", "GBRBUS"),
    ("General Tom Reed said the troops were ready.", "General Tom Reed", "GBRMIL"),
    # "Labour's Mr X" where the article names X's office: the office; with no office named, the party
    ("City mayor Tom Reed denied it. Labour's Mr Reed said he would go on.", "Mr Reed", "GBRGOV"),
    ("Labour's Tom Reed said the plan was wrong.", "Tom Reed", "GBRPTY"),
    # British unions, business lobbies, think tanks and regulators the dictionary knows
    ("The TUC said workers needed more protection.", "TUC", "GBRLAB"),
    ("The CBI warned that the tax would hurt firms.", "CBI", "GBRBUS"),
    ("The Institute for Fiscal Studies said the sums did not add up.", "Institute for Fiscal Studies", "GBRNGO"),
    ("The Health and Safety Executive said it was acting.", "Health and Safety Executive", "GBRGOV"),
    # ... and bodies it does not know, by the word their name ends in
    ("The Smith Inquiry said the rules were weak.", "Smith Inquiry", "GBRGOV"),
    ("Tom Reed, director of the Policy Studies Institute, said the tax was wrong.", "Tom Reed", "GBRNGO"),
    ("The Leeds Chamber of Commerce said the tax would hurt firms.", "Leeds Chamber of Commerce", "GBRBUS"),
    ("Union representatives said the plan would fail.", "Union representatives", "GBRLAB"),
    # the senior judges' titles are the judiciary's, not a peer's seat in the Lords
    ("The Lord Chief Justice said judges must be independent.", "Lord Chief Justice", "GBRJUD"),
    ("Lord Reed, a law lord, said judges must be independent.", "Lord Reed", "GBRJUD"),
    ("Lord Reed said peers must vote.", "Lord Reed", "GBRLEG"),
    # a book speaks for the author it was introduced with
    ("The row grew over claims in reporter Tom Reed's new book. The book claims the minister lied.", "book", "GBRMED"),
]


@pytest.mark.parametrize(("sentence", "text", "code"), CODE_TABLE)
def test_actor_codes_of_parties_titles_and_bodies(extract: Extract, sentence: str, text: str, code: str) -> None:
    record = extract(UK.format(sentence=sentence), published=PUBLISHED)
    assert [a.code for a in record.actors if a.text == text][-1:] == [code]


def test_a_peer_is_one_person_under_each_of_her_names(extract: Extract) -> None:
    sentence = "Betty Moss said peers should act. Baroness Moss said reform was late. Lady Moss added it was bad."
    record = extract(UK.format(sentence=sentence), published=PUBLISHED)
    names = [mention(record, text) for text in ("Betty Moss", "Baroness Moss", "Lady Moss")]
    assert {a.entity for a in names} == {names[0].entity}
    assert [a.code for a in names] == ["GBRLEG"] * 3


# sentence, expected (source text, source code) of its statement event
STAFF_TABLE = [
    # the parser makes the department the subject and hangs "spokeswoman" on its "for": one mention
    (
        "A Department for Work and Pensions spokeswoman said the scheme was fair.",
        "Department for Work and Pensions spokeswoman",
    ),
    (
        "A Department for Constitutional Affairs spokeswoman said Lord Cole and Lord Reed agreed about the rules.",
        "Department for Constitutional Affairs spokeswoman",
    ),
]


@pytest.mark.parametrize(("sentence", "source"), STAFF_TABLE)
def test_a_bodys_spokeswoman_split_by_the_parse_speaks_for_the_body(
    extract: Extract, sentence: str, source: str
) -> None:
    record = extract(UK.format(sentence=sentence), published=PUBLISHED)
    statements = [e for e in record.events if e.cameo.startswith("01")]
    assert [(e.source.text, e.source.code) for e in statements if e.source] == [(source, "GBRGOV")]


def test_media_representatives_addressed_are_no_target(extract: Extract) -> None:
    record = extract(
        UK.format(sentence="Ann Cole said to media representatives that the plan would work."), published=PUBLISHED
    )
    assert mention(record, "media representatives").code == "GBRMED"
    assert [e.target for e in record.events if e.source and e.source.text == "Ann Cole"] == [None]


def test_a_name_the_ner_misses_speaks_with_its_titles_code(extract: Extract) -> None:
    sentence = (
        "Rory O' Hare, editor of the union-backed Safety Today magazine, which ran the survey, said: "
        '"The figures are bad."'
    )
    record = extract(UK.format(sentence=sentence), published=PUBLISHED)
    assert [e.source.code for e in record.events if e.source and e.cameo.startswith("01")] == ["GBRMED"]
    assert [q.speaker.code for q in record.quotes if q.speaker] == ["GBRMED"]


# an American story, sentence, the codes of its actors: "Conservative" there is an ideology, not the party
US_STORY = "SPRINGFIELD, Ohio — Voters in Ohio and Texas went to the polls across the United States. {sentence}"
IDEOLOGY_TABLE = [
    ("Conservative groups said the bill was wrong.", []),
    ("Conservative lawmakers in Congress criticized the plan.", ["USALEG", "USALEG"]),
]


@pytest.mark.parametrize(("sentence", "codes"), IDEOLOGY_TABLE)
def test_conservative_as_an_ideology_is_no_british_party(extract: Extract, sentence: str, codes: list[str]) -> None:
    record = extract(US_STORY.format(sentence=sentence), published="2016-03-01")
    prefix = len(US_STORY.format(sentence=""))
    assert [a.code for a in record.actors if a.start >= prefix] == codes
