"""Statements are events: each attributed quote's speech act, coded as CAMEO 01x.

GDELT and ICEWS code "X said ..." as 010 (make a public statement), or the finer 01x code its cue
gives (warned, feared → 012 pessimistic; welcomed, hoped → 013 optimistic; admitted → 015; ...).
The quotes stage already found who said what; this pass turns each quote's cue into one event:

- source: the quote's speaker (the mention next to the cue; a person's name in apposition to it), else the
  cue verb's own subject, also when the speaker found is a relative pronoun or lies inside a quote;
- target (CODING.md: "the actor it addresses or is about when the text names one"): an addressee the text
  names ("told the council", "wrote to the minister"; reporters and audiences are not targets), else the
  actors the content blames or credits (`stance`: "said the Democrats had failed" is criticism, 111, of the
  Democrats; "said the council had worked hard" praise, 051), one event per actor; a finer cue (a warning,
  a hope) is about the subject of its clause; a plain neutral "said" has no target;
- one event per speech act: a cue that already triggers a more specific event ("urged", "accused",
  "pledged") is not coded again, and quotes sharing a cue give one event; a quote's continuation
  sentences have no cue and give none;
- the code comes from the `statement` lines of the verb dictionary (`data/verbs.tsv`); a cue listed
  with code `-` ("show", "find": polls and studies) makes no event; an unlisted cue is 010;
- speech acts that did not happen ("has yet to say", "failed to explain") and headline passives of an
  order ("Mayor told to resign": the mayor is the one told) are no statements.
"""

from __future__ import annotations

from dataclasses import replace

from spacy.tokens import Span, Token

from newsevents.extract.context import ExtractContext
from newsevents.extract.events.codebook import codebook
from newsevents.extract.events.dictionary import NO_EVENT, VerbDictionary
from newsevents.extract.events.modality import (
    QUESTION_HEADS,
    STRONG_MODALS,
    counted_public,
    negated_directly,
    not_an_act,
    poll_itself,
    share_word,
)
from newsevents.extract.events.rivals import Rivalry, article_rivalry
from newsevents.extract.events.roles import RELATIVE_PRONOUNS, actors_of, is_passive, sources_of
from newsevents.extract.events.stance import (
    clause_subjects,
    content_targets,
    content_tokens,
    judged_targets,
    rival_subjects,
)
from newsevents.extract.events.tree import near_children
from newsevents.extract.quotes.speaker import resolve_speaker
from newsevents.nlp.text import children_of, doc_text, sentence_of, subtree_of
from newsevents.types import Actor, CharRange, Event, Modality, Quote
from newsevents.types import Span as TextSpan

DEFAULT_STATEMENT = "010"
ADDRESSEE_DEPS = frozenset({"dative", "iobj"})
ADDRESSEE_PREPS = frozenset({"to"})
# Cues whose "to" names what is pointed at, not whom it is said to: "pointed to the figures".
TO_IS_NOT_ADDRESSEE = frozenset({"point", "refer", "add", "object", "admit", "confess", "agree", "allude", "turn"})
# Verbs whose bare infinitive complement makes the cue's subject the one addressed: "Mayor told to resign"
# (a headline passive), never a speech act of the mayor.
ORDER_CUES = frozenset({"tell", "ask", "urge", "order", "advise", "warn"})
# Heads under which a speech act did not happen: "has yet to say", "failed to explain".
UNREALISED_HEADS = frozenset({"yet", "fail", "refuse", "decline", "neglect"})
# Declining to comment is itself an act (CAMEO 011): "declined to comment", "refused to say whether", "said it
# could not comment". Verbs of telling what one knows; "refused to discuss the deal" is rejecting talks (12x).
REFUSALS = frozenset({"refuse", "decline"})
COMMENT_VERBS = frozenset(
    "say comment speculate elaborate confirm answer reveal disclose divulge explain specify respond".split()
)
DECLINE_COMMENT = "011"
# Passive heads of belief: "X is thought to fear", "is understood to want": the writer surmises, X does not speak.
SURMISE_HEADS = frozenset({"think", "believe", "understand", "know", "suppose", "presume", "assume", "reckon"})
# "denied suggestions that ...", "rejected claims that ...": the quote stage cues the noun (whose speaker is
# unnamed), but the speech act to code is the denial, by the subject of the verb (CAMEO 016).
DENIALS = frozenset({"deny", "reject", "dismiss", "refute", "rebut", "dispute"})
DENY = "016"
# A speech act the writer only reports someone else's claim of: "allegedly said", "is reported to have said".
HEARSAY_ADVERBS = frozenset({"allegedly", "reportedly", "supposedly", "apparently", "purportedly"})
HEARSAY_HEADS = frozenset({"allege", "report", "say", "rumour", "rumor", "claim"})
# A statement about several actors is one event per actor (CODING.md: one event per conjunct), at most this many.
MAX_CONTENT_TARGETS = 3
# A plain statement is an attack on at most this many rivals its clauses are about (the first named).
RIVAL_TARGETS = 1
# Cue codes the content's judgement refines: a plain statement about a rival that blames it is a criticism.
STANCE_CODES = {"negative": "111", "positive": "051"}
# Verbs whose direct object is the person spoken to, not what is said: "told the council", "warned Labour".
OBJECT_IS_ADDRESSEE = frozenset({"tell", "assure", "reassure", "inform", "brief", "remind", "warn", "advise"})
NOT_TARGET_SECTORS = frozenset({"MED"})
BODY_KINDS = ("organisation", "government", "group")
BODY_POSSESSIVES = frozenset({"its", "their"})
OWN_POSSESSIVES = frozenset({"his", "her", "their", "our", "my"})
# Those a statement is made before, not to: the public, a hall, a readership.
AUDIENCE_NOUNS = frozenset(
    "voter audience crowd supporter delegate listener viewer reader reporter journalist conference rally "
    "congregation public electorate fan activist".split()
)
# A participle cue hanging on another verb ("attacked the plan, saying ...", "Pointing to X, he added")
# is part of that verb's act, which is coded (or is itself a cue): not a second statement.
ADJUNCT_DEPS = frozenset({"advcl", "xcomp", "acl", "conj"})
FUTURE_AUX = frozenset({"will", "'ll", "shall"})
# Roots of acts done in words: a statement said for the actor while doing one is that act, not a second one.
VERBAL_ROOTS = frozenset({"01", "02", "03", "05", "10", "11", "12", "13"})
WITH_CLAUSE_HOPS = 2
# Those who speak for a body: their words in a "with X saying" clause are the body's act, told once.
SPOKES_NOUNS = frozenset({"spokesman", "spokeswoman", "spokesperson", "representative", "aide", "source", "official"})
# "by claiming", "in saying": a cue that tells how another act was done.
MANNER_PREPS = frozenset({"by", "in"})
# Documents that "say", "add" or "find" on behalf of their author: the author is the statement's source.
DOCUMENT_SPEAKERS = frozenset(
    "report study inquiry review audit survey analysis investigation paper research assessment evaluation "
    "dossier memo letter manifesto motion ruling judgment judgement petition submission guidance leaflet "
    "pamphlet message".split()
)
# A document that says someone should act recommends it (CODING.md codes the appeal, 020, source the document,
# target the one who should act): "the council should publish the figures, the report says". A person saying
# so makes a demand (framing.duty_frame); a document is nobody's voice raised, it recommends.
DOCUMENT_APPEAL = APPEAL = "020"
DUTY_AUX = frozenset({"should", "must", "ought"})
# Cues with which a document itself asks for an act: "the letter urges ministers to ...", "the report recommends".
APPEAL_CUES = frozenset({"urge", "recommend", "call", "advise", "demand", "press", "implore"})
APPEAL_PREPS = frozenset({"on", "upon"})
# Verbs of asking: a question put is a statement (010), not an appeal, unless it asks someone to act
# ("asked the council to reconsider" is the verb pattern's 020); "he asked" after a quoted question, "asked
# whether ...". CODING.md: one event per speech act; the one asked, when named, is whom it addresses.
# The verbs are modality's QUESTION_HEADS.
# A statement made in a letter or message goes to whom it was sent (CODING.md: a body addressed is the target):
# "in a letter to the council, she said", "his message to the chancellor was: ...", and "the letter" whose
# sending the sentence before told ("X wrote to the council. In the letter, she urged ...").
LETTER_NOUNS = frozenset("letter message note memo email e-mail submission petition appeal plea".split())
LETTER_PREPS = frozenset({"in", "through", "via"})
SENDING_VERBS = frozenset({"write", "send", "address", "submit", "deliver", "hand", "email", "e-mail", "post"})
DEFINITE_DETERMINERS = frozenset({"the", "this", "that", "his", "her", "its", "their", "our"})
# Events of the speech act itself that take the letter's recipient when they name none: appeals, demands.
RECIPIENT_ROOTS = frozenset({"01", "02", "10"})
IMPERATIVE_OPENERS = frozenset({"please"})
QUESTION_WORDS = frozenset({"whether", "if", "why", "how", "what", "when", "who", "where", "which"})


