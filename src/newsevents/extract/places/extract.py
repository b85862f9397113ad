"""Finding toponym mentions (spaCy entities plus gazetteer matches) and turning them into `Place`s.

Candidates come from spaCy's GPE/LOC/FAC entities, from ORG/PERSON entities that are exactly a
well-known place (the small model tags "Kyiv" or "Ukraine" as a person or organisation now and then),
and from runs of capitalised tokens outside any entity that match the gazetteer. A capital used as a
government ("Washington warned Moscow") is an actor as well as a toponym: a city name that is the subject or
object of a verb is a place marked `government` (events never take it as where they happened); "in Washington"
and "visited Riyadh" are plain places.
"""

from __future__ import annotations

import itertools
import re
from collections import Counter

from spacy.tokens import Doc, Span, Token

from newsevents.extract.context import ExtractContext
from newsevents.extract.places.facilities import Facility, facility_places, find_facilities, possessor_spans
from newsevents.extract.places.gazetteer import Entry, Gazetteer, load_gazetteer, postal_state
from newsevents.extract.places.resolve import REGION_KINDS, Mention, inside, resolve_all
from newsevents.nlp.text import doc_ents, doc_text, doc_tokens
from newsevents.types import Place

PLACE_LABELS = {"GPE", "LOC", "FAC"}
MISTAGGED_LABELS = {"ORG", "PERSON", "NORP", "PRODUCT", "LANGUAGE"}
# Entities whose names may hold a place name (with the `places_in_names` option): "CBC Toronto", "Kentucky
# State Police", "Texas A&M University", "the Winnipeg Free Press", "the Boston Marathon".
NAME_LABELS = {"ORG", "FAC", "EVENT", "PRODUCT", "WORK_OF_ART", "LAW"}
SKIP_LABELS = {"DATE", "TIME", "MONEY", "PERCENT", "QUANTITY", "CARDINAL", "ORDINAL", "WORK_OF_ART", "LAW", "EVENT"}
# A following word that makes a longer name: "Kaliningrad region", "Crimean peninsula", "Idlib province".
NAME_EXTENSIONS = {
    "region", "oblast", "province", "state", "peninsula", "strait", "sea", "krai", "county", "river", "delta",
}  # fmt: skip
# Last words of a region's name ("Sokoto State", "Fars Province"), whatever the model tagged it as.
REGION_WORDS = {"state", "province", "region", "oblast", "governorate", "prefecture"}
# Last words of names of places smaller than the town they contain ("Plymouth County", "Bentley Park").
FEATURE_WORDS = {
    "county", "park", "airport", "hospital", "street", "road", "avenue", "square", "bridge", "river", "lake",
    "museum", "church", "cathedral", "university", "college", "school", "stadium", "centre", "center", "hall",
    "station", "mall", "district", "township", "parish", "heights", "hills", "valley", "beach", "island", "bay",
}  # fmt: skip
# Words that make a place name the start of a venue's or road's name: "Lincoln Center", "Oxford Street".
VENUE_WORDS = {
    "center", "centre", "highway", "street", "road", "avenue", "boulevard", "drive", "lane", "parkway",
    "expressway", "freeway", "turnpike", "hall", "stadium", "arena", "theater", "theatre", "library", "museum",
    "hospital", "church", "cathedral", "school", "college", "university", "academy", "mall", "plaza", "tower",
    "building", "hotel", "club", "square", "memorial", "gardens",
}  # fmt: skip
# Last words of longer names of features, which the gazetteer lacks when it has no such name whole: the
# "Mississippi" of "Mississippi River" or the "Windsor" of "Windsor Castle" is another place.
FEATURE_TAILS = {
    "river", "delta", "castle", "palace", "coast", "wing", "chapel", "abbey", "valley", "basin", "canyon",
    "mountains", "gorge", "falls", "creek", "estuary", "glacier", "reservoir", "dam",
}  # fmt: skip
COMPASS_WORDS = {
    "north", "south", "east", "west", "northern", "southern", "eastern", "western", "central", "northeast",
    "northwest", "southeast", "southwest", "greater", "downtown", "upstate", "rural", "metro", "the",
}  # fmt: skip
# A city's possession that is a part of it, not a government's act: "Cairo's old quarter", "Seoul's Jamsil Stadium".
CITY_PARTS = {
    "neighbourhood", "neighborhood", "district", "suburb", "suburbs", "outskirts", "quarter", "streets", "street",
    "downtown", "centre", "center", "airport", "port", "harbour", "harbor", "station", "square", "park", "stadium",
    "hospital", "hospitals", "police", "mayor", "residents", "skyline", "subway", "metro", "boulevard", "avenue",
    "river", "waterfront", "zoo", "museum", "university", "schools", "homeless", "homelessness", "area", "areas",
    "squad", "citizens", "population", "economy", "housing", "streetcar", "restaurants", "shops", "bars",
}  # fmt: skip
# What a capital's possessive names when the capital stands for its government: "Washington's offer".
GOVERNMENT_ACTS = {
    "offer", "plan", "proposal", "decision", "demand", "position", "policy", "response", "stance", "warning",
    "threat", "move", "call", "support", "refusal", "approach", "request", "claim", "relation", "tie", "sanction",
    "intervention", "ally", "envoy", "ambassador", "role", "leadership", "concern", "objection", "bid", "effort",
    "commitment", "strategy", "pledge", "announcement", "statement", "insistence", "ultimatum", "accusation",
    "criticism", "pressure", "aid", "backing", "recognition", "action", "reaction", "invasion", "aggression",
    "annexation", "troops", "forces", "military", "diplomacy", "diplomat", "negotiator", "agenda", "interest",
    "influence", "view", "goal", "aim", "intention", "reluctance", "willingness", "failure", "reply", "approval",
    "veto", "order", "rule", "regime", "government", "administration", "leader", "official", "spokesman",
}  # fmt: skip
# Nouns a family name modifies: "the Lincoln family", "the Clinton administration".
PERSONAL_NOUNS = {
    "family", "families", "administration", "campaign", "brothers", "sisters", "twins", "household", "estate",
    "era", "years", "presidency", "doctrine", "dynasty", "children", "case", "trial", "memorial", "house",
}  # fmt: skip
# Prepositions that place a town: "in Riverdale", "near Hinton"; "to X" and "from X" fit people as well.
LOCATING_PREPOSITIONS = {"in", "near", "outside", "around"}
# Words of travel and origin whose "to"/"from" does place a town: "moved to Thornhill", "a trip to Saipan",
# "driving to Castlegar", "she was from Dewsbury" ("spoke to Easton" does not).
TRAVEL_WORDS = {
    "move", "travel", "drive", "fly", "trip", "journey", "return", "flight", "go", "come", "head", "relocate",
    "honeymoon", "commute", "sail", "ride", "emigrate", "flee", "evacuate", "deport", "transfer", "arrive",
    "be", "hail", "originate", "road", "route", "bus", "train", "walk", "drove", "relocation", "visit",
}  # fmt: skip
# "outside of Waterloo", "north of Hinton": a direction's "of" places the town that follows.
DIRECTION_WORDS = {
    "outside", "north", "south", "east", "west", "northeast", "northwest", "southeast", "southwest", "near",
}  # fmt: skip
SETTLEMENT_NOUNS = {"town", "village", "city", "suburb", "hamlet", "county", "district", "municipality"}
# A dateline: the place (capitals, or "Hanoi (VNA) -"), an optional ", State." and an optional date ("BEIJING,
# March 3 (Xinhua) --", the wire agencies' form), then an agency or a dash.
_DATELINE_DATE = (
    r"(?:,?[ \t]*(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?[ \t]+\d{1,2}(?:,?[ \t]*\d{4})?)?"
)
_DATELINE_TAIL = (
    r"(?:,[ \t]*(?P<region>[A-Z][A-Za-z.]{1,15}))?" + _DATELINE_DATE + r"[ \t]*(?P<mark>\([^()\n]{0,40}\)|—|–|--?|:)"
)
DATELINE = re.compile(r"^[ \t]*(?P<name>[A-Z][A-Za-z.'’ -]{1,40}?)" + _DATELINE_TAIL, re.MULTILINE)
# A dateline after a byline on the same line: "By Jane Doe, Associated Press WASHINGTON (AP) --", "By Jane Doe.
# BOSTON (Reuters) -": the place in capitals.
BYLINE_DATELINE = re.compile(
    r"^[ \t]*By[ \t][^\n]{2,100}?[ \t](?P<name>[A-Z][A-Z.'’ -]{1,40}?)" + _DATELINE_TAIL, re.MULTILINE
)
DATELINE_WINDOW = 400  # characters from the start of the text where a dateline may stand (after a headline)
# Adjectives of continents, world regions and a few well-known regions, seas and ranges, which both news gold sets
# annotate as toponyms ("European airlines", "Central American migrants", "a Siberian winter"). Country demonyms
# ("Turkish") stay with the actors.
REGION_ADJECTIVES = {
    "european": "Europe", "african": "Africa", "asian": "Asia", "latin american": "Latin America",
    "central american": "Central America", "south american": "South America", "north american": "North America",
    "middle eastern": "Middle East", "scandinavian": "Scandinavia", "balkan": "Balkans", "nordic": "Scandinavia",
    "caribbean": "Caribbean", "mediterranean": "Mediterranean", "arctic": "Arctic", "saharan": "Sahara",
    "siberian": "Siberia", "sicilian": "Sicily", "himalayan": "Himalayas", "andean": "Andes",
    "patagonian": "Patagonia", "amazonian": "Amazon",
}  # fmt: skip
# Kinds a region adjective may name: "Asian markets", "a Siberian winter", "Sicilian lemons", "Caribbean islands".
ADJECTIVE_KINDS = {"continent", "region", "admin", "sea", "mountain", "island"}
# Kinds of our own table whose names are whole place names no person or body bears ("Heathrow", "Lesbos").
OWN_FEATURE_KINDS = {"landmark", "lake", "mountain", "island", "river"}
SUBJECT_DEPS = {"nsubj", "nsubjpass", "poss"}
OBJECT_DEPS = {"dobj", "dative", "iobj"}
BIG_CITY = 1_000_000
MISTAGGED_CITY = 100_000  # a city this large named alone is a place even when tagged ORG ("Montreal")
MIN_UNTAGGED_CITY = 50_000
MAX_WORDS = 5
DASHES = {"-", "–", "—", "--"}
MAX_ACRONYM = 4  # an all-capital word this short is initials
# "Aleppo, Idlib and Hama": a third place right after the second means the two may be items of a list.
LIST_SEPARATOR = re.compile(r"^\s*(?:,|,?\s*(?:and|or|&))\s*$")


