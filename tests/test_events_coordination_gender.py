"""Issue 9, arguments on fresh articles (seventh round): coordinated subjects that do not act on each other,
and pronouns whose antecedent's gender is told by a given name or by an earlier mention. Sentences of our own.
"""

from __future__ import annotations

from dataclasses import replace

import pytest

from newsevents.extract.actors.coref import chain_mentions
from newsevents.extract.actors.mentions import Mention
from newsevents.nlp.model import load_model
from newsevents.options import Options
from newsevents.types import ArticleRecord
from tests.conftest import Extract

UK = "Voters in Leeds went to the polls in Britain. {sentence}"
PUBLISHED = "2005-03-01"


def pairs(record: ArticleRecord, trigger: str) -> set[tuple[str | None, str | None]]:
    return {
        (e.source.text if e.source else None, e.target.text if e.target else None)
        for e in record.events
        if trigger in e.trigger.text
    }


# sentence, trigger, the (source, target) pairs expected: "X and Y <act>" is one event per conjunct;
# only a meeting, a cooperation or an agreement between them is also an act of each on the other
COORDINATED_SUBJECTS = [
    ("France and Germany pledged to cut emissions.", "pledged", {("France", None), ("Germany", None)}),
    ("Spain and Italy promised a vote on the treaty.", "promised", {("Spain", None), ("Italy", None)}),
    ("Norway and Sweden offered to mediate.", "mediate", {("Norway", None), ("Sweden", None)}),
    (
        "France and Germany agreed to cooperate on defence.",
        "agreed",
        {("France", "Germany"), ("Germany", "France")},
    ),
    (
        "Brazil and Argentina are seeking to deepen their partnership in energy.",
        "partnership",
        {("Brazil", "Argentina"), ("Argentina", "Brazil")},
    ),
    ("France and Germany vowed to work together.", "vowed", {("France", "Germany"), ("Germany", "France")}),
    ("Kenya and Uganda signed a trade deal.", "signed", {("Kenya", "Uganda"), ("Uganda", "Kenya")}),
    ("Kenya and Uganda held talks on Monday.", "talks", {("Kenya", "Uganda"), ("Uganda", "Kenya")}),
]


@pytest.mark.parametrize(("sentence", "trigger", "expected"), COORDINATED_SUBJECTS)
def test_coordinated_subjects_act_on_each_other_only_when_the_act_is_mutual(
    extract: Extract, sentence: str, trigger: str, expected: set[tuple[str | None, str | None]]
) -> None:
    record = extract(sentence)
    assert pairs(record, trigger) == expected, [(e.cameo, e.trigger.text) for e in record.events]


def test_two_visitors_do_not_visit_each_other(extract: Extract) -> None:
    record = extract("The Russian president and the Chinese president visited the dam in Egypt.")
    assert all(
        {e.source and e.source.text, e.target and e.target.text} != {"Russian president", "Chinese president"}
        for e in record.events
    ), [(e.cameo, e.source, e.target) for e in record.events]


# sentence, pronoun, the mention it refers to ("she" is never a man the text names "Mr" or "Peter")
GENDERED_PRONOUNS = [
    ("Anne Hill, the MP, met Mr Grant, the treasurer. He accused her of lying.", "He", "Mr Grant"),
    ("Anne Hill, the MP, met Mr Grant, the treasurer. He accused her of lying.", "her", "Anne Hill"),
    ("Peter Lang met Laura Fox in Leeds. She thanked him for his help.", "She", "Laura Fox"),
    ("Peter Lang met Laura Fox in Leeds. She thanked him for his help.", "him", "Peter Lang"),
    # the gender an honorific told earlier holds for the later bare surname of the same person
    ("Mr Dale spoke first. Dale and Laura Fox then met. She criticised him.", "She", "Laura Fox"),
    # an earlier sentence's topic is its main clause's subject, not the subject of a clause put before it
    (
        'Mr Grant criticised the plan. Asked whether he would resign, Mr Hill told reporters: "No". '
        "He said it was sound.",
        "He",
        "Mr Hill",
    ),
    ("After Mr Grant attacked the budget, Mr Hill defended it. He said it was fair.", "He", "Mr Hill"),
]


