"""The actor dictionary: versioned, hand-editable TSV files shipped in `newsevents/data/actors/`.

Users add their own files (ours, or PETRARCH/TABARI `.actors`) with the `actor_dictionaries` option;
later files override earlier ones for the same surface form.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from functools import cache
from importlib import resources
from pathlib import Path

from newsevents.extract.actors.cache import cached_parse
from newsevents.extract.actors.codes import ORG_PREFIXES, DatedCode, parse_dated_code, split_code
from newsevents.extract.actors.petrarch import (
    PetrarchActor,
    looks_like_agents,
    read_petrarch_actors,
    read_petrarch_agents,
    read_text,
)
from newsevents.types import InputError


@dataclass(frozen=True, slots=True)
class Entry:
    """One known actor. `kind` says how a mention of it acts: see `Kinds`."""

    name: str
    kind: str  # country | demonym | capital | region | organisation | institution | person
    codes: tuple[DatedCode, ...]
    org: str | None = None
    gender: str | None = None
    weak: bool = False  # a short form ("Rice") that needs NER support or an earlier full mention
    full_name_first: bool = False  # a short form from a large list ("Hassan"): only after the full name


@dataclass(frozen=True, slots=True)
class Role:
    phrase: str
    sector: str
    person: bool


@dataclass
class ActorDictionary:
    phrases: dict[str, Entry] = field(default_factory=dict)
    roles: dict[str, Role] = field(default_factory=dict)
    fallback_roles: dict[str, Role] = field(default_factory=dict)  # PETRARCH agents: tried after ours
    layer: str = "ours"  # "petrarch": a file that fills gaps but never overrides our entries

    def add(self, phrase: str, entry: Entry) -> None:
        phrase = _strip_article(phrase.strip())
        if phrase:
            self.phrases[phrase] = entry

    def merge(self, other: ActorDictionary) -> None:
        self.phrases.update(other.phrases)
        self.roles.update(other.roles)

    def merge_under(self, other: ActorDictionary) -> None:
        """Add `other`'s phrases and roles where we have none (ours win)."""
        for phrase, entry in other.phrases.items():
            self.phrases.setdefault(phrase, entry)
        for phrase, role in other.roles.items():
            self.fallback_roles.setdefault(phrase, role)

    def country_entry(self, iso3: str) -> Entry | None:
        return next((e for e in self.phrases.values() if e.kind == "country" and e.codes[0].code == iso3), None)


def _strip_article(phrase: str) -> str:
    return phrase[4:] if phrase.lower().startswith("the ") else phrase


def _rows(text: str, source: str, min_columns: int) -> Iterator[list[str]]:
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip() or line.startswith("#"):
            continue
        columns = line.rstrip("\n").split("\t")
        if len(columns) < min_columns:
            raise InputError(f"{source}:{number}: expected {min_columns} tab-separated columns")
        yield columns


def _names(column: str) -> list[str]:
    return [n.strip() for n in column.split("|") if n.strip()]


def _countries(text: str, source: str, known: ActorDictionary) -> ActorDictionary:
    book = ActorDictionary()
    for iso3, name, aliases, demonyms, capitals in (row[:5] + [""] * (5 - len(row)) for row in _rows(text, source, 2)):
        code = (DatedCode(iso3),)
        for phrase in [name, *_names(aliases)]:
            book.add(phrase, Entry(name, "country", code))
        for phrase in _names(demonyms):
            book.phrases.setdefault(phrase, Entry(name, "demonym", code))
        for phrase in _names(capitals):
            book.add(phrase, Entry(phrase if "," not in phrase else phrase.split(",")[0], "capital", code))
    return book


def _regions(text: str, source: str, known: ActorDictionary) -> ActorDictionary:
    book = ActorDictionary()
    for code, name, *rest in _rows(text, source, 2):
        entry = Entry(name, "region", (DatedCode(code),))
        for phrase in [name, *_names(rest[0] if rest else "")]:
            book.add(phrase, entry)
    return book


def _organisations(text: str, source: str, known: ActorDictionary) -> ActorDictionary:
    book = ActorDictionary()
    for code, short, _sector, names in _rows(text, source, 4):
        entry = Entry(short, "organisation", (DatedCode(code),), org=short)
        for phrase in _names(names):
            book.add(phrase, entry)
    return book


