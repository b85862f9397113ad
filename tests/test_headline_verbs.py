"""Issue 9, headline verbs read as plural nouns ("Minister pledges cash for schools" parsed as one noun
phrase): when the headline has no verb root, the "-s" word after its opening noun phrase that our
dictionary knows as a verb is re-read as the verb; running text and true noun phrases are left alone.
Every sentence here is our own."""

from __future__ import annotations

import pytest

from newsevents.extract.events import load_verb_dictionaries
from newsevents.extract.events.headline_verbs import reread_headline_verb
from newsevents.nlp import load_model
from newsevents.options import Options
from tests.conftest import Extract

BODY = "\n\nOfficials from several countries met in Geneva on Monday to discuss the state of the talks and the budget."

# headline, the headline's events as (root, trigger word, source code, target code)
EVENT_TABLE = [
    ("Minister pledges cash for schools", [("03", "pledges", "GOV", "EDU")]),
    ("Senator questions trust of president", [("11", "questions", "LEG", "GOV")]),
    ("Mayor backs ending road tolls", [("05", "backs", "GOV", None)]),
    # a plural subject takes the base form, read by the model as an adverb or a modifier (known8)
    ("Unions back strike over pensions", [("05", "back", "LAB", None)]),
    ("Lib Dems attack Tory tax plans", [("11", "attack", "GBROPP", "GBROPP")]),
    # a plural noun phrase with no verb the dictionary knows, or an "-s" word after the plural: no verb
    ("MPs expenses row", []),
    ("Lords reform plan", []),
    # parsed as a clause already: unchanged
    ("France urges Iran to halt work", [("02", "urges", "FRA", "IRN")]),
    # true noun phrases: "cuts" with no object, a plural noun before a preposition
    ("Tax cuts for families", []),
    ("Union leaders in pay talks", []),
]


@pytest.mark.parametrize(("headline", "events"), EVENT_TABLE)
def test_headline_verb_read_as_a_noun_is_coded(extract: Extract, headline: str, events: list[tuple]) -> None:
    record = extract(headline + BODY, published="2005-01-01")
    found = [
        (e.root, e.trigger.text.split()[0], e.source.code if e.source else None, e.target.code if e.target else None)
        for e in record.events
        if e.trigger.start < len(headline)
    ]
    assert found == events


def _reread(text: str) -> tuple[bool, list[tuple[str, str, int]]]:
    options = Options.load()
    nlp = load_model(options.model)
    doc = nlp(text)
    changed = reread_headline_verb(doc, load_verb_dictionaries(options), nlp)
    return changed, [(t.tag_, t.dep_, t.head.i) for t in doc]


def test_reread_gives_the_headline_a_verb_root_and_keeps_the_sentences() -> None:
    text = "Minister pledges cash for schools" + BODY
    options = Options.load()
    nlp = load_model(options.model)
    doc = nlp(text)
    sentences = [(s.start, s.end) for s in doc.sents]
    assert reread_headline_verb(doc, load_verb_dictionaries(options), nlp)
    verb = doc[1]
    assert (verb.tag_, verb.pos_, verb.dep_, verb.lemma_) == ("VBZ", "VERB", "ROOT", "pledge")
    assert [c.dep_ for c in verb.lefts] == ["nsubj"]
    assert [(s.start, s.end) for s in doc.sents] == sentences


@pytest.mark.parametrize(
    "text",
    [
        # running text: the first sentence is no headline line
        "Council pledges to schools rose sharply last year, the minister said on Monday in a long speech.",
        # a headline with a verb of its own
        "France urges Iran to halt work" + BODY,
        # no object or complement after the "-s" word
        "Tax cuts for families" + BODY,
    ],
)
def test_reread_leaves_other_text_alone(text: str) -> None:
    options = Options.load()
    nlp = load_model(options.model)
    before = [(t.tag_, t.dep_, t.head.i) for t in nlp(text)]
    changed, after = _reread(text)
    assert not changed
    assert after == before
