"""Pass 3: role nouns ("the minister", "officials", "the government", "Pentagon spokesman").

Reads the `Scope`, the tokens inside dictionary matches and the tokens earlier passes claimed;
returns role mentions, their sector from the role and their country and titles from modifiers.
"""

from __future__ import annotations

from spacy.tokens import Token

from newsevents.extract.actors.dictionary import Role
from newsevents.extract.actors.mentions.lexicon import role_at
from newsevents.extract.actors.mentions.phrase import (
    absorb_modifiers,
    country_from_prepositions,
    determiner_before,
    employer_from_of,
    np_left,
    office_status,
    prefixed_title_left,
    sector_from_employer,
    specific_sector,
)
from newsevents.extract.actors.mentions.record import Mention, Scope
from newsevents.extract.actors.mentions.words import DEFINITE_DETERMINERS, GENERIC_ROLES, ORG_NAME_SECTORS


def role_mentions(scope: Scope, in_match: frozenset[int], taken: frozenset[int]) -> list[Mention]:
    found: list[Mention] = []
    claimed_here = set(taken)
    for token in scope.tokens:
        if token.i in claimed_here or token.i in in_match:
            continue
        role = role_at(scope, token)
        if role is not None:
            mention = _role_mention(scope, token, role, frozenset(claimed_here))
            claimed_here.update(range(mention.start, mention.end))
            found.append(mention)
    return found


def _role_mention(scope: Scope, token: Token, role: Role, taken: frozenset[int]) -> Mention:
    left = prefixed_title_left(scope, np_left(scope, token, token.i, taken), taken)
    left = _body_the_title_ends(scope, token, left, taken)
    plural = token.tag_ in ("NNS", "NNPS")
    if role.sector == "GOV" and not role.person:
        kind = "government"
    else:
        kind = "person" if role.person and not plural else "group"
    mention = Mention(left, token.i + 1, token.i, kind, "", role=role.phrase, sector=role.sector)
    mention.person = role.person and not plural
    mention.titles.add(role.phrase)
    mention.definite = any(c.dep_ == "det" and c.lower_ in DEFINITE_DETERMINERS for c in token.lefts)
    # "the Tory co-chairman": the parse of a split title loses the determiner, the text keeps it
    mention.definite = mention.definite or determiner_before(scope, left, token.i)
    institution = ORG_NAME_SECTORS.get(token.lower_)
    if token.pos_ == "PROPN" and token.is_title and token.i != token.sent.start and institution:
        # "the Scottish Executive", "the Army": a named body, not a role ("an executive").
        mention.kind, mention.sector, mention.person = "organisation", institution, False
    absorb_modifiers(scope, mention, left, token.i)
    country_from_prepositions(scope, mention)
    employer_from_of(scope, mention)
    sector_from_employer(scope, mention)
    if role.phrase in GENERIC_ROLES:
        mention.sector = specific_sector(scope, mention) or mention.sector
    mention.sector = office_status(scope, mention, left) or mention.sector
    mention.name = scope.doc[left : token.i + 1].text
    return mention


def _body_the_title_ends(scope: Scope, token: Token, left: int, taken: frozenset[int]) -> int:
    """ "A Department for Transport spokeswoman said": the parser makes the body the subject and
    hangs the title on the body's "for"; the body and its staff title are one mention, from the
    body's first word, so the subject token finds the spokeswoman."""
    prep = token.head
    body = prep.head
    if token.dep_ != "pobj" or token.lower_ not in GENERIC_ROLES or prep.lower_ not in ("for", "of"):
        return left
    if any(c.dep_ == "det" for c in token.lefts) or body.pos_ != "PROPN" or body.i > token.i:
        return left
    if ORG_NAME_SECTORS.get(body.lower_) is None or body.dep_ not in ("nsubj", "nsubjpass"):
        return left
    start = body.left_edge.i
    while start < body.i and scope.tokens[start].dep_ == "det":
        start += 1
    return left if any(i in taken for i in range(start, token.i)) else start