def _institutions(text: str, source: str, known: ActorDictionary) -> ActorDictionary:
    book = ActorDictionary()
    for code, names in (row[:2] for row in _rows(text, source, 2)):
        phrases = _names(names)
        entry = Entry(_strip_article(phrases[0]), "institution", (DatedCode(code),))
        for phrase in phrases:
            book.add(phrase, entry)
    return book


def _people(text: str, source: str, known: ActorDictionary) -> ActorDictionary:
    """People; an IGO code (`IGOWSTNAT`) takes its organisation's short name from `known`."""
    org_names = {e.codes[0].code: e.org for e in known.phrases.values() if e.kind == "organisation"}
    book = ActorDictionary()
    for row in _rows(text, source, 3):
        name, variants, codes = row[:3]
        gender = row[3].strip() if len(row) > 3 and row[3].strip() in ("m", "f") else None
        dated = tuple(parse_dated_code(c) for c in codes.split(";") if c.strip())
        org = next((org_names[c.code] for c in dated if c.code in org_names), None)
        book.add(name, Entry(name, "person", dated, org=org, gender=gender))
        for variant in _names(variants):
            weak = " " not in variant  # one word alone is often another person's name too
            book.add(variant, Entry(name, "person", dated, org=org, gender=gender, weak=weak))
    return book


def _roles(text: str, source: str, known: ActorDictionary) -> ActorDictionary:
    book = ActorDictionary()
    for phrase, sector, person in (row[:3] for row in _rows(text, source, 3)):
        book.roles[phrase.lower()] = Role(phrase.lower(), sector, person.strip() == "y")
    return book


_LOADERS: dict[str, Loader] = {
    "countries.tsv": _countries,
    "regions.tsv": _regions,
    "organisations.tsv": _organisations,
    "institutions.tsv": _institutions,
    "people.tsv": _people,
    "roles.tsv": _roles,
}
Loader = Callable[[str, str, ActorDictionary], ActorDictionary]


@cache
def packaged_dictionary() -> ActorDictionary:
    """Our shipped tables, in an order where more specific names win (people last)."""
    folder = resources.files("newsevents.data.actors")
    book = ActorDictionary()
    for filename, loader in _LOADERS.items():
        book.merge(loader(folder.joinpath(filename).read_text("utf-8"), filename, book))
    return book


def load_user_dictionary(path: str | Path, known: ActorDictionary) -> ActorDictionary:
    """A user's file: one of our TSV layouts named like ours, or a PETRARCH/TABARI actors or agents file.

    Raises InputError naming the file (and line) when the file cannot be read or holds no entries.
    """
    path = Path(path)
    text = read_text(path, "actor dictionary")
    for suffix, loader in _LOADERS.items():
        if path.name.endswith(suffix):
            book = loader(text, str(path), known)
            if not book.phrases and not book.roles:
                raise InputError(f"{path}:1: no entries found in {suffix} layout")
            return book
    if looks_like_agents(text):
        return _petrarch_agents(text, str(path))
    return _petrarch_actors(text, str(path))


def _petrarch_actors(text: str, source: str) -> ActorDictionary:
    book = ActorDictionary(layer="petrarch")
    for actor in read_petrarch_actors(text, source):
        book.add(actor.phrase, _petrarch_entry(actor))
    return book


def _petrarch_agents(text: str, source: str) -> ActorDictionary:
    book = ActorDictionary(layer="petrarch")
    for agent in read_petrarch_agents(text, source):
        sector = agent.code.strip("~")[:3]
        person = not agent.plural and agent.phrase.split()[-1] not in _GROUP_WORDS
        book.roles.setdefault(agent.phrase, Role(agent.phrase, sector, person))
    return book


# Last words that name a body or a group, not one person ("police", "ministry", "company").
_GROUP_WORDS = frozenset(
    "ministry ministries company companies corporation government council court party army force forces police "
    "agency department office union association committee commission organization organisation group media "
    "business industry bank firm parliament assembly administration authority authorities board bureau service "
    "unit team network newspaper station channel press school university college institute foundation charity "
    "church mosque movement front alliance coalition federation chamber ship vessel airline regime cabinet "
    "military navy people personnel staff community population public clergy".split()
)


