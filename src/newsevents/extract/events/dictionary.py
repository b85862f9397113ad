"""The verb dictionary: `data/verbs.tsv` plus the user's files in the option `verb_dictionaries`.

Patterns are precompiled into dicts keyed by lemma so that matching a token costs one lookup.
File format (see the header of `data/verbs.tsv`): `kind <TAB> code <TAB> pattern`, where a pattern
is `lemma word [noun|noun] ...`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache
from importlib import resources
from pathlib import Path

from newsevents.extract.events.codebook import codebook
from newsevents.types import InputError

SUPPORT = "*"
PATTERN_PART = re.compile(r"\[[^\]]*\]|\S+")  # code of a support verb: the event takes the code of the noun it governs


@dataclass(frozen=True, slots=True)
class NounSlot:
    """A noun the verb needs: its direct object (`prep` None) or the object of preposition `prep`."""

    lemmas: frozenset[str]
    prep: str | None


@dataclass(frozen=True, slots=True)
class VerbPattern:
    code: str
    lemma: str
    words: tuple[str, ...]  # particles / prepositions that must be attached
    nouns: tuple[NounSlot, ...]
    source: str  # "file:line", to explain a coding
    inverse: bool = False  # code suffix `<`: the subject receives the act ("received aid from X")
    figurative: str | None = None  # code suffix `~CODE`: without an armed actor, coded as CODE (or nothing)
    needs_complement: bool = False  # code suffix `+`: codes only with an event in its complement ("wants to")

    @property
    def specificity(self) -> int:
        return 2 * len(self.nouns) + len(self.words)

    @property
    def bare(self) -> bool:
        return not self.words and not self.nouns


@dataclass(frozen=True)
class VerbDictionary:
    verbs: dict[str, tuple[VerbPattern, ...]] = field(default_factory=dict)
    nouns: dict[str, str] = field(default_factory=dict)
    # Event nouns with a political figurative sense ("an attack on the Tories"): code when unarmed, or "".
    figurative_nouns: dict[str, str] = field(default_factory=dict)

    def knows(self, lemma: str) -> bool:
        return lemma in self.verbs


def deinflected(word: str) -> list[str]:
    """Base-form guesses for an inflected verb, for when the lemmatizer slips ("staged" -> "stag")."""
    guesses = []
    for suffix in ("ing", "ed", "es", "s", "d"):
        if word.endswith(suffix) and len(word) > len(suffix) + 2:
            stem = word[: -len(suffix)]
            guesses += [stem, stem + "e"]
            if len(stem) > 2 and stem[-1] == stem[-2]:
                guesses.append(stem[:-1])  # "slammed" -> "slam"
    return guesses


def parse_pattern(code: str, pattern: str, source: str) -> VerbPattern:
    """`impose [sanction|embargo] on` -> lemma, words, noun slots; `070<`, `030+`, `190~111` set flags."""
    code, figurative = split_figurative(code)
    inverse, needs_complement = code.endswith("<"), code.endswith("+")
    code = code.rstrip("<+")
    parts = PATTERN_PART.findall(pattern.lower())  # "[state of emergency|martial law]" is one part
    if not parts or parts[0].startswith("["):
        raise InputError(f"{source}: a pattern must start with a lemma: {pattern!r}")
    words: list[str] = []
    nouns: list[NounSlot] = []
    previous_word: str | None = None
    for part in parts[1:]:
        if part.startswith("[") and part.endswith("]"):
            nouns.append(NounSlot(frozenset(part[1:-1].split("|")), previous_word))
            if previous_word is not None:
                words.remove(previous_word)  # the preposition is checked through its noun slot
            previous_word = None
        else:
            words.append(part)
            previous_word = part
    return VerbPattern(
        code,
        parts[0],
        tuple(words),
        tuple(nouns),
        source,
        inverse=inverse,
        needs_complement=needs_complement,
        figurative=figurative,
    )


def split_figurative(code: str) -> tuple[str, str | None]:
    """`190~111` -> ("190", "111"); `190~` -> ("190", ""); `190` -> ("190", None)."""
    if "~" not in code:
        return code, None
    literal, _, figurative = code.partition("~")
    return literal, figurative


def _read_lines(text: str, name: str) -> list[tuple[str, str, str, str]]:
    rows = []
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        cells = [cell.strip() for cell in line.split("\t")]
        if len(cells) != 3 or cells[0] not in ("verb", "noun"):
            raise InputError(f"{name}:{number}: expected 'verb|noun <TAB> code <TAB> pattern'")
        kind, code, pattern = cells
        literal, figurative = split_figurative(code)
        if code != SUPPORT and (
            literal.rstrip("<+") not in codebook() or (figurative and figurative not in codebook())
        ):
            raise InputError(f"{name}:{number}: unknown CAMEO code {code!r}")
        rows.append((kind, code, pattern, f"{name}:{number}"))
    return rows


def _build(rows: list[tuple[str, str, str, str]]) -> VerbDictionary:
    verbs: dict[str, list[VerbPattern]] = {}
    nouns: dict[str, str] = {}
    figurative_nouns: dict[str, str] = {}
    for kind, code, pattern, source in rows:
        if kind == "noun":
            literal, figurative = split_figurative(code)
            nouns[pattern.lower()] = literal
            if figurative is not None:
                figurative_nouns[pattern.lower()] = figurative
            continue
        compiled = parse_pattern(code, pattern, source)
        verbs.setdefault(compiled.lemma, []).append(compiled)
    # Later files override earlier ones for the same pattern, so keep the last entry first among equals.
    ordered = {lemma: tuple(sorted(reversed(found), key=lambda p: -p.specificity)) for lemma, found in verbs.items()}
    return VerbDictionary(ordered, nouns, figurative_nouns)


@cache
def load_dictionary(extra: tuple[str, ...] = ()) -> VerbDictionary:
    """The packaged dictionary with the user's files layered on top (later lines win)."""
    text = resources.files("newsevents.data").joinpath("verbs.tsv").read_text("utf-8")
    rows = _read_lines(text, "verbs.tsv")
    for path in extra:
        try:
            rows += _read_lines(Path(path).read_text("utf-8"), path)
        except (OSError, UnicodeDecodeError) as exc:
            raise InputError(f"{path}: cannot read verb dictionary: {exc}") from exc
    return _build(rows)
