"""The driver: runs the mention passes in order, each on explicit inputs, and merges their outputs.

Reads the parsed `Doc`, the actor dictionary, its phrase index and the publication date; writes
the list of `Mention`s in text order. The order is the contract between the passes:

1. `matches`: which dictionary phrase matches stand for actors (reads the matches, writes a subset);
2. `civic`, `named`, `roles`, `named.place_mentions`, `pronouns`: the mention finders, each given
   the tokens the earlier ones claimed and returning new mentions only;
3. `relations` (`RELATION_PASSES`): attributes one mention gives another (apposition, owner,
   conjunct, relative clause, role named just before, party in opposition), over the sorted list.
   Each returns `Replacements` (new records for the mentions it gave something to) and changes
   nothing it is given; the driver applies them here, one pass after another, so a pass sees
   exactly what the passes before it produced and nothing half-done;
4. `documents`: reports and groups that speak for an actor already found, merged in text order.

A new rule goes in the module of the pass it belongs to: a new kind of mention in a finder (or a
new finder module, called here and given `claimed(...)` of the finders before it); a new attribute
one mention gives another in `relations`, returning `Replacements`, and listed in `RELATION_PASSES`
after the passes whose fields it reads.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import replace

from spacy.tokens import Doc

from newsevents.extract.actors.dictionary import ActorDictionary
from newsevents.extract.actors.matching import PhraseIndex, PhraseMatch
from newsevents.extract.actors.mentions.civic import civic_body_mentions
from newsevents.extract.actors.mentions.documents import collective_mentions, document_mentions, with_documents
from newsevents.extract.actors.mentions.lexicon import defined_acronyms
from newsevents.extract.actors.mentions.matches import (
    accepted_matches,
    without_ideology_adjectives,
    without_other_people,
    without_place_name_parts,
    without_tails_of_other_bodies,
)
from newsevents.extract.actors.mentions.named import named_mentions, place_mentions
from newsevents.extract.actors.mentions.pronouns import pronoun_mentions
from newsevents.extract.actors.mentions.record import Mention, Replacements, Scope, replaced
from newsevents.extract.actors.mentions.relations import (
    business_from_what_it_owns,
    link_appositions,
    opposition_from_party,
    party_from_conjunct,
    sector_from_owner,
    staff_of_campaigns,
    title_from_relative_clause,
    title_from_role_just_before,
)
from newsevents.extract.actors.mentions.roles import role_mentions
from newsevents.nlp.text import doc_tokens

# What one mention tells another, in the order each reads what the ones before it gave (see
# `relations`). Each returns the records it replaces and leaves the list it is given unchanged.
RELATION_PASSES: tuple[Callable[[Scope, list[Mention]], Replacements], ...] = (
    link_appositions,
    sector_from_owner,
    staff_of_campaigns,
    business_from_what_it_owns,
    party_from_conjunct,
    title_from_relative_clause,
    title_from_role_just_before,
    opposition_from_party,
)


def find_mentions(doc: Doc, book: ActorDictionary, index: PhraseIndex, published: dt.date | None) -> list[Mention]:
    """All actor mentions of the document, in text order. Each pass takes the tokens the earlier
    passes claimed, so a name is never also a role ("Defence Minister Sergei Shoigu" is one mention)."""
    all_matches = index.find(doc)
    scope = build_scope(doc, book, all_matches, published)
    all_matches = without_other_people(scope, without_place_name_parts(scope, all_matches))
    all_matches = without_ideology_adjectives(scope, without_tails_of_other_bodies(scope, all_matches))
    scope = replace(scope, match_at_start={m.start: m for m in all_matches})
    in_match = frozenset(i for m in all_matches for i in range(m.start, m.end))
    accepted = accepted_matches(scope, all_matches)
    civic = civic_body_mentions(scope)
    named = named_mentions(scope, accepted, in_match, claimed(civic))
    roles = role_mentions(scope, in_match, claimed(civic + named))
    places = place_mentions(scope, accepted, claimed(civic + named + roles))
    pronouns = pronoun_mentions(scope, claimed(civic + named + roles + places))
    mentions = sorted(civic + named + roles + places + pronouns, key=lambda m: m.start)
    for relation in RELATION_PASSES:  # the one place their results are applied
        mentions = replaced(mentions, relation(scope, mentions))
    return with_documents(mentions, document_mentions(scope, mentions) + collective_mentions(scope, mentions))


def build_scope(doc: Doc, book: ActorDictionary, matches: list[PhraseMatch], published: dt.date | None) -> Scope:
    """The read-only inputs of every pass, with the acronyms the text defines ("the ... Union (PSU)")."""
    phrases = [*book.roles, *book.fallback_roles]
    words = {phrase.split()[-1] for phrase in phrases} | {phrase.split()[0] for phrase in phrases}
    scope = Scope(doc, doc_tokens(doc), book, frozenset(words), {m.start: m for m in matches}, published)
    return replace(scope, acronym_sectors=defined_acronyms(scope))


def claimed(mentions: list[Mention]) -> frozenset[int]:
    """The tokens inside the given mentions, which later finders leave alone."""
    return frozenset(i for m in mentions for i in range(m.start, m.end))
