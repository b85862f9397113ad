"""Find event triggers in a parsed sentence: dictionary patterns matched on dependency children.

A trigger is a verb whose lemma is in the dictionary and whose attached particles, prepositions
and object nouns fit one of its patterns (the most specific pattern wins). A support verb
("launched", "imposed", "held") takes the code of the event noun it governs ("an attack",
"sanctions", "talks"). A verb of intent, appeal, demand, rejection or threat absorbs the event in
its complement ("threatened to impose sanctions" is one trigger, code 1312).
"""

from __future__ import annotations

from collections.abc import Collection, Iterator
from dataclasses import dataclass, replace

from spacy.tokens import Span, Token

from newsevents.extract.events.codebook import COMPOSING_ROOTS, compose
from newsevents.extract.events.dictionary import (
    NO_EVENT,
    SUPPORT,
    NominalSense,
    NounSlot,
    VerbDictionary,
    VerbPattern,
    deinflected,
)
from newsevents.nlp.text import children_of, lefts_of, span_tokens

DIRECT_OBJECT_DEPS = frozenset({"dobj", "nsubjpass", "attr", "oprd", "xcomp"})
WORD_DEPS = frozenset({"prt", "prep", "advmod", "agent", "dative", "acomp"})
# A preposition the parser reads as the mark of an infinitive clause: "called for the minister to resign",
# "pressed for the body to be set up" ("for" marks the clause, it is still the verb's "call for").
CLAUSE_MARK_DEPS = frozenset({"advcl", "ccomp", "xcomp"})
CLAUSE_MARK_WORDS = frozenset({"for"})
# Prepositions of an event noun that name its sense: `call for` (an appeal), not `call` (a telephone call).
NOUN_SENSE_PREPS = frozenset({"for", "on"})
# Complements through which an outer verb takes an event: "to attack", "for talks", "of sanctions".
INNER_VERB_DEPS = frozenset({"xcomp"})
INNER_PREPS = frozenset({"for", "of", "with", "to", "on"})
SUPPORT_PREPS = frozenset({"in"})
# Prepositions through which a step verb leads to the act it serves: "work towards lifting", "move to ending".
STEP_PREPS = frozenset({"towards", "toward", "to", "for", "on"})
# Outer verbs whose that-clause carries the event: "warned that it would strike", "demanded that X free".
CLAUSE_COMPLEMENT_ROOTS = frozenset({"02", "03", "10", "13"})  # "engaged in talks", "took part in the attack"
VERB_TAGS = frozenset({"VERB"})
QUANTITY_NOUNS = frozenset(
    {
        "kg",
        "kilogram",
        "ton",
        "tonne",
        "tons",
        "million",
        "billion",
        "thousand",
        "hundred",
        "shipment",
        "batch",
        "consignment",
        "amount",
        "lot",
        "worth",
        "supply",
        "package",
        "dollar",
        "euro",
        "pound",
        # a run of acts names the acts: "a series of consultations", "a fresh round of talks"
        "series",
        "round",
        "wave",
        "spate",
        "string",
        "flurry",
    }
)


# Forces a speaker commands, when the text does not say whose they are ("police will", "troops will").
OWN_FORCE_NOUNS = frozenset({"police", "army", "troop", "force", "military", "security", "authority", "we"})


@dataclass(frozen=True, slots=True)
class Trigger:
    verb: Token  # the verb whose subject is the source
    code: str
    tokens: tuple[Token, ...]  # every token the trigger consumed (verb, event noun, inner verb)
    nouns: tuple[Token, ...]  # the trigger's own nouns, never a target themselves
    inner: Token | None  # the complement verb of a composed trigger: its object may be the target
    pattern: VerbPattern
    figurative: str | None = None  # code for a use without armed actors ("" = no event); None: always literal
    # Tokens naming who undergoes the trigger's event noun ("the release of the hostage"): never its target.
    undergoers: tuple[Token, ...] = ()


def lemma_of(token: Token) -> str:
    return token.lemma_.lower()


