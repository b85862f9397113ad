"""Attribution cues in the parse: "X said (that) …", "X called Y a Z", "According to X, …",
"his claim that …", and any verb right after a quotation ("…,” Carson continued").

For each cue we keep the speaker's head token, the extent of the cue clause (speaker, verb and
its adverbials: the text that is *not* the quoted content) and, for reported speech, the
complement clause that holds the content.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterator
from dataclasses import dataclass, replace

from spacy.tokens import Doc, Token

from newsevents.extract.quotes.lexicon import CueEntry, CueLexicon
from newsevents.extract.quotes.marks import QuoteSpan
from newsevents.extract.syntax import compared_subject, reporting_conjunct
from newsevents.nlp.text import children_of, doc_heads, doc_tokens, subtree_of

OBJECT_PREP = frozenset({"as", "for", "against", "over", "about"})
BREAKS = frozenset({",", "—", "–", "-", "--"})
TRAILING_ASIDE_DEPS = frozenset({"relcl", "advcl"})
ASIDE_TAGS = frozenset({"VBG", "WRB", "WDT", "WP"})  # participles and relative words
# nouns that report what someone holds or said when a that-clause follows ("his claim that …")
CLAIM_NOUNS = frozenset(
    {"claim", "assertion", "allegation", "argument", "belief", "warning", "statement", "promise", "pledge",
     "suggestion", "insistence", "notion", "idea", "view", "fear", "hope", "charge", "accusation", "assurance",
     "admission", "conclusion", "contention", "prediction", "report", "concern", "sense", "impression"}
)  # fmt: skip
FRAME_DEPS = {"clause": ("ccomp",), "object": ("dobj",), "infinitive": ("xcomp",)}
# children of the cue verb that belong to the content or to another clause, not to the cue clause
NOT_CLAUSE_DEPS = frozenset({"ccomp", "xcomp", "parataxis", "conj", "cc", "advcl", "dobj", "punct", "mark"})
SUBJECT_DEPS = frozenset({"nsubj"})
INHERITS_SUBJECT = frozenset({"advcl", "xcomp", "conj", "pcomp", "prep"})


@dataclass
class Cue:
    token: Token
    start: int  # the cue words ("said", "according to")
    end: int
    subject: Token | None
    clause_start: int  # character extent of the cue clause
    clause_end: int
    content: tuple[int, int] | None  # the complement clause, for reported speech
    cls: str = "speech"
    weak: bool = False  # any verb right after a quote ("…,” Carson continued): only attaches that quote


def _end(token: Token) -> int:
    return token.idx + len(token.text)


def _inside(quotes: list[QuoteSpan], starts: list[int], pos: int) -> bool:
    k = bisect_right(starts, pos) - 1
    return k >= 0 and quotes[k].start < pos < quotes[k].end


def _subject(verb: Token) -> Token | None:
    """The subject of the cue, climbing to the governing verb for "…, adding that" or "and argued"."""
    blamed = _object_of_blame(verb)
    if blamed is not None:
        return blamed
    current = verb
    for _ in range(5):
        if any(c.dep_ == "nsubjpass" for c in children_of(current)):
            return None
        subjects = [c for c in current.children if c.dep_ in SUBJECT_DEPS]
        if subjects:  # the nearest, should a dateline be parsed as a second subject
            return compared_subject(current, min(subjects, key=lambda c: abs(c.i - current.i)))
        if current.dep_ not in INHERITS_SUBJECT or current.head.i == current.i:
            return None
        current = current.head
    return None


def _object_of_blame(verb: Token) -> Token | None:
    """ "suspended the candidate for saying ...", "accused the minister of claiming ...": the one the main verb
    acts on for a speech act is its speaker, not the main verb's subject."""
    prep = verb.head
    if verb.dep_ != "pcomp" or verb.tag_ != "VBG" or prep.lower_ not in ("for", "of") or prep.dep_ != "prep":
        return None
    return next((c for c in prep.head.children if c.dep_ == "dobj"), None) if prep.head.pos_ == "VERB" else None


