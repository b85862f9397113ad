"""Quotes: who said what, direct ("…," he said), reported (X said that …) and mixed.

One pass over the quotation marks (`marks`) and one over the tokens (`cues`) give quoted
passages and attribution cues; `assemble` ties each passage to the cue next to it, keeps the
complement clause of cues without a passage as reported speech, and `speaker` resolves the
cue's subject to an actor ("He" → Sergey Lavrov, "the official" → the earlier official).
"""

from __future__ import annotations

from newsevents.extract.context import ExtractContext
from newsevents.extract.quotes.assemble import assemble_quotes
from newsevents.extract.quotes.cues import find_cues
from newsevents.extract.quotes.headlines import find_headline_cues, find_signature_cues, find_signed_headline_cues
from newsevents.extract.quotes.lexicon import cue_lexicon
from newsevents.extract.quotes.marks import find_quote_spans
from newsevents.nlp.text import doc_text

__all__ = ["extract_quotes"]


def extract_quotes(ctx: ExtractContext) -> None:
    # the parsed text has debris blanked out, so no quote is found in it; spaCy rebuilds
    # `doc.text` from the tokens on every access, so it is taken once
    text = doc_text(ctx.doc)
    spans = find_quote_spans(text)
    cues = list(find_cues(ctx.doc, text, cue_lexicon(), spans))
    cues += find_headline_cues(ctx.doc, text, spans)
    # a signature dash ("“…” ― Name") is sometimes tagged a verb and taken for a weak cue: the signature wins
    signed = list(find_signature_cues(ctx.doc, text, spans)) + list(find_signed_headline_cues(ctx.doc, text))
    dashes = {cue.start for cue in signed}
    cues = [cue for cue in cues if cue.start not in dashes] + signed
    ctx.quotes = assemble_quotes(ctx, text, spans, cues)
