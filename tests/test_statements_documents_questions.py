"""Issue 9, statement-side kinds found on fresh articles (known8), in sentences of our own.

- A document that says someone should act recommends it: CODING.md codes the appeal (020), the document as
  source and the one who should act as target ("the council should act, the report says"). A passive duty
  names nobody who should act; a forecast with "should" about a thing is no appeal.
- A question put ("'Why now?' he asked", "asked whether ...") is a statement (010), not an appeal, and not
  nothing; the one asked, when named, is whom it addresses. Questions put to the speaker ("when asked about",
  "was asked whether") are no speech act of the speaker.

Each row: text -> the statement events expected, as (code, source suffix, target suffix or None).
"""

from __future__ import annotations

import pytest

from newsevents.types import ArticleRecord

Row = tuple[str, str, str | None]
HEAD = "Policy row\n\n"


def events(record: ArticleRecord) -> set[Row]:
    return {(e.cameo, e.source.text if e.source else "", e.target.text if e.target else None) for e in record.events}


DOCUMENTS_THAT_RECOMMEND = [
    # no named author: the document is the source, the one who should act the target
    (
        "The Home Office should build fewer prisons and spend more on probation, the review says.",
        "020",
        "review",
        "Home Office",
    ),
    ("The ruling said the government must pay compensation to the families.", "020", "ruling", "government"),
    (
        "The charity published its findings on Monday. Ministers should stop closing rural schools, the report said.",
        "020",
        "report",
        "Ministers",
    ),
    # the document asks in its own cue
    ("A motion passed by the conference urged the party leadership to drop the policy.", "020", "motion", None),
]


@pytest.mark.parametrize(("text", "code", "source", "target"), DOCUMENTS_THAT_RECOMMEND)
def test_a_document_saying_someone_should_act_is_an_appeal(
    extract, text: str, code: str, source: str, target: str | None
) -> None:
    found = events(extract(HEAD + text))
    wanted = [(c, s, t) for c, s, t in found if c == code and s.endswith(source)]
    assert any(t is None if target is None else t is not None and t.endswith(target) for _, _, t in wanted), found


DOCUMENTS_THAT_ONLY_STATE = [
    # a passive duty names nobody who should act; a forecast is about a thing; no duty at all
    "Councils must be given more power over housing, the study concluded.",
    "The economy should grow by three per cent next year, the report says.",
    "The report says hospital waiting lists have fallen for a third year.",
]


@pytest.mark.parametrize("text", DOCUMENTS_THAT_ONLY_STATE)
def test_a_document_that_states_without_a_duty_is_a_plain_statement(extract, text: str) -> None:
    found = events(extract(HEAD + text))
    assert [c for c, _, _ in found if c.startswith("0")] == ["010"], found


def test_a_person_saying_someone_must_act_still_demands(extract) -> None:
    # framing.duty_frame's demand (10x) for an actor speaker is untouched by the document rule
    found = events(extract(HEAD + "The council leader said the government must pay for the new roads."))
    assert any(c.startswith("10") and t and t.endswith("government") for c, _, t in found), found


QUESTIONS_PUT = [
    ('"Where has the money gone?" asked Tory leader Michael Howard.', "Michael Howard", None),
    ('Mr Howard asked the prime minister: "Will you rule out a rise in council tax?"', "Mr Howard", "prime minister"),
    ("Shadow chancellor Oliver Letwin asked whether the government would publish the figures.", "Oliver Letwin", None),
    ('"Can anyone trust these figures?" he asked. "I do not think so."', "he", None),
]


@pytest.mark.parametrize(("text", "source", "target"), QUESTIONS_PUT)
def test_a_question_put_is_a_statement(extract, text: str, source: str, target: str | None) -> None:
    found = events(extract(HEAD + text))
    assert any(c == "010" and s.endswith(source) and t == target for c, s, t in found), found
    assert not any(c.startswith("02") for c, _, _ in found), found  # a question is not an appeal


QUESTIONS_TO_THE_SPEAKER = [
    # put by someone unnamed: no statement of the one asked, and no appeal
    "The minister was asked whether she would resign.",
    "Reporters asked the minister if she would meet the strikers.",
]


@pytest.mark.parametrize("text", QUESTIONS_TO_THE_SPEAKER)
def test_a_question_put_to_someone_is_no_statement_of_theirs(extract, text: str) -> None:
    found = events(extract(HEAD + text))
    assert not any(s.endswith("minister") for _, s, _ in found), found


def test_asking_someone_to_act_is_still_an_appeal(extract) -> None:
    found = events(extract(HEAD + "The minister asked MPs to back the plan."))
    assert any(c.startswith("02") and t == "MPs" for c, _, t in found), found


LETTER_RECIPIENTS = [
    # a statement made in a letter or message goes to whom it was sent
    ("In a letter to the chancellor, the union leader said the tax was unfair.", "union leader", "chancellor"),
    (
        'Business leader John Smith spoke on Monday. His message to the chancellor was: "Stability matters."',
        "His",
        "chancellor",
    ),
    # "the letter" the sentence before tells was written to someone
    (
        "The union leader wrote to the chancellor on Monday. In the letter, he said the tax was unfair.",
        "he",
        "chancellor",
    ),
    # a letter to a newspaper: the press is no target
    ("The union leader wrote to the Times on Monday. In the letter, he said the tax was unfair.", "he", None),
]


@pytest.mark.parametrize(("text", "source", "target"), LETTER_RECIPIENTS)
def test_a_statement_in_a_letter_targets_its_recipient(extract, text: str, source: str, target: str | None) -> None:
    found = events(extract(HEAD + text))
    said = [(c, s, t) for c, s, t in found if c == "010" and s.endswith(source)]
    assert any(t is None if target is None else t is not None and t.endswith(target) for _, _, t in said), found


BIDDING_QUOTES = [
    # a direct quote that bids the one it is said to act is an appeal to them
    ('She told the council: "Don\'t cut the library budget."', "020", "council"),
    ('"Get on with it," he told the government.', "020", "government"),
    (
        'John Smith spoke on Monday. His message to the chancellor was: "Please do not raise taxes."',
        "020",
        "chancellor",
    ),
    # a question, a statement of intent, an aside to the press: plain statements
    ('He told ministers: "Do you really think this will work?"', "010", "ministers"),
    ('He told MPs: "We will not raise taxes."', "010", "MPs"),
    ('He told reporters: "Look at the figures."', "010", None),
]


@pytest.mark.parametrize(("text", "code", "target"), BIDDING_QUOTES)
def test_a_quote_bidding_its_addressee_act_is_an_appeal(extract, text: str, code: str, target: str | None) -> None:
    found = events(extract(HEAD + text))
    assert any(c == code and t == target for c, _, t in found), found


def test_a_participle_question_put_to_the_speaker_is_not_theirs(extract) -> None:
    # "Questioned whether ...": the minister was questioned; her one speech act is what she said
    found = events(extract(HEAD + "Questioned whether she would resign, the minister said she had not decided."))
    assert [c for c, s, _ in found if s.endswith("minister")] == ["010"], found
