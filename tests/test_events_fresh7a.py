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
