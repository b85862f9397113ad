"""Find dictionary phrases in a parsed document, longest match first.

Phrases are tokenised with the model's own tokenizer once per process, so "U.S." or "Kim Jong-un"
split exactly as they do in the text. Matching ignores case except that a dictionary word with a
capital letter needs a capitalised word in the text ("US" the country is not "us" the pronoun).
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from functools import cache

from spacy.language import Language
from spacy.tokens import Doc, Token

from newsevents.extract.actors.dictionary import ActorDictionary, Entry, dictionary_for
from newsevents.nlp import load_model
from newsevents.nlp.text import doc_tokens

# Lower-case demonyms are matched only with these endings: "tunisian", "chinese", "israeli",
# never "pole", "polish" or "french", which are also ordinary words.
_LOOSE_DEMONYM_ENDINGS = ("an", "ese", "i")


@dataclass(frozen=True, slots=True)
class Pattern:
    words: tuple[str, ...]  # lower case
    capitalised: tuple[int, ...]  # per word: 0 any case, 1 an initial capital, 2 all capitals (an acronym)
    entry: Entry


@dataclass(frozen=True, slots=True)
class PhraseMatch:
    start: int  # token index
    end: int  # token index, exclusive
    entry: Entry


class PhraseIndex:
    def __init__(self, nlp: Language, book: ActorDictionary) -> None:
        by_first: dict[str, list[Pattern]] = defaultdict(list)
        for phrase, entry in book.phrases.items():
            tokens = _tokens(nlp, phrase)
            if not tokens:
                continue
            # Demonyms may be written in lower case ("tunisian rioters"); "US" never is "us" or "Us".
            loose = entry.kind == "demonym" and len(phrase) > 5 and phrase.endswith(_LOOSE_DEMONYM_ENDINGS)
            capitals = tuple(0 if loose else _capital_need(t) for t in tokens)
            pattern = Pattern(tuple(t.lower() for t in tokens), capitals, entry)
            by_first[pattern.words[0]].append(pattern)
        self._by_first = {k: sorted(v, key=lambda p: -len(p.words)) for k, v in by_first.items()}

    def find(self, doc: Doc) -> list[PhraseMatch]:
        """Non-overlapping matches, scanning left to right and preferring the longest."""
        matches: list[PhraseMatch] = []
        tokens = doc_tokens(doc)
        lowers = [t.lower_ for t in tokens]
        i = 0
        while i < len(doc):
            pattern = self._match_at(tokens, lowers, i)
            if pattern is None:
                i += 1
                continue
            matches.append(PhraseMatch(i, i + len(pattern.words), pattern.entry))
            i += len(pattern.words)
        return matches

    def _match_at(self, tokens: tuple[Token, ...], lowers: list[str], i: int) -> Pattern | None:
        for pattern in self._by_first.get(lowers[i], ()):
            end = i + len(pattern.words)
            if end > len(lowers) or tuple(lowers[i:end]) != pattern.words:
                continue
            if all(_cased(tokens[i + k].text, need) for k, need in enumerate(pattern.capitalised)):
                return pattern
        return None


def _tokens(nlp: Language, phrase: str) -> list[str]:
    """The phrase's tokens as the model splits them; plain words need no tokenizer (most of a large
    dictionary), which keeps loading PETRARCH's tens of thousands of phrases cheap."""
    words = phrase.split()
    if all(w.isalpha() for w in words):
        return words
    return [t.text for t in nlp.tokenizer(phrase)]


def _capital_need(word: str) -> int:
    if 1 < len(word) <= 3 and word.isupper() and word.isalpha():  # "UN", "US"; "Nato" is also written so
        return 2
    return 1 if word[:1].isupper() else 0


def _cased(text: str, need: int) -> bool:
    return need == 0 or (text[:1].isupper() if need == 1 else text.isupper())


@cache
def phrase_index(model: str, dictionaries: tuple[str, ...]) -> PhraseIndex:
    return PhraseIndex(load_model(model), dictionary_for(dictionaries))
