"""Who speaks: the cue's subject, resolved to an actor.

The actors stage chains pronouns and name variants to their entity, so normally the mention
under the subject already carries the canonical name and code. When no mention covers it we
fall back, in order: a pronoun takes the most recent earlier speaker or named person; a
definite role phrase ("the official") takes the earlier speaker whose phrase ends in the same
noun ("a senior Biden administration official"); any other noun phrase is returned as itself
(kind "other") so the speaker is still located in the text.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from spacy.tokens import Token

from newsevents.extract.context import ExtractContext
from newsevents.types import Actor

PERSONAL_PRONOUNS = frozenset({"he", "she", "they", "i", "we", "him", "her", "them"})
RELATIVE_PRONOUNS = frozenset({"who", "which", "that"})
LOOKBACK_CHARS = 3000
PHRASE_STOPS = frozenset({"—", "–", "--", ":", "(", ")", ";"})


def _phrase(head: Token) -> tuple[int, int]:
    """The subject phrase up to its head noun ("a senior Biden administration official"),
    never reaching back over a dash, colon or bracket (a dateline: "KYIV, Ukraine (AP) — …")."""
    first = head
    for token in reversed(head.doc[head.left_edge.i : head.i]):
        if token.text in PHRASE_STOPS or "\n" in token.text:
            break
        first = token
    start = first.idx
    end = head.idx + len(head.text)
    for child in head.rights:  # keep a name in apposition or a compound ("Flynn, a top surrogate")
        if child.dep_ in ("appos", "compound", "flat"):
            end = max(end, child.right_edge.idx + len(child.right_edge.text))
    return start, end


def resolve_speaker(ctx: ExtractContext, head: Token, earlier: Sequence[Actor]) -> Actor:
    """The speaker for the subject `head`; `earlier` are the speakers found before it, in order."""
    actor = ctx.actor_for_token(head)
    if actor is not None and actor.kind != "pronoun":
        return replace(actor)
    if actor is not None and actor.name and actor.name.lower() not in PERSONAL_PRONOUNS:
        return replace(actor)
    start, end = _phrase(head)
    text = ctx.text[start:end]
    mention = Actor(start=start, end=end, text=text, name=text, kind="other")
    if head.lower_ in RELATIVE_PRONOUNS and head.head.dep_ == "relcl" and head.head.head is not head:
        # "Sanders, who said …": the mention stays "who", the identity is the noun it modifies
        antecedent = ctx.actor_for_token(head.head.head)
        return _adopt(mention, antecedent) if antecedent is not None else mention
    if head.lower_ in PERSONAL_PRONOUNS:
        mention.kind = "pronoun"
        return _antecedent(ctx, head, mention, earlier)
    if head.pos_ == "NOUN" and head.left_edge.lower_ == "the":
        return _same_role(mention, head, earlier)
    return mention


def _adopt(mention: Actor, source: Actor) -> Actor:
    """The mention's place in the text with the source entity's identity."""
    return replace(source, start=mention.start, end=mention.end, text=mention.text)


def _antecedent(ctx: ExtractContext, head: Token, mention: Actor, earlier: Sequence[Actor]) -> Actor:
    if head.lower_ in ("i", "we"):
        return mention
    plural = head.lower_ in ("they", "them")
    person = _last_person(ctx, head.idx)
    recent = (s for s in reversed(earlier) if s.kind != "pronoun" and s.start >= head.idx - LOOKBACK_CHARS)
    last = next(recent, None)
    wanted = ("organisation", "government", "group", "country", "other") if plural else ("person", "other")
    candidates = [c for c in (person, last) if c is not None and c.kind in wanted]
    if not candidates:
        return mention
    return _adopt(mention, max(candidates, key=lambda c: c.start))


def _last_person(ctx: ExtractContext, before: int) -> Actor | None:
    """The latest person mention before `before`, from the actors stage or spaCy's entities."""
    people = [a for a in ctx.actors_in(max(0, before - LOOKBACK_CHARS), before) if a.kind == "person"]
    if people:
        return people[-1]
    for ent in reversed(ctx.doc.ents):
        if ent.start_char < before - LOOKBACK_CHARS:
            break
        if ent.label_ == "PERSON" and ent.end_char <= before:
            return Actor(ent.start_char, ent.end_char, ent.text, name=ent.text, kind="person")
    return None


def _same_role(mention: Actor, head: Token, earlier: Sequence[Actor]) -> Actor:
    noun = head.lower_
    for speaker in reversed(earlier):
        words = speaker.text.lower().split()
        if words and words[-1] == noun and len(words) > 2:
            return _adopt(mention, speaker)
    return mention