def verb_lemma(token: Token, dictionary: VerbDictionary) -> str | None:
    """The dictionary key for a verb token: its lemma, or a guess from its surface form."""
    lemma = lemma_of(token)
    prefixed = _hyphen_prefixed(token, lemma)  # before the bare lemma: "over-ruled" is not "ruled"
    if prefixed is not None and prefixed in dictionary.verbs:
        return prefixed
    if lemma in dictionary.verbs:
        return lemma
    return next((guess for guess in deinflected(token.lower_) if guess in dictionary.verbs), None)


def _hyphen_prefixed(token: Token, lemma: str) -> str | None:
    """ "over-ruled" is split into "over", "-", "ruled": the dictionary knows the whole word."""
    doc = token.doc
    if token.i < 2 or doc[token.i - 1].text != "-" or doc[token.i - 1].whitespace_ or doc[token.i - 2].whitespace_:
        return None
    return f"{doc[token.i - 2].lower_}-{lemma}"


def _noun_lemmas(token: Token) -> tuple[str, ...]:
    """Two-word names first ("air strike"), then lemma and surface form, then modifiers alone
    for heads like "martial law"."""
    lemma = lemma_of(token)
    children = children_of(token)  # an index built once per doc: spaCy builds new Token objects on each walk
    mods = [lemma_of(c) for c in children if c.dep_ in ("compound", "amod") and c.i < token.i]
    preps_of = [prep for prep in children if prep.dep_ == "prep" and prep.lower_ == "of"]
    objects_of = [pobj for prep in preps_of for pobj in children_of(prep)]
    objects_of = [pobj for pobj in objects_of if pobj.dep_ == "pobj"]
    of_phrases = [f"{lemma} of {lemma_of(pobj)}" for pobj in objects_of]
    # "calls for the minister to resign", "its call for talks": the preposition names the sense (`call for`)
    sense_preps = sorted({c.lower_ for c in children if c.dep_ == "prep" and c.lower_ in NOUN_SENSE_PREPS})
    sense_preps += sorted(_clause_marks(token) - set(sense_preps))
    of_phrases += [f"{lemma} {prep}" for prep in sense_preps]
    # "700 kg of medicine", "tons of food aid": the measured noun names the thing
    measured = [lemma_of(pobj) for pobj in objects_of] if lemma in QUANTITY_NOUNS or token.like_num else []
    return (*of_phrases, *(f"{mod} {lemma}" for mod in mods), lemma, token.lower_, *mods, *measured)


def _attached(verb: Token) -> list[Token]:
    """The verb's children plus those of its direct object (prepositions often hang on the noun)."""
    children = list(children_of(verb))
    for child in children[:]:  # the children index is built once per doc: spaCy builds new Tokens per walk
        if child.dep_ in ("dobj", "nsubjpass"):
            children.extend(children_of(child))
    return children


def _fill_slot(verb: Token, slot: NounSlot, attached: list[Token]) -> Token | None:
    if slot.prep is None:
        candidates = [c for c in children_of(verb) if c.dep_ in DIRECT_OBJECT_DEPS]
        if verb.dep_ == "acl" and verb.tag_ == "VBN":  # "a poll (of voters) released by X": the noun is the object
            noun = verb.head  # (usnews8b)
            of_noun = noun.head if noun.dep_ == "pobj" and noun.head.lower_ == "of" else None
            candidates += [noun] + ([of_noun.head] if of_noun is not None else [])
    else:
        candidates = [
            obj
            for prep in attached
            if prep.lower_ == slot.prep and prep.dep_ in WORD_DEPS
            for obj in children_of(prep)
            if obj.dep_ in ("pobj", "pcomp")
        ]
    for candidate in candidates:
        if _fills(candidate, slot):
            return candidate
    return None


def _fills(token: Token, slot: NounSlot) -> bool:
    if slot.entities and token.ent_type_ in slot.entities:
        return True
    if slot.pos and token.pos_ in slot.pos:
        return True
    return any(lemma in slot.lemmas for lemma in _noun_lemmas(token))


QUOTE_MARKS = frozenset({'"', "'", "\u201c", "\u201d", "\u2018", "\u2019"})


