"""Event coding: who did what to whom, in CAMEO (GDELT's code table) and PLOVER.

For each sentence that mentions an actor (`coder`), triggers are found from the verb dictionary
(`dictionary`, `matcher`; codes and their combinations in `codebook`), source and target actors
are read off the parse (`roles`), the modality is decided (`modality`), and reported promises,
duties and judgements are recoded as CAMEO codes them (`framing`). No dictionary match means no
event: there is no catch-all code. Each attributed quote is also a statement event, 01x
(`statements`). `unknown` lists the verbs the dictionary misses. PETRARCH verb-pattern files are
read by `petrarch`.
"""

from __future__ import annotations

from newsevents.extract.context import ExtractContext
from newsevents.extract.events.coder import code_sentence, without_agentless_charges, without_restated
from newsevents.extract.events.dictionary import VerbDictionary, load_dictionary
from newsevents.extract.events.statements import statement_events
from newsevents.nlp.text import doc_sentences
from newsevents.options import Options

__all__ = ["extract_events", "load_verb_dictionaries"]


def load_verb_dictionaries(options: Options) -> VerbDictionary:
    """The packaged verb dictionary with `options.verb_dictionaries` layered on, loaded once per process.

    Raises `InputError` naming `file:line` for a file that cannot be read or parsed: call it to check
    a configuration before any work; a broken file never silently switches event coding off.
    """
    return load_dictionary(tuple(options.verb_dictionaries))


def extract_events(ctx: ExtractContext) -> None:
    dictionary = load_verb_dictionaries(ctx.options)
    quotes = tuple((q.start, q.end) for q in ctx.quotes)  # one per quote: `Event.quote` indexes it
    # a direct quote split by its attribution ("...," said X, who had backed Y, "...") is quoted only in its parts:
    # the narration between them is the reporter's, asserted (usnews8b)
    quoted = tuple(span for q in ctx.quotes for span in ([(p.start, p.end) for p in q.parts] or [(q.start, q.end)]))
    events = []
    for sentence in doc_sentences(ctx.doc):
        if ctx.actors_in(sentence.start_char, sentence.end_char):
            events.extend(code_sentence(ctx, sentence, dictionary, quoted))
    events += statement_events(ctx, dictionary, events)
    events = without_agentless_charges(without_restated(events, quotes))
    # statements after the coded events of their sentence, whose outer-first order is kept (stable sort)
    events.sort(key=lambda e: (e.sentence.start, e.quote is not None and e.cameo.startswith("01")))
    ctx.events = events