def statement_events(ctx: ExtractContext, dictionary: VerbDictionary, coded: list[Event]) -> list[Event]:
    """One 01x event per quote cue not already coded otherwise; coded events get their quote linked."""
    events: list[Event] = []
    seen: set[int] = set()
    rivalry = article_rivalry(ctx) if ctx.quotes else Rivalry()
    for index, quote in enumerate(ctx.quotes):
        if quote.cue is None or quote.cue.start in seen:
            continue
        seen.add(quote.cue.start)
        existing = [e for e in coded if e.trigger.start <= quote.cue.start < e.trigger.end]
        refusal = declined_comment(cue) if not existing and (cue := _cue_token(ctx, quote)) is not None else None
        if refusal is not None:  # "declined to say whether ...": the refusal's own event is the one speech act
            existing = [e for e in coded if e.trigger.start <= refusal.idx < e.trigger.end]
        if existing:
            _link_coded(ctx, existing, (quote, index))
            continue
        acts = _acts(ctx, coded), _acts(ctx, [e for e in coded if e.root in VERBAL_ROOTS], cues=False)
        events += _per_conjunct(ctx, _statements(ctx, dictionary, (quote, index), acts, rivalry))
    return events


def _link_coded(ctx: ExtractContext, existing: list[Event], numbered: tuple[Quote, int]) -> None:
    """Events already coded at the quote's cue are its speech act: linked to the quote, and read as the
    speech act they are (a refusal to comment, a question put, an appeal made in a letter to someone)."""
    quote, index = numbered
    cue = _cue_token(ctx, quote)
    for event in existing:
        event.quote = index if event.quote is None else event.quote
        if cue is None:
            continue
        if declined_comment(cue) is not None:
            _recode(event, DECLINE_COMMENT)  # "refused to say whether ...": no rejection of anyone
        elif _question_read_as_appeal(event, cue, quote):
            _recode(event, DEFAULT_STATEMENT)  # "'Can we trust them?' he asked": a question, not a request
            event.modality = statement_mood(cue)
        elif event.target is None and event.root in RECIPIENT_ROOTS and event.source is not None:
            event.target = next(iter(letter_recipients(ctx, cue, quote, event.source)), None)
        elif event.cameo == DEFAULT_STATEMENT and event.target is not None and bids(ctx, quote):
            addressed = event.target  # "told ministers: 'Stop wasting money'": an appeal to those told
            _recode(event, DOCUMENT_APPEAL)
            event.target = addressed


