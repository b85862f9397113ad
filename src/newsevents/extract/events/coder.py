"""One sentence to its events: triggers, then actor pairs, then modality and codes."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import replace
from itertools import pairwise

from spacy.tokens import Span, Token

from newsevents.extract.context import ExtractContext
from newsevents.extract.events.codebook import CameoCode, codebook, compose
from newsevents.extract.events.dictionary import SUPPORT, VerbDictionary
from newsevents.extract.events.framing import Framed, accusation, alleged, duties, duty_frame, reframe
from newsevents.extract.events.matcher import (
    Nominal,
    Trigger,
    find_nominals,
    is_event_noun,
    match,
    noun_code,
    verb_lemma,
)
from newsevents.extract.events.modality import (
    SPEECH,
    head_lemma,
    modality,
    no_doer,
    not_an_act,
    poll_result,
    present_habit,
    refusal,
    speech_head,
)
from newsevents.extract.events.roles import (
    WEAPON_CODES,
    act_victims,
    actors_of,
    cause_noun,
    clause_subject_actors,
    departure_targets,
    is_passive,
    is_weapon,
    letter_addressees,
    location_targets,
    origin_sources,
    owner_actors,
    sender_actors,
    sources_of,
    subject_heads,
    targets_of,
    unresolved_pronouns,
)
from newsevents.extract.events.statements import is_audience
from newsevents.extract.syntax import gerund_conjunct, reporting_conjunct
from newsevents.nlp.text import children_of, doc_heads, span_tokens
from newsevents.types import Actor, CharRange, Event, Modality
from newsevents.types import Span as TextSpan

# Interactions coded both ways when two subjects act together and no one else is named:
# "Putin and Macron met" is a meeting of each with the other.
# Acts two subjects do with each other: "X and Y met / cooperated / signed a deal" is X to Y and Y to X.
SYMMETRIC_ROOTS = frozenset({"04", "06"})
SYMMETRIC_CODES = frozenset({"057", "050", "036", "037"})
# ... but not a visit, a hosting or a mediation: "Blair and Brown visited the plant" is no visit to each other.
ONE_WAY_CODES = frozenset({"042", "043", "045"})
# An intent (03) is shared only when it is about the subjects' dealings with each other ("X and Y agreed to
# cooperate", "seek to deepen their partnership", "vowed to work together"); "X and Y pledged to cut
# emissions" are two pledges made to others, never to each other.
MUTUAL_LEMMAS = frozenset(
    "agree cooperate cooperation co-operate co-operation partnership partner tie relation relationship alliance "
    "talk negotiate negotiation reconcile reconciliation together jointly".split()
)
INTENT_ROOT = "03"
# A statement only counts when it is addressed to someone; "said" alone is not an interaction.
NEEDS_TARGET_ROOTS = frozenset({"01"})
# Statements and consultations: reporters and audiences are not targets (CODING.md)
AUDIENCE_ROOTS = frozenset({"01", "04"})
# Likewise talking, calling and hosting: "he called", "Manchester will host" name no interaction.
NEEDS_TARGET_CODES = frozenset({"040", "041", "043"})
COOPERATION_ROOTS = frozenset({"03", "04", "05", "06", "07", "08"})
# Appeals, demands, accusations and threats address the subject of their that-clause when nobody
# else is named: "demanded that Mugabe abandon his policy" is a demand on Mugabe.
ADDRESSEE_ROOTS = frozenset({"02", "10", "11", "13"})
# acts that a letter can carry to its addressee: "in a letter to X, Y apologised / promised / rejected"
MESSAGE_ROOTS = frozenset({"01", "03", "05", "12"})
# Hosting someone is their visit, seen from the host: "X received Y" is also Y visiting X (042).
MIRRORED = {"043": "042"}
# Negotiating is done by both sides at once: "Iran negotiated with the EU" is also the EU negotiating with Iran.
MUTUAL_CODES = frozenset({"046"})
CONSULT_ROOT = "04"
MEETING_CODES = frozenset({"040", "043", "046"})  # meeting, hosting, negotiating: what a purpose clause repeats
# Claims of responsibility and condolences are addressed to the victims of the act they are about.
ABOUT_ACT_CODES = frozenset({"015", "016", "018"})
# Withdrawals (087x) concern the place left, not the destination: "withdrew from Syria to Israel".
WITHDRAWAL = "087"
UNNAMED_SOURCE_ROOTS = frozenset({"17", "18", "19", "20"})
# One-sided acts whose target, when nobody is named, is the country where they happen (CAMEO practice).
LOCATION_TARGET_ROOTS = frozenset({"07", "09", "08", "14", "15", "17", "18", "19", "20"})
LOCATION_TARGET_CODES = frozenset({"042", "043", "044", "074"})
# Sectors whose members use force (CAMEO agent codes): military, rebels, police, spies, insurgents, ...
ARMED_SECTORS = frozenset({"MIL", "REB", "COP", "SPY", "UAF", "INS", "SEP", "IMG"})
VISIT_CODES = frozenset({"042", "043"})
# Actor kinds that are someone rather than somewhere (cities, regions and countries are places).
ACTOR_KINDS = frozenset({"person", "organisation", "government", "group", "pronoun"})
# Showing military force (15x) is done by armed forces or states: "parties built up their war chests" is not.
POSTURE_ROOTS = frozenset({"15"})
OWNING_PRONOUNS = frozenset({"its", "their", "his", "her", "our", "my"})
# Family members: meeting "his future wife" is private life, not an interaction (sense8); a stance taken on
# one's relative ("denounced her father's actions") is public and stays.
KIN_NOUNS = frozenset(
    "wife husband spouse partner fiancee fiance girlfriend boyfriend son daughter mother father brother sister "
    "parent child grandmother grandfather grandson granddaughter uncle aunt cousin nephew niece".split()
)
# An invitation or offer to take a seat or a post: accepting it is taking the post, not agreeing to meet (036).
MEETING_INTENT_CODE = "036"
POST_VERBS = frozenset({"join", "enter", "become", "serve", "sit", "take", "stand", "head", "lead", "chair"})
GATHERING_NOUNS = frozenset({"talk", "negotiation", "meeting", "summit", "discussion", "dialogue", "conference"})
# A meeting at a place with nobody named: "met his wife at university" (one person meets no one).
GATHERING_CODES = frozenset({"044"})
PLURAL_PRONOUNS = frozenset({"we", "they", "us", "them"})
COLLECTIVE_NOUNS = frozenset({"executive", "committee", "board", "panel", "council", "cabinet", "team", "group"})
PROTEST_ROOT = "14"
# Material acts (protest, force posture, coercion, assault, fighting): in the simple present they tell a routine.
MATERIAL_ROOTS = frozenset({"14", "15", "17", "18", "19", "20"})
# Modalities of an act that did not (yet) happen, and the root a negated act of will is recoded to ("would not meet")
UNREALISED = frozenset({"hypothetical", "negated"})
REFUSAL_ROOT = "12"
# Quotes in the speaker's own words, where a supposed act is talk; a denied act is talk in reported speech too.
SPOKEN_QUOTES = frozenset({"direct", "mixed"})
QUOTE_KINDS = frozenset({"direct", "mixed", "indirect"})
# Modals that make an act in speech a duty the speaker sees ("should", "must"), not a plan ("will", "would").
DUTY_MODALS = frozenset({"must", "should", "ought"})
PROMISE_ROOT = "03"  # intents and promises; a negated one is recoded as a refusal (12x)
PROMISE_WORDS = frozenset({"promise", "guarantee", "pledge", "assurance", "commitment", "undertaking"})
# Captions place people in a picture and credit it.
INDEFINITE_DETERMINERS = frozenset({"a", "an", "another", "some"})
# Bodies a promise brings into being: "promised an inquiry", "pledged a campaign" name no one promised to.
PROMISED_BODIES = frozenset({"campaign", "inquiry", "review", "commission", "investigation", "taskforce", "task"})
POSITION_WORDS = frozenset({"left", "right", "centre", "center", "pictured", "above", "below", "top", "bottom"})
CREDIT_WORDS = frozenset({"photo", "photograph", "picture", "image", "credit"})
# Participles of blame that mark an attack as verbal ("attacked X, accusing them of ...").
ACCUSING = frozenset({"accuse", "blame", "call", "describe", "brand", "label", "condemn", "criticise", "criticize"})
WORDY_SECTORS = frozenset({"ELI", "OPP", "PTY", "LEG", "MED", "JUD", "EDU", "BUS", "LAB", "NGO", "HRI"})


# Roots of speech acts: a quote's speaker appealing, promising, demanding, criticising, rejecting or
# threatening in the quote's own words ("'We ask them to join us,' he said") is that statement's code.
SPEECH_ACT_ROOTS = frozenset({"02", "03", "10", "11", "12", "13"})
# A speaker's "I say to ..." or "I tell you ..." inside the quote is the quoted speech act itself, told in the
# first person and the present tense: not a second statement ("'I say to the farmers: join us,' he said").
PERFORMATIVE_SPEECH = frozenset({"say", "tell"})


def _depth(token: Token) -> int:
    heads = doc_heads(token.doc)  # climbs by index: `token.head` builds a new Token per step
    i, depth = token.i, 0
    while heads[i] != i and depth < 50:
        i = heads[i]
        depth += 1
    return depth


def find_triggers(sentence: Span, dictionary: VerbDictionary) -> Iterator[Trigger]:
    """Triggers of the sentence; outer verbs first, so they can absorb the verbs they govern."""
    candidates = [t for t in span_tokens(sentence) if t.pos_ == "VERB" and verb_lemma(t, dictionary)]
    consumed: set[int] = set()
    for verb in sorted(candidates, key=_depth):
        if verb.i in consumed:
            continue
        trigger = match(verb, dictionary)
        if trigger is not None:
            consumed.update(t.i for t in trigger.tokens)
            yield trigger


def _key(actor: Actor) -> object:
    return actor.entity if actor.entity >= 0 else (actor.name, actor.country, actor.org)


def _same(a: Actor, b: Actor) -> bool:
    return a.same_entity(b) or _key(a) == _key(b) or a is b


def _unnamed_perpetrator(trigger: Trigger, entry: CameoCode, targets: list[Actor], dictionary: VerbDictionary) -> bool:
    """Violence against a named victim by no one named: "three soldiers were killed", "a roadside
    bomb killed two civilians". Kept with an empty source, as GDELT keeps one-actor events."""
    if not targets or entry.root not in UNNAMED_SOURCE_ROOTS:
        return False
    if is_passive(trigger.verb):
        return True
    subjects = [c for c in trigger.verb.children if c.dep_ == "nsubj"]
    return bool(subjects) and all(is_event_noun(s, dictionary) for s in subjects)


