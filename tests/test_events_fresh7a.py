"""Issue 9, verb sense, modality and event-worthiness on fresh articles (fresh7a): declining to comment, idioms,
paying for one's own plans, hosting a meeting, an act asked for inside an appeal, a simile, an open "whether"
question and a time still to come. Sentences of our own; each NOT_CODED row fails without its line or rule, each
KEPT row guards the sense or modality that must stay.
"""

from __future__ import annotations

import pytest

from newsevents.types import ArticleRecord


def coded(record: ArticleRecord, trigger: str) -> list[tuple[str, str]]:
    """Non-statement events whose trigger contains `trigger`: (code, modality)."""
    return [(e.cameo, e.modality) for e in record.events if trigger in e.trigger.text and e.quote is None]


NOT_CODED = [
    # declining to give a view or brushing aside questions declines comment (011, a statement with no addressee),
    # it rejects nobody; a fall in support is no rejection either
    ("The senator declined to give his view of the new leader.", "declined"),
    ("The minister brushed aside questions about the budget.", "brushed"),
    ("Support for the party declined sharply last year.", "declined"),
    # an idiom asks nobody anything
    ("The minister begged the question of whether the unions should be consulted.", "begged"),
    # paying for one's own promises is spending, no aid
    ("The party has yet to explain how it would fund its spending commitments.", "fund"),
    # hosting a meeting names no visitor, active or passive
    ("The French president hosted a meeting of European leaders.", "hosted"),
    ("The summit is being hosted by the French president.", "hosted"),
    # the act an appeal asks for is coded with the appeal, not again as a planned act
    ("The unions called for the minister to resign.", "resign"),
    ("She joined the calls for him to resign.", "resign"),
    # a simile pictures an act nobody did
    ('"It is like freeing a burglar because he promised to fix the roof," the minister said.', "promised"),
    ('"It is like letting the rebels go because they promised to free one hostage," the senator said.', "promised"),
    ("It was as if the army had invaded its own capital.", "invaded"),
    # meeting a reception or a deadline meets no one; receiving a boost hosts no one; reinforcing unity or
    # surrendering a veto is no military act of a politician
    ("The minister's speech met a cool reception from the French president.", "met"),
    ("The government failed to meet the deadline set by the European Commission.", "meet"),
    ("The party received a big boost from the union's decision.", "received"),
    ("The chancellor said Europe needed to reinforce its own unity.", "reinforce"),
    ("The opposition says the prime minister is surrendering a key veto to Brussels.", "surrendering"),
    # not ruling something out keeps it open: no rejection, nor a rejection that did not happen
    ("The former leader does not rule out a return to the front bench.", "rule"),
    ("The chancellor would not rule out an increase in national insurance.", "rule"),
    ("The government has not ruled out military action against the rebels.", "ruled"),
    ("The minister refused to rule out tax rises after the election.", "rule"),
    # an open "whether" question asserts nothing
    ("The minister declined to say whether he would resign.", "resign"),
    ("It is not clear whether the army attacked the village.", "attacked"),
]


@pytest.mark.parametrize(("text", "trigger"), NOT_CODED)
def test_senses_and_moods_that_make_no_event(extract, text: str, trigger: str) -> None:
    record = extract(text)
    assert not coded(record, trigger), [(e.cameo, e.trigger.text, e.modality) for e in record.events]


KEPT = [
    # declining what one is offered, or to do an act, is still a rejection
    ("The president declined to meet the opposition leader.", "declined", "125", "asserted"),
    ("The government declined the invitation to the summit.", "declined", "120", "asserted"),
    ("The minister brushed aside criticism from the unions.", "brushed", "120", "asserted"),
    ("The protesters begged the soldiers to stop shooting.", "begged", "020", "asserted"),
    # challenging someone to act demands it; challenging them over something disapproves
    ("The opposition leader challenged the government to publish its figures.", "challenged", "100", "asserted"),
    ("The opposition leader challenged the government over its figures.", "challenged", "110", "asserted"),
    ("The United States funded the rebels in the north.", "funded", "071", "asserted"),
    ("The French president hosted the Russian leader in Paris.", "hosted", "043", "asserted"),
    ("The rebels declined to release the hostages.", "declined", "1243", "asserted"),
    ("The prime minister met the French president in Paris.", "met", "044", "asserted"),
    ("The president received the Russian foreign minister in Moscow.", "received", "043", "asserted"),
    ("The army reinforced its troops along the border.", "reinforced", "154", "asserted"),
    ("The rebels surrendered to the army on Monday.", "surrendered", "0874", "asserted"),
    ("The prime minister ruled out talks with the rebels.", "ruled", "125", "asserted"),
    # "will not" refuses; advice that someone "should not" act refuses nothing (a demand, not a rejection)
    ("The government will not meet the rebels.", "meet", "125", "asserted"),
    # a simile's "like" before a noun gives an example, and the sentence's own act stays
    ("The minister condemned attacks like last week's bombing of the embassy.", "condemned", "111", "asserted"),
    # a present tense after "until", "once" or "before" is still to come; a past one happened
    ("The army will wait until the rebels attack the town.", "attack", "190", "hypothetical"),
    ("The talks will start once the rebels release the hostages.", "release", "0841", "hypothetical"),
    ("The rebels released the hostages once the talks had started.", "released", "0841", "asserted"),
    ("The president resigned before parliament voted on the bill.", "resigned", "0831", "asserted"),
]


@pytest.mark.parametrize(("text", "trigger", "code", "mood"), KEPT)
def test_senses_and_moods_that_stay(extract, text: str, trigger: str, code: str, mood: str) -> None:
    assert (code, mood) in coded(extract(text), trigger)


ADVICE = [
    "Ken Smith should not apologise to the reporter, the senator insisted.",
    "The mayor should not apologise for his remarks.",
    "The mayor should stand firm and not apologise for his remarks, the senator said.",
    "The government should not meet the rebels.",
]


@pytest.mark.parametrize("text", ADVICE)
def test_advice_not_to_act_is_no_refusal(extract, text: str) -> None:
    codes = [code for code, _ in coded(extract(text), "")]
    assert not any(code.startswith("12") for code in codes), codes
