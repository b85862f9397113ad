"""Pass 2a: a city, town or state acting through its government ("the city of Flint sued", "they
sued the state").

Reads the `Scope`; returns new government (GOV) mentions, claiming their tokens for the later passes.
"""

from __future__ import annotations

from newsevents.extract.actors.mentions.phrase import determiner_before
from newsevents.extract.actors.mentions.record import Mention, Scope
from newsevents.extract.actors.mentions.words import MIN_TOWN_POPULATION
from newsevents.extract.places.gazetteer import load_gazetteer

# "The city of Flint sued ...", "they sued the state": the place stands for its government.
# ("the county" is left out: "the county released records" would then be coded as releasing people,
# a verb sense data/verbs.tsv does not yet tell apart.)
_CIVIC_BODIES = frozenset({"city", "town", "state"})
# The prepositions after which "the state" is still a party to an act ("a suit against the state").
_ACTOR_PREPS = frozenset({"against", "with", "by", "to"})


def civic_body_mentions(scope: Scope) -> list[Mention]:
    """ "the city of Flint", "the state" as a subject or object: a government (GOV) mention, its
    country that of the town named (when the gazetteer knows only one), else the article's.
    Not "the state of the roads", "in the city" (a place) or "the state pension" (a modifier)."""
    found = []
    for token in scope.tokens:
        if token.lower_ not in _CIVIC_BODIES or token.pos_ != "NOUN" or not determiner_before(scope, token.i, token.i):
            continue
        if not (token.dep_ in ("nsubj", "dobj") or (token.dep_ == "pobj" and token.head.lower_ in _ACTOR_PREPS)):
            continue
        complement = [c for p in token.rights if p.dep_ == "prep" for c in p.children if c.dep_ == "pobj"]
        if complement and not (complement[0].pos_ == "PROPN" and token.lower_ != "state"):
            continue  # "the state of the roads"; "the city of Flint" is named
        end = complement[0].right_edge.i + 1 if complement else token.i + 1
        mention = Mention(token.i, end, token.i, "government", scope.doc[token.i : end].text, sector="GOV")
        mention.definite = True
        mention.country = _town_country(scope.doc[complement[0].left_edge.i : end].text) if complement else None
        found.append(mention)
    return found


def _town_country(name: str) -> str | None:
    places = [p for p in load_gazetteer().lookup(name) if p.kind in ("city", "admin") and p.primary]
    countries = {p.country for p in places if p.population >= MIN_TOWN_POPULATION}
    return countries.pop() if len(countries) == 1 else None
