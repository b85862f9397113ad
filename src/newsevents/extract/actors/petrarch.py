"""Read PETRARCH/TABARI `.actors` dictionaries that users bring.

The format, as the PETRARCH2 dictionaries write it::

    VLADIMIR_PUTIN_  [RUSGOV >000507] [RUSELI <000507]   # comment
    +PUTIN_
    +VLADIMIR_VLADIMIROVICH_PUTIN_

A line without `+` starts an actor; `+` lines add synonyms; each `[CODE dates]` is a code with an
optional date restriction: `>YYMMDD` (from), `<YYMMDD` (until), `YYMMDD-YYMMDD` (range).
Two-digit years below 50 are 20xx (as PETRARCH reads them).
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator

from newsevents.extract.actors.codes import DatedCode
from newsevents.types import InputError

_CODE_RE = re.compile(r"\[([^\]]+)\]")


def read_petrarch_actors(text: str, source: str) -> Iterator[tuple[str, str, tuple[DatedCode, ...]]]:
    """(surface phrase, canonical name, codes) for every name and synonym in the file."""
    name: str | None = None
    codes: tuple[DatedCode, ...] = ()
    for number, raw in enumerate(text.splitlines(), start=1):
        line = raw.split("#", 1)[0].strip()
        if not line or line.startswith(("<", "=")):
            continue
        phrase = _phrase(_CODE_RE.sub("", line).lstrip("+"))
        if not phrase:
            continue
        if line.startswith("+"):
            if name is None:
                raise InputError(f"{source}:{number}: synonym before any actor")
        else:
            name = phrase.title()
            try:
                codes = tuple(_dated(c) for c in _CODE_RE.findall(line))
            except ValueError as exc:
                raise InputError(f"{source}:{number}: bad date in code: {exc}") from exc
        yield phrase.title() if phrase.isupper() else phrase, name, codes


def _phrase(raw: str) -> str:
    return " ".join(raw.replace("_", " ").split())


def _dated(text: str) -> DatedCode:
    parts = text.split()
    code = parts[0]
    if len(parts) == 1:
        return DatedCode(code)
    restriction = parts[1]
    if restriction.startswith(">"):
        return DatedCode(code, start=_yymmdd(restriction[1:]))
    if restriction.startswith("<"):
        return DatedCode(code, end=_yymmdd(restriction[1:]))
    start, _, end = restriction.partition("-")
    return DatedCode(code, _yymmdd(start), _yymmdd(end) if end else None)


def _yymmdd(text: str) -> dt.date:
    digits = text.strip()
    if len(digits) == 8:
        return dt.date(int(digits[:4]), int(digits[4:6]), int(digits[6:]))
    if len(digits) != 6 or not digits.isdigit():
        raise ValueError(text)
    year = int(digits[:2])
    return dt.date(2000 + year if year < 50 else 1900 + year, int(digits[2:4]), int(digits[4:]))