@pytest.mark.parametrize(("sentence", "pronoun", "antecedent"), GENDERED_PRONOUNS)
def test_a_pronoun_takes_a_person_of_its_gender(extract: Extract, sentence: str, pronoun: str, antecedent: str) -> None:
    record = extract(UK.format(sentence=sentence), published=PUBLISHED)
    found = next(a for a in record.actors if a.text == pronoun)
    expected = next(a for a in record.actors if a.text.endswith(antecedent))
    assert found.entity == expected.entity, [(a.text, a.entity) for a in record.actors]


def test_a_given_name_borne_by_both_sexes_tells_nothing(extract: Extract) -> None:
    # no given-name rule for "Sam": the subject of the previous sentence stays the antecedent
    record = extract(UK.format(sentence="Sam Lee met the mayor. She said the talks went well."), published=PUBLISHED)
    she = next(a for a in record.actors if a.text == "She")
    sam = next(a for a in record.actors if a.text.endswith("Sam Lee"))
    assert she.entity == sam.entity, [(a.text, a.entity) for a in record.actors]


# sentence, trigger, the target expected (None: no target)
TARGETS = [
    # the purpose infinitive of a measure names whom it is aimed at, wherever the parser hangs it
    ("The party could take legal action to unseat the two councillors.", "legal action", "councillors"),
    ("The union threatened legal action to force the council to act.", "legal action", "council"),
    # a measure of people is what a promise changes, not whom it is made to
    ("The Tories promised an upper limit on the number of people allowed into Britain.", "promised", None),
    ("The government promised a cap on the number of foreign workers.", "promised", None),
    ("The minister promised aid to the farmers.", "promised", "farmers"),
]


@pytest.mark.parametrize(("sentence", "trigger", "target"), TARGETS)
def test_targets_of_measures(extract: Extract, sentence: str, trigger: str, target: str | None) -> None:
    record = extract(sentence)
    assert {t for _, t in pairs(record, trigger)} == {target}, [(e.cameo, e.trigger.text) for e in record.events]


# a national newspaper the speaker talks to is how the news was got, never the statement's target
NEWSPAPERS = [
    "The Labour leader told the Independent that he would call an election.",
    "The Labour leader told the Observer that he would call an election.",
]


@pytest.mark.parametrize("sentence", NEWSPAPERS)
def test_a_newspaper_told_is_no_target(extract: Extract, sentence: str) -> None:
    record = extract(sentence)
    assert pairs(record, "told") == {("Labour leader", None)}, [(e.cameo, e.target) for e in record.events]


# a body the speaker calls his own is his side, wronged or praised, never the statement's target
OWN_BODY = [
    ("Mr Davis said ministers had failed his party.", {("Mr Davis", "ministers")}),
    ("The Tory leader said his party had let voters down.", {("Tory leader", None)}),
]


@pytest.mark.parametrize(("sentence", "expected"), OWN_BODY)
def test_the_speakers_own_body_is_no_target(
    extract: Extract, sentence: str, expected: set[tuple[str | None, str | None]]
) -> None:
    record = extract(sentence)
    assert pairs(record, "said") == expected, [(e.cameo, e.source, e.target) for e in record.events]


def test_a_named_description_describes_no_earlier_body() -> None:
    # "the Mirror newspaper" names its own body: no description of the unknown body named before it
    # (a description without a name still is: "Velmora ... the company")
    doc = load_model(Options().model)("Velmora found the files and gave them to the Mirror newspaper.")
    assert [t.text for t in doc[8:11]] == ["the", "Mirror", "newspaper"]
    firm = Mention(0, 1, 0, "organisation", "Velmora")
    paper = Mention(8, 11, 10, "group", "Mirror newspaper", sector="MED", role="newspaper", definite=True)
    plain = Mention(8, 11, 10, "group", "newspaper", sector="MED", role="newspaper", definite=True)
    named, described = chain_mentions(doc, [firm, paper]), chain_mentions(doc, [firm, replace(plain, start=10)])
    assert named.entity_of[0] != named.entity_of[1]
    assert described.entity_of[0] == described.entity_of[1]
