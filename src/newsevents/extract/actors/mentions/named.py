"""Pass 2b and 4: people and organisations named, and the dictionary names left over.

`named_mentions` reads the `Scope`, the accepted matches, the tokens inside any match and the tokens
earlier passes claimed; returns person and organisation mentions headed by a dictionary name, an
NER entity or a name a title vouches for ("Prime Minister Ion Petrescu", "Mr Cole"), spanning
their modifiers. `place_mentions` reads the accepted matches and all claimed tokens; returns the
countries, capitals and other dictionary names not inside a mention yet.
"""

from __future__ import annotations

import re

from spacy.tokens import Span

from newsevents.extract.actors.matching import PhraseMatch
from newsevents.extract.actors.mentions.lexicon import honorific_gender, is_person_title, org_sector, role_at
from newsevents.extract.actors.mentions.phrase import (
    absorb_modifiers,
    country_from_prepositions,
    dictionary_mention,
    match_starting,
    np_left,
    office_status,
    prefixed_title_left,
    sector_from_employer,
    specific_sector,
)
from newsevents.extract.actors.mentions.record import Mention, Scope
from newsevents.extract.actors.mentions.words import (
    COUNTRYISH,
    GENERIC_ROLES,
    HONORIFICS,
    MIN_TOWN_POPULATION,
    TITLE_PREFIXES,
)
from newsevents.extract.places.gazetteer import load_gazetteer
from newsevents.nlp.text import doc_ents, doc_text

# Titles of the members of the House of Lords ("Lady" is also a knight's wife: not enough alone).
_PEERAGES = frozenset({"lord", "baroness"})


def named_mentions(
    scope: Scope, accepted: list[PhraseMatch], in_match: frozenset[int], claimed_before: frozenset[int]
) -> list[Mention]:
    found: list[Mention] = []
    taken: set[int] = set(claimed_before)
    for head, match in _person_and_org_heads(scope, accepted, in_match):
        if head in taken:
            continue
        mention = _headed_mention(scope, head, match, frozenset(taken))
        taken.update(range(mention.start, mention.end))
        found.append(mention)
    return found


def _person_and_org_heads(
    scope: Scope, matches: list[PhraseMatch], in_match: frozenset[int]
) -> list[tuple[int, PhraseMatch | None]]:
    """Head tokens of person/organisation mentions, from the dictionary and from NER.

    A name that only modifies a role noun ("Biden administration official") is left for the
    role mention to absorb.
    """
    heads: dict[int, PhraseMatch | None] = {}
    for match in matches:
        owner = _modifies_role(scope, match.end - 1) or _before_prefixed_title(scope, match.end)
        owner = owner or (match.entry.kind == "institution" and _modifies_person_name(scope, match))
        if match.entry.kind in ("person", "organisation", "institution") and not owner:
            heads[match.end - 1] = match
    # Tokens of names that can stand inside an organisation's name ("Scottish Parliament").
    modifiers = {i for m in matches if m.entry.kind in COUNTRYISH for i in range(m.start, m.end)}
    # ... and a party or institution the NER takes into a person's name ("Tories Ann Cole").
    owners = modifiers | {i for m in matches if m.entry.kind == "institution" for i in range(m.start, m.end)}
    for ent in doc_ents(scope.doc):
        inside = set(range(ent.start, ent.end))
        lead = modifiers if ent.label_ == "ORG" else owners if _name_after_owner(scope, ent, owners) else set()
        unmatched = not (in_match & inside) or (not inside <= lead and (in_match & inside) <= lead)
        # A name that only modifies another noun ("Defence Minister Sergei Shoigu") is absorbed by it.
        modifier = scope.tokens[ent.end - 1].dep_ == "compound" or _names_a_role_holder(scope, ent)
        if _is_dateline(scope, ent) or _town_as_person(scope, ent):
            continue
        if ent.label_ in ("PERSON", "ORG") and unmatched and not modifier:
            heads[ent.end - 1] = None
    for head in _titled_names(scope, in_match):
        heads.setdefault(head, None)
    return sorted(heads.items())


def _name_after_owner(scope: Scope, ent: Span, owners: set[int]) -> bool:
    """ "Tories Ann Cole": a PERSON entity that is a party's name and then a full personal name
    (two proper nouns at least, none of them the party's: not "say the Lib Dems", "Westminster Hour")."""
    if ent.label_ != "PERSON" or ent.start not in owners:
        return False
    name = [t for t in ent if t.i not in owners]
    return len(name) >= 2 and all(t.pos_ == "PROPN" for t in name) and name[0].i > max(i for i in owners if i < ent.end)


