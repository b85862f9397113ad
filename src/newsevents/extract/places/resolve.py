"""Choosing one gazetteer entry per toponym mention, using the rest of the article as context.

A candidate's score is the log of its population (its prominence), plus evidence from context:
its country is the country of other places or actors in the article, it lies inside a region the
article names ("Paris" with "Texas" nearby), or the text qualifies it directly ("Paris, Texas").
An alternate-name match ("Odessa" for Odesa) pays a small penalty against a primary-name match.
One sense per discourse: the same name gets the same reading throughout an article, and a name the
text once qualifies ("London, Ky.") keeps that reading where it stands alone. The dateline's place
("LONDON, Ky. --") is the article's home: towns and counties in its state are likelier.
"""

from __future__ import annotations

import math
from collections import Counter
from dataclasses import dataclass, field

from newsevents.extract.places.gazetteer import Entry, Gazetteer, haversine_km

ALTERNATE_PENALTY = 2.5
SAME_COUNTRY_BONUS = 2.0
COUNTRY_WEIGHT = 1.5  # more mentions of a country make its places likelier (log of the count)
CAPITAL_BONUS = 1.5
INSIDE_REGION_BONUS = 5.5
QUALIFIED_BONUS = 10.0
# Kinds that are the article's geography for the places inside them ("Texas", "Ukraine", "Harris County").
REGION_KINDS = ("admin", "country", "county")
# Kinds a named region or the dateline's state makes likelier: towns and counties.
LOCAL_KINDS = ("city", "county")
KIND_PRIOR = {
    "country": 2.0, "admin": 1.0, "continent": 1.0, "sea": 1.0, "region": 1.0,
    "river": 0.5, "lake": 0.5, "mountain": 0.5, "island": 0.5,
}  # fmt: skip
REGION_RADIUS_KM = 700.0
# A town named after one of these ("Atlantic", "Greece", "Pacific", "Crete", "Samos") wins its name only with the
# article's support.
WIDE_KINDS = ("country", "sea", "continent", "lake", "mountain", "island")
# A town this small wins a shared name only with the article's support (its region named, or "Town, State").
SMALL_TOWN = 5000
SMALL_TOWN_PENALTY = 3.0
# A town this close to another town the article names is likelier than a namesake far away ("Edmonton, south of
# Cairns" is the suburb of Cairns, not the Canadian city): the place names of a story cluster. Primary names only:
# an old name ("Kaliningrad", once Korolev's, near Moscow) is no town of the story.
NEAR_TOWN_KM = 50.0
# A state named like a national capital ("Washington") is the state only with the article's support (its dateline
# in that state); otherwise the capital.
CAPITAL_NAMESAKE_PENALTY = 6.0


@dataclass
class Mention:
    start: int
    end: int
    text: str
    candidates: tuple[Entry, ...]
    qualifier: Mention | None = None  # the "Texas" of "Paris, Texas"
    dateline: bool = False  # the place of the article's dateline ("BEIRUT --", "LONDON, Ky. (AP) -")
    # "Aleppo, Idlib and Hama": the "qualifier" may be the next item of a list rather than where the town is.
    qualifier_may_list: bool = False
    chosen: Entry | None = field(default=None, repr=False)


def inside(entry: Entry, region: Entry, gazetteer: Gazetteer) -> bool:
    """Is `entry` within the admin region or country `region`?"""
    if entry is region or entry.country is None or entry.country != region.country:
        return False
    if region.kind == "country":
        return entry.kind != "country"
    if region.admin1 and entry.admin1:
        return entry.admin1 == region.admin1
    return haversine_km(entry.lat, entry.lon, region.lat, region.lon) < REGION_RADIUS_KM


