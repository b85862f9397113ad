"""Read PETRARCH/TABARI actor and agent dictionaries as users bring them.

Actors (`.actors`, e.g. Phoenix.Countries.actors.txt)::

    TONY_BLAIR_  # CountryInfo.txt
    +PRIME_MINISTER_BLAIR_
        [GBRGOV 970502-070627]
        [GBRELI]
    PUTIN_  [RUSGOV >000507] [RUSELI <000507]

A line without `+` starts an actor; `+` lines add synonyms; `[CODE restriction]` is a code, either
on the actor's line or on the indented lines after it, with an optional date restriction:
`>DATE` (from), `<DATE` (until), `DATE-DATE` (between), DATE as YYMMDD or YYYYMMDD (two-digit
years below 50 are 20xx, as PETRARCH reads them). A code without restriction is the default.
Actor lines without any code take the codes of the block that follows them (PETRARCH does the
same). `[---]` is the null code.

Agents (Phoenix.agents.txt)::

    !PERSON! = MAN, MEN, WOMAN, WOMEN, PERSON
    SENATOR [~LEG]
    CONGRESS!PERSON! [~LEG]
    POLICE {} [~COP]
    ATTORNEY_GENERAL {ATTORNEYS_GENERAL} [~GOVATG]
    HUMAN_RIGHTS_BODY [NGO~]

`~XXX` is a sector that follows the country, `XXX~` a code that stands before it. Regular plurals
are generated unless `{...}` gives the plural forms (`{}`: none).

Anything that does not fit these shapes is an `InputError` naming the file and line: a file we
cannot read is never loaded as an empty dictionary.
"""

from __future__ import annotations

import datetime as dt
import logging
import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from newsevents.extract.actors.codes import DatedCode
from newsevents.types import InputError

_LOG = logging.getLogger(__name__)
_CODE_RE = re.compile(r"\[([^\[\]]*)\]")
_CODE_WORD_RE = re.compile(r"^[A-Z0-9]{3,}$|^---$")
_AGENT_CODE_RE = re.compile(r"^(~[A-Z0-9]{3,}|[A-Z0-9]{3,}~)$")
_PLURALS_RE = re.compile(r"\{([^{}]*)\}")
_MARKER_RE = re.compile(r"!([A-Z]+)!")
_BRACE_CLOSED_CODE_RE = re.compile(r"\[([^\[\]{}]*)\}")
NULL_CODE = ""


@dataclass(frozen=True, slots=True)
class PetrarchActor:
    phrase: str  # surface form, words separated by spaces
    name: str  # the canonical name: the block's actor line
    codes: tuple[DatedCode, ...]
    line: int


@dataclass(frozen=True, slots=True)
class PetrarchAgent:
    phrase: str  # lower case, words separated by spaces
    code: str  # "~GOV" (sector after the country) or "NGO~" (code before it)
    plural: bool
    line: int


@dataclass
class _Block:
    phrases: list[tuple[str, str, int]] = field(default_factory=list)  # (phrase, name, line)
    codes: list[DatedCode] = field(default_factory=list)

    def actors(self) -> Iterator[PetrarchActor]:
        for phrase, name, line in self.phrases:
            yield PetrarchActor(phrase, name, tuple(self.codes), line)


def read_text(path: Path, kind: str) -> str:
    """The file's text, or an InputError naming the line of the first byte that is not UTF-8."""
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise InputError(f"{path}: cannot read {kind}: {exc.strerror or exc}") from exc
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        raise InputError(f"{path}:{line}: {kind} is not UTF-8 text (byte {data[exc.start]:#04x})") from exc


def looks_like_agents(text: str) -> bool:
    """Agents files code with `~`: `SENATOR [~LEG]`; actor files never do."""
    codes = [c.split()[0] for c in _CODE_RE.findall(_strip_comment(text)) if c.split()]
    return bool(codes) and sum("~" in c for c in codes) * 2 > len(codes)