def _names_a_role_holder(scope: Scope, ent: Span) -> bool:
    """ "BBC political correspondent Mark Mardell": an organisation the parser hangs on a title
    (nmod) is where that person works, absorbed by the person's mention."""
    last = scope.tokens[ent.end - 1]
    return ent.label_ == "ORG" and last.dep_ == "nmod" and role_at(scope, last.head, modifier=True) is not None


def _is_dateline(scope: Scope, ent: Span) -> bool:
    """ "DAYTON, Ohio —", "LONDON (Reuters) -": the place a story was filed from, not an actor."""
    opening = all(t.is_space for t in scope.tokens[: ent.start])
    return opening and all(t.is_upper for t in ent if t.is_alpha)


def _town_as_person(scope: Scope, ent: Span) -> bool:
    """The small model tags towns as people ("Brentwood voted ..."): a one-word PERSON the
    gazetteer knows as a sizeable place is left out, unless a title, an honorific or a fuller
    name elsewhere in the article ("Mr Lincoln", "Ann Lincoln") shows it is a surname."""
    if ent.label_ != "PERSON" or len(ent) != 1:
        return False
    token = ent[0]
    if any(c.dep_ == "compound" for c in token.lefts) or (token.i > 0 and scope.tokens[token.i - 1].pos_ == "PROPN"):
        return False
    if any(e.label_ == "PERSON" and len(e) > 1 and e[-1].text == token.text for e in doc_ents(scope.doc)):
        return False
    places = [p for p in load_gazetteer().lookup(token.text) if p.kind in ("city", "admin")]
    return any(p.population >= MIN_TOWN_POPULATION for p in places)


def _titled_names(scope: Scope, in_match: frozenset[int]) -> list[int]:
    """Proper names the small model's NER misses but a title vouches for as a person:
    "Prime Minister Ion Petrescu", "Ion Petrescu, the Moldovan Foreign Minister"."""
    heads = []
    for token in scope.tokens:
        if token.pos_ != "PROPN" or token.dep_ == "compound" or token.i in in_match or not token.is_title:
            continue
        # "Mr Cole" is a person whatever the small model's NER calls "Cole".
        honorific = any(c.dep_ == "compound" and c.lower_.rstrip(".") in HONORIFICS for c in token.lefts)
        names = [c for c in token.lefts if c.dep_ == "compound" and c.pos_ == "PROPN"]
        # "president Thabo Mbeki" tagged GPE: a person's title before a two-word name outweighs the NER.
        person_title = bool(names) and any(is_person_title(scope, c) for c in token.lefts if c.dep_ == "compound")
        vouched_type = honorific or (person_title and token.ent_type_ in ("GPE", "LOC", "ORG", "NORP"))
        if not vouched_type and token.ent_type_ in ("GPE", "LOC", "ORG", "NORP", "DATE", "FAC", "EVENT", "PRODUCT"):
            continue
        titled = honorific or any(role_at(scope, c, modifier=True) for c in token.lefts if c.dep_ == "compound")
        appos = [c for c in token.children if c.dep_ == "appos"] + ([token.head] if token.dep_ == "appos" else [])
        vouched = titled or any((r := role_at(scope, a)) is not None and r.person for a in appos)
        if vouched and (names or titled):
            heads.append(token.i)
    return heads


def _modifies_role(scope: Scope, i: int) -> bool:
    token = scope.tokens[i]
    # "Labour leader Jo Bloggs" too, and a party adjective: "Conservative leader Jo Bloggs"
    while token.dep_ in ("compound", "nmod", "amod") and token.head.i != token.i:
        token = token.head
        if role_at(scope, token, modifier=True) is not None:
            return True
    return False


def _modifies_person_name(scope: Scope, match: PhraseMatch) -> bool:
    """ "Liberal Democrat Ann Cole", "Tories Bob Dale": a party written before a person's name."""
    last = scope.tokens[match.end - 1]
    name = last.head
    return last.dep_ == "compound" and name.i >= match.end and name.pos_ == "PROPN" and name.ent_type_ == "PERSON"


def _before_prefixed_title(scope: Scope, i: int) -> bool:
    """ "Tory co-chairman": the name is the owner of a split title, absorbed by the title's mention."""
    words = scope.tokens[i : i + 3]
    if len(words) < 3 or words[0].lower_ not in TITLE_PREFIXES or words[1].text != "-":
        return False
    return not words[0].whitespace_ and role_at(scope, words[2], modifier=True) is not None