def _content(verb: Token, frames: tuple[str, ...], lexicon: CueLexicon) -> tuple[int, int] | None:
    """The content of the cue in the first frame that fits (see data/speech_verbs.tsv)."""
    for frame in frames:
        if frame in FRAME_DEPS:
            children = [c for c in verb.children if c.dep_ in FRAME_DEPS[frame]]
        else:  # a preposition whose object is the content ("called for a ceasefire")
            children = [o for c in verb.children if c.dep_ == "prep" and c.lower_ == frame for o in c.children]
            children = [o for o in children if o.dep_ in ("pobj", "pcomp")][:1]
        if frame == "infinitive":
            children = [c for c in children if any(t.dep_ == "aux" and t.lower_ == "to" for t in c.children)]
        if children:
            tokens = [t for child in children for t in _content_tokens(child, lexicon)]
            if frame == "object":  # "described X as Y", "called X Y", "blasted X for Y"
                extra = [c for c in verb.children if c.dep_ == "oprd" or (c.dep_ == "prep" and c.lower_ in OBJECT_PREP)]
                tokens += [t for c in extra if c.i > children[0].i for t in c.subtree]
            tokens = [t for t in tokens if not (t.is_punct and t.text in ",;:") and not t.is_space]
            if tokens:
                return min(t.idx for t in tokens), max(_end(t) for t in tokens)
    return None


def _content_tokens(head: Token, lexicon: CueLexicon) -> list[Token]:
    """The subtree of `head`, cut before a nested attribution that trails it
    ("…, telling Stephanopoulos that …", "…, according to The Times")."""
    cut = None
    last = head.right_edge.i
    subtree = list(subtree_of(head))  # built once per token per doc
    tokens, heads = doc_tokens(head.doc), doc_heads(head.doc)
    for token in subtree:
        if token.i <= head.i + 1:
            continue
        before = tokens[token.i - 1]  # `token.nbor(-1)`: token.i >= 2 here
        if token.dep_ == "conj" and heads[token.i] == head.i and before.dep_ == "cc" and _is_cue(token, lexicon):
            cut = token.i - 1  # "… a safe zone and has expressed support": a second attribution
            break
        if heads[token.i] == head.i and reporting_conjunct(token) is not None:
            cut = token.i - 1  # "said the plan was fair and criticised the unions": the speaker's next act
            break
        if before.text not in BREAKS:
            continue
        nested = token.lower_ == "according" or (
            token.dep_ in ("advcl", "conj") and token.tag_ == "VBG" and _is_cue(token, lexicon)
        )
        # a trailing aside after a comma or dash: ", where he trails …", ", promising …", "— a message …"
        aside = token.right_edge.i >= last and (token.tag_ in ASIDE_TAGS or before.text != ",")
        if nested or aside or _trailing_aside(token, head, last):
            cut = token.i - 1
            break
    return [t for t in subtree if cut is None or t.i < cut]


def _trailing_aside(token: Token, head: Token, last: int) -> bool:
    """A phrase opening at `token` that runs to the end of the content and only describes what
    comes before it: a relative or adverbial clause ("…, where 18 votes are at stake", "…, while
    the plant stays open")."""
    phrase = token
    while phrase.head.i != phrase.i and phrase.head.i != head.i and phrase.head.left_edge.i == token.i:
        phrase = phrase.head
    return phrase.right_edge.i >= last and phrase.dep_ in TRAILING_ASIDE_DEPS


def _is_cue(token: Token, lexicon: CueLexicon) -> bool:
    return token.pos_ == "VERB" and lexicon.verb(token.lemma_.lower()) is not None


def _clause(verb: Token, subject: Token | None) -> tuple[int, int]:
    """Characters of the cue clause: the verb, its subject and adverbials, no content."""
    tokens = [verb]
    for child in verb.children:
        if child.dep_ not in NOT_CLAUSE_DEPS:
            tokens.extend(child.subtree)
    if subject is not None and subject.head.i != verb.i:
        tokens.append(subject)
    start = min(t.idx for t in tokens)
    end = max(_end(t) for t in tokens)
    return start, end


def _verb_cue(token: Token, lexicon: CueLexicon) -> CueEntry | None:
    if token.pos_ != "VERB":
        return None
    particle = next((c.lower_ for c in children_of(token) if c.dep_ == "prt"), None)
    return lexicon.verb(token.lemma_.lower(), particle)


def _according_to(token: Token) -> Cue | None:
    """ "According to X, content" or "content, according to X": X speaks, the clause is content."""
    to = next((c for c in token.children if c.lower_ == "to"), None)
    source = next((c for c in to.children if c.dep_ == "pobj"), None) if to is not None else None
    if to is None or source is None:
        return None
    phrase = list(token.subtree)
    sent = token.sent
    outside = [t for t in sent if (t.i < phrase[0].i or t.i > phrase[-1].i) and not (t.is_punct or t.is_space)]
    content = (outside[0].idx, _end(outside[-1])) if outside else None
    return Cue(token, token.idx, _end(to), source, phrase[0].idx, _end(phrase[-1]), content)


