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

from spacy.tokens import Token

from newsevents.extract.claims.ages import age_of
from newsevents.extract.claims.filters import (
    OFFSET_WORDS,
    is_actor_count,
    is_age_band,
    is_counted_people,
    is_indefinite_one,
    is_name,
    is_time_offset,
)
from newsevents.extract.claims.lexicon import ClaimWords, claim_words
from newsevents.extract.claims.numbers import CURRENCY_SIGNS, CURRENCY_WORDS
from newsevents.extract.claims.runs import NumberRun, number_runs
from newsevents.extract.claims.subject import (
    COPULAS,
    GROUP_NOUNS,
    MARGIN_NOUNS,
    margin_phrase,
    measured_subject,
    nearest_noun_phrase,
    noun_phrase,
    of_phrase_object,
)
from newsevents.extract.context import ExtractContext
from newsevents.nlp.text import doc_sentences
from newsevents.types import Actor, Claim, Quote

__all__ = ["extract_claims"]

DATE_LABELS = frozenset({"DATE", "TIME", "ORDINAL"})
AGE_WORDS = frozenset({"age", "aged"})
MAX_DAY = 31


def extract_claims(ctx: ExtractContext) -> None:
    words = claim_words()
    sources = _QuoteSources(ctx.quotes)
    claims: list[Claim] = []
    sentences: list[int] = []
    consumed: set[int] = set()
    sentence_starts = [sent.start for sent in doc_sentences(ctx.doc)]
    for number in number_runs(ctx.doc):
        if number.anchor.i in consumed:
            continue
        claim = _claim(ctx, number, words, consumed)
        if claim is not None:
            claim.source = sources.speaker_at(claim.start) or _pledger(ctx, number)
            claim.subject = _speaker_for_i(claim.subject, claim.source)
            claims.append(claim)
            sentences.append(bisect_right(sentence_starts, number.anchor.i) - 1)
    _carry_sources(claims, sentences, ctx.text)
    ctx.claims = claims


# Verbs whose object is a figure their subject puts forward: "The Tories promised 5,000 more police".
PLEDGE_VERBS = frozenset({"promise", "pledge", "propose", "estimate", "predict", "forecast", "announce"})


def _pledger(ctx: ExtractContext, number: NumberRun) -> Actor | None:
    """Who puts a figure forward when no quote holds it: the named subject of a pledge verb whose object holds it."""
    token = number.anchor
    for _ in range(4):  # from the figure up through its noun phrase to the verb
        if token.dep_ in ("dobj", "nsubjpass") or token.head.i == token.i:
            break
        token = token.head
    verb = token.head
    if token.dep_ != "dobj" or verb.lemma_.lower() not in PLEDGE_VERBS:
        return None
    subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    if subject is None:
        return None
    mentions = ctx.actors_in(subject.left_edge.idx, subject.idx + len(subject.text))
    return next((a for a in reversed(mentions) if a.end >= subject.idx), None)


def _carry_sources(claims: list[Claim], sentences: list[int], text: str) -> None:
    """A run of figures in one unit continues the findings of the one attributed before it: "A poll
    suggests 60% back the plan. Only 30% think it will work, while 10% are unsure" — all three are the
    poll's. A figure carries the source of the figure just before it when both are in the same unit, in
    the same or the next sentence of one paragraph, and nothing attributes it otherwise."""
    for k in range(1, len(claims)):
        claim, before = claims[k], claims[k - 1]
        if claim.source is not None or before.source is None or not _same_kind(claim, before):
            continue
        if sentences[k] - sentences[k - 1] > 1 or "\n" in text[before.end : claim.start]:
            continue
        claim.source = before.source


SHARE_UNITS = frozenset({"percent", "fraction"})


def _same_kind(claim: Claim, before: Claim) -> bool:
    """Two figures of one series: shares ("two-thirds ... 40%"), or counts and sums in one unit. Ages are
    asides about people, not findings ("Prince X, 56, and Y, 57, attended")."""
    if claim.unit is None or before.unit is None or (claim.subject or "").startswith("age of "):
        return False
    return claim.unit == before.unit or {claim.unit, before.unit} <= SHARE_UNITS


