"""Pass 6: what one mention tells another, over the sorted list of mentions: appositions,
owners ("the charity's director"), what a business owns, conjuncts ("Labour's X and Y"),
"who is ..." clauses, and a party in opposition on the publication date.

Reads the `Scope` and the mentions; each function fills fields of the mentions it is given (and
`link_appositions` their `same_as` indices) and returns the same list. Run after all finders,
in this order, because each reads what the one before wrote:
- `link_appositions` first: it links "Velmora, the company" only while Velmora has no sector,
  which `business_from_what_it_owns` may give it;
- `sector_from_owner` before `party_from_conjunct`: "the Tories' Ann Cole and Bob Dale" gives Cole
  the party her conjunct Dale then shares;
- `opposition_from_party` last: it reads the party and the sector all the others may have set.
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from newsevents.extract.actors.codes import split_code
from newsevents.extract.actors.mentions.record import Mention, Scope
from newsevents.extract.actors.mentions.words import GENERIC_ROLES
from newsevents.extract.actors.parties import party_sector

# Sectors of the nouns that describe a body named before ("the company", "the charity", "the union"):
# public institutions ("the council", "the court", "the police") are bodies of their own, not descriptions.
_DESCRIBED_BODY_SECTORS = frozenset({"BUS", "NGO", "MED", "EDU", "LAB", "PTY"})


def link_appositions(doc: Doc, mentions: list[Mention]) -> list[Mention]:
    """ "Sergey Lavrov, Foreign Minister," and "the Belarusian President, Alexander Lukashenko";
    "Velmora, the trucking company," names an organisation the dictionary does not know.

    People are linked, and an unknown organisation with a description of a body: the parser also
    calls lists of groups appositions ("Ukrainian forces, Russia-backed rebels"), different actors.
    """
    by_head = {m.head: n for n, m in enumerate(mentions)}
    for mention in mentions:
        head = doc[mention.head]
        if head.dep_ == "appos" and head.head.i in by_head:
            other = mentions[by_head[head.head.i]]
            if mention.person and other.person and (_is_description(doc, mention) or _is_description(doc, other)):
                mention.same_as = by_head[head.head.i]  # two names side by side are a list, not one person
            elif describes_unknown_body(mention, other) or describes_unknown_body(other, mention):
                earlier, later = sorted((mention, other), key=lambda m: m.start)
                later.same_as = by_head[earlier.head]
    return mentions


def _is_description(doc: Doc, mention: Mention) -> bool:
    """ "the Foreign Minister", "the Lord Chancellor": headed by a role word, not by a name."""
    return mention.role is not None or doc[mention.head].lower_ in mention.titles


def describes_unknown_body(description: Mention, named: Mention) -> bool:
    """ "the company", "a charity" describing "Velmora", an organisation with no sector of its own."""
    unknown = named.kind == "organisation" and named.entry is None and named.sector is None
    body = description.role is not None and not description.person and description.sector in _DESCRIBED_BODY_SECTORS
    return unknown and body


def sector_from_owner(scope: Scope, mentions: list[Mention]) -> list[Mention]:
    """ "the charity's director", "Acme's spokeswoman": a generic title, or a name without one,
    works for the body that owns it, so it takes that body's sector (and country, if it has none)."""
    by_token = {i: m for m in mentions for i in range(m.start, m.end)}
    for mention in mentions:
        generic = mention.role in GENERIC_ROLES or (mention.person and not mention.titles)
        if not generic or mention.kind == "pronoun":
            continue
        owner = next(
            (by_token.get(c.i) for c in scope.tokens[mention.head].lefts if c.dep_ == "poss" and c.tag_ != "PRP$"),
            None,
        )
        if owner is None or owner is mention or owner.person or owner.sector is None:
            continue
        mention.sector = owner.sector
        mention.country = mention.country or owner.country
        mention.party = mention.party or owner.party  # "the Tories' Ann Cole" is in opposition with them
        if owner.sector in ("IGO", "NGO", "IMG") and owner.org:
            mention.org, mention.entry_code = owner.org, owner.entry_code
    return mentions


# What only a business has: "Acme's shareholders", "the firm apologised to its customers".
_BUSINESS_BELONGINGS = frozenset(
    {"customers", "shareholders", "clients", "investors", "shares", "profits", "subscribers"}
)


def business_from_what_it_owns(scope: Scope, mentions: list[Mention]) -> list[Mention]:
    """An organisation the dictionaries do not know, with no telling word in its name, is a business
    (BUS) when it owns customers, shareholders or profits ("X's investors", "X apologised to its
    customers": "its" read as the clause's subject)."""
    by_token = {i: m for m in mentions for i in range(m.start, m.end)}
    for token in scope.tokens:
        if token.lower_ not in _BUSINESS_BELONGINGS:
            continue
        owner = next((c for c in token.children if c.dep_ == "poss"), None)
        if owner is not None and owner.tag_ == "PRP$" and owner.lower_ == "its":
            owner = _clause_subject(token)
        mention = by_token.get(owner.i) if owner is not None else None
        if mention is not None and mention.kind == "organisation" and mention.entry is None and mention.sector is None:
            mention.sector = "BUS"
    return mentions


