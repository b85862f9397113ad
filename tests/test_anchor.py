"""Events get a date (from their clause or sentence, else the publication date) and a place."""

from __future__ import annotations

import datetime as dt

import pytest

from newsevents.extract.anchor import anchor_events
from newsevents.extract.context import ExtractContext
from newsevents.extract.dates import extract_dates
from newsevents.extract.places import extract_places
from newsevents.nlp import load_model
from newsevents.options import Options
from newsevents.types import Actor, CharRange, Event, Span


def _context(text: str, published: dt.date | None = dt.date(2022, 1, 28)) -> ExtractContext:
    options = Options()
    ctx = ExtractContext(text=text, doc=load_model(options.model)(text), published=published, options=options)
    extract_dates(ctx)
    extract_places(ctx)
    return ctx


def _event(ctx: ExtractContext, trigger: str, source: str | None = None, target: str | None = None) -> Event:
    """A hand-built event on the first occurrence of `trigger`, with actors on the given words."""
    start = ctx.text.index(trigger)
    sentence = ctx.doc.char_span(start, start + len(trigger), alignment_mode="expand").sent
    return Event(
        sentence=CharRange(sentence.start_char, sentence.end_char),
        trigger=Span(start, start + len(trigger), trigger),
        source=_actor(ctx.text, source),
        target=_actor(ctx.text, target),
        cameo="040",
        root="04",
        quad_class=1,
        goldstein=1.0,
        plover="CONSULT",
    )


def _actor(text: str, words: str | None) -> Actor | None:
    if words is None:
        return None
    start = text.index(words)
    return Actor(start, start + len(words), words, name=words, kind="country")


REPORTED = "He said on Thursday that troops had arrived in Belarus on Monday."


@pytest.mark.parametrize(
    ("text", "trigger", "date", "source", "place"),
    [
        ("The envoys met on Wednesday in Paris.", "met", "2022-01-26", "text", "Paris"),
        ("The envoys will meet on Wednesday in Berlin.", "meet", "2022-02-02", "text", "Berlin"),
        ("The envoys met in Paris.", "met", "2022-01-28", "published", "Paris"),
        # The clause's own date wins over another date in the sentence.
        (REPORTED, "arrived", "2022-01-24", "text", "Belarus"),
        (REPORTED, "said", "2022-01-27", "text", None),
        ("Russian forces shelled Kharkiv on Tuesday.", "shelled", "2022-01-25", "text", "Kharkiv"),
        ("The envoys met in Paris and agreed to meet in Berlin.", "met", "2022-01-28", "published", "Paris"),
        ("The envoys met in Paris and agreed to meet in Berlin.", "agreed", "2022-01-28", "published", "Berlin"),
        # A duration does not date an event.
        ("Troops will hold drills near Kaliningrad for the next two weeks.", "hold", "2022-01-28", "published",
         "Kaliningrad"),
    ],
)  # fmt: skip
def test_date_and_place(text: str, trigger: str, date: str, source: str, place: str | None) -> None:
    ctx = _context(text)
    ctx.events = [_event(ctx, trigger)]
    anchor_events(ctx)
    event = ctx.events[0]
    assert (event.date, event.date_source) == (date, source)
    assert (event.place.text if event.place else None) == place


def test_participant_is_not_the_place() -> None:
    ctx = _context("Russia threatened Ukraine with sanctions in Geneva on Friday.")
    ctx.events = [_event(ctx, "threatened", source="Russia", target="Ukraine")]
    anchor_events(ctx)
    assert ctx.events[0].place is not None and ctx.events[0].place.text == "Geneva"


def test_topic_is_not_the_place() -> None:
    ctx = _context("Washington threatened sanctions on Ukraine's neighbours.")
    ctx.events = [_event(ctx, "threatened")]
    anchor_events(ctx)
    assert ctx.events[0].place is None


def test_no_publication_date_and_no_date_in_text() -> None:
    ctx = _context("The envoys met in Paris.", published=None)
    ctx.events = [_event(ctx, "met")]
    anchor_events(ctx)
    assert (ctx.events[0].date, ctx.events[0].date_source) == (None, None)


def test_seed_article_meeting_is_dated_and_placed(extract, seed_text: str) -> None:
    record = extract(seed_text, published="2022-01-28")
    met = [e for e in record.events if e.trigger.text.startswith("met") and e.place is not None]
    assert met, "the envoys' meeting in Paris is coded as an event"
    assert (met[0].date, met[0].place.name) == ("2022-01-26", "Paris")