def reciprocal(entry: CameoCode, tokens: tuple[Token, ...]) -> bool:
    """Whether coordinated subjects with no other target act on each other (CODING.md: "X and Y" is one
    event per conjunct; only a meeting, a cooperation, an agreement is also between them)."""
    if entry.code in ONE_WAY_CODES or _purpose_of_meeting_others(tokens):
        return False
    if entry.code in SYMMETRIC_CODES or entry.root in SYMMETRIC_ROOTS:
        return True
    if entry.root != INTENT_ROOT:
        return False
    said = [w for token in tokens for w in _predicate(token)]
    return any(w.lemma_.lower() in MUTUAL_LEMMAS or _each_other(w) for w in said)


def _repeats_head_act(trigger: Trigger, dictionary: VerbDictionary) -> bool:
    """One act told by two verbs, coded once at the head (CODING.md: one event per act): a meeting's purpose
    ("the leaders met to discuss trade") and a participle telling how a statement was made ("has written to
    the men, telling them ...")."""
    verb = trigger.verb
    if verb.dep_ not in ("xcomp", "advcl") or verb.head.i == verb.i or verb.head.pos_ != "VERB":
        return False
    purpose = trigger.code[:2] == CONSULT_ROOT and any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)
    manner = verb.tag_ == "VBG" and verb.dep_ == "advcl"
    if not (purpose or manner):
        return False
    head = match(verb.head, dictionary)
    if head is None:
        return False
    return head.code in MEETING_CODES if purpose else head.code == trigger.code


