"""Streets, buildings and neighbourhoods: places no gazetteer we ship holds, placed at the town they lie in.

A local story names "Main Street", "St Mary's Hospital" or "the Riverside estate"; no offline gazetteer has
them, yet a user wants them on the map in their town rather than dropped. A name that ends in a word of a
street, a building or a neighbourhood ("X Street", "X Hospital", "X Estate"), tagged by the model as a
facility, location or organisation or left untagged, or a name before a lower-case word of a town's part
("the Riverside neighbourhood": the name alone), is such a place when the text puts it in a known town:

- the sentence links it to a town: "X in Town", "X, Town", "Town's X" (a town that begins the name is no
  evidence: schools, clubs' academies and universities are named after towns far away);
- else the article's dateline names a town ("RIVERTON, Ky. --"): a local story's streets are its town's;
- else the article names one town only, and names it more than once.

Its point is the town's (`approximate`, with the town in `within`), its kind `street`, `facility` or `district`.
With no known town there is no place: never a guessed one. Events never take such a place as where they
happened (extract/anchor.py): its point is not its own.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from spacy.tokens import Doc

from newsevents.extract.places.gazetteer import Entry
from newsevents.extract.places.resolve import Mention
from newsevents.nlp.text import doc_ents, doc_text
from newsevents.types import Place

# Last words of street names ("Royal Street", "N. Bedford Drive", "Victoria St.").
STREET_WORDS = {
    "street", "st", "road", "rd", "avenue", "ave", "boulevard", "blvd", "lane", "drive", "square", "highway",
    "parkway", "expressway", "freeway", "turnpike", "terrace", "crescent", "streets", "roads", "avenues",
}  # fmt: skip
# Last words of buildings, sites and venues: what a local story says something happened at.
FACILITY_WORDS = {
    "hospital", "infirmary", "clinic", "school", "academy", "college", "university", "church", "cathedral",
    "chapel", "mosque", "temple", "synagogue", "abbey", "park", "bridge", "stadium", "arena", "centre", "center",
    "hall", "courthouse", "prison", "jail", "penitentiary", "library", "museum", "gallery", "theatre", "theater",
    "mall", "station", "airport", "hotel", "inn", "tower", "building", "palace", "castle", "plaza",
    "racecourse", "cinema", "zoo", "gardens", "cemetery", "barracks", "pier", "harbour", "harbor",
}  # fmt: skip
# Last words of bodies people are affiliated with, which are seldom in the story's own town.
AFFILIATION_WORDS = {"university", "college", "institute"}
# Last words of a town's parts: "the Mozart Estate", "the Riverside neighbourhood", "the French Quarter".
DISTRICT_WORDS = {"estate", "neighbourhood", "neighborhood", "quarter", "suburb"}
# Lower-case words after a district's name: "the Abbasiya neighbourhood" (not "area": "the Smith area").
DISTRICT_NOUNS = {"neighbourhood", "neighborhood", "district", "suburb", "quarter"}
POSSESSIVE_MARKS = {"'s", "’s"}
# "The Riverside School of Art": "X of Y" names a building only after these words ("Church of England" does not).
OF_FACILITIES = {"school", "college", "university", "academy", "museum", "hospital", "institute"}
# Ends of names that take a building's word but are bodies or craft, not sites in a town.
NO_SITE_ENDINGS = ("electoral college", "space station", "college of cardinals")
# Words of a church's name that make it a denomination, not a building: "the Catholic Church".
DENOMINATIONS = {
    "catholic", "roman", "orthodox", "protestant", "anglican", "methodist", "baptist", "presbyterian", "evangelical",
    "lutheran", "episcopal", "pentecostal", "adventist", "reformed", "united", "coptic", "greek", "russian",
    "apostolic", "seventh-day", "free", "christian", "national", "state", "the",
}  # fmt: skip
# Entity tags a facility's name may carry: the small model tags hospitals and schools as organisations.
FACILITY_LABELS = {"FAC", "LOC", "ORG", "GPE"}
# Between a facility and the town that follows it: "X in Town", "X, Town", "X, in Town" (not "at": "X Street at Y
# Square" is a corner, and Y no town).
# With a direction or "the city of" before the town: "X, in north west Town", "X in the northern city of Town";
# an acronym in brackets may come first: "X (XYZ) in Town".
TOWN_LINK = re.compile(
    r"^\s*(?:\([A-Z][A-Za-z.]{1,9}\))?\s*,?\s*(?:(?:in|near)(?:\s+the)?"
    r"(?:\s+(?:[a-z-]+ern|north|south|east|west|north-east|north-west|south-east|south-west|central|downtown|inner)){0,2}"
    r"(?:\s+(?:city|town|village|suburb)\s+of)?)?\s*,?\s*$"
)
MAX_LINK_CHARS = 48
MAX_FACILITY_WORDS = 8
# A town read only once may be a passing mention; the article's sole town must be named at least twice.
SOLE_TOWN_MENTIONS = 2


@dataclass(frozen=True, slots=True)
class Facility:
    start: int
    end: int
    text: str
    kind: str  # street | facility | district
    head: int  # token index of the facility's first word
    tail: int  # token index after its last word
    owner: int  # token index of its possessor's first word ("Leeds's Riverside Hospital"), else `head`


def facility_places(doc: Doc, facilities: list[Facility], mentions: list[Mention]) -> list[Place]:
    """Places for the streets, buildings and neighbourhoods of `doc` that lie in a town the text names."""
    taken = [(m.start, m.end) for m in mentions]
    facilities = [_whole(doc, f, taken) for f in facilities]
    facilities = [f for f in facilities if not any(s < f.end and f.start < e for s, e in taken)]
    towns = [m for m in mentions if m.chosen is not None and m.chosen.kind == "city"]
    found = [(f, _town_of(doc, f, towns, mentions)) for f in facilities]
    # One sense per discourse: a name the text once puts in a town is there wherever it stands alone.
    named = {f.text.lower(): town for f, town in found if town is not None}
    return [_place(f, town or named[f.text.lower()]) for f, town in found if town or f.text.lower() in named]


def _named_districts(doc: Doc, taken: set[int]) -> list[Facility]:
    """ "Cairo's Abbasiya neighbourhood", "the city's Haram district": a name before a lower-case word of a town's
    part is that part (the name alone is the place, as a reader would mark it)."""
    found = []
    for token in doc:
        if token.lower_ not in DISTRICT_NOUNS or not token.text.islower() or token.i in taken:
            continue
        start = token.i
        while (
            start > 0 and token.i - start < 3 and doc[start - 1].pos_ == "PROPN" and doc[start - 1].text[:1].isupper()
        ):
            start -= 1
        if start < token.i and start - 1 not in taken and not doc[start].is_sent_start:
            found.append(_made(doc, start, token.i, "district", start))
    return found


def _whole(doc: Doc, facility: Facility, taken: list[tuple[int, int]]) -> Facility:
    """The name with its possessor ("the Hillside Women's Care Center") when the possessor is no place."""
    owner = doc[facility.owner]
    if facility.owner == facility.head or any(s <= owner.idx < e for s, e in taken):
        return facility
    return replace(facility, start=owner.idx, text=doc[facility.owner : facility.tail].text, head=facility.owner)


def find_facilities(doc: Doc) -> list[Facility]:
    """Named streets, buildings and districts: tagged entities and untagged capitalised runs."""
    found: list[Facility] = []
    for ent in doc_ents(doc):
        if ent.label_ in FACILITY_LABELS:
            facility = _facility(doc, ent.start, ent.end)
            found += [facility] if facility is not None else []
    covered = {i for ent in doc_ents(doc) for i in range(ent.start, ent.end)}
    found += _untagged(doc, covered)
    found += _named_districts(doc, {i for f in found for i in range(f.owner, f.tail)})
    return sorted(found, key=lambda f: f.start)


def _facility(doc: Doc, start: int, end: int) -> Facility | None:
    """The name from its first capitalised word to a street/building/district word that ends it (or is
    followed by "of": "the Riverside School of Art"). A plain lower-case word may not end it."""
    while start < end and (doc[start].lower_ == "the" or not doc[start].text[:1].isupper()):
        start += 1
    if start >= end or end - start > MAX_FACILITY_WORDS or not doc[end - 1].text[:1].isupper():
        return None
    head = _after_possessor(doc, start, end)
    kind = _kind(doc[end - 1].lower_.rstrip("."))
    if kind is not None and end - head > 1 and not _denomination(doc, head, end) and not _no_site(doc, head, end):
        return _made(doc, head, end, kind, start)
    of = next((t.i for t in doc[head:end] if t.lower_ == "of" and t.i > head + 1), None)
    if of is not None and doc[of - 1].lower_ in OF_FACILITIES:
        return _made(doc, head, end, "facility", start)
    return None


def _made(doc: Doc, head: int, end: int, kind: str, owner: int) -> Facility:
    last = doc[end - 1]
    return Facility(doc[head].idx, last.idx + len(last), doc[head:end].text, kind, head, end, owner)


def _denomination(doc: Doc, start: int, end: int) -> bool:
    """ "the Catholic Church", "the Evangelical Presbyterian Church": a church that is a denomination, no building."""
    return doc[end - 1].lower_ == "church" and all(t.lower_ in DENOMINATIONS for t in doc[start : end - 1])


def _no_site(doc: Doc, start: int, end: int) -> bool:
    """ "the Electoral College", "the International Space Station": names with a building's word that are no site."""
    return doc[start:end].text.lower().endswith(NO_SITE_ENDINGS)


