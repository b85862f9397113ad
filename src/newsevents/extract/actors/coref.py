"""Chain mentions into entities: name variants, titles, appositions, definite descriptions, pronouns.

No coreference model works offline, so these are rules, each for one phenomenon news writing uses:
- the same dictionary entry, or the same surname ("Oleksii Resnikov" … "Reznikov": spellings are
  compared after folding transliteration variants);
- an apposition ("Sergey Lavrov, Foreign Minister");
- a definite description repeating a role or title ("the official", "the Belarusian President");
- a pronoun (he/she/his/her) to the nearest sentence holding a person of its gender and number:
  that sentence's subject if compatible, else its nearest compatible person. A person's gender is what
  any earlier mention of them tells: an honorific ("Mr Grant"), the dictionary, a given name ("Anne Hill").
"""

from __future__ import annotations

import bisect
import re
import unicodedata
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources

from spacy.tokens import Doc

from newsevents.extract.actors.mentions import Mention, describes_unknown_body
from newsevents.nlp.text import doc_tokens

_SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass"})
_PRONOUN_LOOKBACK_SENTENCES = 8
_BODY_PRONOUN_LOOKBACK_SENTENCES = 2  # "it"/"they" refer to something close by
_PREDICATE_DEPS = frozenset({"attr", "oprd"})  # "Mr Ross was the judge": the judge is Mr Ross, no one else
_DEFINITE_LOOKBACK_MENTIONS = 40
_AFTER_QUOTE_TOKENS = 4  # '"...," the minister said': the speech verb follows the closing mark


@dataclass
class Chains:
    entity_of: list[int]  # mention index → entity id
    representative: dict[int, int]  # entity id → index of the mention that names it


def chain_mentions(doc: Doc, mentions: list[Mention]) -> Chains:
    entity_of = [-1] * len(mentions)
    next_entity = 0
    keys: dict[str, int] = {}
    surnames = _Surnames()
    facts = _DocFacts.of(doc)
    genders: dict[int, str] = {}  # entity -> the gender its named mentions tell
    for n, mention in enumerate(mentions):
        entity = _find_antecedent(facts, mentions, entity_of, n, keys, surnames, genders)
        if entity is None:
            entity, next_entity = next_entity, next_entity + 1
        entity_of[n] = entity
        told = told_gender(mention)
        if told is not None and mention.kind != "pronoun":
            genders.setdefault(entity, told)
        _remember(mention, entity, keys, surnames)
        _remember_knight(doc, mention, entity, keys)
    return Chains(entity_of, _representatives(mentions, entity_of))


def _find_antecedent(
    facts: _DocFacts,
    mentions: list[Mention],
    entity_of: list[int],
    n: int,
    keys: dict[str, int],
    surnames: _Surnames,
    genders: dict[int, str],
) -> int | None:
    mention = mentions[n]
    if mention.same_as is not None and mention.same_as < n:
        return entity_of[mention.same_as]
    if mention.kind == "pronoun":
        return _resolve_pronoun(facts, mentions, entity_of, n, genders)
    if mention.entry is not None:
        known = keys.get(_entry_key(mention))
        return known if known is not None else _surname_match(mention, surnames)
    if mention.kind == "person" and mention.role is None:
        short = _knighted_short_form(facts.doc, mention)
        known = keys.get(short) if short else None
        if known == _AMBIGUOUS:
            return None
        return known if known is not None else _surname_match(mention, surnames)
    if mention.role is not None and mention.definite:
        return _definite_description(mentions, entity_of, n, facts.doc)
    if mention.role is not None:
        return keys.get(_group_key(mention))
    return keys.get(f"name:{mention.name}")


def _remember(mention: Mention, entity: int, keys: dict[str, int], surnames: _Surnames) -> None:
    if mention.entry is not None:
        keys.setdefault(_entry_key(mention), entity)
    elif mention.role is not None:
        keys.setdefault(_group_key(mention), entity)
    else:
        keys.setdefault(f"name:{mention.name}", entity)
    if mention.kind == "person" and mention.role is None:
        surnames.remember(mention.name, entity)


_KNIGHTHOODS = ("sir", "dame")
_AMBIGUOUS = -1


def _remember_knight(doc: Doc, mention: Mention, entity: int, keys: dict[str, int]) -> None:
    """ "Sir John Bourn" is later "Sir John": British usage keeps the honorific with the first name."""
    if mention.kind != "person" or mention.role is not None:
        return
    words = [t.text for t in doc[max(mention.start - 1, 0) : mention.head + 1]]
    for i, word in enumerate(words[:-2]):
        if word.lower() in _KNIGHTHOODS:
            key = f"knight:{word.lower()} {words[i + 1]}"
            keys[key] = entity if keys.get(key, entity) == entity else _AMBIGUOUS  # two Sir Alans: neither
            return


