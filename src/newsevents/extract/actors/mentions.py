"""Actor mentions in a parsed document, before they are chained into entities.

Three sources, in order of trust: dictionary phrases (countries, capitals, institutions, IGOs,
people), spaCy's PERSON/ORG entities, and role nouns ("officials", "troops", "Foreign Minister").
A mention spans its noun phrase without the determiner ("U.S. President Joe Biden",
"senior Biden administration official"); modifiers inside it give its country and sector.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field, replace

from spacy.tokens import Doc, Span, Token

from newsevents.extract.actors.codes import code_on, join_code, split_code
from newsevents.extract.actors.dictionary import ActorDictionary, Entry, Role
from newsevents.extract.actors.matching import PhraseIndex, PhraseMatch
from newsevents.extract.actors.parties import party_sector
from newsevents.extract.places.gazetteer import load_gazetteer
from newsevents.nlp.text import doc_ents, doc_tokens

# Modifiers that stay inside a mention's span: "U.S. President Joe Biden", "Russian troops".
_MODIFIER_DEPS = frozenset({"compound", "amod", "nmod", "poss"})
# A capital after one of these is a place ("talks in Minsk"), not a government acting.
_LOCATIVE_PREPS = frozenset(
    {"in", "at", "near", "into", "inside", "outside", "around", "across", "throughout", "within", "from", "via"}
)
# Role words that take the sector of a more specific modifier ("opposition leader", "army spokesman").
_GENERIC_ROLES = frozenset(
    {"leader", "official", "spokesman", "spokeswoman", "spokesperson", "commander", "chief", "director", "officer"}
    | {"chairman", "chairwoman", "chairperson", "aide", "adviser", "advisor", "staffer"}
)
# Sectors of the nouns that describe a body named before ("the company", "the charity", "the union"):
# public institutions ("the council", "the court", "the police") are bodies of their own, not descriptions.
_DESCRIBED_BODY_SECTORS = frozenset({"BUS", "NGO", "MED", "EDU", "LAB", "PTY"})
# A town must be at least this large for its name to tell a mention's country.
_MIN_TOWN_POPULATION = 20_000
_SPONSOR_WORDS = frozenset(
    {"backed", "friendly", "allied", "aligned", "supported", "sponsored", "funded", "armed", "linked"}
)
_PRONOUNS = {"he": "m", "him": "m", "his": "m", "she": "f", "her": "f", "hers": "f"}
# Pronouns of bodies and groups, and whether they are plural: "it said", "they voted".
_BODY_PRONOUNS = {"it": False, "its": False, "they": True, "them": True, "their": True}
# "It is unclear", "it emerged that", "it was raining": a dummy subject, no one.
_DUMMY_IT_VERBS = frozenset(
    {"be", "seem", "appear", "emerge", "happen", "remain", "matter", "rain", "snow", "become", "follow", "mean"}
    | {"look", "turn", "take", "cost", "help", "hurt", "feel", "sound", "occur", "make"}
)
_HONORIFICS = {
    "mr": "m",
    "mrs": "f",
    "ms": "f",
    "miss": "f",
    "sir": "m",
    "lord": "m",
    "lady": "f",
    "baroness": "f",
    "dame": "f",
    "dr": None,
}
# Titles of the members of the House of Lords ("Lady" is also a knight's wife: not enough alone).
_PEERAGES = frozenset({"lord", "baroness"})
# Marks, among a mention's titles, the sector of an institution named before it ("Pentagon spokesman").
_INSTITUTION_TITLE = "institution:"
_COUNTRYISH = frozenset({"country", "demonym", "capital", "region"})
# Prefixes the tokenizer splits off a title ("co-chairman", "vice-president"), and the names that
# may stand before such a title as its owner ("Tory co-chairman", "Senate vice-chairman").
_TITLE_PREFIXES = frozenset({"co", "vice", "deputy"})
_DEFINITE_DETERMINERS = frozenset({"the", "this", "that"})
_TITLE_OWNERS = frozenset({"institution", "organisation", "country", "demonym", "region"})
# Words in an unknown organisation's name that tell its sector.
_ORG_NAME_SECTORS = {
    "ministry": "GOV",
    "executive": "GOV",
    "government": "GOV",
    "council": "GOV",
    "commission": "GOV",
    "office": "GOV",
    "department": "GOV",
    "agency": "GOV",
    "army": "MIL",
    "forces": "MIL",
    "military": "MIL",
    "navy": "MIL",
    "command": "MIL",
    "guard": "MIL",
    "court": "JUD",
    "tribunal": "JUD",
    "parliament": "LEG",
    "assembly": "LEG",
    "senate": "LEG",
    "congress": "LEG",
    "police": "COP",
    "bank": "BUS",
    "company": "BUS",
    "corp": "BUS",
    "inc": "BUS",
    "ltd": "BUS",
    "airlines": "BUS",
    "group": "BUS",
    "news": "MED",
    "times": "MED",
    "post": "MED",
    "television": "MED",
    "radio": "MED",
    "press": "MED",
    "university": "EDU",
    "college": "EDU",
    "school": "EDU",
    "foundation": "NGO",
    "charity": "NGO",
    "trust": "NGO",
    "network": "MED",
    "campaign": "PTY",
    "board": "GOV",
    "front": "REB",
    "brigade": "REB",
    "liberation": "REB",
    "party": "PTY",
    "union": "LAB",
    "holdings": "BUS",
    "services": "BUS",
    "industries": "BUS",
    "llc": "BUS",
    "plc": "BUS",
    "inc.": "BUS",
    "corp.": "BUS",
    "co.": "BUS",
    "journal": "MED",
    "tribune": "MED",
    "herald": "MED",
    "gazette": "MED",
    "magazine": "MED",
}


@dataclass
class Mention:
    start: int  # token index
    end: int  # token index, exclusive
    head: int  # token index of the head word
    kind: str
    name: str
    entry: Entry | None = None
    country: str | None = None
    org: str | None = None
    sector: str | None = None
    role: str | None = None  # the role word heading a role mention ("official", "president")
    titles: set[str] = field(default_factory=set)
    person: bool = False
    gender: str | None = None
    plural: bool = False  # a "they": its antecedent is a group or a body
    definite: bool = False
    same_as: int | None = None  # index of a mention this one is known to co-refer with (apposition)
    entry_code: str | None = None  # the dictionary's code in force on the publication date
    party: Entry | None = None  # the party the mention is, or whose title it bears ("Tory leader X")
    same_as_mention: Mention | None = None  # a report's author, before the list is indexed
    peer: bool = False  # "Lord X", "Baroness Y": a legislator (LEG) when no mention of them says more

    @property
    def code(self) -> str | None:
        if self.sector in ("IGO", "NGO", "IMG") and self.entry_code:
            return self.entry_code
        return join_code(self.country, self.sector)


@dataclass(frozen=True)
class Scope:
    """What every pass reads and none changes: the parse, the dictionaries, the article's date."""

    doc: Doc
    tokens: tuple[Token, ...]  # indexing a Doc builds a Token each time; do it once
    book: ActorDictionary
    role_words: frozenset[str]
    match_at_start: dict[int, PhraseMatch]
    published: dt.date | None
    acronym_sectors: dict[str, str] = field(default_factory=dict)  # "PCS" → "LAB", defined in the text

    @classmethod
    def build(cls, doc: Doc, book: ActorDictionary, matches: list[PhraseMatch], published: dt.date | None) -> Scope:
        phrases = [*book.roles, *book.fallback_roles]
        words = {phrase.split()[-1] for phrase in phrases} | {phrase.split()[0] for phrase in phrases}
        scope = cls(doc, doc_tokens(doc), book, frozenset(words), {m.start: m for m in matches}, published)
        return replace(scope, acronym_sectors=defined_acronyms(scope))


