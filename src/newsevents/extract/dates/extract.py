"""Finding date expressions and resolving them against the publication date.

Spans come from spaCy's DATE entities (and TIME entities that name a day, "Thursday night") plus our
own patterns for the shapes the small model misses ("on Thursday", "last spring", "Q3", "2021-03-04").
Each span is resolved by `resolve.resolve` with the tense of the verb that governs it, so "on Wednesday"
looks back in "met on Wednesday" and forward in "will meet on Wednesday".
"""

from __future__ import annotations

import datetime as dt
import itertools
import re

from spacy.tokens import Doc, Span, Token

from newsevents.extract.context import ExtractContext
from newsevents.extract.dates.resolve import Tense, resolve
from newsevents.nlp.text import children_of, doc_ents, doc_text, sentence_of
from newsevents.types import DateRef

FUTURE_AUX = {"will", "'ll", "’ll", "shall", "wo"}
DUE_WORDS = {"payable", "due"}
MODALS = {"may", "might", "could", "would", "should", "must", "can"}
# Verbs whose infinitive complement lies ahead: "plans to meet in May", "is expected to vote on Monday".
FUTURE_HEADS = {"plan", "expect", "schedule", "set", "due", "intend", "aim", "hope", "prepare", "go", "want", "agree"}

_MONTH_NAME = (
    r"(?:January|February|April|June|July|August|September|October|November|December"
    r"|Jan|Feb|Apr|Aug|Sept|Sep|Oct|Nov|Dec)\.?"
)
_AMBIGUOUS_MONTH = r"(?:March|May|Mar|Jun|Jul)"  # also verbs or names: only with a day or year, or after "in"
_WEEKDAY = r"(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
_SEASON = r"(?:spring|summer|autumn|fall|winter)"
_UNIT = r"(?:day|week|weekend|month|year|quarter|decade|century)"
_NUM = r"(?:\d+|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|a|an|a few|several|many)"
# Every pattern starts a word: testing that once per position, before trying the patterns one by one,
# makes the scan about twice as fast and finds the same spans.
_DETECT = re.compile(
    r"\b(?=\w)(?:"
    + "|".join(
        [
            r"\b\d{4}-\d{2}-\d{2}\b",
            rf"\b(?:(?:mid|early|late)-?\s?)?{_MONTH_NAME}(?:\s+\d{{1,2}}(?:st|nd|rd|th)?)?(?:,?\s+\d{{4}})?\b",
            rf"\b\d{{1,2}}\s+(?:{_MONTH_NAME}|{_AMBIGUOUS_MONTH})(?:,?\s+\d{{4}})?\b",
            rf"\b{_AMBIGUOUS_MONTH}\.?\s+\d{{1,2}}(?:,?\s+\d{{4}})?\b",
            rf"\b{_AMBIGUOUS_MONTH}\.?,?\s+\d{{4}}\b",
            rf"(?<=\bin\s){_AMBIGUOUS_MONTH}\b",
            rf"\b(?:(?:this|last|next|past|coming|previous)\s+)?{_WEEKDAY}\b",
            r"\b(?:yesterday|today|tomorrow|tonight)\b",
            rf"\b(?i:this|last|next|past|coming|previous|current)\s+(?:{_UNIT}|{_SEASON})\b",  # "This year"
            rf"\b{_SEASON}\s+(?:of\s+)?(?:this|last|next)\s+year\b",
            rf"\b(?:(?:this|last|next|the)\s+)?{_SEASON}(?:\s+of)?\s+\d{{4}}\b",
            rf"(?<=\bin\s)(?:the\s+)?{_SEASON}\b",
            rf"\b(?:the\s+)?(?:next|past|last|coming|previous)\s+{_NUM}\s+{_UNIT}s\b",
            rf"\b{_NUM}\s+{_UNIT}s?\s+ago\b",
            r"\b(?:the\s+)?(?:1[89]|20)\d0'?s\b",
            r"\bQ[1-4](?:\s+\d{4})?\b",
            r"\b(?:first|second|third|fourth)-quarter\b",
            r"\b(?i:now|currently|recently|previously|nowadays|soon)\b",  # also first in a sentence: "Now, ..."
            r"\b(?:the\s+)?(?:near\s+)?(?:past|future)\b(?!\s+(?:tense|participle))",
            r"\b(?:recent|coming)\s+(?:days|weeks|months|years|decades)\b",
            r"\b(?i:then[\s-])?(?i:current|recent)(?=\s+(?!account)[a-z])",  # "the current system": now; "then current"
            r"\bthe\s+(?:(?:latest|same|year-ago|year-earlier)\s+)?quarter\b",
            r"\b(?:the\s+)?year-(?:ago|earlier)(?:\s+(?:quarter|period))?\b",  # "year-ago profit"
        ]
    )
    + ")"
)
# A bare year only after a preposition ("in 2014"), so counts ("2014 people") stay out.
_YEAR_AFTER_PREP = re.compile(r"\b(?:in|since|by|until|of|from|during|before|after|through|to)\s+((?:1[89]|20)\d{2})\b")
# Phrases whose period is the quarter the text is about: "the quarter", "the latest quarter", "a year earlier",
# "the year-ago quarter". Only used once a quarter has been named.
_QUARTER_ANAPHOR = re.compile(
    r"^the\s+(?:(?:latest|same|year-ago|year-earlier|comparable|(?:1[89]|20)\d{2})\s+)?(?:quarter|period)$"
    r"|^(?:a|one)\s+year\s+(?:ago|earlier)$|^(?:the\s+)?year-(?:ago|earlier)\s+(?:quarter|period)$"
    r"|^last\s+year'?s\s+(?:quarter|period)$|^the\s+(?:quarter|period)\s+(?:a\s+year\s+(?:ago|earlier)|last\s+year)$",
    re.IGNORECASE,
)
_YEAR_AGO = re.compile(r"year-(?:ago|earlier)$", re.IGNORECASE)
_GENERIC_DETERMINERS = {"a", "an", "every", "each", "any"}
_UNIT_WORDS = {"day", "week", "weekend", "month", "year", "morning", "afternoon", "evening", "night", "summer",
               "winter", "spring", "autumn", "fall"}  # fmt: skip