def _knighted_short_form(doc: Doc, mention: Mention) -> str | None:
    words = [t.text for t in doc[max(mention.start - 1, 0) : mention.head + 1]][-2:]
    return f"knight:{words[0].lower()} {words[1]}" if len(words) == 2 and words[0].lower() in _KNIGHTHOODS else None


def _entry_key(mention: Mention) -> str:
    entry = mention.entry
    assert entry is not None
    # "Russia" and "Russian" are one entity; "Moscow" (its government) is another.
    return f"entry:{entry.codes[0].code if entry.codes else ''}:{entry.name}"


def _group_key(mention: Mention) -> str:
    return f"group:{mention.code}:{mention.role}"


@dataclass
class _Surnames:
    """The first person of each surname, and the given names each person was written with."""

    first_holder: dict[str, int] = field(default_factory=dict)
    given_names: dict[int, set[str]] = field(default_factory=dict)

    def remember(self, name: str, entity: int) -> None:
        words = _name_words(name)
        self.first_holder.setdefault(fold_spelling(words[-1]), entity)
        if len(words) > 1:
            self.given_names.setdefault(entity, set()).add(_given_key(words[0]))

    def holder(self, name: str) -> int | None:
        """ "Ian Blair" is not "Tony Blair": a full name whose given name differs from every given
        name its surname's holder was written with is another person; a surname alone is the holder's."""
        words = _name_words(name)
        entity = self.first_holder.get(fold_spelling(words[-1]))
        if entity is None or len(words) < 2:
            return entity
        known = self.given_names.get(entity)
        return None if known and _given_key(words[0]) not in known else entity


_HONORIFICS = frozenset(
    {"mr", "mrs", "ms", "miss", "dr", "sir", "dame", "lord", "lady", "prof", "professor"}
    | {"baroness", "baron", "viscount", "viscountess", "earl", "countess"}  # "Baroness Cole" is Ann Cole made a peer
)


def _name_words(name: str) -> list[str]:
    """ "Mr Hale" is a surname alone: an honorific is no given name."""
    words = name.split()
    while len(words) > 1 and words[0].rstrip(".").casefold() in _HONORIFICS:
        words = words[1:]
    return words


def _given_key(given: str) -> str:
    # first three letters, so transliterations ("Aleksei"/"Alexei") and "Rob"/"Robert" agree
    return fold_spelling(given)[:3].casefold()


def _surname_match(mention: Mention, surnames: _Surnames) -> int | None:
    if mention.kind != "person" or not mention.name:
        return None
    return surnames.holder(mention.name)


def _definite_description(mentions: list[Mention], entity_of: list[int], n: int, doc: Doc) -> int | None:
    """ "the official" → the latest earlier mention with that role or title and a compatible country."""
    mention = mentions[n]
    for k in range(n - 1, max(n - _DEFINITE_LOOKBACK_MENTIONS, 0) - 1, -1):
        other = mentions[k]
        if _names_the_party(mention, other):
            return entity_of[k]  # "the Liberal Democrats ... The party says": the party named last
        if other.kind == "pronoun" or mention.role not in other.titles:
            continue
        if other.role is not None and other.role != mention.role:
            continue  # "local government workers" are workers: "the government" is not one of them
        if mention.kind == "group" and other.kind == "person":
            continue  # "Governor Kate Brown ... the Republican governors": a plural is not the one person
        if mention.country and other.country and mention.country != other.country:
            continue
        return entity_of[k]
    return None if _named_description(doc, mention) else _described_body(mentions, entity_of, n)


def _named_description(doc: Doc, mention: Mention) -> bool:
    """ "the Mirror newspaper", "the Hillside charity": a name before the role noun says which body it is, so
    it describes no earlier body of unknown sector (the street or firm named before it)."""
    tokens = doc_tokens(doc)
    return any(tokens[i].pos_ == "PROPN" for i in range(mention.start, mention.head))


def _names_the_party(description: Mention, other: Mention) -> bool:
    named_party = other.party is not None and other.kind in ("government", "organisation") and other.role is None
    singular = description.name.lower().split()[-1:] == ["party"]  # "the parties" are all of them
    return description.role == "party" and singular and named_party


def _described_body(mentions: list[Mention], entity_of: list[int], n: int) -> int | None:
    """ "Velmora denied it. The company said ...": a definite description of a body refers back
    to the nearest earlier organisation the dictionary does not know and whose sector is unknown."""
    for k in range(n - 1, max(n - _DEFINITE_LOOKBACK_MENTIONS, 0) - 1, -1):
        if describes_unknown_body(mentions[n], mentions[k]):
            return entity_of[k]
    return None


