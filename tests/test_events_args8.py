"""Issue 9, arguments and duplicates of verb-pattern events on fresh articles (eighth session, args8).

Each table row is a sentence of our own naming one phenomenon: whom a promise is made to, whom a demand asks
to act, who is acted on in a passive infinitive, who a pronoun in quoted words can be, and a statement told
twice. Rows marked "guard" must keep today's reading.
"""

from __future__ import annotations

import pytest

from newsevents.types import ArticleRecord, Event
from tests.conftest import Extract


def events_at(record: ArticleRecord, trigger: str) -> list[Event]:
    return [e for e in record.events if trigger in e.trigger.text]


def targets_at(record: ArticleRecord, trigger: str) -> set[str | None]:
    return {e.target.text if e.target else None for e in events_at(record, trigger)}


# sentence, trigger word, targets expected (None: the event has no target)
PROMISED_THINGS = [
    # an indefinite object of a promise is the thing promised, not whom it is promised to
    ("Mr Hale promised a fresh campaign that would be positive.", "promised", {None}),
    ("The government pledged an independent commission into the deaths.", "pledged", {None}),
    # guard: the one promised something is still the target
    ("The minister promised the union a new deal.", "promised", {"union"}),
    ("The minister promised aid to the farmers.", "promised", {"farmers"}),
]


@pytest.mark.parametrize(("sentence", "trigger", "expected"), PROMISED_THINGS)
def test_a_promised_body_is_no_target(extract: Extract, sentence: str, trigger: str, expected: set) -> None:
    record = extract(sentence)
    assert targets_at(record, trigger) == expected, [(e.cameo, e.trigger.text, e.target) for e in record.events]


ASKED_TO_ACT = [
    # the subject of a demand's or appeal's "for ... to" clause is the one asked
    ("The vote came despite a French demand for Spain to reopen the border.", "demand", {"Spain"}),
    ("The strike follows a Labour demand for the minister to resign.", "demand", {"minister"}),
    # guard: "a demand for a pay rise" asks for a thing, nobody named
    ("The union repeated its demand for a pay rise.", "demand", {None}),
]


@pytest.mark.parametrize(("sentence", "trigger", "expected"), ASKED_TO_ACT)
def test_a_demand_for_someone_to_act_targets_them(extract: Extract, sentence: str, trigger: str, expected: set) -> None:
    record = extract(sentence)
    assert targets_at(record, trigger) == expected, [(e.cameo, e.trigger.text, e.target) for e in record.events]


PASSIVE_INFINITIVES = [
    # a passive infinitive has no subject of its own: its governor's subject is the one acted on
    ("The four suspects are expected to be questioned by detectives.", "questioned", {"suspects"}),
    ("The rebels were due to be attacked by the army.", "attacked", {"rebels"}),
    # guard: a plain passive keeps its subject
    ("The four suspects were questioned by detectives.", "questioned", {"suspects"}),
]


@pytest.mark.parametrize(("sentence", "trigger", "expected"), PASSIVE_INFINITIVES)
def test_the_subject_of_a_passive_infinitive_is_acted_on(
    extract: Extract, sentence: str, trigger: str, expected: set
) -> None:
    record = extract(sentence)
    assert {t and t.split()[-1] for t in targets_at(record, trigger)} == expected, [
        (e.cameo, e.trigger.text, e.target) for e in record.events
    ]


def test_a_pronoun_in_a_quote_is_not_whom_the_quote_is_told_to(extract: Extract) -> None:
    # "they" in the quote cannot be the broadcaster told it (that would be "you"), nor its speaker ("we")
    record = extract(
        'Labour MPs met in private on Monday. Later the deputy leader told BBC News: "They told us very '
        'clearly that the plan had failed."'
    )
    told = [e for e in events_at(record, "told") if e.quote is None]
    assert all(e.source is None or e.source.code is None or "MED" not in e.source.code for e in told), told
    assert all(e.source is None or "deputy leader" not in e.source.text for e in told), told


def test_a_quoted_us_is_the_speakers_side_at_the_pronoun(extract: Extract) -> None:
    record = extract('The party leader told reporters: "The unions told us very clearly that the plan had failed."')
    told = [e for e in events_at(record, "told") if e.source is not None and e.source.text == "unions"]
    assert [(e.target.text if e.target else None) for e in told] == ["us"], record.events


def test_a_guard_pronoun_outside_quotes_still_resolves_to_the_reporting_subject(extract: Extract) -> None:
    record = extract("Israel announced it would free the prisoners.")
    assert [e.source.code for e in events_at(record, "free") if e.source] == ["ISR"]


# sentence, the codes expected for the whole sentence
WITH_A_SPOKESMAN = [
    # "with a spokesman saying ..." tells how a body's act in words was done: one event, not a second 010
    (
        'The ministry defended the decision to close the school, with a spokesman saying: "We had no choice."',
        ["052"],
    ),
    ("The ministry criticised the union, with a spokeswoman saying the strike was reckless.", ["111"]),
    # guard: beside an act not done in words, the spokesman's statement is a speech act of its own
    ("The minister resigned on Monday, with an aide saying he was tired.", ["0831", "010"]),
    # guard: a separate sentence-level statement stays
    ("The ministry praised the union, and a spokeswoman said the deal was fair.", ["051", "010"]),
]