def defined_acronyms(scope: Scope) -> dict[str, str]:
    """ "the Public Services Union (PSU)": the acronym in brackets after an organisation's name has
    the sector the name tells, so "PSU leader X" and "the PSU" are coded like the union."""
    found: dict[str, str] = {}
    tokens = scope.tokens
    for ent in doc_ents(scope.doc):
        after = tokens[ent.end : ent.end + 3]
        if ent.label_ != "ORG" or len(after) < 3 or after[0].text != "(" or after[2].text != ")":
            continue
        acronym = after[1].text
        sector = _org_sector(scope, ent.text)
        if acronym.isupper() and len(acronym) > 1 and sector is not None:
            found[acronym] = sector
    return found


def find_mentions(doc: Doc, book: ActorDictionary, index: PhraseIndex, published: dt.date | None) -> list[Mention]:
    """All actor mentions of the document, in text order. Each pass takes the tokens the earlier
    passes claimed, so a name is never also a role ("Defence Minister Sergei Shoigu" is one mention)."""
    all_matches = index.find(doc)
    scope = Scope.build(doc, book, all_matches, published)
    all_matches = without_other_people(scope, without_place_name_parts(scope, all_matches))
    scope = replace(scope, match_at_start={m.start: m for m in all_matches})
    in_match = frozenset(i for m in all_matches for i in range(m.start, m.end))
    accepted = accepted_matches(scope, all_matches)
    civic = civic_body_mentions(scope)
    named = named_mentions(scope, accepted, in_match, claimed(civic))
    roles = role_mentions(scope, in_match, claimed(civic + named))
    places = place_mentions(scope, accepted, claimed(civic + named + roles))
    pronouns = pronoun_mentions(scope, claimed(civic + named + roles + places))
    mentions = sorted(civic + named + roles + places + pronouns, key=lambda m: m.start)
    link_appositions(doc, mentions)
    sector_from_owner(scope, mentions)
    business_from_what_it_owns(scope, mentions)
    party_from_conjunct(scope, mentions)
    title_from_relative_clause(scope, mentions)
    opposition_from_party(scope, mentions)
    return _with_documents(mentions, document_mentions(scope, mentions) + collective_mentions(scope, mentions))


