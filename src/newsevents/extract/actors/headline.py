"""Headline surnames: "Blair backs Brown" names people the body names in full only later.

News headlines use bare surnames (or the first part of a double-barrelled one) and the small
model's NER, reading a short line with no context, often tags none of them. A capitalised word of
the headline (sentence 0, when it is a line of its own) that is the surname of exactly one person
the article names later becomes a mention of that person; coreference then chains it to the full
name, so the headline's events get the person's actor code. Runs after `find_mentions`, before
`chain_mentions`.
"""

from __future__ import annotations

from spacy.tokens import Doc, Span, Token

from newsevents.extract.actors.coref import fold_spelling
from newsevents.extract.actors.mentions import Mention, merged_in_text_order
from newsevents.nlp.text import doc_text

_HONORIFICS = frozenset({"mr", "mrs", "ms", "miss", "dr", "sir", "dame", "lord", "lady", "baroness"})
_MIN_SURNAME_CHARS = 3  # "Ed", "Al" are given names or words, not headline surnames


def with_headline_surnames(doc: Doc, mentions: list[Mention]) -> list[Mention]:
    """`mentions` with the headline's bare surnames added (in text order) or recognised as people."""
    headline = headline_sentence(doc)
    if headline is None:
        return mentions
    people = _people_by_surname(mentions, headline.end)
    for named in mentions:
        if named.start < headline.end:
            _trim_trailing_space(doc, named)
    by_token = {i: m for m in mentions for i in range(m.start, m.end)}
    added: list[Mention] = []
    for token in headline:
        person = people.get(fold_spelling(token.text)) if _could_be_surname(token) else None
        found = by_token.get(token.i)
        if person is None or (found is not None and not _bare_name(found)):
            continue
        mention = found
        if mention is None:
            mention = Mention(token.i, token.i + 1, token.i, "person", person.name, person=True)
            added.append(mention)
        # the full name, so that coreference chains a short form ("Kilroy") to it as it does a surname
        mention.kind, mention.name, mention.person, mention.gender = "person", person.name, True, person.gender
    return merged_in_text_order(mentions, added)


def _trim_trailing_space(doc: Doc, mention: Mention) -> None:
    """NER takes the line break after a headline's last word into the name ("... by Marsh\n\n")."""
    while mention.end - 1 > mention.start and doc[mention.end - 1].is_space:
        mention.end -= 1
    mention.head = min(mention.head, mention.end - 1)
    mention.name = mention.name.strip()


def headline_sentence(doc: Doc) -> Span | None:
    """Sentence 0 when it is the article's first line, ended by a line break (the nlp stage makes
    such a line its own sentence); a first sentence of running text is no headline."""
    first = next(iter(doc.sents), None)
    if first is None:
        return None
    text = first.text.strip()
    ends_line = first.text.rstrip(" \t").endswith("\n") or doc_text(doc)[first.end_char : first.end_char + 1] == "\n"
    return first if text and "\n" not in text and ends_line else None


def _people_by_surname(mentions: list[Mention], after: int) -> dict[str, Mention]:
    """Surname (and first part of a double-barrelled one) → the person named by it after the
    headline, preferring a mention with the given name; a surname two given names share is left out."""
    named: dict[str, list[Mention]] = {}
    for mention in mentions:
        words = mention.name.split()
        if mention.start < after or mention.kind != "person" or mention.role is not None or len(words) < 2:
            continue
        for key in {fold_spelling(words[-1]), fold_spelling(words[-1].split("-")[0])}:
            named.setdefault(key, []).append(mention)
    people: dict[str, Mention] = {}
    for key, group in named.items():
        given = [m for m in group if _given_name(m) is not None]
        if len({_given_name(m) for m in given}) <= 1:
            people[key] = (given or group)[0]
    return people


def _given_name(mention: Mention) -> str | None:
    first = mention.name.split()[0]
    return None if first.lower().rstrip(".") in _HONORIFICS else first


def _could_be_surname(token: Token) -> bool:
    word = token.text
    return token.is_alpha and len(word) >= _MIN_SURNAME_CHARS and word[0].isupper() and not word.isupper()


def _bare_name(mention: Mention) -> bool:
    """A one-word name with nothing known of it: a surname NER tagged as a person or an organisation."""
    one_word = mention.end - mention.start == 1 and mention.entry is None and mention.role is None
    return one_word and (mention.kind == "person" or (mention.kind == "organisation" and mention.sector is None))