def _per_conjunct(ctx: ExtractContext, events: list[Event]) -> list[Event]:
    """ "Labour and the Liberal Democrats say ...": one event per speaker (CODING.md: "X and Y" = one event per
    conjunct), each with the same code and target."""
    extra: list[Event] = []
    for event in events:
        source = event.source
        plural = source is not None and source.text.lower() in ("they", "we")
        if source is not None and plural:
            source = _antecedent_mention(ctx, source)  # "Labour and the Tories ... They said": both speak
        span = ctx.doc.char_span(source.start, source.end, alignment_mode="expand") if source else None
        if source is None or span is None or not len(span):
            continue
        if plural and event.source is not None:  # every other conjunct of the antecedent, at the pronoun's place
            here = event.source
            found = [a for t in span.root.conjuncts if (a := ctx.actor_for_token(t)) is not None]
            others = [replace(a, start=here.start, end=here.end, text=here.text) for a in found]
        else:
            others = actors_of(ctx, [t for t in span.root.conjuncts if t.i > span.root.i])
        for other in others:
            if (
                other.code is not None
                and not other.same_entity(source)
                and not (event.target and other.same_entity(event.target))
            ):
                extra.append(replace(event, source=other))
    return events + extra


def _antecedent_mention(ctx: ExtractContext, pronoun: Actor) -> Actor:
    """The latest named mention before a plural pronoun of the entity it was resolved to, else the pronoun."""
    if pronoun.entity < 0:
        return pronoun
    named = [a for a in ctx.actors_in(0, pronoun.start) if a.entity == pronoun.entity and a.kind != "pronoun"]
    return named[-1] if named else pronoun


def _acts(ctx: ExtractContext, coded: list[Event], cues: bool = True) -> list[tuple[int, int]]:
    """Character ranges of the acts already coded or cued: coded triggers and (`cues`) quote cues."""
    cued = [(q.cue.start, q.cue.end) for q in ctx.quotes if q.cue] if cues else []
    return [(e.trigger.start, e.trigger.end) for e in coded] + cued


def _cue_token(ctx: ExtractContext, quote: Quote) -> Token | None:
    assert quote.cue is not None
    span = ctx.doc.char_span(quote.cue.start, quote.cue.end, alignment_mode="expand")
    if span is None or not len(span):
        return None
    return next((t for t in span if t.pos_ in ("VERB", "AUX")), span[0])


def statement_code(token: Token, dictionary: VerbDictionary) -> str:
    """The cue's 01x code from the dictionary's `statement` lines: "point out" before "point"."""
    lemma = token.lemma_.lower()
    particles = [c.lower_ for c in children_of(token) if c.dep_ == "prt"]
    for key in [f"{lemma} {p}" for p in particles] + [lemma, token.lower_]:
        if key in dictionary.statements:
            return dictionary.statements[key]
    return DEFAULT_STATEMENT


def _speaker(ctx: ExtractContext, quote: Quote, cue: Token) -> Actor | None:
    """The quote's speaker, unless it is a relative pronoun ("a spokesman, who said") or a mention inside
    some quote's content (a speaker is never part of what is said): then the cue's own subject."""
    speaker = quote.speaker
    if speaker is not None and not _misplaced_speaker(ctx, speaker):
        return _affiliated(ctx, _authored(ctx, _named(ctx, speaker)))
    subjects = sources_of(ctx, cue) if cue.pos_ in ("VERB", "AUX") else []
    subjects = [a for a in subjects if not _misplaced_speaker(ctx, a)]
    return subjects[0] if subjects else None


def _named(ctx: ExtractContext, speaker: Actor) -> Actor:
    """ "His party leader, Jane Doe, said": the person's name in apposition stands for the speaker (the
    mention a reader and a coder take as the source)."""
    span = ctx.doc.char_span(speaker.start, speaker.end, alignment_mode="expand")
    if span is None:
        return speaker
    # a title first ("Head of X, Professor Y, said") is named by its apposition as much as a person noun is
    for appos in _appositions(span.root):
        named = ctx.actor_for_token(appos)
        if named is not None and named.kind == "person" and appos.ent_type_ == "PERSON":
            return _title_and_name(ctx, speaker, named if named.code is not None else _titled(ctx, span.root, named))
    if speaker.kind != "person":
        return _affiliated_person(ctx, span) or speaker
    return _name_after_office(ctx, span, speaker)


def _affiliated(ctx: ExtractContext, speaker: Actor) -> Actor:
    """A role that speaks for a body takes the body's code: "a spokeswoman for X", "the chairman of X" (the
    mention stays the role); a country after an organisation's name is the organisation's branch there
    ("Oxfam America", "Save the Children UK")."""
    if speaker.kind == "country":
        before = ctx.actors_in(max(0, speaker.start - 80), speaker.start)
        body = before[-1] if before else None
        if body is not None and body.kind == "organisation" and not ctx.text[body.end : speaker.start].strip():
            return replace(body, end=speaker.end, text=ctx.text[body.start : speaker.end])
        return speaker
    span = ctx.doc.char_span(speaker.start, speaker.end, alignment_mode="expand")
    if speaker.kind != "person" or span is None or any(t.ent_type_ == "PERSON" for t in span):
        return speaker
    objects = [o for c in span.root.children if c.dep_ == "prep" and c.lower_ in ("for", "of") for o in c.children]
    bodies = [a for o in objects if (a := ctx.actor_for_token(o)) is not None and a.code is not None]
    bodies = [a for a in bodies if a.kind in BODY_KINDS] or _possessing_body(ctx, span)
    if not bodies:
        return speaker
    body = bodies[0]
    return replace(speaker, country=body.country, org=body.org, sector=body.sector, code=body.code)


def _possessing_body(ctx: ExtractContext, role: Span) -> list[Actor]:
    """ "The party will ..., its chairman said": the body "its" points to, the nearest coded one earlier in the
    sentence."""
    if not any(c.dep_ == "poss" and c.lower_ in BODY_POSSESSIVES for c in role.root.children):
        return []
    earlier = ctx.actors_in(role.sent.start_char, role.start_char)
    return [a for a in reversed(earlier) if a.kind in BODY_KINDS and a.code is not None][:1]


