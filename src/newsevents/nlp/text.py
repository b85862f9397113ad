"""The text of a parsed `Doc` without rebuilding it.

spaCy's `Doc.text` joins every token's text on each access: a few milliseconds per article,
paid again by every stage that asks (measured at ~5 % of the parse on BBC articles). The pipeline
knows the text it parsed, so it records it here and the stages read it back for free.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.tokens import Doc

_last: tuple[Doc, str] | None = None  # one article at a time per process: the latest doc is enough


def remember_text(doc: Doc, text: str) -> None:
    """Record `text` as the text `doc` was parsed from (spaCy guarantees `doc.text == text`)."""
    global _last
    _last = (doc, text)


def doc_text(doc: Doc) -> str:
    """`doc.text`, built once per doc."""
    global _last
    if _last is None or _last[0] is not doc:
        _last = (doc, doc.text)
    return _last[1]
