"""What the extraction stages share for one article.

Stages run in order (see `newsevents.pipeline.STAGES`); each reads what earlier ones wrote.
`text` is the offsets' frame; `doc` was parsed from `analysis_text`, which is `text` with the
boilerplate blanked out by spaces, so token offsets equal text offsets and debris yields nothing.
"""

from __future__ import annotations

import datetime as dt
from bisect import bisect_right
from dataclasses import dataclass, field

from spacy.tokens import Doc, Span, Token

from newsevents.nlp.text import sentence_of
from newsevents.options import Options
from newsevents.types import Actor, Claim, DateRef, Event, Place, Quote


@dataclass
class ExtractContext:
    text: str
    doc: Doc
    published: dt.date | None
    options: Options
    actors: list[Actor] = field(default_factory=list)
    dates: list[DateRef] = field(default_factory=list)
    places: list[Place] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)
    claims: list[Claim] = field(default_factory=list)
    events: list[Event] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    _actor_starts: list[int] = field(default_factory=list, repr=False)
    # `actor_at` answers, asked again and again for the same tokens by the later stages; valid for one list
    _actor_at: dict[tuple[int, int], Actor | None] = field(default_factory=dict, repr=False)
    _actor_at_list: list[Actor] | None = field(default=None, repr=False)

    def index_actors(self) -> None:
        """Sort actor mentions by start so lookups are a binary search."""
        self.actors.sort(key=lambda a: (a.start, -a.end))
        self._actor_starts = [a.start for a in self.actors]
        self._actor_at.clear()

    def actors_in(self, start: int, end: int) -> list[Actor]:
        """Actor mentions lying wholly inside the character range [start, end)."""
        if len(self._actor_starts) != len(self.actors):
            self.index_actors()
        lo = bisect_right(self._actor_starts, start - 1)
        found = []
        for actor in self.actors[lo:]:
            if actor.start >= end:
                break
            if actor.end <= end:
                found.append(actor)
        return found

    def actor_at(self, start: int, end: int) -> Actor | None:
        """The mention overlapping [start, end), preferring the longest one."""
        if len(self._actor_starts) != len(self.actors):
            self.index_actors()
        if self._actor_at_list is not self.actors:  # a new list: no earlier answer holds
            self._actor_at_list = self.actors
            self._actor_at.clear()
        key = (start, end)
        if key not in self._actor_at:
            self._actor_at[key] = self._find_actor_at(start, end)
        return self._actor_at[key]

    def _find_actor_at(self, start: int, end: int) -> Actor | None:
        hi = bisect_right(self._actor_starts, end - 1)
        best: Actor | None = None
        for k in range(hi - 1, -1, -1):  # nearest first, without copying the list on every call
            actor = self.actors[k]
            if actor.end > start and (best is None or actor.end - actor.start > best.end - best.start):
                best = actor
            if start - actor.start > 200:  # mentions are short; no need to scan the whole article
                break
        return best

    def actor_for_token(self, token: Token) -> Actor | None:
        """The actor mention containing `token` (e.g. the head noun of a subject phrase)."""
        return self.actor_at(token.idx, token.idx + len(token.text))

    def sentence_of(self, start: int) -> Span | None:
        token = self.doc.char_span(start, start + 1, alignment_mode="expand")
        return sentence_of(token) if token is not None and len(token) else None