def extract_places(ctx: ExtractContext) -> None:
    gazetteer = load_gazetteer()
    facilities = find_facilities(ctx.doc)
    mentions = find_mentions(ctx.doc, gazetteer, names_inside=ctx.options.places_in_names, facilities=facilities)
    # A capital standing for its government ("Ottawa intended") is still a toponym, marked as such.
    resolve_all(mentions, _actor_countries(ctx, mentions), gazetteer, _regions_inside_names(ctx.doc, gazetteer))
    mentions += _repeated_names(ctx.doc, mentions, {i for f in facilities for i in range(f.head, f.tail)})
    governments = {id(m) for m in mentions if _used_as_agent(ctx, m)}
    places = [_place(m, id(m) in governments) for m in mentions if m.chosen is not None]
    # Streets, buildings and neighbourhoods, at the point of the town the text puts them in.
    places += facility_places(ctx.doc, facilities, mentions)
    ctx.places = sorted(places, key=lambda p: p.start)


def find_mentions(
    doc: Doc, gazetteer: Gazetteer, names_inside: bool = False, facilities: list[Facility] | None = None
) -> list[Mention]:
    """Toponym mentions in text order, with "X, Y" qualifiers linked. With `names_inside` (the
    `places_in_names` option) place names inside organisation, venue and road names count too.
    `facilities` (streets, buildings: facilities.py) are names whose inner words are no places of their own."""
    facilities = find_facilities(doc) if facilities is None else facilities
    mentions = _entity_mentions(doc, gazetteer)
    covered = {i for m in mentions for i in _token_range(doc, m)}
    inside_names = _places_inside_names(doc, gazetteer, covered) if names_inside else []
    covered |= {i for ent in doc_ents(doc) if ent.label_ not in PLACE_LABELS for i in range(ent.start, ent.end)}
    covered |= {i for f in facilities if f.kind != "district" for i in range(f.head, f.tail)}  # not a town's parts
    mentions += _untagged_mentions(doc, gazetteer, covered)
    if not names_inside:
        mentions = [m for m in mentions if not _followed_by(doc, m, VENUE_WORDS)]
    mentions += _facility_possessors(doc, gazetteer, facilities, mentions)
    mentions = [m for m in mentions if not _followed_by(doc, m, FEATURE_TAILS)]
    mentions += [m for m in inside_names if not any(o.start < m.end and m.start < o.end for o in mentions)]
    mentions = _with_dateline(doc, gazetteer, mentions)
    mentions.sort(key=lambda m: m.start)
    _link_qualifiers(doc, mentions)
    return [m for m in mentions if not _compass_town(m) and not _acronym_town(m)]


