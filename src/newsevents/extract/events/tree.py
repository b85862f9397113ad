"""Bounded access to a token's dependents.

A verb heading a long coordination ("attacked A and B and ... and Z") can have thousands of
children; rules that look at a head's auxiliaries, negation or subject only need the dependents
near it. Reading all of them for every trigger would make a pathological sentence quadratic.
"""

from __future__ import annotations

from collections.abc import Iterator

from spacy.tokens import Token

from newsevents.nlp.text import children_of

MAX_RIGHT_CHILDREN = 24


def near_children(token: Token) -> Iterator[Token]:
    """All dependents, or only the left ones (auxiliaries, negation, subject) when the token has
    so many right dependents that reading them is costly (spaCy walks the whole right subtree)."""
    if token.n_rights > MAX_RIGHT_CHILDREN:
        yield from token.lefts
    else:
        yield from children_of(token)  # built once per doc: spaCy builds new Tokens on every walk
