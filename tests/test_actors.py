"""Actors, as a table: sentence → the mentions we expect, with their codes."""

from __future__ import annotations

from pathlib import Path

import pytest

from newsevents.extract.actors.codes import DatedCode, code_on, parse_dated_code, split_code
from newsevents.extract.actors.coref import fold_spelling
from newsevents.types import Actor, ArticleRecord
from tests.conftest import Extract


def mention(record: ArticleRecord, text: str, nth: int = 0) -> Actor:
    found = [a for a in record.actors if a.text == text]
    assert len(found) > nth, f"no actor mention {text!r}; got {[a.text for a in record.actors]}"
    return found[nth]


def codes(record: ArticleRecord) -> dict[str, str | None]:
    return {a.text: a.code for a in record.actors}


# sentence, mention text, expected (code, country, sector, kind)
ACTOR_TABLE = [
    ("Russia warned Ukraine on Monday.", "Russia", ("RUS", "RUS", None, "country")),
    ("Russia warned Ukraine on Monday.", "Ukraine", ("UKR", "UKR", None, "country")),
    ("Russian troops crossed the border at dawn.", "Russian troops", ("RUSMIL", "RUS", "MIL", "group")),
    ("Ukrainian officials denied the report.", "Ukrainian officials", ("UKRGOV", "UKR", "GOV", "group")),
    ("Washington warned Moscow against an invasion.", "Washington", ("USAGOV", "USA", "GOV", "government")),
    ("Washington warned Moscow against an invasion.", "Moscow", ("RUSGOV", "RUS", "GOV", "government")),
    ("The Kremlin rejected the proposal.", "Kremlin", ("RUSGOV", "RUS", "GOV", "government")),
    ("The White House announced new sanctions.", "White House", ("USAGOV", "USA", "GOV", "government")),
    ("The Pentagon sent more aircraft.", "Pentagon", ("USAMIL", "USA", "MIL", "government")),
    ("Investors have been rushing to sell Ukrainian bonds.", "Investors", ("BUS", None, "BUS", "group")),
    ("Rebels seized the airport overnight.", "Rebels", ("REB", None, "REB", "group")),
    ("Syrian rebels seized the airport overnight.", "Syrian rebels", ("SYRREB", "SYR", "REB", "group")),
    # people who left a party, state or army are an opposition group, whatever their origin
    ("The party could sue the defectors.", "defectors", ("OPP", None, "OPP", "group")),
    ("Syrian defectors met the envoy.", "Syrian defectors", ("SYROPP", "SYR", "OPP", "group")),
    ("Police arrested two army deserters.", "army deserters", ("OPP", None, "OPP", "group")),
    ("NATO rejected the demands.", "NATO", ("IGOWSTNAT", "WST", "IGO", "organisation")),
    ("The United Nations called for calm.", "United Nations", ("IGOUNO", None, "IGO", "organisation")),
    ("The West has failed to answer.", "West", ("WST", "WST", None, "country")),
    (
        "French President Emmanuel Macron called Putin.",
        "French President Emmanuel Macron",
        ("FRAGOV", "FRA", "GOV", "person"),
    ),
    (
        "Moldovan Prime Minister Ion Petrescu met reporters.",
        "Moldovan Prime Minister Ion Petrescu",
        ("MDAGOV", "MDA", "GOV", "person"),
    ),
    ("Police arrested 30 protesters in Minsk.", "Police", ("COP", None, "COP", "group")),
    ("Belarusian journalists were detained.", "Belarusian journalists", ("BLRMED", "BLR", "MED", "group")),
    ("Eastern European forces were put on alert.", "Eastern European forces", ("EEUMIL", "EEU", "MIL", "group")),
    ("Moscow pulled its forces back.", "forces", ("RUSMIL", "RUS", "MIL", "group")),
    ("UN troops opened fire.", "UN troops", ("IGOUNO", None, "IGO", "group")),
    ("Opposition leaders vowed to keep protesting.", "Opposition leaders", ("OPP", None, "OPP", "group")),
    ("A Syrian rebel commander denied the report.", "Syrian rebel commander", ("SYRREB", "SYR", "REB", "person")),
    ("Russian military spokesmen denied it.", "Russian military spokesmen", ("RUSMIL", "RUS", "MIL", "group")),
    ("NATO peacekeepers left the town.", "NATO peacekeepers", ("IGOWSTNAT", "WST", "IGO", "group")),
    ("Police dispersed tunisian rioters.", "tunisian rioters", ("TUNOPP", "TUN", "OPP", "group")),
    ("The mayor of Nablus accused the army.", "mayor", ("PSEGOV", "PSE", "GOV", "person")),
    ("Palestinians marched in Hebron.", "Palestinians", ("PSECVL", "PSE", "CVL", "group")),
    ("The Scottish Executive rejected the plan.", "Scottish Executive", ("GBRGOV", "GBR", "GOV", "organisation")),
    (
        "The Russian Defence Ministry said nothing.",
        "Russian Defence Ministry",
        ("RUSMIL", "RUS", "MIL", "organisation"),
    ),
]


