"""Parse-tree rules shared by the stages that read who did or said something (quotes, events)."""

from __future__ import annotations

from spacy.tokens import Token

from newsevents.nlp.text import children_of, sentence_of

COMPARISON_PREPS = frozenset({"like", "unlike"})


def compared_subject(verb: Token, subject: Token) -> Token:
    """ "Like Smith, Jones suggested ...": the parser may hang the compared "Smith" as the subject of
    `verb`, with "Jones" as its comma conjunct and "Like" left with no object; the one who acts is
    the conjunct. Any other subject is returned as it is."""
    dangling = any(
        c.dep_ == "prep" and c.lower_ in COMPARISON_PREPS and c.i < subject.i and not any(c.children)
        for c in children_of(verb)
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
    if not any(c.dep_ in ("acomp", "attr") or _judging_phrase(c) for c in head.children):
        return None  # "was unfair", "was a mistake", "was in line with the law", "was at odds with the facts"
    if any(c.dep_ in ("nsubj", "csubj") or c.dep_.startswith("aux") or c.dep_ == "nsubjpass" for c in verb.children):
        return None
    reporter = head.head
    return reporter if verb.tag_ == reporter.tag_ and verb.tag_ in ("VBD", "VBZ") else None


def _judging_phrase(prep: Token) -> bool:
    """A chained prepositional predicate that judges ("in line with", "at odds with", "out of step with"),
    not a place ("was in London")."""
    if prep.dep_ != "prep" or prep.i < prep.head.i:
        return False
    inner = [t for t in prep.subtree if t.dep_ in ("prep", "pobj") and t.i > prep.i]
    places = any(t.ent_type_ in ("GPE", "LOC", "FAC") for t in prep.subtree)
    return any(t.dep_ == "prep" for t in inner) and not places


SENTENCE_END = frozenset({".", "!", "?", '"', "'", "\u201d", "\u2019"})
OBJECT_LESS = frozenset({"dobj", "dative", "iobj", "ccomp", "agent"})


def headline_passive(verb: Token) -> bool:
    """Headlinese drops the "is" of a passive ("Minister accused of lying", "Council urged to act", "Act now,
    UK urged") and tells active news in the present tense ("Minister accuses ..."): a bare past form heading
    the first line, with no auxiliary and no object, in a line with no final stop, is a passive whose subject
    was acted on. Only a participle tag, an infinitive complement ("urged to act") or fronted words of the
    demand ("Act now, UK urged") count, so an intransitive past ("Minister resigned") is left active."""
    sentence = sentence_of(verb)
    if sentence.start != 0 or verb.dep_ != "ROOT" or verb.tag_ not in ("VBD", "VBN"):
        return False
    words = [t for t in sentence if not t.is_space]
    if not words or words[-1].text in SENTENCE_END:
        return False
    if any(c.dep_.startswith("aux") or c.dep_ in OBJECT_LESS for c in verb.children):
        return False
    if not any(c.dep_ == "nsubj" for c in verb.children):
        return False
    if verb.tag_ == "VBN" or any(c.dep_ == "xcomp" and c.i > verb.i for c in verb.children):
        return True
    fronted = [c for c in verb.children if c.i < verb.i and c.dep_ in ("advcl", "ccomp") and c.tag_ == "VB"]
    return bool(fronted) and verb.i == words[-1].i


def gerund_conjunct(verb: Token) -> Token | None:
    """ "accused X of hiding the figures and then attacking the auditors": the parser may coordinate the
    second gerund with the finite "accused"; a bare gerund is not a finite verb's conjunct but the
    earlier gerund's. That gerund, or None."""
    head = verb.head
    if verb.dep_ != "conj" or verb.tag_ != "VBG" or head.tag_ not in ("VBD", "VBZ", "VBP"):
        return None
    if any(c.dep_.startswith("aux") or c.dep_ in ("nsubj", "nsubjpass") for c in verb.children):
        return None
    gerunds = [t for t in head.subtree if t.dep_ == "pcomp" and t.tag_ == "VBG" and head.i < t.i < verb.i]
    return gerunds[-1] if gerunds else None