def _purpose_of_meeting_others(tokens: tuple[Token, ...]) -> bool:
    """ "X and Y met union leaders to discuss the strike": the purpose infinitive of a verb with its own object
    is done with that object, not between the subjects."""
    verb = next((t for t in tokens if t.pos_ == "VERB"), None)
    return (
        verb is not None
        and verb.dep_ in ("xcomp", "advcl")
        and any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)
        and any(c.dep_ == "dobj" for c in verb.head.children)
    )


def _predicate(verb: Token) -> list[Token]:
    """The words of a verb's phrase without its subject: "agreed to work together", not "the partners"."""
    subjects = {w.i for c in verb.children if c.dep_ in ("nsubj", "nsubjpass") for w in c.subtree}
    return [w for w in verb.subtree if w.i not in subjects]


def _each_other(token: Token) -> bool:
    return token.lower_ in ("other", "another") and token.i > 0 and token.nbor(-1).lower_ in ("each", "one")


def actor_pairs(sources: list[Actor], targets: list[Actor], symmetric: bool) -> list[tuple[Actor, Actor | None]]:
    """At most one pair per (source, target) entity; never an actor acting on itself."""
    if symmetric and not targets and len(sources) > 1:
        candidates: list[tuple[Actor, Actor | None]] = [(s, t) for s in sources for t in sources]
    elif targets:
        candidates = [(s, t) for s in sources for t in targets]
    else:
        candidates = [(s, None) for s in sources]
    pairs: list[tuple[Actor, Actor | None]] = []
    seen: set[tuple[object, object]] = set()
    for source, target in candidates:
        key = (_key(source), _key(target) if target else None)
        if (target is not None and _same(source, target)) or key in seen:
            continue
        seen.add(key)
        pairs.append((source, target))
    if not pairs and targets:
        # every target was the source itself ("Croatia investigates Croatian extremists" when the
        # demonym is chained to the country): keep the act, without a target
        pairs = [(source, None) for source in sources]
    return pairs


def _state_or_armed(actor: Actor) -> bool:
    return actor.sector in ARMED_SECTORS or actor.sector == "GOV" or actor.kind in ("country", "government")


def _political_speaker(actor: Actor) -> bool:
    """People, parties, parliaments and media, and ministers or officials as a group: their "attacks" are
    usually words (a government or a state as a whole may attack by force)."""
    return actor.kind in ("person", "pronoun") or actor.sector in WORDY_SECTORS or _officials(actor)


def _officials(actor: Actor) -> bool:
    return actor.kind == "group" and actor.sector == "GOV"


def _politician(actor: Actor) -> bool:
    """A named politician or official: one attacked by a non-armed speaker is criticised, not shot at."""
    return actor.kind == "person" and (actor.sector in WORDY_SECTORS or actor.sector == "GOV")


def _armed_conflict(sources: list[Actor], targets: list[Actor], strict: bool, spoken: bool = False) -> bool:
    """Whether force words can be literal. "attacked" (strict=False) is figurative only when every
    source is a political speaker; "hit", "target", "fight" (strict=True), which are mostly
    figurative in political news, need an armed group or a state as a whole. A speaker who
    "attacked the French, saying ..." (`spoken`) attacks in words even when the target is a country."""
    if any(a.sector in ARMED_SECTORS for a in (*sources, *targets)):
        return True
    if any(a.kind == "country" for a in sources) or (not spoken and any(a.kind == "country" for a in targets)):
        return True
    if not strict and sources and targets and all(_politician(t) for t in targets):
        return False  # "the government attacked the opposition leader": words
    return not strict and not (sources and all(_political_speaker(s) for s in sources))


def _said_while(verb: Token) -> bool:
    """The act is done while speaking: "attacked the plan, saying ...", "hit out at X, accusing them of ..."."""
    return any(
        child.dep_ == "advcl" and child.tag_ == "VBG" and head_lemma(child) in SPEECH | ACCUSING
        for child in children_of(verb)
    )


def _shows_a_fact(verb: Token) -> bool:
    """A protest verb with a that-clause or a wh-clause as its object means showing: "demonstrated that ...",
    "demonstrated how ..." (a protest is done, not shown)."""
    return any(
        child.dep_ == "ccomp" or (child.dep_ in ("dobj", "mark") and child.lower_ in ("that", "how", "what", "why"))
        for child in verb.children
    )


def _own_part(ctx: ExtractContext, target: Actor, sources: list[Actor]) -> bool:
    """ "Moscow pulled its forces back", "the council cut its own budget": a target the source owns,
    marked by a possessive pronoun, is the source acting on itself, not a second actor."""
    span = ctx.doc.char_span(target.start, target.end, alignment_mode="expand")
    if span is None or not len(span):
        return False
    owners = [c for c in span.root.children if c.dep_ == "poss" and c.lower_ in OWNING_PRONOUNS]
    # "hailed his chancellor", "met her deputy": a person is an actor of their own, not a part of the source
    if not owners or target.kind == "person" or _owned_by_other(ctx, owners[0], sources):
        return False
    return any(target.country in (None, s.country) for s in sources)