def _claim(ctx: ExtractContext, number: NumberRun, words: ClaimWords, consumed: set[int]) -> Claim | None:
    """The claim a number makes, or None when it is a date, a name, a time offset or an actor count."""
    if is_age_band(number):
        return None
    currency = _currency(number)
    noun = _counted_noun(number, currency)
    age = _named_person(ctx, age_of(number, noun), number.first.idx)
    if age is None and is_name(number):  # "Maria Lopez, 34, said": an age beside a name is not part of it
        return None
    if age is None and noun is None and currency is None and not number.fraction:
        return _bare_claim(ctx, number, words)
    money = currency is not None  # "pounds 20 per hour" tagged TIME by the model: a sum is never a date
    if age is None and ((not money and _is_date(number, noun, words)) or is_time_offset(noun, words)):
        return None
    if noun is not None and age is None and (is_actor_count(number, noun) or is_indefinite_one(number, noun, words)):
        return None
    unit = _unit(number, noun, currency, words, age)
    rate = _rate(noun if noun is not None and noun.i > number.last.i else number.last, words)
    unit = f"{unit} per {rate}" if unit is not None and rate is not None and age is None else unit
    skip = {t.i for t in number.tokens} | ({currency.i} if currency is not None else set())  # "an £11bn hole"
    if noun is not None and noun.i > 0 and noun.nbor(-1).lower_ == "per":
        skip.add(noun.i - 1)  # "per cent": both words are the unit
    if age is not None:
        subject: str | None = f"age of {age}"
    elif noun is not None and unit == noun.text.lower() and _noun_unit(noun, words) is None:
        # a count ("130,000 Russian troops"); a unit spelled out ("10 percent", "9 points") is a measure below
        subject = _count_subject(noun, skip, words)
    elif noun is not None and _noun_unit(noun, words) is None and noun.lower_ not in CURRENCY_WORDS:
        subject = noun_phrase(noun, skip)  # "a $3 billion aid package": the package
    else:
        head = _measure_head(number, noun, currency)
        subject = measured_subject(head, skip | {head.i})  # "an increase of 3 percent": not "increase of percent"
    end_token = (
        noun if noun is not None and noun.i > number.last.i and age is None and not number.fraction else number.last
    )
    end_char = _conversion_end(noun, consumed) if noun is not None else None
    end_char = end_char or end_token.idx + len(end_token.text)
    if subject is not None and words.unit(tuple(subject.split())) is not None:
        subject = None  # "percent", "points": a unit says nothing about what is measured
    measures = frozenset(w[0] for w in words.units) | words.durations  # "fined £5,000" after "for six months"
    subject = _named_pronoun(ctx, subject or nearest_noun_phrase(number.first, skip, measures), number)
    return _make(ctx, number, currency, end_char, unit, subject, words)


PERSON_PRONOUNS = frozenset({"he", "she", "his", "her", "him"})
MAX_PERSON_DISTANCE = 600


def _named_person(ctx: ExtractContext, age: str | None, start: int) -> str | None:
    """ "The 52-year-old said ...", "She was 34 when ...": an age whose person is not named where it stands
    belongs to the person the story spoke of last (the actor stage resolves pronouns to their names)."""
    if age is None or age.lower() not in PERSON_PRONOUNS | {"person"}:
        return age
    people = [
        a
        for a in ctx.actors_in(max(0, start - MAX_PERSON_DISTANCE), start + 1)
        if a.kind == "person" or (a.kind == "pronoun" and a.text.lower() in PERSON_PRONOUNS)
    ]
    return people[-1].name if people and people[-1].name else age


def _named_pronoun(ctx: ExtractContext, subject: str | None, number: NumberRun) -> str | None:
    """ "He gave £5,000" → "Tom Hill gave": a subject that opens with "he"/"she" names the person the actor
    stage resolved it to, found in the figure's sentence before it."""
    words = (subject or "").split(" ", 1)
    if subject is None or words[0].lower() not in ("he", "she"):
        return subject
    sentence = number.first.sent
    mentions = ctx.actors_in(sentence.start_char, number.first.idx)
    pronoun = next((a for a in reversed(mentions) if a.text == words[0] and a.kind == "pronoun"), None)
    if pronoun is None or not pronoun.name or pronoun.name.lower() == words[0].lower():
        return subject
    return " ".join([pronoun.name, *words[1:]])


