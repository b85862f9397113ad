"""Who acts and who is acted on, read off the sentence: a table of phenomena in sentences of our own.

Each row: sentence -> the trigger's root, the source (its text ends with ..., and its code when the
actor is coded) and the target (None: no target). Rows name the phenomenon they guard.
"""

from __future__ import annotations

import pytest

from newsevents.types import Actor, ArticleRecord, Event


def describe(record: ArticleRecord) -> list[tuple[str, str, str | None, str | None]]:
    return [
        (e.cameo, e.trigger.text, e.source and f"{e.source.text}/{e.source.code}", e.target and e.target.text)
        for e in record.events
    ]


def _is(actor: Actor | None, text: str | None, code: str | None) -> bool:
    if text is None:
        return actor is None
    return actor is not None and actor.text.endswith(text) and (code is None or actor.code == code)


Row = tuple[str, str, str, tuple[str, str | None], tuple[str, str | None] | None]

ROWS: list[Row] = [
    # the owner of "decision/plan to ..." acts, not the subject of the verb that governs the noun
    (
        "Senator Brown criticised the union's decision to endorse the governor.",
        "endorse",
        "05",
        ("union", None),
        ("governor", None),
    ),
    (
        "Iran announced plans to expel the British ambassador.",
        "expel",
        "16",
        ("Iran", "IRN"),
        ("British ambassador", "GBRGOV"),
    ),
    # a comparison hung as the subject ("Like X, Y ...") is not who acts
    (
        "Like Senator Marco Rubio, Governor Chris Christie suggested that the deal was a mistake.",
        "suggested",
        "01",
        ("Chris Christie", None),
        None,
    ),
    (
        "Unlike the French president, the German chancellor praised the plan.",
        "praised",
        "05",
        ("German chancellor", "DEUGOV"),
        None,
    ),
    # a measure's participle says whom it hits
    (
        "The European Union lifted the sanctions imposed on Iran.",
        "lifted",
        "08",
        ("European Union", None),
        ("Iran", "IRN"),
    ),
    # a document speaks for whoever made it public
    (
        "Turkey welcomed the report compiled by the United Nations.",
        "welcomed",
        "05",
        ("Turkey", "TUR"),
        ("United Nations", None),
    ),
    (
        "A report published by Amnesty International accused Israel of war crimes.",
        "accused",
        "11",
        ("Amnesty International", None),
        ("Israel", "ISR"),
    ),
    # "X's critics" are not X: the possessor is whom they stand against
    ("Blair's critics accused him of lying.", "accused", "11", ("critics", None), ("him", None)),
    ("The president's opponents condemned his speech.", "condemned", "11", ("opponents", None), ("his", None)),
    # an act on someone is aimed at them, a document on something only has a topic
    ("Russia condemned the attack on Syria.", "condemned", "11", ("Russia", "RUS"), ("Syria", "SYR")),
    ("The government criticised the report on Iran.", "criticised", "11", ("government", None), None),
    ("The EU welcomed the decision on Iran.", "welcomed", "05", ("EU", None), None),
    # a letter carries the act to its addressee
    (
        "In a letter to the prime minister, the union demanded a pay rise.",
        "demanded",
        "10",
        ("union", None),
        ("prime minister", None),
    ),
    (
        "The union rejected the offer in a letter to the employers.",
        "rejected",
        "12",
        ("union", None),
        ("employers", None),
    ),
    # a companion set off after the subject acts too
    ("France, along with Germany, condemned the invasion.", "condemned", "11", ("Germany", "DEU"), None),
    ("France, together with Germany, condemned the invasion.", "condemned", "11", ("France", "FRA"), None),
    # the gerund after a preposition: the governing verb's subject, or its object after of/for/from/against
    (
        "Labour joined the Tories in criticising the government.",
        "criticising",
        "11",
        ("Tories", None),
        ("government", None),
    ),
    (
        "Labour joined the Tories in criticising the government.",
        "criticising",
        "11",
        ("Labour", None),
        ("government", None),
    ),
    ("Japan thanked Britain for helping the victims.", "helping", "07", ("Britain", "GBR"), ("victims", None)),
    ("Russia warned Georgia against attacking Abkhazia.", "attacking", "19", ("Georgia", "GEO"), ("Abkhazia", None)),
    # the helped one is the target though the parser makes it the subject of a bare infinitive
    ("Britain offered to help Kenya fight the drought.", "offered", "03", ("Britain", "GBR"), ("Kenya", "KEN")),
    ("The US helped Iraq rebuild its army.", "helped", "07", ("US", "USA"), ("Iraq", "IRQ")),
    # "said X was Y and urged ...": the parser joins the second verb to the reported clause, but the
    # reporter does it, as an act of their own
    (
        "The mayor said the plan was unfair and urged voters to reject the council.",
        "urged",
        "02",
        ("mayor", None),
        ("voters", None),
    ),
    (
        "Russia said the attack was a crime and accused Ukraine of terrorism.",
        "accused",
        "11",
        ("Russia", "RUS"),
        ("Ukraine", "UKR"),
    ),
    # coordination and control (guards)
    ("Germany and France urged Russia to withdraw its troops.", "urged", "02", ("France", "FRA"), ("Russia", "RUS")),
    (
        "The prime minister criticised Germany and praised France.",
        "praised",
        "05",
        ("prime minister", None),
        ("France", "FRA"),
    ),
    ("Japan asked China to release the fishermen.", "asked", "02", ("Japan", "JPN"), ("China", "CHN")),
    # a person the source "owns" by a possessive is still an actor of their own (evargs, round 6)
    (
        "The governor praised his finance minister's handling of the floods.",
        "praised",
        "05",
        ("governor", None),
        ("finance minister", None),
    ),
    ("The president met his foreign minister on Monday.", "met", "04", ("president", None), ("foreign minister", None)),
    # a possessive resolved to someone else is no part of the source
    (
        "The senator defended the court and praised its judges.",
        "praised",
        "05",
        ("senator", None),
        ("judges", None),
    ),
    # "said X was in line with / at odds with Y and V-ed": the reporter's next act (a judging phrase)
    (
        "The senator said the court's ruling was in line with the constitution and praised the judges.",
        "praised",
        "05",
        ("senator", None),
        ("judges", None),
    ),
    # a passive with no by-agent: the body one is expelled or suspended from is the one that acts
    ("The mayor was suspended from the council.", "suspended", "17", ("council", None), ("mayor", None)),
    ("The journalist was expelled from Russia last week.", "expelled", "17", ("Russia", "RUS"), ("journalist", None)),
    # kin are civilians of their own, of the country of the one they are named after, never that one
    ("The British soldier's family sued the army.", "sued", "11", ("soldier's family", "GBRCVL"), ("army", None)),
    (
        "Relatives of the Iraqi hostages met the prime minister.",
        "met",
        "04",
        ("Relatives", "IRQCVL"),
        ("prime minister", None),
    ),
    # "accused X of A-ing and B-ing": a second gerund the parser coordinates with "accused" is X's act too
    (
        "The senator accused the mayor of hiding the figures and then attacking the auditors.",
        "attacking",
        "11",
        ("mayor", None),
        None,
    ),
]


