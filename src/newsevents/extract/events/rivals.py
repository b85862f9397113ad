"""Rival political actors of one country, read from actor codes and the article's own party labels.

A party politician who says the other party "will put up taxes" attacks it although no word of blame is
used; CODING.md codes it as criticism (111) of the rival. Who is whose rival comes from data, never from
names in code:

- an actor's *party*: a party actor (sector PTY) is its own party; a person is of the party the text labels
  them with, inside the mention ("Green Party leader Jane Doe": a phrase the actor dictionary codes PTY) or as
  a possessive or compound of it ("Labour's Jane Doe"); every mention of the entity shares it;
- an actor's *side*: government (GOV) or opposition (OPP) from its code; a party is on the side of the people
  the article labels with it (the party of a GOV-coded minister governs);
- two actors of one country are rivals when their parties are known and differ, or (their country known)
  their sides are known and differ, and they do not share a party.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from spacy.tokens import Token

from newsevents.extract.actors.codes import split_code
from newsevents.extract.actors.dictionary import ActorDictionary, dictionary_for
from newsevents.extract.context import ExtractContext
from newsevents.types import Actor

PARTY_SECTOR = "PTY"
# A party is coded PTY, or OPP when it is out of government on the article's date (actors/parties.py).
PARTY_SECTORS = frozenset({"PTY", "OPP"})
SIDE_SECTORS = frozenset({"GOV", "OPP"})
# Sectors of the actors a political rivalry is between.
POLITICAL_SECTORS = frozenset({"GOV", "OPP", "PTY", "LEG"})
# Head words of a body that is a whole political side rather than an agency of the state.
SIDE_WORDS = frozenset({"government", "administration", "cabinet", "ministers", "opposition", "executive"})
# Longest party label looked for inside a person's mention: "Liberal Democrat party leader ...".
MAX_LABEL_WORDS = 3


@dataclass
class Rivalry:
    """The article's parties and sides by entity, so `rivals` can answer for any two mentions."""

    party: dict[int, str] = field(default_factory=dict)
    side_of_party: dict[str, str] = field(default_factory=dict)
    named_parties: set[str] = field(default_factory=set)

    def party_of(self, actor: Actor) -> str | None:
        if actor.kind != "person" and actor.sector in PARTY_SECTORS:
            # "the party" of no name may be anyone's: only a party the dictionary names is one
            return actor.name if actor.name in self.named_parties else None
        return self.party.get(actor.entity)

    def side_of(self, actor: Actor) -> str | None:
        if actor.sector in SIDE_SECTORS:
            return actor.sector
        party = self.party_of(actor)
        return self.side_of_party.get(party) if party else None

    def rivals(self, one: Actor, other: Actor) -> bool:
        """Whether two actors of one country stand on opposed political sides."""
        if one.same_entity(other) or (one.country and other.country and one.country != other.country):
            return False
        if one.sector not in POLITICAL_SECTORS or other.sector not in POLITICAL_SECTORS:
            return False
        parties = (self.party_of(one), self.party_of(other))
        if None not in parties:
            return parties[0] != parties[1]  # a listed party's name says its country
        if not (_a_side(one) and _a_side(other)):
            return False
        sides = (self.side_of(one), self.side_of(other))
        return one.country is not None and None not in sides and sides[0] != sides[1]


def _a_side(actor: Actor) -> bool:
    """A person or a party takes a side, and so does the government or opposition as a whole; an agency of
    the state ("the health authorities") is coded GOV but is no political side."""
    if actor.kind in ("person", "pronoun") or actor.sector in PARTY_SECTORS:
        return True
    return actor.text.lower().split()[-1] in SIDE_WORDS if actor.text.strip() else False


def article_rivalry(ctx: ExtractContext) -> Rivalry:
    """Each person entity's party label, and each party's side, as the article states them."""
    book = dictionary_for(tuple(ctx.options.actor_dictionaries))
    rivalry = Rivalry()
    for actor in ctx.actors:
        if actor.kind != "person" and actor.sector in PARTY_SECTORS and _party_named(book, actor.name):
            rivalry.named_parties.add(actor.name)
        if actor.kind == "person" and actor.entity >= 0 and actor.entity not in rivalry.party:
            party = _labelled_party(ctx, book, actor)
            if party is not None:
                rivalry.party[actor.entity] = party
    for actor in ctx.actors:
        if actor.kind == "person" and actor.entity >= 0 and actor.entity not in rivalry.party:
            party = _party_of_owner(ctx, rivalry, actor)
            if party is not None:
                rivalry.party[actor.entity] = party
    for actor in ctx.actors:
        party = rivalry.party.get(actor.entity) if actor.kind == "person" else None
        if party is not None and actor.sector in SIDE_SECTORS:
            rivalry.side_of_party.setdefault(party, actor.sector)
    return rivalry


def _labelled_party(ctx: ExtractContext, book: ActorDictionary, person: Actor) -> str | None:
    span = ctx.doc.char_span(person.start, person.end, alignment_mode="expand")
    if span is None:
        return None
    words = [t.text for t in span]
    for size in range(MAX_LABEL_WORDS, 0, -1):
        for first in range(0, max(len(words) - size, 0)):
            party = _party_named(book, " ".join(words[first : first + size]))
            if party is not None:
                return party
    return _attached_party(ctx, book, span.root)


def _party_of_owner(ctx: ExtractContext, rivalry: Rivalry, person: Actor) -> str | None:
    """ "Her party leader, Jane Doe": the party of the person the possessive stands for."""
    span = ctx.doc.char_span(person.start, person.end, alignment_mode="expand")
    if span is None or not any(t.lower_ == "party" for t in span):
        return None
    owners = [t for t in [*span, *span.root.children] if t.dep_ == "poss"]
    owner = ctx.actor_for_token(owners[0]) if owners else None
    return rivalry.party.get(owner.entity) if owner is not None and owner.entity >= 0 else None


def _attached_party(ctx: ExtractContext, book: ActorDictionary, head: Token) -> str | None:
    """ "Labour's Jane Doe", "Tory MP Jane Doe" parsed as a compound outside the mention."""
    for child in head.children:
        actor = ctx.actor_for_token(child) if child.dep_ in ("poss", "compound", "amod") else None
        if actor is not None and actor.kind != "person" and actor.sector in PARTY_SECTORS:
            return _party_named(book, actor.name)
    return None


# A label is the adjective or singular of a listed party name: "Republican senator" (the Republican Party),
# "a Democrat" (the Democrats).
LABEL_FORMS = ("{}", "{} Party", "{} party", "{}s")


def _party_named(book: ActorDictionary, phrase: str) -> str | None:
    for form in LABEL_FORMS:
        entry = book.phrases.get(form.format(phrase))
        if entry is not None and entry.codes and split_code(entry.codes[0].code).sector == PARTY_SECTOR:
            return entry.name
    return None