def _resolve_pronoun(
    facts: _DocFacts, mentions: list[Mention], entity_of: list[int], n: int, genders: dict[int, str]
) -> int | None:
    """The nearest sentence (this one first) holding a compatible antecedent gives it: its subject
    if one is compatible, else its nearest compatible mention. Compatible: for he/she a single
    person (not a group or an organisation "named after" someone) of the pronoun's gender; for
    it/they a body, a country or (for they) a plural group. Never a mention quoted in someone's
    words when the pronoun is outside them, nor a role said of a subject ("was the judge")."""
    pronoun = mentions[n]
    quoted, sentence_of = facts.quoted, facts.sentence_of
    outside = pronoun.start not in quoted
    lookback = _PRONOUN_LOOKBACK_SENTENCES if pronoun.person else _BODY_PRONOUN_LOOKBACK_SENTENCES
    here = sentence_of(pronoun.start)
    nearest: int | None = None
    found: list[int] = []  # the compatible mentions of the nearest sentence holding one, nearest first
    for k in range(n - 1, -1, -1):  # mentions are in text order, so sentences only go back from here
        sentence = sentence_of(mentions[k].start)
        if sentence != nearest and (nearest is not None or here - sentence > lookback):
            break
        if (
            not (outside and mentions[k].start in quoted)
            and not (not outside and facts.speaker_of_quote(mentions[k], pronoun))
            and _compatible(facts.doc, mentions[k], pronoun, told_gender(mentions[k]) or genders.get(entity_of[k]))
            and not _subject_of_same_verb(facts.doc, mentions[k], pronoun)
            and doc_tokens(facts.doc)[mentions[k].head].dep_ not in _PREDICATE_DEPS
        ):
            nearest = sentence
            found.append(k)
    if nearest is None:
        return None
    return entity_of[_best_in_sentence(mentions, found, pronoun, facts)]


@dataclass(frozen=True)
class _DocFacts:
    """What pronoun resolution reads of the document, computed once per document."""

    doc: Doc
    quoted: frozenset[int]
    sentence_starts: list[int]

    @classmethod
    def of(cls, doc: Doc) -> _DocFacts:
        return cls(doc, _quoted_tokens(doc), [sentence.start for sentence in doc.sents])

    def sentence_of(self, token: int) -> int:
        return bisect.bisect_right(self.sentence_starts, token) - 1

    def speaker_of_quote(self, candidate: Mention, pronoun: Mention) -> bool:
        """'Ann Cole said: "He must go."': a third-person pronoun in a quote is never its speaker,
        the subject of the verb just before the quote (in its opening sentence) or just after it."""
        head = self.doc[candidate.head]
        if candidate.start in self.quoted or head.dep_ not in _SUBJECT_DEPS:
            return False
        first = last = pronoun.start
        while first - 1 in self.quoted:
            first -= 1
        while last + 1 in self.quoted:
            last += 1
        verb = head.head.i
        opening = self.sentence_of(verb) == self.sentence_of(first) and verb < first
        return opening or last < verb <= last + _AFTER_QUOTE_TOKENS


def _best_in_sentence(mentions: list[Mention], ks: list[int], pronoun: Mention, facts: _DocFacts) -> int:
    if pronoun.plural:  # "they": a group named in the plural before a body named in the singular
        # ... but not an owner named in the possessive: in "the farmers' union ... they", they are the union
        plural = [k for k in ks if facts.doc[mentions[k].head].tag_ in ("NNS", "NNPS")]
        # ... and a "they" that is a subject continues the main clause's subject: "The party says ...
        # and says councils must save. They say ..." are the party, not the councils.
        topics = [k for k in ks if _main_clause_subject(facts.doc, mentions[k])] if _is_subject(facts, pronoun) else []
        ks = topics or [k for k in plural if facts.doc[mentions[k].head].dep_ != "poss"] or ks
    subjects = [k for k in ks if facts.doc[mentions[k].head].dep_ in _SUBJECT_DEPS]
    # In an earlier sentence the main clause's subject is the topic (not the subject of a clause put before
    # it: "Asked whether he would stand, Mr Cole said ..."); in the pronoun's own sentence the nearest
    # subject before it is.
    same = facts.sentence_of(mentions[ks[0]].start) == facts.sentence_of(pronoun.start)
    if subjects and same:
        return subjects[0]
    if subjects:
        main = [k for k in subjects if _main_clause_subject(facts.doc, mentions[k])]
        return (main or subjects)[-1]
    if not pronoun.person:
        return ks[0]  # it/they: the nearest compatible body or group
    named = [k for k in ks if mentions[k].role is None]  # "Mr Cole" before "the speaker"
    return (named or ks)[0]


def _is_subject(facts: _DocFacts, mention: Mention) -> bool:
    return facts.doc[mention.head].dep_ in _SUBJECT_DEPS


