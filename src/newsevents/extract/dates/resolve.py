"""Resolving a date expression to a TIMEX3 value, given the publication date and the verb's tense.

Rules, in order of precedence (first that matches wins):
- absolute dates: "2021-03-04", "5 January 2021", "Jan. 5, 2021", "March 2014", "2014", "the 1990s" (`199`);
- deictic words: yesterday/today/tomorrow, now (`PRESENT_REF`), recently/the past (`PAST_REF`), the future;
- "this/last/next" + week/weekend/month/year/quarter/season/weekday, "N units ago";
- a bare weekday, month, season or quarter: past tense (or no tense) looks back, future tense looks forward
  (months and day-months without tense take the nearest one).
Durations ("the next two weeks", "two years") get an ISO 8601 period (`P2W`) with granularity "duration":
TIMEX3 gives such expressions type DURATION, and a period says what the text says without inventing a range.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from newsevents.extract.dates.vocab import (
    MONTHS,
    NUMBERS,
    ORDINALS,
    SEASON_MONTH,
    SEASONS,
    UNIT_LETTERS,
    WEEKDAYS,
    number,
    spelled_years_to_digits,
)

Tense = str | None  # "past" | "future" | "present" | None


@dataclass(frozen=True, slots=True)
class Resolved:
    value: str
    granularity: str


_MONTH = r"(?P<month>" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")\.?"
_DAY = r"(?P<day>\d{1,2})(?:st|nd|rd|th)?"
_YEAR = r"(?P<year>\d{4})"
_WEEKDAY = r"(?P<weekday>" + "|".join(WEEKDAYS) + r")"
_SEASON = r"(?P<season>" + "|".join(SEASONS) + r")"
_NUM = r"(?P<n>(?<![\d,.])\d{1,3}|" + "|".join(NUMBERS) + r")"
_UNIT = r"(?P<unit>day|week|month|year|decade|quarter|hour|minute|century)s?"
_REL = r"(?P<rel>this|last|next|past|previous|coming|current|following)"
_ORD = r"(?P<ord>" + "|".join(ORDINALS) + r")"

_PATTERNS: list[tuple[str, re.Pattern[str]]] = [
    (name, re.compile(pattern))
    for name, pattern in [
        ("iso", r"\b(?P<year>\d{4})-(?P<month>\d{2})-(?P<day>\d{2})\b"),
        ("slash", r"\b(?P<month>\d{1,2})/(?P<day>\d{1,2})/(?P<year>\d{2,4})\b"),
        ("month_day_year", rf"\b{_MONTH}\s+{_DAY},?\s+{_YEAR}\b"),
        ("day_month_year", rf"\b{_DAY}\s+(?:of\s+)?{_MONTH},?\s+{_YEAR}\b"),
        ("month_day", rf"\b{_MONTH}\s+{_DAY}\b(?!\s*(?:,\s*)?\d)"),
        ("day_month", rf"\b{_DAY}\s+(?:of\s+)?{_MONTH}"),
        ("month_year", rf"\b{_MONTH},?\s+(?:of\s+)?{_YEAR}\b"),
        ("month_rel_year", rf"\b{_MONTH}\s+(?:of\s+)?(?P<rel>this|last|next)\s+year\b"),
        ("season_year", rf"\b{_SEASON}\s+(?:of\s+)?{_YEAR}\b"),
        ("season_rel_year", rf"\b{_SEASON}\s+(?:of\s+)?(?P<rel>this|last|next)\s+year\b"),
        ("quarter_year", rf"\b(?:{_ORD}[\s-]+quarter|q(?P<q>[1-4]))\s*(?:of\s+)?,?\s*(?:fiscal\s+)?{_YEAR}\b"),
        ("year_quarter", rf"\b{_YEAR}\s+(?:fiscal\s+)?{_ORD}[\s-]+quarter\b"),
        ("rel_year_quarter", rf"\b(?P<rel>this|last|next)\s+year'?s\s+{_ORD}[\s-]+quarter\b"),
        ("ago_quarter", rf"\byear[\s-](?:ago|earlier)\s+{_ORD}[\s-]+quarter\b"),
        (
            "part_of_year",
            r"\b(?:first|last|final|past|next)\s+(?:\w+\s+){0,2}(?:months?|weeks?|days?|quarters?)\s+of\s+"
            r"(?:the\s+|this\s+)?(?P<year>\d{4}|year)\b",
        ),
        ("half_year", rf"\b(?P<half>first|second|last)\s+half\s+(?:of\s+)?{_YEAR}\b"),
        ("fiscal", rf"\bfiscal(?:\s+year)?\s+{_YEAR}\b"),
        ("decade", r"\b(?:the\s+)?(?P<dec>\d{3})0'?s\b"),
        ("short_decade", r"\b(?:the\s+)?'(?P<dec2>\d)0s\b"),
        ("ago", rf"\b(?:{_NUM}|a|an|one)\s+{_UNIT}(?:\s+or\s+so)?\s+(?:ago|earlier|before)\b"),
        ("year_ago", r"\byear-(?:ago|earlier)\b"),
        ("vague_ago", r"\b(?:many|several|some|a\s+few|few)\s+(?:years|decades)\s+(?:ago|earlier)\b"),
        ("duration", rf"\b(?:(?:the\s+)?(?:next|past|last|coming|previous|first)\s+)?(?:{_NUM}|a|an)\s+{_UNIT}\b"),
        ("rel_weekend", rf"\b{_REL}\s+weekend\b"),
        ("rel_unit", rf"\b{_REL}\s+(?:fiscal\s+)?(?P<unit>week|month|year|quarter|decade|century)\b"),
        ("rel_weekday", rf"\b{_REL}\s+{_WEEKDAY}\b"),
        ("rel_season", rf"\b{_REL}\s+{_SEASON}\b"),
        ("rel_month", rf"\b{_REL}\s+{_MONTH}"),
        ("deictic", r"\b(?P<word>yesterday|today|tomorrow|tonight|now|currently|recently|lately|nowadays)\b"),
        ("vague_ref", r"\b(?P<then>then[\s-])?(?P<vague>recent|coming|previously|soon|once|current)\b"),
        ("ref", r"\b(?:the\s+)?(?:near\s+|distant\s+)?(?P<ref>past|future|present)\b"),
        ("weekend", r"\b(?:the\s+)?weekend\b"),
        ("weekday", rf"\b{_WEEKDAY}\b"),
        ("month", rf"\b{_MONTH}"),
        ("season", rf"\b{_SEASON}\b"),
        ("quarter", rf"\b(?:the\s+)?(?:{_ORD}[\s-]+quarter|q(?P<q>[1-4]))\b"),
        ("year", r"\b(?P<year>(?:1[89]|20)\d{2})\b"),
        ("year_rel", r"\b(?P<rel>this|last|next)\s+year\b"),
    ]
]


# Rules that need no anchor: the only ones applied when an article has no publication date.
ABSOLUTE = {
    "iso",
    "slash",
    "month_day_year",
    "day_month_year",
    "month_year",
    "season_year",
    "quarter_year",
    "half_year",
    "fiscal",
    "decade",
    "year",
    "duration",
    "vague_ago",
    "ref",
}
_NO_ANCHOR = dt.date(2000, 1, 1)


def resolve(text: str, anchor: dt.date | None, tense: Tense = None) -> Resolved | None:
    """The TIMEX3 value of `text` relative to `anchor` (publication date), or None if not a date we know."""
    lowered = spelled_years_to_digits(" ".join(text.lower().replace("’", "'").split()))
    for name, pattern in _PATTERNS:
        if anchor is None and name not in ABSOLUTE:
            continue
        match = pattern.search(lowered)
        if match is not None:
            resolved = _RULES[name](match, anchor or _NO_ANCHOR, tense)
            if resolved is not None:
                return resolved
    return None


def _iso(match: re.Match[str], anchor: dt.date, tense: Tense) -> Resolved | None:
    return _day(int(match["year"]), int(match["month"]), int(match["day"]))


def _slash(match: re.Match[str], anchor: dt.date, tense: Tense) -> Resolved | None:
    year = int(match["year"])
    year += 1900 if year < 100 and year > 30 else 2000 if year < 100 else 0
    return _day(year, int(match["month"]), int(match["day"]))


def _full_date(match: re.Match[str], anchor: dt.date, tense: Tense) -> Resolved | None:
    return _day(int(match["year"]), MONTHS[match["month"]], int(match["day"]))


def _month_day(match: re.Match[str], anchor: dt.date, tense: Tense) -> Resolved | None:
    month, day = MONTHS[match["month"]], int(match["day"])
    if not 1 <= day <= 31:
        return None
    year = _infer_year(anchor, (month, day), (anchor.month, anchor.day), tense)
    weekday = re.search("|".join(WEEKDAYS), match.string)
    if weekday is not None:  # "Saturday, April 25": the year in which that day is a Saturday
        year = next((y for y in (year, year + 1, year - 1) if _weekday_is(y, month, day, WEEKDAYS[weekday[0]])), year)
    return _day(year, month, day)


def _weekday_is(year: int, month: int, day: int, weekday: int) -> bool:
    try:
        return dt.date(year, month, day).weekday() == weekday
    except ValueError:
        return False


def _month_year(match: re.Match[str], anchor: dt.date, tense: Tense) -> Resolved:
    return Resolved(f"{int(match['year']):04d}-{MONTHS[match['month']]:02d}", "month")


def _season_year(match: re.Match[str], anchor: dt.date, tense: Tense) -> Resolved:
    return Resolved(f"{match['year']}-{SEASONS[match['season']]}", "season")


def _season_rel_year(match: re.Match[str], anchor: dt.date, tense: Tense) -> Resolved:
    year = anchor.year + {"this": 0, "last": -1, "next": 1}[match["rel"]]
    return Resolved(f"{year}-{SEASONS[match['season']]}", "season")


def _quarter_year(match: re.Match[str], anchor: dt.date, tense: Tense) -> Resolved:
    quarter = int(match["q"]) if match["q"] else ORDINALS[match["ord"]]
    return Resolved(f"{match['year']}-Q{min(quarter, 4)}", "quarter")


def _half_year(match: re.Match[str], anchor: dt.date, tense: Tense) -> Resolved:
    return Resolved(f"{match['year']}-H{1 if match['half'] == 'first' else 2}", "half")


def _month_rel_year(match: re.Match[str], anchor: dt.date, tense: Tense) -> Resolved:
    year = anchor.year + {"this": 0, "last": -1, "next": 1}[match["rel"]]
    return Resolved(f"{year:04d}-{MONTHS[match['month']]:02d}", "month")


def _year_quarter(match: re.Match[str], anchor: dt.date, tense: Tense) -> Resolved:
    return Resolved(f"{match['year']}-Q{ORDINALS[match['ord']]}", "quarter")


def _rel_year_quarter(match: re.Match[str], anchor: dt.date, tense: Tense) -> Resolved:
    year = anchor.year + {"this": 0, "last": -1, "next": 1}[match["rel"]]
    return Resolved(f"{year}-Q{ORDINALS[match['ord']]}", "quarter")


def _ago_quarter(match: re.Match[str], anchor: dt.date, tense: Tense) -> Resolved:
    return Resolved(f"{anchor.year - 1}-Q{ORDINALS[match['ord']]}", "quarter")


def _part_of_year(match: re.Match[str], anchor: dt.date, tense: Tense) -> Resolved:
    return Resolved(str(anchor.year) if match["year"] == "year" else match["year"], "year")


def _vague_ref(match: re.Match[str], anchor: dt.date, tense: Tense) -> Resolved:
    if match["vague"] == "current" and not match["then"]:  # "the then-current rules" lie in the past
        return Resolved("PRESENT_REF", "ref")
    future = match["vague"] in ("coming", "soon")
    return Resolved("FUTURE_REF" if future else "PAST_REF", "ref")


def _fiscal(match: re.Match[str], anchor: dt.date, tense: Tense) -> Resolved:
    return Resolved(match["year"], "year")


def _decade(match: re.Match[str], anchor: dt.date, tense: Tense) -> Resolved:
    return Resolved(match["dec"], "decade")


def _short_decade(match: re.Match[str], anchor: dt.date, tense: Tense) -> Resolved:
    """ "the '80s": the latest such decade that has begun by the anchor."""
    century = anchor.year // 100
    if century * 100 + int(match["dec2"]) * 10 > anchor.year:
        century -= 1
    return Resolved(f"{century}{match['dec2']}", "decade")


def _ago(match: re.Match[str], anchor: dt.date, tense: Tense) -> Resolved | None:
    count = number(match["n"]) if match["n"] else 1
    return _shift(anchor, match["unit"], -count) if count is not None else None


def _year_ago(match: re.Match[str], anchor: dt.date, tense: Tense) -> Resolved:
    """ "year-ago results" (with no quarter under discussion): the year before."""
    return Resolved(f"{anchor.year - 1:04d}", "year")


def _vague_ago(match: re.Match[str], anchor: dt.date, tense: Tense) -> Resolved:
    return Resolved("PAST_REF", "ref")


def _duration(match: re.Match[str], anchor: dt.date, tense: Tense) -> Resolved | None:
    count = number(match["n"]) if match["n"] else 1
    unit = match["unit"]
    if count is None:
        return None
    if unit in ("hour", "minute"):
        return Resolved(f"PT{count}{unit[0].upper()}", "duration")
    return Resolved(f"P{count}{UNIT_LETTERS[unit]}", "duration")


def _rel_weekend(match: re.Match[str], anchor: dt.date, tense: Tense) -> Resolved:
    week = _shift_weeks(anchor, _direction(match["rel"], tense))
    return Resolved(_week_value(week) + "-WE", "week")


def _rel_unit(match: re.Match[str], anchor: dt.date, tense: Tense) -> Resolved | None:
    return _shift(anchor, match["unit"], _direction(match["rel"], tense))


def _rel_weekday(match: re.Match[str], anchor: dt.date, tense: Tense) -> Resolved:
    target = WEEKDAYS[match["weekday"]]
    rel = match["rel"]
    if rel in ("last", "past", "previous"):
        days = (anchor.weekday() - target) % 7 or 7
        return _day_of(anchor - dt.timedelta(days=days))
    if rel in ("next", "coming", "following"):
        days = (target - anchor.weekday()) % 7 or 7
        return _day_of(anchor + dt.timedelta(days=days))
    monday = anchor - dt.timedelta(days=anchor.weekday())  # "this Friday": the one in this week
    return _day_of(monday + dt.timedelta(days=target))


def _rel_season(match: re.Match[str], anchor: dt.date, tense: Tense) -> Resolved:
    """ "last spring" is the previous calendar year's, "this past spring" the latest begun,
    "this spring" the current year's, "next spring" the next to begin."""
    season, rel = SEASONS[match["season"]], match["rel"]
    if rel in ("last", "previous"):
        return Resolved(f"{anchor.year - 1}-{season}", "season")
    if rel == "past":
        return _season(anchor, season, "past")
    if rel in ("next", "coming", "following"):
        return _season(anchor, season, "future", strictly_after=True)
    year = _season_year_of(anchor) if season == "WI" else anchor.year
    return Resolved(f"{year}-{season}", "season")