def _found(events: list[Event], row: Row) -> bool:
    _, trigger, root, (source, source_code), target = row
    return any(
        trigger in e.trigger.text
        and e.root == root
        and _is(e.source, source, source_code)
        and (_is(e.target, *target) if target else e.target is None)
        for e in events
    )


@pytest.mark.parametrize("row", ROWS, ids=[r[0][:50] for r in ROWS])
def test_source_and_target(extract, row: Row) -> None:
    record = extract(row[0])
    assert _found(record.events, row), describe(record)


NOT_SOURCES = [
    # someone worried about, or voting against, another's plans is not the planner
    ("Senator Brown was worried about plans to sanction Iran.", "sanction", "Brown"),
    ("The senator voted against plans to sanction Iran.", "sanction", "senator"),
    ("Critics of the government accused it of lying.", "accused", "government"),
    ("The senator criticised the decision to invade Iraq.", "invade", "senator"),
    ("Russia rejected plans to expand NATO.", "expand", "Russia"),
]


@pytest.mark.parametrize(("sentence", "trigger", "not_source"), NOT_SOURCES)
def test_not_the_source(extract, sentence: str, trigger: str, not_source: str) -> None:
    record = extract(sentence)
    events = [e for e in record.events if trigger in e.trigger.text]
    assert all(e.source is None or not_source not in e.source.text for e in events), describe(record)