def _repeated_names(doc: Doc, mentions: list[Mention], facility_tokens: set[int]) -> list[Mention]:
    """One sense per discourse for tagging: a one-word name the article already reads as a place (resolved) is that
    place again where the model left it untagged or tagged it, alone, as a person or organisation ("Riverdale"
    after "in Riverdale"). Not inside a longer name ("Riverdale High School", "Riverdale Road"), nor where the
    article uses it as someone's surname."""
    names = {m.text: m for m in mentions if m.chosen is not None and m.text[:1].isupper() and " " not in m.text}
    entity_at = {i: ent for ent in doc_ents(doc) for i in range(ent.start, ent.end)}
    # A name the model tags alone as a person or body (and we left so) as often as we read it as a place is no safe
    # repeat: "Deen and Villanueva were arrested", with one "Villanueva" tagged as a place. A tag after "the" is no
    # such vote: "the Riverdale mayor" (a person's name does not take "the").
    votes = Counter(m.text for m in mentions if m.chosen is not None)
    starts = {m.start for m in mentions if m.chosen is not None}
    for ent in doc_ents(doc):
        if len(ent) != 1 or ent.text not in names or ent.label_ not in MISTAGGED_LABELS or ent.start_char in starts:
            continue
        votes[ent.text] -= not (ent.start > 0 and doc[ent.start - 1].lower_ == "the")
    names = {name: m for name, m in names.items() if votes[name] > 0}
    if not names:
        return []
    taken = {i for m in mentions for i in _token_range(doc, m)} | facility_tokens
    surnames = _surnames(doc)
    found = []
    for token in doc_tokens(doc):
        known = names.get(token.text)
        if known is None or token.i in taken:
            continue
        entity = entity_at.get(token.i)
        if entity is not None and not _alone_in_entity(doc, entity, token):
            continue
        if token.text in surnames or _described_as_person(doc, doc[token.i : token.i + 1]) or _starts_name(doc, token):
            continue
        repeated = Mention(token.idx, token.idx + len(token.text), token.text, known.candidates, chosen=known.chosen)
        if not _followed_by(doc, repeated, VENUE_WORDS | FEATURE_TAILS):
            found.append(repeated)
    return found