def claimed(mentions: list[Mention]) -> frozenset[int]:
    return frozenset(i for m in mentions for i in range(m.start, m.end))


# -- pass 1: which dictionary matches stand for actors ------------------------------------------


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
    if given.text.endswith(".") or _person_title(scope, given) or role_at(scope, given) is not None:
        return False
    known = {word[:3].casefold() for word in match.entry.name.split()}
    return given.text[:3].casefold() not in known


def _inside_longer_name(scope: Scope, end: int) -> bool:
    following = scope.tokens[end] if end < len(scope.tokens) else None
    return following is not None and following.ent_iob_ == "I" and following.pos_ == "PROPN"


# -- pass 2a: a city, town or state acting through its government ----------------------

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
        if token.lower_ not in _CIVIC_BODIES or token.pos_ != "NOUN" or not _determiner_before(scope, token.i, token.i):
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
    countries = {p.country for p in places if p.population >= _MIN_TOWN_POPULATION}
    return countries.pop() if len(countries) == 1 else None


# -- pass 2b: persons and organisations, a head word with its modifiers ---------------------------


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
    modifiers = {i for m in matches if m.entry.kind in _COUNTRYISH for i in range(m.start, m.end)}
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
    return any(p.population >= _MIN_TOWN_POPULATION for p in places)


def _titled_names(scope: Scope, in_match: frozenset[int]) -> list[int]:
    """Proper names the small model's NER misses but a title vouches for as a person:
    "Prime Minister Ion Petrescu", "Ion Petrescu, the Moldovan Foreign Minister"."""
    heads = []
    for token in scope.tokens:
        if token.pos_ != "PROPN" or token.dep_ == "compound" or token.i in in_match or not token.is_title:
            continue
        # "Mr Cole" is a person whatever the small model's NER calls "Cole".
        honorific = any(c.dep_ == "compound" and c.lower_.rstrip(".") in _HONORIFICS for c in token.lefts)
        names = [c for c in token.lefts if c.dep_ == "compound" and c.pos_ == "PROPN"]
        # "president Thabo Mbeki" tagged GPE: a person's title before a two-word name outweighs the NER.
        person_title = bool(names) and any(_person_title(scope, c) for c in token.lefts if c.dep_ == "compound")
        vouched_type = honorific or (person_title and token.ent_type_ in ("GPE", "LOC", "ORG", "NORP"))
        if not vouched_type and token.ent_type_ in ("GPE", "LOC", "ORG", "NORP", "DATE", "FAC", "EVENT", "PRODUCT"):
            continue
        titled = honorific or any(role_at(scope, c, modifier=True) for c in token.lefts if c.dep_ == "compound")
        appos = [c for c in token.children if c.dep_ == "appos"] + ([token.head] if token.dep_ == "appos" else [])
        vouched = titled or any((r := role_at(scope, a)) is not None and r.person for a in appos)
        if vouched and (names or titled):
            heads.append(token.i)
    return heads


