"""Event coding: who did what to whom, in CAMEO (GDELT's code table) and PLOVER.

For each sentence that mentions an actor (`coder`), triggers are found from the verb dictionary
(`dictionary`, `matcher`; codes and their combinations in `codebook`), source and target actors
are read off the parse (`roles`), the modality is decided (`modality`), and reported promises,
duties and judgements are recoded as CAMEO codes them (`framing`). No dictionary match means no
event: there is no catch-all code. `unknown` lists the verbs the dictionary misses.
"""

from __future__ import annotations

from newsevents.extract.context import ExtractContext
from newsevents.extract.events.coder import code_sentence
from newsevents.extract.events.dictionary import load_dictionary
from newsevents.types import InputError

__all__ = ["extract_events"]


def extract_events(ctx: ExtractContext) -> None:
    try:
        dictionary = load_dictionary(tuple(ctx.options.verb_dictionaries))
    except InputError as exc:  # a broken user verb file: say so in the record, code nothing
        ctx.warnings.append(f"events not coded: {exc}")
        ctx.events = []
        return
    quotes = tuple((q.start, q.end) for q in ctx.quotes)
    events = []
    for sentence in ctx.doc.sents:
        if ctx.actors_in(sentence.start_char, sentence.end_char):
            events.extend(code_sentence(ctx, sentence, dictionary, quotes))
    ctx.events = events
