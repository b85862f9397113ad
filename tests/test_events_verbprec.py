"""Issue 9, precision of verb-pattern events, sixth round: acts that nobody does (an evaluation, a headline's
agentless passive, a routine told in the present), scheduled acts, and political senses of force and freeze
words. Sentences of our own; each NOT_CODED row fails without its rule.
"""

from __future__ import annotations

import pytest

from newsevents.types import ArticleRecord


def coded(record: ArticleRecord, trigger: str) -> list[tuple[str, str | None, str]]:
    return [
        (e.cameo, e.source.text if e.source else None, e.modality)
        for e in record.events
        if trigger in e.trigger.text and e.quote is None
    ]


NOT_CODED = [
    # an adjective judges the act after an expletive subject: no one is said to do it
    ("The mayor argued that it would be unwise to sue the builders over the delays.", "sue"),
    ("It would be wrong to attack the unions for the strike, the senator said.", "attack"),
    # a headline's bare participle is a passive whose doer is not named
    ("Smith attacked over prison plan\nGovernor John Smith faced questions from MPs on Monday.", "attacked"),
    ("Jones condemned on pension vote\nSenator Mary Jones spoke to reporters on Friday.", "condemned"),
    # a material act in the simple present, outside the headline, is a routine
    ("Soldiers patrol the border villages every night.", "patrol"),
    ("Riot police arrest dozens of football fans each season in the city.", "arrest"),
    ("Most of the Algerian suspects are detained at a prison near the capital.", "detained"),  # a state
    # force words in their political sense, by people who bear no arms
    ("Reporters bombarded the governor with questions about the contract.", "bombarded"),
    ("The health minister withdrew the bill after the protests.", "withdrew"),
    ("The opposition party withdrew its support for the bill.", "withdrew"),
    # freezing a tax, a price or pay is economic policy, not a cut in relations
    ("The finance minister plans to freeze fuel duty in the spring.", "freeze"),
    ("The council froze the parking charges for another year.", "froze"),
]


@pytest.mark.parametrize(("text", "trigger"), NOT_CODED)
def test_acts_nobody_does_or_in_a_political_sense_are_not_coded(extract, text: str, trigger: str) -> None:
    record = extract(text)
    assert not coded(record, trigger), [(e.cameo, e.trigger.text, e.modality) for e in record.events]


KEPT = [
    # the act told as done, by a named doer, stays, with its modality
    ("The senator sued the council over the delays.", "sued", "115", "asserted"),
    ("Rebels attacked the border villages on Monday.", "attacked", "19", "asserted"),
    ("Rebels attacked army base\nRebel fighters stormed a base on Sunday.", "attacked", "19", "asserted"),
    ("The army withdrew its troops from the border region.", "withdrew", "087", "asserted"),
    ("Israel froze its ties with Jordan after the raid.", "froze", "160", "asserted"),
    ("The army shells the villages every night, the rebel group said.", "shells", "19", "reported"),
    # a referring "it" with a readiness adjective: a plan of its own (hypothetical, or 03x by the framing)
    ("The government said it is willing to withdraw its troops from the border.", "withdraw", "03", "asserted"),
    # a scheduled act is planned, not done
    ("The Irish prime minister is due to visit Poland on Tuesday.", "visit", "042", "hypothetical"),
    ("The two presidents are set to meet in Geneva next week.", "meet", "04", "hypothetical"),
]


@pytest.mark.parametrize(("text", "trigger", "code", "modality"), KEPT)
def test_acts_done_by_named_actors_stay(extract, text: str, trigger: str, code: str, modality: str) -> None:
    record = extract(text)
    found = coded(record, trigger)
    assert found, [(e.cameo, e.trigger.text, e.modality) for e in record.events]
    assert all(c.startswith(code) and m == modality for c, _, m in found), found


# Agreeing that something is so shares a view (at most the speaker's statement, 019), no intent to cooperate (03x);
# agreeing that something should be done is a deal.
AGREEMENTS = [
    ("Britain and France agreed that the deal was fair.", False),
    ("The ministers agreed that there was little reason for alarm.", False),
    ("Britain and France agreed that the border should reopen.", True),
]


@pytest.mark.parametrize(("sentence", "deal"), AGREEMENTS)
def test_agreeing_on_a_view_is_no_intent_to_cooperate(extract, sentence: str, deal: bool) -> None:
    codes = [e.cameo for e in extract(sentence).events if e.trigger.text.startswith("agreed")]
    assert any(code.startswith("03") for code in codes) == deal, codes
