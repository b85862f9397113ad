"""Who speaks: the cue's subject, resolved to an actor.

The actors stage chains pronouns and name variants to their entity, so normally the mention
under the subject already carries the canonical name and code. When no mention covers it we
fall back, in order: a pronoun takes the most recent earlier speaker or named person; a
definite role phrase ("the official") takes the earlier speaker whose phrase ends in the same
noun ("a senior Biden administration official"); any other noun phrase is returned as itself
(kind "other") so the speaker is still located in the text.

Pronouns take the nearest *compatible* antecedent: "he"/"she" a person of that gender (or of
unknown gender), "they" a group, organisation or country, "it" an organisation or country;
never a person named inside a quotation (the speaker is not the one spoken about). A subject
that cannot speak gives no speaker: a time ("Saturday said" is a misparse of "X on Saturday
said"), a bare "that"/"this", or an inanimate noun ("the balloons"); documents that carry
someone's words (a statement, letter, poll, report) do speak, and "a statement from X" is X's.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from spacy.tokens import Token

from newsevents.extract.context import ExtractContext
from newsevents.nlp.text import doc_ents
from newsevents.types import Actor

PERSONAL_PRONOUNS = frozenset({"he", "she", "they", "i", "we", "him", "her", "them"})
RELATIVE_PRONOUNS = frozenset({"who", "which", "that"})
DEMONSTRATIVES = frozenset({"that", "this", "these", "those"})
LOOKBACK_CHARS = 3000
PHRASE_STOPS = frozenset({"—", "–", "―", "--", ":", "(", ")", ";"})
SPEAKING_ENTITIES = frozenset({"PERSON", "ORG", "NORP", "GPE"})
TIME_ENTITIES = frozenset({"DATE", "TIME"})
MALE = frozenset({"he", "him", "his"})
FEMALE = frozenset({"she", "her", "hers"})
MALE_TITLES = frozenset({"mr", "mr.", "sir", "lord", "king", "prince", "father", "brother"})
FEMALE_TITLES = frozenset({"mrs", "mrs.", "ms", "ms.", "miss", "madam", "lady", "queen", "princess", "sister"})
# possessors that are people: what follows them and speaks is a person of theirs ("her deputy")
PERSON_POSSESSIVES = frozenset({"his", "her", "their", "my", "our", "your"})
ORGANISATION_KINDS = ("organisation", "government", "group", "country")
# Things whose words are someone's: they speak for their author ("the letter warned that …").
DOCUMENT_NOUNS = frozenset(
    {"statement", "letter", "report", "poll", "survey", "study", "memo", "document", "filing", "complaint",
     "lawsuit", "ruling", "order", "email", "tweet", "post", "article", "editorial", "column", "op", "ed", "ad",
     "advertisement", "release", "transcript", "record", "data", "result", "analysis", "research", "review",
     "audit", "investigation", "probe", "inquiry", "account", "message", "note", "speech", "remark", "comment",
     "interview", "book", "platform", "resolution", "law", "bill", "plan", "proposal", "budget", "estimate",
     "projection", "forecast", "count", "tally", "figure", "number", "finding", "evidence", "source", "website",
     "site", "page", "blog", "paper", "newspaper", "magazine", "network", "show", "program", "broadcast",
     "video", "footage", "census", "index", "model", "headline", "word",
     "sentence", "sign", "line", "caption", "text", "title", "passage", "clause", "section", "chapter",
     "polling", "average", "publication", "sample", "profile", "copy", "disclosure", "biography", "revelation",
     "reporting", "ranking", "rating", "opinion", "decision", "verdict", "view", "criticism", "history",
     "datum", "statistic", "chart", "map", "graph", "photo", "image", "picture", "screen", "banner",
     "manifesto", "motion", "judgment", "judgement", "petition", "submission", "guidance", "leaflet", "pamphlet"}
)  # fmt: skip
# Common nouns for people and bodies of people, which speak ("the committee said", "most voters").
SPEAKING_NOUNS = frozenset(
    {"campaign", "majority", "minority", "half", "dozen", "hundred", "thousand", "million", "colleague", "lady",
     "gentleman", "scholar", "justice", "faction", "boss", "couple", "admiral", "operative", "outlet", "institute",
     "bank", "airline", "prince", "princess", "king", "queen", "circle", "bloc", "coalition", "alliance",
     "movement", "network", "industry", "sector", "business", "market", "clergy", "church", "school",
     "university", "college", "hospital", "charity", "foundation", "think", "tank", "caucus", "chamber",
     "house", "senate", "congress", "parliament", "assembly", "cabinet", "regime", "authority", "force", "fraction",
     "tycoon", "magnate", "star", "husband", "wife", "son", "daughter", "mother", "father", "enemy",
     "organization", "organisation", "celebrity",
     "third", "quarter", "percent", "share", "most", "many", "some", "all", "none", "few", "both", "each",
     "others", "other", "one", "everyone", "everybody", "someone", "somebody", "anyone", "anybody", "nobody",
     "people", "person", "public", "audience", "crowd", "staff", "team", "family", "party", "side", "camp",
     "committee", "council", "board", "panel", "court", "jury", "police", "military", "army", "government",
     "administration", "agency", "department", "ministry", "office", "embassy", "company", "firm", "group",
     "union", "state", "city", "country", "nation", "world", "leadership", "establishment", "base", "voter",
     "guy", "man", "woman", "child", "kid", "boy", "girl", "youth", "adult", "citizen", "resident", "member",
     "aide", "ally", "rival", "opponent", "critic", "expert", "analyst", "official", "delegate", "candidate",
     "nominee", "chief", "head", "president", "senator", "governor", "mayor", "judge", "host", "anchor",
     "moderator", "student", "parent", "friend", "neighbor", "neighbour", "veteran", "activist", "protester",
     "advocate", "republican", "democrat", "independent", "conservative", "liberal", "progressive",
     "spokesman", "spokeswoman", "spokesperson", "representative", "lawmaker", "legislator", "diplomat",
     "envoy", "minister", "secretary", "director", "chairman", "chairwoman", "chair", "ceo", "founder",
     "owner", "leader", "supporter", "backer", "donor", "worker", "employee", "fan", "follower", "user",
     "economist", "scientist", "researcher", "historian", "strategist", "pollster", "consultant", "adviser",
     "advisor", "attorney", "lawyer", "prosecutor", "witness", "victim", "survivor", "doctor", "nurse",
     "teacher", "professor", "pastor", "priest", "bishop", "pope", "reporter", "journalist", "editor",
     "writer", "author", "commentator", "columnist", "observer", "insider", "officer",
     "soldier", "troop", "general", "commander", "agent", "detective", "investigator", "inspector", "auditor"}
)  # fmt: skip
# Endings of nouns for people ("organizer", "economist", "politician", "Republican", "congressman").
ACT_NOUN_ENDING = "ment"
PERSON_NOUN_ENDINGS = ("er", "or", "ist", "ian", "ant", "ent", "man", "men", "woman", "women", "crat", "ee", "ess")


def _phrase(head: Token) -> tuple[int, int]:
    """The subject phrase up to its head noun ("a senior Biden administration official"),
    never reaching back over a dash, colon or bracket (a dateline: "KYIV, Ukraine (AP) — …")."""
    first = head
    for token in reversed(head.doc[head.left_edge.i : head.i]):
        if token.text in PHRASE_STOPS or "\n" in token.text or (token.text == "-" and token.whitespace_):
            break  # a spaced hyphen is a dash ("claim - Name"); "well-known" is no break
        first = token
    start = first.idx
    end = head.idx + len(head.text)
    for child in head.rights:  # keep a name in apposition or a compound ("Flynn, a top surrogate")
        if child.dep_ in ("appos", "compound", "flat"):
            end = max(end, child.right_edge.idx + len(child.right_edge.text))
    return start, end


def resolve_speaker(
    ctx: ExtractContext,
    head: Token,
    earlier: Sequence[Actor],
    quoted: Sequence[tuple[int, int]] = (),
    spoken: Sequence[tuple[int, int]] = (),
) -> Actor | None:
    """The speaker for the subject `head`, or None when the subject cannot speak; `earlier`
    are the speakers found before it, in order; `quoted` the quoted passages of the text and
    `spoken` the contents of its attributions (quoted or reported)."""
    if head.ent_type_ in TIME_ENTITIES or _is_time(head):
        named = _name_before(head)
        return resolve_speaker(ctx, named, earlier, quoted, spoken) if named is not None else None
    if head.lower_ in DEMONSTRATIVES and not (head.lower_ == "that" and head.head.dep_ == "relcl"):
        return None
    actor = ctx.actor_for_token(head)
    if actor is not None and _chained_document(ctx, head, actor):
        actor = None  # "a report claims": a document is its own phrase's, not an entity chained from elsewhere
    if actor is not None and actor.kind != "pronoun":
        return replace(actor)
    personal = head.lower_ in PERSONAL_PRONOUNS or head.lower_ == "it"
    chained = actor is not None and actor.name and actor.name.lower() not in PERSONAL_PRONOUNS | {"it"}
    if actor is not None and chained and not personal and _named_outside_quotes(ctx, actor, quoted):
        return replace(actor)
    start, end = _phrase(head)
    text = ctx.text[start:end]
    mention = Actor(start=start, end=end, text=text, name=text, kind="other")
    described = _title_in_apposition(ctx, head) if actor is None and head.pos_ == "PROPN" else None
    if described is not None:
        return _adopt(mention, described)
    if head.lower_ in RELATIVE_PRONOUNS and head.head.dep_ == "relcl" and head.head.head.i != head.i:
        # "Sanders, who said …": the mention stays "who", the identity is the noun it modifies
        antecedent = ctx.actor_for_token(head.head.head)
        return _adopt(mention, antecedent) if antecedent is not None else mention
    if personal:
        mention.kind = "pronoun"
        outside = sorted((*quoted, *spoken))
        link = _chain_link(ctx, head.lower_, actor, outside) if actor is not None and chained else None
        return _antecedent(ctx, head, mention, earlier, outside, link)
    if head.pos_ == "NOUN" and head.is_lower and not _can_speak(head):
        return None
    author = _author(ctx, head)
    if author is not None:
        return _adopt(mention, author)
    if head.pos_ == "NOUN" and head.left_edge.lower_ == "the":
        return _same_role(mention, head, earlier)
    return mention


def _chained_document(ctx: ExtractContext, head: Token, actor: Actor) -> bool:
    """A bare document noun ("a report claims") the actors stage chained to a body the article names only
    later, with other names in between: that body is not its author. (After "a report by the audit office",
    "the report" is the office's; "a report says. | The audit office found ..." names its author next.)"""
    named = (actor.name or "").lower()
    if head.lemma_.lower() not in DOCUMENT_NOUNS or not named or named in actor.text.lower() or actor.entity < 0:
        return False
    mentions = [a.start for a in ctx.actors if a.entity == actor.entity and a.start != actor.start]
    first = min(mentions, default=actor.start)
    if first < actor.start:
        return False
    return any(a.entity != actor.entity for a in ctx.actors_in(actor.end, first))


def _is_time(head: Token) -> bool:
    return head.pos_ in ("NOUN", "PROPN") and head.lemma_.lower() in TIME_WORDS


TIME_WORDS = frozenset(
    {"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "today", "yesterday",
     "tonight", "morning", "afternoon", "evening", "night", "week", "weekend", "month", "year", "day", "hour",
     "minute", "moment", "time", "decade", "season"}
)  # fmt: skip


def _name_before(head: Token) -> Token | None:
    """`Senator Smith on Saturday said`: the nearest name before the time in its sentence."""
    for token in reversed(head.doc[head.sent.start : head.left_edge.i]):
        if token.text in PHRASE_STOPS or "\n" in token.text:
            break
        if token.ent_type_ in SPEAKING_ENTITIES:
            return token
    return None


def _can_speak(head: Token) -> bool:
    """A common noun that names people, a body, or a document that carries words."""
    if head.ent_type_ in SPEAKING_ENTITIES:
        return True
    lemma = head.lemma_.lower()
    if lemma in DOCUMENT_NOUNS | SPEAKING_NOUNS or head.lower_ in DOCUMENT_NOUNS | SPEAKING_NOUNS:
        return True
    if any(c.dep_ in ("compound", "amod") and c.ent_type_ in SPEAKING_ENTITIES for c in head.children):
        return True  # "the Clinton statement", "Republican leaders"
    if any(
        c.dep_ == "poss" and (c.lower_ in PERSON_POSSESSIVES or c.ent_type_ in SPEAKING_ENTITIES) for c in head.children
    ):
        return True  # someone's own people speak: "her deputy", "his lawyers", "the senator's chief of staff"
    # "-ment" nouns name acts and their results ("the argument", "the settlement"), never people
    return lemma.endswith(PERSON_NOUN_ENDINGS) and not lemma.endswith(ACT_NOUN_ENDING)


def _author(ctx: ExtractContext, head: Token) -> Actor | None:
    """ "A statement from the White House", "his letter", "the campaign's memo": the author."""
    if head.lemma_.lower() not in DOCUMENT_NOUNS:
        return None
    for child in head.children:
        if child.dep_ == "poss":
            return ctx.actor_for_token(child)
        if child.dep_ == "prep" and child.lower_ in ("from", "by"):
            obj = next((o for o in child.children if o.dep_ == "pobj"), None)
            if obj is not None:
                return ctx.actor_for_token(obj)
    return None


def _title_in_apposition(ctx: ExtractContext, head: Token) -> Actor | None:
    """ "Ann O' Hara, editor of X magazine, said": a name the NER missed is the person its title in
    apposition describes, with that title's code."""
    for child in head.rights:
        titled = ctx.actor_for_token(child) if child.dep_ == "appos" else None
        if titled is not None and titled.kind == "person" and titled.code is not None:
            return titled
    return None


def _adopt(mention: Actor, source: Actor) -> Actor:
    """The mention's place in the text with the source entity's identity."""
    return replace(source, start=mention.start, end=mention.end, text=mention.text)


def _antecedent(
    ctx: ExtractContext,
    head: Token,
    mention: Actor,
    earlier: Sequence[Actor],
    spoken: Sequence[tuple[int, int]],
    link: Actor | None = None,
) -> Actor:
    """The nearest earlier actor that agrees with the pronoun, outside what is quoted or reported,
    preferring speakers and clause subjects to names met in passing ("the MP for Leeds", "sits on
    its board"). `link` is the entity the actors stage chained the pronoun to, at its latest
    mention outside any content; it stands for all that entity's mentions."""
    pronoun = head.lower_
    if pronoun in ("i", "we"):
        return mention
    since = max(0, head.idx - LOOKBACK_CHARS)
    speakers = [s for s in earlier if s.kind != "pronoun" and since <= s.start < head.idx]
    # every candidate lies in [since, head.idx): only the spans reaching into that window can hold one
    spoken = [(s, e) for s, e in spoken if e >= since and s < head.idx]
    candidates = [a for a in ctx.actors_in(since, head.idx) if not _within(a, spoken)]
    # spaCy's names the actors stage does not know ("Blair" inside "Mr Blair" is the coded mention)
    candidates += [p for p in _people_from_entities(ctx, since, head.idx, spoken) if not _overlaps(p, candidates)]
    if link is not None:
        candidates = [c for c in candidates if c.entity != link.entity or c.entity < 0] + [link]
    agreeing = [c for c in candidates if _agrees(ctx, pronoun, c) and not _speaker_covers(c, speakers)]
    prominent = [c for c in agreeing if c is link or _is_subject(ctx, c)]
    prominent += [s for s in speakers if _agrees(ctx, pronoun, s)]
    pool = prominent or agreeing
    if not pool:
        return mention
    return _adopt(mention, max(pool, key=lambda c: (c.start, c is link)))


def _is_subject(ctx: ExtractContext, actor: Actor) -> bool:
    span = ctx.doc.char_span(actor.start, actor.end, alignment_mode="expand")
    if span is None or not len(span):
        return False
    root = span.root
    while root.dep_ in ("appos", "compound", "flat", "conj") and root.head.i != root.i:
        root = root.head
    return root.dep_ in ("nsubj", "nsubjpass")


def _overlaps(person: Actor, actors: Sequence[Actor]) -> bool:
    return any(a.start < person.end and person.start < a.end for a in actors)


def _speaker_covers(candidate: Actor, speakers: Sequence[Actor]) -> bool:
    """A name inside a speaker's own phrase is that speaker's ("the MP for Leeds")."""
    return any(s.start <= candidate.start and candidate.end <= s.end and s.entity != candidate.entity for s in speakers)


def _chain_link(ctx: ExtractContext, pronoun: str, actor: Actor, spoken: Sequence[tuple[int, int]]) -> Actor | None:
    """The latest mention, outside any quoted or reported content, of the entity the actors stage
    chained the pronoun to, when it agrees with the pronoun; None when there is no such mention
    (a person only spoken about: "'Mr Lee was hurt,' he said" is not Mr Lee speaking)."""
    if actor.entity < 0:
        return None
    earlier = ctx.actors_in(max(0, actor.start - LOOKBACK_CHARS), actor.start)
    named = [a for a in earlier if a.entity == actor.entity and a.kind != "pronoun" and not _within(a, spoken)]
    if not named or not _agrees(ctx, pronoun, named[-1]):
        return None
    return replace(actor, start=named[-1].start, end=named[-1].end, kind=named[-1].kind)


def _agrees(ctx: ExtractContext, pronoun: str, candidate: Actor) -> bool:
    if pronoun in ("they", "them"):
        return candidate.kind in (*ORGANISATION_KINDS, "other")
    if pronoun == "it":
        return candidate.kind in ("organisation", "government", "country")
    if candidate.kind not in ("person", "other"):
        return False
    if _is_document(candidate):
        return False  # "the latest footage", "the report" are no "he" or "she"
    gender = _gender(ctx, candidate)
    return gender is None or (gender == "male") == (pronoun in MALE)


def _is_document(candidate: Actor) -> bool:
    return candidate.kind == "other" and candidate.text.split()[-1].lower().rstrip("s") in DOCUMENT_NOUNS


def _gender(ctx: ExtractContext, person: Actor) -> str | None:
    """What the text says of a person's gender: a title before the name ("Mrs. Clinton")."""
    if person.text.lower() in MALE | FEMALE:  # a speaker met as "he" or "she"
        return "male" if person.text.lower() in MALE else "female"
    before = ctx.text[max(0, person.start - 6) : person.start].split()
    words = [w.lower() for w in before[-1:]] + [w.lower() for w in person.text.split()[:1]]
    if any(w in MALE_TITLES for w in words):
        return "male"
    if any(w in FEMALE_TITLES for w in words):
        return "female"
    noun = person.text.split()[-1].lower() if person.text.split() else ""
    if noun.endswith(("woman", "women")) or noun in FEMALE_NOUNS:
        return "female"
    if noun in MALE_NOUNS:
        return "male"
    return _chained_gender(ctx, person)


# Nouns for people that say their gender ("the spokesman … she" is someone else).
MALE_NOUNS = frozenset(
    "spokesman chairman congressman businessman policeman councilman alderman statesman husband father son "
    "brother uncle nephew king prince duke lord boy".split()
)
FEMALE_NOUNS = frozenset("wife mother daughter sister aunt niece queen princess duchess lady girl".split())


def _chained_gender(ctx: ExtractContext, person: Actor) -> str | None:
    """A pronoun the actors stage chained to the same entity ("Mrs. Jones … she")."""
    if person.entity < 0:
        return None
    for actor in ctx.actors:
        if actor.kind == "pronoun" and actor.entity == person.entity:
            word = actor.text.lower()
            if word in MALE:
                return "male"
            if word in FEMALE:
                return "female"
    return None


def _named_outside_quotes(ctx: ExtractContext, pronoun: Actor, quoted: Sequence[tuple[int, int]]) -> bool:
    """The actors stage chained the pronoun to an entity: trust it unless every earlier
    mention of that entity is inside a quotation (the person spoken about, not the speaker)."""
    if pronoun.entity < 0:
        return True
    earlier = ctx.actors_in(max(0, pronoun.start - LOOKBACK_CHARS), pronoun.start)
    return any(a.entity == pronoun.entity and a.kind != "pronoun" and not _inside(a, quoted) for a in earlier)


def _inside(actor: Actor, quoted: Sequence[tuple[int, int]]) -> bool:
    return any(s < actor.start and actor.end <= e for s, e in quoted)


def _within(actor: Actor, spans: Sequence[tuple[int, int]]) -> bool:
    """Inside a quotation (past its opening mark) or anywhere in a reported content."""
    return any(s <= actor.start and actor.end <= e for s, e in spans)


def _people_from_entities(
    ctx: ExtractContext, since: int, before: int, quoted: Sequence[tuple[int, int]]
) -> list[Actor]:
    """spaCy's person entities, for names the actors stage does not know."""
    people = []
    for ent in reversed(doc_ents(ctx.doc)):
        if ent.start_char < since:
            break
        if ent.label_ == "PERSON" and ent.end_char <= before:
            person = Actor(ent.start_char, ent.end_char, ent.text, name=ent.text, kind="person")
            if not _within(person, quoted):
                people.append(person)
    return people


def _same_role(mention: Actor, head: Token, earlier: Sequence[Actor]) -> Actor:
    noun = head.lower_
    for speaker in reversed(earlier):
        words = speaker.text.lower().split()
        if words and words[-1] == noun and len(words) > 2:
            return _adopt(mention, speaker)
    return mention
