"""Issue 9, events no judge had seen (the unjudged round): event nouns that tell again an act coded elsewhere,
and support given read as an appeal. Sentences of our own; each rule's rows fail without it."""

from __future__ import annotations

import pytest

from newsevents.types import ArticleRecord


def by_noun(record: ArticleRecord, noun: str) -> list[str]:
    return [e.cameo for e in record.events if e.trigger.text == noun]


# A pledge named by its owner alone recalls a pledge made elsewhere, or is what a statement says: the
# statement (or the verb that made the pledge) is the event, not the noun.
OWNED_PLEDGES = [
    ("The senator stressed her party's commitment to lower fuel duty.", "commitment"),
    ("With the union's earlier pledge already broken, the talks were cancelled.", "pledge"),
    ("The party's promises to cut taxes were printed on every leaflet.", "promises"),
    ("During the tour the governor unveiled his party's five pledges.", "pledges"),
]


@pytest.mark.parametrize(("sentence", "noun"), OWNED_PLEDGES)
def test_a_pledge_named_by_its_owner_alone_is_no_event(extract, sentence: str, noun: str) -> None:
    record = extract(sentence)
    assert not by_noun(record, noun), [(e.cameo, e.trigger.text) for e in record.events]


# A pledge with its maker named by a preposition is still one ("a pledge from X to Y").
def test_a_pledge_from_a_named_actor_stays(extract) -> None:
    record = extract("A pledge from the French government to the refugees was welcomed by aid groups.")
    assert "030" in by_noun(record, "pledge"), [(e.cameo, e.trigger.text) for e in record.events]


# The same act told by a verb and again by a noun, by the same actor, is one event.
RETOLD = [
    ("The Dutch foreign minister visited Ghana, where he met farmers during his second trip to Accra.", "trip"),
    ("The Dutch foreign minister flew to Ghana, where he met farmers during his second trip to Accra.", "trip"),
    ("The Spanish king toured Morocco, and his tour of Rabat drew crowds.", "tour"),
]


@pytest.mark.parametrize(("sentence", "noun"), RETOLD)
def test_an_event_noun_retelling_a_coded_act_is_not_coded_again(extract, sentence: str, noun: str) -> None:
    record = extract(sentence)
    assert any(e.root == "04" and e.quote is None for e in record.events if e.trigger.text != noun), [
        (e.cameo, e.trigger.text) for e in record.events
    ]
    assert not by_noun(record, noun), [(e.cameo, e.trigger.text) for e in record.events]


# A noun naming an act of ANOTHER actor than the verb's stays coded.
def test_an_event_noun_of_another_actor_stays(extract) -> None:
    record = extract("The Italian president visited Egypt after a visit by the Greek premier to Cairo.")
    assert any(e.trigger.text == "visit" and e.source and "premier" in e.source.text for e in record.events), [
        (e.cameo, e.trigger.text, e.source.text if e.source else None) for e in record.events
    ]


# Talks held during a visit are two acts of one root (046, 042): the visit noun stays.
def test_an_event_noun_of_another_code_of_the_same_root_stays(extract) -> None:
    record = extract("The Canadian general held talks with the Chilean president during a visit to Santiago.")
    assert any(e.trigger.text == "visit" and e.cameo == "042" for e in record.events), [
        (e.cameo, e.trigger.text) for e in record.events
    ]


# Support given, renewed or announced is an endorsement (051); asking for it stays an appeal (02x).
SUPPORT = [
    ("The French government gave its support to the Polish bid.", "gave its support", "051"),
    ("The union appealed for support from the Irish government.", "appealed for support", "022"),
]


@pytest.mark.parametrize(("sentence", "trigger", "cameo"), SUPPORT)
def test_support_given_is_endorsement_and_asked_for_is_an_appeal(
    extract, sentence: str, trigger: str, cameo: str
) -> None:
    record = extract(sentence)
    assert [e.cameo for e in record.events if e.trigger.text == trigger] == [cameo], [
        (e.cameo, e.trigger.text) for e in record.events
    ]
