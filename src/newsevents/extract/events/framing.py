"""Statements about the future, about duties and judgements are CAMEO events of their own.

The CAMEO codebook codes a reported promise to cooperate as an intent (03x: "X said it will release
the prisoners" is 0353, not 0841), a reported plan to act against someone as a threat (13x: "they
would boycott the elections" is 133), and a statement that someone *must* act as a demand on them
(10x: "X said Y must return the helicopter" is 1053, source X, target Y). A reported judgement
("X said Y made a mistake") is the speaker's disapproval of Y. Readiness ("is ready to send troops",
"plans to impose restrictions") counts like a reported future. A government reporting another's
violence accuses it ("Ukraine said Russia shelled Kharkiv" is also 1123, Ukraine -> Russia).
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from spacy.tokens import Span, Token

from newsevents.extract.actors.codes import ORG_PREFIXES
from newsevents.extract.context import ExtractContext
from newsevents.extract.events.codebook import CameoCode, codebook, compose
from newsevents.extract.events.matcher import Trigger
from newsevents.extract.events.modality import SPEECH, head_lemma, speech_head
from newsevents.extract.events.roles import sources_of
from newsevents.nlp.text import span_tokens
from newsevents.types import Actor, Modality

FUTURE_AUX = frozenset({"will", "would", "'ll", "shall", "wo"})
PREDICTION_AUX = frozenset({"will", "'ll", "shall"})
OBLIGATION_AUX = frozenset({"must", "should"})
# Saying someone should act is a demand (10); suggesting or believing they should, an appeal (02).
ADVICE = frozenset({"suggest", "believe", "think", "argue", "hope", "recommend", "advise", "feel", "propose"})
READINESS = frozenset(
    {"ready", "willing", "prepared", "committed", "determined", "eager", "keen", "poised", "plan", "intend", "vow"}
)
COOPERATIVE_ROOTS = frozenset({"04", "05", "06", "07", "08"})
ALLEGING = frozenset({"claim", "allege", "charge", "accuse", "insist", "assert"})
HOSTILE_ROOTS = frozenset({"14", "15", "16", "17", "18", "19", "20"})
VIOLENT_ROOTS = frozenset({"18", "19", "20"})


@dataclass(frozen=True)
class Framed:
    entry: CameoCode
    sources: list[Actor]
    targets: list[Actor]
    mood: Modality


def _auxiliaries(verb: Token) -> set[str]:
    return {child.lower_ for child in verb.children if child.dep_ == "aux"}


def _conditional(verb: Token) -> bool:
    return any(
        c.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ in ("unless", "if") for m in c.children)
        for c in verb.children
    )


def _ready(verb: Token) -> bool:
    """ "is ready to send", "plans to impose": readiness words governing the trigger."""
    head = verb.head
    return verb.dep_ == "xcomp" and head.i != verb.i and head.lemma_.lower() in READINESS


def _own_words(ctx: ExtractContext, speech: Token | None, actors: list[Actor]) -> bool:
    """The speaker talks about what they themselves will do ("Iran said it will release")."""
    if speech is None:
        return False
    speakers = sources_of(ctx, speech)
    return any(
        s is a or s.same_entity(a) or (s.name == a.name and s.country == a.country) for s in speakers for a in actors
    )


def reframe(ctx: ExtractContext, trigger: Trigger, framed: Framed) -> Framed:
    """Recode a duty, a reported commitment or a reported plan; anything else passes unchanged."""
    verb, entry = trigger.verb, framed.entry
    auxiliaries = _auxiliaries(verb)
    speech = speech_head(verb)
    if trigger.pattern.inverse and not framed.sources and speech is not None:
        # a judgement in reported words: "Zelenskyy stated that the U.S. made a mistake" is his criticism
        return Framed(entry, sources_of(ctx, speech), framed.targets, "asserted")
    if auxiliaries & OBLIGATION_AUX and speech is not None and entry.root != "10":
        speakers = sources_of(ctx, speech)
        if speakers and framed.sources:
            outer = "020" if head_lemma(speech) in ADVICE else "100"
            return Framed(codebook()[compose(outer, entry.code)], speakers, framed.sources, "asserted")
    own_words = _own_words(ctx, speech, framed.sources)
    committed = bool(auxiliaries & FUTURE_AUX and own_words) or _ready(verb)
    if not committed and framed.mood == "reported" and auxiliaries & PREDICTION_AUX and speech is not None:
        # "X says Y will attack Z": a prediction about another actor is not yet an act (CODING.md's
        # hypothetical); a speaker's own "will" is an intent (above); a plain "will" in the writer's voice
        # stays asserted, as PETR2's coding counts scheduled acts ("will meet in Zurich"); and "said Y would"
        # stays reported (the reported future of the past, as our PETR2-derived tables code it)
        return Framed(entry, framed.sources, framed.targets, "hypothetical")
    if not committed or framed.mood == "negated":
        return framed
    mood = _commitment_mood(speech)
    if entry.root in COOPERATIVE_ROOTS and not _conditional(verb):
        return Framed(codebook()[compose("030", entry.code)], framed.sources, framed.targets, mood)
    if entry.root in COOPERATIVE_ROOTS:  # "will withdraw its force unless ...": a threat
        return Framed(codebook()["130"], framed.sources, framed.targets, mood)
    if entry.root in HOSTILE_ROOTS:
        return Framed(codebook()[compose("130", entry.code)], framed.sources, framed.targets, mood)
    return framed


def _commitment_mood(speech: Token | None) -> Modality:
    """A commitment is the speaker's own statement (asserted), unless someone else tells of it: "the book alleges
    that the premier told his deputy he would resign" is a reported promise."""
    return "reported" if speech is not None and speech_head(speech) is not None else "asserted"