def _own_kin(ctx: ExtractContext, target: Actor) -> bool:
    """The target is a family member under a possessive pronoun ("his future wife"), or in apposition to one
    ("his wife, now an MEP"): the source's private life, not a second actor it deals with."""
    span = ctx.doc.char_span(target.start, target.end, alignment_mode="expand")
    if span is None or not len(span):
        return False
    return _kin(span.root.head if span.root.dep_ == "appos" else span.root)


def _family_object(verb: Token) -> bool:
    """The verb's first direct object is the subject's own relative: "met his future wife Jane, now a councillor"
    (the parser may take the description for a second object, and that one for the target)."""
    objects = [c for c in verb.children if c.dep_ == "dobj"]
    return bool(objects) and _kin(objects[0])


def _kin(noun: Token) -> bool:
    """ "his wife", "her brother", or a name the kin word modifies ("his wife Jane", parsed as a compound)."""
    children = list(noun.children)
    kin = noun.lemma_.lower() in KIN_NOUNS or any(
        c.dep_ == "compound" and c.lemma_.lower() in KIN_NOUNS for c in children
    )
    return kin and any(c.dep_ == "poss" and c.lower_ in OWNING_PRONOUNS for c in children)


def _invited_to_a_post(trigger: Trigger) -> bool:
    """ "accepted an invitation to join the board", "... to become a peer": the invitation's own infinitive names
    a seat or a post to take, not a meeting; "... to visit Moscow" or "... to join the talks" stays 036."""
    return trigger.code == MEETING_INTENT_CODE and any(
        c.dep_ == "acl"
        and c.lemma_.lower() in POST_VERBS
        and any(a.lower_ == "to" for a in c.children)
        and not any(o.dep_ == "dobj" and o.lemma_.lower() in GATHERING_NOUNS for o in c.children)
        for noun in trigger.nouns
        for c in noun.children
    )


def _meets_nobody(trigger: Trigger, entry: CameoCode, targets: list[Actor], together: bool) -> bool:
    """ "met at a conference", "met his wife in 1970": the verb "meet" read as a meeting at a place (044) with no
    one named to meet and no co-subject ("attended the meeting" names a gathering, and is left alone)."""
    return entry.code in GATHERING_CODES and not targets and not together and trigger.verb.lemma_.lower() == "meet"


def _one_person(ctx: ExtractContext, actor: Actor) -> bool:
    """A single person (a name, "the minister", "he"), not a group or a body that meets among itself."""
    span = ctx.doc.char_span(actor.start, actor.end, alignment_mode="expand")
    if span is None or not len(span) or actor.kind not in ("person", "pronoun"):
        return False
    root = span.root
    return root.tag_ not in ("NNS", "NNPS") and root.lower_ not in PLURAL_PRONOUNS | COLLECTIVE_NOUNS


def _owned_by_other(ctx: ExtractContext, pronoun: Token, sources: list[Actor]) -> bool:
    """ "the senator praised the court and its judges": a possessive resolved to someone other than the source."""
    owner = ctx.actor_for_token(pronoun)
    return owner is not None and owner.entity >= 0 and not any(_same(owner, s) for s in sources)


def _promised_thing(target: Actor, verb: Token) -> bool:
    """ "promised a new campaign", "pledged an inquiry", "promised the most positive campaign ever": an indefinite
    object of a promise, or a campaign or inquiry it sets up, is what is promised, not whom the promise is made
    to ("promised voters a say": the dative is; "promised the unions that ...": the unions are)."""
    return any(
        child.dep_ == "dobj"
        and target.start <= child.idx < target.end
        and (
            child.lemma_.lower() in PROMISED_BODIES
            or any(d.dep_ == "det" and d.lower_ in INDEFINITE_DETERMINERS for d in child.children)
        )
        for child in verb.children
    )


def _home_place(target: Actor, sources: list[Actor]) -> bool:
    """A place in the visitor's own country ("toured Yorkshire", "will visit Leeds"): travel at home is no
    visit between actors."""
    return (
        target.kind not in ACTOR_KINDS
        and target.code == target.country
        and any(s.country == target.country for s in sources)
    )


def _in_quote(start: int, quotes: tuple[tuple[int, int], ...]) -> bool:
    return any(q_start <= start < q_end for q_start, q_end in quotes)


def _roles(ctx: ExtractContext, trigger: Trigger) -> tuple[list[Actor], list[Actor]]:
    sources = sources_of(ctx, trigger.verb)
    targets: list[Actor] = []
    if trigger.code[:2] in ("02", "10") and trigger.pattern.bare:
        # "demanded the withdrawal of Serbian forces": those asked to act are the ones the noun names
        targets = [a for a in owner_actors(ctx, trigger.nouns) if all(not a.same_entity(s) for s in sources)]
    if trigger.code[:3] == WITHDRAWAL:
        targets = departure_targets(ctx, trigger.verb)
    targets = targets or targets_of(ctx, trigger.verb, trigger.nouns)
    if not targets and trigger.inner is not None and trigger.inner.dep_ == "ccomp":
        targets = sources_of(ctx, trigger.inner)  # "demanded that Israel ease": Israel is asked
    if not targets and trigger.inner is not None:
        targets = targets_of(ctx, trigger.inner, trigger.nouns)
    if not targets and trigger.code[:2] == CONSULT_ROOT and _purpose_of_meeting_others(trigger.tokens):
        targets = targets_of(ctx, trigger.verb.head)  # "met union leaders to discuss ...": discussed with them
    if not targets and trigger.pattern.code != SUPPORT:
        targets = owner_actors(ctx, trigger.nouns)
    if not targets and trigger.code[:2] in ADDRESSEE_ROOTS | MESSAGE_ROOTS:
        targets = letter_addressees(ctx, trigger.verb)
    if not targets and trigger.code[:2] in ADDRESSEE_ROOTS:
        targets = clause_subject_actors(ctx, trigger.verb)
    if not targets and (pronouns := unresolved_pronouns(ctx, trigger.verb)):
        # "Israel said a rocket was fired at it": "it" is Israel, told at the pronoun's own place
        targets = [_at(reporter, pronouns[0]) for reporter in _reporter(ctx, trigger.verb)[:1]]
    # the one a release is appealed for is not the one appealed to (`class undergoer` in verbs.tsv)
    targets = [t for t in targets if not any(t.start <= u.idx < t.end for u in trigger.undergoers)]
    if trigger.pattern.inverse:
        return targets or sender_actors(ctx, trigger.nouns), sources
    return sources, targets


