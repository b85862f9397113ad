"""Numeric claims: "130,000 Russian troops" → value 130000, unit troops, subject Russian troops.

We walk the tokens once and take each run of number tokens ("130,000", "1.5 million",
"four") that counts a noun (spaCy's `nummod`) or follows a currency sign. The counted noun is
the unit unless `data/claim_units.tsv` names a measure ("km", "%", "$"), in which case the
subject is what is measured ("45 percent of voters" → voters). Hedges before the number give
the qualifier ("over" → more than). A claim inside a quote's content takes the quote's speaker
as its source ("According to … Resnikov, 130,000 …" → Resnikov).

Not claims: years, days of the month, times and ordinals, except durations ("two weeks").
A conversion in parentheses ("75 km (50 miles)") is folded into the claim it converts: the
claim's span covers it and it gives no claim of its own.
"""

from __future__ import annotations

from bisect import bisect_right
from dataclasses import dataclass

from spacy.tokens import Doc, Token

from newsevents.extract.claims.lexicon import ClaimWords, claim_words
from newsevents.extract.claims.numbers import SCALES, is_number_word, parse_number
from newsevents.extract.context import ExtractContext
from newsevents.types import Actor, Claim, Quote

__all__ = ["extract_claims"]

CURRENCY_SIGNS = frozenset({"$", "€", "£", "us$"})
DATE_LABELS = frozenset({"DATE", "TIME", "ORDINAL"})
SUBJECT_DEPS = frozenset({"amod", "compound", "nmod", "poss", "npadvmod"})


@dataclass
class _Number:
    tokens: list[Token]
    value: float | int

    @property
    def anchor(self) -> Token:
        return self.tokens[-1]


def extract_claims(ctx: ExtractContext) -> None:
    words = claim_words()
    sources = _QuoteSources(ctx.quotes)
    claims: list[Claim] = []
    consumed: set[int] = set()
    for number in _numbers(ctx.doc):
        if number.anchor.i in consumed:
            continue
        claim = _claim(ctx, number, words, consumed)
        if claim is not None:
            claim.source = sources.speaker_at(claim.start)
            claims.append(claim)
    ctx.claims = claims


def _numbers(doc: Doc) -> list[_Number]:
    """Maximal runs of number tokens, each with its value."""
    runs: list[list[Token]] = []
    for token in doc:
        if _is_number_token(token):
            if runs and runs[-1][-1].i == token.i - 1:
                runs[-1].append(token)
            else:
                runs.append([token])
    found = []
    for run in runs:
        value = parse_number([t.text for t in run])
        if value is not None:
            found.append(_Number(run, value))
    return found


def _is_number_token(token: Token) -> bool:
    if token.pos_ not in ("NUM", "NOUN", "ADJ", "X", "PROPN"):
        return False
    return token.like_num or token.lower_ in SCALES or is_number_word(token.text)


def _claim(ctx: ExtractContext, number: _Number, words: ClaimWords, consumed: set[int]) -> Claim | None:
    anchor = number.anchor
    currency = _currency(number)
    noun = anchor.head if anchor.dep_ in ("nummod", "quantmod") and anchor.head.pos_ in ("NOUN", "SYM") else None
    if noun is None and currency is None:
        return None
    if _is_date(number, noun, words) or _is_age(noun):
        return None
    unit_words = (noun.text,) if noun is not None else ()
    unit = words.unit(unit_words) if unit_words else None
    first = currency if currency is not None else number.tokens[0]
    start = _qualifier_start(first, words)
    qualifier = words.qualifiers.get(tuple(t.lower_ for t in ctx.doc[start : first.i]))
    start_char = min(ctx.doc[start].idx, first.idx)
    end_token = noun if noun is not None and noun.i > anchor.i else anchor
    end_char = _conversion_end(noun, consumed) if noun is not None else None
    end_char = end_char or end_token.idx + len(end_token.text)
    if currency is not None and unit is None:
        unit = words.unit((currency.text,))
    counts_things = noun is not None and noun.lower_ not in words.durations
    subject = _subject(noun, unit, number, words) if noun is not None and counts_things else None
    if unit is None and noun is not None:
        unit = noun.text.lower()
    text = ctx.text[start_char:end_char]
    return Claim(start_char, end_char, text, number.value, unit, subject, qualifier, None)