def _after_possessor(doc: Doc, start: int, end: int) -> int:
    """Where a name starts after its possessor: "Riverside Hospital" in "Leeds's Riverside Hospital"."""
    marks = [t.i for t in doc[start:end] if t.lower_ in POSSESSIVE_MARKS]
    # "St Mary's Church" is one name: a possessor only when two words or more follow it.
    return marks[-1] + 1 if marks and end - marks[-1] > 2 else start


def possessor_spans(facilities: list[Facility]) -> list[tuple[int, int]]:
    """Token ranges of the names that possess a facility ("Leeds" of "Leeds's Riverside Hospital"): the town the
    text puts it in, when the gazetteer knows the name."""
    return [(f.owner, f.head - 1) for f in facilities if f.owner < f.head - 1]


def _kind(word: str) -> str | None:
    if word in STREET_WORDS:
        return "street"
    if word in FACILITY_WORDS:
        return "facility"
    return "district" if word in DISTRICT_WORDS else None


def _untagged(doc: Doc, covered: set[int]) -> list[Facility]:
    """ "on Hampton Avenue", "at Riverside Hospital" left untagged: a run of capitalised proper nouns."""
    found: list[Facility] = []
    i = 0
    while i < len(doc):
        if i in covered or not doc[i].text[:1].isupper() or doc[i].is_sent_start:
            i += 1
            continue
        end = i
        while end < len(doc) and end not in covered and doc[end].text[:1].isupper() and end - i < MAX_FACILITY_WORDS:
            end += 1
        facility = _facility(doc, i, end) if any(t.pos_ == "PROPN" for t in doc[i : end - 1]) else None
        found += [facility] if facility is not None else []
        i = max(end, i + 1)
    return found


