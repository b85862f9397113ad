"""Pass 6: what one mention tells another, over the sorted list of mentions: appositions,
owners ("the charity's director"), what a business owns, conjuncts ("Labour's X and Y"),
"who is ..." clauses, a role named in the sentence just before, and a party in opposition on
the publication date.

Reads the `Scope` and the mentions; each pass returns `Replacements` (the index of each mention it
gives something to → a new record made with `dataclasses.replace`; `link_appositions` sets
`same_as` indices) and never changes the list or the records it is given. Within one pass the
mentions are taken in text order and a later one reads what the pass gave an earlier one. The
driver (`finder.RELATION_PASSES`) applies each pass's result before the next runs, in this order,
because each reads what the ones before gave:
- `link_appositions` first: it links "Velmora, the company" only while Velmora has no sector,
  which `business_from_what_it_owns` may give it;
- `sector_from_owner` before `party_from_conjunct`: "the Tories' Ann Cole and Bob Dale" gives Cole
  the party her conjunct Dale then shares;
- `opposition_from_party` last: it reads the party and the sector all the others may have set.
"""

from __future__ import annotations

from dataclasses import replace

from spacy.tokens import Doc, Token

from newsevents.extract.actors.codes import code_on, split_code
from newsevents.extract.actors.mentions.record import Mention, Replacements, Scope, replaced
from newsevents.extract.actors.mentions.words import GENERIC_ROLES
from newsevents.extract.actors.parties import party_sector

# Sectors of the nouns that describe a body named before ("the company", "the charity", "the union"):
# public institutions ("the council", "the court", "the police") are bodies of their own, not descriptions.
_DESCRIBED_BODY_SECTORS = frozenset({"BUS", "NGO", "MED", "EDU", "LAB", "PTY"})


def link_appositions(scope: Scope, mentions: list[Mention]) -> Replacements:
    """ "Sergey Lavrov, Foreign Minister," and "the Belarusian President, Alexander Lukashenko";
    "Velmora, the trucking company," names an organisation the dictionary does not know.

    People are linked, and an unknown organisation with a description of a body: the parser also
    calls lists of groups appositions ("Ukrainian forces, Russia-backed rebels"), different actors.
    Returns the linked mentions with `same_as` set to the index of the one they co-refer with.
    """
    doc = scope.doc
    by_head = {m.head: n for n, m in enumerate(mentions)}
    links: dict[int, int] = {}
    for n, mention in enumerate(mentions):
        head = doc[mention.head]
        if head.dep_ == "appos" and head.head.i in by_head:
            k = by_head[head.head.i]
            other = mentions[k]
            if mention.person and other.person and (_is_description(doc, mention) or _is_description(doc, other)):
                links[n] = k  # two names side by side are a list, not one person
            elif describes_unknown_body(mention, other) or describes_unknown_body(other, mention):
                (_, earlier), (later, _) = sorted(((n, mention), (k, other)), key=lambda pair: pair[1].start)
                links[later] = by_head[earlier.head]
    return {n: replace(mentions[n], same_as=target) for n, target in links.items()}


def _is_description(doc: Doc, mention: Mention) -> bool:
    """ "the Foreign Minister", "the Lord Chancellor": headed by a role word, not by a name."""
    return mention.role is not None or doc[mention.head].lower_ in mention.titles


def describes_unknown_body(description: Mention, named: Mention) -> bool:
    """ "the company", "a charity" describing "Velmora", an organisation with no sector of its own."""
    unknown = named.kind == "organisation" and named.entry is None and named.sector is None
    body = description.role is not None and not description.person and description.sector in _DESCRIBED_BODY_SECTORS
    return unknown and body


def sector_from_owner(scope: Scope, mentions: list[Mention]) -> Replacements:
    """ "the charity's director", "Acme's spokeswoman": a generic title, or a name without one,
    works for the body that owns it, so it takes that body's sector (and country, if it has none).
    Taken in text order, so an owner that was itself owned before ("the union's branch's secretary")
    passes on what it took."""
    by_token = {i: n for n, m in enumerate(mentions) for i in range(m.start, m.end)}
    found: Replacements = {}
    for n, mention in enumerate(mentions):
        generic = mention.role in GENERIC_ROLES or (mention.person and not mention.titles)
        if not generic or mention.kind == "pronoun":
            continue
        k = next(
            (by_token.get(c.i) for c in scope.tokens[mention.head].lefts if c.dep_ == "poss" and c.tag_ != "PRP$"),
            None,
        )
        owner = found.get(k, mentions[k]) if k is not None else None
        if owner is None or k == n or owner.person or owner.sector is None:
            continue
        found[n] = _owned_by(mention, owner)
    return found