def _verb_deps(verb: Token) -> set[str]:
    """The verb's dependency labels; a quoted label hung on the object as an apposition is the object's
    predicate ('called the minister "a disgrace"' is parsed like "called the minister a disgrace")."""
    deps = {c.dep_ for c in children_of(verb)}
    for obj in (c for c in children_of(verb) if c.dep_ == "dobj"):
        quoted = [a for a in children_of(obj) if a.dep_ == "appos" and a.doc[a.left_edge.i - 1].text in QUOTE_MARKS]
        if quoted and obj.i < quoted[0].i:
            deps.add("oprd")
    return deps


@dataclass
class _Dependents:
    """What every pattern of one verb is tested against, walked once per verb, not once per pattern
    (a lemma has up to dozens of patterns; each walk builds new spaCy `Token` objects)."""

    verb: Token
    attached: list[Token]
    words: set[str]
    deps: set[str] | None = None  # `_verb_deps`, computed when a pattern first asks

    @classmethod
    def of(cls, verb: Token) -> _Dependents:
        attached = _attached(verb)
        return cls(verb, attached, {c.lower_ for c in attached if c.dep_ in WORD_DEPS} | _clause_marks(verb))

    def labels(self) -> set[str]:
        if self.deps is None:
            self.deps = _verb_deps(self.verb)
        return self.deps


def fit(verb: Token, pattern: VerbPattern, dependents: _Dependents | None = None) -> tuple[Token, ...] | None:
    """The nouns filling the pattern's slots, or None when the verb's dependents do not fit it."""
    seen = dependents or _Dependents.of(verb)
    attached, words = seen.attached, seen.words
    if any(word not in words for word in pattern.words):
        return None
    if pattern.deps and not set(pattern.deps) <= seen.labels():
        return None
    nouns = []
    for slot in pattern.nouns:
        found = _fill_slot(verb, slot, attached)
        if found is None:
            return None
        nouns.append(found)
    return tuple(nouns)


def _clause_marks(verb: Token) -> set[str]:
    """Prepositions marking the verb's infinitive clause ("called for X to resign" -> {"for"})."""
    return {
        mark.lower_
        for clause in children_of(verb)
        if clause.dep_ in CLAUSE_MARK_DEPS and clause.i > verb.i
        for mark in children_of(clause)
        if mark.dep_ == "mark" and mark.lower_ in CLAUSE_MARK_WORDS and mark.i < clause.i
    }


def event_noun(
    verb: Token, dictionary: VerbDictionary, preps: frozenset[str] = frozenset(), preps_first: bool = False
) -> Token | None:
    """The event-naming noun the verb governs: its object, or the object of one of `preps`
    (tried first with `preps_first`: "engaged the peacekeepers in a firefight")."""
    objects = [c for c in verb.children if c.dep_ in ("dobj", "nsubjpass")]
    objects += [conj for obj in objects for conj in obj.conjuncts]  # "photographs and other intelligence"
    prepositional = _objects_of_preps(verb, preps)
    candidates = prepositional + objects if preps_first else objects + prepositional
    return next((noun for noun in candidates if is_event_noun(noun, dictionary)), None)


def _measured_act(noun: Token, dictionary: VerbDictionary) -> Token:
    """The act a quantity names ("a series of consultations with X"): its phrases name the actors."""
    if lemma_of(noun) not in QUANTITY_NOUNS:
        return noun
    acts = [
        pobj
        for prep in noun.children
        if prep.dep_ == "prep" and prep.lower_ == "of"
        for pobj in prep.children
        if pobj.dep_ == "pobj" and is_event_noun(pobj, dictionary)
    ]
    return acts[0] if acts else noun


def is_event_noun(token: Token, dictionary: VerbDictionary) -> bool:
    return any(lemma in dictionary.nouns for lemma in _noun_lemmas(token))


def noun_code(noun: Token, dictionary: VerbDictionary) -> str:
    return next(dictionary.nouns[lemma] for lemma in _noun_lemmas(noun) if lemma in dictionary.nouns)


