"""Ages of people, which the gold convention counts as claims in years.

"a 45-year-old man", "aged 21", "the driver, 52, was hurt" (a bare age set off by commas after a person),
"She was 19 when ..." / "the leader, who is 61," (a bare number as what a person is). Not ages: bands that
define a group ("aged 18 to 24", handled in filters), and a name with an age on a line of its own (a byline or
signature, "By Jane Doe, 45"): the age is only a claim inside a sentence that says something.
"""

from __future__ import annotations

from spacy.tokens import Token

from newsevents.extract.claims.filters import is_age_band
from newsevents.extract.claims.runs import NumberRun

MAX_AGE = 115
# After an age set off by commas: the closing comma, a dash, "and" or the sentence end.
AFTER_APPOSITIVE_AGE = frozenset({",", "-", "–", "—", "and", ")", ".", ";"})
# One person: "They were 12" is more often a count than an age.
PERSONAL_PRONOUNS = frozenset({"i", "he", "she"})


def age_of(number: NumberRun, noun: Token | None) -> str | None:
    """Who a number is the age of ("man", "Lopez", "she"), or None when it is not an age."""
    doc = number.last.doc
    i = number.last.i
    if (
        noun is not None
        and noun.lower_ in ("year", "years")
        and i + 4 < len(doc)
        and [t.lower_ for t in doc[i + 1 : i + 5]] == ["-", "year", "-", "old"]
    ):
        person = doc[i + 4].head
        return person.text if person.pos_ in ("NOUN", "PROPN") else "person"
    anchor = number.anchor
    if anchor.head.lower_ == "aged" and not is_age_band(number):
        person = anchor.head.head
        return person.text if person.pos_ in ("NOUN", "PROPN") else "person"
    if noun is not None or not _plausible_age(number):
        return None
    return _appositive_age(number) or _copular_age(anchor)


def _plausible_age(number: NumberRun) -> bool:
    """One whole number of 1 to 115, not "one of ..." ("She was one of the founders")."""
    value = number.value
    anchor = number.anchor
    following = anchor.doc[anchor.i + 1].lower_ if anchor.i + 1 < len(anchor.doc) else ""
    if len(number.tokens) != 1 or anchor.lower_ == "one" or following == "of":
        return False
    return isinstance(value, (int, float)) and value == int(value) and 0 < value <= MAX_AGE


def _appositive_age(number: NumberRun) -> str | None:
    """ "The driver, 52, was taken to hospital": a bare number between commas right after a person's name or noun."""
    doc = number.first.doc
    first, last = number.first.i, number.last.i
    if first < 2 or doc[first - 1].text != "," or last + 1 >= len(doc):
        return None
    if doc[last + 1].lower_ not in AFTER_APPOSITIVE_AGE:
        return None
    person = doc[first - 2]
    if person.pos_ not in ("NOUN", "PROPN") or person.tag_ in ("NNS", "NNPS") or person.ent_type_ in ("DATE", "TIME"):
        return None
    if not any(t.pos_ in ("VERB", "AUX") for t in number.first.sent):
        return None  # a byline or signature line ("Jane Doe, 45, Leeds"): no statement around it
    return person.text


def _copular_age(anchor: Token) -> str | None:
    """ "She was 19 when she joined", "the leader, who is 61,": a bare number that is what a person is."""
    verb = anchor.head
    if anchor.dep_ not in ("attr", "acomp") or verb.lemma_.lower() != "be":
        return None
    subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    if subject is None:
        return None
    if subject.lower_ in PERSONAL_PRONOUNS:
        return subject.text
    if subject.lower_ == "who" and verb.dep_ == "relcl":
        return verb.head.text
    return subject.text if subject.ent_type_ == "PERSON" else None