def _appositions(title: Token) -> list[Token]:
    """The title's appositions; also a name the parser hung on the last noun of a long title ("Head of X at
    the Y Institute, Professor Z, said": "Z" attached to "Institute") when the name closes the title."""
    direct = [c for c in title.children if c.dep_ == "appos"]
    if direct or title.tag_ in ("NNS", "NNPS"):
        return direct  # "opponents of X, including ..., Y": a group is not named by its last member
    inner = [t for t in subtree_of(title) if t.dep_ == "appos" and t.i > title.i]
    closing = [t for t in inner if _closes(t, title)]
    return closing[-1:]


def _closes(name: Token, title: Token) -> bool:
    after = name.right_edge.i + 1
    while after < len(name.doc) and name.doc[after].is_punct:
        after += 1
    return after < len(name.doc) and after == title.head.i


def _title_and_name(ctx: ExtractContext, speaker: Actor, named: Actor) -> Actor:
    """The whole "title, Name" phrase as the source span (a coder may mark either part), coded as the person."""
    if speaker.kind == "person":
        return named  # "His party leader, Jane Doe": the name alone, as before
    start, end = min(speaker.start, named.start), max(speaker.end, named.end)
    return replace(named, start=start, end=end, text=ctx.text[start:end])


def _titled(ctx: ExtractContext, title: Token, person: Actor) -> Actor:
    """An uncoded name after a title takes the code of the body the title heads: "the head of the Russian
    parliament, Jane Doe" is RUSLEG."""
    objects = [p for c in title.children if c.dep_ == "prep" and c.lower_ in ("of", "at") for p in c.children]
    bodies = [a for a in actors_of(ctx, objects) if a.code is not None and a.kind != "person"]
    if not bodies:
        return person
    body = bodies[0]
    return replace(person, country=body.country, org=body.org, sector=body.sector, code=body.code)


def _affiliated_person(ctx: ExtractContext, body: Span) -> Actor | None:
    """ "Jane Doe, Leeds Traders' Association, said": a person's name just before the body that speaks is the
    speaker, the body being the person's affiliation."""
    if body.start < 2 or body.doc[body.start - 1].text != ",":
        return None
    before = ctx.actor_for_token(body.doc[body.start - 2])
    if before is None or before.kind != "person" or body.doc[body.start - 2].ent_type_ != "PERSON":
        return None
    return before if before.end <= body.doc[body.start - 1].idx else None


def _name_after_office(ctx: ExtractContext, span: Span, office: Actor) -> Actor:
    """ "Shadow leader of the House Jane Doe said": an office whose "of" phrase ends in a person's name is
    that person speaking; the name, coded by the office, is the source."""
    if any(t.ent_type_ == "PERSON" for t in span):
        return office
    objects = [p for c in span.root.children if c.dep_ == "prep" and c.lower_ == "of" for p in c.children]
    names = [t for o in objects for t in o.subtree if t.ent_type_ == "PERSON"]
    if not names or names[-1].i != objects[-1].right_edge.i or objects[-1].right_edge.i + 1 != _next_verb(span):
        return office
    last = names[-1]
    start = last
    while start.ent_iob_ != "B" and start.i > 0:
        start = span.doc[start.i - 1]
    end = last.idx + len(last.text)
    return replace(office, start=start.idx, end=end, text=ctx.text[start.idx : end], name=ctx.text[start.idx : end])


def _next_verb(span: Span) -> int:
    return span.root.head.i if span.root.head.i > span.root.i else -1


def _authored(ctx: ExtractContext, speaker: Actor) -> Actor:
    """ "A report by the audit office says": a document speaks for its author. The author named in its own
    phrase is the source; a document whose author the article names elsewhere ("the report", after "a
    report by the audit office") keeps its mention and takes the author's code."""
    span = ctx.doc.char_span(speaker.start, speaker.end, alignment_mode="expand")
    if span is None or span.root.lemma_.lower() not in DOCUMENT_SPEAKERS:
        return speaker
    own = _author_of(ctx, span.root)
    if own is not None or speaker.code is not None:
        return own or speaker
    noun = span.root.lemma_.lower()
    others = [t for t in ctx.doc if t.lemma_.lower() == noun and t.i != span.root.i and t.pos_ == "NOUN"]
    # the nearest earlier naming of the author, else the first later one ("a report says ... the report, by X")
    others.sort(key=lambda t: (t.i > span.root.i, abs(t.i - span.root.i)))
    author = next((a for t in others if (a := _author_of(ctx, t)) is not None), None)
    if author is None:
        return speaker
    return replace(speaker, country=author.country, sector=author.sector, code=author.code, name=author.name)


def _author_of(ctx: ExtractContext, document: Token) -> Actor | None:
    """The coded actor a document noun names as its author: "by X", "X's", "the X report"."""
    heads = [c for c in document.children if c.dep_ in ("poss", "compound")]
    heads += [p for c in document.children if c.dep_ == "prep" and c.lower_ == "by" for p in c.children]
    # "a leaflet published by the prosecution service", "a letter signed by 40 MPs"
    heads += [
        p
        for verb in document.children
        if verb.dep_ == "acl" and verb.tag_ == "VBN"
        for c in verb.children
        if c.dep_ == "agent"
        for p in c.children
    ]
    for head in heads:
        found = [a for t in head.subtree if (a := ctx.actor_for_token(t)) is not None and a.code is not None]
        if found:
            return next((a for a in found if a.start <= head.idx < a.end), found[0])
    return None


def _misplaced_speaker(ctx: ExtractContext, actor: Actor) -> bool:
    if actor.text.lower() in RELATIVE_PRONOUNS:
        return True
    # a quote split by its attribution ("the plan, he said, was sound") holds its speaker between its parts
    return any(
        start <= actor.start and actor.end <= end
        for q in ctx.quotes
        for start, end in ([(p.start, p.end) for p in q.parts] or [(q.start, q.end)])
    )


