"""Numbers as written in news ("130,000", "1.5 million", "four", "two hundred") to values."""

from __future__ import annotations

from functools import lru_cache

WORD_VALUES = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15,
    "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40,
    "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90, "dozen": 12,
}  # fmt: skip
CURRENCY_SIGNS = frozenset({"$", "€", "£", "us$"})
CURRENCY_WORDS = frozenset({"pounds", "euros", "dollars"})  # "pounds 38.5m": a sign spelled out
SCALES = {"hundred": 100, "thousand": 1_000, "million": 1_000_000, "billion": 1_000_000_000, "trillion": 10**12}
SCALE_ABBREVIATIONS = {"k": 1_000, "m": 1_000_000, "mn": 1_000_000, "bn": 1_000_000_000}
# "one-fifth", "a third", "two thirds", "half": a share of something.
DENOMINATORS = {
    "half": 2, "halves": 2, "third": 3, "thirds": 3, "quarter": 4, "quarters": 4, "fifth": 5, "fifths": 5,
    "sixth": 6, "sixths": 6, "tenth": 10, "tenths": 10,
}  # fmt: skip


@lru_cache(maxsize=65536)  # asked for most nouns and adjectives of every article: ~2 % of the parse uncached
def is_number_word(word: str) -> bool:
    lowered = word.lower()
    return lowered in WORD_VALUES or lowered in SCALES or _digits(lowered) is not None


def _digits(word: str) -> float | None:
    cleaned = word.replace(",", "")
    for suffix, scale in SCALE_ABBREVIATIONS.items():
        if cleaned.endswith(suffix) and cleaned[: -len(suffix)].replace(".", "", 1).isdecimal():
            return float(cleaned[: -len(suffix)]) * scale
    if cleaned.replace(".", "", 1).isdecimal() and "," not in word[-3:-1]:
        return float(cleaned)
    return None


def parse_number(words: list[str]) -> float | None:
    """The value of a run of number words, or None when it is not a number we understand.

    "130,000" → 130000, "1.5 million" → 1500000, "two hundred thousand" → 200000, "four" → 4.
    """
    total = 0.0
    current = 0.0
    seen = False
    for raw in words:
        word = raw.lower().strip("-").rstrip(".")
        if not word or word == "and":
            continue
        digits = _digits(word)
        if digits is not None:
            current += digits
        elif word in SCALE_ABBREVIATIONS and seen:  # "38.5 m" when the tokenizer split "38.5m"
            total, current = total + current * SCALE_ABBREVIATIONS[word], 0.0
        elif word in WORD_VALUES:
            current += WORD_VALUES[word]
        elif word in SCALES:
            current = (current or 1) * SCALES[word]
            if SCALES[word] >= 1000:
                total, current = total + current, 0.0
        else:
            return None
        seen = True
    return _tidy(total + current) if seen else None


def _tidy(value: float) -> float | int:
    return int(value) if value == int(value) and abs(value) < 1e18 else round(value, 6)


def parse_fraction(numerator: str, denominator: str) -> float | None:
    """ "one" + "fifth" → 0.2, "a" + "third" → 0.3333, "" + "half" → 0.5; None when not a fraction."""
    parts = DENOMINATORS.get(denominator.lower())
    if parts is None:
        return None
    top = 1 if numerator.lower() in ("", "a", "one") else WORD_VALUES.get(numerator.lower())
    if top is None or (top >= parts and parts != 2):
        return None
    return round(top / parts, 4)