def _person_title(scope: Scope, token: Token) -> bool:
    role = role_at(scope, token, modifier=True)
    return role is not None and role.person and token.pos_ == "NOUN"


def _modifies_role(scope: Scope, i: int) -> bool:
    token = scope.tokens[i]
    while token.dep_ in ("compound", "nmod") and token.head.i != token.i:
        token = token.head
        if role_at(scope, token, modifier=True) is not None:  # "Labour leader Jo Bloggs" too
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
    if len(words) < 3 or words[0].lower_ not in _TITLE_PREFIXES or words[1].text != "-":
        return False
    return not words[0].whitespace_ and role_at(scope, words[2], modifier=True) is not None


def _headed_mention(scope: Scope, head: int, match: PhraseMatch | None, taken: frozenset[int]) -> Mention:
    mention = _dictionary_mention(scope, match) if match is not None else _unknown_entity_mention(scope, head, taken)
    left = _np_left(scope, scope.tokens[head], mention.start, taken)
    left = _prefixed_title_left(scope, left, taken)
    while left < head and scope.tokens[left].dep_ == "det":  # "The Tory leader Pat Finch" spans no "The"
        left += 1
    mention.start, mention.head = left, head
    _absorb_modifiers(scope, mention, left, mention.end if match is None else match.start)
    _country_from_prepositions(scope, mention)
    if mention.person and mention.gender is None:
        mention.gender = _honorific_gender(scope, left)
    if match is None and mention.titles & _GENERIC_ROLES:  # "Labour leader Jo Bloggs" leads a party
        mention.sector = _specific_sector(scope, mention) or mention.sector
    mention.sector = _office_status(scope, mention, left) or mention.sector
    if mention.person and mention.sector is None and mention.party is not None:
        mention.sector = "PTY"  # "Liberal Democrat Ann Cole": a party member with no office named
    mention.peer = mention.person and _peer(scope, left, head)
    return mention


def _peer(scope: Scope, left: int, head: int) -> bool:
    return any(t.lower_ in _PEERAGES and t.is_title for t in scope.tokens[max(left - 1, 0) : head])


def _office_status(scope: Scope, mention: Mention, left: int) -> str | None:
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
        start = _np_left(scope, tokens[head], head, taken)
        while start < head and (tokens[start].pos_ != "PROPN" or role_at(scope, tokens[start], True)):
            start += 1
        return Mention(start, head + 1, head, "person", scope.doc[start : head + 1].text, person=True)
    while start < head and tokens[start].dep_ == "det":  # NER keeps "the" in "the Defence Ministry"
        start += 1
    while tokens[head].ent_type_ == "PERSON" and (lead := _match_starting(scope, start, head)) is not None:
        start = lead.end  # "Tories Ann Cole": the party is a modifier of the name, not part of it
    name = scope.doc[start : head + 1].text
    acronym = all(t.is_upper and len(t) > 1 for t in tokens[start : head + 1])  # "BAA" is no person
    honorific = _honorific_gender(scope, start) is not None or tokens[start].lower_.rstrip(".") in _HONORIFICS
    if (tokens[head].ent_type_ == "PERSON" and not acronym) or honorific:  # "Mr Hockney" is, whatever NER says
        return Mention(start, head + 1, head, "person", name, person=True)
    sector = scope.acronym_sectors.get(name) or _org_sector(scope, name)
    return Mention(start, head + 1, head, "organisation", name, sector=sector)


def _honorific_gender(scope: Scope, start: int) -> str | None:
    """ "Mr Howard", "Mrs Hassan": the honorific before (or opening) a name tells the gender."""
    words = [scope.tokens[i].lower_.rstrip(".") for i in (start, start - 1) if i >= 0]
    return next((_HONORIFICS[w] for w in words if _HONORIFICS.get(w)), None)


def _org_sector(scope: Scope, name: str) -> str | None:
    """ "Defence Ministry" → MIL (a role phrase), else a telling word: "Supreme Court" → JUD."""
    words = [w.removesuffix("'s").rstrip("'") for w in name.lower().split()]  # "the Workers' Union's"
    for width in (3, 2):
        role = _known_role(scope, " ".join(words[-width:]))
        if role is not None and len(words) >= width:
            return role.sector
    return next((_ORG_NAME_SECTORS[w] for w in reversed(words) if w in _ORG_NAME_SECTORS), None)


