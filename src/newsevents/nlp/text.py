"""The text of a parsed `Doc` without rebuilding it.

spaCy's `Doc.text` joins every token's text on each access: a few milliseconds per article,
paid again by every stage that asks (measured at ~5 % of the parse on BBC articles). The pipeline
knows the text it parsed, so it records it here and the stages read it back for free.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.tokens import Doc, Span, Token

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


# Indexing or iterating a Doc builds a new Token object each time, and `doc.ents` builds its
# Span objects on every access; several stages walk the same doc, so each is built once per doc.
_last_tokens: tuple[Doc, tuple[Token, ...]] | None = None
_last_ents: tuple[Doc, tuple[Span, ...]] | None = None


def doc_tokens(doc: Doc) -> tuple[Token, ...]:
    """`tuple(doc)`, built once per doc (the latest doc of this process)."""
    global _last_tokens
    if _last_tokens is None or _last_tokens[0] is not doc:
        _last_tokens = (doc, tuple(doc))
    return _last_tokens[1]


def doc_ents(doc: Doc) -> tuple[Span, ...]:
    """`doc.ents`, built once per doc (the latest doc of this process)."""
    global _last_ents
    if _last_ents is None or _last_ents[0] is not doc:
        _last_ents = (doc, tuple(doc.ents))
    return _last_ents[1]


def span_tokens(span: Span | Doc) -> tuple[Token, ...]:
    """`tuple(span)` (a sentence, or a whole doc) from the doc's tokens built once."""
    start = getattr(span, "start", None)
    if start is None:  # a Doc has no `.start` (its `.doc` is itself)
        return doc_tokens(span)  # type: ignore[arg-type]
    return doc_tokens(span.doc)[start : span.end]  # type: ignore[union-attr]


# `token.head` builds a new Token too; walks that only need the head's position read this instead.
_last_heads: tuple[Doc, tuple[int, ...]] | None = None


def doc_heads(doc: Doc) -> tuple[int, ...]:
    """`token.head.i` of every token of `doc`, by token index, built once per doc (the latest doc)."""
    global _last_heads
    if _last_heads is None or _last_heads[0] is not doc:
        import numpy
        from spacy.attrs import HEAD

        offsets = doc.to_array([HEAD]).astype("int64").reshape(-1)  # the head's offset, stored unsigned
        _last_heads = (doc, tuple((offsets + numpy.arange(len(offsets), dtype="int64")).tolist()))
    return _last_heads[1]


# Per doc: each token's dependents by index, and their Token tuples, made when first asked for.
_last_children: tuple[Doc, list[list[int]], dict[int, tuple[Token, ...]]] | None = None


def children_of(token: Token) -> tuple[Token, ...]:
    """`tuple(token.children)` (in text order) from an index of the whole doc built once per doc: spaCy
    builds a new Token for every child on every walk, and the stages walk the same verbs' children often."""
    global _last_children
    doc = token.doc
    if _last_children is None or _last_children[0] is not doc:
        dependents: list[list[int]] = [[] for _ in range(len(doc))]
        for i, head in enumerate(doc_heads(doc)):
            dependents[head].append(i)  # in text order; a root is its own head and is dropped below
        _last_children = (doc, dependents, {})
    i = token.i
    found = _last_children[2].get(i)
    if found is None:
        tokens = doc_tokens(doc)
        found = _last_children[2][i] = tuple(tokens[k] for k in _last_children[1][i] if k != i)
    return found


# `token.sent` walks the sentence-start flags both ways and builds a new Span on every call (about
# 20 µs a call, against 0.05 µs for a token's tag); stages ask it thousands of times per article.
_last_sentences: tuple[Doc, tuple[Span, ...], tuple[int, ...]] | None = None


def sentence_of(item: Token | Span) -> Span:
    """`item.sent` (the sentence of a token, or of a span's first token) from an index of the doc's
    sentences built once per doc (the latest doc): the same span, as `Doc.sents` yields it."""
    sentences, number = _sentence_index(item.doc)
    start = getattr(item, "start", None)  # a Token has no `.start`
    return sentences[number[item.i if start is None else start]]  # type: ignore[union-attr]


def doc_sentences(doc: Doc) -> tuple[Span, ...]:
    """`tuple(doc.sents)`, built once per doc (the latest doc): each `doc.sents` builds every span again."""
    return _sentence_index(doc)[0]


def _sentence_index(doc: Doc) -> tuple[tuple[Span, ...], tuple[int, ...]]:
    """The doc's sentences, and the number of the sentence of each token."""
    global _last_sentences
    if _last_sentences is None or _last_sentences[0] is not doc:
        sentences = tuple(doc.sents)
        number = [0] * len(doc)
        for n, sentence in enumerate(sentences):
            number[sentence.start : sentence.end] = [n] * (sentence.end - sentence.start)
        _last_sentences = (doc, sentences, tuple(number))
    return _last_sentences[1], _last_sentences[2]


def lefts_of(token: Token) -> tuple[Token, ...]:
    """`tuple(token.lefts)`: the children before the token, in text order, from the children index."""
    i = token.i
    return tuple(child for child in children_of(token) if child.i < i)


# `token.subtree` is a recursive generator that builds a Token per word per level; stages walk the
# subtrees of the same modifiers and clauses again and again.
_last_subtrees: tuple[Doc, dict[int, tuple[Token, ...]]] | None = None


def subtree_of(token: Token) -> tuple[Token, ...]:
    """`tuple(token.subtree)`, in spaCy's order (each left child's subtree, the token, each right child's
    subtree: not text order on a non-projective parse), from the children index; kept per doc (the latest),
    so the stages that walk the same verb's or clause's subtree again (quotes, statements, anchoring) reuse it."""
    global _last_subtrees
    doc = token.doc
    if _last_subtrees is None or _last_subtrees[0] is not doc:
        _last_subtrees = (doc, {})
    return _subtree(token, _last_subtrees[1])


def _subtree(token: Token, known: dict[int, tuple[Token, ...]]) -> tuple[Token, ...]:
    i = token.i
    found = known.get(i)
    if found is None:
        children = children_of(token)
        words: list[Token] = []
        for child in children:
            if child.i < i:
                words += known.get(child.i) or _subtree(child, known)
        words.append(token)
        for child in children:
            if child.i > i:
                words += known.get(child.i) or _subtree(child, known)
        found = known[i] = tuple(words)
    return found


def forget_doc() -> None:
    """Drop every per-doc index: the caller changed the latest doc's tree in place (`Doc.from_array`)."""
    global _last_tokens, _last_ents, _last_heads, _last_children, _last_sentences, _last_subtrees
    _last_tokens = _last_ents = _last_heads = _last_children = _last_sentences = _last_subtrees = None