def _speaker_for_i(subject: str | None, source: Actor | None) -> str | None:
    """ "I tried for three years", said by Jane Doe → "Jane Doe tried": "I" in a quote is its speaker."""
    words = (subject or "").split(" ", 1)
    if subject is None or words[0] != "I" or source is None or not source.name:
        return subject
    return " ".join([source.name, *words[1:]])


def _make(
    ctx: ExtractContext,
    number: NumberRun,
    currency: Token | None,
    end_char: int,
    unit: str | None,
    subject: str | None,
    words: ClaimWords,
) -> Claim:
    first = currency if currency is not None and currency.i < number.first.i else number.first
    start = _qualifier_start(first, words)
    qualifier = words.qualifiers.get(tuple(t.lower_ for t in ctx.doc[start : first.i]))
    start_char = min(ctx.doc[start].idx, first.idx)
    if ctx.text[end_char - 1] == "." and end_char - start_char > 1:
        end_char -= 1  # "rose to £80m.": the tokenizer keeps the full stop on a scale abbreviation
    text = ctx.text[start_char:end_char]
    return Claim(start_char, end_char, text, number.value, unit, subject, qualifier, None, number.value_max)


def _measure_head(number: NumberRun, noun: Token | None, currency: Token | None) -> Token:
    """The token that carries a measure's place in the sentence: its unit noun, or the currency word
    the parser made the number hang on ("to pounds 150,000"), or the number itself."""
    if noun is not None and noun.head.lower_ == "per" and noun.head.head in number.tokens:
        return noun.head.head  # "Thirty per cent said ...": parsed as the number with "per cent" hanging on it
    if noun is not None:
        return noun
    anchor = number.anchor
    if currency is None:
        return anchor
    inside = {currency.i, *(t.i for t in number.tokens)}
    if currency.head.i not in inside:  # "to pounds 150,000": the currency word carries the phrase
        return currency
    return next((t for t in number.tokens if t.head.i not in inside), anchor)


def _counted_noun(number: NumberRun, currency: Token | None) -> Token | None:
    """The noun a number counts or measures ("130,000 troops", "52m euros", "12 months")."""
    if number.fraction:  # "one in five voters": the share is of the noun after it
        last = number.last
        ratio = len(number.tokens) == 3 and number.tokens[1].lower_ == "in"
        return last.head if ratio and last.dep_ == "nummod" and last.head.pos_ == "NOUN" else None
    after = number.last.i + 1
    doc = number.last.doc
    if after < len(doc) and doc[after].lower_ in CURRENCY_WORDS and currency is None:
        return doc[after]  # "52m euros" parsed as anything
    if after < len(doc) and doc[after].text == "%" and not number.last.whitespace_:
        return doc[after]  # "by 3% to 12%": the sign written against the number is its unit, whatever the parse
    if after + 1 < len(doc) and doc[after].lower_ == "per" and doc[after + 1].lower_ == "cent":
        return doc[after + 1]  # "a 50 per cent chance": the number measures in per cent, whatever the parse
    for token in reversed(number.tokens):
        head = token.head
        counts = head.pos_ in ("NOUN", "SYM") or (head.pos_ == "PROPN" and is_counted_people(head, token))
        if token.dep_ in ("nummod", "quantmod") and counts and head not in number.tokens:
            return head if head.lower_ not in CURRENCY_WORDS or currency is None else None
    return None


def _unit(
    number: NumberRun, noun: Token | None, currency: Token | None, words: ClaimWords, age: str | None
) -> str | None:
    if age is not None:
        return "years"
    if number.fraction:
        return "fraction"
    unit = _noun_unit(noun, words) if noun is not None else None
    if currency is not None and unit is None:
        unit = words.unit((currency.text,))
    if unit is None and noun is not None:
        unit = noun.text.lower()
    return unit