def _np_left(scope: Scope, head: Token, floor: int, taken: frozenset[int]) -> int:
    """Leftmost token of the contiguous modifiers of `head` ("U.S. President Joe Biden")."""
    left = floor
    for child in reversed(list(head.lefts)):
        if child.i >= floor:
            continue
        if child.dep_ not in _MODIFIER_DEPS or child.right_edge.i != left - 1 or child.tag_ == "PRP$":
            break
        if any(t.is_quote or t.is_bracket or t.is_space or (t.is_punct and t.text != "-") for t in child.subtree):
            break  # a modifier never spans quotes or brackets: "Guantanamo man 'suing government"
        if any(t.i in taken for t in child.subtree):
            break
        left = child.left_edge.i
    return left


def _prefixed_title_left(scope: Scope, left: int, taken: frozenset[int]) -> int:
    """ "Tory co-chairman X", "the vice-chairman": the tokenizer splits a title's prefix off and the
    parser hangs the pieces elsewhere, so the prefix, and a party, institution or country written just
    before it, are taken back into the mention by their place in the text."""
    tokens = scope.tokens
    if left < 2 or tokens[left - 1].text != "-" or tokens[left - 2].lower_ not in _TITLE_PREFIXES:
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


def _absorb_modifiers(scope: Scope, mention: Mention, start: int, end: int) -> None:
    """Country, titles and sector from the words before the head ("Belarusian President")."""
    i = start
    while i < end:
        token = scope.tokens[i]
        found = _match_starting(scope, i, end)
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
        elif mention.country is None:
            mention.country = _place_country(token)
        i += 1


def _sponsor_only(scope: Scope, i: int) -> bool:
    """ "Russia-backed rebels" are backed by Russia, not Russian."""
    following = scope.tokens[i : i + 2]
    return len(following) == 2 and following[0].text == "-" and following[1].lower_ in _SPONSOR_WORDS


def _match_starting(scope: Scope, i: int, end: int) -> PhraseMatch | None:
    match = scope.match_at_start.get(i)
    return match if match is not None and match.end <= end else None


def _country_from_prepositions(scope: Scope, mention: Mention) -> None:
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
                if found is not None and found.entry.kind in _COUNTRYISH:
                    _take_country_from(scope, mention, found.entry)
                elif mention.country is None:
                    mention.country = _place_country(token)
                if mention.country is not None:
                    return


def _employer_from_of(scope: Scope, mention: Mention) -> None:
    """ "chairman of the Commons transport committee", "spokesman for the Pentagon": a generic
    title held in a national institution named after it takes that institution's sector."""
    if mention.role not in _GENERIC_ROLES:
        return
    for prep in scope.tokens[mention.head].rights:
        if prep.dep_ == "prep" and prep.lower_ in ("of", "for", "at"):
            for token in prep.subtree:
                found = scope.match_at_start.get(token.i)
                if found is not None and found.entry.kind == "institution":
                    mention.titles.add(_INSTITUTION_TITLE + (split_code(found.entry.codes[0].code).sector or ""))
                    _take_country_from(scope, mention, found.entry)
                    return


def _take_country_from(scope: Scope, mention: Mention, entry: Entry) -> None:
    if mention.country is not None or mention.org is not None:
        return
    if entry.kind == "organisation" and mention.role is not None:
        # "UN troops", "NATO peacekeepers", "EU officials" act for the organisation.
        code = code_on(entry.codes, scope.published)
        mention.org, mention.entry_code, mention.sector = entry.org, code, split_code(code or "").sector
        mention.country = split_code(code or "").country
        return
    if entry.kind in _COUNTRYISH or entry.kind in ("person", "institution"):
        code = code_on(entry.codes, scope.published)
        mention.country = split_code(code).country if code else None


def _dictionary_mention(scope: Scope, match: PhraseMatch) -> Mention:
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


# -- pass 3: role nouns ------------------------------------------------------------------------


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


def role_at(scope: Scope, token: Token, modifier: bool = False) -> Role | None:
    """The role a noun names, trying "secretary of state", "foreign minister", "minister"."""
    if token.pos_ not in ("NOUN", "PROPN") and not (modifier and token.pos_ == "ADJ"):  # "military spokesman"
        return None
    lower, words = token.lower_, scope.role_words
    if lower not in words and token.lemma_.lower() not in words and _singular(lower) not in words:
        return None
    if not modifier and token.dep_ in ("compound", "amod"):
        return None
    for roles in (scope.book.roles, scope.book.fallback_roles):  # ours first: "men" is CVL, not PPL
        role = _role_in(roles, scope.tokens, token)
        if role is not None:
            return role
    return None


