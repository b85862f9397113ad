"""Parse-tree rules shared by the stages that read who did or said something (quotes, events)."""

from __future__ import annotations

from spacy.tokens import Token

COMPARISON_PREPS = frozenset({"like", "unlike"})


def compared_subject(verb: Token, subject: Token) -> Token:
    """ "Like Smith, Jones suggested ...": the parser may hang the compared "Smith" as the subject of
    `verb`, with "Jones" as its comma conjunct and "Like" left with no object; the one who acts is
    the conjunct. Any other subject is returned as it is."""
    dangling = any(
        c.dep_ == "prep" and c.lower_ in COMPARISON_PREPS and c.i < subject.i and not any(c.children)
        for c in verb.children
    )
    if not dangling or any(c.dep_ == "cc" for c in subject.children):
        return subject
    conjuncts = [c for c in subject.children if c.dep_ == "conj"]
    return conjuncts[0] if len(conjuncts) == 1 else subject


def reporting_conjunct(verb: Token) -> Token | None:
    """ "He said the plan was wrong and urged voters to reject it": the parser coordinates "urged" with the
    reported "was wrong", but a bare past verb after a reported description is the reporter's next act. The
    reporting verb, or None. A conjunct with its own auxiliary ("and would be punished") stays reported."""
    head = verb.head
    if verb.dep_ != "conj" or head.dep_ != "ccomp" or head.lemma_ != "be" or verb.i < head.i:
        return None
    if not any(c.dep_ in ("acomp", "attr") for c in head.children):
        return None
    if any(c.dep_ in ("nsubj", "csubj") or c.dep_.startswith("aux") or c.dep_ == "nsubjpass" for c in verb.children):
        return None
    reporter = head.head
    return reporter if verb.tag_ == reporter.tag_ and verb.tag_ in ("VBD", "VBZ") else None
