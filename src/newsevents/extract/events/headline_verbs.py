"""Headline verbs read as plural nouns: "Minister pledges cash for schools".

Headlines drop articles and auxiliaries, so the small model often reads the verb of "Party attacks
tax plans" as a plural noun in one long noun phrase, and the headline codes no event. When the
headline (sentence 0, a line of its own) has no verb at all and the word after its first noun
phrase is a third-person "-s" form of a verb our dictionary knows, the headline is parsed again with
that word swapped for an unambiguous verb of the same shape ("wants"), and the tree it then gets is
copied back, with the original word as the verb. Running text is never touched: a bare plural noun
after a noun is common there ("party leaders", "tax cuts") and its sentence has a verb of its own.

A plural subject takes the base form ("MPs quiz aides over income", "Unions back strike"): the model
then reads the verb as a noun, an adverb or a modifier. When the opening noun phrase ends in a plural
("MPs", "Lib Dems", "Ministers") and the lower-case word right after it is a verb our dictionary knows
by that very form, it is tried with the base-form stand-in ("want") the same way.
"""

from __future__ import annotations

from spacy.attrs import DEP, HEAD, POS, TAG
from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from newsevents.extract.actors.headline import headline_sentence
from newsevents.extract.events.dictionary import VerbDictionary, deinflected

_STAND_IN = "wants"  # transitive, third-person, never read as a noun by the model
_BASE_STAND_IN = "want"  # the same after a plural subject ("MPs want aides ...")
_NOUN_PHRASE_POS = frozenset({"PROPN", "NOUN", "ADJ", "DET", "NUM"})
_PLURAL_OR_VBZ = frozenset({"NNS", "NNPS", "VBZ"})
# an object or complement: "Tax cuts for families", with a bare prepositional phrase, stays a noun phrase
_ARGUMENTS = frozenset({"dobj", "xcomp", "ccomp", "dative"})


def reread_headline_verb(doc: Doc, dictionary: VerbDictionary, nlp: Language) -> bool:
    """Give the headline its verb back in `doc` (in place); True when the tree was changed."""
    headline = headline_sentence(doc)
    if headline is None or headline.root.pos_ in ("VERB", "AUX"):
        return False
    found = _verb_after_first_noun_phrase(headline, dictionary)
    if found is None:
        return False
    cue, lemma = found
    reparsed = _parse_with_stand_in(headline, cue, nlp)
    if reparsed is None:
        return False
    _copy_tree(doc, headline, reparsed)
    cue.lemma_ = lemma
    return True


def _verb_after_first_noun_phrase(headline: Span, dictionary: VerbDictionary) -> tuple[Token, str] | None:
    """The lower-case "-s" word (or, after a plural, base-form verb) right after the headline's opening noun
    phrase, with its verb lemma."""
    words = [token for token in headline if not token.is_space]
    for position, token in enumerate(words):
        if position > 0 and _base_after_plural(words, position, dictionary):
            return token, token.lower_
        if position > 0 and token.tag_ in _PLURAL_OR_VBZ and token.text.islower():
            if not token.text.endswith("s") or position == len(words) - 1:
                return None
            lemma = next((g for g in (token.lemma_.lower(), *deinflected(token.text)) if dictionary.knows(g)), None)
            return (token, lemma) if lemma else None
        if token.pos_ not in _NOUN_PHRASE_POS or token.tag_ == "POS":
            return None  # the opening noun phrase ended with no "-s" word after it
    return None


def _base_after_plural(words: list[Token], position: int, dictionary: VerbDictionary) -> bool:
    """ "MPs quiz aides", "Lib Dems stress ...": a lower-case base-form verb the dictionary knows, not the last
    word, right after a capitalised plural that closes the opening noun phrase of nouns and names."""
    token, before = words[position], words[position - 1]
    if not token.text.isalpha() or not token.text.islower() or token.text.endswith("s") or position == len(words) - 1:
        return False
    plural = before.text[:1].isupper() and before.text.endswith("s") and before.tag_ != "POS" and len(before) > 2
    opening = all(w.pos_ in ("PROPN", "NOUN", "ADJ", "NUM") and w.tag_ != "POS" for w in words[:position])
    return plural and opening and dictionary.knows(token.lower_)


def _parse_with_stand_in(headline: Span, cue: Token, nlp: Language) -> Doc | None:
    """The headline parsed with `cue` swapped for the stand-in verb of its form ("wants" for "quits", "want"
    for "quiz"), when that reads as a clause with `cue` its root, a subject before it and an object or
    complement after it; None otherwise."""
    stand_in, tag = (_STAND_IN, "VBZ") if cue.text.endswith("s") else (_BASE_STAND_IN, "VBP")
    text = "".join(stand_in + t.whitespace_ if t.i == cue.i else t.text_with_ws for t in headline)
    reparsed = nlp(text)
    if len(reparsed) != len(headline):
        return None  # tokenised differently: the trees cannot be lined up
    verb = reparsed[cue.i - headline.start]
    children = {child.dep_ for child in verb.children}
    if verb.dep_ != "ROOT" or verb.tag_ != tag or "nsubj" not in {c.dep_ for c in verb.lefts}:
        return None
    return reparsed if children & _ARGUMENTS else None


def _copy_tree(doc: Doc, headline: Span, reparsed: Doc) -> None:
    """Heads, labels and tags of `reparsed` onto the headline's tokens of `doc` (its sentences unchanged)."""
    attrs = [HEAD, DEP, TAG, POS]
    array = doc.to_array(attrs)
    array[headline.start : headline.end] = reparsed.to_array(attrs)  # heads are relative offsets
    lemmas = [token.lemma_ for token in doc]
    doc.from_array(attrs, array)  # type: ignore[arg-type]  # to_array is typed loosely; it is uint64
    for token, lemma in zip(doc, lemmas, strict=True):
        token.lemma_ = lemma
