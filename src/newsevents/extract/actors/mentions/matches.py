"""Pass 1: which dictionary phrase matches stand for actors.

Reads the `Scope` and the phrase index's matches; returns the matches kept (no geographic-name
parts, no other person's surname, capitals that are not datelines or places, weak person entries
only once vouched for). Writes nothing else.
"""

from __future__ import annotations

from spacy.tokens import Token

from newsevents.extract.actors.matching import PhraseMatch
from newsevents.extract.actors.mentions.lexicon import is_person_title, role_at
from newsevents.extract.actors.mentions.record import Scope
from newsevents.extract.actors.mentions.words import COUNTRYISH

# A capital after one of these is a place ("talks in Minsk"), not a government acting.
_LOCATIVE_PREPS = frozenset(
    {"in", "at", "near", "into", "inside", "outside", "around", "across", "throughout", "within", "from", "via"}
)


def accepted_matches(scope: Scope, matches: list[PhraseMatch]) -> list[PhraseMatch]:
    seen_people: set[str] = set()
    accepted = []
    for match in matches:
        if _accept(scope, match, seen_people):
            accepted.append(match)
            if match.entry.kind == "person":
                seen_people.add(match.entry.name)  # a short form is safe once the full name was seen
    return accepted


def _accept(scope: Scope, match: PhraseMatch, seen_people: set[str]) -> bool:
    entry, token = match.entry, scope.tokens[match.start]
    if not token.text[:1].isupper() and entry.kind not in ("person", "demonym"):
        return False
    if entry.kind in ("region", "country") and _inside_longer_name(scope, match.end):
        return False  # "West Darfur State", "Niger Delta": part of another name
    if entry.kind == "person":
        if entry.name in seen_people or not entry.weak:
            return True
        return not entry.full_name_first and token.ent_type_ in ("PERSON", "ORG", "GPE", "NORP")
    if entry.kind == "capital":
        # "MOSCOW, March 3 (Reuters) -" is a dateline, and "talks in Minsk" a place.
        return not token.is_upper and not _is_locative(scope.tokens[match.end - 1])
    return True


def without_place_name_parts(scope: Scope, matches: list[PhraseMatch]) -> list[PhraseMatch]:
    """ "the Indian Ocean", "the Arabian Sea": a nationality word inside a geographic name tells no
    actor's country (victims "of the Indian Ocean wave" are not Indian)."""
    tokens = scope.tokens
    return [
        m
        for m in matches
        if not (
            m.entry.kind == "demonym"
            and m.end < len(tokens)
            and tokens[m.end].ent_iob_ == "I"
            and tokens[m.end].ent_type_ == "LOC"
            and tokens[m.end].pos_ == "PROPN"
        )
    ]


def without_other_people(scope: Scope, matches: list[PhraseMatch]) -> list[PhraseMatch]:
    """A known surname after another given name ("Kate Brown") is someone else, free for NER and titles;
    so is that surname alone after it ("Kate Brown ... Ms Brown"), until the known person is named in full."""
    others: dict[str, int] = {}  # entry name -> where another person of that surname was first named
    kept = []
    for match in matches:
        if match.entry.kind == "person" and _other_given_name(scope, match):
            others.setdefault(match.entry.name, match.start)
            continue
        if match.entry.kind == "person" and match.end - match.start == 1 and match.entry.name in others:
            continue
        if match.entry.kind == "person":
            others.pop(match.entry.name, None)  # named in full: the short form is theirs again
        kept.append(match)
    return kept


def _other_given_name(scope: Scope, match: PhraseMatch) -> bool:
    """ "Kate Brown", "Michelle Obama": a known surname after another person's given name names someone else.
    Given names are compared on their first three letters, so transliterations ("Aleksei"/"Alexei") agree."""
    if match.end - match.start != 1 or match.start == 0:
        return False
    given, surname = scope.tokens[match.start - 1], scope.tokens[match.start]
    if given.pos_ != "PROPN" or given.ent_type_ != "PERSON" or surname.ent_iob_ != "I" or len(given.text) < 3:
        return False
    if given.text.endswith(".") or is_person_title(scope, given) or role_at(scope, given) is not None:
        return False
    known = {word[:3].casefold() for word in match.entry.name.split()}
    return given.text[:3].casefold() not in known


