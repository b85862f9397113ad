"""Typed records: what goes in (`Article`) and what comes out (`ArticleRecord`).

Every extracted item carries character offsets (`start`, `end`, end exclusive) into
`ArticleRecord.text`. Records are plain dataclasses so they pickle cheaply between worker
processes and serialise with `to_dict()` into the JSON contract documented in README.md.
Field names in `to_dict()` are a public contract: add fields freely, never rename.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import asdict, dataclass, field
from typing import Any, Literal

Modality = Literal["asserted", "negated", "hypothetical", "reported"]
QuoteKind = Literal["direct", "indirect", "mixed"]


@dataclass(frozen=True, slots=True)
class Span:
    """A piece of the article text: `text == article_text[start:end]`."""

    start: int
    end: int
    text: str

    def to_dict(self) -> dict[str, Any]:
        return {"start": self.start, "end": self.end, "text": self.text}


@dataclass(frozen=True, slots=True)
class CharRange:
    start: int
    end: int

    def to_dict(self) -> dict[str, Any]:
        return {"start": self.start, "end": self.end}


@dataclass(slots=True)
class Article:
    """One input article, as read from any input format.

    Exactly one of `text` (plain text, kept byte for byte as the offsets' frame) or `html`
    (a raw page; the extracted article text becomes the frame) is normally set.
    `source` names where it came from (file path, `file.jsonl:12`, WARC record) for errors.
    `published` is the input's own date (`date_source` says which kind); `default_published` is
    the user's `--date`, used only when nothing in the article dates it (see ingest/pubdate.py).
    `warnings` are what reading did to the input (a legacy encoding decoded, ...).
    """

    id: str
    text: str | None = None
    html: str | None = None
    published: dt.date | None = None
    url: str | None = None
    title: str | None = None
    source: str | None = None
    date_source: str | None = None
    default_published: dt.date | None = None
    warnings: list[str] = field(default_factory=list)


@dataclass(slots=True)
class Actor:
    """One mention of a political actor.

    `name` is the canonical name of the entity the mention refers to (for "he" or "Reznikov"
    it is the first full mention, e.g. "Oleksii Resnikov"); `entity` numbers the chain so all
    mentions of one entity share it. `code` is the CAMEO-style actor code (country/IGO + sector).
    """

    start: int
    end: int
    text: str
    name: str
    country: str | None = None
    org: str | None = None
    sector: str | None = None
    code: str | None = None
    kind: str = "other"  # person | organisation | country | group | government | pronoun | other
    entity: int = -1

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)

    def same_entity(self, other: Actor) -> bool:
        return self.entity >= 0 and self.entity == other.entity


@dataclass(slots=True)
class Place:
    start: int
    end: int
    text: str
    name: str
    country: str | None = None
    # city | admin | country | sea | river | lake | mountain | island | region | landmark | continent;
    # street | facility | district (approximate)
    kind: str | None = None
    lat: float | None = None
    lon: float | None = None
    geonameid: int | None = None
    # A capital or seat of government standing for its government ("Ottawa intended to ...", "the Kremlin's
    # demands"): still a toponym, but not where anything happened, so events never take it as their place.
    government: bool = False
    # A street, building or neighbourhood no gazetteer holds ("Main Street", "St Mary's Hospital"), kind
    # street | facility | district: its point is that of the town it lies in (`within`), not its own.
    approximate: bool = False
    within: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(slots=True)
class DateRef:
    """A date expression resolved to a TIMEX3 value (`2022-01-27`, `2022-W04`, `2021-SP`)."""

    start: int
    end: int
    text: str
    value: str | None
    granularity: str | None = None  # day | week | month | season | quarter | year | decade | duration

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(slots=True)
class Event:
    sentence: CharRange
    trigger: Span
    source: Actor | None
    target: Actor | None
    cameo: str
    root: str
    quad_class: int
    goldstein: float
    plover: str | None
    modality: Modality = "asserted"
    date: str | None = None
    date_source: str | None = None  # "text" when a date in the clause dates it, "published" otherwise
    place: Place | None = None
    # Index into `ArticleRecord.quotes` of the quote whose speech act this event is (statements, 01x).
    quote: int | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "sentence": self.sentence.to_dict(),
            "trigger": self.trigger.to_dict(),
            "source": self.source.to_dict() if self.source else None,
            "target": self.target.to_dict() if self.target else None,
            "cameo": self.cameo,
            "root": self.root,
            "quad_class": self.quad_class,
            "goldstein": self.goldstein,
            "plover": self.plover,
            "modality": self.modality,
            "date": self.date,
            "date_source": self.date_source,
            "place": self.place.to_dict() if self.place else None,
            "quote": self.quote,
        }


@dataclass(slots=True)
class Quote:
    start: int
    end: int
    text: str
    kind: QuoteKind
    cue: Span | None
    speaker: Actor | None
    # The pieces of a quote interrupted by its cue ("“A,” he said. “B.”"); empty when it is one piece.
    parts: list[CharRange] = field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        return {
            "start": self.start,
            "end": self.end,
            "text": self.text,
            "kind": self.kind,
            "cue": self.cue.to_dict() if self.cue else None,
            "speaker": self.speaker.to_dict() if self.speaker else None,
            "parts": [p.to_dict() for p in self.parts],
        }


@dataclass(slots=True)
class Claim:
    start: int
    end: int
    text: str
    value: float | int
    unit: str | None
    subject: str | None
    qualifier: str | None
    source: Actor | None
    # a range ("between 2,000 and 3,000 jobs") runs from value to value_max; None for a single figure
    value_max: float | int | None = None

    def to_dict(self) -> dict[str, Any]:
        data = asdict(self)
        data["source"] = self.source.to_dict() if self.source else None
        return data


@dataclass(slots=True)
class ArticleRecord:
    id: str
    title: str | None
    url: str | None
    published: dt.date | None
    text: str
    boilerplate: list[Span] = field(default_factory=list)
    actors: list[Actor] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)
    claims: list[Claim] = field(default_factory=list)
    places: list[Place] = field(default_factory=list)
    dates: list[DateRef] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    language: str | None = None
    # Where `published` came from: metadata | warc-date | dateline | path | option; None when undated.
    date_source: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "title": self.title,
            "url": self.url,
            "published": self.published.isoformat() if self.published else None,
            "date_source": self.date_source,
            "text": self.text,
            "language": self.language,
            "boilerplate": [b.to_dict() for b in self.boilerplate],
            "actors": [a.to_dict() for a in self.actors],
            "events": [e.to_dict() for e in self.events],
            "quotes": [q.to_dict() for q in self.quotes],
            "claims": [c.to_dict() for c in self.claims],
            "places": [p.to_dict() for p in self.places],
            "dates": [d.to_dict() for d in self.dates],
            "warnings": list(self.warnings),
        }


class InputError(ValueError):
    """An input that cannot be turned into an article; the message is one line for the user."""


@dataclass(frozen=True, slots=True)
class Rejected:
    """An input that was not processed: where it came from and why, in one line."""

    source: str
    reason: str

    def message(self) -> str:
        return f"{self.source}: {self.reason}"
