"""Issue 9, all channels on fresh articles (fresh8c): an intent, appeal or refusal the speaker states about
themselves in reported speech ("X said it would do Y") is one event, coded with the speaker as the sentence names
them, not with the pronoun of the reported clause (CODING.md: the intent gets its code on the statement, with the
speaker as source; the scorer matches the source span). Sentences of our own."""

from __future__ import annotations

import pytest

from newsevents.types import ArticleRecord


def acts(record: ArticleRecord, trigger: str) -> list[tuple[str, str | None]]:
    """(code, source text) of the events whose trigger contains `trigger`."""
    return [(e.cameo, e.source.text if e.source else None) for e in record.events if trigger in e.trigger.text]


SPEAKER_AS_SOURCE = [
    ("The union said it would urge ministers to scrap the plan.", "urge", "02", "union"),
    ("Iran insisted it would not bow to American demands.", "bow", "12", "Iran"),
    ("The rebels said they would attack the capital.", "attack", "13", "rebels"),
    ("The minister said he would visit Germany next week.", "visit", "03", "minister"),
    ("Labour said it would hold talks with the unions.", "hold talks", "03", "Labour"),
]


@pytest.mark.parametrize(("text", "trigger", "root", "speaker"), SPEAKER_AS_SOURCE)
def test_self_stated_intent_takes_the_speaker_as_source(
    extract, text: str, trigger: str, root: str, speaker: str
) -> None:
    record = extract(text)
    found = acts(record, trigger)
    assert found and all(code.startswith(root) for code, _ in found), found
    assert all(source is not None and source.endswith(speaker) for _, source in found), found
    assert not [e for e in record.events if e.cameo == "010"], "the statement is coded once, by its act"


def test_an_act_of_others_in_reported_speech_keeps_its_own_source(extract) -> None:
    record = extract("The senator said the rebels would attack the capital.")
    assert [s for _, s in acts(record, "attack")] == ["rebels"]
    assert [s for _, s in acts(record, "said")] == ["senator"]


# A speaker's own "I say to ..." / "I tell you ..." inside the quote is the quoted statement itself: one event.
PERFORMATIVE = [
    '"So I say to all the farmers who feel ignored - join us," the senator said.',
    'The senator spoke in Leeds. "So I say to all the farmers - come and join us," he will say.',
    '"I tell you, the workers of this town will not be forgotten," the union leader said.',
]


@pytest.mark.parametrize("text", PERFORMATIVE)
def test_first_person_speech_inside_the_quote_is_the_statement_itself(extract, text: str) -> None:
    record = extract(text)
    speech = [(e.trigger.text, e.quote) for e in record.events if e.root == "01"]
    assert len(speech) == 1 and speech[0][1] is not None, speech


def test_a_past_speech_act_told_inside_a_quote_stays_an_event_of_its_own(extract) -> None:
    record = extract('"I told the president last week that we would not back down," the senator said.')
    told = [(e.cameo, e.target.text if e.target else None) for e in record.events if e.trigger.text == "told"]
    assert told == [("010", "president")]
