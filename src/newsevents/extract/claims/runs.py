"""Finding the numbers of a text: runs of number tokens ("130,000", "1.5 million", "38.5m", "17-million")
and fractions ("one-fifth", "a third of", "more than half").

The tokenizer splits "38.5m" into "38.5" + "m" and "17-million" into three tokens: a scale abbreviation
written against the number and a hyphen between a number and a scale word stay in the run.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from spacy.tokens import Doc, Token

from newsevents.extract.claims.numbers import (
    CURRENCY_SIGNS,
    CURRENCY_WORDS,
    DENOMINATORS,
    SCALE_ABBREVIATIONS,
    SCALES,
    WORD_VALUES,
    is_number_word,
    parse_fraction,
    parse_number,
)
from newsevents.nlp.text import doc_tokens

FRACTION_OPENERS = frozenset({"a", "one", *WORD_VALUES})
# Words before a bare "half"/"a third" that make it a share: "more than half", "by a third", "for a third".
SHARE_CUES = frozenset({"than", "nearly", "almost", "about", "around", "over", "by", "for", "to", "just", "some"})


# "the second half was dull", "the party's third said": a part named, not a share
NOT_SHARE_OPENERS = frozenset({"the", "this", "that", "first", "second", "other", "latter", "'s", "his", "her", "its"})
MAX_RATIO_BASE = 100  # "one in five", "three in 10", "one in 100"; never a year
RATIO_BREAKERS = frozenset(
    "second seconds minute minutes hour hours day days week weeks month months year years decade decades".split()
)
PENCE = re.compile(r"([0-9]+(?:\.[0-9]+)?)p")
MAX_RANGE_GAP = 2  # "3% to 5%": a sign and a connector at most
RANGE_CONNECTORS = frozenset({"to", "-", "–", "or"})
# "rose by 3% to 12%", "from 5 to 7": a change between two figures, each a claim of its own, not a range.
CHANGE_OPENERS = frozenset({"by", "from"})


@dataclass
class NumberRun:
    tokens: list[Token]
    value: float | int
    fraction: bool = False
    value_max: float | int | None = None  # a range ("between 2,000 and 3,000") runs from value to value_max
    unit: str | None = None  # a unit written into the number itself ("1p": pence)

    @property
    def anchor(self) -> Token:
        """The token that carries the run's syntax: the last one that is not a scale abbreviation."""
        for token in reversed(self.tokens):
            if token.text != "-" and token.lower_.rstrip(".") not in SCALE_ABBREVIATIONS:
                return token
        return self.tokens[-1]

    @property
    def first(self) -> Token:
        return self.tokens[0]

    @property
    def last(self) -> Token:
        return self.tokens[-1]


def number_runs(doc: Doc) -> list[NumberRun]:
    """Every number of the text in order, each with its value."""
    runs: list[NumberRun] = []
    tokens = doc_tokens(doc)
    i = 0
    while i < len(tokens):
        run = (_fraction_at(doc, i) or _number_at(doc, i) or _pence(tokens[i])) if _may_start_run(tokens[i]) else None
        if run is None:
            i += 1
            continue
        runs.append(run)
        i = run.last.i + 1
    return _join_ranges(doc, runs)


def _join_ranges(doc: Doc, runs: list[NumberRun]) -> list[NumberRun]:
    """ "between 2.5 and 3 million", "20 or 30 years", "2,000 to 3,000 people": one figure from the low end
    to the high end, the low end scaled like the high one ("2.5 ... million" is 2,500,000)."""
    joined: list[NumberRun] = []
    for run in runs:
        low = joined[-1] if joined else None
        if low is not None and _is_range(doc, low, run):
            value = _scaled_low(low, run)
            joined[-1] = NumberRun(list(doc[low.first.i : run.last.i + 1]), value, value_max=run.value)
        else:
            joined.append(run)
    return joined


def _is_range(doc: Doc, low: NumberRun, high: NumberRun) -> bool:
    if low.fraction or high.fraction or low.value_max is not None or _year(low) or _year(high):
        return False
    if high.first.i - low.last.i > MAX_RANGE_GAP + 1:
        return False  # most neighbouring figures are far apart: never read the words between them
    gap = [t.lower_ for t in doc[low.last.i + 1 : high.first.i]]
    if gap[:1] == ["%"]:
        gap = gap[1:]  # "3% to 5%"
    if len(gap) != 1 or _scaled_low(low, high) >= high.value:
        return False  # "won 52 to 39": a score, not a range
    before = doc[low.first.i - 1].lower_ if low.first.i > 0 else ""
    if before in CURRENCY_SIGNS or before in CURRENCY_WORDS:
        return False  # "from pounds 808m to 8,177 cases": a sum then a count, not one range
    if gap[0] == "and":
        return before == "between"
    return gap[0] in RANGE_CONNECTORS and before not in CHANGE_OPENERS


def _year(run: NumberRun) -> bool:
    text = run.first.text
    return len(run.tokens) == 1 and text.isdigit() and len(text) == 4 and 1800 <= int(text) <= 2100


def _scaled_low(low: NumberRun, high: NumberRun) -> float | int:
    scales = [t.text for t in high.tokens if t.lower_ in SCALES or t.lower_.rstrip(".") in SCALE_ABBREVIATIONS]
    if not scales or any(t.lower_ in SCALES or t.lower_.rstrip(".") in SCALE_ABBREVIATIONS for t in low.tokens):
        return low.value
    return parse_number([t.text for t in low.tokens if t.text != "-"] + scales) or low.value