def _owned_by(mention: Mention, owner: Mention) -> Mention:
    """`mention` working for `owner`: its sector, and its country, party and IGO/NGO if it has none."""
    new = replace(
        mention,
        sector=owner.sector,
        country=mention.country or owner.country,
        party=mention.party or owner.party,  # "the Tories' Ann Cole" is in opposition with them
    )
    if owner.sector in ("IGO", "NGO", "IMG") and owner.org:
        new = replace(new, org=owner.org, entry_code=owner.entry_code)
    return new


# Titles of staff who speak or work for a principal ("a spokeswoman for X", "X's aide").
_STAFF_OF_PRINCIPAL = frozenset(
    {"spokesman", "spokeswoman", "spokesperson", "aide", "adviser", "advisor", "staffer", "strategist"}
)
# Codes of a principal who holds no office: a candidate, a party figure, a former office holder.
_OUT_OF_OFFICE = frozenset({"PTY", "ELI"})


def staff_of_campaigns(scope: Scope, mentions: list[Mention]) -> Replacements:
    """ "a spokeswoman for the candidate", "Ann Cole's aide", "an adviser to the campaign": the staff
    of a candidate, party figure or campaign work for a campaign (PTY; CODING: aides PTY), not for a
    government, which their generic title would otherwise give them."""
    by_token = {i: n for n, m in enumerate(mentions) for i in range(m.start, m.end) if m.kind != "pronoun"}
    found: Replacements = {}
    for n, mention in enumerate(mentions):
        if mention.role not in _STAFF_OF_PRINCIPAL or mention.sector not in ("GOV", None):
            continue
        head = scope.tokens[mention.head]
        principals = [c for c in head.lefts if c.dep_ == "poss"]
        for prep in head.rights:
            if prep.dep_ == "prep" and prep.lower_ in ("for", "to"):
                principals += [c for c in prep.children if c.dep_ == "pobj"]
        owners = [mentions[k] for c in principals if (k := by_token.get(c.i)) is not None and k != n]
        owner = next((o for o in owners if o.sector in _OUT_OF_OFFICE and (o.person or o.sector == "PTY")), None)
        if owner is not None:
            found[n] = replace(mention, sector="PTY", country=mention.country or owner.country)
        elif any(_absorbed_person_out_of_office(scope, c) for c in principals if by_token.get(c.i) == n):
            found[n] = replace(mention, sector="PTY")  # "Ann Cole's spokeswoman", one mention with its owner
    return found


def _absorbed_person_out_of_office(scope: Scope, owner: Token) -> bool:
    """A known person, out of office on the publication date, named as the possessor inside a title."""
    match = next((m for m in scope.match_at_start.values() if m.start <= owner.i < m.end), None)
    if match is None or match.entry.kind != "person":
        return False
    code = code_on(match.entry.codes, scope.published)
    return code is not None and split_code(code).sector in _OUT_OF_OFFICE


# What only a business has: "Acme's shareholders", "the firm apologised to its customers".
_BUSINESS_BELONGINGS = frozenset(
    {"customers", "shareholders", "clients", "investors", "shares", "profits", "subscribers"}
)


def business_from_what_it_owns(scope: Scope, mentions: list[Mention]) -> Replacements:
    """An organisation the dictionaries do not know, with no telling word in its name, is a business
    (BUS) when it owns customers, shareholders or profits ("X's investors", "X apologised to its
    customers": "its" read as the clause's subject)."""
    by_token = {i: n for n, m in enumerate(mentions) for i in range(m.start, m.end)}
    found: Replacements = {}
    for token in scope.tokens:
        if token.lower_ not in _BUSINESS_BELONGINGS:
            continue
        owner = next((c for c in token.children if c.dep_ == "poss"), None)
        if owner is not None and owner.tag_ == "PRP$" and owner.lower_ == "its":
            owner = _clause_subject(token)
        n = by_token.get(owner.i) if owner is not None else None
        if n is None or n in found:
            continue
        mention = mentions[n]
        if mention.kind == "organisation" and mention.entry is None and mention.sector is None:
            found[n] = replace(mention, sector="BUS")
    return found


def _clause_subject(token: Token) -> Token | None:
    verb = token
    while verb.pos_ not in ("VERB", "AUX") and verb.head.i != verb.i:
        verb = verb.head
    return next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)


