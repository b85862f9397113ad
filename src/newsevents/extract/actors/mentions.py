"""Actor mentions in a parsed document, before they are chained into entities.

Three sources, in order of trust: dictionary phrases (countries, capitals, institutions, IGOs,
people), spaCy's PERSON/ORG entities, and role nouns ("officials", "troops", "Foreign Minister").
A mention spans its noun phrase without the determiner ("U.S. President Joe Biden",
"senior Biden administration official"); modifiers inside it give its country and sector.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from spacy.tokens import Doc, Token

from newsevents.extract.actors.codes import code_on, join_code, split_code
from newsevents.extract.actors.dictionary import ActorDictionary, Entry, Role
from newsevents.extract.actors.matching import PhraseIndex, PhraseMatch
from newsevents.extract.places.gazetteer import load_gazetteer

# Modifiers that stay inside a mention's span: "U.S. President Joe Biden", "Russian troops".
_MODIFIER_DEPS = frozenset({"compound", "amod", "nmod", "poss"})
# A capital after one of these is a place ("talks in Minsk"), not a government acting.
_LOCATIVE_PREPS = frozenset(
    {"in", "at", "near", "into", "inside", "outside", "around", "across", "throughout", "within", "from", "via"}
)
# Role words that take the sector of a more specific modifier ("opposition leader", "army spokesman").
_GENERIC_ROLES = frozenset({"leader", "official", "spokesman", "spokeswoman", "spokesperson", "commander", "chief"})
# A town must be at least this large for its name to tell a mention's country.
_MIN_TOWN_POPULATION = 20_000
_SPONSOR_WORDS = frozenset(
    {"backed", "friendly", "allied", "aligned", "supported", "sponsored", "funded", "armed", "linked"}
)
_PRONOUNS = {"he": "m", "him": "m", "his": "m", "she": "f", "her": "f", "hers": "f"}
_COUNTRYISH = frozenset({"country", "demonym", "capital", "region"})
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
    "front": "REB",
    "brigade": "REB",
    "liberation": "REB",
    "party": "PTY",
    "union": "LAB",
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
    definite: bool = False
    same_as: int | None = None  # index of a mention this one is known to co-refer with (apposition)
    entry_code: str | None = None  # the dictionary's code in force on the publication date

    @property
    def code(self) -> str | None:
        if self.sector in ("IGO", "NGO", "IMG") and self.entry_code:
            return self.entry_code
        return join_code(self.country, self.sector)


@dataclass
class MentionFinder:
    doc: Doc
    book: ActorDictionary
    index: PhraseIndex
    published: dt.date | None
    taken: list[int | None] = field(init=False)  # token index → start of the mention covering it
    match_at_start: dict[int, PhraseMatch] = field(init=False)
    tokens: list[Token] = field(init=False)
    role_words: set[str] = field(init=False)

    def __post_init__(self) -> None:
        self.taken = [None] * len(self.doc)
        self.match_at_start = {}
        self.tokens = list(self.doc)  # indexing a Doc builds a Token each time; do it once
        self.role_words = {phrase.split()[-1] for phrase in self.book.roles} | {
            phrase.split()[0] for phrase in self.book.roles
        }

    def find(self) -> list[Mention]:
        all_matches = self.index.find(self.doc)
        self.match_at_start = {m.start: m for m in all_matches}
        self.seen_people: set[str] = set()
        matches = [m for m in all_matches if self._accept(m)]
        in_match = {i for m in all_matches for i in range(m.start, m.end)}
        mentions = [self._headed_mention(head, match) for head, match in self._person_and_org_heads(matches, in_match)]
        for token in self.tokens:
            if self.taken[token.i] is None and token.i not in in_match and (role := self._role_at(token)):
                mentions.append(self._claim(self._role_mention(token, role)))
        for match in matches:
            if all(self.taken[i] is None for i in range(match.start, match.end)):
                mentions.append(self._claim(self._dictionary_mention(match)))
        mentions.extend(self._pronouns())
        mentions.sort(key=lambda m: m.start)
        _link_appositions(self.doc, mentions)
        return mentions

    # -- acceptance of dictionary matches ---------------------------------------------------

    def _accept(self, match: PhraseMatch) -> bool:
        entry, token = match.entry, self.tokens[match.start]
        if not token.text[:1].isupper() and entry.kind not in ("person", "demonym"):
            return False
        if entry.kind in ("region", "country") and self._inside_longer_name(match.end):
            return False  # "West Darfur State", "Niger Delta": part of another name
        if entry.kind == "person":
            supported = token.ent_type_ in ("PERSON", "ORG", "GPE", "NORP") or entry.name in self.seen_people
            if entry.weak and not supported:
                return False
            self.seen_people.add(entry.name)
            return True
        if entry.kind == "capital":
            # "MOSCOW, March 3 (Reuters) -" is a dateline, and "talks in Minsk" a place.
            return not token.is_upper and not _is_locative(self.tokens[match.end - 1])
        return True

    # -- persons and organisations: a head word with its modifiers ---------------------------

    def _person_and_org_heads(
        self, matches: list[PhraseMatch], in_match: set[int]
    ) -> list[tuple[int, PhraseMatch | None]]:
        """Head tokens of person/organisation mentions, from the dictionary and from NER.

        A name that only modifies a role noun ("Biden administration official") is left for the
        role mention to absorb.
        """
        heads: dict[int, PhraseMatch | None] = {}
        for match in matches:
            if match.entry.kind in ("person", "organisation", "institution") and not self._modifies_role(match.end - 1):
                heads[match.end - 1] = match
        # Tokens of names that can stand inside an organisation's name ("Scottish Parliament").
        modifiers = {i for m in matches if m.entry.kind in _COUNTRYISH for i in range(m.start, m.end)}
        for ent in self.doc.ents:
            inside = set(range(ent.start, ent.end))
            unmatched = not (in_match & inside) or (
                ent.label_ == "ORG" and not inside <= modifiers and (in_match & inside) <= modifiers
            )
            # A name that only modifies another noun ("Defence Minister Sergei Shoigu") is absorbed by it.
            modifier = self.tokens[ent.end - 1].dep_ == "compound"
            if ent.label_ in ("PERSON", "ORG") and unmatched and not modifier:
                heads[ent.end - 1] = None
        for head in self._titled_names(in_match):
            heads.setdefault(head, None)
        return sorted(heads.items())

    def _titled_names(self, in_match: set[int]) -> list[int]:
        """Proper names the small model's NER misses but a title vouches for as a person:
        "Prime Minister Ion Petrescu", "Ion Petrescu, the Moldovan Foreign Minister"."""
        heads = []
        for token in self.tokens:
            if token.pos_ != "PROPN" or token.dep_ == "compound" or token.i in in_match or not token.is_title:
                continue
            if token.ent_type_ in ("GPE", "LOC", "ORG", "NORP", "DATE", "FAC", "EVENT", "PRODUCT"):
                continue
            names = [c for c in token.lefts if c.dep_ == "compound" and c.pos_ == "PROPN"]
            titled = any(self._role_at(c, modifier=True) for c in token.lefts if c.dep_ == "compound")
            appos = [c for c in token.children if c.dep_ == "appos"] + ([token.head] if token.dep_ == "appos" else [])
            vouched = titled or any((r := self._role_at(a)) is not None and r.person for a in appos)
            if vouched and (names or titled):
                heads.append(token.i)
        return heads

    def _modifies_role(self, i: int) -> bool:
        token = self.tokens[i]
        while token.dep_ == "compound" and token.head.i != token.i:
            token = token.head
            if self._role_at(token) is not None:
                return True
        return False

    def _headed_mention(self, head: int, match: PhraseMatch | None) -> Mention:
        mention = self._dictionary_mention(match) if match is not None else self._unknown_entity_mention(head)
        left = self._np_left(self.tokens[head], mention.start)
        mention.start, mention.head = left, head
        self._absorb_modifiers(mention, left, mention.end if match is None else match.start)
        self._country_from_prepositions(mention)
        return self._claim(mention)

    def _country_from_prepositions(self, mention: Mention) -> None:
        """ "the Defence Ministry in Moscow", "the Ministry of Defence of Ukraine"."""
        if mention.country is not None or (mention.role is None and mention.kind not in ("organisation", "government")):
            return
        for prep in self.tokens[mention.head].rights:
            if prep.dep_ != "prep" or prep.lower_ not in ("in", "of"):
                continue
            for obj in prep.children:
                # "the mayor of the northern West Bank city of Nablus": any country or town below.
                for token in obj.subtree:
                    found = self.match_at_start.get(token.i)
                    if found is not None and found.entry.kind in _COUNTRYISH:
                        self._take_country_from(mention, found.entry)
                    elif mention.country is None:
                        mention.country = _place_country(token)
                    if mention.country is not None:
                        return

    def _ent_start(self, head: int) -> int:
        token = self.tokens[head]
        if token.ent_iob_ in ("B", "I"):
            i = head
            while i > 0 and self.tokens[i].ent_iob_ == "I":
                i -= 1
            return i
        return head

    def _unknown_entity_mention(self, head: int) -> Mention:
        start = self._ent_start(head)
        if self.tokens[head].ent_type_ not in ("PERSON", "ORG"):  # a titled name NER missed
            start = self._np_left(self.tokens[head], head)
            while start < head and (self.tokens[start].pos_ != "PROPN" or self._role_at(self.tokens[start], True)):
                start += 1
            span = self.doc[start : head + 1]
            return Mention(start, head + 1, head, "person", span.text, person=True)
        while start < head and self.tokens[start].dep_ == "det":  # NER keeps "the" in "the Defence Ministry"
            start += 1
        span = self.doc[start : head + 1]
        if self.tokens[head].ent_type_ == "PERSON":
            return Mention(start, head + 1, head, "person", span.text, person=True)
        return Mention(start, head + 1, head, "organisation", span.text, sector=self._org_sector(span.text))

    def _org_sector(self, name: str) -> str | None:
        """ "Defence Ministry" → MIL (a role phrase), else a telling word: "Supreme Court" → JUD."""
        words = name.lower().split()
        for width in (3, 2):
            role = self.book.roles.get(" ".join(words[-width:]))
            if role is not None and len(words) >= width:
                return role.sector
        return next((_ORG_NAME_SECTORS[w] for w in reversed(words) if w in _ORG_NAME_SECTORS), None)

    def _np_left(self, head: Token, floor: int) -> int:
        """Leftmost token of the contiguous modifiers of `head` ("U.S. President Joe Biden")."""
        left = floor
        for child in reversed(list(head.lefts)):
            if child.i >= floor:
                continue
            if child.dep_ not in _MODIFIER_DEPS or child.right_edge.i != left - 1 or child.tag_ == "PRP$":
                break
            if any(t.is_quote or t.is_bracket or (t.is_punct and t.text != "-") for t in child.subtree):
                break  # a modifier never spans quotes or brackets: "Guantanamo man 'suing government"
            if any(self.taken[t.i] is not None for t in child.subtree):
                break
            left = child.left_edge.i
        return left

    def _absorb_modifiers(self, mention: Mention, start: int, end: int) -> None:
        """Country, titles and sector from the words before the head ("Belarusian President")."""
        i = start
        while i < end:
            token = self.tokens[i]
            found = self._match_starting(i, end)
            if found is not None:
                if not self._sponsor_only(found.end):
                    self._take_country_from(mention, found.entry)
                i = found.end
                continue
            role = self._role_at(token, modifier=True)
            if role is not None:
                mention.titles.add(role.phrase)
                mention.sector = mention.sector or role.sector
            elif mention.country is None:
                mention.country = _place_country(token)
            i += 1

    def _inside_longer_name(self, end: int) -> bool:
        following = self.tokens[end] if end < len(self.doc) else None
        return following is not None and following.ent_iob_ == "I" and following.pos_ == "PROPN"

    def _sponsor_only(self, i: int) -> bool:
        """ "Russia-backed rebels" are backed by Russia, not Russian."""
        following = self.tokens[i : i + 2]
        return len(following) == 2 and following[0].text == "-" and following[1].lower_ in _SPONSOR_WORDS

    def _match_starting(self, i: int, end: int) -> PhraseMatch | None:
        match = self.match_at_start.get(i)
        return match if match is not None and match.end <= end else None

    def _take_country_from(self, mention: Mention, entry: Entry) -> None:
        if mention.country is not None or mention.org is not None:
            return
        if entry.kind == "organisation" and mention.role is not None:
            # "UN troops", "NATO peacekeepers", "EU officials" act for the organisation.
            code = code_on(entry.codes, self.published)
            mention.org, mention.entry_code, mention.sector = entry.org, code, split_code(code or "").sector
            mention.country = split_code(code or "").country
            return
        if entry.kind in _COUNTRYISH or entry.kind in ("person", "institution"):
            code = code_on(entry.codes, self.published)
            mention.country = split_code(code).country if code else None

    # -- dictionary mentions -------------------------------------------------------------------

    def _dictionary_mention(self, match: PhraseMatch) -> Mention:
        entry = match.entry
        code = code_on(entry.codes, self.published) or ""
        parts = split_code(code)
        mention = Mention(match.start, match.end, match.end - 1, _KIND_OF_ENTRY[entry.kind], entry.name, entry=entry)
        mention.country, mention.sector, mention.entry_code = parts.country, parts.sector, code or None
        mention.org = entry.org
        mention.person = entry.kind == "person"
        mention.gender = entry.gender
        if entry.kind == "capital":
            mention.sector = "GOV"
        if entry.kind == "demonym" and self.tokens[match.end - 1].tag_ in ("NNS", "NNPS"):
            mention.sector, mention.kind = "CVL", "group"  # "Palestinians", "Serbs": the people
        if entry.kind == "organisation":
            mention.country = parts.country
        return mention

    # -- role nouns ----------------------------------------------------------------------------

    def _role_at(self, token: Token, modifier: bool = False) -> Role | None:
        """The role a noun names, trying "secretary of state", "foreign minister", "minister"."""
        if token.pos_ not in ("NOUN", "PROPN") and not (modifier and token.pos_ == "ADJ"):  # "military spokesman"
            return None
        if token.lower_ not in self.role_words and token.lemma_.lower() not in self.role_words:
            return None
        if not modifier and token.dep_ in ("compound", "amod"):
            return None
        roles = self.book.roles
        after = " ".join(t.lower_ for t in self.tokens[token.i : token.i + 3])
        if after in roles:
            return roles[after]
        lemma = token.lemma_.lower()
        for width in (2, 1):
            before = " ".join(t.lower_ for t in self.tokens[max(token.i - width, 0) : token.i])
            for word in (token.lower_, lemma):
                phrase = f"{before} {word}" if before else word
                if width and before and phrase in roles:
                    return roles[phrase]
        return roles.get(token.lower_) or roles.get(lemma)

    def _role_mention(self, token: Token, role: Role) -> Mention:
        left = self._np_left(token, token.i)
        plural = token.tag_ in ("NNS", "NNPS")
        if role.sector == "GOV" and not role.person:
            kind = "government"
        else:
            kind = "person" if role.person and not plural else "group"
        mention = Mention(left, token.i + 1, token.i, kind, "", role=role.phrase, sector=role.sector)
        mention.person = role.person and not plural
        mention.titles.add(role.phrase)
        mention.definite = any(c.dep_ == "det" and c.lower_ in ("the", "this", "that") for c in token.lefts)
        institution = _ORG_NAME_SECTORS.get(token.lower_)
        if token.pos_ == "PROPN" and token.is_title and token.i != token.sent.start and institution:
            # "the Scottish Executive", "the Army": a named body, not a role ("an executive").
            mention.kind, mention.sector, mention.person = "organisation", institution, False
        self._absorb_modifiers(mention, left, token.i)
        self._country_from_prepositions(mention)
        if role.phrase in _GENERIC_ROLES:
            mention.sector = self._specific_sector(mention) or mention.sector
        mention.name = self.doc[left : token.i + 1].text
        return mention

    def _specific_sector(self, mention: Mention) -> str | None:
        """ "opposition leaders" → OPP, "rebel commander" → REB, "military spokesman" → MIL."""
        sectors = [self.book.roles[t].sector for t in mention.titles if t in self.book.roles and t != mention.role]
        return next((sector for sector in sectors if sector != "GOV"), None)

    # -- pronouns --------------------------------------------------------------------------------

    def _pronouns(self) -> list[Mention]:
        found = []
        for token in self.tokens:
            if token.lower_ in _PRONOUNS and token.pos_ == "PRON" and self.taken[token.i] is None:
                mention = Mention(token.i, token.i + 1, token.i, "pronoun", token.text, person=True)
                mention.gender = _PRONOUNS[token.lower_]
                found.append(self._claim(mention))
        return found

    def _claim(self, mention: Mention) -> Mention:
        for i in range(mention.start, mention.end):
            self.taken[i] = mention.start
        return mention


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


def _link_appositions(doc: Doc, mentions: list[Mention]) -> None:
    """ "Sergey Lavrov, Foreign Minister," and "the Belarusian President, Alexander Lukashenko".

    Only people are linked: the parser also calls lists of groups appositions ("Ukrainian
    forces, Russia-backed rebels"), which are different actors.
    """
    by_head = {m.head: n for n, m in enumerate(mentions)}
    for mention in mentions:
        head = doc[mention.head]
        if head.dep_ == "appos" and head.head.i in by_head:
            other = mentions[by_head[head.head.i]]
            if mention.person and other.person:
                mention.same_as = by_head[head.head.i]
