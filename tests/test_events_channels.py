"""Issue 9, precision by channel: inside quoted speech, an act the speaker only supposes, wishes or denies is
talk, not an event (the quote itself is the statement); reported speech still tells plans. Sentences of our own.
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


# Inside a direct quote, a possible, wished or denied act of the speaker's or of others is not an event.
TALK = [
    ('"We could sue the council over the new road," the union leader said.', "sue"),
    ('The mayor said: "The party would never criticise the police."', "criticise"),
    ('"The minister did not meet the union," a spokesman said.', "meet"),
    ('"The council has not consulted the farmers," the senator said.', "consulted"),
]


@pytest.mark.parametrize(("sentence", "trigger"), TALK)
def test_an_act_supposed_or_denied_in_a_quote_is_not_coded(extract, sentence: str, trigger: str) -> None:
    record = extract(sentence)
    assert not coded(record, trigger), [(e.cameo, e.trigger.text, e.modality) for e in record.events]
    assert any(e.quote is not None for e in record.events)  # the quote is still the speaker's statement


# The same acts told as facts in the quote, or as plans in reported speech or in the writer's voice, stay coded.
KEPT = [
    ('"The union sued the council last week," the mayor said.', "sued", "asserted"),  # a fact: reported
    ("The union said the council will sue the firm.", "sue", "hypothetical"),  # reported speech: a plan
    ("The union could sue the county over the new road.", "sue", "hypothetical"),  # the writer's voice
    ("The minister did not meet the union leaders.", "meet", "negated"),  # the writer's voice
]


@pytest.mark.parametrize(("sentence", "trigger", "modality"), KEPT)
def test_acts_told_as_facts_or_plans_stay(extract, sentence: str, trigger: str, modality: str) -> None:
    record = extract(sentence)
    found = coded(record, trigger)
    assert found, [(e.cameo, e.trigger.text, e.modality) for e in record.events]
    if modality != "asserted":
        assert all(m == modality for _, _, m in found), found


# Inside quoted or reported speech, an act someone should, must, ought to, needs to or (now) has to do is the
# speaker's view of a duty, not an act: the quote is the statement.
DUTY = [
    ('"The army has to attack the rebels," the governor said.', "attack"),
    ('"Frankly, we ought to be negotiating with the rebels," the senator said.', "negotiating"),
    ("The union leader said the council needed to consult the police first.", "consult"),
    ("This is the budget the governor will have to defend next year, the senator said.", "defend"),
    ('"The mayor should stand firm and not apologise to the union," the senator insisted.', "apologise"),
]


@pytest.mark.parametrize(("sentence", "trigger"), DUTY)
def test_a_duty_told_in_speech_is_not_coded(extract, sentence: str, trigger: str) -> None:
    record = extract(sentence)
    assert not coded(record, trigger), [(e.cameo, e.trigger.text, e.modality) for e in record.events]


# A duty the speaker puts on another actor is the speaker's demand; a past "had to" tells what was done;
# a plain future in reported speech is a plan. All stay coded.
DUTY_KEPT = [
    ("The minister said the rebels must release the hostages.", "must", "10"),  # recoded: a demand
    ('"The army had to attack the rebels," the governor said.', "attack", "19"),  # a past fact
    ("The governor said the minister will visit Russia on Monday.", "visit", "04"),  # a plan
]


@pytest.mark.parametrize(("sentence", "trigger", "root"), DUTY_KEPT)
def test_demands_past_duties_and_plans_in_speech_stay(extract, sentence: str, trigger: str, root: str) -> None:
    record = extract(sentence)
    roots = {e.root for e in record.events if e.quote is None}
    assert root in roots, [(e.cameo, e.trigger.text, e.modality) for e in record.events]


# In speech, a speaker who promises nothing to nobody is hedging, not rejecting anyone (no 12x refusal);
# a promise withheld from a named actor stays a refusal.
HEDGES = [
    ('"I will not make any promises I cannot keep," the governor said.', "promises"),
    ("The governor said he was not giving any guarantees about jobs.", "guarantees"),
]


@pytest.mark.parametrize(("sentence", "trigger"), HEDGES)
def test_a_promise_withheld_from_nobody_is_no_refusal(extract, sentence: str, trigger: str) -> None:
    record = extract(sentence)
    assert not coded(record, trigger), [(e.cameo, e.trigger.text, e.modality) for e in record.events]


def test_a_promise_withheld_from_a_named_actor_stays_a_refusal(extract) -> None:
    record = extract('"We will not promise aid to the rebels," the minister said.')
    assert [c for c, _, _ in coded(record, "promise")] == ["120"], record.events


def test_a_negated_agreement_in_speech_is_not_taken_for_a_withheld_promise(extract) -> None:
    record = extract("The minister said his colleagues would not agree to the new rules.")
    assert [c for c, _, _ in coded(record, "agree")] == ["120"], record.events
