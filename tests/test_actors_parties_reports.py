"""Issue 9, actor half (fourth round): parties in and out of government by date, reports that speak for
their authors, titles given by a "who is" clause or an institution after the title, and "Sir X" short
forms. Every sentence here is our own."""

from __future__ import annotations

import pytest

from newsevents.extract.actors.parties import parse_governing_table, party_sector
from newsevents.types import InputError
from tests.conftest import Extract
from tests.test_actors_domestic import mention, private_cache  # noqa: F401  (autouse fixture: private cache here too)

UK = "Voters in Leeds, Manchester and London went to the polls in Britain. {sentence}"
US = "WASHINGTON — {sentence}"

# frame, sentence, publication date, mention text, expected code
PARTY_TABLE = [
    # a party out of government on the day, and its people, are the opposition
    (UK, "Tory leader Jane Hill attacked the plan.", "2005-03-01", "Tory leader Jane Hill", "GBROPP"),
    (UK, "Tory leader Jane Hill attacked the plan.", "2015-03-01", "Tory leader Jane Hill", "GBRPTY"),
    (UK, "Labour spokesman Ravi Dutt praised the plan.", "2005-03-01", "Labour spokesman Ravi Dutt", "GBRPTY"),
    (UK, "Labour spokesman Ravi Dutt praised the plan.", "2019-03-01", "Labour spokesman Ravi Dutt", "GBROPP"),
    (UK, "The Liberal Democrats attacked the budget.", "2005-03-01", "Liberal Democrats", "GBROPP"),
    (UK, "The Liberal Democrats defended the budget.", "2012-03-01", "Liberal Democrats", "GBRPTY"),  # coalition
    (UK, "A UKIP spokeswoman, Di Marsh, said the vote was lost.", "2014-03-01", "UKIP spokeswoman", "GBROPP"),
    # an office keeps its own sector; a former member of a party is not its member
    (UK, "Conservative MP Alan Pike criticised the budget.", "2005-03-01", "Conservative MP Alan Pike", "GBRLEG"),
    (UK, "Ex-Labour MP Dan Rowe called for talks.", "2005-03-01", "Ex-Labour MP Dan Rowe", "GBRELI"),
    # a country the table does not cover keeps the party code
    (US, "The Republican Party blocked the vote.", "2016-05-01", "Republican Party", "USAPTY"),
]


@pytest.mark.parametrize(("frame", "sentence", "published", "text", "code"), PARTY_TABLE)
def test_parties_in_and_out_of_government(
    extract: Extract, frame: str, sentence: str, published: str, text: str, code: str
) -> None:
    record = extract(frame.format(sentence=sentence), published=published)
    assert mention(record, text).code == code


def test_an_undated_article_keeps_the_party_code(extract: Extract) -> None:
    record = extract(UK.format(sentence="Tory leader Jane Hill attacked the plan."), published=None)
    assert mention(record, "Tory leader Jane Hill").code == "GBRPTY"


def test_governing_table_is_read_by_date() -> None:
    import datetime as dt

    assert party_sector("GBR", "Labour", dt.date(2005, 1, 1)) == "PTY"
    assert party_sector("GBR", "Conservatives", dt.date(2005, 1, 1)) == "OPP"
    assert party_sector("GBR", "Conservatives", dt.date(2010, 5, 11)) == "PTY"  # first day counts
    assert party_sector("FRA", "Anything", dt.date(2005, 1, 1)) == "PTY"  # no rows: no guess


def test_a_bad_governing_table_line_names_file_and_line() -> None:
    with pytest.raises(InputError, match=r"parties\.tsv:2: expected"):
        parse_governing_table("GBR\tLabour\t1997-05-02\t\nGBR\tTories\tlast May\t\n", "parties.tsv")


# sentence, mention text, expected code ("" = no actor of that text)
REPORT_TABLE = [
    # the author named in the report's own phrase
    ("Greenpeace says in a report that coal plants pollute. The report said Britain lagged.", "report", "NGOGRP"),
    ("Bus fares rose, a study by Oxfam found. The study blamed ministers.", "study", "GBRNGO"),
    ("The sale failed, a report by the government's spending watchdog says.", "spending watchdog", "GBRGOV"),
    ("The sale failed, a report by the government's spending watchdog says.", "report", "GBRGOV"),
    # an unattributed report, its author named as a subject just after
    (
        "Prisons are full, a report says. The Audit Office criticised ministers. The report urged action.",
        "report",
        "GBRGOV",
    ),
    # ... but not "the government" it is about
    ("Prisons are full, a report says. The government rejected its findings.", "report", ""),
    # a report that is only published or read is no actor
    ("Ministers published a report on Monday.", "report", ""),
    # and with no author anywhere, no guess
    ("A report says prices rose sharply.", "report", ""),
]


@pytest.mark.parametrize(("sentence", "text", "code"), REPORT_TABLE)
def test_reports_speak_for_their_authors(extract: Extract, sentence: str, text: str, code: str) -> None:
    record = extract(UK.format(sentence=sentence), published="2005-03-01")
    coded = [a.code for a in record.actors if a.text == text]
    assert coded == ([code] * len(coded) if code else []) and (coded or not code)


def test_a_report_is_the_source_of_what_it_says(extract: Extract) -> None:
    record = extract(UK.format(sentence="Bus fares rose, a study by Oxfam found. The study criticised the ministry."))
    sources = {e.source.text: e.source.code for e in record.events if e.source is not None}
    assert sources.get("study") == "GBRNGO"


# sentence, mention text, expected code
TITLE_TABLE = [
    # a "who is" clause gives a named person their title
    (UK, "Hugh Barnes, who is chairman of the Commons transport committee, warned ministers.", "Hugh Barnes", "GBRLEG"),
    (US, "Mary Loft, who is a spokeswoman for the Pentagon, denied the claim.", "Mary Loft", "USAMIL"),
    # a generic title takes the institution it is held in
    (UK, "The chairman of the Commons health committee wrote to the minister.", "chairman", "GBRLEG"),
    # a charity's named spokesperson
    (UK, "Oxfam's Jane Fell said the money was not enough.", "Jane Fell", "GBRNGO"),
    # nationality, title and name, in apposition or not
    (UK, "The Kenyan president, Amos Kiprop, met donors.", "Amos Kiprop", "KENGOV"),
    (UK, "South African president Sipho Dlamini urged calm.", "South African president Sipho Dlamini", "ZAFGOV"),
]


@pytest.mark.parametrize(("frame", "sentence", "text", "code"), TITLE_TABLE)
def test_titles_from_clauses_and_institutions(
    extract: Extract, frame: str, sentence: str, text: str, code: str
) -> None:
    record = extract(frame.format(sentence=sentence), published="2005-03-01")
    assert mention(record, text).code == code


def test_sir_and_first_name_is_the_knight_named_before(extract: Extract) -> None:
    text = UK.format(sentence="Auditor General Sir Tom Vale said money was lost. Sir Tom said the ministry had failed.")
    record = extract(text, published="2005-03-01")
    assert mention(record, "Sir Tom").entity == mention(record, "Auditor General Sir Tom Vale").entity
    assert mention(record, "Sir Tom").code == "GBRGOV"


def test_two_knights_of_one_first_name_stay_apart(extract: Extract) -> None:
    text = UK.format(sentence="Sir Alan Budd met Sir Alan Greene. Sir Alan said the ministry had failed.")
    record = extract(text, published="2005-03-01")
    short = mention(record, "Sir Alan").entity
    assert short not in {mention(record, "Sir Alan Budd").entity, mention(record, "Sir Alan Greene").entity}
