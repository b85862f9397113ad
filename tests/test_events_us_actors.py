"""Issue 9: kinds of US actors seen on held-out US political and local news, one table row each.

Sentences are our own, in the style of US local and campaign news (published 2016-10-12). A row is
(phenomenon, sentence, trigger word, expected source code, expected source name or None for any): the event whose
trigger contains the word must have that exact source code. The names are invented; what is tested is the kind of
actor (a state named like a country, a prosecutors' office, a federal agency, a news outlet), never a person.
"""

from __future__ import annotations

import pytest

from newsevents.types import ArticleRecord

ROWS: list[tuple[str, str, str, str, str | None]] = [
    # --- US states whose names hold a country's name act as the United States ---
    (
        "state named like a country (Jersey)",
        "New Jersey Gov. Paul Hendry said the state would not raise taxes.",
        "said",
        "USAGOV",
        None,
    ),
    (
        "state named like a country (Mexico)",
        "New Mexico Gov. Lena Ortiz criticized the federal water plan.",
        "criticized",
        "USAGOV",
        None,
    ),
    # --- prosecutors, courts and their documents are lawyers (JUD) ---
    (
        "US attorney's office",
        "The U.S. Attorney's Office said the suspect had fled across the state line.",
        "said",
        "USAJUD",
        None,
    ),
    ("grand jury", "A federal grand jury indicted the former treasurer on five counts.", "indicted", "JUD", None),
    (
        "indictment as speaker",
        "The indictment said the treasurer hid the payments in a relative's account.",
        "said",
        "JUD",
        None,
    ),
    # --- federal departments and regulators are the executive (GOV) ---
    ("Justice Department", "The Justice Department sued the city over conditions in its jail.", "sued", "USAGOV", None),
    (
        "securities regulator",
        "The Securities and Exchange Commission charged the banker with fraud.",
        "charged",
        "USAGOV",
        None,
    ),
    # --- police departments named by acronym, medical examiners ---
    ("police department by acronym", "The NYPD said two officers had been placed on leave.", "said", "USACOP", None),
    ("medical examiner", "A medical examiner said the man died of a single gunshot wound.", "said", "HLH", None),
    # --- each news outlet is its own actor (one dictionary row each) ---
    (
        "outlet is its own actor",
        "The Washington Post reported that the county clerk had resigned.",
        "reported",
        "USAMED",
        "Washington Post",
    ),
    (
        "outlet is its own actor (alias)",
        "Fox News Channel reported that the governor would veto the bill.",
        "reported",
        "USAMED",
        "Fox News",
    ),
]


def source_of(record: ArticleRecord, trigger: str) -> tuple[str | None, str | None]:
    for event in record.events:
        if trigger in event.trigger.text and event.source is not None:
            return event.source.code, event.source.name
    return None, None


@pytest.mark.parametrize(("phenomenon", "sentence", "trigger", "code", "name"), ROWS)
def test_us_actor_kind(extract, phenomenon: str, sentence: str, trigger: str, code: str, name: str | None) -> None:
    record = extract(sentence, published="2016-10-12")
    got_code, got_name = source_of(record, trigger)
    assert got_code == code, (phenomenon, [(e.cameo, e.trigger.text, e.source) for e in record.events])
    if name is not None:
        assert got_name == name, phenomenon


def test_two_outlets_are_two_actors(extract) -> None:
    record = extract(
        "The Washington Post reported that the clerk had resigned. CNN reported that she had not.",
        published="2016-10-12",
    )
    names = {e.source.name for e in record.events if e.source is not None and e.trigger.text == "reported"}
    assert names == {"Washington Post", "CNN"}


# CODING.md codes no event without an identifiable agent: an agentless charge, indictment or accusation
# ("was indicted", "faces charges") is not an act of disapproval (11) or coercion (17) by nobody.
AGENTLESS: list[tuple[str, str]] = [
    ("An aide to the former mayor of Denver has been indicted in a bribery investigation at City Hall.", "indicted"),
    ("A Colorado county clerk was charged with three counts of fraud.", "charged"),
    ("A former Ohio police officer faces charges including manslaughter.", "charges"),
]
WITH_AGENT: list[tuple[str, str, str]] = [
    ("Police charged the man with assault.", "charged", "COP"),
    ("The mayor was criticized by the city council.", "criticized", "GOV"),
]


@pytest.mark.parametrize(("sentence", "trigger"), AGENTLESS)
def test_agentless_charge_is_no_event(extract, sentence: str, trigger: str) -> None:
    record = extract(sentence, published="2016-10-12")
    assert [e.cameo for e in record.events if trigger in e.trigger.text] == []


@pytest.mark.parametrize(("sentence", "trigger", "code"), WITH_AGENT)
def test_charge_with_an_agent_is_coded(extract, sentence: str, trigger: str, code: str) -> None:
    assert source_of(extract(sentence, published="2016-10-12"), trigger)[0] == code