def _known_role(scope: Scope, phrase: str) -> Role | None:
    return scope.book.roles.get(phrase) or scope.book.fallback_roles.get(phrase)


def _role_in(roles: dict[str, Role], tokens: tuple[Token, ...], token: Token) -> Role | None:
    after = " ".join(t.lower_ for t in tokens[token.i : token.i + 3])
    if after in roles:
        return roles[after]
    lemma = token.lemma_.lower()
    for width in (2, 1):
        before = " ".join(t.lower_ for t in tokens[max(token.i - width, 0) : token.i])
        for word in (token.lower_, lemma):
            phrase = f"{before} {word}" if before else word
            if before and phrase in roles:
                return roles[phrase]
    return roles.get(token.lower_) or roles.get(lemma) or roles.get(_singular(token.lower_))


def _singular(word: str) -> str:
    """ "Teachers" at a sentence's start is a proper noun to the tagger, with itself as lemma."""
    if word.endswith("ies"):
        return word[:-3] + "y"
    return word[:-1] if word.endswith("s") and not word.endswith("ss") else word


def _role_mention(scope: Scope, token: Token, role: Role, taken: frozenset[int]) -> Mention:
    left = _prefixed_title_left(scope, _np_left(scope, token, token.i, taken), taken)
    plural = token.tag_ in ("NNS", "NNPS")
    if role.sector == "GOV" and not role.person:
        kind = "government"
    else:
        kind = "person" if role.person and not plural else "group"
    mention = Mention(left, token.i + 1, token.i, kind, "", role=role.phrase, sector=role.sector)
    mention.person = role.person and not plural
    mention.titles.add(role.phrase)
    mention.definite = any(c.dep_ == "det" and c.lower_ in _DEFINITE_DETERMINERS for c in token.lefts)
    # "the Tory co-chairman": the parse of a split title loses the determiner, the text keeps it
    mention.definite = mention.definite or _determiner_before(scope, left, token.i)
    institution = _ORG_NAME_SECTORS.get(token.lower_)
    if token.pos_ == "PROPN" and token.is_title and token.i != token.sent.start and institution:
        # "the Scottish Executive", "the Army": a named body, not a role ("an executive").
        mention.kind, mention.sector, mention.person = "organisation", institution, False
    _absorb_modifiers(scope, mention, left, token.i)
    _country_from_prepositions(scope, mention)
    _employer_from_of(scope, mention)
    if role.phrase in _GENERIC_ROLES:
        mention.sector = _specific_sector(scope, mention) or mention.sector
    mention.sector = _office_status(scope, mention, left) or mention.sector
    mention.name = scope.doc[left : token.i + 1].text
    return mention


def _determiner_before(scope: Scope, left: int, head: int) -> bool:
    if left == 0:
        return False
    det = scope.tokens[left - 1]
    owned = left <= det.head.i <= head and det.head.dep_ != "poss"  # not "the country's officials"
    return det.dep_ == "det" and det.lower_ in _DEFINITE_DETERMINERS and owned


def _specific_sector(scope: Scope, mention: Mention) -> str | None:
    """ "opposition leaders" → OPP, "rebel commander" → REB, "Pentagon spokesman" → MIL."""
    titles = sorted(t for t in mention.titles if t != mention.role and t not in _GENERIC_ROLES)
    sectors = [role.sector for t in titles if (role := _known_role(scope, t)) is not None]
    sectors += [t[len(_INSTITUTION_TITLE) :] for t in titles if t.startswith(_INSTITUTION_TITLE)]
    return next((sector for sector in sectors if sector and sector != "GOV"), None)


# -- pass 4: countries, capitals and other dictionary names not yet inside a mention ------------


def place_mentions(scope: Scope, accepted: list[PhraseMatch], taken: frozenset[int]) -> list[Mention]:
    return [
        _dictionary_mention(scope, match)
        for match in accepted
        if not any(i in taken for i in range(match.start, match.end))
    ]


# -- pass 5: pronouns --------------------------------------------------------------------------