def _clause_subject(token: Token) -> Token | None:
    verb = token
    while verb.pos_ not in ("VERB", "AUX") and verb.head.i != verb.i:
        verb = verb.head
    return next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)


def party_from_conjunct(scope: Scope, mentions: list[Mention]) -> list[Mention]:
    """ "Labour's Sam Fry and Ian Lowe", "Tories Ann Cole and Bob Dale": a bare name joined to a
    party member's name shares that party (and its country), as the list's writer meant."""
    by_head = {m.head: m for m in mentions if m.kind == "person"}
    for mention in mentions:
        head = scope.tokens[mention.head]
        bare = mention.kind == "person" and mention.entry is None and not mention.titles and mention.sector is None
        member = by_head.get(head.head.i) if head.dep_ == "conj" else None
        if not bare or member is None or member.party is None or member.start > mention.start:
            continue
        mention.party, mention.sector = member.party, "PTY"
        mention.country = mention.country or member.country
    return mentions


def title_from_relative_clause(scope: Scope, mentions: list[Mention]) -> list[Mention]:
    """ "Ann Fry, who is chairman of the Commons committee, warned ...": a named person with no
    title of their own holds the role a "who is/was" clause gives them (its sector and country)."""
    by_head = {m.head: m for m in mentions}
    for mention in mentions:
        if not mention.person or mention.kind == "pronoun" or mention.titles or mention.sector:
            continue
        for clause in scope.tokens[mention.head].children:
            if clause.dep_ != "relcl" or clause.lemma_ != "be":
                continue
            if not any(c.dep_ == "nsubj" and c.lower_ == "who" for c in clause.children):
                continue
            role = next((by_head[c.i] for c in clause.children if c.dep_ == "attr" and c.i in by_head), None)
            # "who was the first woman to ...": a plain person noun (CVL) is no title
            if role is not None and role.role is not None and role.sector and role.sector != "CVL":
                mention.sector, mention.country = role.sector, mention.country or role.country
                mention.titles.add(role.role)
    return mentions


def title_from_role_just_before(scope: Scope, mentions: list[Mention]) -> list[Mention]:
    """ "..., the health secretary has said. Ann Fry said ...": news names a person by role first and
    by name in the next sentence. A person named for the first time, with nothing said of them, holds
    the one unnamed singular role ("the health secretary") of the sentence just before."""
    seen_surnames: set[str] = set()
    for n, mention in enumerate(mentions):
        if mention.kind != "person" or mention.role is not None or not mention.person:
            continue
        surname = mention.name.split()[-1]
        first_time = surname not in seen_surnames
        seen_surnames.add(surname)
        if not first_time or mention.entry is not None or mention.titles or mention.sector or mention.party:
            continue
        role = _lone_unnamed_role_before(scope, mentions[:n], scope.tokens[mention.head].sent.start)
        if role is not None:
            mention.sector, mention.country = role.sector, mention.country or role.country
            mention.titles |= role.titles
    return mentions


def _lone_unnamed_role_before(scope: Scope, earlier: list[Mention], sentence_start: int) -> Mention | None:
    """The one definite singular person role of the sentence ending at `sentence_start`, if it
    names nobody ("the minister", not "the minister, Ann Fry,")."""
    if sentence_start == 0:
        return None
    previous = scope.tokens[sentence_start - 1].sent
    named = {m.same_as for m in earlier if m.same_as is not None}
    roles = [
        m
        for k, m in enumerate(earlier)
        if previous.start <= m.head < previous.end
        and m.role is not None
        and m.person
        and m.definite
        and m.sector not in (None, "CVL")
        and m.same_as is None
        and k not in named
    ]
    people = [m for m in earlier if previous.start <= m.head < previous.end and m.person and m.role is None]
    return roles[0] if len(roles) == 1 and not people else None


def opposition_from_party(scope: Scope, mentions: list[Mention]) -> list[Mention]:
    """ "the Liberal Democrats", "Tory leader X": a party out of government on the publication
    date, and its people whose words give no office, are the opposition (governing_parties.tsv)."""
    for mention in mentions:
        if mention.party is None or mention.sector not in ("PTY", None):
            continue
        country = split_code(mention.party.codes[0].code).country
        if party_sector(country, mention.party.name, scope.published) == "OPP":
            mention.sector = "OPP"
            mention.country = mention.country or country
    return mentions