def match(verb: Token, dictionary: VerbDictionary, depth: int = 0) -> Trigger | None:
    """The trigger `verb` starts, trying its patterns from the most specific down."""
    if verb.pos_ not in VERB_TAGS:
        return None
    lemma = verb_lemma(verb, dictionary)
    patterns = dictionary.verbs.get(lemma, ()) if lemma else ()
    dependents = _Dependents.of(verb) if patterns else None
    for pattern in patterns:
        nouns = fit(verb, pattern, dependents)
        if nouns is None:
            continue
        if pattern.code == NO_EVENT:
            return None  # this sense codes nothing ("released a statement"), and blocks the vaguer patterns
        trigger = _resolve(verb, pattern, nouns, dictionary, depth)
        if trigger is not None:
            return replace(trigger, undergoers=_undergoers(verb, trigger, dictionary))
    return None


def _resolve(
    verb: Token, pattern: VerbPattern, nouns: tuple[Token, ...], dictionary: VerbDictionary, depth: int
) -> Trigger | None:
    if pattern.code == SUPPORT:
        noun = event_noun(verb, dictionary, SUPPORT_PREPS | frozenset(pattern.words), bool(pattern.words))
        if noun is None:
            return None  # "launched a website" is not an event
        noun = _measured_act(noun, dictionary)
        key = next(k for k in _noun_lemmas(noun) if k in dictionary.nouns)
        figurative = dictionary.figurative_nouns.get(key)
        return Trigger(verb, noun_code(noun, dictionary), (verb, noun), (noun,), None, pattern, figurative)
    if not pattern.nouns and pattern.code[:2] in COMPOSING_ROOTS and depth < 2:
        composed = _compose_inner(verb, pattern, dictionary, depth)
        if composed is not None:
            return composed
    if pattern.needs_complement:
        return None
    own = tuple(noun for noun, slot in zip(nouns, pattern.nouns, strict=True) if not slot.names_actors)
    return Trigger(verb, pattern.code, (verb, *own), own, None, pattern, pattern.figurative)


def _outer_code(verb: Token, complement: Token, pattern: VerbPattern) -> str:
    """Wanting someone else to act is an appeal to them ("wants Putin to attack"); vowing *not*
    to act is a refusal ("vowed not to return the Golan"). A pledge that another will act ("pledged
    his party would cut taxes") is still the speaker's pledge: only a wish (`+`) becomes an appeal."""
    code = pattern.code
    if code[:2] != "03":
        return code
    if any(c.dep_ == "neg" for c in complement.children):
        return "120"
    subjects = [c for c in complement.children if c.dep_ in ("nsubj", "nsubjpass")]
    wished = pattern.needs_complement and any(not _refers_back(s) for s in subjects)
    other_actor = any(c.dep_ == "dobj" for c in verb.children) or wished
    return "020" if other_actor else code


def _others_act(pattern: VerbPattern, complement: Token) -> bool:
    """A threat is the speaker's own act: "warned it would impose sanctions" is a threat, "warned that
    Russia may invade" a warning about someone else, not a threat by the speaker."""
    if pattern.code[:2] != "13":
        return False
    subjects = [c for c in complement.children if c.dep_ in ("nsubj", "nsubjpass")]
    return bool(subjects) and not any(_refers_back(s) or _own_force(s) for s in subjects)


def _own_force(subject: Token) -> bool:
    """ "warned that police will not tolerate rallies": an unqualified force of the speaker's own state
    acts for the speaker; "Russian troops" or "their army" belong to someone else."""
    if subject.lemma_.lower() not in OWN_FORCE_NOUNS:
        return False
    return not any(c.ent_type_ in ("GPE", "NORP") or c.dep_ == "poss" for c in subject.children)


def _refers_back(subject: Token) -> bool:
    """ "they", "their countries": the complement's subject is the outer verb's own subject."""
    return subject.pos_ == "PRON" or any(c.dep_ == "poss" and c.pos_ == "PRON" for c in subject.children)


