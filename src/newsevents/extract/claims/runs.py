"""Finding the numbers of a text: runs of number tokens ("130,000", "1.5 million", "38.5m", "17-million")
and fractions ("one-fifth", "a third of", "more than half").

The tokenizer splits "38.5m" into "38.5" + "m" and "17-million" into three tokens: a scale abbreviation
written against the number and a hyphen between a number and a scale word stay in the run.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc, Token

from newsevents.extract.claims.numbers import (
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


@dataclass
class NumberRun:
    tokens: list[Token]
    value: float | int
    fraction: bool = False

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
        run = (_fraction_at(doc, i) or _number_at(doc, i)) if _may_start_run(tokens[i]) else None
        if run is None:
            i += 1
            continue
        runs.append(run)
        i = run.last.i + 1
    return runs


def _may_start_run(token: Token) -> bool:
    """A cheap test passed by every token `_fraction_at` or `_number_at` can start a run at."""
    lower = token.lower_
    if lower in DENOMINATORS or lower in FRACTION_OPENERS:
        return True
    if lower.isalpha() and lower not in SCALES and not token.like_num:
        return False  # a plain word that names no number (no digit in it): most tokens
    return is_number_token(token)


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


def _hyphen_fraction(doc: Doc, i: int) -> bool:
    return i + 2 < len(doc) and doc[i + 1].text == "-" and doc[i + 2].lower_ in DENOMINATORS


def _fraction_at(doc: Doc, i: int) -> NumberRun | None:
    """ "one-fifth", "two thirds of", "a third of", "more than half"."""
    token = doc[i]
    if token.lower_ in DENOMINATORS and token.lower_.startswith("hal"):
        if _share_context(doc, i, i + 1):
            return NumberRun([token], 0.5, fraction=True)
        return None
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


def _share_context(doc: Doc, start: int, end: int) -> bool:
    """A bare "half"/"a third" is a share before "of" or after "more than", "by", "for"; not in "a third term"."""
    if end < len(doc) and doc[end].lower_ == "of":
        return True
    before = doc[start - 1].lower_ if start > 0 else ""
    after_ok = end >= len(doc) or doc[end].is_punct or doc[end].pos_ in ("CCONJ", "ADP")
    return before in SHARE_CUES and after_ok
