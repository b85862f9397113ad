"""The words of `data/claim_units.tsv` (units, qualifiers, durations, impact verbs, penalties, rates), loaded once."""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cache
from importlib import resources


@dataclass(frozen=True)
class ClaimWords:
    units: dict[tuple[str, ...], str] = field(default_factory=dict)
    qualifiers: dict[tuple[str, ...], str] = field(default_factory=dict)
    durations: frozenset[str] = frozenset()
    impact_verbs: frozenset[str] = frozenset()
    penalties: dict[str, str] = field(default_factory=dict)  # verb lemma -> the penalty its figure measures
    rates: frozenset[str] = frozenset()  # "£5 a litre": nouns a figure is given "a"/"per" of

    def unit(self, words: tuple[str, ...]) -> str | None:
        return self.units.get(tuple(w.lower() for w in words))


def parse_claim_words(text: str) -> ClaimWords:
    units: dict[tuple[str, ...], str] = {}
    qualifiers: dict[tuple[str, ...], str] = {}
    durations: set[str] = set()
    impact: set[str] = set()
    penalties: dict[str, str] = {}
    rates: set[str] = set()
    for line in text.splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        cols = [*line.split("\t"), "", ""]
        kind, surface, canonical = cols[0].strip(), cols[1].strip().lower(), cols[2].strip()
        words = tuple(surface.split())
        if kind == "unit" and words:
            units[words] = canonical or surface
        elif kind == "qualifier" and words:
            qualifiers[words] = canonical or surface
        elif kind == "duration":
            durations.add(surface)
        elif kind == "impact":
            impact.add(surface)
        elif kind == "penalty" and canonical:
            penalties[surface] = canonical
        elif kind == "rate":
            rates.add(surface)
    return ClaimWords(units, qualifiers, frozenset(durations), frozenset(impact), penalties, frozenset(rates))


@cache
def claim_words() -> ClaimWords:
    return parse_claim_words(resources.files("newsevents.data").joinpath("claim_units.tsv").read_text("utf-8"))