def _rate(last: Token, words: ClaimWords) -> str | None:
    """ "£100 a week", "1.5p per litre", "£30,000 a year": what the figure is given per (left out of the span,
    as the gold convention has it, and put in the unit)."""
    doc = last.doc
    if last.i + 2 >= len(doc):
        return None
    marker, noun = doc[last.i + 1], doc[last.i + 2]
    after = noun.nbor(1).lower_ if noun.i + 1 < len(doc) else ""
    if noun.pos_ != "NOUN" or noun.tag_ != "NN" or after == "of" or after in OFFSET_WORDS:
        return None  # "a rise of": a noun phrase of its own; "£5m a year ago": when, not how often
    if marker.lower_ == "per" and noun.lower_ != "cent":
        return noun.lower_
    if marker.lower_ in ("a", "an") and (noun.lower_ in words.durations or noun.lower_ in words.rates):
        return noun.lower_
    return None


def _noun_unit(noun: Token, words: ClaimWords) -> str | None:
    """The unit a noun names, with the word before it when together they name one ("per cent")."""
    if noun.i > 0:
        unit = words.unit((noun.nbor(-1).text, noun.text))
        if unit is not None:
            return unit
    return words.unit((noun.text,))


def _count_subject(noun: Token, skip: set[int], words: ClaimWords) -> str | None:
    if noun.lower_ in words.durations:  # "waited three months": what lasted that long
        return measured_subject(noun, skip)
    if noun.dep_ == "attr" and noun.head.lemma_.lower() in COPULAS:  # "the average size was 70,000 people"
        return measured_subject(noun, skip) or noun_phrase(noun, skip)
    whole = noun.head
    if noun.dep_ in ("compound", "amod", "nmod") and whole.pos_ in ("NOUN", "PROPN") and whole.i > noun.i:
        if whole.lemma_.lower() in MARGIN_NOUNS:  # "a 12-seat majority" measures the majority
            return margin_phrase(whole, skip | {noun.i})
        # "a 27-nation bloc", "the 12-member board": the parts are counted, and they are parts of the whole
        return f"{_plural(noun)} in {noun_phrase(whole, skip | {noun.i})}"
    holder = noun.head.head if noun.dep_ == "pobj" and noun.head.lower_ == "of" else None
    if holder is not None and holder.lemma_.lower() in MARGIN_NOUNS:  # "a majority of 66 seats" measures the majority
        return margin_phrase(holder, skip | {t.i for t in noun.head.subtree})
    phrase = noun_phrase(noun, skip)
    verb = noun.head
    if noun.dep_ in ("nsubj", "nsubjpass") and verb.lemma_.lower() in words.impact_verbs:
        phrase = f"{phrase} {verb.text}"
    return phrase


def _plural(noun: Token) -> str:
    """The counted noun as a plural ("27-nation" counts nations); irregular plurals are rare in this use."""
    word = noun.lemma_.lower() if noun.tag_ == "NN" else noun.lower_
    if noun.tag_ != "NN" or word.endswith("s"):
        return word
    if word.endswith("y") and word[-2:-1] not in ("a", "e", "o", "u"):
        return word[:-1] + "ies"
    return word + "s"


def _bare_claim(ctx: ExtractContext, number: NumberRun, words: ClaimWords) -> Claim | None:
    """A number without a noun: "Seven of the men", "the total of 659", "the voting age is 18"."""
    anchor = number.anchor
    if anchor.lower_ == "one" or anchor.ent_type_ in ("TIME", "ORDINAL") or _year_like(number):
        return None
    if is_age_band(number):
        return None
    skip = {t.i for t in number.tokens}
    counted = of_phrase_object(anchor)
    unit: str | None
    subject: str | None
    if counted is not None and counted.tag_ in ("NNS", "NNPS"):
        unit, subject = counted.lower_, noun_phrase(counted, skip)
    elif anchor.dep_ == "pobj" and anchor.head.lower_ == "of" and anchor.head.head.pos_ == "PROPN":
        return None  # "the Group of 20"
    else:
        subject = measured_subject(anchor, skip)
        if subject is None or any(w in GROUP_NOUNS for w in subject.lower().split()):
            return None
        unit = number.unit or _tally_unit(number) or ("years" if AGE_WORDS & set(subject.lower().split()) else None)
        rate = _rate(number.last, words)
        unit = f"{unit} per {rate}" if unit is not None and rate is not None else unit
        # a date, unless it is an age ("the age of 21") or people who act ("Of those polled, 45 said ...")
        if anchor.ent_type_ == "DATE" and unit is None and " who " not in subject:
            return None
    return _make(ctx, number, None, number.last.idx + len(number.last.text), unit, subject, words)