@pytest.mark.parametrize(("sentence", "text", "expected"), ACTOR_TABLE)
def test_actor_codes(extract: Extract, sentence: str, text: str, expected: tuple[str | None, ...]) -> None:
    actor = mention(extract(sentence), text)
    assert (actor.code, actor.country, actor.sector, actor.kind) == expected


def test_offsets_point_at_the_mention(extract: Extract) -> None:
    text = "Earlier today, U.S. President Joe Biden warned Volodymyr Zelenskyy."
    record = extract(text)
    for actor in record.actors:
        assert text[actor.start : actor.end] == actor.text


@pytest.mark.parametrize(
    ("sentence", "not_an_actor"),
    [
        ("Talks were held in Minsk last week.", "Minsk"),
        ("Diplomats were withdrawn from Kyiv.", "Kyiv"),
        ("The rally was held near Moscow.", "Moscow"),
        ("MOSCOW, March 3 (Wire) - The talks ended.", "MOSCOW"),
    ],
)
def test_capital_as_place_is_not_an_actor(extract: Extract, sentence: str, not_an_actor: str) -> None:
    assert not_an_actor not in codes(extract(sentence))


def test_capital_acting_is_a_government(extract: Extract) -> None:
    record = extract("Kyiv accused Moscow of provoking the crisis.")
    assert codes(record)["Kyiv"] == "UKRGOV"


def test_sponsor_is_not_the_country_of_the_group(extract: Extract) -> None:
    actor = mention(extract("Russia-backed rebels shelled the town."), "Russia-backed rebels")
    assert actor.sector == "REB" and actor.country is None


# Chains: the later mention must carry the entity's name and code.
CHAIN_TABLE = [
    ("Sergey Lavrov met reporters on Monday. He said the talks had failed.", "He", "Sergey Lavrov", "RUSGOV"),
    ("Sergey Lavrov met reporters on Monday. Lavrov said the talks had failed.", "Lavrov", "Sergey Lavrov", "RUSGOV"),
    (
        "Moldovan Foreign Minister Ion Petrescu spoke first. Later Petrescu said the talks had failed.",
        "Petrescu",
        "Ion Petrescu",
        "MDAGOV",
    ),
    (
        "Ukrainian Defense Minister Oleksandr Tkachenko spoke on Monday. Tkatchenko said the troops were ready.",
        "Tkatchenko",
        "Oleksandr Tkachenko",
        "UKRMIL",
    ),
    (
        "According to Oleksii Resnikov, the troops are near. Reznikov said nothing had changed.",
        "Reznikov",
        "Oleksii Reznikov",
        "UKRMIL",
    ),
    (
        "Zelenskyy spoke in Kyiv. President Zelensky later left for Paris.",
        "President Zelensky",
        "Volodymyr Zelenskyy",
        "UKRGOV",
    ),
    (
        "Ion Petrescu, the Moldovan Foreign Minister, said the border was calm. He added that talks would go on.",
        "He",
        "Ion Petrescu",
        "MDAGOV",
    ),
    (
        "A senior Biden administration official briefed reporters. “We need to see a pullback,” the official said.",
        "official",
        "senior Biden administration official",
        "USAGOV",
    ),
]


@pytest.mark.parametrize(("text", "later", "name", "code"), CHAIN_TABLE)
def test_later_mentions_chain_to_the_first(extract: Extract, text: str, later: str, name: str, code: str) -> None:
    record = extract(text)
    actor = mention(record, later)
    assert (actor.name, actor.code) == (name, code)
    first = next(a for a in record.actors if a.name == name)
    assert actor.same_entity(first)


def test_pronoun_prefers_the_subject_of_the_previous_sentence(extract: Extract) -> None:
    text = (
        "Joe Biden warned Volodymyr Zelenskyy on Thursday. Zelenskyy tried to calm markets. He said panic was costly."
    )
    assert mention(extract(text), "He").name == "Volodymyr Zelenskyy"


def test_pronoun_respects_gender_from_the_dictionary(extract: Extract) -> None:
    text = "Angela Merkel met Vladimir Putin in Sochi. She said the talks were frank."
    assert mention(extract(text, published="2019-05-01"), "She").name == "Angela Merkel"


@pytest.mark.parametrize(
    ("published", "code"),
    [("2015-06-01", "USAGOV"), ("2019-06-01", "USAELI"), ("2022-01-28", "USAGOV")],
)
def test_roles_are_date_bounded(extract: Extract, published: str, code: str) -> None:
    assert mention(extract("Joe Biden spoke on Monday.", published=published), "Joe Biden").code == code