def _rel_month(match: re.Match[str], anchor: dt.date, tense: Tense) -> Resolved:
    month = MONTHS[match["month"]]
    backwards = match["rel"] in ("last", "past", "previous")
    year = _infer_year(anchor, (month,), (anchor.month,), "past" if backwards else "future")
    if (year, month) == (anchor.year, anchor.month):
        year += -1 if backwards else 1
    return Resolved(f"{year:04d}-{month:02d}", "month")


def _deictic(match: re.Match[str], anchor: dt.date, tense: Tense) -> Resolved:
    word = match["word"]
    offsets = {"yesterday": -1, "today": 0, "tonight": 0, "tomorrow": 1}
    if word in offsets:
        return _day_of(anchor + dt.timedelta(days=offsets[word]))
    return Resolved("PAST_REF" if word in ("recently", "lately") else "PRESENT_REF", "ref")


def _ref(match: re.Match[str], anchor: dt.date, tense: Tense) -> Resolved:
    return Resolved({"past": "PAST_REF", "future": "FUTURE_REF", "present": "PRESENT_REF"}[match["ref"]], "ref")


def _weekend(match: re.Match[str], anchor: dt.date, tense: Tense) -> Resolved:
    """ "the weekend": the coming one when the verb is future, else the latest begun."""
    if tense == "future":
        week = anchor
    else:
        week = anchor if anchor.weekday() >= 5 else anchor - dt.timedelta(weeks=1)
    return Resolved(_week_value(week) + "-WE", "week")