def _tally_unit(number: NumberRun) -> str | None:
    """A vote's tally: "passed by 120 votes to 98" (the second figure counts what the first does), "MPs voted
    by 310 to 290" (both count votes)."""
    doc = number.first.doc
    first, last = number.first.i, number.last.i
    if first > 1 and doc[first - 1].lower_ == "to" and doc[first - 2].tag_ == "NNS":
        counted = doc[first - 2]
        if any(c.dep_ == "nummod" for c in counted.children):
            return counted.lower_  # "by 120 votes to 98"
    paired = (first > 1 and doc[first - 1].lower_ == "to" and doc[first - 2].like_num) or (
        last + 2 < len(doc) and doc[last + 1].lower_ == "to" and doc[last + 2].like_num
    )
    verb = number.anchor.head
    for _ in range(3):  # "voted by 229 to 206": the first figure may hang on the second, which hangs on "by"
        if verb.pos_ == "VERB":
            break
        verb = verb.head
    return "votes" if paired and verb.lemma_.lower() == "vote" else None


def _year_like(number: NumberRun) -> bool:
    text = number.anchor.text
    return len(number.tokens) == 1 and text.isdigit() and len(text) == 4 and 1800 <= int(text) <= 2100


def _currency(number: NumberRun) -> Token | None:
    """A currency sign or word just before the number ("$3", "pounds 38.5m")."""
    first = number.first
    if first.i > 0 and first.nbor(-1).lower_ in CURRENCY_SIGNS | CURRENCY_WORDS:
        return first.nbor(-1)
    return None


def _is_date(number: NumberRun, noun: Token | None, words: ClaimWords) -> bool:
    """Years, days of months, clock times and ordinals; durations ("two weeks") are claims."""
    if noun is not None and noun.lower_ in words.durations:
        return False
    if number.anchor.ent_type_ in DATE_LABELS and not number.fraction:
        # "1.5 million people" tagged DATE by the model: a count of a plural noun beyond any day of a month is no date
        return not (noun is not None and noun.tag_ == "NNS" and number.value > MAX_DAY and not _year_like(number))
    return _year_like(number) and (noun is None or noun.tag_ != "NNS")


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


ORGANISATION_KINDS = frozenset({"organisation", "institution", "government"})
NEUTER_PRONOUNS = frozenset({"it", "its"})


def _claimant(speaker: Actor | None, speakers: list[Actor]) -> Actor | None:
    """Who makes a claim, from a quote's speaker: never a figure ("14% said they never voted": the people polled
    are counted, they do not make the claim), and an unresolved "it" is the organisation that spoke last before
    it ("The audit office said ... It said there were 900 cases")."""
    if speaker is None or any(c.isdigit() for c in speaker.text[:1]) or "%" in speaker.text:
        return None
    if speaker.text.lower() not in NEUTER_PRONOUNS or speaker.name.lower() not in NEUTER_PRONOUNS:
        return speaker
    earlier = [a for a in speakers if a.end <= speaker.start and a.kind in ORGANISATION_KINDS]
    return earlier[-1] if earlier and speaker.start - earlier[-1].start < 2000 else speaker


class _QuoteSources:
    """The speaker of the quote whose content holds a position."""

    def __init__(self, quotes: list[Quote]) -> None:
        pieces: list[tuple[int, int, Actor | None]] = []
        speakers = sorted((q.speaker for q in quotes if q.speaker is not None), key=lambda a: a.start)
        for quote in quotes:
            ranges = [(p.start, p.end) for p in quote.parts] or [(quote.start, quote.end)]
            speaker = _claimant(quote.speaker, speakers)
            pieces += [(start, end, speaker) for start, end in ranges]
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
