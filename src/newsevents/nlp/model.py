"""Load the spaCy pipeline once per process.

The model is never downloaded at run time: it is a pinned Python package (see
requirements-model.txt) or a local directory. A missing model is a clear error, not a hang.
"""

from __future__ import annotations

import gc
import re
from functools import lru_cache
from typing import TYPE_CHECKING

from newsevents.nlp.attribute_rules import replace_attribute_ruler

if TYPE_CHECKING:  # spaCy is imported on first load: `newsevents --help` and ingest's main process need none
    from spacy.language import Language
    from spacy.tokens import Doc

LINE_BREAKS = "newsevents_line_breaks"  # the component marking paragraph and headline sentence starts
_BLANK_LINE = re.compile(r"\n[^\S\n]*\n")  # boilerplate is blanked by spaces: "\n   \n" is blank too
_FINAL_PUNCTUATION = frozenset(".!?:;,")
_HEADLINE_MAX_CHARS = 120
_HEADLINE_SHORTER_BY = 1.5  # a wrapped paragraph's first two lines are about as long as each other


class ModelNotInstalled(RuntimeError):
    pass


@lru_cache(maxsize=4)
def load_model(name: str) -> Language:
    """Return the loaded pipeline `name`; the same object on every call in this process."""
    import spacy

    try:
        nlp = spacy.load(name)
    except OSError as exc:
        raise ModelNotInstalled(
            f"spaCy model {name!r} is not installed; install it with "
            "`pip install --require-hashes --no-deps -r requirements-model.txt` "
            "or set `model` in your config to an installed model"
        ) from exc
    # Long wire stories exceed nothing, but a scraped page dump can; our own limit applies first.
    nlp.max_length = max(nlp.max_length, 2_000_000)
    if "parser" in nlp.pipe_names and LINE_BREAKS not in nlp.pipe_names:
        if not nlp.has_factory(LINE_BREAKS):
            nlp.component(LINE_BREAKS, func=mark_line_breaks)
        nlp.add_pipe(LINE_BREAKS, before="parser")
    # Same output as the model's attribute_ruler at a fraction of its cost (issue 13); a ruler
    # it cannot reproduce exactly is left in place.
    replace_attribute_ruler(nlp)
    # The model's ~100,000 Python objects live as long as the process: out of the collector's view, a
    # full collection during extraction no longer walks them all (0.1 s each, measured; issue 13).
    gc.freeze()
    return nlp


def mark_line_breaks(doc: Doc) -> Doc:
    """Start a sentence where the text says one starts, before the parser runs.

    The parser runs a headline into the first paragraph ("X backs Y" then takes its object from the
    paragraph's names). A blank line always ends a sentence; so does the first line's single line
    break when that line is a headline: no final punctuation, and much shorter than the line after it
    (a line break inside wrapped plain text is no boundary: its lines are about as long as each other).
    """
    spans = [(t.idx, t.idx + len(t.text), t.is_space) for t in doc]
    for i in sentence_starts_at_line_breaks(doc.text, spans):
        doc[i].is_sent_start = True
    return doc


def sentence_starts_at_line_breaks(text: str, tokens: list[tuple[int, int, bool]]) -> list[int]:
    """Indices of the tokens (start, end, is_space) that open a paragraph or follow a headline line."""
    starts: list[int] = []
    first_break = text.find("\n", len(text) - len(text.lstrip()))  # the end of the first line
    previous_end: int | None = None  # end of the last non-space token
    for i, (start, end, is_space) in enumerate(tokens):
        if is_space:
            continue
        if previous_end is not None and "\n" in text[previous_end:start]:
            gap = text[previous_end:start]
            first_line = previous_end <= first_break < start
            if _BLANK_LINE.search(gap) or (first_line and _ends_headline(text, previous_end, start)):
                starts.append(i)
        previous_end = end
    return starts


def _ends_headline(text: str, line_end: int, next_start: int) -> bool:
    """The article's first line, ended by a single line break, reads as a headline over the next line."""
    line = text[:line_end].lstrip()
    if len(line) > _HEADLINE_MAX_CHARS or not line or line[-1] in _FINAL_PUNCTUATION:
        return False
    next_line = text[next_start : next_start + 10 * _HEADLINE_MAX_CHARS].split("\n", 1)[0].rstrip()
    return len(next_line) >= _HEADLINE_SHORTER_BY * len(line)