def _weekday(match: re.Match[str], anchor: dt.date, tense: Tense) -> Resolved:
    """A bare weekday is the most recent one (the publication day included) unless the verb is future."""
    target = WEEKDAYS[match["weekday"]]
    if tense == "future":
        return _day_of(anchor + dt.timedelta(days=(target - anchor.weekday()) % 7 or 7))
    return _day_of(anchor - dt.timedelta(days=(anchor.weekday() - target) % 7))


def _month(match: re.Match[str], anchor: dt.date, tense: Tense) -> Resolved:
    month = MONTHS[match["month"]]
    year = _infer_year(anchor, (month,), (anchor.month,), tense)
    return Resolved(f"{year:04d}-{month:02d}", "month")


def _season_bare(match: re.Match[str], anchor: dt.date, tense: Tense) -> Resolved:
    return _season(anchor, SEASONS[match["season"]], tense)


def _quarter(match: re.Match[str], anchor: dt.date, tense: Tense) -> Resolved:
    """A quarter without a year is the latest one of that number to have begun (reports look back)."""
    quarter = min(int(match["q"]) if match["q"] else ORDINALS[match["ord"]], 4)
    current = (anchor.month - 1) // 3 + 1
    return Resolved(f"{anchor.year - (1 if quarter > current else 0)}-Q{quarter}", "quarter")