def _starts_name(doc: Doc, token: Token) -> bool:
    """ "the UK Independence Party", "Riverdale Lukoil": a capitalised word right after begins a longer name."""
    after = doc[token.i + 1] if token.i + 1 < len(doc) else None
    return after is not None and after.text[:1].isupper() and after.is_alpha and not after.is_sent_start


def _alone_in_entity(doc: Doc, ent: Span, token: Token) -> bool:
    """Is the token the whole of a person's or organisation's entity (a leading "the" aside)?"""
    start = ent.start + (doc[ent.start].lower_ == "the")
    return ent.label_ in MISTAGGED_LABELS and start == token.i and ent.end == token.i + 1


def _facility_possessors(
    doc: Doc, gazetteer: Gazetteer, facilities: list[Facility], mentions: list[Mention]
) -> list[Mention]:
    """ "Cardiff's Riverside Hospital": the town that possesses a building is a place, whatever the model tagged."""
    found = []
    for start, end in possessor_spans(facilities):
        mention = _mention(doc[start:end], gazetteer)
        if mention is None or any(m.start < mention.end and mention.start < m.end for m in mentions):
            continue
        if _prominent(mention.candidates):  # a small town's name is often many towns' ("Springdale")
            found.append(mention)
    return found


def _acronym_town(mention: Mention) -> bool:
    """ "the CHU", "SAP", "NAB": a short all-capital word in running text is initials, not a town it happens to
    spell (towns are written in title case there; the dateline's capitals and "NYC", "LA" stay places)."""
    return (
        not mention.dateline
        and mention.text.isalpha()
        and mention.text.isupper()
        and len(mention.text) <= MAX_ACRONYM
        and all(c.kind == "city" and c.population < BIG_CITY for c in mention.candidates)
    )


def _compass_town(mention: Mention) -> bool:
    """ "the West", "North West" (a province), "West Coast": a compass word alone is a direction or a region of
    the speaker's world, never the small town of that name ("West, Texas") unless the text qualifies it."""
    words = mention.text.lower().split()
    return (
        mention.qualifier is None
        and not mention.dateline
        and all(w in COMPASS_WORDS for w in words)
        and all(c.kind == "city" for c in mention.candidates)
    )


def _with_dateline(doc: Doc, gazetteer: Gazetteer, mentions: list[Mention]) -> list[Mention]:
    """Mark (or add) the dateline's place and its state: "HOLLIDAY, Mo. --", "BEIRUT --", "Hanoi (VNA) -".
    Any town the gazetteer knows is taken there, however small: the dateline names a place by convention."""
    text = doc_text(doc)
    window = text[:DATELINE_WINDOW]
    matches = itertools.chain(DATELINE.finditer(window), BYLINE_DATELINE.finditer(window))
    match = next((m for m in matches if _dateline_shaped(m)), None)
    if match is None:
        return mentions
    found = []
    for group in ("name", "region"):
        start, end = match.span(group)
        if start < 0:
            continue
        county = _county_abbreviation(text[start:end].strip(), gazetteer)
        if county:  # "PLYMOUTH CO. -": the county, not a town called Plymouth
            end = start + len(text[start:end].strip())
            mentions = [m for m in mentions if not (m.start < end and start < m.end)]
            mentions.append(Mention(start, end, text[start:end], county))
        existing = next((m for m in mentions if m.start < end and start < m.end), None)
        if existing is None:
            candidates = gazetteer.lookup(text[start:end])
            if not candidates and group == "region":  # "LOUISVILLE, KY--": a postal code only in the dateline
                candidates = postal_state(text[start:end].strip(), gazetteer)
            existing = Mention(start, end, text[start:end], candidates) if candidates else None
            mentions = [*mentions, existing] if existing is not None else mentions
        found.append(existing)
    # The dateline's town, or its state when the gazetteer lacks the town ("CAMP MURRAY, Wash. -").
    home = next((m for m in found if m is not None), None)
    if home is not None:
        home.dateline = True
    return mentions


def _places_inside_names(doc: Doc, gazetteer: Gazetteer, covered: set[int]) -> list[Mention]:
    """Every well-known place named inside an organisation's or venue's name, at any position: "Texas" in
    "Texas A&M University", "Edmonton" in "CTV Edmonton", "Kentucky" in "the Kentucky Department of ...".
    Only asked for with `places_in_names`: by default such names are the organisation's, not places."""
    found: list[Mention] = []
    for ent in doc.ents:
        if ent.label_ not in NAME_LABELS:
            continue
        i = ent.start
        while i < ent.end:
            size, mention = _longest_inside(doc, i, ent.end, gazetteer, covered)
            found += [mention] if mention is not None else []
            i += max(size, 1)
    return found