def _framing_speech(trigger: Trigger) -> bool:
    """ "Speaking to the BBC, the minister said ...": the participle sets the scene of the speech act the
    main verb reports; coding it as a consultation would count one act twice (and the medium as its target)."""
    verb = trigger.verb
    return (
        trigger.code[:2] == "04"
        and verb.tag_ == "VBG"
        and verb.dep_ == "advcl"
        and verb.head.i != verb.i
        and head_lemma(verb.head) in SPEECH
    )


def _label_in_passing(verb: Token) -> bool:
    """ "attacked what he called a reckless budget": the writer quotes the speaker's label for the thing another
    act is about; the naming is part of that act, not a second accusation."""
    children = list(children_of(verb))
    labelled = any(c.dep_ == "oprd" for c in children)
    return labelled and any(c.dep_ in ("dobj", "nsubjpass") and c.tag_ in ("WP", "WDT") for c in children)


def _at(actor: Actor, token: Token) -> Actor:
    """The actor as mentioned by `token` (a pronoun standing for it): its code, the token's span."""
    return replace(actor, start=token.idx, end=token.idx + len(token.text), text=token.text)


def _reporter(ctx: ExtractContext, verb: Token) -> list[Actor]:
    speech = speech_head(verb)
    return sources_of(ctx, speech) if speech is not None else []


def _blamed(ctx: ExtractContext, trigger: Trigger, dictionary: VerbDictionary) -> tuple[str, list[Actor]] | None:
    """For an agentless passive ("were killed in Israeli shelling"): the cause's code and its owner."""
    noun = cause_noun(trigger.verb, lambda token: is_event_noun(token, dictionary))
    if noun is None:
        return None
    owners = owner_actors(ctx, (noun,))
    if not owners:
        return None
    code = noun_code(noun, dictionary) if is_event_noun(noun, dictionary) else WEAPON_CODES[noun.lemma_.lower()]
    return code, owners


def _mood(trigger: Trigger, entry: CameoCode, quotes: tuple[tuple[int, int], ...]) -> tuple[CameoCode, Modality]:
    in_quote = _in_quote(trigger.verb.idx, quotes)
    # the reporter's own next act is as asserted as the reporting ("said X was wrong and urged ...")
    mood = modality(reporting_conjunct(trigger.verb) or trigger.verb, in_quote)
    if mood == "asserted" and _charged(trigger.verb):
        return entry, "reported"
    if mood == "negated" and entry.root in COOPERATION_ROOTS and refusal(trigger.verb):
        # CAMEO codes a refusal to cooperate as a rejection: "would not provide support" is 12x
        entry = codebook()[compose("120", entry.code)]
        mood = modality(trigger.verb, in_quote, skip_negation=True)
    return entry, mood


def code_sentence(
    ctx: ExtractContext, sentence: Span, dictionary: VerbDictionary, quotes: tuple[tuple[int, int], ...] = ()
) -> list[Event]:
    if is_caption(sentence):
        return []  # a photo caption describes a picture; the act, if any, is told in the article
    events: list[Event] = []
    consumed: set[int] = set()
    for trigger in find_triggers(sentence, dictionary):
        consumed.update(t.i for t in trigger.tokens)
        framed = _frame(ctx, trigger, dictionary, quotes)
        if framed is None:
            continue
        accused = accusation(ctx, trigger, framed)
        if accused is None or not alleged(accused[0]):
            # a charge ("X claimed that Y attacked Z") is coded as the charge, not as the act
            events += _events(ctx, sentence, trigger.tokens, framed)
        mirrored = _mirrored(ctx, trigger, framed)
        if mirrored is not None:
            events += _events(ctx, sentence, trigger.tokens, mirrored)
        if accused is not None and accused[0].i not in consumed:
            events += _events(ctx, sentence, (accused[0],), accused[1])
    for speech, clause in duties(sentence, consumed):
        framed = duty_frame(ctx, speech, clause)
        if framed is not None:
            events += _events(ctx, sentence, (speech,), framed)
    for nominal in find_nominals(sentence, dictionary, consumed):  # event nouns no verb took
        framed = _nominal_frame(ctx, nominal, quotes)
        if framed is not None and not _told_by_verb(framed, events):
            events += _events(ctx, sentence, (nominal.noun,), framed)
    return events


def _told_by_verb(framed: Framed, events: list[Event]) -> bool:
    """ "X made a visit to Y, where he met leaders during his first trip to the city": an event noun naming
    the act a verb of the sentence already coded for the same actor is that act told again, not a second one.
    Same CAMEO code, not root: "held talks during a visit to X" names two acts of one root (046, 042)."""
    codes = {source.code for source in framed.sources if source.code}
    return any(e.cameo == framed.entry.code and e.source is not None and e.source.code in codes for e in events)


