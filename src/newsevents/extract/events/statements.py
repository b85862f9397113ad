"""Statements are events: each attributed quote's speech act, coded as CAMEO 01x.

GDELT and ICEWS code "X said ..." as 010 (make a public statement), or the finer 01x code its cue
gives (warned, feared → 012 pessimistic; welcomed, hoped → 013 optimistic; admitted → 015; ...).
The quotes stage already found who said what; this pass turns each quote's cue into one event:

- source: the quote's speaker (the mention next to the cue), else the cue verb's own subject;
- target: only an addressee the text names ("told the council", "wrote to the minister"); reporters
  and audiences are not targets (CODING.md: "Audiences, reporters and interviewers are not targets");
- one event per speech act: a cue that already triggers a more specific event ("urged", "accused",
  "pledged") is not coded again, and quotes sharing a cue give one event; a quote's continuation
  sentences have no cue and give none;
- the code comes from the `statement` lines of the verb dictionary (`data/verbs.tsv`); a cue listed
  with code `-` ("show", "find": polls and studies) makes no event; an unlisted cue is 010.
"""

from __future__ import annotations

from spacy.tokens import Token

from newsevents.extract.context import ExtractContext
from newsevents.extract.events.codebook import codebook
from newsevents.extract.events.dictionary import NO_EVENT, VerbDictionary
from newsevents.extract.events.modality import STRONG_MODALS, negated_directly, not_an_act
from newsevents.extract.events.roles import actors_of, is_passive, sources_of
from newsevents.extract.events.tree import near_children
from newsevents.types import Actor, CharRange, Event, Modality, Quote
from newsevents.types import Span as TextSpan

DEFAULT_STATEMENT = "010"
ADDRESSEE_DEPS = frozenset({"dative", "iobj"})
ADDRESSEE_PREPS = frozenset({"to"})
# Verbs whose direct object is the person spoken to, not what is said: "told the council", "warned Labour".
OBJECT_IS_ADDRESSEE = frozenset({"tell", "assure", "reassure", "inform", "brief", "remind", "warn", "advise"})
NOT_TARGET_SECTORS = frozenset({"MED"})
# A participle cue hanging on another verb ("attacked the plan, saying ...", "Pointing to X, he added")
# is part of that verb's act, which is coded (or is itself a cue): not a second statement.
ADJUNCT_DEPS = frozenset({"advcl", "xcomp", "acl", "conj"})
FUTURE_AUX = frozenset({"will", "'ll", "shall"})


def statement_events(ctx: ExtractContext, dictionary: VerbDictionary, coded: list[Event]) -> list[Event]:
    """One 01x event per quote cue not already coded otherwise; coded events get their quote linked."""
    events: list[Event] = []
    seen: set[int] = set()
    for index, quote in enumerate(ctx.quotes):
        if quote.cue is None or quote.cue.start in seen:
            continue
        seen.add(quote.cue.start)
        existing = [e for e in coded if e.trigger.start <= quote.cue.start < e.trigger.end]
        if existing:
            for event in existing:
                event.quote = index if event.quote is None else event.quote
            continue
        statement = _statement(ctx, dictionary, quote, index)
        if statement is not None:
            events.append(statement)
    return events


def _cue_token(ctx: ExtractContext, quote: Quote) -> Token | None:
    assert quote.cue is not None
    span = ctx.doc.char_span(quote.cue.start, quote.cue.end, alignment_mode="expand")
    if span is None or not len(span):
        return None
    return next((t for t in span if t.pos_ in ("VERB", "AUX")), span[0])


def statement_code(token: Token, dictionary: VerbDictionary) -> str:
    """The cue's 01x code from the dictionary's `statement` lines: "point out" before "point"."""
    lemma = token.lemma_.lower()
    particles = [c.lower_ for c in token.children if c.dep_ == "prt"]
    for key in [f"{lemma} {p}" for p in particles] + [lemma, token.lower_]:
        if key in dictionary.statements:
            return dictionary.statements[key]
    return DEFAULT_STATEMENT


def _speaker(ctx: ExtractContext, quote: Quote, cue: Token) -> Actor | None:
    if quote.speaker is not None:
        return quote.speaker
    subjects = sources_of(ctx, cue) if cue.pos_ in ("VERB", "AUX") else []
    return subjects[0] if subjects else None


def addressees(ctx: ExtractContext, cue: Token, speaker: Actor) -> list[Actor]:
    """Whom the statement is addressed to, when the text names them ("told MPs", "said to the EU")."""
    heads = [c for c in cue.children if c.dep_ in ADDRESSEE_DEPS]
    if cue.lemma_.lower() in OBJECT_IS_ADDRESSEE:
        heads += [c for c in cue.children if c.dep_ == "dobj"]
    heads += [
        pobj
        for prep in cue.children
        if prep.dep_ == "prep" and prep.lower_ in ADDRESSEE_PREPS
        for pobj in prep.children
        if pobj.dep_ == "pobj"
    ]
    found = actors_of(ctx, heads)
    return [a for a in found if a.sector not in NOT_TARGET_SECTORS and not a.same_entity(speaker) and a is not speaker]


def _statement(ctx: ExtractContext, dictionary: VerbDictionary, quote: Quote, index: int) -> Event | None:
    cue = _cue_token(ctx, quote)
    if cue is None or not _own_speech_act(cue):
        return None
    code = statement_code(cue, dictionary)
    if code == NO_EVENT:
        return None
    speaker = _speaker(ctx, quote, cue)
    if speaker is None:
        return None
    targets = addressees(ctx, cue, speaker)
    entry = codebook()[code]
    sentence = cue.sent
    assert quote.cue is not None
    return Event(
        CharRange(sentence.start_char, sentence.end_char),
        TextSpan(quote.cue.start, quote.cue.end, quote.cue.text),
        speaker,
        targets[0] if targets else None,
        entry.code,
        entry.root,
        entry.quad_class,
        entry.goldstein,
        entry.plover,
        statement_mood(cue),
        quote=index,
    )


def _own_speech_act(cue: Token) -> bool:
    """Whether the cue is a speech act of its own: not a passive ("the mayor told to resign": the mayor is the
    one addressed) and not a participle adjunct of another verb ("criticised the plan, saying ...")."""
    if cue.pos_ in ("VERB", "AUX") and is_passive(cue) and not any(c.dep_ == "agent" for c in cue.children):
        return False
    if cue.pos_ in ("VERB", "AUX") and not_an_act(cue) is not None:
        return False  # "every year he would praise them", "could have said more": no speech act took place
    return not (cue.tag_ == "VBG" and cue.dep_ in ADJUNCT_DEPS)


def statement_mood(cue: Token) -> Modality:
    """The statement's own modality, from its own marks only: the speech act itself is what is coded
    ("will say", "could argue" are hypothetical; "did not say" negated)."""
    if negated_directly(cue):
        return "negated"
    marks = {c.lower_ for c in near_children(cue) if c.dep_ in ("aux", "auxpass")}
    return "hypothetical" if marks & (STRONG_MODALS | FUTURE_AUX | {"would"}) else "asserted"