def test_nothing_is_extracted_from_debris(extract: Extract) -> None:
    text = "Russia warned Ukraine.\n\nFull coverage: Russia-Ukraine\n\nNATO met in Brussels.\n\nExit mobile version"
    record = extract(text)
    debris = [(b.start, b.end) for b in record.boilerplate]
    assert [b.text for b in record.boilerplate] == ["Full coverage: Russia-Ukraine", "Exit mobile version"]
    assert all(not (s <= a.start < e) for a in record.actors for s, e in debris)
    assert {a.text for a in record.actors} == {"Russia", "Ukraine", "NATO"}


def test_non_english_text_gets_a_warning_and_no_actors(extract: Extract) -> None:
    text = "Die Regierung in Moskau hat am Donnerstag die Forderungen zurückgewiesen und neue Gespräche angeboten."
    record = extract(text)
    assert record.actors == [] and record.events == []
    assert any("English" in w for w in record.warnings)


def test_user_petrarch_dictionary_is_used(extract: Extract, tmp_path: Path) -> None:
    actors_file = tmp_path / "extra.actors"
    actors_file.write_text(
        "JOHN_QUILLFEATHER_ [FRAGOV >200101] [FRAELI <191231]  # a made-up minister\n+QUILLFEATHER_\n"
    )
    text = "John Quillfeather arrived late. Quillfeather said the talks failed."
    record = extract(text, actor_dictionaries=[str(actors_file)])
    assert mention(record, "John Quillfeather").code == "FRAGOV"
    assert mention(record, "Quillfeather").code == "FRAGOV"  # a one-word synonym, after the full name
    older = extract(text, published="2018-05-01", actor_dictionaries=[str(actors_file)])
    assert mention(older, "Quillfeather").code == "FRAELI"


def test_seed_article_people_and_organisations(extract: Extract, seed_text: str) -> None:
    record = extract(seed_text, published="2022-01-28")
    expected = {
        "Vladimir Putin": ("RUS", "GOV"),
        "Emmanuel Macron": ("FRA", "GOV"),
        "Joe Biden": ("USA", "GOV"),
        "Volodymyr Zelenskyy": ("UKR", "GOV"),
        "Sergey Lavrov": ("RUS", "GOV"),
        "Alexander Lukashenko": ("BLR", "GOV"),
        "Oleksii Reznikov": ("UKR", "MIL"),
        "NATO": ("WST", "IGO"),
        "OSCE": ("EUR", "IGO"),
        "Kremlin": ("RUS", "GOV"),
        "senior Biden administration official": ("USA", "GOV"),
    }
    by_name = {a.name: (a.country, a.sector) for a in record.actors if a.kind != "pronoun"}
    for name, country_sector in expected.items():
        assert by_name.get(name) == country_sector, name
    for span in record.boilerplate:
        assert not [a for a in record.actors if span.start <= a.start < span.end]


# -- pieces ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("code", "country", "sector"),
    [("RUSGOV", "RUS", "GOV"), ("IGOWSTNAT", "WST", "IGO"), ("UKR", "UKR", None), ("USAMILREB", "USA", "MIL")],
)
def test_split_code(code: str, country: str | None, sector: str | None) -> None:
    parts = split_code(code)
    assert (parts.country, parts.sector) == (country, sector)


def test_code_on_a_date() -> None:
    codes_ = (parse_dated_code("USAGOV@2009-01-20..2017-01-20"), parse_dated_code("USAELI@2017-01-21.."))
    import datetime as dt

    assert code_on(codes_, dt.date(2010, 1, 1)) == "USAGOV"
    assert code_on(codes_, dt.date(2018, 1, 1)) == "USAELI"
    assert code_on(codes_, dt.date(2000, 1, 1)) == "USA"  # not in office yet: only the country
    assert code_on(codes_, None) == "USA"  # no date: the country every spell agrees on, no guessed sector
    assert code_on((DatedCode("RUS"),), None) == "RUS"


@pytest.mark.parametrize(
    ("a", "b"),
    [("Reznikov", "Resnikov"), ("Zelenskyy", "Zelensky"), ("Zelenskiy", "Zelensky"), ("Tkachenko", "Tkatchenko")],
)
def test_spelling_variants_fold_together(a: str, b: str) -> None:
    assert fold_spelling(a) == fold_spelling(b)


def test_different_names_stay_apart() -> None:
    assert fold_spelling("Lavrov") != fold_spelling("Lukashenko")


@pytest.mark.parametrize("gold", ["petr2", "plover"])
def test_actor_evaluation_scores_gold_sentences(shared_dir: Path, gold: str) -> None:
    from newsevents.evaluation.actors import evaluate
    from newsevents.options import Options

    report = evaluate(gold=gold, split=None, shared=shared_dir, options=Options(), limit=25)
    assert report.counts["sentences"] == 25
    assert 0.5 < report.metrics["country_set_recall"] <= 1.0
    assert 0.4 < report.metrics["country_set_precision"] <= 1.0
