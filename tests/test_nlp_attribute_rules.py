"""Our attribute_ruler (tag table + Matcher for the rest) gives exactly spaCy's AttributeRuler output."""

from __future__ import annotations

import itertools
from pathlib import Path
from typing import Any

import pytest
import spacy
from spacy.language import Language
from spacy.tokens import Doc, Token

from newsevents.nlp.attribute_rules import (
    FAST_RULER,
    FastAttributeRuler,
    derive_rules,
    replace_attribute_ruler,
)
from newsevents.nlp.model import LINE_BREAKS, load_model, mark_line_breaks
from newsevents.options import Options

# Each pattern tests one rule of spaCy's semantics; the comment says which.
SEMANTICS_PATTERNS: list[dict[str, Any]] = [
    {"patterns": [[{"TAG": "NN"}]], "attrs": {"POS": "NOUN", "MORPH": "Number=Sing"}},  # table
    {"patterns": [[{"LOWER": "run"}]], "attrs": {"POS": "VERB", "LEMMA": "run"}},  # later: wins POS
    {"patterns": [[{"TAG": "NN"}]], "attrs": {"MORPH": "Number=Plur"}},  # later again: MORPH only
    {"patterns": [[{"LOWER": "smith", "IS_TITLE": True}]], "attrs": {"POS": "INTJ", "LEMMA": "smith"}},  # Matcher
    {"patterns": [[{"TAG": {"IN": ["VB", "VBZ"]}}]], "attrs": {"POS": "VERB"}},  # IN list in the table
    {"patterns": [[{"LOWER": "the"}, {"TAG": "NN"}]], "attrs": {"LEMMA": "thing"}, "index": -1},
    {"patterns": [[{"TAG": "VBZ"}]], "attrs": {"TAG": "VBD"}},  # a table row that changes the tag
    {"patterns": [[{"TAG": "VBZ", "LOWER": "runs"}]], "attrs": {"MORPH": "Tense=Pres"}},  # sees VBZ
    {"patterns": [[{"POS": "PROPN"}]], "attrs": {"LEMMA": "name"}},  # the POS before any pattern
    {"patterns": [[{"TAG": "NNP"}], [{"TAG": "NNPS"}]], "attrs": {"POS": "PROPN"}},  # alternatives
    {"patterns": [[{"TAG": "NNP"}, {"TAG": "NNP", "OP": "+"}]], "attrs": {"MORPH": "NameType=Giv"}},
    {"patterns": [[{"TAG": "DT"}]], "attrs": {"MORPH": "PronType=Art"}, "index": -1},
    {"patterns": [[{"TAG": "RB"}]], "attrs": {"DEP": "advmod"}},  # not a table attribute: Matcher
    {"patterns": [[{"TAG": "DT", "LOWER": {"IN": ["a", "the"]}}]], "attrs": {"LEMMA": "det"}},  # tag and form
]
WORDS = ["The", "run", "runs", "the", "dog", "Ann", "Lee", "Smith", "quickly", "sees", "a", "runs"]
TAGS = ["DT", "NN", "VBZ", "DT", "NN", "NNP", "NNP", "NNPS", "RB", "VBZ", "DT", "NN"]
POS = ["DET", "NOUN", "VERB", "DET", "NOUN", "PROPN", "PROPN", "X", "ADV", "VERB", "DET", "NOUN"]


def _row(token: Token) -> tuple[Any, ...]:
    return (token.tag_, token.pos_, str(token.morph), token.lemma_, token.dep_, token.head.i)


def _ruler_nlp(patterns: list[dict[str, Any]]) -> Language:
    nlp = spacy.blank("en")
    nlp.add_pipe("attribute_ruler").add_patterns(patterns)
    return nlp


def _both(nlp: Language, doc: Doc) -> tuple[list[tuple[Any, ...]], list[tuple[Any, ...]]]:
    ruler = nlp.get_pipe("attribute_ruler")
    rules = derive_rules(ruler)  # type: ignore[arg-type]
    assert rules is not None
    fast = FastAttributeRuler(nlp, rules)
    stock_doc, fast_doc = ruler(doc.copy()), fast(doc.copy())
    return [_row(t) for t in stock_doc], [_row(t) for t in fast_doc]


def test_semantics_of_order_index_and_attributes() -> None:
    nlp = _ruler_nlp(SEMANTICS_PATTERNS)
    rules = derive_rules(nlp.get_pipe("attribute_ruler"))  # type: ignore[arg-type]
    assert rules is not None
    key = {word: nlp.vocab.strings.add(word) for word in [*TAGS, *(w.lower() for w in WORDS), "VB"]}
    assert set(rules.table.rows) == {
        *((key[tag], 0) for tag in ("NN", "VB", "VBZ", "NNP", "NNPS", "DT")),
        *((0, key[word]) for word in ("run",)),
        (key["VBZ"], key["runs"]),
        *((key["DT"], key[word]) for word in ("a", "the")),
    }
    for n in range(1, len(WORDS) + 1):  # every prefix: pattern ends and negative indices move
        doc = Doc(nlp.vocab, words=WORDS[:n], tags=TAGS[:n], pos=POS[:n])
        stock, fast = _both(nlp, doc)
        assert fast == stock
    stock, _ = _both(nlp, Doc(nlp.vocab, words=WORDS, tags=TAGS, pos=POS))
    assert stock[1][:4] == ("NN", "VERB", "Number=Plur", "thing")  # the last pattern wins, per attribute
    assert stock[2][0] == "VBD" and stock[2][2] == "Tense=Pres"  # the Matcher saw the tag before VBD
    assert stock[7][1:4] == ("PROPN", "", "smith")  # a table row after a Matcher pattern