def _main_clause_subject(doc: Doc, mention: Mention) -> bool:
    """The subject of a sentence's main verb, or of a verb joined to it ("X says ... and says ...")."""
    head = doc_tokens(doc)[mention.head]
    verb = head.head
    return head.dep_ in _SUBJECT_DEPS and (verb.dep_ == "ROOT" or (verb.dep_ == "conj" and verb.head.dep_ == "ROOT"))


def _quoted_tokens(doc: Doc) -> frozenset[int]:
    """Tokens between quotation marks, a paragraph break closing any quote left open."""
    inside: set[int] = set()
    open_quote = False
    for token in doc_tokens(doc):
        if "\n\n" in token.text or (token.is_space and token.text.count("\n") >= 2):
            open_quote = False
        elif token.text in ('"', "\u201c", "\u201d"):
            open_quote = token.text == "\u201c" or (token.text == '"' and not open_quote)
        elif open_quote:
            inside.add(token.i)
    return frozenset(inside)


def _subject_of_same_verb(doc: Doc, candidate: Mention, pronoun: Mention) -> bool:
    tokens = doc_tokens(doc)
    head = tokens[candidate.head]
    return head.dep_ in _SUBJECT_DEPS and head.head.i == tokens[pronoun.head].head.i


def _compatible(doc: Doc, candidate: Mention, pronoun: Mention, gender: str | None = None) -> bool:
    """`gender`: what the candidate's entity is known to be, from this or an earlier mention of it."""
    if pronoun.person:
        return _person_like(candidate, pronoun.gender, gender)
    if candidate.person or doc_tokens(doc)[candidate.head].pos_ == "ADJ":  # "British" is no body
        return False
    if candidate.kind == "pronoun":
        return candidate.plural == pronoun.plural
    named_body = candidate.kind in ("organisation", "government") and candidate.role is None
    if named_body:  # "Brightwater Holdings ... it", "the Democrats ... they": a name has no number
        return True
    plural = doc_tokens(doc)[candidate.head].tag_ in ("NNS", "NNPS")
    if pronoun.plural:  # a body may be plural too ("the union met ... they said"), found after plural nouns
        return plural or candidate.kind in ("organisation", "government", "group")
    return not plural and candidate.kind in ("organisation", "government", "country", "group")


def _person_like(mention: Mention, gender: str | None, known: str | None = None) -> bool:
    if not mention.person:
        return False
    known = known or mention.gender
    return known is None or gender is None or known == gender


def told_gender(mention: Mention) -> str | None:
    """The gender a mention's own words tell: its honorific or dictionary entry, else a given name that
    only women or only men bear ("Anne Hill", not "Hill" alone nor "Mr Hill"'s honorific twice)."""
    if mention.gender is not None or not mention.person or mention.kind == "pronoun":
        return mention.gender
    words = _name_words(mention.name)
    return given_name_genders().get(words[0]) if len(words) > 1 else None


@lru_cache(maxsize=1)
def given_name_genders() -> dict[str, str]:
    text = resources.files("newsevents.data").joinpath("given_names.tsv").read_text("utf-8")
    rows = (line.split("\t") for line in text.splitlines() if line.strip() and not line.startswith("#"))
    return {name.strip(): gender.strip() for name, gender in rows}


def _representatives(mentions: list[Mention], entity_of: list[int]) -> dict[int, int]:
    """The mention that best names each entity: a dictionary entry, else the longest proper name."""
    best: dict[int, int] = {}
    for n, mention in enumerate(mentions):
        if mention.kind == "pronoun":
            continue
        entity = entity_of[n]
        if entity not in best or _naming_rank(mention) > _naming_rank(mentions[best[entity]]):
            best[entity] = n
    return best


def _naming_rank(mention: Mention) -> tuple[int, int]:
    return (mention.entry is not None, (mention.role is None) * len(mention.name.split()))


_FOLDS = [
    (r"[^a-z]", ""),
    (r"kh", "h"),
    (r"ks", "x"),
    (r"tch", "ch"),
    (r"(yy|iy|ij|ii|yi|ie)", "y"),
    (r"z", "s"),
    (r"w", "v"),
    (r"ph", "f"),
    (r"(.)\1+", r"\1"),
]


@lru_cache(maxsize=8192)  # the same surnames recur across an article and a corpus
def fold_spelling(word: str) -> str:
    """A key under which transliteration variants agree: Reznikov/Resnikov, Zelenskyy/Zelensky."""
    ascii_word = unicodedata.normalize("NFKD", word).encode("ascii", "ignore").decode().lower()
    for pattern, replacement in _FOLDS:
        ascii_word = re.sub(pattern, replacement, ascii_word)
    return ascii_word