def _compose_inner(verb: Token, pattern: VerbPattern, dictionary: VerbDictionary, depth: int) -> Trigger | None:
    """Outer verb + the event in its complement: "vowed to retaliate", "called for talks"."""
    deps = INNER_VERB_DEPS | ({"ccomp"} if pattern.code[:2] in CLAUSE_COMPLEMENT_ROOTS else set())
    for child in children_of(verb):
        if child.dep_ in deps and not _others_act(pattern, child):
            inner = match(child, dictionary, depth + 1) or _through_step(child, dictionary, depth)
            if inner is not None:
                code = compose(_outer_code(verb, child, pattern), inner.code)
                return Trigger(verb, code, (verb, *inner.tokens), inner.nouns, inner.verb, pattern)
    noun = event_noun(verb, dictionary, INNER_PREPS)
    if noun is None:
        return None
    code = compose(pattern.code, noun_code(noun, dictionary))
    return Trigger(verb, code, (verb, noun), (noun,), None, pattern)


def _through_step(step: Token, dictionary: VerbDictionary, depth: int) -> Trigger | None:
    """The act behind a verb that only leads to it: "pledged to work towards lifting the ban", "vowed to try to
    end the strike" (the pledge is of the lifting; coding the lifting apart would count the act as done)."""
    if depth >= 1:
        return None
    for child in step.children:
        further = [child] if child.dep_ == "xcomp" else []
        if child.dep_ == "prep" and child.lower_ in STEP_PREPS:
            further = [c for c in child.children if c.dep_ == "pcomp" and c.pos_ == "VERB"]
        for verb in further:
            inner = match(verb, dictionary, depth + 2)
            if inner is not None:
                return inner
    return None


def _undergoers(verb: Token, trigger: Trigger, dictionary: VerbDictionary) -> tuple[Token, ...]:
    """Who the act named by the trigger's noun (or the noun of its "for" phrase) is done to, where the
    dictionary says the noun's "of" phrase names them: an appeal for "the release of the hostage" is
    not addressed to the hostage."""
    children = children_of(verb)  # read for every trigger: the children index is built once per doc
    nouns = [*trigger.nouns, *(c for c in children if c.dep_ == "dobj")]
    nouns += [pobj for prep in children if prep.dep_ == "prep" for pobj in children_of(prep) if pobj.dep_ == "pobj"]
    return tuple(
        token  # the whole phrase: "the release of the journalist Tom Fry and his driver"
        for noun in nouns
        if lemma_of(noun) in dictionary.undergoer_nouns
        for prep in children_of(noun)
        if prep.dep_ == "prep" and prep.lower_ == "of"
        for pobj in children_of(prep)
        if pobj.dep_ == "pobj"
        for token in pobj.subtree
    )


# Modifiers of an event noun that name its actor ("Israeli criticism", "the Galloway plea"): entity
# types only, so that a topic ("the Iraq talks", "the tax plea") is never taken for the actor.
ACTOR_MODIFIER_ENTITIES = frozenset({"PERSON", "ORG", "NORP"})
ACTOR_MODIFIER_DEPS = frozenset({"compound", "amod"})
STANCE_PREFIXES = ("anti", "pro")  # "anti-French protests" are not by the French
MUTUAL_PREP = "between"  # "talks between X and Y": each side acts towards the other
NOMINAL_ARGUMENT_DEPS = frozenset({"dobj", "nsubj", "nsubjpass", "attr"})
# Roots CODING.md codes one-sided for a nominal too: "a plea for calm from the mayor" (02), pledges (03),
# inquiries (09), demands (10), criticism (11), refusals (12), threats (13).
ASKING_ROOTS = frozenset({"02", "10"})  # appeals and demands: someone is asked to act
COMPLAINER_PREPS = frozenset({"from", "by"})
CHARGING_ROOTS = frozenset({"11"})  # complaints, criticism, accusations: made against someone
REFUSING_ROOTS = frozenset({"12"})  # a refusal to do something to someone
ONE_SIDED_ROOTS = frozenset({"02", "03", "09", "10", "11", "12", "13", "14"})
# Protests, strikes and boycotts (14) are one-sided too (CODING.md: "14x protests ... with target null"):
# "a walkout by civil servants", "the tube workers' strike" (recall8). A force noun whose unarmed sense is a
# protest (`190~143 strike`) is one-sided in that sense; its armed sense still needs a target.
PROTEST_ROOT = "14"
PARTICIPLE_TAGS = frozenset({"VBG", "VBN"})
# Words naming a part of what follows "of": "most of the donations came from X" — X gave them.
PARTITIVES = frozenset(
    {"most", "majority", "bulk", "half", "share", "part", "some", "many", "all", "much", "third", "quarter", "rest"}
)
# Prepositions of an adjunct naming an act of the clause's subject: "after talks with Y, X said",
# "X flew home following a meeting with Y", "X opened with a plea to Y", "X said at a meeting with Y".
ADJUNCT_PREPS = frozenset({"after", "following", "during", "with", "in", "at", "before", "for"})
ADJUNCT_HEAD_DEPS = frozenset({"prep", "advcl", "acl"})  # "following" is also parsed as a participle
ADJUNCT_HOPS = 2  # "at a news conference after talks with Y, X said": through one noun to the verb
COPULA = "be"
# A copula's other side names the same act: "the largest gift to the party was a bequest from X".
COPULAR_SIDES = frozenset({"nsubj", "attr"})
COPULAR_PREPS = frozenset({"among", "of"})  # "among the gifts to the party were donations from X"


