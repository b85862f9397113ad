"""A mention's span and the attributes its own words give, shared by the named and role passes:
the noun phrase's left edge ("U.S. President Joe Biden"), split title prefixes ("co-chairman"),
country, titles, sector and party from its modifiers and its "of"/"in"/"for" phrases, and an
office's status ("former", "Shadow").

Reads the `Scope` and the tokens already claimed; writes the fields of the one `Mention` it is given
(or builds it, for a dictionary match).
"""

from __future__ import annotations

from spacy.tokens import Token

from newsevents.extract.actors.codes import code_on, split_code
from newsevents.extract.actors.dictionary import Entry
from newsevents.extract.actors.matching import PhraseMatch
from newsevents.extract.actors.mentions.lexicon import known_role, org_sector, place_country, role_at
from newsevents.extract.actors.mentions.record import Mention, Scope
from newsevents.extract.actors.mentions.words import (
    COUNTRYISH,
    DEFINITE_DETERMINERS,
    GENERIC_ROLES,
    MODIFIER_DEPS,
    TITLE_PREFIXES,
)

# "Russia-backed rebels": a country before one of these words backs the actor, it is not theirs.
_SPONSOR_WORDS = frozenset(
    {"backed", "friendly", "allied", "aligned", "supported", "sponsored", "funded", "armed", "linked"}
)
# Marks, among a mention's titles, the sector of an institution named before it ("Pentagon spokesman").
_INSTITUTION_TITLE = "institution:"
# The names that may stand before a split title as its owner ("Tory co-chairman", "Senate vice-chairman").
_TITLE_OWNERS = frozenset({"institution", "organisation", "country", "demonym", "region"})
# The kind of mention a dictionary entry of each kind makes.
_KIND_OF_ENTRY = {
    "country": "country",
    "demonym": "country",
    "region": "country",
    "capital": "government",
    "institution": "government",
    "organisation": "organisation",
    "person": "person",
}


def np_left(scope: Scope, head: Token, floor: int, taken: frozenset[int]) -> int:
    """Leftmost token of the contiguous modifiers of `head` ("U.S. President Joe Biden")."""
    left = floor
    for child in reversed(list(head.lefts)):
        if child.i >= floor:
            continue
        if child.dep_ not in MODIFIER_DEPS or child.right_edge.i != left - 1 or child.tag_ == "PRP$":
            break
        if any(t.is_quote or t.is_bracket or t.is_space or (t.is_punct and t.text != "-") for t in child.subtree):
            break  # a modifier never spans quotes or brackets: "Guantanamo man 'suing government"
        if any(t.i in taken for t in child.subtree):
            break
        left = child.left_edge.i
    return left


def prefixed_title_left(scope: Scope, left: int, taken: frozenset[int]) -> int:
    """ "Tory co-chairman X", "the vice-chairman": the tokenizer splits a title's prefix off and the
    parser hangs the pieces elsewhere, so the prefix, and a party, institution or country written just
    before it, are taken back into the mention by their place in the text."""
    tokens = scope.tokens
    if left < 2 or tokens[left - 1].text != "-" or tokens[left - 2].lower_ not in TITLE_PREFIXES:
        return left
    if tokens[left - 2].whitespace_ or tokens[left - 1].whitespace_ or not _free(taken, left - 2, left):
        return left
    left -= 2
    before = next((m for m in scope.match_at_start.values() if m.end == left), None)
    if before is not None and before.entry.kind in _TITLE_OWNERS and _free(taken, before.start, left):
        left = before.start
    return left


def _free(taken: frozenset[int], start: int, end: int) -> bool:
    return not any(i in taken for i in range(start, end))


def determiner_before(scope: Scope, left: int, head: int) -> bool:
    if left == 0:
        return False
    det = scope.tokens[left - 1]
    owned = left <= det.head.i <= head and det.head.dep_ != "poss"  # not "the country's officials"
    return det.dep_ == "det" and det.lower_ in DEFINITE_DETERMINERS and owned