def duties(sentence: Span, consumed: set[int]) -> Iterator[tuple[Token, Token]]:
    """(speech verb, obliged verb) for "X said Y must/should do Z" when Z itself was not coded:
    the statement is a demand on Y (CAMEO 100) whatever Z is."""
    for verb in span_tokens(sentence):
        if verb.pos_ != "VERB" or head_lemma(verb) not in SPEECH:
            continue
        for clause in verb.children:
            if clause.dep_ == "ccomp" and clause.i not in consumed and _auxiliaries(clause) & OBLIGATION_AUX:
                yield verb, clause


def duty_frame(ctx: ExtractContext, speech: Token, clause: Token) -> Framed | None:
    speakers = sources_of(ctx, speech)
    obliged = [a for a in sources_of(ctx, clause) if all(a is not s and not a.same_entity(s) for s in speakers)]
    if not speakers or not obliged:
        return None  # "the government says we must ...": a statement about oneself is no demand
    return Framed(codebook()["020" if head_lemma(speech) in ADVICE else "100"], speakers, obliged, "asserted")


def accusation(ctx: ExtractContext, trigger: Trigger, framed: Framed) -> tuple[Token, Framed] | None:
    """A state saying that another did violence accuses it of aggression (CAMEO 1123): "Ukraine said Russia
    shelled Kharkiv" is also Ukraine accusing Russia. A speaker reporting its own violence claims
    responsibility for it (015): "the rebels said they attacked the convoy". Returns the speech verb and
    the accusation or claim."""
    if framed.mood != "reported" or framed.entry.root not in VIOLENT_ROOTS or not framed.sources:
        return None
    speech = speech_head(trigger.verb)
    if speech is None:
        return None
    speakers = [s for s in sources_of(ctx, speech) if _identified(s)]
    if speakers and all(any(_same_actor(a, s) for s in speakers) for a in framed.sources):
        return speech, Framed(codebook()["015"], speakers, framed.targets, "asserted")
    speakers = [s for s in speakers if _official(s) or alleged(speech)]
    accused = [a for a in framed.sources if _identified(a) and all(a.country != s.country for s in speakers)]
    if not speakers or not accused:
        return None
    return speech, Framed(codebook()["1123"], speakers, accused, "asserted")


def alleged(speech: Token) -> bool:
    """ "claimed", "alleged", "charged": the journalist reports the charge, not the act."""
    return head_lemma(speech) in ALLEGING


def _same_actor(a: Actor, b: Actor) -> bool:
    return a is b or a.same_entity(b) or (a.name == b.name and a.country == b.country)


def _identified(actor: Actor) -> bool:
    """An actor whose side is known: unnamed "officials" who are only the source of a report accuse no one."""
    return bool(actor.country or actor.org or (actor.code and actor.code[:3] in ORG_PREFIXES))


def _official(actor: Actor) -> bool:
    return actor.kind in ("country", "government") or actor.sector in ("GOV", "MIL")