def read_petrarch_actors(text: str, source: str) -> list[PetrarchActor]:
    """Every name and synonym in the file with the codes of its block."""
    found: list[PetrarchActor] = []
    block = _Block()
    name: str | None = None
    for number, line in _content_lines(text):
        phrase, codes = _split_line(line.lstrip("+"), source, number)
        if phrase is None:
            continue
        if line.startswith("+"):
            if name is None:
                raise InputError(f"{source}:{number}: synonym before any actor")
        elif phrase:
            if block.codes:  # a new actor line after a coded block starts the next block
                found.extend(block.actors())
                block = _Block()
            name = phrase
        elif name is None:
            raise InputError(f"{source}:{number}: code before any actor")
        if phrase:
            block.phrases.append((phrase, name or phrase, number))
        block.codes.extend(codes)
    if block.phrases and not block.codes:
        raise InputError(f"{source}:{block.phrases[0][2]}: actor {block.phrases[0][0]!r} has no [CODE]")
    found.extend(block.actors())
    if not found:
        raise InputError(f"{source}:1: no actors found (expected lines like `NAME_ [CODE]`)")
    return found


def _content_lines(text: str) -> Iterator[tuple[int, str]]:
    for number, raw in enumerate(text.splitlines(), start=1):
        line = _strip_comment(raw).strip()
        if line and not line.startswith(("<", "=")):  # <Actor> tags and ==== separators
            yield number, line


def _strip_comment(text: str) -> str:
    return re.sub(r"[#;][^\n]*", "", text)


def _split_line(line: str, source: str, number: int) -> tuple[str | None, list[DatedCode]]:
    """(phrase, codes) of one line; a bracket that does not close is junk, not a name.

    A stray `]` inside a name (PETRARCH's Phoenix files have one) skips that line, loudly."""
    rest = _CODE_RE.sub(" ", line)
    if "[" in rest:
        raise InputError(f"{source}:{number}: unbalanced [ ] in {line!r}")
    if "]" in rest:
        _LOG.warning("%s:%d: stray ']' in %r; line skipped", source, number, line)
        return None, []
    phrase = _phrase(rest)
    if phrase and not any(c.isalpha() for c in phrase):
        # A bare number would match every such figure in the news ("+39649_", a spreadsheet's date).
        _LOG.warning("%s:%d: %r is not a name; line skipped", source, number, phrase)
        return None, []
    codes = [c for c in (_dated(body, source, number) for body in _CODE_RE.findall(line)) if c is not None]
    return phrase, codes


def _phrase(raw: str) -> str:
    text = " ".join(raw.replace("_", " ").split())
    if not text.isupper() or (" " not in text and len(text) <= 3):
        return text  # "UN", "FBI", "US": acronyms stay in capitals and must be written so
    return " ".join(word[:1] + word[1:].lower() for word in text.split())  # not .title(): "People's"


def _dated(body: str, source: str, number: int) -> DatedCode | None:
    parts = body.split()
    if not parts or not _CODE_WORD_RE.match(parts[0]):
        raise InputError(f"{source}:{number}: {body!r} is not a CAMEO code (expected [CODE] or [CODE dates])")
    code = NULL_CODE if parts[0] == "---" else parts[0]
    restriction = "".join(parts[1:])
    if not restriction:
        return DatedCode(code)
    try:
        return _restricted(code, restriction)
    except ValueError:
        # PETRARCH's own Phoenix files hold a few mistyped dates (7 digits): that spell is left
        # out, loudly, rather than the whole file refused or the code applied at all dates.
        _LOG.warning("%s:%d: unreadable date restriction %r; code %s skipped", source, number, restriction, code)
        return None


def _restricted(code: str, restriction: str) -> DatedCode:
    if restriction.startswith(">"):
        return DatedCode(code, start=_date(restriction[1:]))
    if restriction.startswith("<"):
        return DatedCode(code, end=_date(restriction[1:]))
    start, dash, end = restriction.partition("-")
    if not dash:
        raise ValueError(restriction)
    return DatedCode(code, _date(start), _date(end))