def is_caption(sentence: Span) -> bool:
    """A photo caption: a picture credit ("Photo: Reuters"), or a present-tense line that places people in the
    picture ("Jane Doe, left, meets Bob Roe", "Bob Roe (centre) greets ...")."""
    tokens = span_tokens(sentence)  # built once per doc, not per walk
    words = [t.lower_ for t in tokens]
    if any(w in CREDIT_WORDS and nxt == ":" for w, nxt in pairwise(words)):
        return True
    present = sentence.root.tag_ in ("VBZ", "VBP")
    return present and any(
        t.lower_ in POSITION_WORDS and 0 < t.i - sentence.start < len(sentence) - 1 and _set_off(t) for t in tokens
    )


def _set_off(token: Token) -> bool:
    """Between commas or brackets: ", left," or "(left)"."""
    before, after = token.nbor(-1).text, token.nbor(1).text
    return (before, after) in ((",", ","), ("(", ")"))


def _nominal_frame(ctx: ExtractContext, nominal: Nominal, quotes: tuple[tuple[int, int], ...]) -> Framed | None:
    """ "criticism of the plan from the mayor", "the talks between Labour and the unions": coded only
    when the text names who acts (CODING.md codes no nominal without an actor)."""
    if _in_quote(nominal.noun.idx, quotes):
        return None  # "Mr X's accusations are empty": a quoted noun mostly recalls an act, it does not report one
    if not_an_act(nominal.noun) is not None:
        return None  # "was asked if Labour support for the war had cost it votes": a question asserts nothing
    entry = codebook()[nominal.code]
    sources = actors_of(ctx, nominal.sources)
    targets = [t for t in actors_of(ctx, nominal.targets) if not _own_part(ctx, t, sources)]
    if nominal.mutual and len(sources) < 2:
        return None
    if not sources or (nominal.needs_target and not targets and not nominal.mutual):
        return None
    if nominal.figurative is not None and not _armed_conflict(sources, targets, not nominal.figurative):
        if not nominal.figurative:  # "Labour's attack on the Tories" is an attack in words, as for verbs
            return None
        entry = codebook()[nominal.figurative]
    elif nominal.figurative and not targets:
        return None  # a strike with no target is a labour strike or none: "the player's strike" (recall8)
    return Framed(entry, sources, targets, modality(nominal.noun))


def _mirrored(ctx: ExtractContext, trigger: Trigger, framed: Framed) -> Framed | None:
    """The other side of a two-sided act: negotiations run both ways ("X held talks with Y"); the
    guest's visit when the host received them as the direct object ("X received Y", not "X received a
    letter from Y")."""
    if framed.entry.code in MUTUAL_CODES and framed.targets:
        return Framed(framed.entry, framed.targets, framed.sources, framed.mood)
    if framed.entry.code not in MIRRORED:
        return None
    objects = [o for c in trigger.verb.children if c.dep_ == "dobj" for o in (c, *c.conjuncts)]
    mentions = {a.start for a in map(ctx.actor_for_token, objects) if a is not None}
    guests = [t for t in framed.targets if t.start in mentions]
    if not guests:
        return None
    return Framed(codebook()[MIRRORED[framed.entry.code]], guests, framed.sources, framed.mood)


def _events(ctx: ExtractContext, sentence: Span, tokens: tuple[Token, ...], framed: Framed) -> list[Event]:
    """One event per actor pair of a coded trigger."""
    where = CharRange(sentence.start_char, sentence.end_char)
    symmetric = reciprocal(framed.entry, tokens)
    pairs: list[tuple[Actor | None, Actor | None]] = list(actor_pairs(framed.sources, framed.targets, symmetric))
    if not framed.sources:
        pairs = [(None, target) for target in framed.targets]
    start = min(t.idx for t in tokens)
    end = max(t.idx + len(t.text) for t in tokens)
    span = TextSpan(start, end, ctx.text[start:end])
    entry = framed.entry
    return [
        Event(where, span, source, target, entry.code, entry.root, entry.quad_class, entry.goldstein,
              entry.plover, framed.mood)
        for source, target in pairs
    ]  # fmt: skip


def _perpetrator(
    ctx: ExtractContext, trigger: Trigger, dictionary: VerbDictionary, sources: list[Actor], targets: list[Actor]
) -> tuple[CameoCode, list[Actor]]:
    """The code and sources once the violence's origin is read: the place an agentless attack came
    from, the owner of the shelling or weapon a passive blames, the weapon that did the killing."""
    entry = codebook()[trigger.code]
    if not sources and entry.root in UNNAMED_SOURCE_ROOTS:
        sources = [s for s in origin_sources(ctx, trigger.verb) if all(s.country != t.country for t in targets)]
    if not sources:
        blamed = _blamed(ctx, trigger, dictionary)
        if blamed is not None:
            entry, sources = codebook()[blamed[0]], blamed[1]
    # the subjects are read only for an assault (18x): the walk is costly and most events are no assault
    weapon = next((h for h in subject_heads(trigger.verb) if is_weapon(h)), None) if entry.root == "18" else None
    if weapon is not None:
        # "a Turkish drone killed two farmers": killing with military weapons is military force (19x)
        entry = codebook()[WEAPON_CODES[weapon.lemma_.lower()]]
    return entry, sources


def _told_or_repeated(trigger: Trigger, dictionary: VerbDictionary) -> bool:
    """A trigger that names no act of its own: speech framing another act, a label in passing, a second verb of
    an act the head verb already tells, or accepting an invitation to a seat or post."""
    return (
        _framing_speech(trigger)
        or _label_in_passing(trigger.verb)
        or _repeats_head_act(trigger, dictionary)
        or _invited_to_a_post(trigger)
    )