def pronoun_mentions(scope: Scope, taken: frozenset[int]) -> list[Mention]:
    """he/she of people; it/they of bodies and groups (never a dummy "it is unclear")."""
    found = []
    for token in scope.tokens:
        if token.pos_ != "PRON" or token.i in taken:
            continue
        if token.lower_ in _PRONOUNS:
            mention = Mention(token.i, token.i + 1, token.i, "pronoun", token.text, person=True)
            mention.gender = _PRONOUNS[token.lower_]
            found.append(mention)
        elif token.lower_ in _BODY_PRONOUNS and not _dummy_it(token):
            mention = Mention(token.i, token.i + 1, token.i, "pronoun", token.text, plural=_BODY_PRONOUNS[token.lower_])
            found.append(mention)
    return found


def _dummy_it(token: Token) -> bool:
    if token.lower_ != "it":
        return False
    if token.dep_ == "expl" or token.dep_ not in ("nsubj", "nsubjpass", "dobj", "pobj"):
        return True  # "make it clear": only a subject or object "it" stands for an actor
    verb = token.head
    if verb.lemma_.lower() in _DUMMY_IT_VERBS:
        return True
    clause = any(c.dep_ in ("ccomp", "xcomp", "csubj") for c in verb.children)
    return token.dep_ == "nsubjpass" and clause  # "it was reported that ..."


_KIND_OF_ENTRY = {
    "country": "country",
    "demonym": "country",
    "region": "country",
    "capital": "government",
    "institution": "government",
    "organisation": "organisation",
    "person": "person",
}


def _place_country(token: Token) -> str | None:
    """The country of a town the dictionary does not know ("Nablus"), when the gazetteer is sure."""
    if token.ent_type_ != "GPE" or not token.is_title:
        return None
    places = [p for p in load_gazetteer().lookup(token.text) if p.kind in ("city", "admin") and p.primary]
    countries = {p.country for p in places if p.population >= _MIN_TOWN_POPULATION}
    return countries.pop() if len(countries) == 1 else None


def _is_locative(token: Token) -> bool:
    return token.dep_ == "pobj" and token.head.lower_ in _LOCATIVE_PREPS


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
        generic = mention.role in _GENERIC_ROLES or (mention.person and not mention.titles)
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


# -- pass 7: reports that speak for their authors ---------------------------------------------

# "The report said", "a study by the institute found": the document speaks for whoever wrote it.
_DOCUMENT_NOUNS = frozenset({"report", "study", "survey", "inquiry", "review", "audit", "dossier"})
_AUTHOR_PREPS = frozenset({"by", "from"})
_AUTHOR_LOOKAHEAD_SENTENCES = 1  # "..., a report says. The Audit Office praised ministers ..."


def document_mentions(scope: Scope, mentions: list[Mention]) -> list[Mention]:
    """A report, study or inquiry that is a clause's subject, coded as its author: named in its
    phrase ("the Audit Office report", "Oxfam's study", "a report by the transport committee"),
    by the clause that publishes it ("Oxfam says in a report"), or, for "the report" and an
    unattributed "a report", the author of the article's last report, else the first named body that
    is a subject in the next sentence (news names the author just after "..., a report says")."""
    by_token = {i: m for m in mentions for i in range(m.start, m.end)}
    sentence_of = {t.i: n for n, sent in enumerate(scope.doc.sents) for t in sent}
    found: list[Mention] = []
    last_author: Mention | None = None
    for token in scope.tokens:
        if token.pos_ != "NOUN" or token.lemma_.lower() not in _DOCUMENT_NOUNS or token.i in by_token:
            continue
        author = _named_author(scope, token, by_token)
        if author is None and (last_author is None or not _definite(token)) and _reports_findings(token):
            author = _next_body_subject(scope, token, mentions, sentence_of)
        author = author or last_author
        if author is None:
            continue
        last_author = author
        if token.dep_ in ("nsubj", "nsubjpass"):
            found.append(_document_mention(scope, token, author))
    return found


# "..., a report says. The Audit Office found ...": only a document that speaks is read as its author's.
_FINDING_VERBS = frozenset({"say", "find", "show", "suggest", "warn", "conclude", "claim", "reveal", "state"})


def _reports_findings(token: Token) -> bool:
    """ "a report says", "the study found"; not "an inquiry is due to report back" (whose author is
    not the next sentence's subject)."""
    return token.dep_ not in ("nsubj", "nsubjpass") or token.head.lemma_.lower() in _FINDING_VERBS


