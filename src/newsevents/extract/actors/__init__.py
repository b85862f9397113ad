"""Actors: mentions of people, organisations, countries and groups, coded CAMEO-style.

Reads the parsed `doc`; writes `ctx.actors`, one `Actor` per mention, each carrying the canonical
name and code of the entity it refers to, so later stages can use any mention ("he", "Reznikov",
"the official") as if it were the full name.
"""

from __future__ import annotations

from spacy.tokens import Doc

from newsevents.extract.actors.coref import Chains, chain_mentions
from newsevents.extract.actors.dictionary import ActorDictionary, dictionary_for
from newsevents.extract.actors.headline import with_headline_surnames
from newsevents.extract.actors.matching import phrase_index
from newsevents.extract.actors.mentions import Mention, find_mentions
from newsevents.extract.actors.setting import article_country, needs_setting
from newsevents.extract.context import ExtractContext
from newsevents.nlp.text import doc_tokens
from newsevents.types import Actor


def extract_actors(ctx: ExtractContext) -> None:
    book = dictionary_for(ctx.options.actor_dictionaries)
    index = phrase_index(ctx.options.model, ctx.options.actor_dictionaries)
    mentions = with_headline_surnames(ctx.doc, find_mentions(ctx.doc, book, index, ctx.published))
    chains = chain_mentions(ctx.doc, mentions)
    _share_attributes(mentions, chains)
    _country_from_possessor(ctx.doc, mentions)
    _country_from_setting(ctx.doc, book, mentions)
    names = {entity: mentions[n].name for entity, n in chains.representative.items()}
    ctx.actors = [
        _to_actor(ctx, m, chains.entity_of[n], names.get(chains.entity_of[n], m.name))
        for n, m in enumerate(mentions)
        if m.person or m.kind != "pronoun" or chains.entity_of[n] in chains.representative  # an "it" of no one
    ]
    ctx.index_actors()


def _share_attributes(mentions: list[Mention], chains: Chains) -> None:
    """What one mention of an entity tells (a country, a title) holds for all its mentions."""
    members: dict[int, list[Mention]] = {}
    for n, mention in enumerate(mentions):
        members.setdefault(chains.entity_of[n], []).append(mention)
    for entity, group in members.items():
        head = mentions[chains.representative[entity]] if entity in chains.representative else group[0]
        country, sector = head.country, head.sector
        if head.kind == "organisation" and head.sector is None:  # "Velmora ... the company"
            sector = next((m.sector for m in group if m.sector and m.kind != "pronoun"), None)
            country = country or next((m.country for m in group if m.country and m.sector == sector), None)
        office = None
        if head.person:  # a person's title or country may be told by any of the mentions
            country = country or next((m.country for m in group if m.country), None)
            office = next((m.sector for m in group if m.sector and m.kind != "pronoun" and not _party_only(m)), None)
            sector = office if office and (sector is None or _party_only(head)) else sector
            sector = sector or next((m.sector for m in group if m.sector and m.kind != "pronoun"), None)
            sector = sector or ("LEG" if any(m.peer for m in group) else None)  # "Baroness Cole" sits in the Lords
        for mention in group:
            if mention.kind == "pronoun" or mention.same_as is not None or mention.definite or mention is head:
                mention.country, mention.sector = country, sector
                mention.org = mention.org or head.org
                mention.entry_code = mention.entry_code or head.entry_code
            elif mention.person:  # "Lavrov" is the Foreign Minister too; "Russian" is not "Russians"
                mention.country = mention.country or country
                mention.sector = office if office and _party_only(mention) else mention.sector or sector


def _party_only(mention: Mention) -> bool:
    """ "Labour's Mr Reed", "Tory Ann Cole": a party and no office; a mayor or a minister named
    elsewhere in the article holds that office still (PTY/OPP only says which side they are on)."""
    return (
        mention.person
        and mention.party is not None
        and mention.sector in ("PTY", "OPP")
        and not any(not title.startswith("institution:") for title in mention.titles)
    )


def _country_from_setting(doc: Doc, book: ActorDictionary, mentions: list[Mention]) -> None:
    """ "Police said ...", "the council voted ...": in a story set in one country, that country's."""
    setting = article_country(doc, book, mentions)
    if setting is not None:
        for mention in mentions:
            if needs_setting(mention):
                mention.country = setting


def _country_from_possessor(doc: Doc, mentions: list[Mention]) -> None:
    """ "Moscow pulled its forces back": the forces belong to the clause's subject."""
    by_token = {i: m for m in mentions for i in range(m.start, m.end)}
    for mention in mentions:
        head = doc[mention.head]
        if mention.country or mention.role is None or not any(c.tag_ == "PRP$" for c in head.children):
            continue
        verb = head
        while verb.pos_ not in ("VERB", "AUX") and verb.head.i != verb.i:
            verb = verb.head
        subject = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
        owner = by_token.get(subject.i) if subject is not None else None
        if owner is not None and owner is not mention and owner.country:
            mention.country = owner.country


def _to_actor(ctx: ExtractContext, mention: Mention, entity: int, name: str) -> Actor:
    tokens = doc_tokens(ctx.doc)
    start = tokens[mention.start].idx
    last = tokens[mention.end - 1]
    end = last.idx + len(last.text)
    return Actor(
        start=start,
        end=end,
        text=ctx.text[start:end],
        name=name,
        country=mention.country,
        org=mention.org,
        sector=mention.sector,
        code=mention.code,
        kind=mention.kind,
        entity=entity,
    )