def _longest_inside(doc: Doc, i: int, end: int, gazetteer: Gazetteer, covered: set[int]) -> tuple[int, Mention | None]:
    if i in covered or not doc[i].text[:1].isupper():
        return 0, None
    for size in range(min(MAX_WORDS, end - i), 0, -1):
        window = doc[i : i + size]
        if any(t.i in covered for t in window) or not window[-1].text[:1].isupper():
            continue
        mention = _mention(window, gazetteer)
        if mention is not None and (_prominent(mention.candidates) or _named_region(mention.candidates)):
            return size, mention
    return 0, None


def _named_region(candidates: tuple[Entry, ...]) -> bool:
    """States, provinces and counties: "Metcalfe County" in "the Metcalfe County Coroner's Office"."""
    return any(c.kind in REGION_KINDS for c in candidates)


def _county_abbreviation(name: str, gazetteer: Gazetteer) -> tuple[Entry, ...]:
    """The counties named "X Co." ("PLYMOUTH CO.", "Marion Co"), or nothing."""
    words = name.split()
    if len(words) < 2 or words[-1].lower().rstrip(".") != "co":
        return ()
    return tuple(e for e in gazetteer.lookup(" ".join([*words[:-1], "County"])) if e.kind == "county")


def _dateline_shaped(match: re.Match[str]) -> bool:
    """Capitals ("BEIRUT --") or a name before an agency or a colon ("Hanoi (VNA) -"); a short name."""
    name = match["name"].strip()
    return len(name.split()) <= 3 and (name.isupper() or match["mark"].startswith("(") or match["region"] is not None)


def _followed_by(doc: Doc, mention: Mention, words: set[str]) -> bool:
    """ "Lincoln Center", "London Road" (VENUE_WORDS), "Mississippi River", "Windsor Castle" (FEATURE_TAILS):
    a place name that begins a longer name, of a venue or road, or of a feature the gazetteer lacks."""
    span = doc.char_span(mention.start, mention.end, alignment_mode="expand")
    if span is None or span.end >= len(doc):
        return False
    following = doc[span.end]
    return following.text[:1].isupper() and following.lower_ in words


def _regions_inside_names(doc: Doc, gazetteer: Gazetteer) -> tuple[Entry, ...]:
    """States and countries named inside organisation and venue names ("Texas A&M", "the Ohio State House")."""
    found: list[Entry] = []
    for ent in doc_ents(doc):
        if ent.label_ == "PERSON" or (ent.label_ in PLACE_LABELS and len(ent) == 1):
            continue  # "Georgia Jones" names no state
        for token in ent:
            if not token.text[:1].isupper():
                continue
            for size in (3, 2, 1):  # "Black Hawk County", "New Hampshire", "Texas"
                entries = gazetteer.lookup(doc[token.i : token.i + size].text) if token.i + size <= ent.end else ()
                regions = [e for e in entries if e.kind in REGION_KINDS and e.primary]
                # A name several regions share ("Dallas County": eleven states) says nothing of the geography.
                found += [e for e in regions if len(regions) == 1 and e not in found]
    return tuple(found)


def _entity_mentions(doc: Doc, gazetteer: Gazetteer) -> list[Mention]:
    mentions = []
    for ent in doc_ents(doc):
        if ent.label_ in PLACE_LABELS:
            mention = (
                _match_span(doc, ent, gazetteer)
                or _extended_match(doc, ent, gazetteer)
                or _longest_inner_match(doc, ent, gazetteer)
            )
        elif ent.label_ in MISTAGGED_LABELS and (pair := _town_comma_region(doc, ent, gazetteer)):
            mentions += pair
            continue
        elif ent.label_ in MISTAGGED_LABELS and (parts := _regions_across_dash(doc, ent, gazetteer)):
            mentions += parts
            continue
        elif ent.label_ == "NORP" and ent.text.lower() in REGION_ADJECTIVES:
            mention = _region_adjective(ent, gazetteer)
        elif ent.label_ in MISTAGGED_LABELS:
            mention = _match_span(doc, ent, gazetteer)
            known = mention and (_well_known(mention.candidates, ent) or _located_town(doc, mention.candidates, ent))
            mention = mention if known else None
            if mention is None and ent.label_ == "ORG":  # "Edmonton Police Service", "University of Alberta"
                mention = _longest_inner_match(doc, ent, gazetteer, prominent_only=True)
        else:
            mention = None
        if mention is not None and not (mentions and mention.start < mentions[-1].end):  # "Fort St." + "John"
            mentions.append(mention)
    return mentions


def _extended_match(doc: Doc, span: Span, gazetteer: Gazetteer) -> Mention | None:
    """A place entity the model cut short, completed by the capitalised words after it: "Fort St." + "John"
    is Fort St. John, one town; neither half alone. The whole name is taken only when the gazetteer has it."""
    for extra in (2, 1):
        end = span.end + extra
        if end > len(doc) or not all(t.text[:1].isupper() or t.text == "." for t in doc[span.end : end]):
            continue
        if not doc[end - 1].text[:1].isupper():
            continue
        start = span.start + (doc[span.start].lower_ == "the")
        mention = _mention(doc[start:end], gazetteer)
        if mention is not None:
            return mention
    return None