@pytest.mark.parametrize(("sentence", "codes"), WITH_A_SPOKESMAN)
def test_a_spokesmans_words_with_the_act_are_the_act(extract: Extract, sentence: str, codes: list[str]) -> None:
    record = extract(sentence)
    assert [e.cameo for e in record.events] == codes, [(e.cameo, e.trigger.text) for e in record.events]


OTHER_TARGETS = [
    # a campaign or inquiry promised is what is promised, whatever its determiner
    ('She promised "the most positive campaign the party has ever run".', "promised", {None}),
    # a complaint's or criticism's that-clause names whom it is made against
    ("The vote follows complaints from some MPs that the minister had taken too long.", "complaints", {"minister"}),
    ("There was criticism from Labour that the minister had misled MPs.", "criticism", {"minister"}),
    # guard: a that-clause about a thing names no one
    ("There was criticism from Labour that the plan was flawed.", "criticism", {None}),
    # a refusal's infinitive names whom it is aimed at, or the owner of what is refused
    ("The governor's refusal to meet the union leaders was criticised.", "refusal", {"union leaders"}),
    ("The governor's refusal to accept the Tories' proposals was criticised.", "refusal", {"Tories"}),
    # those met, not each other, are whom coordinated subjects discuss with
    ("The minister and the mayor met union leaders to discuss the strike.", "met", {"union leaders"}),
]


@pytest.mark.parametrize(("sentence", "trigger", "expected"), OTHER_TARGETS)
def test_targets_named_by_a_clause_of_the_event(extract: Extract, sentence: str, trigger: str, expected: set) -> None:
    record = extract(sentence)
    assert targets_at(record, trigger) == expected, [(e.cameo, e.trigger.text, e.target) for e in record.events]


# sentence, the trigger texts expected: a meeting's purpose clause, or a participle telling how a statement was
# made, repeats the head's act
ONE_ACT_TWO_VERBS = [
    ("France and Germany met to discuss the treaty.", {"met"}),
    ("The minister and the mayor met union leaders to discuss the strike.", {"met"}),
    # guard: an intent to meet is its own act
    ("The leaders agreed to meet next week.", {"agreed to meet"}),
    # a participle telling how a statement was made is that statement
    ("The ministry wrote to the families of the victims, telling them the inquiry would reopen.", {"wrote"}),
    # guard: a participle of another code is a second act ("attacked ..., accusing ...")
    ("The minister attacked the plan, accusing the council of lying.", {"attacked the plan", "accusing"}),
]


@pytest.mark.parametrize(("sentence", "expected"), ONE_ACT_TWO_VERBS)
def test_an_act_told_by_two_verbs_is_coded_once(extract: Extract, sentence: str, expected: set) -> None:
    record = extract(sentence)
    assert {e.trigger.text for e in record.events} == expected, [(e.cameo, e.trigger.text) for e in record.events]


def test_the_owner_of_the_means_is_the_subject_who_uses_it(extract: Extract) -> None:
    # "used his speech to attack X": "his" repeats the subject, who is the one named as source
    record = extract("The senator used his speech to attack the governor.")
    assert [(e.source.text if e.source else None) for e in events_at(record, "attack")] == ["senator"]


def test_they_can_be_a_plural_role_the_tagger_called_a_proper_noun(extract: Extract) -> None:
    # "MPs" is often tagged NNP; as a plural role it is a group "they" can refer to
    record = extract(
        "Labour's chief whip said the party had had a rough time from MPs. The deputy leader told BBC News: \"They "
        'told us very clearly that the plan had failed."'
    )
    told = [e for e in events_at(record, "told") if e.quote is None and e.source is not None]
    assert [e.source.code for e in told] == ["GBRLEG"], [(e.source, e.target) for e in record.events]


RELATIVE_PATIENTS = [
    # a relative pronoun acted on stands for the noun its clause describes
    ("The mayor, who was criticised by the Tories last week, resigned.", "criticised", {"mayor"}),
    ("The minister, whom the Tories criticised last week, resigned.", "criticised", {"minister"}),
    ("The council, which the minister criticised on Monday, met again.", "criticised", {"council"}),
    # guard: a relative subject still acts ("the minister, who denied the charge")
    ("The Tories attacked the minister, who denied the charge.", "attacked", {"minister"}),
]


@pytest.mark.parametrize(("sentence", "trigger", "expected"), RELATIVE_PATIENTS)
def test_a_relative_pronoun_acted_on_is_its_noun(extract: Extract, sentence: str, trigger: str, expected: set) -> None:
    record = extract(sentence)
    assert targets_at(record, trigger) == expected, [(e.cameo, e.trigger.text, e.target) for e in record.events]


def test_an_agentless_relative_passive_names_no_target(extract: Extract) -> None:
    # "survivors of the war who were attacked": nobody named acting, and the parser may hang "who" on "war"
    record = extract("The charity helps survivors of the Bosnian war who were attacked and often robbed.")
    assert not events_at(record, "attacked"), [(e.cameo, e.trigger.text, e.target) for e in record.events]
