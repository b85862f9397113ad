"""The per-doc token and entity tuples the stages share instead of rebuilding them (issue 13)."""

from __future__ import annotations

import pytest
from spacy.language import Language

from newsevents.nlp import load_model
from newsevents.nlp.text import doc_ents, doc_tokens, span_tokens
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
