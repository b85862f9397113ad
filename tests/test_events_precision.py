"""Issue 9, event precision: modality, arguments and duplicates, in sentences of our own.

Each row: sentence -> what must (or must not) be coded, checked through the real pipeline.
"""

from __future__ import annotations

import pytest

from newsevents.types import ArticleRecord


def triples(record: ArticleRecord) -> list[tuple[str, str | None, str | None, str]]:
    return [
        (e.cameo, e.source.text if e.source else None, e.target.text if e.target else None, e.modality)
        for e in record.events
    ]


# Acts that neither happened nor are expected to: no event at all (CODING.md codes neither).
NOT_ACTS = [
    ("The party could have rallied behind the mayor.", "rallied"),  # counterfactual
    ("The council should have consulted the unions.", "consulted"),  # counterfactual
    ("Every year the mayor would praise the police.", "praise"),  # habitual / generic "would"
    ("Any governor would criticise his rivals before an election.", "criticise"),  # generic "would"
    ("The union can sue the county over the new road.", "sue"),  # ability
    ("The senator was able to meet the governor.", "meet"),  # ability
    ("The government pledged money in an attempt to fight poverty.", "fight"),  # the object of an attempt
    # what a contract entitles to, even when the parser hangs the infinitive on the verb
    ("The firm won contracts to supply tents to the army after the floods.", "supply"),
    ("The referendum asks residents to back new bus lanes to be funded by the council.", "funded"),  # passive
    # a generic subject names no actor, also through a purpose clause
    ("As the spokesman said - any chancellor would use his budget to offer tax cuts to voters, wouldn't he.", "offer"),
    ("Any government would sue the firm.", "sue"),
    # "demonstrate" with a that-clause is showing, not a protest
    ("Farmers demonstrated that the subsidy was too low.", "demonstrated"),
    ("The campaign has demonstrated that voters want change.", "demonstrated"),
]


@pytest.mark.parametrize(("sentence", "trigger"), NOT_ACTS)
def test_acts_that_did_not_happen_are_not_coded(extract, sentence: str, trigger: str) -> None:
    record = extract(sentence)
    assert not [e for e in record.events if trigger in e.trigger.text], triples(record)


# Future, planned and conditional acts are coded, as hypothetical.
HYPOTHETICAL = [
    ("The union could sue the county over the new road.", "sue", "union"),
    ("If the talks fail, the union would sue the county.", "sue", "union"),
    ("The governor flew to Paris to meet the French president.", "meet", "governor"),  # a purpose is planned
    # a speaker's prediction about another actor is not yet an act
    ("The union said the council will sue the firm.", "sue", "council"),
    ("Union leaders say the council will sue the firm.", "sue", "council"),
]


@pytest.mark.parametrize(("sentence", "trigger", "source"), HYPOTHETICAL)
def test_future_and_conditional_acts_are_hypothetical(extract, sentence: str, trigger: str, source: str) -> None:
    record = extract(sentence)
    events = [e for e in record.events if trigger in e.trigger.text]
    assert events, triples(record)
    assert all(e.modality == "hypothetical" for e in events), triples(record)
    assert any(e.source is not None and e.source.text.endswith(source) for e in events)


@pytest.mark.parametrize(
    ("sentence", "modality"),
    [
        ("The council will sue the firm.", "asserted"),  # the writer's plain future: PETR2 counts it
        ("The firm said the council sued it.", "reported"),  # a reported past act stays reported
    ],
)
def test_a_plain_future_and_a_reported_past_keep_their_modality(extract, sentence: str, modality: str) -> None:
    record = extract(sentence)
    assert [e.modality for e in record.events if e.root == "11"] == [modality], triples(record)


@pytest.mark.parametrize(
    ("sentence", "root"),
    [
        ("The president attacked the French, saying they had betrayed Africa.", "11"),  # words while speaking
        ("The rebels attacked the French, saying they had betrayed Africa.", "19"),  # armed actors: force
        ("Students demonstrated against the new fees.", "14"),  # a protest stays a protest
    ],
)
def test_the_sense_of_attack_and_demonstrate(extract, sentence: str, root: str) -> None:
    record = extract(sentence)
    assert [e.root for e in record.events if e.root in ("11", "14", "19")] == [root], triples(record)


def test_a_title_coordinated_with_a_name_is_the_same_person(extract) -> None:
    record = extract("Retired banker and philanthropist Sir Tom Hill gave the party 2 million pounds.")
    sources = [s for code, s, _, _ in triples(record) if code.startswith("07")]
    assert len(sources) == 1 and sources[0] is not None and sources[0].endswith("Tom Hill"), triples(record)


# Arguments: who is the target, and what is not.
TARGETS = [
    # a phrase set off between the subject and its verb is the scene, not the target
    ("Mr Lee, on a week-long tour of Asia, spent three days in Vietnam.", "04", "Vietnam", "Asia"),
    # a general noun stands for the actors it gives as examples
    ("The EU imposed sanctions on several countries, including Iran and Syria.", "16", "Iran", "countries"),
    ("The EU imposed sanctions on countries such as Iran.", "16", "Iran", "countries"),
    # a phrase before the subject sets the scene; it is not whom the act is aimed at
    ("At Springfield, the governor criticised the mayor.", "11", "mayor", "Springfield"),
    # a sum of money is what is given or promised, never an actor
    ("The party promised 4 billion pounds in tax cuts.", "03", None, "pounds"),
    ("The party promised pounds 4bn in tax cuts.", "03", None, "pounds"),
]


