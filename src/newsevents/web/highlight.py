"""An article's text with every extracted item marked, as escaped HTML.

The text is cut at every item boundary into segments; each segment is one `<span>` whose classes
name the kinds of item covering it and whose `data-k` lists their keys (`a3` actor 3, `e1` the
sentence of event 1, `t1` its trigger, `q0` quote, `c2` claim, `p0` place, `d4` date). An empty
anchor `<a id="KEY">` stands where each item starts, so `/articles/ID#e1` scrolls to event 1's
sentence and the page's script marks every segment of it. Items overlap freely (a quote holding
an actor and a date); segments never do. The text itself is only ever escaped, never interpreted.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from markupsafe import Markup, escape

KIND_OF_KEY = {"a": "actor", "e": "sentence", "t": "trigger", "q": "quote", "c": "claim", "p": "place", "d": "date"}


@dataclass(frozen=True, order=True)
class Mark:
    start: int
    end: int
    key: str

    @property
    def kind(self) -> str:
        return KIND_OF_KEY[self.key[0]]


def marks(items: dict[str, Sequence[dict[str, Any]]]) -> list[Mark]:
    """The marks of an article's stored items (rows of actors, events, quotes, claims, places, dates)."""
    found: list[Mark] = []
    simple = {"actors": "a", "quotes": "q", "claims": "c", "places": "p", "dates": "d"}
    for table, letter in simple.items():
        found += [_mark(r.get("char_start"), r.get("char_end"), f"{letter}{r['idx']}") for r in items.get(table, [])]
    for event in items.get("events", []):
        found.append(_mark(event.get("sentence_start"), event.get("sentence_end"), f"e{event['idx']}"))
        found.append(_mark(event.get("trigger_start"), event.get("trigger_end"), f"t{event['idx']}"))
    return sorted(m for m in found if m.end > m.start >= 0)


def _mark(start: int | None, end: int | None, key: str) -> Mark:
    return Mark(start if start is not None else -1, end if end is not None else -1, key)


def highlight(text: str, found: Iterable[Mark]) -> Markup:
    """The text as HTML: segments with their covering marks, anchors where marks start."""
    kept = [Mark(m.start, min(m.end, len(text)), m.key) for m in found if m.start < len(text)]
    cuts = sorted({0, len(text), *(m.start for m in kept), *(m.end for m in kept)})
    starting: dict[int, list[str]] = {}
    for m in kept:
        starting.setdefault(m.start, []).append(m.key)
    out: list[str] = []
    active: list[Mark] = []
    pending = sorted(kept, key=lambda m: m.start)
    for left, right in itertools.pairwise(cuts):
        while pending and pending[0].start <= left:
            active.append(pending.pop(0))
        active = [m for m in active if m.end > left]
        out += [f'<a id="{k}" class="anchor"></a>' for k in starting.get(left, [])]
        out.append(_segment(text[left:right], [m for m in active if m.start <= left and m.end >= right]))
    return Markup("".join(out))


def _segment(piece: str, covering: list[Mark]) -> str:
    if not covering:
        return str(escape(piece))
    kinds = sorted({m.kind for m in covering})
    classes = " ".join(["seg", *(f"k-{k}" for k in kinds)])
    keys = " ".join(m.key for m in covering)
    return f'<span class="{classes}" data-k="{keys}" title="{escape(", ".join(kinds))}">{escape(piece)}</span>'
