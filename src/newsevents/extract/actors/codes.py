"""CAMEO-style actor codes: split a code into country/org/sector, pick the code in force on a date."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

# Three-letter sector (agent) codes of CAMEO that may follow a country or region code.
SECTORS = frozenset(
    "GOV MIL REB OPP BUS MED CVL JUD LEG IGO NGO COP SPY ELI INS SEP UAF AGR CRM DEV EDU ENV HLH HRI LAB "
    "REF MOD RAD REL PTY IMG MNC NGM PPL".split()
)
# Prefixes that open a code for an organisation rather than a country.
ORG_PREFIXES = frozenset({"IGO", "NGO", "IMG", "MNC", "NGM"})
_GLOBAL_PARENTS = frozenset({"UNO"})


@dataclass(frozen=True, slots=True)
class CodeParts:
    country: str | None
    sector: str | None


def split_code(code: str) -> CodeParts:
    """`RUSGOV` → (RUS, GOV); `IGOWSTNAT` → (WST, IGO); `UKR` → (UKR, None); `IGOUNO` → (None, IGO)."""
    chunks = [code[i : i + 3] for i in range(0, len(code), 3)]
    if not chunks:
        return CodeParts(None, None)
    if chunks[0] in ORG_PREFIXES:
        # IGO + region + organisation (IGOWSTNAT); a UN body (IGOUNOSEC) belongs to no region.
        region = chunks[1] if len(chunks) > 2 and chunks[1] not in _GLOBAL_PARENTS else None
        return CodeParts(region, chunks[0])
    sector = next((c for c in chunks[1:] if c in SECTORS), None)
    return CodeParts(chunks[0], sector)


def join_code(country: str | None, sector: str | None) -> str | None:
    if country and sector:
        return country + sector
    return country or sector


@dataclass(frozen=True, slots=True)
class DatedCode:
    """A code that holds from `start` to `end` inclusive (either may be open)."""

    code: str
    start: dt.date | None = None
    end: dt.date | None = None

    def holds_on(self, day: dt.date) -> bool:
        return (self.start is None or self.start <= day) and (self.end is None or day <= self.end)


def parse_dated_code(text: str) -> DatedCode:
    """`RUSGOV`, `RUSGOV@2000-05-07..`, `USAGOV@..2017-01-20`, `X@2001-01-01..2002-01-01`."""
    code, _, span = text.strip().partition("@")
    if not span:
        return DatedCode(code.strip())
    start, _, end = span.partition("..")
    return DatedCode(code.strip(), _iso(start), _iso(end))


def _iso(text: str) -> dt.date | None:
    return dt.date.fromisoformat(text.strip()) if text.strip() else None


def code_on(codes: tuple[DatedCode, ...], day: dt.date | None) -> str | None:
    """The code in force on `day`; without a day (or none in force), the latest-starting one."""
    if not codes:
        return None
    if day is not None:
        holding = [c for c in codes if c.holds_on(day)]
        if holding:
            return holding[-1].code
        # Out of office on that day: the person still belongs to the country, not to the office.
        nearest = min(codes, key=lambda c: _distance(c, day))
        return split_code(nearest.code).country or nearest.code
    return max(codes, key=lambda c: c.start or dt.date.min).code


def _distance(code: DatedCode, day: dt.date) -> int:
    if code.end is not None and code.end < day:
        return (day - code.end).days
    if code.start is not None and day < code.start:
        return (code.start - day).days
    return 0
