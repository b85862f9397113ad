"""Numbers that are not claims: names with numbers, time offsets and windows, counts of the actors themselves."""

from __future__ import annotations

from spacy.tokens import Token

from newsevents.extract.claims.lexicon import ClaimWords
from newsevents.extract.claims.runs import NumberRun
from newsevents.extract.claims.subject import MARGIN_NOUNS
from newsevents.nlp.text import doc_ents

NAME_LABELS = frozenset({"ORG", "PRODUCT", "EVENT", "WORK_OF_ART", "LAW", "FAC", "PERSON", "GPE", "LOC", "NORP"})
# "two years ago", "three days later": when something happened, not how long.
OFFSET_WORDS = frozenset({"ago", "later", "earlier", "before", "after", "previously", "since", "on", "prior"})
# "in the past 15 years", "over the next two weeks": a window that scopes another statement.
WINDOW_WORDS = frozenset({"past", "last", "next", "previous", "coming", "recent", "following", "first", "final"})
FUTURE_AUX = frozenset({"will", "'ll", "shall"})
# "its first manifesto in four years": the window a first or last is measured over
RECORD_WORDS = frozenset({"first", "last", "only"})
# "over three years", "across five years": a span that scopes another statement ("children over five" is a group).
SPAN_PREPOSITIONS = frozenset({"over", "across", "during", "throughout"})
# "the two parties", "the three leaders": a count of the actors the story is about, no news in it.
ACTOR_NOUNS = frozenset(
    "party parties side sides leader leaders man men woman women country countries nation nations government "
    "governments candidate candidates brother brothers sister sisters son sons daughter daughters parent parents "
    "child children boy boys girl girls suspect suspects victim victims team teams player players company "
    "companies state states power powers candidate chamber chambers house houses".split()
)
MAX_ACTOR_COUNT = 4
# "at one stage", "at one point", "one day": idioms, not counts.
ONE_IDIOMS = frozenset({"stage", "point", "time", "way", "day", "thing", "hand", "another", "moment"})


def is_name(number: NumberRun) -> bool:
    """ "Formula 1", "G 8", "BBC One", "Votes at 16": a number that is part of a name; idioms ("at one stage",
    "zero tolerance") too."""
    anchor = number.anchor
    doc = anchor.doc
    if anchor.ent_type_ in NAME_LABELS:
        ent = next((e for e in doc_ents(doc) if e.start <= anchor.i < e.end), None)
        if ent is not None and any(t.is_alpha and t.text[:1].isupper() and t not in number.tokens for t in ent):
            return True
    if anchor.head.pos_ == "PROPN" and anchor.dep_ in ("nummod", "appos", "compound", "npadvmod"):
        return not _before_is_currency(number) and not is_counted_people(anchor.head, anchor)
    before = doc[number.first.i - 1] if number.first.i > 0 else None
    if before is not None and before.pos_ == "PROPN" and before.text[:1].isupper() and not before.whitespace_:
        return True  # "G8" split as "G" + "8"
    if anchor.lower_ == "one" and anchor.dep_ == "nummod" and anchor.head.lower_ in ONE_IDIOMS:
        return True
    return anchor.lower_ == "zero" and _zero_idiom(_next_words(anchor, 2))


def _next_words(token: Token, count: int) -> tuple[str, ...]:
    """The next words after a token, hyphens left out ("zero-hours contracts" → hours, contracts)."""
    words = [t.lower_ for t in token.doc[token.i + 1 : token.i + 1 + 2 * count] if t.text != "-"]
    return tuple(words[:count])


def _zero_idiom(words: tuple[str, ...]) -> bool:
    """ "zero tolerance", "zero-hours contracts": a policy's name, not a count of nothing."""
    if words[:1] == ("tolerance",):
        return True
    return len(words) > 1 and words[0] in ("hour", "hours") and words[1].startswith("contract")


def is_counted_people(head: Token, number: Token) -> bool:
    """ "300 Canadians", "12 Democrats": a number before a plural name of people counts them ("Formula 1",
    "Radio 4" put the number after the name)."""
    return number.i < head.i and (head.tag_ == "NNPS" or head.ent_type_ == "NORP") and head.text.endswith("s")


def _before_is_currency(number: NumberRun) -> bool:
    i = number.first.i
    return i > 0 and number.first.doc[i - 1].text in ("$", "£", "€")