@dataclass(frozen=True, slots=True)
class Nominal:
    """An event named by a noun alone, with the phrases that name its actors (not yet resolved)."""

    noun: Token
    code: str
    sources: tuple[Token, ...]
    targets: tuple[Token, ...]
    mutual: bool  # the sources are the two sides ("between"), each acting towards the other
    needs_target: bool = True  # cooperation needs a partner: "Labour's support" alone is no event
    figurative: str | None = None  # as `Trigger.figurative`: "Labour's attack on the Tories" is words


def _phrase_owners(noun: Token) -> list[Token]:
    """Where the prepositions naming a nominal's actors hang: on the noun; on a participle reducing a
    relative clause ("donations totalling £5,000 from X", "criticism voiced by Y"); on the verb the
    noun (or the part of it: "most of the party's donations came from ...") is an argument of."""
    owners = [noun, *(c for c in noun.children if c.dep_ == "acl" and c.tag_ in PARTICIPLE_TAGS)]
    whole = noun.head.head if noun.dep_ == "pobj" and noun.head.lower_ == "of" else noun
    argument = whole if whole is not noun and lemma_of(whole) in PARTITIVES else noun
    if argument.dep_ in NOMINAL_ARGUMENT_DEPS and argument.head.pos_ in ("VERB", "AUX"):
        owners.append(argument.head)
    return owners


def _prep_objects(noun: Token, preps: frozenset[str]) -> list[Token]:
    """Objects of the noun's prepositions in `preps`, or of those of the words it hangs on (see
    `_phrase_owners`): the parser hangs "from" on the verb in "drew criticism from the mayor"."""
    for owner in _phrase_owners(noun):
        found = _objects_of_preps(owner, preps)
        if found:
            return found
    return []


def _objects_of_preps(head: Token, preps: Collection[str]) -> list[Token]:
    """The objects of `head`'s prepositions in `preps` ("criticism from the mayor" -> mayor)."""
    return [
        pobj
        for prep in head.children
        if prep.dep_ == "prep" and prep.lower_ in preps
        for pobj in prep.children
        if pobj.dep_ == "pobj"
    ]


def _modifier_actors(noun: Token) -> list[Token]:
    """The possessor ("Russia's appeal") or an entity modifier ("Israeli criticism") before the noun."""
    return [
        child
        for child in noun.children
        if child.i < noun.i
        and (child.dep_ == "poss" or (child.dep_ in ACTOR_MODIFIER_DEPS and child.ent_type_ in ACTOR_MODIFIER_ENTITIES))
        and not _stance_prefixed(child)
    ]


def _stance_prefixed(word: Token) -> bool:
    """ "anti-French demonstrations", "pro-Russian rallies": the group is what the act is for or against, not
    who acts (recall8)."""
    if word.lower_.startswith(tuple(f"{prefix}-" for prefix in STANCE_PREFIXES)):
        return True
    doc = word.doc
    return word.i >= 2 and doc[word.i - 1].text == "-" and doc[word.i - 2].lower_ in STANCE_PREFIXES


