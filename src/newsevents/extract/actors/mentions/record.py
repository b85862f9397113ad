"""The records the mention passes share: `Mention`, what each pass writes, `Scope`, what
every pass reads and none changes (the parse, the dictionaries, the phrase matches, the date), and
`Replacements`, what a relation pass returns.

Reads nothing; holds no logic beyond a mention's CAMEO code, applying replacements and merging
mentions in text order.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field, replace

from spacy.tokens import Doc, Token

from newsevents.extract.actors.codes import join_code
from newsevents.extract.actors.dictionary import ActorDictionary, Entry
from newsevents.extract.actors.matching import PhraseMatch


@dataclass
class Mention:
    """One actor mention: a token span, its head, and the country, sector and titles found so far."""

    start: int  # token index
    end: int  # token index, exclusive
    head: int  # token index of the head word
    kind: str
    name: str
    entry: Entry | None = None
    country: str | None = None
    org: str | None = None
    sector: str | None = None
    role: str | None = None  # the role word heading a role mention ("official", "president")
    titles: set[str] = field(default_factory=set)
    person: bool = False
    gender: str | None = None
    plural: bool = False  # a "they": its antecedent is a group or a body
    definite: bool = False
    same_as: int | None = None  # index of a mention this one is known to co-refer with (apposition)
    entry_code: str | None = None  # the dictionary's code in force on the publication date
    party: Entry | None = None  # the party the mention is, or whose title it bears ("Tory leader X")
    same_as_mention: Mention | None = None  # a report's author, before the list is indexed
    peer: bool = False  # "Lord X", "Baroness Y": a legislator (LEG) when no mention of them says more

    @property
    def code(self) -> str | None:
        if self.sector in ("IGO", "NGO", "IMG") and self.entry_code:
            return self.entry_code
        return join_code(self.country, self.sector)


@dataclass(frozen=True)
class Scope:
    """What every pass reads and none changes: the parse, the dictionaries, the article's date."""

    doc: Doc
    tokens: tuple[Token, ...]  # indexing a Doc builds a Token each time; do it once
    book: ActorDictionary
    role_words: frozenset[str]
    match_at_start: dict[int, PhraseMatch]
    published: dt.date | None
    # Built by `finder.build_scope`: the acronyms are found with the scope itself
    acronym_sectors: dict[str, str] = field(default_factory=dict)  # "PCS" → "LAB", defined in the text


# What a relation pass returns: the index of each mention it gave something to, and the new record
# that replaces it (made with `dataclasses.replace`, never by changing the one it was given).
Replacements = dict[int, Mention]


def replaced(mentions: list[Mention], replacements: Replacements) -> list[Mention]:
    """A new list: `mentions` with each mention a pass gave something to replaced by its new record."""
    return [replacements.get(n, mention) for n, mention in enumerate(mentions)]


def merged_in_text_order(mentions: list[Mention], added: list[Mention]) -> list[Mention]:
    """`added` merged into `mentions` in text order, each apposition link (`same_as`, an index into the
    list) renumbered to the mention it pointed at: a new record where the number changes, no mention
    given is changed. The added mentions' own links are left to the caller (see `merge_positions`)."""
    if not added:
        return mentions
    position = merge_positions(mentions, added)
    relinked = [
        mention if mention.same_as is None else replace(mention, same_as=position[mention.same_as])
        for mention in mentions
    ]
    return sorted([*relinked, *added], key=lambda m: m.start)


def merge_positions(mentions: list[Mention], added: list[Mention]) -> list[int]:
    """Where each of `[*mentions, *added]` lands when they are merged in text order."""
    combined = [*mentions, *added]
    order = sorted(range(len(combined)), key=lambda k: combined[k].start)  # stable, as the merge's sort
    position = [0] * len(combined)
    for n, k in enumerate(order):
        position[k] = n
    return position