def _regions_across_dash(doc: Doc, ent: Span, gazetteer: Gazetteer) -> list[Mention]:
    """An entity the model ran across a spaced dash ("the Senator - Ohio"): a side that is exactly a state or
    country is that place (a name with a dash inside, "Austria-Hungary", has no spaces around it)."""
    dashes = [t.i for t in ent if t.text in DASHES and t.whitespace_ and t.i > ent.start and doc[t.i - 1].whitespace_]
    if len(dashes) != 1:
        return []
    found = []
    for side in (doc[ent.start : dashes[0]], doc[dashes[0] + 1 : ent.end]):
        mention = _mention(side, gazetteer) if len(side) else None
        if mention is not None and any(c.primary and c.kind in ("admin", "country") for c in mention.candidates):
            found.append(mention)
    return found


def _town_comma_region(doc: Doc, ent: Span, gazetteer: Gazetteer) -> list[Mention]:
    """ "Wainwright, Alta." or "Gorham, Maine" tagged as one organisation or person: the town and its region,
    when the town lies in that region (so "Smith, Jordan" or "Acme, Texas Inc." make no places)."""
    commas = [t.i for t in ent if t.text == ","]
    if len(commas) != 1 or commas[0] == ent.start:
        return []
    comma = commas[0]
    end = ent.end + (ent.end < len(doc) and doc[ent.end].text == "." and doc[ent.end - 1].whitespace_ == "")
    town, region = _mention(doc[ent.start : comma], gazetteer), _mention(doc[comma + 1 : end], gazetteer)
    if town is None or region is None:
        return []
    regions = [r for r in region.candidates if r.kind in ("admin", "country") and r.primary]
    if not any(c.kind == "city" and inside(c, r, gazetteer) for c in town.candidates for r in regions):
        return []
    return [town, region]


def _region_adjective(ent: Span, gazetteer: Gazetteer) -> Mention | None:
    """ "European" standing alone as a group's adjective: the continent (not inside an organisation's name)."""
    name = REGION_ADJECTIVES[ent.text.lower()]
    candidates = tuple(e for e in gazetteer.lookup(name) if e.kind in ADJECTIVE_KINDS and e.primary)
    return Mention(ent.start_char, ent.end_char, ent.text, candidates) if candidates else None


def _match_span(doc: Doc, span: Span, gazetteer: Gazetteer) -> Mention | None:
    """The whole span (without a leading "the" or trailing "'s"), extended by "region"/"sea" when that names a place."""
    start, end = span.start, span.end
    while start < end and doc[start].lower_ in ("the", "’s", "'s"):
        start += 1
    while end > start and doc[end - 1].lower_ in ("’s", "'s"):
        end -= 1
    if start >= end or not doc[start].text[:1].isupper():
        return None
    if end < len(doc) and doc[end].lower_ in NAME_EXTENSIONS:
        longer = _mention(doc[start : end + 1], gazetteer)
        if longer is not None:
            return longer
    return _mention(doc[start:end], gazetteer)


def _longest_inner_match(doc: Doc, span: Span, gazetteer: Gazetteer, prominent_only: bool = False) -> Mention | None:
    """A place name inside a longer entity: at its start ("Edmonton Police Service", "New York-based")
    or at its end after lower-case or compass words ("downtown Edmonton", "North London", "southern Ukraine").
    Not "Union" in "European Union", nor "Plymouth" in "Plymouth County" (a smaller place we lack).
    """
    for size in range(min(len(span), MAX_WORDS) - 1, 0, -1):
        for i in (span.start, span.end - size):
            window = doc[i : i + size]
            if not window[0].text[:1].isupper() or not _inner_position_ok(span, window):
                continue
            mention = _mention(window, gazetteer)
            if mention is not None and (not prominent_only or _prominent(mention.candidates)):
                return mention
    return None


def _inner_position_ok(entity: Span, window: Span) -> bool:
    if window.start == entity.start:
        rest = entity[window.end - entity.start :]
        return not (len(rest) and rest[-1].lower_ in FEATURE_WORDS)
    before = entity[: window.start - entity.start]
    if before[-1].lower_ in ("of", "in", "for"):  # "University of Alberta", "City of Edmonton"
        return True
    return all(t.lower_ in COMPASS_WORDS or not t.text[:1].isupper() for t in before)


def _untagged_mentions(doc: Doc, gazetteer: Gazetteer, covered: set[int]) -> list[Mention]:
    """Runs of capitalised proper nouns the NER missed that are prominent gazetteer names."""
    mentions: list[Mention] = []
    tokens = doc_tokens(doc)
    i = 0
    while i < len(tokens):
        size = 0
        if i not in covered and tokens[i].pos_ == "PROPN" and tokens[i].text[:1].isupper():
            size, found = _longest_at(doc, i, gazetteer, covered)
            mentions += [found] if found else []
        i += max(size, 1)
    return mentions