_FOLLOWING = re.compile(
    r"^the\s+(?:following|next|coming|subsequent)\s+(?:(?P<n>two|three|four|five|six|seven|eight|nine|ten|\d+)\s+)?"
    r"(?P<unit>day|week|month|year)s?$",
    re.IGNORECASE,
)
_COUNTS = {"two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10}
_COUNTS.update({str(n): n for n in range(1, 100)})
# Relative expressions that count from when something was said: "next week", "tomorrow", "last month".
_RELATIVE = re.compile(r"\b(?:next|last|this|coming|past|previous|yesterday|today|tomorrow|ago)\b", re.IGNORECASE)
_SPEECH_LEMMAS = {"say", "tell", "announce", "speak", "state", "declare", "write", "warn", "predict", "promise",
                  "pledge", "add", "insist", "claim", "report"}  # fmt: skip
_RANGE_WORDS = {"to", "through", "and", "until", "till", "ended", "ending"}
_AGE = re.compile(r"^\d+[- ](?:year|month|week|day)s?[- ]old", re.IGNORECASE)


def extract_dates(ctx: ExtractContext) -> None:
    """Set `ctx.dates`: every date expression we can resolve, in text order."""
    refs = []
    last_quarter: str | None = None  # the reporting period under discussion, for "the quarter", "a year earlier"
    quarter_sentence = -1  # where it was last named
    spans = [s for s in find_date_spans(ctx.doc) if not _is_generic(s)]
    speech_dates = _speech_dates(spans, ctx.published)
    for span in spans:
        if last_quarter and _refers_to_quarter(span, quarter_sentence):
            refs.append(_quarter_anaphor(span, last_quarter, ctx.published))
            continue
        duration = _duration_after_for(span)
        if duration is not None:
            refs.append(DateRef(span.start_char, span.end_char, span.text, duration, "duration"))
            continue
        speech = speech_dates.get(sentence_of(span).start)
        relative = _RELATIVE.search(span.text) is not None
        said_on = speech[1] if speech is not None and speech[0] != span.start and relative else ctx.published
        resolved = resolve(span.text, said_on, tense_of(span))
        if resolved is None:
            continue
        if resolved.granularity == "quarter":
            last_quarter, quarter_sentence = resolved.value, sentence_of(span).start
        refs.append(DateRef(span.start_char, span.end_char, span.text, resolved.value, resolved.granularity))
    ctx.dates = refs


def _refers_to_quarter(span: Span, quarter_sentence: int) -> bool:
    """ "the quarter", "a year earlier", "the year-ago period" once a quarter has been named; a bare "year-ago"
    ("up from a year-earlier profit") only in the sentence that names the quarter, else it is the year."""
    if _QUARTER_ANAPHOR.match(span.text):
        return True
    if not _YEAR_AGO.search(span.text):
        return False
    following = span.doc[span.end].lower_ if span.end < len(span.doc) else ""
    return following in ("quarter", "period") or sentence_of(span).start == quarter_sentence


def _is_generic(span: Span) -> bool:
    """ "a quiet weekend", "every month", "on Sundays": a kind of time, not a date."""
    doc = span.doc
    first = span[0]
    if len(span) == 1 and first.lower_.endswith("days") and first.is_title:
        return True  # "on Sundays"
    if span[-1].lower_ not in _UNIT_WORDS or len(span) > 3:
        return False
    if first.lower_ in _GENERIC_DETERMINERS:
        return True
    i = span.start - 1
    while i >= 0 and doc[i].pos_ in ("ADJ", "ADV") and span.start - i <= 2:
        i -= 1
    return i >= 0 and doc[i].lower_ in _GENERIC_DETERMINERS


def _duration_after_for(span: Span) -> str | None:
    """ "for the following month", "for the next two weeks": how long, not when (a TIMEX3 duration)."""
    doc = span.doc
    if span.start == 0 or doc[span.start - 1].lower_ not in ("for", "throughout"):
        return None
    match = _FOLLOWING.match(span.text)
    if match is None:
        return None
    count = _COUNTS.get(match["n"].lower()) if match["n"] else 1
    if count is None:
        return None
    return f"P{count}{match['unit'][0].upper()}"


def _speech_dates(spans: list[Span], published: dt.date | None) -> dict[int, tuple[int, dt.date]]:
    """Sentence start → (start of the date, the day) when a speech verb in that sentence is dated ("said on
    Tuesday", "speaking on March 3"): relative dates in what was said count from that day."""
    dated: dict[int, tuple[int, dt.date]] = {}
    for span in spans:
        verb = _governing_verb(span.root)
        if verb is None or verb.lemma_.lower() not in _SPEECH_LEMMAS or span.root.dep_ not in ("pobj", "npadvmod"):
            continue
        resolved = resolve(span.text, published, tense_of(span))
        if resolved is not None and resolved.value and re.fullmatch(r"\d{4}-\d{2}-\d{2}", resolved.value):
            dated.setdefault(sentence_of(span).start, (span.start, dt.date.fromisoformat(resolved.value)))
    return dated


def _quarter_anaphor(span: Span, quarter: str, published: dt.date | None) -> DateRef:
    """ "the quarter" is the quarter last named; "a year earlier" or "last year's quarter" (after one) is that
    quarter a year before, "the 1988 quarter" that quarter in 1988; "the latest quarter" is the last one
    completed before publication (results are reported after a quarter closes)."""
    year, number = quarter.split("-Q")
    named_year = re.search(r"\b(?:1[89]|20)\d{2}\b", span.text)
    if named_year is not None:
        year = named_year.group(0)
    elif re.search(r"year[\s-](?:ago|earlier)|last\s+year", span.text, re.IGNORECASE):
        year = str(int(year) - 1)
    elif "latest" in span.text.lower() and published is not None:
        index = published.year * 4 + (published.month - 1) // 3 - 1
        year, number = str(index // 4), str(index % 4 + 1)
    return DateRef(span.start_char, span.end_char, span.text, f"{year}-Q{number}", "quarter")


def find_date_spans(doc: Doc) -> list[Span]:
    """spaCy DATE (and day-naming TIME) entities, plus our pattern matches outside them."""
    spans: list[Span] = [part for ent in doc_ents(doc) if _is_date_entity(ent) for part in _split_range(ent)]
    taken = {t.i for span in spans for t in span}
    text = doc_text(doc)
    found = [m.span() for m in _DETECT.finditer(text)] + [m.span(1) for m in _YEAR_AFTER_PREP.finditer(text)]
    for start, end in found:
        span = doc.char_span(start, end, alignment_mode="expand")
        if span is not None and len(span) and not any(t.i in taken for t in span):
            spans.append(span)
            taken.update(t.i for t in span)
    return sorted(spans, key=lambda s: s.start)


def _split_range(ent: Span) -> list[Span]:
    """ "Aug. 26 to Oct. 20", "between 1985 and 1987", "the quarter ended Sept. 30": one span per date."""
    cuts = [t.i for t in ent if t.lower_ in _RANGE_WORDS and ent.start < t.i < ent.end - 1]
    if not cuts:
        return [ent]
    bounds = [ent.start, *cuts, ent.end]
    parts = [ent.doc[a + (1 if a in cuts else 0) : b] for a, b in itertools.pairwise(bounds)]
    return [p for p in parts if (len(p) and p[0].lower_ != "between") or len(p) > 1]


def _is_date_entity(ent: Span) -> bool:
    if _AGE.match(ent.text):
        return False
    if ent.label_ == "DATE":
        return True
    return ent.label_ == "TIME" and re.search(_WEEKDAY + r"|yesterday|today|tomorrow|tonight", ent.text) is not None


def tense_of(span: Span) -> Tense:
    """Tense of the verb governing a date phrase: "past", "future", "present" or None."""
    if span.start > 0 and span.doc[span.start - 1].lower_ in DUE_WORDS:
        return "future"  # "declared a dividend payable Dec. 15": the payment lies ahead whatever the verb
    verb = _governing_verb(span.root)
    if verb is None:
        return None
    auxes = [c for c in children_of(verb) if c.dep_ in ("aux", "auxpass")]
    words = {a.lower_ for a in auxes}
    if words & FUTURE_AUX or words & MODALS:
        return "future"
    if "to" in words and verb.head.i != verb.i and verb.head.lemma_ in FUTURE_HEADS:
        return "future"
    if verb.tag_ == "VBD" or any(a.tag_ == "VBD" for a in auxes):
        return "past"
    if verb.tag_ == "VBN" and any(a.lemma_ == "have" for a in auxes):
        return "past"
    if verb.tag_ == "VBG" and any(a.tag_ in ("VBZ", "VBP") for a in auxes):
        return "future"  # "is meeting on Wednesday"
    if verb.tag_ == "VBN" and verb.lemma_ in FUTURE_HEADS and any(a.dep_ == "auxpass" for a in auxes):
        return "future"  # "talks are scheduled for Monday"
    if verb.tag_ == "VBN" and verb.lemma_ in ("schedule", "plan", "expect") and not auxes:
        return "future"  # "a vote scheduled for Friday"
    if verb.tag_ == "VBN" and not auxes:
        return "past"  # a participle modifier: "the year ended March 31", "a record set on Aug. 6"
    return "present" if verb.tag_ in ("VBZ", "VBP") else None


def _governing_verb(token: Token) -> Token | None:
    for _ in range(5):
        if token.pos_ in ("VERB", "AUX"):
            return token
        if token.head.i == token.i:
            return None
        token = token.head
    return None