def nominal_sense(token: Token, dictionary: VerbDictionary) -> NominalSense | None:
    if not _may_name_nominal(token, dictionary):
        return None  # the cheap test first: most nouns are no event noun, and `_noun_lemmas` walks the tree
    keys = _noun_lemmas(token)
    if token.pos_ == "PROPN":
        # a word of a proper name names no act: the "Appeal Court", an "Aid Agency" are bodies, not an
        # appeal or aid; the name's head may still name one ("Labour Criticism Grows" in a headline)
        modifiers = {lemma_of(c) for c in token.children if c.dep_ in ("compound", "amod") and c.i < token.i}
        keys = tuple(k for k in keys if k not in modifiers or k in (lemma_of(token), token.lower_))
    return next((dictionary.nominals[k] for k in keys if k in dictionary.nominals), None)


def _may_name_nominal(token: Token, dictionary: VerbDictionary) -> bool:
    """False only when no key `_noun_lemmas(token)` can build is in the dictionary's nominals: each key holds
    the lemma as a word, or is the surface form, a left modifier's lemma, or (after a quantity) an of-object's
    lemma."""
    nominals = dictionary.nominals
    lemma = lemma_of(token)
    if " " in lemma or lemma in dictionary.nominal_words or token.lower_ in nominals:
        return True
    if lemma in QUANTITY_NOUNS or token.like_num:
        return True
    return token.n_lefts > 0 and any(
        c.dep_ in ("compound", "amod") and lemma_of(c) in nominals for c in lefts_of(token)
    )


def find_nominals(sentence: Span, dictionary: VerbDictionary, consumed: set[int]) -> Iterator[Nominal]:
    """Event nouns the verb triggers did not take, with their actor phrases: "criticism of the plan
    from the mayor" (source "mayor"), "the talks between Labour and the unions" (both sides)."""
    for token in span_tokens(sentence):
        if token.pos_ not in ("NOUN", "PROPN") or token.i in consumed:
            continue
        sense = nominal_sense(token, dictionary)
        if sense is None or not _has_required_word(token, sense.required_words):
            continue
        between = _prep_objects(token, frozenset({MUTUAL_PREP}))
        if between:  # the conjuncts are expanded when the phrases are resolved to actors
            yield Nominal(token, sense.code, tuple(between), (), True)
            continue
        sources = _prep_objects(token, sense.source_preps) or (_modifier_actors(token) if sense.owner_acts else [])
        if sources:
            targets = _nominal_targets(token, sense, dictionary)
            needs_target = sense.code[:2] not in ONE_SIDED_ROOTS and (sense.figurative or "")[:2] != PROTEST_ROOT
            yield Nominal(token, sense.code, tuple(sources), targets, False, needs_target, sense.figurative)
            continue
        subjects = _adjunct_subjects(token)
        targets = _nominal_targets(token, sense, dictionary) if subjects else ()
        if targets:  # the clause's subject is taken for the actor only when the act names its other side
            yield Nominal(token, sense.code, tuple(subjects), targets, False, True, sense.figurative)


def _has_required_word(noun: Token, words: frozenset[str]) -> bool:
    """A sense that needs a word on its noun (`+for`): a preposition of the noun ("calls for a ban"), or the
    mark of an infinitive clause on it ("a call for him to resign")."""
    if not words:
        return True
    return any(
        (child.dep_ == "prep" and child.lower_ in words)
        or any(mark.dep_ == "mark" and mark.lower_ in words for mark in child.children)
        for child in noun.children
    )


def _adjunct_subjects(noun: Token) -> list[Token]:
    """The subject of the clause an unowned event noun is an adjunct of ("after talks with Y, X said" -> X):
    an act named with no actor of its own, next to what the subject did, is the subject's."""
    marker = noun.head
    if noun.dep_ not in ("pobj", "dobj") or marker.lower_ not in ADJUNCT_PREPS or marker.dep_ not in ADJUNCT_HEAD_DEPS:
        return []
    head = marker.head
    for _ in range(ADJUNCT_HOPS):
        if head.pos_ in ("VERB", "AUX"):
            break
        if head.dep_ != "pobj" or head.head.dep_ != "prep" or head.head.lower_ not in ADJUNCT_PREPS:
            return []
        head = head.head.head
    if head.pos_ not in ("VERB", "AUX"):
        return []
    return [child for child in head.children if child.dep_ == "nsubj"]


