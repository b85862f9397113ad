"""The verb dictionary: `data/verbs.tsv` plus the user's files in the option `verb_dictionaries`.

Patterns are precompiled into dicts keyed by lemma so that matching a token costs one lookup.
File format (see the header of `data/verbs.tsv`): `kind <TAB> code <TAB> pattern`, where a pattern
is `lemma word [noun|noun] ...`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache, cached_property, lru_cache
from importlib import resources
from pathlib import Path

from newsevents.extract.events.codebook import codebook
from newsevents.types import InputError

SUPPORT = "*"
NO_EVENT = "-"  # a pattern that matches and codes nothing: "release [document]" is not releasing a person
CLASS_MARK = "@"  # `[@people]` in a pattern: any noun of the class defined by a `class` line
ENTITY_PREFIX = "ENT:"  # a class member `ENT:PERSON` is any token spaCy tags with that entity label
AMOUNT_ENTITIES = frozenset({"MONEY", "CARDINAL", "QUANTITY", "PERCENT"})
DEP_MARK = ":"  # `:oprd` in a pattern: the verb must have a dependent with that label ("called him a liar")
KINDS = ("verb", "noun", "statement", "class", "nominal")
NOMINAL_ARROW = ">"  # `donation by from > to for`: source prepositions, then target prepositions
# Prepositions a nominal pattern may name before its arrow (anything else there is part of the noun).
PREPOSITIONS = frozenset("by from of to for with against on at into toward towards over between among".split())
UNDERGOER_CLASS = "undergoer"  # the class of event nouns whose "of" phrase undergoes the act
OWNER_MARK = "'s"  # among a nominal's source words: its possessor or an entity modifier is the source
REQUIRED_MARK = "+"  # `call +for 's from > on`: the noun names the act only with this word ("a call for talks")
PATTERN_PART = re.compile(r"\[[^\]]*\]|\S+")  # code of a support verb: the event takes the code of the noun it governs


@dataclass(frozen=True, slots=True)
class NounSlot:
    """A noun the verb needs: its direct object (`prep` None) or the object of preposition `prep`."""

    lemmas: frozenset[str]
    prep: str | None
    entities: frozenset[str] = frozenset()  # spaCy entity labels that also fill the slot (`ENT:PERSON`)
    pos: frozenset[str] = frozenset()  # parts of speech that fill it (`POS:PRON`: "released them")

    @property
    def names_actors(self) -> bool:
        """A slot for people (`[@people]`) picks the sense; its noun stays a candidate target.
        Amounts (`ENT:MONEY`) pick a sense too but never name an actor."""
        return bool(self.entities - AMOUNT_ENTITIES or self.pos)


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
    deps: tuple[str, ...] = ()  # dependency labels the verb must have among its children (`:oprd`)
    tier: int = 0  # 0: our dictionaries; 1: PETRARCH files, which yield to ours among equally specific patterns

    @property
    def specificity(self) -> int:
        return 2 * len(self.nouns) + len(self.words) + len(self.deps)

    @property
    def bare(self) -> bool:
        return not self.words and not self.nouns and not self.deps


@dataclass(frozen=True, slots=True)
class NominalSense:
    """An event noun that codes on its own when the text names who acts ("criticism of the plan by
    the mayor", "the Senator's appeal to the board"): whose prepositions name the source, whose the target."""

    code: str
    source_preps: frozenset[str]
    target_preps: frozenset[str]
    source: str  # "file:line"
    owner_acts: bool = False  # `'s`: "Russia's appeal", "Israeli criticism" name the source
    owner_receives: bool = False  # `'s` after `>`: "the party's donations" name the one given to
    figurative: str | None = None  # code suffix `~CODE`: without an armed actor, coded as CODE (or nothing)
    # `+for`: the noun names the act only with one of these words on it ("calls for a ban", not a phone call)
    required_words: frozenset[str] = frozenset()


def parse_nominal(code: str, pattern: str, source: str) -> tuple[str, NominalSense]:
    """`talk 's by from > with to` -> ("talk", its sense); the noun may be two words ("legal action")."""
    head, arrow, targets = pattern.lower().partition(NOMINAL_ARROW)
    parts = head.split()
    required = frozenset(w[len(REQUIRED_MARK) :] for w in parts if w.startswith(REQUIRED_MARK) and len(w) > 1)
    words = [w for w in parts if not w.startswith(REQUIRED_MARK)]
    if not arrow or not words:
        raise InputError(f"{source}: a nominal pattern is `noun source-preps > target-preps`: {pattern!r}")
    noun_words = [w for w in words if w not in PREPOSITIONS and w != OWNER_MARK]
    preps = frozenset(w for w in words if w in PREPOSITIONS)
    if not noun_words:
        raise InputError(f"{source}: a nominal pattern must start with its noun: {pattern!r}")
    owner = OWNER_MARK in words
    target_words = targets.split()
    receives = OWNER_MARK in target_words
    if owner and receives:
        raise InputError(f"{source}: `'s` names a nominal's source or its target, not both: {pattern!r}")
    target_preps = frozenset(w for w in target_words if w != OWNER_MARK)
    literal, figurative = split_figurative(code)
    sense = NominalSense(literal, preps, target_preps, source, owner, receives, figurative, required)
    return " ".join(noun_words), sense


@dataclass(frozen=True)
class VerbDictionary:
    verbs: dict[str, tuple[VerbPattern, ...]] = field(default_factory=dict)
    nouns: dict[str, str] = field(default_factory=dict)
    # Event nouns with a political figurative sense ("an attack on the Tories"): code when unarmed, or "".
    figurative_nouns: dict[str, str] = field(default_factory=dict)
    # Speech cues and their 01x code ("warn" -> 012); `-` for cues that make no statement event ("show").
    statements: dict[str, str] = field(default_factory=dict)
    # Event nouns that code on their own, keyed by lemma (or "modifier lemma": "legal action").
    nominals: dict[str, NominalSense] = field(default_factory=dict)
    # Event nouns whose "of" phrase names who undergoes the act, never who is asked to do it: the
    # hostage in "appealed for the release of the hostage" (the `class undergoer` line).
    undergoer_nouns: frozenset[str] = frozenset()

    @cached_property
    def nominal_words(self) -> frozenset[str]:
        """Every word of a nominal key ("legal action" gives "legal" and "action"): the matcher's cheap test
        that a noun may name an event noun. Built once per dictionary, so a user's table gets its own."""
        return frozenset(word for key in self.nominals for word in key.split(" "))

    def knows(self, lemma: str) -> bool:
        return lemma in self.verbs


@lru_cache(maxsize=65536)  # asked for every verb and head word; the same words recur across a corpus
def deinflected(word: str) -> tuple[str, ...]:
    """Base-form guesses for an inflected verb, for when the lemmatizer slips ("staged" -> "stag")."""
    guesses: list[str] = []
    for suffix in ("ing", "ed", "es", "s", "d"):
        if word.endswith(suffix) and len(word) > len(suffix) + 2:
            stem = word[: -len(suffix)]
            guesses += [stem, stem + "e"]
            if len(stem) > 2 and stem[-1] == stem[-2]:
                guesses.append(stem[:-1])  # "slammed" -> "slam"
    return tuple(guesses)


def _slot(part: str, prep: str | None, classes: dict[str, frozenset[str]], source: str) -> NounSlot:
    """`[a|b|@class]` -> the slot's lemmas, entity labels and parts of speech."""
    members: set[str] = set()
    for item in part[1:-1].split("|"):
        if item.startswith(CLASS_MARK):
            if item[1:] not in classes:
                raise InputError(f"{source}: class {item!r} is not defined above (a `class` line)")
            members |= classes[item[1:]]
        else:
            members.add(item)
    entities = frozenset(m[len(ENTITY_PREFIX) :].upper() for m in members if m.startswith(ENTITY_PREFIX.lower()))
    pos = frozenset(m[4:].upper() for m in members if m.startswith("pos:"))
    lemmas = frozenset(m for m in members if not m.startswith((ENTITY_PREFIX.lower(), "pos:")))
    return NounSlot(lemmas, prep, entities, pos)


def parse_pattern(
    code: str, pattern: str, source: str, classes: dict[str, frozenset[str]] | None = None, tier: int = 0
) -> VerbPattern:
    """`impose [sanction|embargo] on` -> lemma, words, noun slots; `070<`, `030+`, `190~111` set flags."""
    code, figurative = split_figurative(code)
    inverse, needs_complement = code.endswith("<"), code.endswith("+")
    code = code.rstrip("<+")
    parts = PATTERN_PART.findall(pattern.lower())  # "[state of emergency|martial law]" is one part
    if not parts or parts[0].startswith("["):
        raise InputError(f"{source}: a pattern must start with a lemma: {pattern!r}")
    words: list[str] = []
    deps: list[str] = []
    nouns: list[NounSlot] = []
    previous_word: str | None = None
    for part in parts[1:]:
        if part.startswith(DEP_MARK) and len(part) > 1:
            deps.append(part[1:])
        elif part.startswith("[") and part.endswith("]"):
            nouns.append(_slot(part, previous_word, classes or {}, source))
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
        deps=tuple(deps),
        tier=tier,
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
        if len(cells) != 3 or cells[0] not in KINDS:
            raise InputError(f"{name}:{number}: expected '{'|'.join(KINDS)} <TAB> code <TAB> pattern'")
        kind, code, pattern = cells
        if code in (SUPPORT, NO_EVENT) and kind == "nominal":
            raise InputError(f"{name}:{number}: a nominal line needs a CAMEO code")
        if code == NO_EVENT and kind not in ("verb", "statement"):
            raise InputError(f"{name}:{number}: code '-' (no event) is for verb and statement lines")
        literal, figurative = split_figurative(code)
        if (
            kind != "class"
            and code not in (SUPPORT, NO_EVENT)
            and (literal.rstrip("<+") not in codebook() or (figurative and figurative not in codebook()))
        ):
            raise InputError(f"{name}:{number}: unknown CAMEO code {code!r}")
        rows.append((kind, code, pattern, f"{name}:{number}"))
    return rows


def _build(rows: list[tuple[str, str, str, str]], extra: tuple[VerbPattern, ...] = ()) -> VerbDictionary:
    verbs: dict[str, list[VerbPattern]] = {}
    nouns: dict[str, str] = {}
    figurative_nouns: dict[str, str] = {}
    statements: dict[str, str] = {}
    nominals: dict[str, NominalSense] = {}
    classes: dict[str, frozenset[str]] = {}
    for kind, code, pattern, source in rows:
        if kind == "class":
            classes[code.lower()] = classes.get(code.lower(), frozenset()) | frozenset(pattern.lower().split("|"))
            continue
        if kind == "statement":
            statements[pattern.lower()] = code
            continue
        if kind == "nominal":
            noun, sense = parse_nominal(code, pattern, source)
            nominals[noun] = sense
            continue
        if kind == "noun":
            literal, figurative = split_figurative(code)
            nouns[pattern.lower()] = literal
            if figurative is not None:
                figurative_nouns[pattern.lower()] = figurative
            continue
        compiled = parse_pattern(code, pattern, source, classes)
        verbs.setdefault(compiled.lemma, []).append(compiled)
    ours = set(verbs)
    for compiled in extra:  # PETRARCH patterns fill in verbs our dictionaries do not know
        if compiled.lemma not in ours:
            verbs.setdefault(compiled.lemma, []).insert(0, compiled)
    # Later files override earlier ones for the same pattern, so keep the last entry first among equals;
    # among equally specific patterns, ours (tier 0) before PETRARCH's (tier 1).
    ordered = {
        lemma: tuple(sorted(reversed(found), key=lambda p: (-p.specificity, p.tier))) for lemma, found in verbs.items()
    }
    undergoers = classes.get(UNDERGOER_CLASS, frozenset())
    return VerbDictionary(ordered, nouns, figurative_nouns, statements, nominals, undergoers)


@cache
def load_dictionary(extra: tuple[str, ...] = ()) -> VerbDictionary:
    """The packaged dictionary with the user's files layered on top (later lines win)."""
    from newsevents.extract.events.petrarch import looks_like_petrarch, read_petrarch_verbs  # it imports us

    text = resources.files("newsevents.data").joinpath("verbs.tsv").read_text("utf-8")
    rows = _read_lines(text, "verbs.tsv")
    petrarch: list[VerbPattern] = []
    for path in extra:
        try:
            content = Path(path).read_text("utf-8")
        except (OSError, UnicodeDecodeError) as exc:
            raise InputError(f"{path}: cannot read verb dictionary: {exc}") from exc
        if looks_like_petrarch(content):
            petrarch += read_petrarch_verbs(content, path).patterns
        else:
            rows += _read_lines(content, path)
    return _build(rows, tuple(petrarch))
