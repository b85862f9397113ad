"""What a word or phrase tells, whatever pass asks: the role a noun names ("foreign minister"),
the sector of an organisation's name ("Supreme Court" → JUD), the acronyms the text defines,
an honorific's gender, a town's country.

Reads the `Scope` (dictionaries, parse) and the gazetteer; writes nothing.
"""

from __future__ import annotations

from spacy.tokens import Token

from newsevents.extract.actors.dictionary import Role
from newsevents.extract.actors.mentions.record import Scope
from newsevents.extract.actors.mentions.words import HONORIFICS, MIN_TOWN_POPULATION, ORG_NAME_SECTORS
from newsevents.extract.places.gazetteer import load_gazetteer
from newsevents.nlp.text import doc_ents


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
        sector = org_sector(scope, ent.text)
        if acronym.isupper() and len(acronym) > 1 and sector is not None:
            found[acronym] = sector
    return found


def is_person_title(scope: Scope, token: Token) -> bool:
    role = role_at(scope, token, modifier=True)
    return role is not None and role.person and token.pos_ == "NOUN"


def honorific_gender(scope: Scope, start: int) -> str | None:
    """ "Mr Howard", "Mrs Hassan": the honorific before (or opening) a name tells the gender."""
    words = [scope.tokens[i].lower_.rstrip(".") for i in (start, start - 1) if i >= 0]
    return next((HONORIFICS[w] for w in words if HONORIFICS.get(w)), None)


def org_sector(scope: Scope, name: str) -> str | None:
    """ "Defence Ministry" → MIL (a role phrase), else a telling word: "Supreme Court" → JUD."""
    words = [w.removesuffix("'s").rstrip("'") for w in name.lower().split()]  # "the Workers' Union's"
    for width in (3, 2):
        role = known_role(scope, " ".join(words[-width:]))
        if role is not None and len(words) >= width:
            return role.sector
    sectors = [ORG_NAME_SECTORS[w] for w in reversed(words) if w in ORG_NAME_SECTORS]
    if "LAB" in sectors and sectors[0] in ("LEG", "GOV"):
        return "LAB"  # "Trades Union Congress", "the Union Council": a body of unions, no parliament
    return sectors[0] if sectors else None


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


def known_role(scope: Scope, phrase: str) -> Role | None:
    return scope.book.roles.get(phrase) or scope.book.fallback_roles.get(phrase)


def _role_in(roles: dict[str, Role], tokens: tuple[Token, ...], token: Token) -> Role | None:
    after = " ".join(t.lower_ for t in tokens[token.i : token.i + 3])
    if after in roles:
        return roles[after]
    lemma = token.lemma_.lower()
    alone = roles.get(token.lower_) or roles.get(lemma) or roles.get(_singular(token.lower_))
    if alone is not None:  # a longer title that starts with a role word: "General secretary X" is no general
        longer = _unhyphenated(tokens[token.i : token.i + 4])
        for width in (3, 2):
            if len(longer) >= width and " ".join(longer[:width]) in roles:
                return roles[" ".join(longer[:width])]
    earlier = _unhyphenated(tokens[max(token.i - 4, 0) : token.i])  # "Director-General": no hyphen word
    for width in (2, 1):
        before = " ".join(earlier[-width:])
        for word in (token.lower_, lemma):
            phrase = f"{before} {word}" if before else word
            if before and phrase in roles:
                return roles[phrase]
    return alone


def _unhyphenated(tokens: tuple[Token, ...]) -> list[str]:
    return [t.lower_ for t in tokens if t.text != "-"]


def _singular(word: str) -> str:
    """ "Teachers" at a sentence's start is a proper noun to the tagger, with itself as lemma."""
    if word.endswith("ies"):
        return word[:-3] + "y"
    return word[:-1] if word.endswith("s") and not word.endswith("ss") else word


def place_country(token: Token) -> str | None:
    """The country of a town the dictionary does not know ("Nablus"), when the gazetteer is sure."""
    if token.ent_type_ != "GPE" or not token.is_title:
        return None
    places = [p for p in load_gazetteer().lookup(token.text) if p.kind in ("city", "admin") and p.primary]
    countries = {p.country for p in places if p.population >= MIN_TOWN_POPULATION}
    return countries.pop() if len(countries) == 1 else None
