"""Which of a country's parties govern on a date, from the hand-editable `governing_parties.tsv`.

The field codes a governing party's members as party (PTY) or government and the other parties'
as the opposition (OPP): "Tory leader X" is GBROPP in 2005 and GBRPTY in 2015. Nothing here is
guessed: a country without rows, or an article without a date, keeps PTY.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from functools import cache
from importlib import resources

from newsevents.types import InputError

_FILENAME = "governing_parties.tsv"


@dataclass(frozen=True, slots=True)
class Spell:
    party: str
    start: dt.date
    end: dt.date | None  # None: still governing


@cache
def governing_table() -> dict[str, tuple[Spell, ...]]:
    text = resources.files("newsevents.data.actors").joinpath(_FILENAME).read_text("utf-8")
    return parse_governing_table(text, _FILENAME)


def parse_governing_table(text: str, source: str) -> dict[str, tuple[Spell, ...]]:
    table: dict[str, list[Spell]] = {}
    for number, line in enumerate(text.splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        cells = [c.strip() for c in line.split("\t")] + [""]
        try:
            start = dt.date.fromisoformat(cells[2])
            end = dt.date.fromisoformat(cells[3]) if cells[3] else None
        except (IndexError, ValueError):
            raise InputError(f"{source}:{number}: expected country, party, from date and to date") from None
        table.setdefault(cells[0], []).append(Spell(cells[1], start, end))
    return {country: tuple(spells) for country, spells in table.items()}


def party_sector(country: str | None, party: str, day: dt.date | None) -> str:
    """ "OPP" for a party out of government on `day` in a country the table covers, else "PTY"."""
    spells = governing_table().get(country or "")
    if not spells or day is None:
        return "PTY"
    governing = any(s.party == party and s.start <= day and (s.end is None or day <= s.end) for s in spells)
    return "PTY" if governing else "OPP"