def is_time_offset(noun: Token | None, words: ClaimWords) -> bool:
    """A duration that places an event in time ("two years ago") or scopes a statement ("in the past 15 years")."""
    if noun is None or noun.lower_ not in words.durations:
        return False
    doc = noun.doc
    following = doc[noun.i + 1].lower_ if noun.i + 1 < len(doc) else ""
    if following in OFFSET_WORDS and following not in ("on", "since", "before", "after"):
        return True
    if any(c.lower_ in OFFSET_WORDS and c.dep_ == "advmod" for c in noun.children):
        return True
    preposition = noun.head
    if noun.dep_ == "pobj" and preposition.lower_ in SPAN_PREPOSITIONS and preposition.head.pos_ != "NOUN":
        return True  # "worth £1.5bn over three years": the span the other figure covers
    if noun.dep_ == "pobj" and preposition.lower_ in ("in", "for") and _scopes_a_record(preposition.head):
        return True
    if noun.dep_ == "pobj" and preposition.lower_ == "in" and _is_future(preposition.head):
        return True  # "the inquiry will report in six weeks": when it will, not how long it takes
    return any(c.lower_ in WINDOW_WORDS and c.dep_ in ("amod", "det", "advmod") for c in noun.lefts)


def _is_future(verb: Token) -> bool:
    return verb.pos_ in ("VERB", "AUX") and any(c.dep_ == "aux" and c.lower_ in FUTURE_AUX for c in verb.children)


def _scopes_a_record(head: Token) -> bool:
    """ "the highest for 10 years", "the biggest rise in five years", "its first manifesto in four years": the
    span is the window a record is measured over, not a claim of its own."""
    candidates = [head, *(c for c in head.children if c.dep_ in ("attr", "dobj"))]
    for token in candidates:
        if token.tag_ in ("JJS", "RBS") or any(
            c.dep_ == "amod" and (c.tag_ == "JJS" or c.lower_ in RECORD_WORDS) for c in token.children
        ):
            return True
    return False


def is_indefinite_one(number: NumberRun, noun: Token, words: ClaimWords) -> bool:
    """ "One pupil asked ...", "went down on one knee", "his one-man show": "one" before a singular noun is
    mostly the article "a", not a count: after a determiner, as a subject or inside a prepositional phrase. It
    counts when hedged ("only one school", "at least one person"), when it measures ("one year", "one per cent"),
    when what it counts was hit ("one man was killed"), as an object ("Labour lost one seat") or a margin ("by one
    vote")."""
    if number.value != 1 or number.anchor.lower_ != "one" or len(number.tokens) != 1 or noun.tag_ != "NN":
        return False
    if noun.lower_ in words.durations or words.unit((noun.text,)) is not None:
        return False
    doc = noun.doc
    before = [t.lower_ for t in doc[max(0, number.first.i - 3) : number.first.i]]
    if any(tuple(before[k:]) in words.qualifiers for k in range(len(before))) or before[-1:] == ["no"]:
        return False
    if any(c.dep_ in ("det", "poss") and c.i < number.first.i for c in noun.children):
        return True  # "the one thing"
    if noun.dep_ in ("compound", "amod", "nmod") and noun.head.pos_ == "NOUN":
        return noun.head.lemma_.lower() not in MARGIN_NOUNS  # "a one-man show"; "a one-seat majority" is a margin
    verb = noun.head
    if noun.dep_ in ("nsubj", "nsubjpass", "dobj") and verb.lemma_.lower() in words.impact_verbs:
        return False  # "One man was killed"
    if noun.dep_ == "pobj":
        return verb.lower_ != "by"  # "on one knee", "in one town"; "won by one vote" is a margin
    return noun.dep_ in ("nsubj", "nsubjpass")  # "One pupil asked"; "Labour lost one seat" counts


def is_actor_count(number: NumberRun, noun: Token) -> bool:
    """ "the two parties", "the three leaders": a small count of actors named with "the"."""
    if noun.lower_ not in ACTOR_NOUNS or not number.value or number.value > MAX_ACTOR_COUNT:
        return False
    return any(c.lower_ in ("the", "both", "these", "those") and c.dep_ in ("det", "predet") for c in noun.lefts)


def is_age_band(number: NumberRun) -> bool:
    """ "aged 18 or over", "aged between 18 and 34", "21-year-olds", "over-55s": ages that define a group."""
    doc = number.last.doc
    i, first = number.last.i, number.first.i
    after = [t.lower_ for t in doc[i + 1 : i + 5]]
    if after[:4] == ["-", "year", "-", "olds"] or after[:3] == ["-", "year", "olds"]:
        return True  # "21-year-olds", "21-year olds"
    if number.value_max is not None and (number.anchor.head.lower_ == "aged" or _after_aged(number)):
        return True  # "aged 18 to 24", "aged between 18 and 34" (one range)
    if after[:1] and after[0] in ("or", "to", "and", "-"):
        return number.anchor.head.lower_ == "aged" or _after_aged(number)
    before = doc[first - 1].lower_ if first > 0 else ""
    return before in ("between", "to", "and", "or") and _after_aged(number)


def _after_aged(number: NumberRun) -> bool:
    doc = number.first.doc
    return any(t.lower_ in ("aged", "age", "ages") for t in doc[max(0, number.first.i - 3) : number.first.i])
