"""Words of date expressions: month and weekday names, seasons, number words, TIMEX3 unit letters."""

from __future__ import annotations

import re

MONTHS = {
    "january": 1, "jan": 1, "february": 2, "feb": 2, "march": 3, "mar": 3, "april": 4, "apr": 4, "may": 5,
    "june": 6, "jun": 6, "july": 7, "jul": 7, "august": 8, "aug": 8, "september": 9, "sept": 9, "sep": 9,
    "october": 10, "oct": 10, "november": 11, "nov": 11, "december": 12, "dec": 12,
}  # fmt: skip
WEEKDAYS = {"monday": 0, "tuesday": 1, "wednesday": 2, "thursday": 3, "friday": 4, "saturday": 5, "sunday": 6}
SEASONS = {"spring": "SP", "summer": "SU", "autumn": "FA", "fall": "FA", "winter": "WI"}
SEASON_MONTH = {"SP": 3, "SU": 6, "FA": 9, "WI": 12}  # first month (meteorological seasons)
ORDINALS = {"first": 1, "second": 2, "third": 3, "fourth": 4, "final": 4, "last": 4}
NUMBERS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10,
    "eleven": 11, "twelve": 12, "fifteen": 15, "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50,
    "hundred": 100, "a": 1, "an": 1,
}  # fmt: skip
UNIT_LETTERS = {"day": "D", "week": "W", "month": "M", "year": "Y", "decade": "DE", "century": "CE", "quarter": "Q"}


def number(word: str | None) -> int | None:
    """An integer from digits or a number word ("two" -> 2); None for anything else."""
    if word is None:
        return None
    return int(word) if word.isdigit() else NUMBERS.get(word)


_TENS = {"twenty": 2, "thirty": 3, "forty": 4, "fifty": 5, "sixty": 6, "seventy": 7, "eighty": 8, "ninety": 9}
_UNITS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9}
_SPELLED_YEAR = re.compile(
    r"\bnineteen[\s-]+(?P<tens>" + "|".join(_TENS) + r")(?:[\s-]+(?P<unit>" + "|".join(_UNITS) + r"))?\b"
    r"|\btwo thousand(?:\s+and)?(?:[\s-]+(?P<unit2>" + "|".join(_UNITS) + r"))?\b"
)


def spelled_years_to_digits(text: str) -> str:
    """ "nineteen ninety-six" -> "1996", "two thousand and one" -> "2001" (broadcast transcripts spell years)."""

    def digits(match: re.Match[str]) -> str:
        if match["tens"]:
            return f"19{_TENS[match['tens']]}{_UNITS.get(match['unit'] or '', 0)}"
        return f"200{_UNITS.get(match['unit2'] or '', 0)}"

    return _SPELLED_YEAR.sub(digits, text)