def _date(text: str) -> dt.date:
    digits = text.strip()
    if not digits.isdigit() or len(digits) not in (6, 8):
        raise ValueError(text)
    if len(digits) == 8:
        return dt.date(int(digits[:4]), int(digits[4:6]), int(digits[6:]))
    year = int(digits[:2])
    return dt.date(2000 + year if year < 50 else 1900 + year, int(digits[2:4]), int(digits[4:]))


# -- agents ---------------------------------------------------------------------------------------


def read_petrarch_agents(text: str, source: str) -> list[PetrarchAgent]:
    """Every agent phrase with its singular and plural forms, markers substituted.

    A line without a code is skipped with a warning (PETRARCH's own file has one); a file where
    more than one line in ten is like that is not an agents file, and is an error."""
    markers: dict[str, list[str]] = {}
    found: list[PetrarchAgent] = []
    uncoded: list[int] = []
    lines = list(_content_lines(text))
    for number, line in lines:
        if line.startswith("!") and "=" in line and "[" not in line:
            marker, _, values = line.partition("=")
            markers[marker.strip().strip("!")] = [v.strip() for v in values.split(",") if v.strip()]
        elif "[" not in line:
            _LOG.warning("%s:%d: agent %r has no [CODE]; line skipped", source, number, line)
            uncoded.append(number)
        else:
            found.extend(_agent_line(line, markers, source, number))
    if uncoded and len(uncoded) * 10 > len(lines):
        raise InputError(f"{source}:{uncoded[0]}: agent without a [~CODE] (and {len(uncoded) - 1} more lines)")
    if not found:
        raise InputError(f"{source}:1: no agents found (expected lines like `SENATOR [~LEG]`)")
    return found


def _agent_line(line: str, markers: dict[str, list[str]], source: str, number: int) -> list[PetrarchAgent]:
    line = _BRACE_CLOSED_CODE_RE.sub(r"[\1]", line)  # "[~LEG}": a typo PETRARCH's own docs show
    bodies = _CODE_RE.findall(line)
    if len(bodies) != 1 or not _AGENT_CODE_RE.match(bodies[0].strip()):
        raise InputError(f"{source}:{number}: expected `PHRASE [~SECTOR]` or `PHRASE [CODE~]`, got {line!r}")
    code = bodies[0].strip()
    head = _CODE_RE.sub(" ", line)
    plurals = _PLURALS_RE.search(head)
    stem = _PLURALS_RE.sub(" ", head)
    if any(ch in stem for ch in "[]{}"):
        raise InputError(f"{source}:{number}: unbalanced brackets in {line!r}")
    singulars = _expand(stem, markers, source, number)
    if plurals is not None:
        plural_forms = _expand(plurals.group(1), markers, source, number) if plurals.group(1).strip() else []
    elif _MARKER_RE.search(stem):
        plural_forms = []  # a marker lists its own plurals (MAN, MEN)
    else:
        plural_forms = [_regular_plural(s) for s in singulars]
    return [PetrarchAgent(p, code, False, number) for p in singulars] + [
        PetrarchAgent(p, code, True, number) for p in plural_forms
    ]


def _expand(raw: str, markers: dict[str, list[str]], source: str, number: int) -> list[str]:
    # "!MINIST! FOR_AGRICULTURE" is one phrase: blanks and underscores both separate words.
    text = " ".join(raw.replace("_", " ").split())
    match = _MARKER_RE.search(text)
    if match is None:
        return [text.lower()] if text else []
    if match.group(1) not in markers:
        raise InputError(f"{source}:{number}: marker !{match.group(1)}! used before it is defined")
    return [
        form
        for value in markers[match.group(1)]
        for form in _expand(text[: match.start()] + value + text[match.end() :], markers, source, number)
    ]


def _regular_plural(word: str) -> str:
    if word.endswith("y") and not word.endswith(("ay", "ey", "oy", "uy")):
        return word[:-1] + "ies"
    if word.endswith(("ss", "sh", "ch", "x")):
        return word + "es"
    return word + "s"
