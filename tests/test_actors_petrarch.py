"""PETRARCH/TABARI actor and agent dictionaries, read as their users write them.

Every file here is written by us in the format of `dictionaries.rst`; none is copied from PETRARCH's.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from newsevents.extract.actors.codes import code_on
from newsevents.extract.actors.dictionary import load_actor_dictionaries
from newsevents.extract.actors.petrarch import looks_like_agents, read_petrarch_actors, read_petrarch_agents
from newsevents.types import InputError
from tests.conftest import Extract

ACTORS = """\
# a made-up country and its people
RURITANIA_  [RUR]
+RURITANIAN_
+STRELSAU_

RUDOLF_ELPHBERG_  # a king, then out of office
+KING_RUDOLF_
\t[RURGOV 19900101-20051231]
\t[RURELI]
MICHAEL_HENTZAU_ [RURMIL >050101] [RUROPP <041231]
OSTERMARK_COUNCIL_
+OSTERMARK_COUNCILLORS_
\t[RURGOV]
ZENDA_HELPERS_ [NGORUR]
ANTON_VOSS_ [RURGOV 120101-141231] [---]
"""


def codes_of(text: str) -> dict[str, tuple[str, tuple]]:
    return {a.phrase: (a.name, a.codes) for a in read_petrarch_actors(text, "x.actors")}


def test_names_synonyms_and_blocks() -> None:
    found = codes_of(ACTORS)
    assert found["Ruritanian"][0] == "Ruritania"
    assert found["King Rudolf"][0] == "Rudolf Elphberg"
    assert found["Ostermark Councillors"][0] == "Ostermark Council"
    assert [c.code for c in found["Strelsau"][1]] == ["RUR"]


# phrase, date, code in force (None: no date)
DATED = [
    ("Rudolf Elphberg", dt.date(2000, 6, 1), "RURGOV"),  # indented restriction lines
    ("King Rudolf", dt.date(2000, 6, 1), "RURGOV"),  # a synonym shares them
    ("Rudolf Elphberg", dt.date(2010, 6, 1), "RURELI"),  # outside the spell: the undated default
    ("Rudolf Elphberg", None, "RURELI"),  # undated article: the undated default, never a guessed spell
    ("Michael Hentzau", dt.date(2006, 1, 1), "RURMIL"),  # >YYMMDD on the actor's line
    ("Michael Hentzau", dt.date(2004, 1, 1), "RUROPP"),  # <YYMMDD
    ("Michael Hentzau", None, "RUR"),  # undated, no default: the country both spells share
    ("Anton Voss", dt.date(2013, 1, 1), "RURGOV"),
    ("Anton Voss", dt.date(2016, 1, 1), None),  # [---] is the null code
]


@pytest.mark.parametrize(("phrase", "day", "expected"), DATED)
def test_dated_codes(phrase: str, day: dt.date | None, expected: str | None) -> None:
    assert code_on(codes_of(ACTORS)[phrase][1], day) == expected


# file text, what the error must say (the line number included)
JUNK = [
    ("This is not a dictionary.\nJust some prose.\n", "x.actors:1: actor 'This is not a dictionary.' has no [CODE]"),
    ("+STRAY_SYNONYM_\n", "x.actors:1: synonym before any actor"),
    ("GOOD_ [ABC]\nBAD_ [abc def]\n", "x.actors:2:"),
    ("GOOD_ [ABC]\nBROKEN_ [ABC\n", "x.actors:2: unbalanced"),
    ("\t[ABC]\n", "x.actors:1: code before any actor"),
    ("# only comments\n\n", "x.actors:1: no actors found"),
]


@pytest.mark.parametrize(("text", "message"), JUNK)
def test_junk_actor_files_are_errors_naming_the_line(text: str, message: str) -> None:
    with pytest.raises(InputError) as caught:
        read_petrarch_actors(text, "x.actors")
    assert str(caught.value).startswith(message)


def test_a_mistyped_date_skips_that_spell_only(caplog: pytest.LogCaptureFixture) -> None:
    found = codes_of("OTTO_BRANDT_\n\t[RURGOV 2001017-20061201]\n\t[RURELI]\n")
    assert [c.code for c in found["Otto Brandt"][1]] == ["RURELI"]
    assert "x.actors:2: unreadable date restriction" in caplog.text


AGENTS = """\
!HUMAN! = MAN, MEN, WOMAN, WOMEN
ALDERMAN [~GOV]
WATCH!HUMAN! [~COP]
CONSTABULARY {} [~COP]
GOVERNOR_GENERAL {GOVERNORS_GENERAL} [~GOV]
RELIEF_SOCIETY [NGO~]
"""


# phrase → (code, plural form?)
AGENT_FORMS = {
    "alderman": ("~GOV", False),
    "aldermans": ("~GOV", True),  # PETRARCH's regular plural, as it generates it
    "watchman": ("~COP", False),
    "watchwomen": ("~COP", False),
    "constabulary": ("~COP", False),
    "governors general": ("~GOV", True),
    "relief society": ("NGO~", False),
    "relief societies": ("NGO~", True),
}


def test_agent_forms() -> None:
    found = {a.phrase: (a.code, a.plural) for a in read_petrarch_agents(AGENTS, "x.agents")}
    for phrase, expected in AGENT_FORMS.items():
        assert found.get(phrase) == expected, phrase
    assert "constabularies" not in found and "governor generals" not in found
    assert looks_like_agents(AGENTS) and not looks_like_agents(ACTORS)


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("ALDERMAN [~GOV]\nSHERIFF ~COP\n", "x.agents:2:"),
        ("FOO!NOPE! [~GOV]\n", "x.agents:1: marker !NOPE! used before it is defined"),
    ],
)
def test_junk_agent_files_are_errors(text: str, message: str) -> None:
    with pytest.raises(InputError) as caught:
        read_petrarch_agents(text, "x.agents")
    assert str(caught.value).startswith(message)


def test_loader_reads_both_kinds_and_validates(tmp_path: Path) -> None:
    actors, agents = tmp_path / "my.actors", tmp_path / "my.agents.txt"
    actors.write_text(ACTORS)
    agents.write_text(AGENTS)
    book = load_actor_dictionaries((str(actors), str(agents)))
    assert book.phrases["Rudolf Elphberg"].kind == "person"
    assert book.phrases["Ruritania"].kind == "country"
    assert book.phrases["Zenda Helpers"].kind == "organisation"
    # PETRARCH's agents are tried after our roles, which stay the override
    assert book.fallback_roles["alderman"].sector == "GOV" and book.fallback_roles["alderman"].person
    assert book.fallback_roles["constabulary"].sector == "COP"
    assert "alderman" not in book.roles


def test_our_dated_entries_override_petrarch_ones(tmp_path: Path) -> None:
    stale = tmp_path / "stale.actors"
    stale.write_text("JOE_BIDEN_\n\t[USAGOV 090120-170120]\n\t[USAELI]\n")
    book = load_actor_dictionaries((str(stale),))
    assert code_on(book.phrases["Joe Biden"].codes, dt.date(2022, 1, 1)) == "USAGOV"


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b"GOOD_ [ABC]\nBAD_\xff\xfe [ABC]\n", ":2: actor dictionary is not UTF-8"),
        (b"", ":1: no actors found"),
    ],
)
def test_unreadable_files_name_file_and_line(tmp_path: Path, content: bytes, message: str) -> None:
    path = tmp_path / "bad.actors"
    path.write_bytes(content)
    with pytest.raises(InputError) as caught:
        load_actor_dictionaries((str(path),))
    assert str(caught.value).startswith(f"{path}{message}")


def test_missing_file_is_an_error(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="cannot read actor dictionary"):
        load_actor_dictionaries((str(tmp_path / "absent.actors"),))


def test_a_petrarch_surname_alone_needs_the_full_name_first(extract: Extract, tmp_path: Path) -> None:
    people = tmp_path / "people.actors"
    people.write_text("ODO_VANTER_\n+VANTER_\n\t[RURGOV]\nMILLBROOK_VILLAGE_ [RURCVL]\n")
    alone = extract("Mrs Vanter said the talks failed.", actor_dictionaries=[str(people)])
    assert not [a for a in alone.actors if a.code == "RURGOV"]
    after = extract("Odo Vanter arrived. Vanter said the talks failed.", actor_dictionaries=[str(people)])
    assert [a.code for a in after.actors if a.text == "Vanter"] == ["RURGOV"]
    book = load_actor_dictionaries((str(people),))
    assert book.phrases["Millbrook Village"].kind == "organisation"  # no office, no dates: not a person


def test_the_shipped_petrarch2_bundle_loads() -> None:
    book = load_actor_dictionaries(("petrarch2",))
    assert len(book.phrases) > 30_000 and len(book.fallback_roles) > 1_000
    united_nations = book.phrases.get("UN")
    assert united_nations is not None and united_nations.codes[0].code.startswith("IGOUNO")


@pytest.fixture(autouse=True)
def private_cache(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path_factory.mktemp("cache")
    monkeypatch.setenv("NEWSEVENTS_CACHE_DIR", str(folder))
    return folder


def test_parsed_files_are_cached_and_refreshed_when_they_change(tmp_path: Path, private_cache: Path) -> None:
    path = tmp_path / "cached.actors"
    path.write_text("ODO_VANTER_ [RURGOV]\n")
    assert load_actor_dictionaries((str(path),)).phrases["Odo Vanter"].codes[0].code == "RURGOV"
    assert len(list(private_cache.glob("*.pickle"))) == 1
    path.write_text("ODO_VANTER_ [RURMIL]\nOTHER_NAME_ [RUR]\n")  # a new size: a new cache key
    assert load_actor_dictionaries((str(path),)).phrases["Odo Vanter"].codes[0].code == "RURMIL"
