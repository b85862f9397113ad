"""Give each event its date and place.

Date: the value of a date expression in the event's clause (the trigger's verb phrase without the
clauses embedded in it), else in its sentence, the one nearest the trigger (`date_source="text"`);
failing that the publication date (`date_source="published"`); None when there is neither.
Durations and vague references ("the next two weeks", "recently") do not date an event.

Place: a place in the clause, else the sentence, that is used as a location: the object of a
locative preposition ("in Kyiv", "near the border with Belarus", "off Crimea"), a name in
apposition to or compounded with one, or a town or region that is the verb's object ("shelled Kharkiv").
So a country that is a participant ("Russia threatened Ukraine") or a topic ("sanctions on Ukraine")
is not where the event happened.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

from spacy.tokens import Doc, Token

from newsevents.extract.context import ExtractContext
from newsevents.nlp.text import subtree_of
from newsevents.types import DateRef, Event, Place

# "on", "over", "between" mostly name a topic ("sanctions on Ukraine", "talks over Crimea"), not a location.
LOCATIVE_PREPOSITIONS = {
    "in", "at", "near", "into", "inside", "outside", "across", "throughout", "around", "off", "along",
    "within", "from", "through", "to", "onto", "beside",
}  # fmt: skip
# Children whose subtree is another clause: its dates and places belong to its own events.
EMBEDDED_CLAUSES = {"ccomp", "advcl", "relcl", "csubj", "parataxis", "acl"}
NOT_DATING = {"duration", "ref"}
Item = TypeVar("Item", DateRef, Place)


def anchor_events(ctx: ExtractContext) -> None:
    published = ctx.published.isoformat() if ctx.published else None
    dates = [d for d in ctx.dates if d.value and d.granularity not in NOT_DATING]
    # A street or building placed at its town's point (`approximate`) is not where the event happened: the town is.
    places = [p for p in ctx.places if not p.government and not p.approximate and _locative(ctx.doc, p)]
    for event in ctx.events:
        clause, embedded = clause_range(ctx.doc, event)
        in_clause, in_embedded = _inside(ctx.doc, clause), _inside(ctx.doc, embedded)
        date = _pick(event, dates, in_clause, in_embedded)
        if date is not None:
            event.date, event.date_source = date.value, "text"
        else:
            event.date, event.date_source = published, "published" if published else None
        event.place = _pick(event, places, in_clause, in_embedded)


def _pick(
    event: Event, items: list[Item], in_clause: Callable[[Item], bool], in_embedded: Callable[[Item], bool]
) -> Item | None:
    """The item nearest the trigger in its clause, else in the rest of its sentence outside the
    clauses embedded in it ("said ... that troops arrived on Monday": Monday dates the arrival only)."""
    in_sentence = _in_sentence(event, items)  # cheap offset test first: char_span is costly on long texts
    return _nearest(event, [i for i in in_sentence if in_clause(i)]) or _nearest(
        event, [i for i in in_sentence if not in_embedded(i)]
    )


def clause_range(doc: Doc, event: Event) -> tuple[set[int], set[int]]:
    """Token indices of the trigger's clause (its head verb's subtree minus embedded clauses),
    and of the clauses embedded in it."""
    span = doc.char_span(event.trigger.start, event.trigger.end, alignment_mode="expand")
    if span is None or not len(span):
        return set(), set()
    verb = _clause_head(span.root)
    embedded = {t.i for c in verb.children if _starts_clause(c) for t in subtree_of(c)}
    return {t.i for t in subtree_of(verb)} - embedded, embedded


def _starts_clause(child: Token) -> bool:
    """An embedded clause, or a conjoined verb ("met in Paris and agreed to meet in Berlin")."""
    return child.dep_ in EMBEDDED_CLAUSES or (child.dep_ == "conj" and child.pos_ in ("VERB", "AUX"))


def _clause_head(token: Token) -> Token:
    """The verb heading the trigger's clause (the trigger itself when it is a verb)."""
    for _ in range(4):
        if token.pos_ in ("VERB", "AUX") or token.head.i == token.i:
            return token
        token = token.head
    return token


def _inside(doc: Doc, tokens: set[int]) -> Callable[[DateRef | Place], bool]:
    def inside(item: DateRef | Place) -> bool:
        span = doc.char_span(item.start, item.end, alignment_mode="expand")
        return span is not None and len(span) > 0 and span.root.i in tokens

    return inside


def _in_sentence(event: Event, items: list[Item]) -> list[Item]:
    return [i for i in items if event.sentence.start <= i.start and i.end <= event.sentence.end]


def _nearest(event: Event, items: list[Item]) -> Item | None:
    return min(items, key=lambda i: abs(i.start - event.trigger.start), default=None)


def _locative(doc: Doc, place: Place) -> bool:
    """Is the place named as where something is: "in Kyiv", "Kyiv, Ukraine", "the Kyiv region"?"""
    span = doc.char_span(place.start, place.end, alignment_mode="expand")
    if span is None or not len(span):
        return False
    token = span.root
    if token.dep_ == "dobj" and place.kind not in ("country", "continent"):
        return True  # "shelled Kharkiv", "visited Paris": a town acted upon is where it happened
    for _ in range(3):
        if token.dep_ == "pobj" and token.head.lower_ in LOCATIVE_PREPOSITIONS:
            return True
        if token.dep_ not in ("appos", "compound", "conj", "amod", "nmod", "poss") or token.head.i == token.i:
            return False
        token = token.head
    return False