def _may_start_run(token: Token) -> bool:
    """A cheap test passed by every token `_fraction_at` or `_number_at` can start a run at."""
    lower = token.lower_
    if lower in DENOMINATORS or lower in FRACTION_OPENERS:
        return True
    if lower.isalpha() and lower not in SCALES and not token.like_num:
        return False  # a plain word that names no number (no digit in it): most tokens
    return is_number_token(token) or (lower[:1].isdigit() and PENCE.fullmatch(lower) is not None)


def _pence(token: Token) -> NumberRun | None:
    """ "a 1p cut in income tax", "rose by 3p to 50p": British pence written against the number."""
    match = PENCE.fullmatch(token.lower_)
    return NumberRun([token], parse_number([match.group(1)]) or 0, unit="pence") if match is not None else None


def is_number_token(token: Token) -> bool:
    if token.pos_ not in ("NUM", "NOUN", "ADJ", "X", "PROPN", "DET"):
        return False
    if token.pos_ == "DET" and token.lower_ != "one":
        return False
    return token.like_num or token.lower_ in SCALES or is_number_word(token.text)


def _number_at(doc: Doc, i: int) -> NumberRun | None:
    if not is_number_token(doc[i]):
        return None
    end = i + 1
    while end < len(doc):
        token, before = doc[end], doc[end - 1]
        if _digit_after_digit(before, token):
            break  # "a panel of 300 18-year-olds": two figures side by side, not one
        if is_number_token(token) and not _hyphen_fraction(doc, end):
            end += 1
        elif not before.whitespace_ and token.lower_.rstrip(".") in SCALE_ABBREVIATIONS:
            end += 1  # "38.5m", "3bn"
        elif (
            token.text == "-"
            and not before.whitespace_
            and not token.whitespace_
            and end + 1 < len(doc)
            and doc[end + 1].lower_ in SCALES
        ):
            end += 1  # "17-million"
        else:
            break
    tokens = list(doc[i:end])
    value = parse_number([t.text for t in tokens if t.text != "-"])
    return NumberRun(tokens, value) if value is not None else None


def _digit_after_digit(before: Token, token: Token) -> bool:
    return token.text[:1].isdigit() and before.text[:1].isdigit()


def _hyphen_fraction(doc: Doc, i: int) -> bool:
    return i + 2 < len(doc) and doc[i + 1].text == "-" and doc[i + 2].lower_ in DENOMINATORS


def _fraction_at(doc: Doc, i: int) -> NumberRun | None:
    """ "one-fifth", "two thirds of", "a third of", "more than half"."""
    token = doc[i]
    if token.lower_ in DENOMINATORS and token.lower_.startswith("hal"):
        if _share_context(doc, i, i + 1):
            return NumberRun([token], 0.5, fraction=True)
        return None
    ratio = _ratio_at(doc, i)
    if ratio is not None:
        return ratio
    if token.lower_ not in FRACTION_OPENERS or i + 1 >= len(doc):
        return None
    if _hyphen_fraction(doc, i) and not token.whitespace_ and not doc[i + 1].whitespace_:
        value = parse_fraction(token.text, doc[i + 2].text)
        return NumberRun(list(doc[i : i + 3]), value, fraction=True) if value is not None else None
    nxt = doc[i + 1]
    if nxt.lower_ in DENOMINATORS and _share_context(doc, i, i + 2):
        value = parse_fraction(token.text, nxt.text)
        return NumberRun([token, nxt], value, fraction=True) if value is not None else None
    return None


def _ratio_at(doc: Doc, i: int) -> NumberRun | None:
    """ "one in five voters", "three in 10 adults", "1 in 4": a share written as a ratio."""
    if i + 2 >= len(doc) or doc[i + 1].lower_ != "in":
        return None
    top, bottom = parse_number([doc[i].text]), parse_number([doc[i + 2].text])
    after = doc[i + 3 : i + 4].text.lower()
    if top is None or bottom is None or not 0 < top < bottom <= MAX_RATIO_BASE or top != int(top):
        return None  # "reduced to 18 in 1969": a figure and a year
    if after in SCALES or after in RATIO_BREAKERS or doc[i + 2].ent_type_ in ("DATE", "TIME"):
        return None  # "one in 2 million", "3 in 10 minutes": a count and a span, not a share
    return NumberRun(list(doc[i : i + 3]), round(top / bottom, 4), fraction=True)


def _share_context(doc: Doc, start: int, end: int) -> bool:
    """A bare "half"/"a third" is a share before "of" or after "more than", "by", "for"; not in "a third term"."""
    if end < len(doc) and doc[end].lower_ == "of":
        return True
    before = doc[start - 1].lower_ if start > 0 else ""
    if end < len(doc) and doc[end].pos_ in ("AUX", "VERB") and doc[end].tag_ != "VBG":
        # "A third were opposed", "half said they would vote": a share that acts; not "the second half was"
        return before not in NOT_SHARE_OPENERS
    after_ok = end >= len(doc) or doc[end].is_punct or doc[end].pos_ in ("CCONJ", "ADP")
    return before in SHARE_CUES and after_ok