def _no_act_of_its_kind(
    trigger: Trigger, entry: CameoCode, sources: list[Actor], quotes: tuple[tuple[int, int], ...]
) -> bool:
    """A coded trigger whose reading says no act took place."""
    if entry.root in POSTURE_ROOTS and not any(_state_or_armed(a) for a in sources):
        return True
    if poll_result(trigger.verb, entry.root):
        return True  # "two thirds of voters reject the plan": a poll result, not an act (CODING.md)
    if entry.root == PROTEST_ROOT and _shows_a_fact(trigger.verb):
        return True  # "demonstrated that they can win": showing, not protesting
    # "officers patrol the estates": a routine, not an act (a quote's "they attack us" is told)
    return entry.root in MATERIAL_ROOTS and present_habit(trigger.verb) and not _in_quote(trigger.verb.idx, quotes)


def _frame(
    ctx: ExtractContext, trigger: Trigger, dictionary: VerbDictionary, quotes: tuple[tuple[int, int], ...]
) -> Framed | None:
    """Code, actors and modality of one trigger, or None when it makes no event."""
    if not_an_act(trigger.verb) is not None or no_doer(trigger.verb) is not None:
        return None
    if _told_or_repeated(trigger, dictionary):
        return None
    sources, targets = _roles(ctx, trigger)
    entry, sources = _perpetrator(ctx, trigger, dictionary, sources, targets)
    spoken = _said_while(trigger.verb)
    if trigger.figurative is not None and not _armed_conflict(sources, targets, not trigger.figurative, spoken):
        # "Blair attacked the Tories" is a verbal attack: code it as such, or not at all
        if not trigger.figurative:
            return None
        entry = codebook()[trigger.figurative]
    if _no_act_of_its_kind(trigger, entry, sources, quotes):
        return None
    if not targets and (entry.root in LOCATION_TARGET_ROOTS or entry.code in LOCATION_TARGET_CODES):
        inner = (trigger.inner,) if trigger.inner is not None else ()
        targets = location_targets(ctx, (*trigger.nouns, trigger.verb, *inner))
    if not targets and entry.code in ABOUT_ACT_CODES:
        targets = act_victims(ctx, (*trigger.nouns, trigger.verb), sources)
    if entry.root in AUDIENCE_ROOTS:  # telling or meeting reporters is how news is made, not an interaction
        targets = [t for t in targets if t.sector != "MED" and not is_audience(t)]
    if entry.root == CONSULT_ROOT and (
        _family_object(trigger.verb) or (targets and all(_own_kin(ctx, t) for t in targets))
    ):
        return None  # "met his future wife": private life (criticising one's father, a public figure, is an act)
    targets = [t for t in targets if not _own_part(ctx, t, sources)]
    if entry.root == INTENT_ROOT:
        targets = [t for t in targets if not _promised_thing(t, trigger.verb)]
    if entry.code in VISIT_CODES:
        if any(s.sector in ARMED_SECTORS for s in sources):
            return None  # troops moving somewhere is a deployment, not a visit between actors
        targets = [t for t in targets if not _home_place(t, sources)]
        if not targets:
            return None
    together = len(sources) > 1 and reciprocal(entry, trigger.tokens)
    if _meets_nobody(trigger, entry, targets, together) and all(_one_person(ctx, s) for s in sources):
        return None  # "he met his wife at university": one person meeting at a place meets nobody named
    if (entry.root in NEEDS_TARGET_ROOTS or entry.code in NEEDS_TARGET_CODES) and not targets and not together:
        return None
    if not sources and not trigger.pattern.inverse and not _unnamed_perpetrator(trigger, entry, targets, dictionary):
        return None
    entry, mood = _mood(trigger, entry, quotes)
    if not sources and trigger.pattern.inverse and trigger.code[:2] == CONSULT_ROOT:
        return None  # "I don't receive phone calls": a call or letter from nobody named is no act
    if not sources and mood == "negated" and is_passive(trigger.verb):
        # "no arrests were made", "nobody has been charged": no act and nobody named doing it (CODING.md
        # codes no agentless passive); a target would only be borrowed from a neighbouring clause
        return None
    framed = reframe(ctx, trigger, Framed(entry, sources, targets, mood))
    if _supposed_in_quote(ctx, trigger, framed, entry) or _obliged_in_speech(ctx, trigger, framed, entry):
        return None
    if _unpromised_in_speech(ctx, trigger, framed):
        return None
    return framed


def _supposed_in_quote(ctx: ExtractContext, trigger: Trigger, framed: Framed, entry: CameoCode) -> bool:
    """ "we could take them to court", "they are not asking the questions": inside quoted speech, an act the
    speaker only supposes, wishes or denies is talk, not an event; the quote is the statement. Reported speech
    tells plans ("X will visit Y, officials said" reports a planned visit), but a denial there is talk too.
    A promise, duty or threat the framing recoded it as stays, and so does a refusal ("would not back it")."""
    if framed.mood not in UNREALISED or framed.entry.code != entry.code or entry.root == REFUSAL_ROOT:
        return False
    kinds = QUOTE_KINDS if framed.mood == "negated" else SPOKEN_QUOTES
    return any(q.kind in kinds and q.start <= trigger.verb.idx < q.end for q in ctx.quotes)


def _obliged_in_speech(ctx: ExtractContext, trigger: Trigger, framed: Framed, entry: CameoCode) -> bool:
    """ "we ought to be talking to them", "X should not resign, Y insisted", "the record he will have to defend,
    she said": inside quoted or reported speech, an act someone should, must or needs to do is the speaker's
    view of a duty, not an act; the quote is the statement. A duty the framing recoded as the speaker's demand
    or appeal ("X said Y must withdraw") has another code and stays."""
    if framed.entry.code != entry.code or not _obliged(trigger.verb):
        return False
    return any(q.kind in QUOTE_KINDS and q.start <= trigger.verb.idx < q.end for q in ctx.quotes)