def _petrarch_entry(actor: PetrarchActor) -> Entry:
    """What a PETRARCH actor is, from its codes and words: the format does not say."""
    codes = actor.codes
    first = next((c.code for c in codes if c.code), "")
    parts = split_code(first)
    words = actor.name.lower().split()
    if first[:3] in ORG_PREFIXES or parts.sector in ("IGO", "NGO"):
        return Entry(actor.name, "organisation", codes, org=actor.name)
    if any(w in _GROUP_WORDS or w in _ORG_WORDS for w in words):
        return Entry(actor.name, "institution" if parts.sector else "organisation", codes)
    if len(first) == 3 and parts.sector is None and all(c.start is None and c.end is None for c in codes):
        return Entry(actor.name, "country", codes)  # a country, its adjective or its capital: [AFG]
    if not any(c.start or c.end for c in codes) and parts.sector not in _PERSON_SECTORS:
        return Entry(actor.name, "organisation", codes)  # "Millennium Village [GBRCVL]": no office, no person
    # "+HASSAN_": in a list of 20,000 people one word alone is mostly someone else's name.
    short = " " not in actor.phrase
    return Entry(actor.name, "person", codes, weak=short, full_name_first=short)


# Sectors of offices people hold; a PETRARCH entry with another sector and no dates is a body or a place.
_PERSON_SECTORS = frozenset({"GOV", "ELI", "LEG", "JUD", "MIL", "OPP", "REB", "COP", "SPY", "PTY", "MED"})


_ORG_WORDS = frozenset(
    "brigade brigades battalion battalions faction front liberation revolutionary islamic army guard guards "
    "organization organisation rebels militia militias commission council".split()
)


def load_actor_dictionaries(paths: tuple[str, ...] | list[str]) -> ActorDictionary:
    """Our packaged tables with the user's files (the option `actor_dictionaries`), merged.

    Call it once to validate a configuration: every unreadable or junk file raises InputError
    ("PATH:LINE: reason") here, before any article is processed. PETRARCH-format files fill in
    around our tables (theirs stop around 2016; our dated entries are the newer truth); files in
    our TSV layouts override ours.
    """
    book = ActorDictionary()
    book.merge(packaged_dictionary())
    for path in expand_bundles(paths):
        user = _load_cached(path, book)
        if user.layer == "petrarch":
            book.merge_under(user)
        else:
            book.merge(user)
    return book


# Names in `actor_dictionaries` that stand for dictionaries shipped with the package.
BUNDLES = {
    "petrarch2": (
        "Phoenix.Countries.actors.txt",
        "Phoenix.International.actors.txt",
        "Phoenix.MilNonState.actors.txt",
        "Phoenix.agents.txt",
    )
}


def expand_bundles(paths: tuple[str, ...] | list[str]) -> list[Path]:
    """ "petrarch2" → the PETRARCH2 Phoenix files in `data/actors/petrarch2/`; other entries are paths."""
    expanded: list[Path] = []
    for path in paths:
        if path in BUNDLES:
            folder = resources.files("newsevents.data.actors").joinpath(path)
            expanded.extend(Path(str(folder.joinpath(name))) for name in BUNDLES[path])
        else:
            expanded.append(Path(path))
    return expanded


def _load_cached(path: Path, known: ActorDictionary) -> ActorDictionary:
    """PETRARCH-format files are parsed once per version of the file (see `cache`); ours, small and
    read against the tables loaded before them, are parsed each time."""
    if any(path.name.endswith(suffix) for suffix in _LOADERS):
        return load_user_dictionary(path, known)
    return cached_parse(path, "actors", lambda: load_user_dictionary(path, known))


@cache
def dictionary_for(paths: tuple[str, ...]) -> ActorDictionary:
    """The merged dictionary, built once per process for each option value."""
    return load_actor_dictionaries(paths)


def iter_role_phrases(book: ActorDictionary) -> Iterable[Role]:
    return book.roles.values()
