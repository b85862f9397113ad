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
    if chunks[0] in SECTORS:  # PETRARCH's bare agent code: [ELI] is "elite", of no country
        return CodeParts(None, chunks[0])
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
    """The code in force on `day`, PETRARCH's way: a dated spell that holds wins over the undated
    default, which applies outside every spell. Out of every spell with no default, only the
    country of the nearest spell holds (a former minister is still Russian, no longer GOV).

    Without a day nothing dated is guessed: see `undated_code`.
    """
    if not codes:
        return None
    if day is None:
        return undated_code(codes)
    holding = [c for c in codes if c.holds_on(day)]
    dated = [c for c in holding if c.start is not None or c.end is not None]
    if dated or holding:
        return (dated or holding)[-1].code or None
    nearest = min(codes, key=lambda c: _distance(c, day))
    return split_code(nearest.code).country or None


def undated_code(codes: tuple[DatedCode, ...]) -> str | None:
    """For an article without a date: the undated code if there is one, else the country every
    spell agrees on, with no sector (the text's own title may give one), else nothing."""
    default = [c for c in codes if c.start is None and c.end is None]
    if default:
        return default[-1].code or None
    countries = {split_code(c.code).country for c in codes if c.code}
    return countries.pop() if len(countries) == 1 else None


def _distance(code: DatedCode, day: dt.date) -> int:
    if code.end is not None and code.end < day:
        return (day - code.end).days
    if code.start is not None and day < code.start:
        return (code.start - day).days
    return 0