def is_audience(actor: Actor) -> bool:
    """ "voters", "the delegates", "the conference": those a statement is made before, named by a common noun."""
    words = actor.text.split()
    return bool(words) and words[-1].islower() and words[-1].lower().removesuffix("s") in AUDIENCE_NOUNS


def addressees(ctx: ExtractContext, cue: Token, speaker: Actor) -> list[Actor]:
    """Whom the statement is addressed to, when the text names them ("told MPs", "said to the EU")."""
    heads = [c for c in cue.children if c.dep_ in ADDRESSEE_DEPS]
    if cue.lemma_.lower() in OBJECT_IS_ADDRESSEE | QUESTION_HEADS:  # "asked the minister: '...?'"
        heads += [c for c in cue.children if c.dep_ == "dobj"]
    heads += [
        pobj
        for prep in cue.children
        if prep.dep_ == "prep" and prep.lower_ in ADDRESSEE_PREPS and cue.lemma_.lower() not in TO_IS_NOT_ADDRESSEE
        for pobj in prep.children
        if pobj.dep_ == "pobj"
    ]
    # CODING.md: audiences are not targets ("told voters", "told the conference"); a body addressed is
    found = actors_of(ctx, [h for h in heads if h.lemma_.lower() not in AUDIENCE_NOUNS])
    return [a for a in found if a.sector not in NOT_TARGET_SECTORS and not a.same_entity(speaker) and a is not speaker]


def _statements(
    ctx: ExtractContext,
    dictionary: VerbDictionary,
    numbered: tuple[Quote, int],
    acts: tuple[list[tuple[int, int]], list[tuple[int, int]]],
    rivalry: Rivalry,
) -> list[Event]:
    """The speech act's events: one per addressee, else one per actor the content is about, else one
    without a target. A plain statement (010) about actors takes the content's judgement of them; one
    whose clause is about the speaker's political rival attacks it (111)."""
    quote, index = numbered
    cue = _cue_token(ctx, quote)
    if cue is None:
        return []
    denial = _denial(ctx, cue)
    if denial is not None:
        verb, denier = denial
        return [_event(ctx, quote, index, cue, DENY, denier, None, verb)]
    refusal = declined_comment(cue)
    if refusal is not None and (speaker := _speaker(ctx, quote, cue)) is not None:
        return [_event(ctx, quote, index, cue, DECLINE_COMMENT, speaker, None, refusal)]
    if not _own_speech_act(cue, acts, quote):
        return []
    code = statement_code(cue, dictionary)
    question = code == NO_EVENT and put_question(cue, quote)
    code = DEFAULT_STATEMENT if question else code
    speaker = _speaker(ctx, quote, cue)
    if code == NO_EVENT or speaker is None or _poll_share(ctx, speaker):
        return []
    appealed = document_appeal(ctx, cue, quote, speaker) if code == DEFAULT_STATEMENT and quote.speaker else None
    if appealed is not None:
        return [_event(ctx, quote, index, cue, DOCUMENT_APPEAL, speaker, target) for target in appealed]
    content = content_tokens(cue, quote) if code == DEFAULT_STATEMENT else None  # computed once: a costly walk
    if content is not None and _says_no_comment(cue, content):
        return [_event(ctx, quote, index, cue, DECLINE_COMMENT, speaker, None)]
    addressed = addressees(ctx, cue, speaker) or letter_recipients(ctx, cue, quote, speaker)
    if addressed:
        code = DOCUMENT_APPEAL if code == DEFAULT_STATEMENT and bids(ctx, quote) else code
        return [_event(ctx, quote, index, cue, code, speaker, target) for target in addressed]
    if question:  # what a question names it neither blames nor credits ("asked whether ministers had looked at")
        return [_event(ctx, quote, index, cue, code, speaker, None)]
    if content is None:
        content = content_tokens(cue, quote)
    return _content_events(ctx, (quote, index), cue, code, speaker, content, rivalry)


def _content_events(
    ctx: ExtractContext,
    numbered: tuple[Quote, int],
    cue: Token,
    code: str,
    speaker: Actor,
    content: list[Token],
    rivalry: Rivalry,
) -> list[Event]:
    """A statement's events by what its content says of actors: criticism or praise of those it judges (a
    plain 010), an attack on the speaker's rival, else the clause's subject for a finer cue, else no target."""
    quote, index = numbered
    targets = content_targets(ctx, content, speaker)  # once for both readings of the content
    judged = judged_targets(ctx, content, speaker, targets)[:MAX_CONTENT_TARGETS]
    if code == DEFAULT_STATEMENT:
        rivals = rival_subjects(ctx, content, speaker, rivalry, judged, targets)
        judged += [(a, "negative") for a in rivals[:RIVAL_TARGETS]]
    judged = [
        (a, st)
        for a, st in _without_own_side(judged, speaker, rivalry)
        if not _credit_to_own(ctx, a, st) and not _speakers_own(ctx, a, speaker)
    ]
    if not judged:
        # a finer cue (a warning, a hope) is about the subject of what it says; a plain "said" is not
        about: list[Actor | None] = []
        if code != DEFAULT_STATEMENT:
            about += clause_subjects(ctx, cue, content, speaker)[:MAX_CONTENT_TARGETS]
        return [
            _event(ctx, quote, index, cue, code, speaker, target) for target in about[:MAX_CONTENT_TARGETS] or [None]
        ]
    # a plain statement (010) that judges an actor is criticism or praise of it; a finer cue code stays
    return [
        _event(ctx, quote, index, cue, STANCE_CODES[stance] if code == DEFAULT_STATEMENT else code, speaker, actor)
        for actor, stance in judged
    ]


