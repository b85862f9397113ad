"""The per-doc token and entity tuples the stages share instead of rebuilding them (issue 13)."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest
from spacy.language import Language

import newsevents
from newsevents.nlp import load_model
from newsevents.nlp.text import (
    children_of,
    doc_ents,
    doc_heads,
    doc_sentences,
    doc_tokens,
    forget_doc,
    lefts_of,
    sentence_of,
    span_tokens,
    subtree_of,
)
from newsevents.options import Options


@pytest.fixture(scope="module")
def nlp() -> Language:
    return load_model(Options().model)


@pytest.mark.parametrize(
    "first, second",
    [
        ("The mayor of Leeds met union leaders on Friday. They agreed to talk again.", "Rain fell."),
        ("Prices rose 3 per cent in March, the statistics office said.", "Oslo and Bergen voted. Turnout was low."),
    ],
)
def test_each_doc_gets_its_own_tokens_and_entities(nlp: Language, first: str, second: str) -> None:
    docs = [nlp(first), nlp(second)]
    for doc in [*docs, docs[0]]:  # back to the first doc: nothing of the second may be served
        assert [(t.i, t.text) for t in doc_tokens(doc)] == [(t.i, t.text) for t in doc]
        assert [(e.start, e.end, e.label_) for e in doc_ents(doc)] == [(e.start, e.end, e.label_) for e in doc.ents]
        for sentence in doc.sents:
            assert [t.i for t in span_tokens(sentence)] == [t.i for t in sentence]
        assert [t.i for t in span_tokens(doc)] == [t.i for t in doc]
        assert doc_heads(doc) == tuple(t.head.i for t in doc)
        assert [[c.i for c in children_of(t)] for t in doc] == [[c.i for c in t.children] for t in doc]


@pytest.mark.parametrize(
    "text",
    [
        "The minister, who had promised reform, resigned on Monday after the vote.",
        "Talks between the two unions and the employers broke down, officials said, and a strike began.",
        "Asked whether he would stand again, the senator laughed.",
        "",
    ],
)
def test_head_and_children_indexes_match_spacy(nlp: Language, text: str) -> None:
    doc = nlp(text)
    assert doc_heads(doc) == tuple(t.head.i for t in doc)
    for token in doc:
        assert [(c.i, c.dep_) for c in children_of(token)] == [(c.i, c.dep_) for c in token.children]
        assert [t.i for t in subtree_of(token)] == [t.i for t in token.subtree]  # spaCy's order, not sorted
        assert [t.i for t in lefts_of(token)] == [t.i for t in token.lefts]


def test_a_token_and_its_head_are_compared_by_index_not_identity(nlp: Language) -> None:
    """spaCy builds a new Token view on each access, so `token.head is token` is never true, even for the
    root. Every comparison of a token with a head must go through `.i`; this scans our sources for one
    that does not (several stages had such a dead guard)."""
    root = next(t for t in nlp("The council met.") if t.dep_ == "ROOT")
    assert root.head is not root and root.head.i == root.i  # why the rule exists
    offenders = []
    for path in sorted(Path(newsevents.__file__).parent.rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Compare) and any(isinstance(op, (ast.Is, ast.IsNot)) for op in node.ops):
                operands = [node.left, *node.comparators]
                if any(isinstance(o, ast.Attribute) and o.attr == "head" for o in operands):
                    offenders.append(f"{path.name}:{node.lineno}: {ast.unparse(node)}")
    assert offenders == []


@pytest.mark.parametrize(
    "text",
    [
        "Ministers met in Paris on Monday. Talks went on late into the night.\n\nA deal was signed, aides said.",
        "Council backs new budget\nThe council voted for the plan. It passed by 30 votes to 12.",
        "One sentence only",
    ],
)
def test_sentence_of_is_the_sentence_spacy_gives(nlp: Language, text: str) -> None:
    doc = nlp(text)
    assert [(s.start, s.end) for s in doc_sentences(doc)] == [(s.start, s.end) for s in doc.sents]
    for token in doc:
        ours, theirs = sentence_of(token), token.sent
        assert (ours.start, ours.end, ours.label) == (theirs.start, theirs.end, theirs.label)
    for start in range(len(doc)):  # spans: the sentence of their first token
        span = doc[start : min(start + 3, len(doc))]
        assert (sentence_of(span).start, sentence_of(span).end) == (span.sent.start, span.sent.end)


def test_forget_doc_drops_indexes_of_a_tree_changed_in_place(nlp: Language) -> None:
    from spacy.attrs import HEAD

    doc = nlp("The mayor met the union leaders.")
    before = doc_heads(doc)
    array = doc.to_array([HEAD])
    array[:] = 0  # every token its own head
    doc.from_array([HEAD], array)
    assert doc_heads(doc) == before  # the index of the latest doc is kept until told
    forget_doc()
    assert doc_heads(doc) == tuple(range(len(doc))) == tuple(t.head.i for t in doc)
