"""What a statement is about: the actors its content names, and how it judges them.

CODING.md codes a statement's target as "the actor it addresses or is about when the text names one", and
the statement's code from what it does to that actor: "X said the Democrats had failed" criticises the
Democrats (111), "X said the council had worked hard" praises it (051). This pass reads the quote's content
inside the cue's sentence:

- `content_targets`: the political actors the content names, except the speaker and the speaker's own side
  (a minister's own government or country), first and second persons, the media and the general public
  (CVL), and countries named only as where something happens ("in Britain");
- `judged_targets`: those the content judges, with `negative` for a word of blame ("failed", "broke its
  pledges", "misled", "let down by") or a denied word of honesty ("were not honest"), `positive` for a word
  of credit ("worked hard", "a success"). A word judges the actor it governs ("X's failure", "let down by
  X") or the subject or object of its own clause ("X has failed", "X was not honest"), never across a
  prepositional adjunct or another clause. A mention the content does not judge is left out: a neutral
  remark ("said the party would also cut advisers") is a plain 010 with no target, which keeps precision;
- `clause_subjects`: the subjects of the clause a cue takes, for cues that are about them (a warning).

The word lists are general vocabulary of political blame and credit, not topic words: a claim that a
rival "will raise taxes" is not recognised as an attack (CODING.md's coder codes it 111).
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import cache

from spacy.tokens import Token

from newsevents.extract.context import ExtractContext
from newsevents.extract.events.rivals import Rivalry
from newsevents.nlp.text import doc_heads, doc_tokens, sentence_of, span_tokens, subtree_of
from newsevents.types import Actor, Quote

# Lemmas (lower case) whose presence in the content makes it a criticism of the actors it names.
BLAME_WORDS = frozenset(
    (
        "fail failure failing betray betrayal lie liar mislead misleading deceive deceit dishonest dishonesty "
        "incompetent incompetence shambles mess fiasco blunder bungle botch disgrace disgraceful shameful "
        "scandal scandalous arrogant arrogance hypocrisy hypocritical hypocrite reckless irresponsible "
        "complacent complacency squander waste wasteful neglect abandon cynical cynicism absurd ridiculous "
        "nonsense sceptical skeptical contempt appalling outrageous disastrous shameless smear fraud unfair "
        "undemocratic unacceptable chaotic chaos divisive contemptuous inept ineptitude broken negligent "
        "negligence mismanagement mismanage dithering dither u-turn hollow forget ignore wrong worthless "
        "authoritarian bossy interfering meddling unsafe"
    ).split()
)
# "broke its promise", "let voters down": a verb whose sense of blame needs its object or particle.
BLAME_PHRASES = frozenset({("break", "pledge"), ("break", "promise"), ("break", "word"), ("let", "down")})
# Words of credit; negated ("not a success") they are blame.
CREDIT_WORDS = frozenset(
    (
        "praise commend congratulate applaud success successful achievement excellent outstanding impressive "
        "brave courageous courage honest true credit tremendous admirable exemplary splendid superb valuable "
        "invaluable"
    ).split()
)
CREDIT_PHRASES = frozenset({("work", "hard")})
# Words of truth and fairness judge only when negated: "they were not being honest" is blame.
# "Safe" likewise: "the schools are not safe in their hands".
TRUTH_WORDS = frozenset({"true", "honest", "fair", "straight", "truthful", "candid", "safe"})
FIRST_PERSON = frozenset({"i", "me", "my", "we", "us", "our", "ours", "myself", "ourselves"})
SECOND_PERSON = frozenset({"you", "your", "yours", "yourself", "yourselves"})
# Sectors that are never what a statement is about: the media it is told to, the general public it is on behalf of.
NOT_ABOUT_SECTORS = frozenset({"MED", "CVL"})
PLACE_PREPS = frozenset({"in", "at", "across", "around", "throughout", "within", "inside", "near", "from", "into"})
GOVERNING_SECTORS = frozenset({"GOV", "MIL", "COP"})


def content_tokens(cue: Token, quote: Quote) -> list[Token]:
    """The tokens of the quote's content that lie in the cue's sentence, with the clauses that hang on them
    ("tax will rise if the Greens win, she claimed": the condition is part of what is claimed), never the
    cue's own phrase."""
    pieces = [(p.start, p.end) for p in quote.parts] or [(quote.start, quote.end)]
    sentence = span_tokens(sentence_of(cue))
    inside = [t for t in sentence if any(start <= t.idx < end for start, end in pieces)]
    inside_at = {t.i for t in inside}
    own = {t.i for t in subtree_of(cue)} if cue.i not in inside_at else set()
    heads, tokens = doc_heads(cue.doc), doc_tokens(cue.doc)  # no new Token per `t.head`
    roots = [t for t in inside if heads[t.i] == t.i or not _in_pieces(tokens[heads[t.i]].idx, pieces)]
    wanted = inside_at | {d.i for r in roots for d in r.subtree if d.i not in own and d.i != cue.i}
    after, before = _trailing_content(inside, cue)
    return [t for t in sentence if t.i in wanted or (after < t.i < before and not t.is_punct)]


