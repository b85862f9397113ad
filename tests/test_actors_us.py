"""Issue 9, actor half (second round): US political and local news actors get country and sector, and
"it"/"they" find organisations, governments and groups. Every sentence here is our own."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import Extract
from tests.test_actors_domestic import mention, private_cache  # noqa: F401  (autouse fixture: private cache here too)

US_LOCAL = "DAYTON, Ohio — {sentence}"
US_POLITICS = "WASHINGTON — {sentence}"


# frame, sentence, mention text, expected code
US_TABLE = [
    # abbreviated titles
    (US_POLITICS, "Sen. Dana Whitfield questioned the nominee.", "Sen. Dana Whitfield", "USALEG"),
    (US_POLITICS, "Rep. Omar Castell voted against the bill.", "Rep. Omar Castell", "USALEG"),
    (US_LOCAL, "Gov. Lena Marsh vetoed the measure.", "Gov. Lena Marsh", "USAGOV"),
    # newspapers and networks, named or described
    (US_POLITICS, "CNN reported the meeting on Friday.", "CNN", "USAMED"),
    (US_POLITICS, "MSNBC and NPR aired the speech.", "NPR", "USAMED"),
    (US_POLITICS, "The Washington Post obtained the emails.", "Washington Post", "USAMED"),
    (US_POLITICS, "The Associated Press counted the votes.", "Associated Press", "USAMED"),
    (US_LOCAL, "Channel 9 reporter Tim Vance asked the mayor.", "Channel 9 reporter Tim Vance", "USAMED"),
    # a title NER mistakes for a place: the role noun says it is a person
    (US_POLITICS, "Ambassador Kwame Osei met the senators.", "Ambassador Kwame Osei", "USAGOV"),
    # an organisation noun before an unknown name makes it that organisation
    (US_LOCAL, "The trucking company Harlan Brothers cut jobs.", "Harlan Brothers", "USABUS"),
    # companies and police departments from the words of their names
    (US_LOCAL, "Brightwater Holdings sued the city.", "Brightwater Holdings", "USABUS"),
    (US_LOCAL, "The Dayton Police Department released the footage.", "Dayton Police Department", "USACOP"),
    # business people
    (US_LOCAL, "Real estate developer Ray Kolb donated to the campaign.", "Real estate developer Ray Kolb", "USABUS"),
    (
        US_POLITICS,
        "The billionaire investor Sam Ortiz backed the candidate.",
        "billionaire investor Sam Ortiz",
        "USABUS",
    ),
    # a person speaking for the organisation that owns the title
    (US_POLITICS, "The charity's director defended the spending.", "director", "USANGO"),
    (US_LOCAL, "The company's spokeswoman declined to comment.", "spokeswoman", "USABUS"),
    # campaign and party staff
    (US_POLITICS, "A campaign aide denied the report.", "campaign aide", "USAPTY"),
    (US_POLITICS, "The party chairman resigned.", "party chairman", "USAPTY"),
]


@pytest.mark.parametrize(("frame", "sentence", "text", "code"), US_TABLE)
def test_us_actors_get_country_and_sector(extract: Extract, frame: str, sentence: str, text: str, code: str) -> None:
    record = extract(frame.format(sentence=sentence), published="2016-10-01")
    assert mention(record, text).code == code


# text, the pronoun (its first occurrence), the mention it must be chained to
IT_THEY_TABLE = [
    # an organisation is "it"
    ("DAYTON, Ohio — Brightwater Holdings sued the city. It said the permit was void.", "It", "Brightwater Holdings"),
    # a government body is "it", and the person of the sentence is not
    (
        "DAYTON, Ohio — Mr Pell spoke to the city council on Monday. It voted to delay the plan.",
        "It",
        "city council",
    ),
    # "they": a plural group, not the single person nearer to the pronoun
    ("DAYTON, Ohio — Teachers met Mayor Ruth Dale. They said the schools were short of money.", "They", "Teachers"),
    # a party named in the plural is "they"
    ("WASHINGTON — Republicans blocked the vote. They said the bill cost too much.", "They", "Republicans"),
    # "its" after a country
    ("Canada protested. Its ambassador was recalled.", "Its", "Canada"),
]


@pytest.mark.parametrize(("text", "pronoun", "antecedent"), IT_THEY_TABLE)
def test_it_and_they_resolve_to_organisations_and_groups(
    extract: Extract, text: str, pronoun: str, antecedent: str
) -> None:
    record = extract(text, published="2016-10-01")
    found = mention(record, pronoun)
    assert found.entity == mention(record, antecedent).entity
    assert found.code == mention(record, antecedent).code


# text, a pronoun that must not be resolved (no mention, or a mention with no antecedent's code)
PLEONASTIC = [
    "DAYTON, Ohio — The council met on Monday. It is unclear whether the plan will pass.",
    "DAYTON, Ohio — The council met on Monday. It emerged that the plan had failed.",
    "DAYTON, Ohio — The council met on Monday. It was raining when the meeting ended.",
]


@pytest.mark.parametrize("text", PLEONASTIC)
def test_pleonastic_it_has_no_antecedent(extract: Extract, text: str) -> None:
    record = extract(text, published="2016-10-01")
    assert not [a for a in record.actors if a.text == "It"]


# text, pronoun, the mention it must NOT be chained to, the mention it must be chained to
PERSON_COREF = [
    # "she" is never the organisation named after a person
    (
        "WASHINGTON — Ms Alder praised the Alder Foundation. She said it had helped thousands.",
        "She",
        "Alder Foundation",
        "Ms Alder",
    ),
    # a person named only inside someone else's quotation is not the speaker's "he"
    (
        'Mr Pike spoke first. "Mr Ross is a good man," he said. He added that the vote was close.',
        "He",
        "Mr Ross",
        "Mr Pike",
    ),
    # a role in the predicate ("was the judge") describes the subject: it is no one else
    (
        "Mr Pike met Mr Ross on Monday. Mr Ross was the judge of the contest. He said the entries were good.",
        "He",
        "judge",
        "Mr Ross",
    ),
]


@pytest.mark.parametrize(("text", "pronoun", "wrong", "right"), PERSON_COREF)
def test_person_pronouns_skip_incompatible_antecedents(
    extract: Extract, text: str, pronoun: str, wrong: str, right: str
) -> None:
    record = extract(text, published="2016-10-01")
    found = [a for a in record.actors if a.text == pronoun]
    assert found, [a.text for a in record.actors]
    assert found[-1].entity == mention(record, right).entity
    assert not [a for a in record.actors if a.text == wrong and a.entity == found[-1].entity]


def test_a_description_names_the_sector_of_an_unknown_organisation(extract: Extract) -> None:
    record = extract(
        "DAYTON, Ohio — Kestrel Dynamics denied the claims on Monday. The company said it had followed the rules."
    )
    assert mention(record, "Kestrel Dynamics").code == "USABUS"


SCRIPT = Path(sys.executable).with_name("newsevents")
GOOD_ACTORS = "PAT_OSWIN_\n+OSWIN_\n\t[RURGOV 19970101-20071231]\n\t[RURELI]\n"
GOOD_AGENTS = "!PERSON! = MAN, MEN, WOMAN, WOMEN\nALDER!PERSON! [~GOV]\nCONSTABULARY {} [~COP]\n"


@pytest.mark.parametrize(
    ("bad_name", "content", "where"),
    [
        ("bad.actors", "PAT_OSWIN_ [RURGOV\n", ":1:"),  # a bracket that never closes
        ("bad.agents.txt", "ALDERMAN [~GOV]\nSHERIFF [~COP] [~GOV]\n", ":2:"),  # two codes on one agent
        ("gone.actors", None, "cannot read actor dictionary"),
    ],
)
def test_a_petrarch_users_dictionaries_load_and_a_bad_one_stops_the_run_first(
    tmp_path: Path, bad_name: str, content: str | None, where: str
) -> None:
    """Actors and agents files as PETRARCH users write them work through a config; a file that
    cannot be read is one error line naming file:line, before any article is processed."""
    actors, agents, article = tmp_path / "mine.actors", tmp_path / "mine.agents.txt", tmp_path / "a.txt"
    actors.write_text(GOOD_ACTORS)
    agents.write_text(GOOD_AGENTS)
    article.write_text("Pat Oswin met the aldermen of Zenda on Monday. Oswin said the talks went well.")
    config = tmp_path / "config.toml"
    config.write_text(f'[newsevents]\nactor_dictionaries = ["{actors}", "{agents}"]\n')
    good = subprocess.run(
        [str(SCRIPT), "extract", str(article), "--date", "2005-06-01", "--config", str(config)],
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert good.returncode == 0, good.stderr
    codes = {a["text"]: a["code"] for a in json.loads(good.stdout)["actors"]}
    assert codes["Pat Oswin"] == "RURGOV" and codes["aldermen"].endswith("GOV")
    bad = tmp_path / bad_name
    if content is not None:
        bad.write_text(content)
    config.write_text(f'[newsevents]\nactor_dictionaries = ["{actors}", "{bad}"]\n')
    result = subprocess.run(
        [str(SCRIPT), "extract", str(article), "--config", str(config)], capture_output=True, text=True, timeout=300
    )
    assert result.returncode == 1 and not result.stdout
    assert str(bad) in result.stderr and where in result.stderr and "Traceback" not in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1


def test_they_prefers_the_plural_group_to_a_body_in_its_sentence(extract: Extract) -> None:
    record = extract("WASHINGTON — Congress ignored the farmers, and the drought left them without water.")
    them = mention(record, "them")
    assert them.entity == mention(record, "farmers").entity