def test_extension_attributes_keep_the_models_own_ruler() -> None:
    if not Token.has_extension("newsevents_test_flag"):
        Token.set_extension("newsevents_test_flag", default=None)
    nlp = _ruler_nlp(
        [
            {"patterns": [[{"TAG": "NN"}]], "attrs": {"POS": "NOUN"}},
            {"patterns": [[{"LOWER": "x"}]], "attrs": {"_": {"newsevents_test_flag": True}}},
        ]
    )
    assert derive_rules(nlp.get_pipe("attribute_ruler")) is None  # type: ignore[arg-type]
    assert replace_attribute_ruler(nlp) is False
    assert "attribute_ruler" in nlp.pipe_names and FAST_RULER not in nlp.pipe_names


def test_index_out_of_the_match_is_an_error_like_spacys() -> None:
    nlp = _ruler_nlp(
        [
            {"patterns": [[{"TAG": "NN"}]], "attrs": {"POS": "NOUN"}},
            {"patterns": [[{"LOWER": "a"}]], "attrs": {"POS": "DET"}, "index": 1},
        ]
    )
    doc = Doc(nlp.vocab, words=["a", "dog"], tags=["DT", "NN"])
    rules = derive_rules(nlp.get_pipe("attribute_ruler"))  # type: ignore[arg-type]
    assert rules is not None
    with pytest.raises(ValueError):
        nlp.get_pipe("attribute_ruler")(doc.copy())
    with pytest.raises(ValueError):
        FastAttributeRuler(nlp, rules)(doc.copy())


# Sentences of our own, crossed with openings and endings: contractions, "there is", demonstratives,
# possessives, odd spaces and line breaks, numbers and abbreviations, the things the model's rules name.
SUBJECTS = [
    "The minister",
    "Those officials",
    "She",
    "Ya'll",
    "The U.N. envoy",
    "Mr. O'Neil's aides",
    "There",
    "That one",
    "Nobody  in  the   room",
    "It",
]
PREDICATES = [
    "is gonna resign before 3 p.m. on Friday.",
    "were not told what gets decided, didn't they?",
    "said these talks got nowhere; this is ours.",
    "can't and won't sign the 1,200-page bill!",
    "has been arrested in N.Y.\n\nPolice declined to comment.",
    "'s been here since '98 , says the BBC .",
    "are ... well, they're theirs \t and not yours.",
    "wanna know whether there are 40% fewer jobs.",
    "met Kim Jong-un and Xi's deputy in Beijing yesterday.",
    "voted 12-3 against the motion (its first defeat).",
    "isn't sure that those gets are got.",
    "tweeted: \"We'll fight them, y'know\" — then left.",
    "ought to've known it was her's.",
    "does n't like the e-mail they sent @ 9am.",
    "lets 'em talk, doesn't it?",
    "is the one whose car they're towing.",
    "will meet their counterparts in the E.U. on 1 May 2005.",
    "and I'm running, said the P.M.\n",
    "cannot confirm reports of 300 dead.",
    "gave it to him, to her and to 'em all.",
    "\n\nwas there, wasn't it, at the U.S. embassy?",
    "shall overcome — thou art blessed.",
    "'d rather leave than stay.",
    "got got, gets got.",
    "was, as ever, neither here nor there.",
    'said: "There\'s nothing there."',
    "is a wee bit off, innit?",
    "mustn't've left yet.",
    "met w/ the A.G. re: the U.K.'s plans.",
    "costs $4.5bn (£3bn) a year.",
]
OWN_TEXTS = [f"{s} {p}" for s, p in itertools.product(SUBJECTS, PREDICATES)]


def _stock_and_ours() -> tuple[Language, Language]:
    ours = load_model(Options.load().model)
    if FAST_RULER not in ours.pipe_names:
        pytest.skip("the configured model's attribute_ruler is kept (cannot be reproduced)")
    stock = spacy.load(Options.load().model)
    if not stock.has_factory(LINE_BREAKS):
        stock.component(LINE_BREAKS, func=mark_line_breaks)
    stock.add_pipe(LINE_BREAKS, before="parser")
    return stock, ours


def _differences(texts: list[str]) -> tuple[int, list[tuple[int, int, Any, Any]]]:
    stock, ours = _stock_and_ours()
    tokens, differences = 0, []
    docs = zip(stock.pipe(texts, batch_size=64), ours.pipe(texts, batch_size=64), strict=True)
    for n, (a, b) in enumerate(docs):
        tokens += len(a)
        differences += [(n, t.i, _row(t), _row(u)) for t, u in zip(a, b, strict=True) if _row(t) != _row(u)]
        ents_a, ents_b = [(e.start, e.end, e.label_) for e in a.ents], [(e.start, e.end, e.label_) for e in b.ents]
        if ents_a != ents_b:
            differences.append((n, -1, ents_a, ents_b))
    return tokens, differences


def test_model_output_identical_on_our_sentences() -> None:
    assert len(OWN_TEXTS) == 300
    tokens, differences = _differences(OWN_TEXTS)
    assert tokens > 3000
    assert differences == []


def test_model_output_identical_on_real_articles(shared_dir: Path) -> None:
    bbc = sorted((shared_dir / "eval" / "corpora" / "bbc" / "politics").glob("*.txt"))[::60]
    polnear = sorted((shared_dir / "eval" / "quotes" / "polnear" / "train" / "text").glob("*.txt"))[::200]
    texts = [f.read_text(encoding="utf-8") for f in bbc + polnear]
    if not texts:
        pytest.skip("no BBC politics or PolNeAR texts in ../shared")
    tokens, differences = _differences(texts)
    assert tokens > 1000
    assert differences == []