def resolve_all(
    mentions: list[Mention],
    actor_countries: Counter[str],
    gazetteer: Gazetteer,
    named_regions: tuple[Entry, ...] = (),
) -> None:
    """Set `chosen` on every mention: a first pass with unambiguous context, then one with all of it.
    `named_regions` are states and countries the article names inside other names ("the Massachusetts
    State House"): not places of their own, but the article's geography all the same."""
    context = _Context(actor_countries, list(named_regions), gazetteer)
    context.add([_sole(m) for m in mentions])
    _choose(mentions, context)
    home = next((m.chosen for m in mentions if m.dateline and m.chosen is not None), None)
    context = _Context(actor_countries, list(named_regions), gazetteer, home)
    context.add([m.chosen for m in mentions])
    context.towns = [(m.text.lower(), m.chosen) for m in mentions if m.chosen is not None and m.chosen.kind == "city"]
    _choose(mentions, context)


@dataclass
class _Context:
    countries: Counter[str]
    regions: list[Entry]
    gazetteer: Gazetteer
    home: Entry | None = None  # the dateline's place, once resolved
    towns: list[tuple[str, Entry]] = field(default_factory=list)  # (name as written, reading) of the first pass

    def add(self, entries: list[Entry | None]) -> None:
        self.countries = Counter(self.countries)
        for entry in entries:
            if entry is None:
                continue
            if entry.country:
                self.countries[entry.country] += 1
            if entry.kind in REGION_KINDS and entry not in self.regions:  # each region once, however often named
                self.regions.append(entry)

    def score(self, entry: Entry, mention: Mention) -> float:
        score = entry.weight + KIND_PRIOR.get(entry.kind, 0.0)
        if not entry.primary:
            score -= ALTERNATE_PENALTY
        own = 1 if mention.chosen is not None and mention.chosen.country == entry.country else 0
        others = self.countries[entry.country] - own if entry.country else 0
        if others > 0:
            score += SAME_COUNTRY_BONUS + COUNTRY_WEIGHT * math.log(others)
        if entry.capital:
            score += CAPITAL_BONUS
        supported = False
        if self._locally_supported(entry, mention):
            score += INSIDE_REGION_BONUS
            supported = True
        qualifier = mention.qualifier.chosen if mention.qualifier else None
        if qualifier is not None and inside(entry, qualifier, self.gazetteer):
            score += QUALIFIED_BONUS
            supported = True
        if self.home is not None and (_same_place(entry, self.home) or _holds(entry, self.home)):
            score += INSIDE_REGION_BONUS  # the dateline's place or its state, named ("WASH. -- ... in Washington")
            supported = True
        if entry.kind == "admin" and not supported and any(c.capital for c in mention.candidates):
            score -= CAPITAL_NAMESAKE_PENALTY
        if entry.kind == "city" and entry.population < SMALL_TOWN and not supported:
            score -= SMALL_TOWN_PENALTY
        if entry.kind == "city" and not supported and any(c.kind in WIDE_KINDS for c in mention.candidates):
            score -= SMALL_TOWN_PENALTY  # Atlantic, Iowa or Greece, New York: never by country context alone
        return score

    def _in_named_region(self, entry: Entry, mention: Mention) -> bool:
        """Inside a state or county the article names: not the one this very name may be ("Quebec" names the
        province or its city; the province read elsewhere must not vote for the city here)."""
        return any(
            inside(entry, r, self.gazetteer)
            for r in self.regions
            if r.kind in ("admin", "county") and not any(_same_place(r, c) for c in mention.candidates)
        )

    def _locally_supported(self, entry: Entry, mention: Mention) -> bool:
        """A town or county in a state the article names or in the dateline's state, or a town near another."""
        if entry.kind in LOCAL_KINDS and (self._in_named_region(entry, mention) or self._near_home(entry)):
            return True
        return entry.kind == "city" and entry.primary and self._near_named_town(entry, mention)

    def _near_named_town(self, entry: Entry, mention: Mention) -> bool:
        """Within NEAR_TOWN_KM of a town of another name that the article names (as first read)."""
        key = mention.text.lower()
        return any(
            name != key and town is not entry and haversine_km(entry.lat, entry.lon, town.lat, town.lon) < NEAR_TOWN_KM
            for name, town in self.towns
        )

    def _near_home(self, entry: Entry) -> bool:
        """In the dateline place's own state or province (a local paper's beat)."""
        home = self.home
        if home is None or home is entry or home.kind not in (*LOCAL_KINDS, "admin") or not home.admin1:
            return False
        return entry.country == home.country and entry.admin1 == home.admin1


