"""Verbs that link two actors but that the dictionary does not code (PETRARCH's `--nullverbs`).

Used by `newsevents verbs --unknown CORPUS` so users can see which verbs to add to their own
verb dictionary. A verb counts when its subject names an actor, its object or a directed
prepositional object names another one, and no coded event's trigger covers it.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass

from spacy.language import Language
from spacy.tokens import Token

from newsevents.extract.context import ExtractContext
from newsevents.extract.events.dictionary import VerbDictionary
from newsevents.extract.events.matcher import lemma_of, verb_lemma
from newsevents.extract.events.roles import sources_of, targets_of
from newsevents.options import Options
from newsevents.types import ArticleRecord


@dataclass
class VerbUse:
    lemma: str  # with its particle: "crack down"
    count: int
    coded: bool  # True when some use of it was coded (only listed without --unknown)
    in_dictionary: bool  # the lemma has entries, but none of its patterns fitted these uses
    example: str
    source: str

    def to_dict(self) -> dict[str, object]:
        return {
            "lemma": self.lemma,
            "count": self.count,
            "coded": self.coded,
            "in_dictionary": self.in_dictionary,
            "example": self.example,
            "source": self.source,
        }


def _label(verb: Token) -> str:
    particles = [c.lower_ for c in verb.children if c.dep_ == "prt"]
    return " ".join([lemma_of(verb), *particles])


def _links_two_actors(ctx: ExtractContext, verb: Token) -> bool:
    sources = sources_of(ctx, verb)
    targets = targets_of(ctx, verb) if sources else []
    return any(not s.same_entity(t) and s.name != t.name for s in sources for t in targets)


def _trigger_starts(record: ArticleRecord) -> list[tuple[int, int]]:
    return [(event.trigger.start, event.trigger.end) for event in record.events]


def verbs_between_actors(
    records: Iterable[ArticleRecord], nlp: Language, dictionary: VerbDictionary, options: Options
) -> Iterator[tuple[str, bool, bool, str, str]]:
    """(label, coded, in_dictionary, sentence, article id) for every verb linking two actors.

    The records come from `process_batch`; their texts are parsed once more here, only for
    articles with at least two actors, because the record keeps offsets but not the parse.
    """
    candidates = [r for r in records if len({a.entity for a in r.actors}) > 1]
    docs = nlp.pipe(r.text for r in candidates)
    for record, doc in zip(candidates, docs, strict=True):
        ctx = ExtractContext(text=record.text, doc=doc, published=record.published, options=options)
        ctx.actors = list(record.actors)
        ctx.index_actors()
        triggers = _trigger_starts(record)
        for verb in doc:
            if verb.pos_ != "VERB" or not _links_two_actors(ctx, verb):
                continue
            coded = any(start <= verb.idx < end for start, end in triggers)
            known = verb_lemma(verb, dictionary) is not None
            yield _label(verb), coded, known, " ".join(verb.sent.text.split()), record.id


def count_verbs(uses: Iterable[tuple[str, bool, bool, str, str]], only_uncoded: bool) -> list[VerbUse]:
    """Counts per verb label, most frequent first, keeping the first example seen."""
    table: dict[str, VerbUse] = {}
    for label, coded, known, sentence, source in uses:
        if only_uncoded and coded:
            continue
        entry = table.get(label)
        if entry is None:
            table[label] = VerbUse(label, 1, coded, known, sentence, source)
        else:
            entry.count += 1
            entry.coded = entry.coded or coded
    return sorted(table.values(), key=lambda v: (-v.count, v.lemma))