# -- pass 8: a group that speaks for its members --------------------------------------------------

# "A group of MPs ... The group says": the collective stands for the members it was introduced with.
_COLLECTIVE_NOUNS = frozenset({"group", "coalition", "delegation", "panel"})


def collective_mentions(scope: Scope, mentions: list[Mention]) -> list[Mention]:
    """ "a group of MPs" as a subject, and a later "the group" (or "the cross-party group"), coded as the
    members the group was last introduced with; a group never introduced so is no actor."""
    by_head = {m.head: m for m in mentions}
    by_token = {i: m for m in mentions for i in range(m.start, m.end)}
    members: Mention | None = None
    found = []
    for token in scope.tokens:
        if token.pos_ != "NOUN" or token.lemma_.lower() not in _COLLECTIVE_NOUNS or token.i in by_token:
            continue
        of_heads = [c.i for p in token.rights if p.dep_ == "prep" and p.lower_ == "of" for c in p.children]
        introduced = next((m for i in of_heads if (m := by_head.get(i)) is not None and m.kind != "pronoun"), None)
        if of_heads and introduced is None:
            members = None  # "the group of friends": some other group, of no actor we know
            continue
        members = introduced or members
        acting = token.dep_ in ("nsubj", "nsubjpass") or (token.dep_ == "dobj" and introduced is None)
        if members is not None and acting and (introduced is not None or _definite(token)):
            found.append(_document_mention(scope, token, members))
    return found


def _definite(token: Token) -> bool:
    return any(c.dep_ == "det" and c.lower_ in ("the", "this", "that", "its") for c in token.lefts)


def _named_author(scope: Scope, token: Token, by_token: dict[int, Mention]) -> Mention | None:
    def first_actor(tokens: list[Token]) -> Mention | None:
        return next((m for t in tokens if (m := by_token.get(t.i)) is not None and m.kind != "pronoun"), None)

    modifiers = [t for c in token.lefts if c.dep_ in _MODIFIER_DEPS and c.tag_ != "PRP$" for t in c.subtree]
    agents = [t for p in token.rights if p.dep_ == "prep" and p.lower_ in _AUTHOR_PREPS for t in p.subtree]
    author = first_actor(modifiers) or first_actor(agents)
    if author is None and token.dep_ == "pobj" and token.head.lower_ == "in":  # "Oxfam says in a report"
        verb = token.head.head
        author = first_actor([c for c in verb.children if c.dep_ == "nsubj"]) if verb.pos_ == "VERB" else None
    return author


def _next_body_subject(
    scope: Scope, token: Token, mentions: list[Mention], sentence_of: dict[int, int]
) -> Mention | None:
    here = sentence_of[token.i]
    for mention in mentions:
        # a named body only: "the government" after "a report says" is more often its subject than its author
        named_body = mention.kind in ("organisation", "government") and mention.role is None and not mention.person
        if mention.start <= token.i or not named_body:
            continue
        if sentence_of[mention.start] - here > _AUTHOR_LOOKAHEAD_SENTENCES:
            return None
        if sentence_of[mention.start] > here and scope.tokens[mention.head].dep_ == "nsubj":
            return mention
    return None


def _document_mention(scope: Scope, token: Token, author: Mention) -> Mention:
    left = token.i
    while left > 0 and scope.tokens[left - 1].dep_ in ("compound", "amod") and scope.tokens[left - 1].head == token:
        left -= 1
    mention = Mention(left, token.i + 1, token.i, "organisation", author.name, entry=author.entry)
    mention.country, mention.sector, mention.org = author.country, author.sector, author.org
    mention.entry_code, mention.party, mention.person = author.entry_code, author.party, False
    mention.same_as_mention = author
    return mention


def _with_documents(mentions: list[Mention], documents: list[Mention]) -> list[Mention]:
    """Merge in text order, keeping each apposition link pointing at the same mention."""
    if not documents:
        return mentions
    targets = [mentions[m.same_as] if m.same_as is not None else None for m in mentions]
    merged = sorted([*mentions, *documents], key=lambda m: m.start)
    position = {id(m): n for n, m in enumerate(merged)}
    for mention, target in zip(mentions, targets, strict=True):
        mention.same_as = position[id(target)] if target is not None else None
    for document in documents:
        author = document.same_as_mention
        document.same_as = position[id(author)] if author is not None and author.start < document.start else None
    return merged