def _longest_at(doc: Doc, i: int, gazetteer: Gazetteer, covered: set[int]) -> tuple[int, Mention | None]:
    tokens = doc_tokens(doc)
    for size in range(min(MAX_WORDS, len(doc) - i), 0, -1):
        if any(j in covered for j in range(i, i + size)):  # before building the window: it is costly
            continue
        window = doc[i : i + size]
        if not (tokens[i + size - 1].text[:1].isupper() or _abbreviated(window)):
            continue
        found = _mention(window, gazetteer)
        if found is not None and _prominent(found.candidates):
            return size, found
    return 0, None


def _abbreviated(window: Span) -> bool:
    """ "Sask." / "Ky." split into a name and its full stop."""
    return len(window) == 2 and window[-1].text == "." and window[0].whitespace_ == ""


def _mention(span: Span, gazetteer: Gazetteer) -> Mention | None:
    candidates = gazetteer.lookup(span.text)
    if not candidates:
        return None
    return Mention(span.start_char, span.end_char, span.text, candidates)


def _well_known(candidates: tuple[Entry, ...], ent: Span) -> bool:
    """Is an entity the small model did not tag as a place still one ("Kyiv" as PERSON, "Ukraine" as ORG)?"""
    cities = [c for c in candidates if c.kind == "city"]
    if ent[-1].lower_ in REGION_WORDS and any(c.kind in REGION_KINDS for c in candidates):
        return True  # "Sokoto State", "Fars Province": no person's or body's name ends so
    if any(c.kind in OWN_FEATURE_KINDS for c in candidates):
        # Our own table's landmarks and natural features ("Heathrow", "Lesbos", "the Appalachians") are whole
        # names no person or body bears.
        return True
    if ent.label_ == "PERSON":  # "Jordan", "Georgia", "Victoria" are people's names too
        located = ent.root.dep_ == "pobj" and ent.root.head.lower_ in ("in", "at", "near", "from", "to", "into")
        # A located name of several words that is a town's whole name ("moved from Glen Ellyn") is the town.
        whole_town = located and len(ent) > 1 and all(t.text[:1].isupper() for t in ent)
        return any(
            c.population >= BIG_CITY or (located and c.primary and (c.population >= 50_000 or whole_town))
            for c in cities
        )
    return len(cities) < len(candidates) or any(c.primary and c.population >= MISTAGGED_CITY for c in cities)


def _located_town(doc: Doc, candidates: tuple[Entry, ...], ent: Span) -> bool:
    """A name the model took for a person or organisation, placed by its preposition ("deputies in
    Riverdale", "the town of Karak", "moved to Thornhill", "John Smith, 49, of Waterloo"), is the town; not
    when the article uses it as someone's surname. Several words only when they are the town's whole name
    and an organisation's tag ("a honeymoon in Great Yarmouth"): a person's two names are no town."""
    if ent.label_ not in ("PERSON", "ORG") or not (len(ent) == 1 or (ent.label_ == "ORG" and len(ent) <= 3)):
        return False
    if not any(c.kind in ("city", "admin") and c.primary for c in candidates):  # "the Rajasthan assembly" too
        return False
    if len(ent) > 1 and not all(t.text[:1].isupper() for t in ent):
        return False
    root = ent.root
    placed = root.dep_ == "pobj" and _placing_preposition(root.head)
    placed = placed or (len(ent) == 1 and _modifies_local_noun(root, candidates))
    return placed and root.text not in _surnames(doc) and not _described_as_person(doc, ent)


def _described_as_person(doc: Doc, ent: Span) -> bool:
    """ "went to Easton, who thanked his coach": a relative "who" makes the name a person's."""
    after = [t.lower_ for t in doc[ent.end : ent.end + 2]]
    return bool(after) and (after[0] in ("who", "whose") or after[:2] in ([",", "who"], [",", "whose"]))


def _placing_preposition(prep: Token) -> bool:
    """ "in/near X", "the town of X", "moved to X", "was from X", "outside of X", "Jane Doe, 34, of X"."""
    word, head = prep.lower_, prep.head
    if word in LOCATING_PREPOSITIONS:
        return True
    if word in ("to", "from", "into"):
        return head.lemma_.lower() in TRAVEL_WORDS
    if word != "of" or prep.i == 0:
        return False
    before = prep.nbor(-1)
    if head.lower_ in SETTLEMENT_NOUNS or before.lower_ in DIRECTION_WORDS:
        return True
    # A person's home town after their name and age: "Paul Smith, 49, of Leeds", "Jane Doe, of Hull".
    return before.text == "," and prep.i > 1 and (prep.nbor(-2).like_num or prep.nbor(-2).ent_type_ == "PERSON")