def _year(match: re.Match[str], anchor: dt.date, tense: Tense) -> Resolved:
    return Resolved(match["year"], "year")


def _year_rel(match: re.Match[str], anchor: dt.date, tense: Tense) -> Resolved:
    return Resolved(str(anchor.year + {"this": 0, "last": -1, "next": 1}[match["rel"]]), "year")


# --- helpers


def _day(year: int, month: int, day: int) -> Resolved | None:
    try:
        return _day_of(dt.date(year, month, day))
    except ValueError:
        return None


def _day_of(date: dt.date) -> Resolved:
    return Resolved(date.isoformat(), "day")


def _week_value(date: dt.date) -> str:
    year, week, _ = date.isocalendar()
    return f"{year}-W{week:02d}"


def _shift_weeks(anchor: dt.date, weeks: int) -> dt.date:
    return anchor + dt.timedelta(weeks=weeks)


def _direction(rel: str, tense: Tense) -> int:
    """-1 for "last/past/previous", +1 for "next/coming/following", 0 for "this/current"."""
    if rel in ("last", "past", "previous"):
        return -1
    if rel in ("next", "coming", "following"):
        return 1
    return 0


def _shift(anchor: dt.date, unit: str, count: int) -> Resolved | None:
    """`anchor` moved by `count` units, at that unit's granularity ("last month" -> 2021-12)."""
    if unit == "day":
        return _day_of(anchor + dt.timedelta(days=count))
    if unit == "week":
        return Resolved(_week_value(anchor + dt.timedelta(weeks=count)), "week")
    if unit == "month":
        index = anchor.year * 12 + anchor.month - 1 + count
        return Resolved(f"{index // 12:04d}-{index % 12 + 1:02d}", "month")
    if unit == "year":
        return Resolved(f"{anchor.year + count:04d}", "year")
    if unit == "quarter":
        index = anchor.year * 4 + (anchor.month - 1) // 3 + count
        return Resolved(f"{index // 4}-Q{index % 4 + 1}", "quarter")
    if unit == "decade":
        return Resolved(f"{anchor.year // 10 + count:03d}", "decade")
    if unit == "century":
        return Resolved(f"{anchor.year // 100 + count:02d}", "century")
    return None