def party_from_conjunct(scope: Scope, mentions: list[Mention]) -> Replacements:
    """ "Labour's Sam Fry and Ian Lowe", "Tories Ann Cole and Bob Dale": a bare name joined to a
    party member's name shares that party (and its country), as the list's writer meant. Taken in
    text order, so a name can pass on the party it took from the one before it."""
    by_head = {m.head: n for n, m in enumerate(mentions) if m.kind == "person"}
    found: Replacements = {}
    for n, mention in enumerate(mentions):
        head = scope.tokens[mention.head]
        bare = mention.kind == "person" and mention.entry is None and not mention.titles and mention.sector is None
        k = by_head.get(head.head.i) if head.dep_ == "conj" else None
        member = found.get(k, mentions[k]) if k is not None else None
        if not bare or member is None or member.party is None or member.start > mention.start:
            continue
        found[n] = replace(mention, party=member.party, sector="PTY", country=mention.country or member.country)
    return found


def title_from_relative_clause(scope: Scope, mentions: list[Mention]) -> Replacements:
    """ "Ann Fry, who is chairman of the Commons committee, warned ...": a named person with no
    title of their own holds the role a "who is/was" clause gives them (its sector and country)."""
    by_head = {m.head: n for n, m in enumerate(mentions)}
    found: Replacements = {}
    for n, mention in enumerate(mentions):
        if not mention.person or mention.kind == "pronoun" or mention.titles or mention.sector:
            continue
        for clause in scope.tokens[mention.head].children:
            if clause.dep_ != "relcl" or clause.lemma_ != "be":
                continue
            if not any(c.dep_ == "nsubj" and c.lower_ == "who" for c in clause.children):
                continue
            k = next((by_head[c.i] for c in clause.children if c.dep_ == "attr" and c.i in by_head), None)
            role = found.get(k, mentions[k]) if k is not None else None
            # "who was the first woman to ...": a plain person noun (CVL) is no title
            if role is not None and role.role is not None and role.sector and role.sector != "CVL":
                now = found.get(n, mention)
                found[n] = replace(
                    now, sector=role.sector, country=now.country or role.country, titles=now.titles | {role.role}
                )
    return found


def title_from_role_just_before(scope: Scope, mentions: list[Mention]) -> Replacements:
    """ "..., the health secretary has said. Ann Fry said ...": news names a person by role first and
    by name in the next sentence. A person named for the first time, with nothing said of them, holds
    the one unnamed singular role ("the health secretary") of the sentence just before."""
    seen_surnames: set[str] = set()
    found: Replacements = {}
    described = {m.same_as for m in mentions if m.same_as is not None}  # "Ann Fry, the group's director,"
    for n, mention in enumerate(mentions):
        if mention.kind != "person" or mention.role is not None or not mention.person:
            continue
        if mention.same_as is not None or n in described:
            continue  # an apposition says who she is
        surname = mention.name.split()[-1]
        first_time = surname not in seen_surnames
        if mention.end - mention.start > 1:  # a headline's bare surname ("Fry warns ...") has not named her yet
            seen_surnames.add(surname)
        if not first_time or mention.entry is not None or mention.titles or mention.sector or mention.party:
            continue
        earlier = replaced(mentions[:n], found)  # as this pass left them
        role = _lone_unnamed_role_before(scope, earlier, scope.tokens[mention.head].sent.start)
        if role is not None:
            found[n] = replace(
                mention,
                sector=role.sector,
                country=mention.country or role.country,
                titles=mention.titles | role.titles,
            )
    return found


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
        and (m.definite or _has_possessor(scope, m))
        and m.sector not in (None, "CVL")
        and m.same_as is None
        and k not in named
    ]
    people = [
        m
        for m in earlier
        if previous.start <= m.head < previous.end and m.person and m.role is None and m.kind != "pronoun"
    ]
    return roles[0] if len(roles) == 1 and not people else None


def _has_possessor(scope: Scope, mention: Mention) -> bool:
    """ "Scotland's health minister", "its chairman": a possessor makes a role as definite as "the"."""
    return any(c.dep_ == "poss" for c in scope.tokens[mention.head].lefts)


# "a future Tory government": a party's government that does not govern on the date is that party
_GOVERNMENTS = frozenset({"government", "administration"})


def opposition_from_party(scope: Scope, mentions: list[Mention]) -> Replacements:
    """ "the Liberal Democrats", "Tory leader X": a party out of government on the publication
    date, and its people whose words give no office, are the opposition (governing_parties.tsv),
    and so is a government of that party ("a Tory government would ...")."""
    found: Replacements = {}
    for n, mention in enumerate(mentions):
        if mention.party is None or (mention.sector not in ("PTY", None) and mention.role not in _GOVERNMENTS):
            continue
        country = split_code(mention.party.codes[0].code).country
        if party_sector(country, mention.party.name, scope.published) == "OPP":
            found[n] = replace(mention, sector="OPP", country=mention.country or country)
    return found