def put_question(cue: Token, quote: Quote) -> bool:
    """ "'Why now?' he asked", "asked the minister whether ...": the cue asks a question of its own (active,
    its subject the one who asks), the quote a question: it ends in a question mark or opens with a question
    word. "When asked about X", "was asked whether" are questions put to the speaker by someone unnamed."""
    if cue.lemma_.lower() not in QUESTION_HEADS or cue.pos_ not in ("VERB", "AUX") or cue.tag_ == "VBN":
        return False
    if is_passive(cue) or any(c.dep_ == "xcomp" for c in cue.children):
        return False  # "asked ministers to act" is an appeal, the verb pattern's
    if cue.dep_ in ("advcl", "acl") and not any(c.dep_ == "nsubj" for c in cue.children):
        return False  # "Asking whether ..., he said": the question is part of the other speech act
    pieces = [(p.start, p.end) for p in quote.parts] or [(quote.start, quote.end)]
    text = doc_text(cue.doc)  # built once per doc: `doc.text` rebuilds it on every access
    said = [text[start:end].strip().strip("\"'“”‘’ ") for start, end in pieces]
    words = said[0].split() if said else []
    return any(part.endswith("?") for part in said) or bool(words and words[0].lower() in QUESTION_WORDS)


def letter_recipients(ctx: ExtractContext, cue: Token, quote: Quote, speaker: Actor) -> list[Actor]:
    """Whom the letter or message that carries the statement was sent to: "in a letter to X", "his message to
    X was", or, for "the letter", whom the sentence before says it was written or sent to."""
    letters = [pobj for prep in cue.children if prep.dep_ == "prep" and prep.lower_ in LETTER_PREPS for pobj in
               prep.children if pobj.dep_ == "pobj" and pobj.lemma_.lower() in LETTER_NOUNS]  # fmt: skip
    said_by = (
        ctx.doc.char_span(quote.speaker.start, quote.speaker.end, alignment_mode="expand") if quote.speaker else None
    )
    if said_by is not None and len(said_by) and said_by.root.lemma_.lower() in LETTER_NOUNS:
        letters.append(said_by.root)
    for letter in letters:
        sent_to = _to_phrase(letter)
        if not sent_to and any(c.lower_ in DEFINITE_DETERMINERS for c in letter.children if c.dep_ in ("det", "poss")):
            sent_to = _sent_before(ctx, letter)
        found = [
            a
            for a in actors_of(ctx, sent_to)
            if a.sector not in NOT_TARGET_SECTORS and not is_audience(a) and not a.same_entity(speaker)
        ]
        if found:
            return found[:MAX_CONTENT_TARGETS]
    return []


def bids(ctx: ExtractContext, quote: Quote) -> bool:
    """A direct quote that opens by bidding its addressee act: "Please don't ...", "Stop wasting money.",
    "Do not raise taxes." Said to someone named, it is an appeal to them (020), not a plain statement."""
    start = quote.parts[0].start if quote.parts else quote.start
    span = ctx.doc.char_span(start, quote.end, alignment_mode="expand")
    if span is None or quote.kind != "direct":
        return False
    words = [t for t in span if not t.is_punct and not t.is_space]
    if not words:
        return False
    first = words[0]
    if first.lower_ in IMPERATIVE_OPENERS:
        return True
    verb = first.head if first.dep_ in ("aux", "neg") else first
    heads_content = verb.dep_ in ("ROOT", "ccomp", "xcomp", "parataxis") and verb.i >= first.i
    subject = any(c.dep_ in ("nsubj", "nsubjpass", "expl") for c in verb.children)
    return verb.tag_ == "VB" and heads_content and not subject and not span.text.rstrip(" \"'”’").endswith("?")


def _to_phrase(word: Token) -> list[Token]:
    return [o for p in word.children if p.dep_ == "prep" and p.lower_ == "to" for o in p.children if o.dep_ == "pobj"]


def _sent_before(ctx: ExtractContext, letter: Token) -> list[Token]:
    """ "X wrote to the council. In the letter ...": the one the previous sentence's writing or sending verb,
    or its letter of the same name, is addressed to."""
    sentence = letter.sent
    if sentence.start == 0:
        return []
    before = ctx.doc[sentence.start - 1].sent
    for token in before:
        if token.lemma_.lower() in SENDING_VERBS | {letter.lemma_.lower()} and (sent_to := _to_phrase(token)):
            return sent_to
    return []


def _question_read_as_appeal(event: Event, cue: Token, quote: Quote) -> bool:
    """The verb pattern's appeal (02x) on an asking cue that asks nobody to do anything: a question put."""
    on_cue = event.trigger.start <= cue.idx < event.trigger.end
    return on_cue and event.root == "02" and event.target is None and put_question(cue, quote)


def document_appeal(ctx: ExtractContext, cue: Token, quote: Quote, speaker: Actor) -> list[Actor | None] | None:
    """Whom a document's words ask to act, when the speaker is a document that recommends: those its cue
    asks ("the letter urges ministers to act"; none named: [None]), else the actors that its content says
    should, must or ought to act ("the council should act, the report says"). None: no recommendation."""
    assert quote.speaker is not None
    said_by = quote.speaker  # the document as the quote found it; `speaker` may be its author
    span = ctx.doc.char_span(said_by.start, said_by.end, alignment_mode="expand")
    if span is None or not len(span) or span.root.lemma_.lower() not in DOCUMENT_SPEAKERS:
        return None
    if cue.lemma_.lower() in APPEAL_CUES:
        heads = [c for c in cue.children if c.dep_ in ("dobj", "dative")]
        heads += [o for p in cue.children if p.lower_ in APPEAL_PREPS for o in p.children if o.dep_ == "pobj"]
        asked = [a for a in actors_of(ctx, heads) if not a.same_entity(speaker) and a is not speaker]
        return list(asked[:MAX_CONTENT_TARGETS]) or [None]
    content = content_tokens(cue, quote)
    duties = [t for t in content if t.pos_ in ("VERB", "AUX") and _active_duty(t)]
    obliged = [a for verb in duties for a in sources_of(ctx, verb) if not a.same_entity(speaker) and a is not speaker]
    return list(obliged[:MAX_CONTENT_TARGETS]) or None