# Every cue but "according to" starts at a verb ("said") or a claim noun ("his warning that").
_CUE_POS = frozenset({"VERB", "NOUN"})


def find_cues(doc: Doc, text: str, lexicon: CueLexicon, quotes: list[QuoteSpan]) -> Iterator[Cue]:
    """Cues outside quoted passages, in text order."""
    starts = [q.start for q in quotes]
    for token in doc_tokens(doc):
        if token.pos_ not in _CUE_POS and token.lower_ != "according":
            continue  # no cue can start here; the cheap test before the others
        if _inside(quotes, starts, token.idx):
            continue
        if token.lower_ == "according":
            cue = _according_to(token)
        elif token.pos_ == "NOUN" and token.lemma_.lower() in CLAIM_NOUNS:
            cue = _noun_cue(token)
        else:
            cue = _verb_cue_at(token, text, lexicon, quotes, starts)
        if cue is not None:
            yield _clause_after_quote(cue, quotes, starts)


def _clause_after_quote(cue: Cue, quotes: list[QuoteSpan], starts: list[int]) -> Cue:
    """`“… before 2001,” he said.`: the parser may hang words of the quotation on the cue after it; when the
    cue's subject follows the quotation too, the cue's clause starts after the closing mark, so the quotation
    stays next to its own attribution."""
    k = bisect_right(starts, cue.start) - 1
    if k < 0 or not quotes[k].closed or not quotes[k].end <= cue.start or cue.clause_start >= quotes[k].end:
        return cue
    if cue.subject is None or cue.subject.idx < quotes[k].end:
        return cue  # `X said having … “turned off voters” and suggested …`: the clause holds the quotation
    return replace(cue, clause_start=quotes[k].end)


def _verb_cue_at(
    token: Token, text: str, lexicon: CueLexicon, quotes: list[QuoteSpan], starts: list[int]
) -> Cue | None:
    entry = _verb_cue(token, lexicon)
    if entry is None:
        if token.pos_ == "VERB" and _just_after_quote(text, quotes, starts, token):
            return _cue(token, None, "speech", weak=True)
        return None
    content = _content(token, entry.frames, lexicon)
    if content is None and token.dep_ == "parataxis" and token.head.pos_ in ("VERB", "AUX"):
        content = _sentence_around(token)  # "Many of the closures, he said, involved public courses"
    return _cue(token, content, entry.cls)


def _noun_cue(noun: Token) -> Cue | None:
    """ "his claim that …", "the warning that …": the clause is the content, the possessor speaks."""
    clause = next((c for c in noun.children if c.dep_ in ("acl", "ccomp") and _has_that(c)), None)
    if clause is None:
        return None
    owner = next((c for c in noun.children if c.dep_ == "poss"), None)
    start = owner.left_edge.idx if owner is not None else noun.idx
    return Cue(noun, noun.idx, _end(noun), owner, start, _end(noun), (clause.left_edge.idx, _end(clause.right_edge)))


def _has_that(clause: Token) -> bool:
    return any(c.dep_ == "mark" and c.lower_ == "that" for c in clause.children)


def _sentence_around(verb: Token) -> tuple[int, int] | None:
    sent = verb.sent
    words = [t for t in sent if not (t.is_punct or t.is_space)]
    return (words[0].idx, _end(words[-1])) if words else None


def _cue(token: Token, content: tuple[int, int] | None, cls: str, weak: bool = False) -> Cue:
    subject = _subject(token)
    clause_start, clause_end = _clause(token, subject)
    return Cue(token, token.idx, _end(token), subject, clause_start, clause_end, content, cls, weak)


def _just_after_quote(text: str, quotes: list[QuoteSpan], starts: list[int], token: Token) -> bool:
    """A verb within a few words after a closing quote in the same line (`“…,” he continued`)."""
    k = bisect_right(starts, token.idx) - 1
    if k < 0 or not quotes[k].closed:
        return False
    gap = text[quotes[k].end : token.idx]
    return len(gap) < 60 and "\n" not in gap and len(gap.split()) <= 5
