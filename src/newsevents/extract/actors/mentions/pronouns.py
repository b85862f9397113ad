"""Pass 5: pronouns that may stand for an actor: he/she of people, it/they of bodies and groups.

Reads the `Scope` and the tokens earlier passes claimed; returns pronoun mentions (never a dummy
"it is unclear"). Their antecedents are found later, by coreference.
"""

from __future__ import annotations

from spacy.tokens import Token

from newsevents.extract.actors.mentions.record import Mention, Scope

_PRONOUNS = {"he": "m", "him": "m", "his": "m", "she": "f", "her": "f", "hers": "f"}
# Pronouns of bodies and groups, and whether they are plural: "it said", "they voted".
_BODY_PRONOUNS = {"it": False, "its": False, "they": True, "them": True, "their": True}
# "It is unclear", "it emerged that", "it was raining": a dummy subject, no one.
_DUMMY_IT_VERBS = frozenset(
    {"be", "seem", "appear", "emerge", "happen", "remain", "matter", "rain", "snow", "become", "follow", "mean"}
    | {"look", "turn", "take", "cost", "help", "hurt", "feel", "sound", "occur", "make"}
)


def pronoun_mentions(scope: Scope, taken: frozenset[int]) -> list[Mention]:
    """he/she of people; it/they of bodies and groups (never a dummy "it is unclear")."""
    found = []
    for token in scope.tokens:
        if token.pos_ != "PRON" or token.i in taken:
            continue
        if token.lower_ in _PRONOUNS:
            mention = Mention(token.i, token.i + 1, token.i, "pronoun", token.text, person=True)
            mention.gender = _PRONOUNS[token.lower_]
            found.append(mention)
        elif token.lower_ in _BODY_PRONOUNS and not _dummy_it(token):
            mention = Mention(token.i, token.i + 1, token.i, "pronoun", token.text, plural=_BODY_PRONOUNS[token.lower_])
            found.append(mention)
    return found


def _dummy_it(token: Token) -> bool:
    if token.lower_ != "it":
        return False
    if token.dep_ == "expl" or token.dep_ not in ("nsubj", "nsubjpass", "dobj", "pobj"):
        return True  # "make it clear": only a subject or object "it" stands for an actor
    verb = token.head
    if verb.lemma_.lower() in _DUMMY_IT_VERBS:
        return True
    clause = any(c.dep_ in ("ccomp", "xcomp", "csubj") for c in verb.children)
    return token.dep_ == "nsubjpass" and clause  # "it was reported that ..."