def _currency(number: _Number) -> Token | None:
    first = number.tokens[0]
    if first.i > 0 and first.nbor(-1).lower_ in CURRENCY_SIGNS:
        return first.nbor(-1)
    return None


def _is_date(number: _Number, noun: Token | None, words: ClaimWords) -> bool:
    """Years, days of months, clock times and ordinals; durations ("two weeks") are claims."""
    if noun is not None and noun.lower_ in words.durations:
        return False
    anchor = number.anchor
    if anchor.ent_type_ in DATE_LABELS:
        return True
    text = anchor.text
    year_like = len(number.tokens) == 1 and text.isdigit() and len(text) == 4 and 1800 <= int(text) <= 2100
    return year_like and (noun is None or noun.tag_ != "NNS")


def _is_age(noun: Token | None) -> bool:
    """ "a 54-year-old teacher": an age in a compound adjective, not a claim."""
    if noun is None or noun.i + 2 >= len(noun.doc):
        return False
    return noun.nbor(1).text == "-" and noun.nbor(2).lower_ == "old"


def _qualifier_start(token: Token, words: ClaimWords) -> int:
    """Index of the first token of a hedge just before the number ("more than", "up to")."""
    first = token.i
    doc = token.doc
    for length in (3, 2, 1):
        if first - length < 0:
            continue
        span = tuple(t.lower_ for t in doc[first - length : first])
        if span in words.qualifiers:
            return first - length
    return first


def _conversion_end(noun: Token, consumed: set[int]) -> int | None:
    """`75 km (50 miles)`: the parenthetical is the same distance; swallow it into this claim."""
    for child in noun.rights:
        if child.dep_ != "appos" or child.i - noun.i > 4:
            continue
        before = noun.doc[noun.i + 1 : child.i]
        numbers = [c for c in child.children if c.dep_ == "nummod"]
        if numbers and any(t.text == "(" for t in before):
            consumed.update(t.i for n in numbers for t in n.subtree)
            closing = next((t for t in noun.doc[child.i + 1 : child.i + 3] if t.text == ")"), child)
            return closing.idx + len(closing.text)
    return None


def _subject(noun: Token, unit: str | None, number: _Number, words: ClaimWords) -> str | None:
    """What is counted: the noun phrase without the number ("Russian troops"), or for a
    measure, what it measures ("45 percent of voters" → voters); plus an impact verb."""
    head = noun
    if unit is not None:
        of = next((c for c in noun.rights if c.dep_ == "prep" and c.lower_ == "of"), None)
        target = next((c for c in of.children if c.dep_ == "pobj"), None) if of is not None else None
        if target is None:
            return None
        head = target
    skip = {t.i for t in number.tokens}
    modifiers = [t for c in head.lefts if c.dep_ in SUBJECT_DEPS for t in c.subtree if t.i not in skip]
    phrase = " ".join(t.text for t in sorted([*modifiers, head], key=lambda t: t.i))
    verb = head.head
    if head.dep_ in ("nsubj", "nsubjpass") and verb.lemma_.lower() in words.impact_verbs:
        phrase = f"{phrase} {verb.text}"
    return phrase


class _QuoteSources:
    """The speaker of the quote whose content holds a position."""

    def __init__(self, quotes: list[Quote]) -> None:
        pieces: list[tuple[int, int, Actor | None]] = []
        for quote in quotes:
            ranges = [(p.start, p.end) for p in quote.parts] or [(quote.start, quote.end)]
            pieces += [(start, end, quote.speaker) for start, end in ranges]
        pieces.sort(key=lambda p: p[0])
        self.pieces = pieces
        self.starts = [p[0] for p in pieces]

    def speaker_at(self, pos: int) -> Actor | None:
        k = bisect_right(self.starts, pos) - 1
        while k >= 0:
            start, end, speaker = self.pieces[k]
            if start <= pos < end and speaker is not None:
                return speaker
            if pos - start > 5000:
                break
            k -= 1
        return None
