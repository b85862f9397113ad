"""Pass 7 and 8: reports that speak for their authors ("the report said") and groups that speak
for their members ("a group of MPs ... the group says").

Reads the `Scope` and the mentions found so far; returns new mentions coded as the author or
members, and `with_documents` merges them into the list in text order, keeping `same_as` indices.
"""

from __future__ import annotations

from dataclasses import replace

from spacy.tokens import Token

from newsevents.extract.actors.mentions.record import Mention, Scope, merge_positions, merged_in_text_order
from newsevents.extract.actors.mentions.words import MODIFIER_DEPS

# "The report said", "a study by the institute found": the document speaks for whoever wrote it.
_DOCUMENT_NOUNS = frozenset(
    {"report", "study", "survey", "inquiry", "review", "audit", "dossier"}
    | {"book", "memoir", "biography", "manifesto"}  # "X's new book claims ...", "the party's manifesto says"
)
_AUTHOR_PREPS = frozenset({"by", "from"})
_AUTHOR_LOOKAHEAD_SENTENCES = 1  # "..., a report says. The Audit Office praised ministers ..."


def document_mentions(scope: Scope, mentions: list[Mention]) -> list[Mention]:
    """A report, study or inquiry that is a clause's subject, coded as its author: named in its
    phrase ("the Audit Office report", "Oxfam's study", "a report by the transport committee"),
    by the clause that publishes it ("Oxfam says in a report"), or, for "the report" and an
    unattributed "a report", the author of the article's last report, else the first named body that
    is a subject in the next sentence (news names the author just after "..., a report says")."""
    by_token = {i: m for m in mentions for i in range(m.start, m.end)}
    sentence_of = {i: n for n, sent in enumerate(scope.doc.sents) for i in range(sent.start, sent.end)}
    found: list[Mention] = []
    last_author: Mention | None = None
    for token in scope.tokens:
        if token.pos_ != "NOUN" or token.lemma_.lower() not in _DOCUMENT_NOUNS or token.i in by_token:
            continue
        author = _named_author(scope, token, by_token)
        if author is None and (last_author is None or not _definite(token)) and _reports_findings(token):
            author = _next_body_subject(scope, token, mentions, sentence_of)
        author = author or last_author
        if author is None:
            continue
        last_author = author
        if token.dep_ in ("nsubj", "nsubjpass"):
            found.append(_document_mention(scope, token, author))
    return found


# "..., a report says. The Audit Office found ...": only a document that speaks is read as its author's.
_FINDING_VERBS = frozenset({"say", "find", "show", "suggest", "warn", "conclude", "claim", "reveal", "state"})


def _reports_findings(token: Token) -> bool:
    """ "a report says", "the study found"; not "an inquiry is due to report back" (whose author is
    not the next sentence's subject)."""
    return token.dep_ not in ("nsubj", "nsubjpass") or token.head.lemma_.lower() in _FINDING_VERBS


# "A group of MPs ... The group says": the collective stands for the members it was introduced with;
# "the Senate ethics committee": a committee named after its chamber stands for that chamber.
_COLLECTIVE_NOUNS = frozenset({"group", "coalition", "delegation", "panel", "committee"})


def collective_mentions(scope: Scope, mentions: list[Mention]) -> list[Mention]:
    """ "a group of MPs" as a subject, and a later "the group" (or "the cross-party group"), coded as the
    members the group was last introduced with; a group never introduced so is no actor."""
    by_head = {m.head: m for m in mentions}
    by_token = {i: m for m in mentions for i in range(m.start, m.end)}
    members: Mention | None = None
    found = []
    for token in scope.tokens:
        if token.pos_ != "NOUN" or token.lemma_.lower() not in _COLLECTIVE_NOUNS or token.i in by_token:
            continue
        of_heads = [c.i for p in token.rights if p.dep_ == "prep" and p.lower_ == "of" for c in p.children]
        introduced = next((m for i in of_heads if (m := by_head.get(i)) is not None and m.kind != "pronoun"), None)
        introduced = introduced or _chamber_named_in(token, by_head)
        if of_heads and introduced is None:
            members = None  # "the group of friends": some other group, of no actor we know
            continue
        members = introduced or members
        acting = token.dep_ in ("nsubj", "nsubjpass") or (token.dep_ == "dobj" and introduced is None)
        if members is not None and acting and (introduced is not None or _definite(token)):
            found.append(_document_mention(scope, token, members))
    return found


def _chamber_named_in(token: Token, by_head: dict[int, Mention]) -> Mention | None:
    """ "the Commons health committee": a legislature among the words before the collective noun."""
    for word in token.lefts:
        for modifier in word.subtree:
            found = by_head.get(modifier.i)
            if found is not None and found.kind == "government" and found.sector == "LEG":
                return found
    return None


def _definite(token: Token) -> bool:
    return any(c.dep_ == "det" and c.lower_ in ("the", "this", "that", "its") for c in token.lefts)


def _named_author(scope: Scope, token: Token, by_token: dict[int, Mention]) -> Mention | None:
    def first_actor(tokens: list[Token]) -> Mention | None:
        return next((m for t in tokens if (m := by_token.get(t.i)) is not None and m.kind != "pronoun"), None)

    modifiers = [t for c in token.lefts if c.dep_ in MODIFIER_DEPS and c.tag_ != "PRP$" for t in c.subtree]
    agents = [t for p in token.rights if p.dep_ == "prep" and p.lower_ in _AUTHOR_PREPS for t in p.subtree]
    author = first_actor(modifiers) or first_actor(agents)
    if author is None and token.dep_ == "pobj" and token.head.lower_ == "in":  # "Oxfam says in a report"
        verb = token.head.head
        author = first_actor([c for c in verb.children if c.dep_ == "nsubj"]) if verb.pos_ == "VERB" else None
    return author


def _next_body_subject(
    scope: Scope, token: Token, mentions: list[Mention], sentence_of: dict[int, int]
) -> Mention | None:
    here = sentence_of[token.i]
    for mention in mentions:
        # a named body only: "the government" after "a report says" is more often its subject than its author
        named_body = mention.kind in ("organisation", "government") and mention.role is None and not mention.person
        if mention.start <= token.i or not named_body:
            continue
        if sentence_of[mention.start] - here > _AUTHOR_LOOKAHEAD_SENTENCES:
            return None
        if sentence_of[mention.start] > here and scope.tokens[mention.head].dep_ == "nsubj":
            return mention
    return None


def _document_mention(scope: Scope, token: Token, author: Mention) -> Mention:
    left = token.i
    while left > 0 and scope.tokens[left - 1].dep_ in ("compound", "amod") and scope.tokens[left - 1].head == token:
        left -= 1
    mention = Mention(left, token.i + 1, token.i, "organisation", author.name, entry=author.entry)
    mention.country, mention.sector, mention.org = author.country, author.sector, author.org
    mention.entry_code, mention.party, mention.person = author.entry_code, author.party, False
    mention.same_as_mention = author
    return mention


def with_documents(mentions: list[Mention], documents: list[Mention]) -> list[Mention]:
    """Merge in text order, keeping each apposition link pointing at the same mention; a document
    points at its author when the author is named before it. Changes no mention it is given."""
    position = merge_positions(mentions, documents)
    index_of = {id(m): n for n, m in enumerate(mentions)}
    linked = [
        replace(document, same_as=position[index_of[id(author)]] if author.start < document.start else None)
        if (author := document.same_as_mention) is not None
        else replace(document, same_as=None)
        for document in documents
    ]
    return merged_in_text_order(mentions, linked)