def _town_of(doc: Doc, facility: Facility, towns: list[Mention], mentions: list[Mention]) -> Entry | None:
    """The town the text puts the facility in: its sentence, then the dateline, then the article's sole town.
    A university or college by its sentence, or by a dateline whose town it is named after ("Riverton College" in
    a story from RIVERTON): "a professor at X University" names where someone works, seldom the story's town."""
    linked = _linked_town(doc, facility, towns)
    affiliation = facility.kind == "facility" and AFFILIATION_WORDS.intersection(facility.text.lower().split())
    if linked is not None or not affiliation:  # "College Street" is a street
        return linked or _dateline_town(mentions) or _sole_town(towns)
    home = _dateline_town(mentions)
    return home if home is not None and home.name.lower() in facility.text.lower() else None


def _linked_town(doc: Doc, facility: Facility, towns: list[Mention]) -> Entry | None:
    """ "X in Town", "X, Town", "Town's X": a town right after or right before the name."""
    text = doc_text(doc)
    for town in towns:
        if town.start >= facility.end:
            between = text[facility.end : town.start]
            if between.strip() and len(between) < MAX_LINK_CHARS and TOWN_LINK.match(between):
                return town.chosen
        elif town.end <= facility.start:
            between = text[town.end : facility.start].strip()
            if between in ("'s", "’s") or (between == "" and town.end == facility.start - 1):
                return town.chosen
    return None


def _dateline_town(mentions: list[Mention]) -> Entry | None:
    home = next((m.chosen for m in mentions if m.dateline and m.chosen is not None), None)
    return home if home is not None and home.kind == "city" else None


def _sole_town(towns: list[Mention]) -> Entry | None:
    """The article's one town, when it names no other and names it at least twice."""
    readings = {id(t.chosen): t.chosen for t in towns}
    if len(readings) != 1 or len(towns) < SOLE_TOWN_MENTIONS:
        return None
    return next(iter(readings.values()))


def _place(facility: Facility, town: Entry) -> Place:
    return Place(
        start=facility.start,
        end=facility.end,
        text=facility.text,
        name=facility.text,
        country=town.country,
        kind=facility.kind,
        lat=town.lat,
        lon=town.lon,
        approximate=True,
        within=town.name,
    )