def _nominal_targets(noun: Token, sense: NominalSense, dictionary: VerbDictionary) -> tuple[Token, ...]:
    """The target phrases: the noun's own ("donations to the party"), the possessor where the sense says
    it receives ("the party's donations"), or those of the noun across a copula naming the same act."""
    found = _prep_objects(noun, sense.target_preps)
    # "criticism of the government's plan", "an attack on Labour's record": the owner of what is acted on
    found += [c for f in found for c in f.children if c.dep_ == "poss" and c.pos_ != "PRON"]
    if not found and sense.owner_receives:
        found = [c for c in noun.children if c.dep_ == "poss"]
    if not found and sense.code[:2] in ASKING_ROOTS:
        found = _asked_to_act(noun)
    if not found and sense.code[:2] in CHARGING_ROOTS:
        found = _charged_in_clause(noun)
    if not found and sense.code[:2] in REFUSING_ROOTS:
        found = _refused_objects(noun)
    for partner in [] if found else _copular_partners(noun):
        partner_sense = nominal_sense(partner, dictionary)
        if partner_sense is not None and partner_sense.code[:2] == sense.code[:2]:
            found = [
                pobj
                for prep in partner.children
                if prep.dep_ == "prep" and prep.lower_ in partner_sense.target_preps
                for pobj in prep.children
                if pobj.dep_ == "pobj"
            ]
            if found:
                break
    return tuple(found)


def _asked_to_act(noun: Token) -> list[Token]:
    """ "a demand for Turkey to recognise Cyprus", "a call for the minister to resign": the one a demand or
    appeal asks to act is the subject of its "for ... to" clause, whether the parser hangs "for" on the noun
    as a preposition or makes it the clause's mark."""
    found = [
        pobj
        for pobj in _objects_of_preps(noun, ("for",))
        if (after := pobj.right_edge.i + 1) < len(pobj.doc) and pobj.doc[after].lower_ == "to"
    ]
    found += [
        subject
        for clause in noun.children
        if clause.dep_ in ("acl", "relcl", "advcl") and _marked(clause, "for")
        for subject in clause.children
        if subject.dep_ == "nsubj"
    ]
    return found


def _charged_in_clause(noun: Token) -> list[Token]:
    """ "criticism that the minister had misled MPs", "complaints from MPs that the leader took too long": the
    subject of a complaint's or charge's that-clause is whom it is made against. The parser may hang the
    clause on the noun or on the complainers named after it."""
    holders = [noun, *_prep_objects(noun, COMPLAINER_PREPS)]
    return [
        subject
        for holder in holders
        for clause in holder.children
        if clause.dep_ in ("acl", "ccomp", "relcl") and _marked(clause, "that")
        for subject in clause.children
        if subject.dep_ in ("nsubj", "nsubjpass")
    ]


def _marked(clause: Token, word: str) -> bool:
    return any(c.dep_ == "mark" and c.lower_ == word for c in clause.children)


def _refused_objects(noun: Token) -> list[Token]:
    """ "Mr X's refusal to meet the unions", "a rejection of calls to accept Labour's offer": whom the refused act
    is aimed at, its object or that object's owner ("the Tories' proposals": the Tories)."""
    objects = [obj for clause in noun.children if clause.dep_ == "acl" for obj in clause.children if obj.dep_ == "dobj"]
    return objects + [c for obj in objects for c in obj.children if c.dep_ == "poss" and c.pos_ != "PRON"]


def _copular_partners(noun: Token) -> list[Token]:
    """Nouns on the other side of "be" from `noun` ("the largest gift ... was a bequest"), also the
    object of a fronted "among" ("among the gifts to the party were ...")."""
    copula = noun.head
    if noun.dep_ not in COPULAR_SIDES or lemma_of(copula) != COPULA:
        return []
    sides = [c for c in copula.children if c.dep_ in COPULAR_SIDES and c.i != noun.i]
    fronted = [
        pobj
        for prep in copula.children
        if prep.dep_ == "prep" and prep.lower_ in COPULAR_PREPS
        for pobj in prep.children
        if pobj.dep_ == "pobj"
    ]
    return sides + fronted