def dictionary_mention(scope: Scope, match: PhraseMatch) -> Mention:
    entry = match.entry
    code = code_on(entry.codes, scope.published) or ""
    parts = split_code(code)
    mention = Mention(match.start, match.end, match.end - 1, _KIND_OF_ENTRY[entry.kind], entry.name, entry=entry)
    mention.country, mention.sector, mention.entry_code = parts.country, parts.sector, code or None
    mention.org = entry.org
    mention.person = entry.kind == "person"
    mention.gender = entry.gender
    if entry.kind == "capital":
        mention.sector = "GOV"
    if entry.kind == "demonym" and scope.tokens[match.end - 1].tag_ in ("NNS", "NNPS"):
        mention.sector, mention.kind = "CVL", "group"  # "Palestinians", "Serbs": the people
    if entry.kind == "organisation":
        mention.country = parts.country
    mention.party = _party_of(scope, match)
    return mention


def _party_of(scope: Scope, match: PhraseMatch) -> Entry | None:
    """The party a dictionary phrase names; not one the person has left ("ex-Labour MP")."""
    entry = match.entry
    if entry.kind != "institution" or split_code(entry.codes[0].code).sector != "PTY":
        return None
    before = scope.tokens[max(match.start - 2, 0) : match.start]
    return None if any(t.lower_ in ("ex", "ex-", "former") for t in before) else entry


def absorb_modifiers(scope: Scope, mention: Mention, start: int, end: int) -> None:
    """Country, titles and sector from the words before the head ("Belarusian President")."""
    i = start
    while i < end:
        token = scope.tokens[i]
        found = match_starting(scope, i, end)
        if found is not None:
            if not _sponsor_only(scope, found.end):
                _take_country_from(scope, mention, found.entry)
            if found.entry.kind == "institution":  # "Pentagon spokesman", "Labour leader"
                mention.titles.add(_INSTITUTION_TITLE + (split_code(found.entry.codes[0].code).sector or ""))
                mention.party = mention.party or _party_of(scope, found)
            i = found.end
            continue
        role = role_at(scope, token, modifier=True)
        if role is not None:
            mention.titles.add(role.phrase)
            mention.sector = mention.sector or role.sector
        elif token.text in scope.acronym_sectors:  # "PSU leader X" works for the union defined earlier
            mention.titles.add(_INSTITUTION_TITLE + scope.acronym_sectors[token.text])
        elif mention.country is None and not (mention.person and i == mention.head):
            mention.country = place_country(token)  # a person's surname ("Mr Hague") is no town of theirs
        i += 1


def _sponsor_only(scope: Scope, i: int) -> bool:
    """ "Russia-backed rebels" are backed by Russia, not Russian."""
    following = scope.tokens[i : i + 2]
    return len(following) == 2 and following[0].text == "-" and following[1].lower_ in _SPONSOR_WORDS


def match_starting(scope: Scope, i: int, end: int) -> PhraseMatch | None:
    match = scope.match_at_start.get(i)
    return match if match is not None and match.end <= end else None


def country_from_prepositions(scope: Scope, mention: Mention) -> None:
    """ "the Defence Ministry in Moscow", "the Ministry of Defence of Ukraine"."""
    if mention.country is not None or (mention.role is None and mention.kind not in ("organisation", "government")):
        return
    for prep in scope.tokens[mention.head].rights:
        if prep.dep_ != "prep" or prep.lower_ not in ("in", "of"):
            continue
        for obj in prep.children:
            # "the governor of the eastern province of Kandahar": any country or town below.
            for token in obj.subtree:
                found = scope.match_at_start.get(token.i)
                if found is not None and found.entry.kind in COUNTRYISH:
                    _take_country_from(scope, mention, found.entry)
                elif mention.country is None:
                    mention.country = place_country(token)
                if mention.country is not None:
                    return