def _modifies_local_noun(root: Token, candidates: tuple[Entry, ...]) -> bool:
    """ "the Darwin police force", "the Geelong district", "the Rajasthan assembly": after "the", a sizeable
    town's or a region's name that modifies a common noun is the place (a person's name does not take "the")."""
    return (
        root.dep_ in ("compound", "amod", "nmod")
        and root.head.pos_ == "NOUN"
        and root.head.lower_ not in PERSONAL_NOUNS
        and root.i > 0
        and root.nbor(-1).lower_ == "the"
        and any(
            c.primary and (c.kind == "admin" or (c.kind == "city" and c.population >= MIN_UNTAGGED_CITY))
            for c in candidates
        )
    )


def _surnames(doc: Doc) -> set[str]:
    return {e[-1].text for e in doc_ents(doc) if e.label_ == "PERSON" and len(e) > 1}


def _prominent(candidates: tuple[Entry, ...]) -> bool:
    return any(c.primary and (c.kind != "city" or c.population >= MIN_UNTAGGED_CITY) for c in candidates)


def _token_range(doc: Doc, mention: Mention) -> range:
    span = doc.char_span(mention.start, mention.end, alignment_mode="expand")
    return range(span.start, span.end) if span is not None else range(0)


def _link_qualifiers(doc: Doc, mentions: list[Mention]) -> None:
    """ "Paris, Texas" / "Kharkiv, Ukraine": the second name qualifies the first."""
    text = doc_text(doc)  # Doc.text rebuilds the whole text on every call: never once per pair
    for at, (first, second) in enumerate(itertools.pairwise(mentions)):
        between = text[first.end : second.start]
        if between.strip() == "," and any(c.kind in ("admin", "country") for c in second.candidates):
            first.qualifier = second
            after = mentions[at + 2] if at + 2 < len(mentions) else None
            listed = after is not None and LIST_SEPARATOR.match(text[second.end : after.start]) is not None
            first.qualifier_may_list = listed


def _used_as_agent(ctx: ExtractContext, mention: Mention) -> bool:
    """A capital or a seat of government acting as a government: "Washington warned Moscow", "the Kremlin's demands".

    Subject or possessor of a verb phrase = actor use; object of a verb whose subject is an actor
    ("warned Moscow") too; object of a preposition ("in Washington") or of a non-actor ("the storm hit
    Paris") stays a place, and so does a name qualified by its region ("Paris, Texas").
    """
    if mention.qualifier is not None or mention.dateline or (mention.chosen and mention.chosen.kind == "admin"):
        return False
    capital_named = any(c.capital for c in mention.candidates)  # "Washington": the state is read only at home
    if not all(c.kind in ("city", "landmark") or (capital_named and c.kind == "admin") for c in mention.candidates):
        return False
    if not any(c.capital or c.kind == "landmark" for c in mention.candidates):
        return False  # only seats of government stand for one: "shelled Kharkiv" is a place
    span = ctx.doc.char_span(mention.start, mention.end, alignment_mode="expand")
    if span is None:
        return False
    root: Token = span.root
    actor = ctx.actor_at(mention.start, mention.end)
    if actor is not None and actor.kind not in ("government", "country", "organisation"):
        return False
    if actor is None and all(c.kind == "landmark" for c in mention.candidates):
        return False  # a monument the actors do not read as a body ("the Eiffel Tower closed") acts for nobody
    while root.dep_ == "conj" and root.head.i != root.i:  # "Moscow and Washington are contemplating"
        root = root.head
    if root.dep_ == "poss":
        # "Ottawa's offer", "the Kremlin's demands" are a government's acts; "London's crime rate",
        # "Cairo's Abbasiya neighbourhood", "Toronto's Pearson airport" belong to the place.
        return root.head.lemma_.lower() in GOVERNMENT_ACTS and root.head.lower_ not in CITY_PARTS
    if root.dep_ in SUBJECT_DEPS:
        return True
    if root.dep_ in ("compound", "amod", "npadvmod") and all(c.kind == "landmark" for c in mention.candidates):
        return True  # "a Kremlin account", "Kremlin-friendly": the institution, not the building
    if root.dep_ in OBJECT_DEPS and root.head.pos_ == "VERB" and root.head.lemma_.lower() not in TRAVEL_WORDS:
        subjects = [c for c in root.head.children if c.dep_ in ("nsubj", "nsubjpass")]
        return any(ctx.actor_for_token(s) is not None for s in subjects)
    return False


def _actor_countries(ctx: ExtractContext, mentions: list[Mention]) -> Counter[str]:
    """Countries of the article's actors, leaving out actors that are these very place names: the actor
    stage reads "London" as the British government, which must not vote for London, England."""
    place_starts = {i for m in mentions for i in range(m.start, m.end)}  # characters inside place names
    return Counter(
        a.country
        for a in ctx.actors
        if a.country
        and len(a.country) == 3
        and a.kind != "pronoun"
        and not place_starts.intersection((a.start, a.end - 1))
    )


def _place(mention: Mention, government: bool) -> Place:
    entry = mention.chosen
    assert entry is not None
    return Place(
        start=mention.start,
        end=mention.end,
        text=mention.text,
        name=entry.name,
        country=entry.country,
        kind=entry.kind,
        lat=entry.lat,
        lon=entry.lon,
        geonameid=entry.geonameid,
        government=government,
    )