def _active_duty(verb: Token) -> bool:
    """ "ministers should publish", "the council must act", "it ought to consider": an act its subject is told
    to do. A passive duty ("more must be done", "councils should be given ...") names nobody who should act."""
    marks = {c.lower_ for c in verb.children if c.dep_ == "aux"}
    return bool(marks & DUTY_AUX) and not is_passive(verb) and any(c.dep_ == "nsubj" for c in verb.children)


def _poll_share(ctx: ExtractContext, speaker: Actor) -> bool:
    """ "32% said they would vote Labour": a share of those polled is a poll result, which CODING.md does not
    code, not someone's speech act."""
    span = ctx.doc.char_span(speaker.start, speaker.end, alignment_mode="expand")
    if span is None:
        return False
    if counted_public(span.root) or poll_itself(span.root):
        return True  # "a majority of Britons oppose ...", "most voters say ..." (sense8); "the poll" (usnews8b)
    if any(t.ent_type_ == "PERCENT" or t.text == "%" or t.lower_ == "percent" for t in span):
        return True
    # "about four in 10 said", "almost half said", "most said": a share that names no one (usnews8)
    words = [t for t in span if not t.is_punct]
    share = any(share_word(t) for t in words) or (
        "in" in {t.lower_ for t in words} and sum(t.like_num for t in words) >= 2
    )
    members = [o for t in words for p in t.children if p.lower_ == "of" for o in p.children if o.dep_ == "pobj"]
    named = any(t.pos_ in ("NOUN", "PROPN") and not share_word(t) for t in words + members)
    return share and not named


def _without_own_side(judged: list[tuple[Actor, str]], speaker: Actor, rivalry: Rivalry) -> list[tuple[Actor, str]]:
    """Credit to the speaker's own party is dropped. A statement that blames a rival and, in the same breath,
    the speaker's own party ("a choice between
    more tax under X and value for money under Y", said Y's leader) blames the rival: the parse spread the
    judgement over a contrast."""
    party = rivalry.party_of(speaker)
    if party is not None:  # credit to one's own party ("his party will offer an honest choice") is no interaction
        judged = [(a, stance) for a, stance in judged if not (stance == "positive" and rivalry.party_of(a) == party)]
    blamed_rival = any(stance == "negative" and rivalry.rivals(speaker, actor) for actor, stance in judged)
    if party is None or not blamed_rival:
        return judged
    return [(a, stance) for a, stance in judged if not (stance == "negative" and rivalry.party_of(a) == party)]


def _credit_to_own(ctx: ExtractContext, actor: Actor, stance: str) -> bool:
    """ "told voters his party will offer an honest choice": credit to the speaker's own body is no interaction."""
    span = ctx.doc.char_span(actor.start, actor.end, alignment_mode="expand")
    if stance != "positive" or span is None or span.start == 0:
        return False
    return span.doc[span.start - 1].lower_ in OWN_POSSESSIVES or span[0].lower_ in OWN_POSSESSIVES


def _speakers_own(ctx: ExtractContext, actor: Actor, speaker: Actor) -> bool:
    """ "said ministers had failed his party", "said her officers would suffer": a body the speaker calls his
    own (the possessive is the speaker) is the speaker's side, wronged or praised, never whom the statement is
    aimed at. A person ("his deputy") is an actor of their own."""
    span = ctx.doc.char_span(actor.start, actor.end, alignment_mode="expand")
    if span is None or not len(span) or actor.kind == "person":
        return False
    owners = [c for c in span.root.children if c.dep_ == "poss" and c.lower_ in OWN_POSSESSIVES]
    owner = ctx.actor_for_token(owners[0]) if owners else None
    return owner is not None and (owner is speaker or owner.same_entity(speaker))


def _event(
    ctx: ExtractContext,
    quote: Quote,
    index: int,
    cue: Token,
    code: str,
    speaker: Actor,
    target: Actor | None,
    trigger: Token | None = None,
) -> Event:
    entry = codebook()[code]
    sentence = sentence_of(cue)
    assert quote.cue is not None
    where = TextSpan(quote.cue.start, quote.cue.end, quote.cue.text)
    if trigger is not None:
        where = TextSpan(trigger.idx, trigger.idx + len(trigger.text), trigger.text)
    return Event(
        CharRange(sentence.start_char, sentence.end_char),
        where,
        speaker,
        target,
        entry.code,
        entry.root,
        entry.quad_class,
        entry.goldstein,
        entry.plover,
        statement_mood(trigger or cue),
        quote=index,
    )


def _denial(ctx: ExtractContext, cue: Token) -> tuple[Token, Actor] | None:
    """ "The minister denied suggestions that he would quit": the denying verb and who denies, when the cue is
    a noun of claims that such a verb takes as its object."""
    verb = cue.head
    if cue.pos_ != "NOUN" or cue.dep_ != "dobj" or verb.lemma_.lower() not in DENIALS:
        return None
    deniers = [a for a in sources_of(ctx, verb) if not _misplaced_speaker(ctx, a)]
    if not deniers:
        return None
    subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    if deniers[0].kind == "pronoun" and subject is not None:
        # "they rejected ...": the pronoun resolved as a quote's speaker would be (the running speaker)
        earlier = [q.speaker for q in ctx.quotes if q.speaker is not None and q.speaker.end <= subject.idx]
        spoken = [(p.start, p.end) for q in ctx.quotes for p in q.parts] + [(q.start, q.end) for q in ctx.quotes]
        spoken.sort()
        resolved = resolve_speaker(ctx, subject, earlier, (), spoken)
        return (verb, resolved) if resolved is not None else None
    return verb, _named(ctx, deniers[0])