def _unpromised_in_speech(ctx: ExtractContext, trigger: Trigger, framed: Framed) -> bool:
    """ "I will not make promises I cannot keep", "he was giving no guarantees about jobs": in quoted or
    reported speech, a speaker who does not promise anything to anyone is hedging, not rejecting: the
    negated promise was recoded as a refusal (12x), which needs someone refused. "would not promise the
    unions a pay rise" names whom, and stays a refusal."""
    if trigger.code[:2] != PROMISE_ROOT or framed.entry.root != REFUSAL_ROOT or framed.targets:
        return False
    if not any(t.lemma_.lower() in PROMISE_WORDS for t in trigger.tokens):
        return False  # "would not agree to serve under him": a refusal of something, not a withheld promise
    return any(q.kind in QUOTE_KINDS and q.start <= trigger.verb.idx < q.end for q in ctx.quotes)


def _obliged(verb: Token) -> bool:
    """The verb's clause says the act is a duty: a "must"/"should"/"ought" on the verb or on a verb it
    completes or shares ("should be allowed to meet", "should stay and not resign"), or an infinitive after
    "need to", "ought to" or a present "has to" / "have got to" (a past "had to flee" tells what was done)."""
    token = verb
    for _ in range(4):
        if any(c.dep_ == "aux" and c.lower_ in DUTY_MODALS for c in token.children):
            return True
        head = token.head
        if token.dep_ not in ("xcomp", "conj") or head.i == token.i:
            return False
        if token.dep_ == "xcomp" and any(c.dep_ == "aux" and c.lower_ == "to" for c in token.children):
            lemma = head.lemma_.lower()
            if lemma in ("need", "ought") or (lemma in ("have", "get") and head.tag_ not in ("VBD", "VBN")):
                return True
        token = head
    return False


def _charged(verb: Token) -> bool:
    """ "accused Iran of arming the rebels", "blamed them for starting the fire": the act is the accuser's charge."""
    verb = gerund_conjunct(verb) or verb  # "of hiding X and attacking Y": both acts are charged
    prep = verb.head
    # the parser may hang "of arming" on the accused object rather than on "accused"
    governor = prep.head.head if prep.head.dep_ == "dobj" else prep.head
    return (
        verb.dep_ == "pcomp"
        and prep.dep_ == "prep"
        and prep.lower_ in ("of", "for")
        and head_lemma(governor) in ACCUSING
    )


def without_restated(events: list[Event], quotes: tuple[tuple[int, int], ...]) -> list[Event]:
    """Drop a plain statement (010) whose speaker, in the same sentence and inside the quoted words,
    does a more specific speech act: CODING.md codes one event per speech act, with its most specific
    code ("'We are asking them to join us,' he said" is one appeal, not an appeal and a statement).
    The act kept in its place is the speaker's: a pronoun naming the speaker takes the speaker's mention of the
    sentence ("the party said they would press ministers" is the party's pressure, as CODING.md codes it)."""
    dropped = [e for e in events if _restated(e, events, quotes) or _performative(e, events, quotes)]
    return [_as_speaker(e, dropped, quotes) for e in events if e not in dropped]


def _performative(event: Event, events: list[Event], quotes: tuple[tuple[int, int], ...]) -> bool:
    """A plain speech act (01) of the speaker inside their own quote, in the present tense: the statement
    itself ("'I say to the voters: trust us,' she said" is one statement, coded by the speech verb)."""
    if event.quote is not None or event.root != "01" or event.trigger.text.lower() not in PERFORMATIVE_SPEECH:
        return False
    return any(s.quote is not None and _restates(event, s, quotes, roots=("01",)) for s in events)


def _as_speaker(event: Event, dropped: list[Event], quotes: tuple[tuple[int, int], ...]) -> Event:
    """The act with the mention of the statement it restates as its source, when its own source is a pronoun."""
    if event.source is None or event.source.kind != "pronoun":
        return event
    statement = next((s for s in dropped if _restates(event, s, quotes)), None)
    return event if statement is None else replace(event, source=statement.source)


# Roots whose act needs a doer to be an event: an accusation, charge or lawsuit (11) and an arrest, charge or
# indictment (17). With no source they come from agentless passives ("was indicted", "faces charges"), which
# CODING.md does not code; other roots keep their sourceless events (the PLOVER type of a sentence uses them).
# A negated one stays: "no arrests have been made" records that nobody acted, which is news of its own.
AGENT_REQUIRED_ROOTS = frozenset({"11", "17"})


def without_agentless_charges(events: list[Event]) -> list[Event]:
    """Drop asserted or reported disapproval (11) and coercion (17) events with no source: no one is said to
    do them."""
    return [e for e in events if not _agentless_charge(e)]


def _agentless_charge(event: Event) -> bool:
    return event.source is None and event.root in AGENT_REQUIRED_ROOTS and event.modality != "negated"


def _restated(statement: Event, events: list[Event], quotes: tuple[tuple[int, int], ...]) -> bool:
    if statement.quote is None or statement.cameo != "010" or statement.source is None:
        return False
    return any(_restates(other, statement, quotes) for other in events)


def _restates(
    other: Event, statement: Event, quotes: tuple[tuple[int, int], ...], roots: Iterable[str] = SPEECH_ACT_ROOTS
) -> bool:
    """`other` is a speech act (by default a more specific one) of the statement's speaker, inside its quote."""
    if statement.quote is None or statement.source is None or not 0 <= statement.quote < len(quotes):
        return False
    start, end = quotes[statement.quote]
    return (
        other.root in roots
        and other.sentence == statement.sentence
        and start <= other.trigger.start < end
        and other.source is not None
        and _same(other.source, statement.source)
    )