@pytest.mark.parametrize(("sentence", "root", "target", "not_target"), TARGETS)
def test_targets_are_actors_the_act_is_aimed_at(
    extract, sentence: str, root: str, target: str | None, not_target: str
) -> None:
    record = extract(sentence)
    events = [e for e in record.events if e.root == root]
    assert events, triples(record)
    assert all(e.target is None or not_target not in e.target.text for e in events), triples(record)
    if target is not None:
        assert any(e.target is not None and e.target.text.endswith(target) for e in events), triples(record)


# One act coded once.
def test_a_speech_act_in_the_quote_is_the_statement(extract) -> None:
    record = extract('"We are asking other countries to join us," the foreign minister said.')
    roots = sorted(e.root for e in record.events)
    assert roots == ["02"], triples(record)


def test_a_plain_quote_is_still_a_statement(extract) -> None:
    record = extract('"Taxes will fall next year," the finance minister said.')
    assert [e.cameo for e in record.events] == ["010"], triples(record)


def test_speaking_to_a_channel_is_the_statement_it_introduces(extract) -> None:
    record = extract("Speaking to the BBC on Sunday, the prime minister said taxes would fall.")
    assert not [e for e in record.events if e.root == "04"], triples(record)
    assert [e.root for e in record.events] == ["01"], triples(record)


def test_talking_to_an_actor_is_still_a_consultation(extract) -> None:
    record = extract("The prime minister spoke to the French president on Sunday.")
    assert [e.root for e in record.events] == ["04"], triples(record)


@pytest.mark.parametrize(
    ("sentence", "posture"),
    [
        ("The parties built up their war chests before the election.", False),  # money, not force
        ("Russia built up troops on the border with Ukraine.", True),
    ],
)
def test_a_show_of_force_needs_a_state_or_armed_group(extract, sentence: str, posture: bool) -> None:
    record = extract(sentence)
    assert any(e.root == "15" for e in record.events) is posture, triples(record)


@pytest.mark.parametrize(
    ("sentence", "visit"),
    [
        ("Mayor Carter of Leeds will visit Manchester on Tuesday.", False),  # travel at home: no host
        ("The British prime minister will visit France on Tuesday.", True),
    ],
)
def test_a_visit_needs_a_host(extract, sentence: str, visit: bool) -> None:
    record = extract(sentence)
    assert any(e.cameo == "042" for e in record.events) is visit, triples(record)


# The source is the name the sentence gives, not the role noun describing it, nor the body that owns the role.
NAMED_SOURCES = [
    ("The businesswoman Clara Voss praised the city council.", "05", "Clara Voss"),  # role + name, no comma
    ("The union's treasurer, Omar Field, criticised the mayor.", "11", "Omar Field"),  # not the owner "union"
    ("The senator, Rosa Kemp, criticised the governor.", "11", "Rosa Kemp"),
]


@pytest.mark.parametrize(("sentence", "root", "source"), NAMED_SOURCES)
def test_the_source_is_the_named_person_in_apposition(extract, sentence: str, root: str, source: str) -> None:
    record = extract(sentence)
    assert [s for code, s, _, _ in triples(record) if code.startswith(root)] == [source], triples(record)


# A public body named after an unknown organisation is another actor, not a description of it.
def test_a_council_after_an_unknown_group_is_the_target_not_the_group(extract) -> None:
    record = extract("The campaign group Stopline said the council had ignored residents.")
    group = next(a for a in record.actors if a.text == "Stopline")
    council = next(a for a in record.actors if a.text == "council")
    assert not group.same_entity(council) and council.code == "GOV", record.actors


def test_a_third_person_pronoun_is_not_the_speaker_who_hopes(extract) -> None:
    # "they" is the unions hoped for, not the mayor who speaks as "we"
    record = extract('"We hope they will support us," the mayor said of the unions.')
    assert not [e for e in record.events if e.root == "05" and e.source is not None and "mayor" in e.source.text], (
        triples(record)
    )
    assert extract("The union said it would support the mayor.").events, "a reported 'it' still finds its speaker"
    # "US" the country is no first-person "us": its "they" is still the speaker
    record = extract("The US announced that they had freed the Canadian hostages.")
    assert any(e.root == "08" and e.source is not None and e.source.text == "US" for e in record.events), triples(
        record
    )


@pytest.mark.parametrize(
    ("sentence", "coded"),
    [
        ("Senator Jane Doe, left, meets Governor Bob Roe in Springfield on Monday.", False),  # a caption
        ("Governor Bob Roe (centre) criticises the mayor at a rally. Photo: Tim Eade", False),
        ("Senator Jane Doe met Governor Bob Roe, right, in Springfield on Monday.", True),  # past tense: told
        ("The mayor turned left and criticised the council.", True),  # "left" is not set off
    ],
)
def test_a_photo_caption_is_not_an_event(extract, sentence: str, coded: bool) -> None:
    record = extract(sentence)
    assert bool([e for e in record.events if e.root in ("04", "11")]) is coded, triples(record)


@pytest.mark.parametrize(
    ("sentence", "roots"),
    [
        ("The senator attacked what he called a reckless budget.", ["11"]),  # the label is part of the attack
        ("The senator called the governor a liar.", ["11"]),  # a naming of an actor is still an accusation
    ],
)
def test_a_label_quoted_in_passing_is_not_a_second_accusation(extract, sentence: str, roots: list[str]) -> None:
    record = extract(sentence)
    assert [e.root for e in record.events] == roots, triples(record)