def employer_from_of(scope: Scope, mention: Mention) -> None:
    """ "chairman of the Commons transport committee", "spokesman for the Pentagon": a generic
    title held in a national institution named after it takes that institution's sector."""
    if mention.role not in GENERIC_ROLES:
        return
    for prep in scope.tokens[mention.head].rights:
        if prep.dep_ == "prep" and prep.lower_ in ("of", "for", "at"):
            for token in prep.subtree:
                found = scope.match_at_start.get(token.i)
                if found is not None and found.entry.kind == "institution":
                    mention.titles.add(_INSTITUTION_TITLE + (split_code(found.entry.codes[0].code).sector or ""))
                    _take_country_from(scope, mention, found.entry)
                    return


# Bodies whose people speak for them rather than for the state: "director of the X Alliance",
# "Ann Cole, from the X union", "general secretary of the Y Workers' Union".
_NON_STATE_BODY_SECTORS = frozenset({"BUS", "NGO", "MED", "EDU", "LAB"})
_STAFF_TITLES = GENERIC_ROLES | {"secretary", "general secretary", "president", "chief executive"}


def sector_from_employer(scope: Scope, mention: Mention) -> None:
    """A staff title, or a name with no title, followed by "of/from/at" a non-state body named by
    its telling word takes that body's sector: a union's general secretary is LAB, not GOV."""
    if mention.role not in _STAFF_TITLES and not (mention.person and mention.role is None and not mention.titles):
        return
    for prep in scope.tokens[mention.head].rights:
        if prep.dep_ != "prep" or prep.lower_ not in ("of", "from", "at", "for"):
            continue
        body = next((c for c in prep.children if c.dep_ == "pobj"), None)
        if body is not None and mention.role is None and (party := _party_at(scope, body)) is not None:
            mention.party, mention.sector = party, "PTY"  # "Ann Cole, for the Liberal Democrats,"
            return
        if body is None or body.i in scope.match_at_start or prep.lower_ == "for":
            return  # a known body ("of the Treasury") is the dictionary's business
        first = body.left_edge.i
        name = scope.doc[first : body.i + 1].text if body.pos_ == "PROPN" or body.ent_type_ == "ORG" else body.lower_
        sector = org_sector(scope, name)
        if sector in _NON_STATE_BODY_SECTORS:
            mention.sector = sector
        return


def _party_at(scope: Scope, body: Token) -> Entry | None:
    """The party a prepositional object names ("for the Liberal Democrats", "from Labour")."""
    for i in range(body.left_edge.i, body.i + 1):
        match = scope.match_at_start.get(i)
        if match is not None and match.end == body.i + 1:
            return _party_of(scope, match)
    return None


def _take_country_from(scope: Scope, mention: Mention, entry: Entry) -> None:
    if mention.country is not None or mention.org is not None:
        return
    if entry.kind == "organisation" and mention.role is not None:
        # "UN troops", "NATO peacekeepers", "EU officials" act for the organisation.
        code = code_on(entry.codes, scope.published)
        mention.org, mention.entry_code, mention.sector = entry.org, code, split_code(code or "").sector
        mention.country = split_code(code or "").country
        return
    if entry.kind in COUNTRYISH or entry.kind in ("person", "institution"):
        code = code_on(entry.codes, scope.published)
        mention.country = split_code(code).country if code else None


def specific_sector(scope: Scope, mention: Mention) -> str | None:
    """ "opposition leaders" → OPP, "rebel commander" → REB, "Pentagon spokesman" → MIL."""
    titles = sorted(t for t in mention.titles if t != mention.role and t not in GENERIC_ROLES)
    sectors = [role.sector for t in titles if (role := known_role(scope, t)) is not None]
    sectors += [t[len(_INSTITUTION_TITLE) :] for t in titles if t.startswith(_INSTITUTION_TITLE)]
    return next((sector for sector in sectors if sector and sector != "GOV"), None)


def office_status(scope: Scope, mention: Mention, left: int) -> str | None:
    """ "former Foreign Secretary X" is an elite (ELI), out of office; "Shadow Home Secretary X"
    speaks for the opposition (OPP). Only an office the text names, never a dictionary code."""
    words = {t.lower_ for t in scope.tokens[left : mention.head]}
    if not mention.titles or not mention.person:
        return None
    if "shadow" in words:
        return "OPP"
    if words & {"former", "ex", "ex-"} and mention.entry is None:
        return "ELI"
    return None
