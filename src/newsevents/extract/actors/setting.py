"""The country an article is set in, for actors whose own words do not say theirs.

A US local paper's "the council", "police" and "the mayor" are American; a BBC politics story's
"Mr Galloway" and "the party" are British. The setting comes from the dateline ("DAYTON, Ohio —",
"LONDON (Reuters) -") and from the countries of the places and actors the article names; it is
used only when one country clearly dominates, never to overrule what a mention says itself.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable

from spacy.tokens import Doc

from newsevents.extract.actors.dictionary import ActorDictionary
from newsevents.extract.actors.mentions import Mention
from newsevents.extract.places.gazetteer import load_gazetteer
from newsevents.nlp.text import doc_ents, doc_text

_DATELINE_RE = re.compile(r"^\s*([A-Z][A-Z.'\- ]{1,40}?)\s*(?:,|\(|—|–|-)")
_DATELINE_WEIGHT = 3
_MIN_VOTES = 2
_ARTICLE_SENTENCES = 5
# a national figure the dictionary knows ("Tony Blair") sets an article as well as a dateline town
_KNOWN_PERSON_WEIGHT = 2
_MIN_SHARE = 0.5
_MIN_PLACE_POPULATION = 20_000
_ORGANISATION_SECTORS = frozenset({"IGO", "NGO", "IMG", "MNC", "NGM"})
_BORDERLESS_SECTORS = frozenset({"REB"})


def article_country(doc: Doc, book: ActorDictionary, mentions: Iterable[Mention]) -> str | None:
    """The dominant country: at least two votes and more than half of them."""
    votes: Counter[str] = Counter()
    dateline = _dateline_country(doc_text(doc), book)
    if dateline is not None:
        votes[dateline] += _DATELINE_WEIGHT
    # in an article a national figure sets the story; a lone sentence ("X met police chiefs") does not
    article = len(list(doc.sents)) >= _ARTICLE_SENTENCES
    known_weight = _KNOWN_PERSON_WEIGHT if article else 1
    covered: set[int] = set()
    surnames: set[str] = set()
    for mention in mentions:
        covered.update(range(mention.start, mention.end))
        if mention.kind == "person" and len(mention.name.split()) > 1:
            surnames.add(mention.name.split()[-1])
        if mention.country and mention.kind != "pronoun" and mention.sector not in _ORGANISATION_SECTORS:
            votes[mention.country] += known_weight if _known_person(mention) else 1
    for ent in doc_ents(doc):
        # "Mr Hague" tagged as a place is the person named "William Hague", no vote for the Netherlands
        if ent.label_ != "GPE" or ent.start in covered or ent.text.split()[-1] in surnames:
            continue
        if country := _place_country(ent.text):
            votes[country] += 1
    if not votes:
        return None
    country, count = votes.most_common(1)[0]
    if article and len(votes) == 1:
        return country  # an article whose every clue points to one country is set there, one clue or more
    return country if count >= _MIN_VOTES and count > _MIN_SHARE * sum(votes.values()) else None


def _known_person(mention: Mention) -> bool:
    return mention.kind == "person" and mention.entry is not None and mention.entry.kind == "person"


def _dateline_country(text: str, book: ActorDictionary) -> str | None:
    match = _DATELINE_RE.match(text)
    if match is None:
        return None
    place = " ".join(w.capitalize() for w in match.group(1).split())
    entry = book.phrases.get(place)
    if entry is not None and entry.kind in ("country", "capital") and entry.codes:
        return entry.codes[0].code[:3]
    return _place_country(place)


def _place_country(name: str) -> str | None:
    places = [p for p in load_gazetteer().lookup(name) if p.kind in ("city", "admin") and p.primary]
    countries = {p.country for p in places if p.population >= _MIN_PLACE_POPULATION or p.kind == "admin"}
    return countries.pop() if len(countries) == 1 else None


def needs_setting(mention: Mention) -> bool:
    """A mention whose own words give no country: a role or body ("police", "the council") or a
    person, not one acting for an international organisation."""
    if mention.country is not None or mention.org is not None or mention.kind == "country":
        return False
    if mention.entry_code and mention.entry_code[:3] in _ORGANISATION_SECTORS:
        return False  # a known international body ("Oxfam", "the Red Cross") belongs to no country
    if mention.sector in _BORDERLESS_SECTORS:
        return False  # unnamed gunmen and insurgents: CAMEO leaves their country open (---REB)
    return mention.sector is not None or mention.person
