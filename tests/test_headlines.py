"""Issue 9, headlines: the headline line is a sentence of its own (a blank line, or the first line's
line break when it reads as a headline, starts a sentence before the parser runs; a line break
inside wrapped text does not), and a headline's bare surname is the person the body names in full.
Every sentence here is our own."""

from __future__ import annotations

import pytest

from newsevents.nlp import load_model
from newsevents.options import Options
from tests.conftest import Extract
from tests.test_actors_domestic import mention, private_cache  # noqa: F401  (autouse fixture: private cache here too)

UK = " Voters in Leeds, Manchester and London went to the polls in Britain."
PUBLISHED = "2005-03-01"

# text, the sentences the parse must give (stripped)
SENTENCE_TABLE = [
    # a headline over a blank line is its own sentence, though it has no full stop
    (
        "Marsh attacks Kerr over schools\n\nAnne Marsh has attacked Paul Kerr. She spoke in Leeds.",
        ["Marsh attacks Kerr over schools", "Anne Marsh has attacked Paul Kerr.", "She spoke in Leeds."],
    ),
    # ... and over a single line break when the next line is a much longer paragraph
    (
        "Ministers back new rail link\nThe government has backed plans for a new rail link between two cities.",
        ["Ministers back new rail link", "The government has backed plans for a new rail link between two cities."],
    ),
    # a blank line holding spaces (boilerplate blanked out) is still blank
    ("The talks ended\n   \nBoth sides went home.", ["The talks ended", "Both sides went home."]),
    # a line break inside wrapped text is no boundary: its lines are about as long as each other
    (
        "The minister said on Monday that the council would back\nthe plan to build more homes near the river.",
        ["The minister said on Monday that the council would back\nthe plan to build more homes near the river."],
    ),
    # a first line that ends a sentence needs no rule; a later single line break is no headline
    (
        "The vote was close.\nThe council said it would meet\nagain on Friday to decide.",
        ["The vote was close.", "The council said it would meet\nagain on Friday to decide."],
    ),
]


@pytest.mark.parametrize(("text", "sentences"), SENTENCE_TABLE)
def test_line_breaks_that_start_a_sentence(text: str, sentences: list[str]) -> None:
    doc = load_model(Options.load().model)(text)
    assert [s.text.strip() for s in doc.sents] == sentences


def test_text_with_no_line_breaks_parses_as_before() -> None:
    import spacy

    text = "Anne Marsh attacked Paul Kerr over the schools plan. She said pupils deserved better."
    ours, plain = load_model(Options.load().model)(text), spacy.load(Options.load().model)(text)
    assert [(t.dep_, t.head.i, t.is_sent_start) for t in ours] == [(t.dep_, t.head.i, t.is_sent_start) for t in plain]


# article, headline mention, its expected code
SURNAME_TABLE = [
    # a bare surname in the headline is the person the body names in full, title and all
    ("Marsh attacks Kerr over schools\n\nHealth Secretary Anne Marsh attacked the plan.", "Marsh", "GBRGOV"),
    ("Kerr to quit at election\n\nThe MP Paul Kerr says he will stand down.", "Kerr", "GBRLEG"),
    # ... as a possessive, or after the verb
    ("Marsh's plan criticised\n\nHealth Secretary Anne Marsh set out her plan.", "Marsh", "GBRGOV"),
    ("Tax plan criticised by Marsh\n\nHealth Secretary Anne Marsh defended the plan.", "Marsh", "GBRGOV"),
    # the first part of a double-barrelled surname is a short form of it
    ("Hale quits party\n\nThe MP Tom Hale-Bury has left the party.", "Hale", "GBRLEG"),
]


@pytest.mark.parametrize(("text", "surname", "code"), SURNAME_TABLE)
def test_headline_surname_takes_the_full_names_code(extract: Extract, text: str, surname: str, code: str) -> None:
    record = extract(text + UK, published=PUBLISHED)
    assert mention(record, surname).code == code


def test_a_surname_two_people_share_is_left_alone(extract: Extract) -> None:
    text = "Marsh attacks plan\n\nHealth Secretary Anne Marsh and the MP Tom Marsh disagreed." + UK
    record = extract(text, published=PUBLISHED)
    headline = [a for a in record.actors if a.start < text.index("\n")]
    assert all(a.code is None for a in headline if a.text == "Marsh")


def test_a_first_sentence_of_running_text_is_no_headline(extract: Extract) -> None:
    # "Wood" opens an ordinary sentence: no headline, so it is not taken for the MP named later
    text = "Wood prices rose sharply on Monday. Later the MP Tom Wood spoke about it." + UK
    record = extract(text, published=PUBLISHED)
    assert not [a for a in record.actors if a.start == 0]


def test_headline_event_takes_the_full_names_codes(extract: Extract) -> None:
    text = "Marsh attacks Kerr over schools\n\nHealth Secretary Anne Marsh attacked the MP Paul Kerr." + UK
    record = extract(text, published=PUBLISHED)
    headline = [e for e in record.events if e.trigger.start < text.index("\n")]
    assert [(e.source.code if e.source else None, e.target.code if e.target else None) for e in headline] == [
        ("GBRGOV", "GBRLEG")
    ]
