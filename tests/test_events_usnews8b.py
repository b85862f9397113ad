"""Issue 9 on US political news, second round (usnews8b): poll answers and polls as speakers, verb senses the
object decides (offered words, a name one gives oneself, protecting without force, a candidate's appeal), and the
narration inside a split quote. Sentences of our own; NOT_CODED, NOT_AS and SPLIT_QUOTE rows fail without their
rule or dictionary line (but for guards marked so), CODED rows guard acts that must stay.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest

from newsevents.types import ArticleRecord

Extract = Callable[..., ArticleRecord]
US_NEWS = "WASHINGTON — {sentence}"


def codes(record: ArticleRecord, trigger: str) -> list[str]:
    """CAMEO codes of the events whose trigger contains `trigger` (statements included)."""
    return [e.cameo for e in record.events if trigger in e.trigger.text]


# sentence, trigger word: no event at all (CODING.md codes no poll result; the sense makes no event)
NOT_CODED = [
    # a ratio of those polled, the poll's respondents and the poll itself are no speakers
    ("Two in three said they would not vote for the governor again.", "said"),
    ("One in four voters said the senator had lost their trust.", "said"),
    ("Asked about the economy, respondents said jobs mattered most.", "said"),
    ("Most Democrats back the plan, according to a new poll.", "according"),
    ("The survey suggests the mayor is losing ground in the suburbs.", "suggests"),
    # protecting a policy, a right or a ticket by lobbying is no military protection
    ("The party is spending millions to protect its incumbents in the House.", "protect"),
    ("The governor has made protecting gun rights the heart of his campaign.", "protecting"),
    # a candidate's appeal is attractiveness, not a request
    ("Aides believe the new ads will expand the party's appeal among older voters.", "appeal"),
    ("Polls have documented the governor's appeal in rural counties.", "appeal"),
    # a document released (a participle on its noun) is no person freed
    (
        "Most Democrats back the plan, according to a poll of 600 voters released on Friday by the Cole Institute.",
        "released",
    ),
]


@pytest.mark.parametrize(("sentence", "trigger"), NOT_CODED)
def test_poll_answers_and_senses_make_no_event(extract: Extract, sentence: str, trigger: str) -> None:
    record = extract(US_NEWS.format(sentence=sentence), published="2016-03-01")
    assert codes(record, trigger) == []


# sentence, trigger word, the code it must keep or take
CODED = [
    # offering words or an explanation is speaking; offering praise is praising; offering aid still offers
    ("The mayor offered an explanation for the delay to the city council.", "offered", "010"),
    ("The senator offered praise for the governor's handling of the floods.", "offered", "051"),
    ("The governor offered help to the flooded towns.", "offered", "033"),
    # prisoners released by an army are still freed
    ("The prisoners released on Friday by the army returned home.", "released", "0841"),
    # rejecting a proposal still rejects it
    ("The Senate rejected the proposal from the White House.", "rejected", "125"),
    # calling someone else names still accuses; police protecting a crowd still protect
    ("The senator called his rival a liar.", "called", "112"),
    ("Police protected the marchers from the angry crowd.", "protected", "074"),
    # an appeal for something or to someone is still a request
    ("The mayor's appeal for calm was heard across the city.", "appeal", "020"),
    # a share of named people still speaks; a named pollster's researcher still speaks
    ("Half of the senators said they would vote against the bill.", "said", "010"),
    ("The pollster's chief researcher, Ann Cole, said the race was close.", "said", "010"),
]


@pytest.mark.parametrize(("sentence", "trigger", "code"), CODED)
def test_acts_that_stay_coded(extract: Extract, sentence: str, trigger: str, code: str) -> None:
    record = extract(US_NEWS.format(sentence=sentence), published="2016-03-01")
    assert code in codes(record, trigger)


# sentence, trigger word, a code it must not take: offered words promise nothing (no intent, 030); a name one
# gives oneself accuses nobody (no 112)
NOT_AS = [
    ("The president offered warm words about his former rival on Monday.", "offered", "030"),
    ("The senator proudly calls himself a progressive.", "calls", "112"),
]


@pytest.mark.parametrize(("sentence", "trigger", "code"), NOT_AS)
def test_senses_that_no_longer_take_the_old_code(extract: Extract, sentence: str, trigger: str, code: str) -> None:
    record = extract(US_NEWS.format(sentence=sentence), published="2016-03-01")
    assert code not in codes(record, trigger)


# a direct quote split by its attribution: the narration between the parts ("said X, who had backed Y") is the
# reporter's, asserted; only the quoted parts are reported speech
SPLIT_QUOTE_TABLE = [
    (
        'The donors met on Monday.\n\n"The biggest worry for me is the Senate," said Ohio businessman Frank Hale, who '
        'had backed Sen. Tom Reed of Iowa. "If the governor is the nominee, many voters will stay home."',
        "backed",
        "051",
    ),
    (
        'The party met on Monday.\n\n"We will have to learn to live with it," Tom Reed, who was a senator for Iowa, '
        'told lawmakers on a visit to the Capitol. "He may well be the nominee."',
        "told",
        "010",
    ),
]


@pytest.mark.parametrize(("text", "trigger", "code"), SPLIT_QUOTE_TABLE)
def test_narration_inside_a_split_quote_is_asserted(extract: Extract, text: str, trigger: str, code: str) -> None:
    record = extract(US_NEWS.format(sentence=text), published="2016-03-01")
    moods = [e.modality for e in record.events if trigger in e.trigger.text and e.cameo == code]
    assert moods == ["asserted"]


# the purpose of a speech, a call or a post that was given is done by giving it; a planned one, or troops sent to
# attack, stay a goal
PURPOSE_TABLE = [
    ("Sen. Tom Reed held a news conference on Monday to denounce Gov. Ann Cole.", "denounce", "asserted"),
    ("Sen. Tom Reed took to Twitter to criticize Gov. Ann Cole.", "criticize", "asserted"),
    ("Sen. Tom Reed will hold a news conference on Monday to denounce Gov. Ann Cole.", "denounce", "hypothetical"),
    ("Gov. Ann Cole plans to give a speech to praise the police.", "praise", "hypothetical"),
    ("The rebels sent troops to attack the town.", "attack", "hypothetical"),
]


@pytest.mark.parametrize(("sentence", "trigger", "mood"), PURPOSE_TABLE)
def test_a_purpose_done_by_a_speech_given(extract: Extract, sentence: str, trigger: str, mood: str) -> None:
    record = extract(US_NEWS.format(sentence=sentence), published="2016-03-01")
    assert [e.modality for e in record.events if e.trigger.text == trigger] == [mood]
