"""Issue 9, event half: statements, verb senses, threats and dictionary files, in sentences of our own.

Each row: sentence -> the events expected as (CAMEO code or root prefix, source text, target text or None),
checked through the real pipeline; `absent` rows name codes that must not appear.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from newsevents.extract.events import load_verb_dictionaries
from newsevents.options import Options
from newsevents.types import ArticleRecord, InputError

Row = tuple[str, str | None, str | None]


def coded(record: ArticleRecord) -> set[Row]:
    return {(e.cameo, e.source.text if e.source else None, e.target.text if e.target else None) for e in record.events}


def has(record: ArticleRecord, code: str, source: str, target: str | None) -> bool:
    """An event whose code starts with `code`, whose source text ends with `source`, and target likewise."""
    return any(
        c.startswith(code)
        and s is not None
        and s.endswith(source)
        and (t is None if target is None else (t is not None and t.endswith(target)))
        for c, s, t in coded(record)
    )


STATEMENTS = [
    # a plain attributed statement is 010, with no target
    ("Mayor Ellen Carter said the new tram line would open in spring.", "010", "Ellen Carter", None),
    ("The new tram line will open in spring, Mayor Ellen Carter said.", "010", "Ellen Carter", None),
    # the cue gives the finer 01x code
    ("Governor Tom Hale warned that the deficit would keep growing.", "012", "Tom Hale", None),
    ("Governor Tom Hale admitted that the audit had found mistakes.", "015", "Tom Hale", None),
    ("Senator Maria Lopez predicted that the vote would pass easily.", "013", "Maria Lopez", None),
    # an addressed actor is the target; a reporter is not
    ("Prime Minister Anna Berg told parliament that taxes would not rise.", "01", "Anna Berg", "parliament"),
    ("Prime Minister Anna Berg told reporters that taxes would not rise.", "01", "Anna Berg", None),
]


@pytest.mark.parametrize(("sentence", "code", "source", "target"), STATEMENTS)
def test_attributed_statements_are_events(extract, sentence: str, code: str, source: str, target: str | None) -> None:
    record = extract(sentence)
    assert has(record, code, source, target), coded(record)
    statement = next(e for e in record.events if e.root == "01")
    assert statement.quote is not None and record.quotes[statement.quote].cue is not None


def test_one_event_per_speech_act(extract) -> None:
    # "urged" is an appeal (02x): the cue is coded once, as the appeal, linked to its quote
    record = extract("Senator Maria Lopez urged the governor to sign the bill.")
    assert [e.root for e in record.events if e.trigger.text.startswith("urged")] == ["02"]
    assert not [e for e in record.events if e.root == "01"]


def test_polls_and_studies_make_no_statement(extract) -> None:
    assert not [e for e in extract("A study by the university shows that rents rose sharply.").events if e.root == "01"]


SENSES = [
    # release: a person freed is 0841; a document released is no event
    ("The rebels released two aid workers on Sunday.", "0841", "01"),
    ("The campaign released a new advert on Sunday.", None, "0841"),
    ("The ministry released the figures on Tuesday.", None, "0841"),
    # call: for is an appeal, NP NP an accusation, out a criticism, never a telephone call
    ("Governor Tom Hale called for an inquiry into the contracts.", "02", "041"),
    ("Mayor Ellen Carter called the senator a coward.", "11", "041"),
    ("Mayor Ellen Carter called out the governor over the delays.", "111", "041"),
    # pleading guilty is no appeal
    ("The former treasurer pleaded guilty to fraud.", None, "02"),
    # figurative force words
    ("Senator Maria Lopez took aim at the governor over the budget.", None, "19"),
    ("Governor Tom Hale fired back at the senator over the budget.", "111", "19"),
]


@pytest.mark.parametrize(("sentence", "present", "absent"), SENSES)
def test_the_object_decides_the_verb_sense(extract, sentence: str, present: str | None, absent: str | None) -> None:
    codes = {e.cameo for e in extract(sentence).events}
    if present is not None:
        assert any(code.startswith(present) for code in codes), codes
    assert absent is None or not any(code.startswith(absent) for code in codes), codes


def test_an_interviewer_question_is_no_appeal(extract) -> None:
    record = extract("Asked about the closures, Mayor Ellen Carter said the council had no choice.")
    assert not [e for e in record.events if e.root == "02"]
    assert has(record, "010", "Ellen Carter", None)


@pytest.mark.parametrize(
    ("sentence", "threat"),
    [
        ("Germany warned Poland that Russia could cut gas supplies.", False),
        ("Germany warned Poland that it would impose sanctions.", True),
    ],
)
def test_a_threat_is_the_speakers_own_act(extract, sentence: str, threat: bool) -> None:
    record = extract(sentence)
    threats = [e for e in record.events if e.root == "13" and e.source is not None and e.source.country == "DEU"]
    assert bool(threats) is threat, coded(record)


def test_verb_dictionary_lines_are_checked_with_file_and_line(tmp_path: Path) -> None:
    bad = tmp_path / "mine.tsv"
    bad.write_text("# my verbs\nverb\t0841\trelease [@nobody]\n", encoding="utf-8")
    with pytest.raises(InputError, match=r"mine.tsv:2: class '@nobody'"):
        load_verb_dictionaries(Options(verb_dictionaries=(str(bad),)))
    missing = tmp_path / "absent.tsv"
    with pytest.raises(InputError, match=r"absent\.tsv"):
        load_verb_dictionaries(Options(verb_dictionaries=(str(missing),)))


def test_user_classes_and_no_event_senses(extract, tmp_path: Path) -> None:
    mine = tmp_path / "mine.tsv"
    mine.write_text("class\tkit\tweapon|rifle\nverb\t-\tsend [@kit]\n", encoding="utf-8")
    sentence = "Britain sent weapons to Ukraine last month."
    assert any(e.root == "07" for e in extract(sentence).events)
    assert not [e for e in extract(sentence, verb_dictionaries=[str(mine)]).events if e.root == "07"]


ARGUMENTS_AND_MODALITY = [
    # (sentence, trigger code prefix, expected source text suffix or None, modality or None)
    # the source is the grammatical subject, never a comparison or the speaker of a surrounding "said"
    ("Like Senator Smith, Governor Jones criticised the plan.", "111", "Jones", "asserted"),
    ("The governor criticised the plan, the mayor said.", "111", "governor", "reported"),
    # a beneficiary is not the actor: the unions would do the supporting, not the speaker (in reported speech:
    # inside a direct quote a hoped-for act is talk, not an event, tests/test_events_channels.py)
    ("Governor Jones said he hoped the unions would support him.", "05", "unions", "hypothetical"),
    # progressive is asserted (habitual "would" and counterfactual "could have" are no act at all:
    # tests/test_events_precision.py)
    ("The senator is urging the governor to resign.", "02", "senator", "asserted"),
    # a statement's own modality: future and negated speech acts
    ("The Greens will say that the plan costs too much.", "01", "Greens", "hypothetical"),
    ("Senator Maria Lopez did not say whether she would run.", "01", "Maria Lopez", "negated"),
]


@pytest.mark.parametrize(("sentence", "code", "source", "mood"), ARGUMENTS_AND_MODALITY)
def test_arguments_and_modality(extract, sentence: str, code: str, source: str, mood: str) -> None:
    events = [e for e in extract(sentence).events if e.cameo.startswith(code)]
    assert events, sentence
    assert any(e.source is not None and e.source.text.endswith(source) and e.modality == mood for e in events), [
        (e.source.text if e.source else None, e.modality) for e in events
    ]


@pytest.mark.parametrize(
    "sentence",
    [
        "The party could have rallied behind the mayor.",  # counterfactual: nothing happened
        "Mayor Jones told to cut spending.",  # a passive cue: the mayor is the one told, not a speaker
    ],
)
def test_no_asserted_event(extract, sentence: str) -> None:
    assert not [e for e in extract(sentence).events if e.modality == "asserted"]


def test_a_participle_cue_is_part_of_the_act_it_hangs_on(extract) -> None:
    record = extract("Mayor Ellen Carter criticised the budget, saying it was unfair.")
    assert [e.root for e in record.events] == ["11"]


def test_an_actor_acting_on_its_own_forces_has_no_target(extract) -> None:
    record = extract("Moscow pulled its forces back from the border.")
    assert record.events and all(e.target is None for e in record.events)


@pytest.mark.parametrize(
    ("sentence", "visit"),
    [
        ("Russian troops traveled to Belarus for exercises.", False),  # a deployment, not a visit
        ("The French president visited Germany on Monday.", True),
    ],
)
def test_visits_are_between_actors(extract, sentence: str, visit: bool) -> None:
    assert any(e.cameo == "042" for e in extract(sentence).events) is visit


def test_donations_are_aid(extract) -> None:
    assert any(e.root == "07" for e in extract("Lord Smith gave 50,000 pounds to the Liberal Democrats.").events)