def _headed_mention(scope: Scope, head: int, match: PhraseMatch | None, taken: frozenset[int]) -> Mention:
    mention = dictionary_mention(scope, match) if match is not None else _unknown_entity_mention(scope, head, taken)
    left = np_left(scope, scope.tokens[head], mention.start, taken)
    left = prefixed_title_left(scope, left, taken)
    while left < head and scope.tokens[left].dep_ == "det":  # "The Tory leader Pat Finch" spans no "The"
        left += 1
    mention.start, mention.head = left, head
    absorb_modifiers(scope, mention, left, mention.end if match is None else match.start)
    country_from_prepositions(scope, mention)
    sector_from_employer(scope, mention)
    if mention.person and mention.gender is None:
        mention.gender = honorific_gender(scope, left)
    if match is None and mention.titles & GENERIC_ROLES:  # "Labour leader Jo Bloggs" leads a party
        mention.sector = specific_sector(scope, mention) or mention.sector
    mention.sector = office_status(scope, mention, left) or mention.sector
    if mention.person and mention.sector is None and mention.party is not None:
        mention.sector = "PTY"  # "Liberal Democrat Ann Cole": a party member with no office named
    if mention.person and mention.sector in (None, "PTY") and _us_party_label_after(scope, mention.end):
        mention.sector, mention.country = "LEG", mention.country or "USA"
    mention.peer = mention.person and _peer(scope, left, head)
    return mention


# "Ann Cole (D-Ore.)", "Bob Dale, R-Texas,", "Ann Cole (R)": American papers label members of
# Congress and state legislatures with their party's initial and state; an office in the title wins.
_US_PARTY_LABEL = re.compile(
    r"\s*(?:\((?:R|D|I)(?:-[A-Z][A-Za-z. ]{0,12})?\)"  # "(D-Ore.)", "(R)"
    r"|,\s*(?:R|D|I)-[A-Z][A-Za-z. ]{0,12}[,;.])"  # ", R-Kan.,"
)


def _us_party_label_after(scope: Scope, end: int) -> bool:
    if end >= len(scope.tokens):
        return False
    last = scope.tokens[end - 1]
    return _US_PARTY_LABEL.match(doc_text(scope.doc), last.idx + len(last.text)) is not None


def _peer(scope: Scope, left: int, head: int) -> bool:
    return any(t.lower_ in _PEERAGES and t.is_title for t in scope.tokens[max(left - 1, 0) : head])


def _ent_start(scope: Scope, head: int) -> int:
    i = head
    if scope.tokens[head].ent_iob_ in ("B", "I"):
        while i > 0 and scope.tokens[i].ent_iob_ == "I":
            i -= 1
    return i


def _unknown_entity_mention(scope: Scope, head: int, taken: frozenset[int]) -> Mention:
    tokens = scope.tokens
    start = _ent_start(scope, head)
    if tokens[head].ent_type_ not in ("PERSON", "ORG"):  # a titled name NER missed
        start = np_left(scope, tokens[head], head, taken)
        while start < head and (tokens[start].pos_ != "PROPN" or role_at(scope, tokens[start], True)):
            start += 1
        return Mention(start, head + 1, head, "person", scope.doc[start : head + 1].text, person=True)
    while start < head and tokens[start].dep_ == "det":  # NER keeps "the" in "the Defence Ministry"
        start += 1
    while tokens[head].ent_type_ == "PERSON" and (lead := match_starting(scope, start, head)) is not None:
        start = lead.end  # "Tories Ann Cole": the party is a modifier of the name, not part of it
    name = scope.doc[start : head + 1].text
    acronym = all(t.is_upper and len(t) > 1 for t in tokens[start : head + 1])  # "BAA" is no person
    honorific = honorific_gender(scope, start) is not None or tokens[start].lower_.rstrip(".") in HONORIFICS
    if (tokens[head].ent_type_ == "PERSON" and not acronym) or honorific:  # "Mr Hockney" is, whatever NER says
        return Mention(start, head + 1, head, "person", name, person=True)
    sector = scope.acronym_sectors.get(name) or org_sector(scope, name)
    return Mention(start, head + 1, head, "organisation", name, sector=sector)


def place_mentions(scope: Scope, accepted: list[PhraseMatch], taken: frozenset[int]) -> list[Mention]:
    return [
        dictionary_mention(scope, match)
        for match in accepted
        if not any(i in taken for i in range(match.start, match.end))
    ]