def _same_place(entry: Entry, other: Entry) -> bool:
    """The same place under two rows: "Washington" and "Washington State" (both the state of Washington)."""
    if entry == other:
        return True
    if entry.kind != other.kind or entry.country != other.country or entry.kind not in ("admin", "county"):
        return False
    return entry.admin1 is not None and entry.admin1 == other.admin1 and entry.kind == "admin"


def _holds(region: Entry, place: Entry) -> bool:
    """Is the town or county `place` inside the state `region` ("Washington" for a story datelined Seattle)?"""
    return (
        region.kind == "admin"
        and place.kind in LOCAL_KINDS
        and place.country == region.country
        and place.admin1 is not None
        and place.admin1 == region.admin1
    )


def _names_home(mention: Mention, home: Entry | None) -> bool:
    """Can a bare name be the dateline's place or its state? Then another place's qualified reading of the name
    ("Washington, D.C.") does not carry over to it ("CAMP MURRAY, Wash. -- ... at home in Washington")."""
    return home is not None and any(_same_place(c, home) or _holds(c, home) for c in mention.candidates)


def _sole(mention: Mention) -> Entry | None:
    """The mention's reading when the name is unambiguous (one candidate, or one primary one)."""
    primary = [c for c in mention.candidates if c.primary]
    if len(mention.candidates) == 1:
        return mention.candidates[0]
    return primary[0] if len(primary) == 1 and mention.candidates[0].kind != "city" else None


def _region_of(qualifier: Mention | None) -> Entry | None:
    """The state or country a qualifier was read as, if it was read as one."""
    region = qualifier.chosen if qualifier is not None else None
    return region if region is not None and region.kind in ("admin", "country") else None


def _contradicts_qualifier(entry: Entry, mention: Mention, gazetteer: Gazetteer) -> bool:
    """ "Bucklin, Texas" when the gazetteer knows only a Bucklin in Kansas: the text says where the town is,
    and no reading of its qualifier holds this entry, so the entry is another town of the same name."""
    qualifier = mention.qualifier
    if qualifier is None or mention.qualifier_may_list or entry.kind not in LOCAL_KINDS:
        return False
    regions = [c for c in qualifier.candidates if c.kind in ("admin", "country")]
    return bool(regions) and not any(inside(entry, region, gazetteer) for region in regions)


def _choose(mentions: list[Mention], context: _Context) -> None:
    by_name: dict[str, Entry | None] = {}
    # Qualifiers ("Texas" in "Paris, Texas") first, then the places they qualify, whose reading then holds
    # for the same name standing alone ("LONDON, Ky. -- ... London police said"); then the rest.
    qualifiers = {id(m.qualifier) for m in mentions if m.qualifier is not None}
    ordered = sorted(mentions, key=lambda m: 0 if id(m) in qualifiers else 1 if m.qualifier is not None else 2)
    for mention in ordered:
        key = mention.text.lower()
        if mention.qualifier is None and key in by_name and not _names_home(mention, context.home):
            mention.chosen = by_name[key]
            continue
        chosen: Entry | None = max(mention.candidates, key=lambda e: context.score(e, mention))
        if chosen is not None and _contradicts_qualifier(chosen, mention, context.gazetteer):
            chosen = _region_of(mention.qualifier)  # a town we lack, placed in its state, not at a namesake
        mention.chosen = chosen
        by_name.setdefault(key, chosen)