# The titles a party adjective names the party with ("Conservative leader", "a Conservative MP"); before
# other nouns the adjective is an ideology ("Conservative groups", "Conservative lawmakers" in US news).
_PARTY_TITLES = frozenset(
    {"leader", "spokesman", "spokeswoman", "spokesperson", "chairman", "chairwoman", "chair", "mp", "mps", "mep"}
    | {"meps", "candidate", "candidates", "peer", "peers", "councillor", "councillors", "frontbencher", "leadership"}
    | {"backbencher", "backbenchers", "party", "government", "manifesto", "secretary", "minister", "deputy"}
    # what a party puts forward: "Conservative plans would cut ...", "Conservative promises on tax"
    | {"plan", "plans", "proposal", "proposals", "pledge", "pledges", "promise", "promises", "policies", "policy"}
    | {"campaign"}
)


def without_ideology_adjectives(scope: Scope, matches: list[PhraseMatch]) -> list[PhraseMatch]:
    """A party written as an adjective ("Conservative") is the party only before a party title or a
    person's name; "Conservative groups said" is no British party in an American story."""
    return [m for m in matches if not _ideology_adjective(scope, m)]


def _ideology_adjective(scope: Scope, match: PhraseMatch) -> bool:
    token = scope.tokens[match.start]
    if match.end - match.start != 1 or token.pos_ != "ADJ" or match.entry.kind != "institution":
        return False
    head = token.head
    while token.dep_ == "conj" and head.head.i != head.i:  # "Labour and Conservative promises"
        token, head = head, head.head
    while head.dep_ == "compound" and head.head.i != head.i and head.i < head.head.i:  # "Conservative co-chairman X"
        if head.lower_ in _PARTY_TITLES:
            return False
        head = head.head
    return head.lower_ not in _PARTY_TITLES and head.ent_type_ != "PERSON"


def without_tails_of_other_bodies(scope: Scope, matches: list[PhraseMatch]) -> list[PhraseMatch]:
    """ "Trades Union Congress", "the Students' Parliament": an institution's word ending another
    body's name is that body, left to NER and the telling words of its name."""
    return [m for m in matches if not (m.entry.kind == "institution" and _tail_of_another_body(scope, m))]


def _tail_of_another_body(scope: Scope, match: PhraseMatch) -> bool:
    """A one-word institution ("Congress", "Parliament") ending a longer organisation's name whose
    earlier words name no country ("US Congress" is the institution, "Trades Union Congress" is not)."""
    token = scope.tokens[match.start]
    if match.end - match.start != 1 or token.ent_iob_ != "I" or token.ent_type_ != "ORG":
        return False
    if _inside_longer_name(scope, match.end):
        return False  # "the Commons transport committee": the institution starts the name, it does not end it
    first = token.i
    while first > 0 and scope.tokens[first].ent_iob_ == "I":
        first -= 1
    if not any(t.pos_ == "PROPN" for t in scope.tokens[first : token.i]):
        return False  # "the Congress"
    earlier = (scope.match_at_start.get(i) for i in range(first, token.i))
    return not any(m is not None and m.entry.kind in COUNTRYISH for m in earlier)


def _inside_longer_name(scope: Scope, end: int) -> bool:
    following = scope.tokens[end] if end < len(scope.tokens) else None
    return following is not None and following.ent_iob_ == "I" and following.pos_ == "PROPN"


def _is_locative(token: Token) -> bool:
    return token.dep_ == "pobj" and token.head.lower_ in _LOCATIVE_PREPS