def _recode(event: Event, code: str) -> None:
    entry = codebook()[code]
    event.cameo, event.root, event.quad_class = entry.code, entry.root, entry.quad_class
    event.goldstein, event.plover, event.target = entry.goldstein, entry.plover, None


def declined_comment(token: Token) -> Token | None:
    """The refusal when `token` is a verb of telling that someone refused or declined to do ("declined to
    comment", "refused to say whether ..."), whichever of the two the quote took for its cue."""
    if token.lemma_.lower() in REFUSALS:
        told = [c for c in token.children if c.dep_ == "xcomp" and c.lemma_.lower() in COMMENT_VERBS]
        return token if told else None
    if token.lemma_.lower() in COMMENT_VERBS and token.dep_ == "xcomp" and token.head.lemma_.lower() in REFUSALS:
        return token.head
    return None


def _says_no_comment(cue: Token, content: list[Token]) -> bool:
    """ "said it could not comment on the case", "says he will not speculate": the words are a refusal to comment."""
    inside = {t.i for t in content}
    roots = [t for t in content if t.head.i not in inside or t.head.i == t.i]
    return any(
        t.lemma_.lower() in COMMENT_VERBS and t.pos_ in ("VERB", "AUX") and negated_directly(t) and t.dep_ == "ccomp"
        for t in roots
    ) and cue.lemma_.lower() in ("say", "tell", "add")


def _own_speech_act(cue: Token, acts: tuple[list[tuple[int, int]], list[tuple[int, int]]], quote: Quote) -> bool:
    """Whether the cue is a speech act of its own: not a passive ("the mayor told to resign": the mayor is the
    one addressed) and not a participle adjunct of another act, coded or cued ("criticised the plan, saying
    ...", "said ..., adding"); the adjunct of a verb that is no act is one ("remained wary, claiming ...").
    `acts`: the ranges of every coded act and cue, and of the coded acts done in words."""
    every, spoken = acts
    if cue.pos_ in ("VERB", "AUX") and is_passive(cue) and not any(c.dep_ == "agent" for c in cue.children):
        return False
    why_not = not_an_act(cue) if cue.pos_ in ("VERB", "AUX") else None
    if why_not is not None and not (why_not == "question" and put_question(cue, quote)):
        return False  # "every year he would praise them", "could have said more": no speech act took place
    if _ordered(cue) or _unrealised(cue) or _surmised(cue):
        return False
    if cue.tag_ == "VBG" and cue.dep_ == "pcomp" and cue.head.dep_ == "prep" and cue.head.lower_ in MANNER_PREPS:
        head = cue.head.head  # "rejected the offer by claiming ...": the manner of that act
    elif _spokesman_with(cue):
        # "defended the plan, with a spokesman saying ...": the defence in words is that saying, also when the
        # parser hangs "with" lower in the act's phrase ("defended the decision to honour them, with ...")
        heads = [cue.head.head, *list(cue.head.head.ancestors)[:WITH_CLAUSE_HOPS]]
        return not any(start <= head.idx < end for head in heads for start, end in spoken)
    elif cue.tag_ == "VBG" and cue.dep_ in ADJUNCT_DEPS:
        head = cue.head
    else:
        return True
    return head.pos_ in ("VERB", "AUX") and not any(start <= head.idx < end for start, end in every)


def _spokesman_with(cue: Token) -> bool:
    """ "The ministry defended the decision, with a spokeswoman saying: ...": an absolute "with" clause whose
    speaker speaks for a body tells how the body's act was done (one speech act, CODING.md)."""
    return (
        cue.tag_ == "VBG"
        and cue.head.dep_ == "prep"
        and cue.head.lower_ == "with"
        and any(c.dep_ == "nsubj" and c.lemma_.lower() in SPOKES_NOUNS for c in cue.children)
    )


def _ordered(cue: Token) -> bool:
    """ "Mayor told to cut spending": an order verb with an infinitive but no one addressed is a headline passive."""
    if cue.lemma_.lower() not in ORDER_CUES:
        return False
    if cue.i + 1 < len(cue.doc) and cue.nbor(1).lower_ == "to" and cue.nbor(1).dep_ == "aux":
        return True  # "told to double aid", however the parser hangs the infinitive
    if any(c.dep_ in ("dobj", "dative", "iobj") for c in cue.children):
        return False
    return any(c.dep_ == "xcomp" and any(a.lower_ == "to" for a in c.children) for c in cue.children)


def _unrealised(cue: Token) -> bool:
    """ "have yet to say where", "failed to explain why": the speech act did not happen."""
    if cue.dep_ not in ("xcomp", "acl", "advcl"):
        return False
    head = cue.head
    return head.lemma_.lower() in UNREALISED_HEADS or any(c.lower_ in UNREALISED_HEADS for c in head.children)


def _surmised(cue: Token) -> bool:
    """ "Moscow is thought to fear ...", "she is believed to favour ...": the writer's surmise of what someone
    holds, not a speech act of theirs."""
    head = cue.head
    return cue.dep_ == "xcomp" and head.lemma_.lower() in SURMISE_HEADS and is_passive(head)


def statement_mood(cue: Token) -> Modality:
    """The statement's own modality, from its own marks only: the speech act itself is what is coded
    ("will say", "could argue" are hypothetical; "did not say" negated)."""
    if negated_directly(cue):
        return "negated"
    marks = {c.lower_ for c in near_children(cue) if c.dep_ in ("aux", "auxpass")}
    if marks & (STRONG_MODALS | FUTURE_AUX | {"would"}):
        return "hypothetical"
    return "reported" if _hearsay(cue) else "asserted"


def _hearsay(cue: Token) -> bool:
    """ "allegedly suggested", "is alleged to have said": the speech act is itself someone's claim (reported)."""
    if any(c.dep_ == "advmod" and c.lower_ in HEARSAY_ADVERBS for c in cue.children):
        return True
    head = cue.head
    return cue.dep_ == "xcomp" and head.lemma_.lower() in HEARSAY_HEADS and is_passive(head)