def _infer_year(anchor: dt.date, target: tuple[int, ...], now: tuple[int, ...], tense: Tense) -> int:
    """Year of a month (or month-day) given without one: looking back, forward, or to the nearest.

    A tense only overrides the nearest reading within a few weeks: "extended the offer until Nov. 16"
    (past verb, written in October) still means the coming Nov. 16, not last year's.
    """
    gap = _months_between(now, target)  # >0 when the target lies later in the year than the anchor
    if tense == "past":  # "in the year ended March 31" (written in October): this year's March
        return anchor.year - 1 if gap > 1 or (gap > 0 and len(target) == 1) else anchor.year
    if tense == "future":  # "will meet in January" (written in October): next year's
        return anchor.year + 1 if gap < -1 or (gap < 0 and len(target) == 1) else anchor.year
    if gap > 6:
        return anchor.year - 1
    if gap < -6:
        return anchor.year + 1
    return anchor.year


def _months_between(now: tuple[int, ...], target: tuple[int, ...]) -> float:
    """Target minus now in months (days count as fractions of a month)."""
    days = (target[1] - now[1]) / 31 if len(target) > 1 and len(now) > 1 else 0.0
    return target[0] - now[0] + days


def _season_year_of(anchor: dt.date) -> int:
    """The year a date's seasons are counted in (January and February belong to the winter begun in December)."""
    return anchor.year - 1 if anchor.month <= 2 else anchor.year