def test_an_act_in_a_charge_is_reported(extract) -> None:
    record = extract("Britain accused Iran of arming the rebels.")
    arming = [e for e in record.events if e.trigger.text == "arming"]
    assert [(e.source and e.source.code, e.modality) for e in arming] == [("IRN", "reported")], describe(record)


def test_the_reporters_next_act_is_asserted_and_the_statement_stays(extract) -> None:
    record = extract("The minister said the plan was fair and criticised the unions.")
    found = sorted((e.root, e.trigger.text, e.modality) for e in record.events)
    assert found == [("01", "said", "asserted"), ("11", "criticised", "asserted")], describe(record)


def test_a_conjunct_with_its_own_auxiliary_stays_in_the_report(extract) -> None:
    record = extract("The minister said the unions had lied and would be punished.")
    assert not [e for e in record.events if e.source is not None and e.trigger.text == "punished"], describe(record)


AUDIENCES = [
    "The minister spoke to reporters after the talks.",
    "The minister met journalists in London.",
]


@pytest.mark.parametrize("sentence", AUDIENCES)
def test_reporters_are_not_targets(extract, sentence: str) -> None:
    record = extract(sentence)
    assert all(e.target is None or e.target.sector != "MED" for e in record.events), describe(record)


HEADLINE_PASSIVES = [
    # headlinese drops the "is" of a passive: the subject was acted on, and no one is named as the actor
    ("Mayor accused of hiding the deficit\n\nThe city council met on Monday.", "accused"),
    ("Stop the strike now, unions urged\n\nThe talks resume on Monday.", "urged"),
    ("Minister urged to quit over the leak\n\nThe row went on.", "urged"),
]


@pytest.mark.parametrize(("text", "trigger"), HEADLINE_PASSIVES)
def test_a_headline_passive_subject_is_not_the_source(extract, text: str, trigger: str) -> None:
    record = extract(text)
    events = [e for e in record.events if e.trigger.text == trigger]
    assert all(e.source is None or e.source.start > e.trigger.start for e in events), describe(record)


HEADLINE_ACTIVES = [
    ("Mayor accuses council of hiding the deficit\n\nThe city council met on Monday.", "accuses", "mayor"),
    ("The mayor accused the council of lying.", "accused", "mayor"),
]


@pytest.mark.parametrize(("text", "trigger", "source"), HEADLINE_ACTIVES)
def test_an_active_headline_or_sentence_keeps_its_subject(extract, text: str, trigger: str, source: str) -> None:
    record = extract(text)
    events = [e for e in record.events if e.trigger.text == trigger]
    assert events and all(e.source is not None and e.source.text.lower().endswith(source) for e in events), describe(
        record
    )


def test_an_act_in_a_charge_is_reported_when_the_of_hangs_on_the_object(extract) -> None:
    record = extract("The senator accused the mayor of hiding the figures and then attacking the auditors.")
    attacking = [e for e in record.events if e.trigger.text == "attacking"]
    assert [e.modality for e in attacking] == ["reported"], describe(record)