def _in_pieces(idx: int, pieces: list[tuple[int, int]]) -> bool:
    return any(start <= idx < end for start, end in pieces)


def _trailing_content(inside: list[Token], cue: Token) -> tuple[int, int]:
    """ "Tax will rise if the Greens win, Jane Doe claimed": the parser may hang the condition on the cue, but
    what lies between the content and a later attribution is still what was said. The token indices strictly
    between the two bounds are that trailing content (an empty range when there is none)."""
    if not inside or inside[-1].i >= cue.i:
        return 0, 0
    subject = next((c for c in cue.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    attribution = min(cue.i, subject.left_edge.i) if subject is not None else cue.i
    return inside[-1].i, attribution


def content_targets(ctx: ExtractContext, tokens: list[Token], speaker: Actor) -> list[Actor]:
    """The actors the content names that a statement can be about, in text order, one per entity."""
    found: list[Actor] = []
    for token in tokens:
        actor = ctx.actor_for_token(token)
        if actor is None or any(actor is seen or actor.same_entity(seen) for seen in found):
            continue
        if _about(actor, token, speaker):
            found.append(actor)
    return found


def _about(actor: Actor, token: Token, speaker: Actor) -> bool:
    words = actor.text.lower().split()
    if actor.code is None or actor.sector in NOT_ABOUT_SECTORS or set(words) & (FIRST_PERSON | SECOND_PERSON):
        return False
    if actor is speaker or actor.same_entity(speaker) or actor.name == speaker.name:
        return False
    if _own_side(actor, speaker):
        return False
    # "unemployment rose in Britain": a place where something happens is not what the statement is about
    return not (actor.kind == "country" and token.dep_ == "pobj" and token.head.lower_ in PLACE_PREPS)


def _own_side(actor: Actor, speaker: Actor) -> bool:
    """A minister's "the government" or "Britain" is the speaker's own side, not a party the statement is about."""
    if speaker.sector not in GOVERNING_SECTORS or speaker.country is None:
        return False
    return actor.code in (speaker.country, speaker.code)


# Dependencies along which a word of blame or credit still speaks of its clause's subject or object:
# "has broken the pledges", "were not being honest", "did a poor job"; not prepositional adjuncts
# ("worked hard, after the failure of the first plan": the failure is not the workers').
CLAUSE_DEPS = frozenset({"dobj", "attr", "acomp", "amod", "compound", "advmod", "xcomp", "oprd", "neg", "prt"})


def judged_targets(
    ctx: ExtractContext, tokens: list[Token], speaker: Actor, targets: list[Actor] | None = None
) -> list[tuple[Actor, str]]:
    """The actors the content names together with how it judges each; actors it does not judge are left
    out (a neutral mention — "said the party would also cut advisers" — is no statement about them).
    `targets` is `content_targets(ctx, tokens, speaker)` when the caller has it already."""
    judged: list[tuple[Actor, str]] = []
    words = [t for t in tokens if _evaluative(t)]
    if targets is None:
        targets = content_targets(ctx, tokens, speaker)
    heads = [(a, h) for a in targets if (h := _mention_head(tokens, a)) is not None]
    # a word that names its own actor ("let down by X", "X's failure") judges that one, not its clause's subject
    # ("the public felt let down by X": the public is not blamed)
    direct = {w.i for w in words if heads and _names_one_of(w, heads)}
    for actor, head in heads:
        stance = _stance(w for w in words if _judges(w, head) and (w.i not in direct or _governs(w, head)))
        if stance is not None:
            judged.append((actor, stance))
    return judged


def _names_one_of(word: Token, heads: list[tuple[Actor, Token]]) -> bool:
    below = {t.i for t in word.subtree}  # once per word, not once per (word, actor)
    return any(h.i in below for _, h in heads)


def _governs(word: Token, head: Token) -> bool:
    """Whether the word's phrase names the actor, through at most one preposition: "sceptical about X",
    "sceptical about X's pledges", not "sceptical about the pledges on schools" (the schools are not judged)."""
    if head.i not in {t.i for t in word.subtree}:
        return False
    preps = 0
    current = head
    while current.i != word.i and current.head.i != current.i:
        preps += current.dep_ in ("prep", "agent")
        current = current.head
    return preps <= 1


def clause_subjects(ctx: ExtractContext, cue: Token, tokens: list[Token], speaker: Actor) -> list[Actor]:
    """The actors that are subjects of the clause a cue takes: whom a warning or a hope is about
    ("warned the council would run out of money": the council)."""
    inside = {t.i for t in tokens}
    heads = [c for c in cue.children if c.dep_ == "ccomp" and c.i in inside]
    subjects = [s for h in heads for s in h.children if s.dep_ in ("nsubj", "nsubjpass")]
    wanted = {s.i for s in subjects} | {c.i for s in subjects for c in s.children if c.dep_ == "conj"}
    return [a for a in content_targets(ctx, tokens, speaker) if (h := _mention_head(tokens, a)) and h.i in wanted]


def _mention_head(tokens: list[Token], actor: Actor) -> Token | None:
    inside = [t for t in tokens if actor.start <= t.idx < actor.end]
    return next((t for t in inside if not actor.start <= t.head.idx < actor.end or t.head.i == t.i), None)


def _governor(token: Token) -> Token:
    """The verb (or root) whose argument the mention is: "the Republicans and the Democrats had failed" -> failed."""
    current = token
    while current.head.i != current.i and current.pos_ not in ("VERB", "AUX"):
        current = current.head
    return current


def _judges(word: Token, head: Token) -> bool:
    if _governs(word, head):
        return True  # "Labour's failure", "let down by Labour", "sceptical about the Tories"
    governor = _governor(head)
    current = word
    while current.i != governor.i:
        if current.dep_ not in CLAUSE_DEPS or current.head.i == current.i:
            return False
        current = current.head
    return True


def _evaluative(token: Token) -> bool:
    lemma = token.lemma_.lower()
    return (
        lemma in BLAME_WORDS
        or lemma in CREDIT_WORDS
        or lemma in TRUTH_WORDS
        or _phrase(token, BLAME_PHRASES)
        or _phrase(token, CREDIT_PHRASES)
    )


def _negated(token: Token) -> bool:
    if any(c.dep_ == "neg" for c in token.children):
        return True
    return token.dep_ in ("acomp", "attr") and any(c.dep_ == "neg" for c in token.head.children)


def _stance(words: Iterable[Token]) -> str | None:
    """`negative` for blame (or denied honesty: "were not honest"), `positive` for credit; a negated word of
    blame ("the money is not wasted") or of credit judges nothing either way."""
    blame = credit = False
    for token in words:
        lemma = token.lemma_.lower()
        if _negated(token):
            blame = blame or lemma in TRUTH_WORDS
        elif lemma in BLAME_WORDS or _phrase(token, BLAME_PHRASES):
            blame = True
        elif lemma in CREDIT_WORDS or _phrase(token, CREDIT_PHRASES):
            credit = True
    if blame:
        return "negative"
    return "positive" if credit else None


@cache
def _first_words(phrases: frozenset[tuple[str, str]]) -> frozenset[str]:
    return frozenset(first for first, _ in phrases)


def _phrase(token: Token, phrases: frozenset[tuple[str, str]]) -> bool:
    lemma = token.lemma_.lower()
    if lemma not in _first_words(phrases):  # most words open no phrase: skip walking the children
        return False
    return any((lemma, c.lemma_.lower()) in phrases for c in token.children)


# Where a rival's mention makes a clause about it: its subject ("the Greens will raise taxes"), the owner or
# modifier of its subject ("the Greens' plan would cost jobs", "a Green vote"), a passive's agent.
SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass"})


def rival_subjects(
    ctx: ExtractContext,
    tokens: list[Token],
    speaker: Actor,
    rivalry: Rivalry,
    judged: list[tuple[Actor, str]],
    targets: list[Actor] | None = None,
) -> list[Actor]:
    """The speaker's political rivals a content's clause is about, not already judged: CODING.md codes a
    party politician's claim about a rival party ("said the Greens would raise taxes") as criticism.
    `targets` is `content_targets(ctx, tokens, speaker)` when the caller has it already."""
    found: list[Actor] = []
    for actor in content_targets(ctx, tokens, speaker) if targets is None else targets:
        if any(actor.same_entity(a) or actor is a for a, _ in judged) or not rivalry.rivals(speaker, actor):
            continue
        if actor.kind == "pronoun" or actor.text.lower() in ("it", "they", "them"):
            continue  # "said it would cut crime": a neutral claim about "it" (often a thing) attacks no one
        head = _mention_head(tokens, actor)
        if head is not None and _clause_is_about(head) and not _in_with_adjunct(head):
            found.append(actor)
    return found


def _in_with_adjunct(head: Token) -> bool:
    """ "..., with the Tories set to campaign against it": a rival in the writer's background adjunct is not what
    the speaker says anything about."""
    return any(t.dep_ == "prep" and t.lower_ == "with" for t in head.ancestors)


def _clause_is_about(head: Token) -> bool:
    if head.dep_ in SUBJECT_DEPS:
        return True
    if head.dep_ in ("poss", "compound", "amod") and head.head.dep_ in SUBJECT_DEPS:
        return True
    return head.dep_ == "pobj" and head.head.dep_ == "agent"