def _season(anchor: dt.date, season: str, tense: Tense, strictly_after: bool = False) -> Resolved:
    """A bare season: the latest begun (past), the next or current one (future), this year's (no tense)."""
    year = _season_year_of(anchor)
    start = dt.date(year, SEASON_MONTH[season], 1)
    if tense == "past":
        year -= 1 if start > anchor else 0
    elif tense == "future" and (_season_end(start) <= anchor or (strictly_after and start <= anchor)):
        year += 1
    return Resolved(f"{year}-{season}", "season")


def _season_end(start: dt.date) -> dt.date:
    month = start.month + 3
    return dt.date(start.year + (month - 1) // 12, (month - 1) % 12 + 1, 1)


_RULES = {
    "iso": _iso,
    "slash": _slash,
    "month_day_year": _full_date,
    "day_month_year": _full_date,
    "month_day": _month_day,
    "day_month": _month_day,
    "month_year": _month_year,
    "season_year": _season_year,
    "season_rel_year": _season_rel_year,
    "quarter_year": _quarter_year,
    "year_quarter": _year_quarter,
    "rel_year_quarter": _rel_year_quarter,
    "ago_quarter": _ago_quarter,
    "part_of_year": _part_of_year,
    "month_rel_year": _month_rel_year,
    "vague_ref": _vague_ref,
    "half_year": _half_year,
    "fiscal": _fiscal,
    "decade": _decade,
    "short_decade": _short_decade,
    "ago": _ago,
    "vague_ago": _vague_ago,
    "year_ago": _year_ago,
    "duration": _duration,
    "rel_weekend": _rel_weekend,
    "rel_unit": _rel_unit,
    "rel_weekday": _rel_weekday,
    "rel_season": _rel_season,
    "rel_month": _rel_month,
    "deictic": _deictic,
    "ref": _ref,
    "weekend": _weekend,
    "weekday": _weekday,
    "month": _month,
    "season": _season_bare,
    "quarter": _quarter,
    "year": _year,
    "year_rel": _year_rel,
}
