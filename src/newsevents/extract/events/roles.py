"""Who did it and to whom: source and target actors read off the dependency parse.

Source: the subject (`nsubj`), or for a passive the `by`-agent; a verb without its own subject
borrows it from the verb it is conjoined with, the verb whose complement it is ("Russia plans to
attack"), or the noun a relative clause hangs on ("troops, who attacked"). Target: the direct
object, the dative, a passive subject, or the object of a directed preposition ("to", "with",
"against", "on"). A role phrase yields one actor per conjunct; inside a phrase the actor is the
mention at its head, an apposition, a possessor or modifier ("Russia's demands", "Russian troops"),
or the object of "of" ("the president of France").
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import replace

from spacy.tokens import Token

from newsevents.extract.context import ExtractContext
from newsevents.extract.events.tree import near_children
from newsevents.extract.syntax import compared_subject, gerund_conjunct, headline_passive, reporting_conjunct
from newsevents.nlp.text import children_of
from newsevents.types import Actor

SUBJECT_DEPS = frozenset({"nsubj", "csubj"})
OBJECT_DEPS = frozenset({"dobj", "dative", "iobj"})
# Prepositions that point at whom the act is directed; locative ones ("in Paris") are not targets.
TARGET_PREPS = frozenset({"to", "with", "against", "on", "upon", "at", "toward", "towards", "into", "from", "for"})
# "fired back on Twitter", "said on television": the channel an act goes through is not its target
MEDIA = frozenset(
    {"twitter", "facebook", "instagram", "youtube", "tiktok", "television", "tv", "radio", "air", "camera", "website"}
)
MODIFIER_DEPS = frozenset({"poss", "compound", "amod", "nmod", "npadvmod"})
RELATIVE_PRONOUNS = frozenset({"who", "which", "that", "whom"})
INHERIT_SUBJECT_DEPS = frozenset({"conj", "xcomp", "advcl", "acomp"})
DEEP_PREPS = TARGET_PREPS | {"by"}
OWNER_PREPS = frozenset({"of", "by", "from"})
ORIGIN_PREPS = frozenset({"of", "from"})
AREA_PREPS = frozenset({"in", "throughout", "across"})
# Collective nouns for people whose country is where they are: "students throughout Indonesia".
PEOPLE_NOUNS = frozenset(
    {
        "group",
        "party",
        "student",
        "opposition",
        "activist",
        "protester",
        "protestor",
        "demonstrator",
        "worker",
        "rebel",
        "militant",
        "guerrilla",
        "insurgent",
        "leader",
        "official",
        "authority",
        "people",
        "resident",
        "villager",
        "farmer",
        "union",
        "citizen",
        "refugee",
        "minority",
        "faction",
        "movement",
        "elder",
        "crowd",
    }
)
# Military weapons and the CAMEO code of violence done with them (193 small arms, 194 artillery and tanks,
# 195 aerial weapons and missiles); their owner is the perpetrator: "killed by an Israeli missile",
# "wounded in Syrian tank fire".
WEAPON_CODES = {
    "gunfire": "193",
    "sniper": "193",
    "tank": "194",
    "artillery": "194",
    "mortar": "194",
    "rocket": "194",
    "gunboat": "190",
    "missile": "195",
    "warplane": "195",
    "jet": "195",
    "helicopter": "195",
    "gunship": "195",
    "drone": "195",
}
OWNER_PRONOUNS = frozenset({"his", "her", "its", "their"})
FIRST_SECOND_PERSON = frozenset({"i", "we", "you", "me", "us"})
AMOUNT_ENTITIES = frozenset({"MONEY", "PERCENT", "QUANTITY"})
CURRENCY_NOUNS = frozenset({"pound", "dollar", "euro", "yen", "yuan", "rouble", "ruble", "rupee", "franc", "peso"})
ABOUT_PREPS = frozenset({"for", "over", "about", "at", "after"})
# Nouns for those who stand against someone: the possessor or "of" phrase is the one opposed, never the actor.
ADVERSARY_NOUNS = frozenset(
    {"critic", "opponent", "rival", "enemy", "foe", "detractor", "accuser", "challenger", "adversary", "victim"}
)
# "the soldier's family", "relatives of the hostages": kin are other people than the one they are named after
KIN_NOUNS = frozenset(
    {"family", "relative", "widow", "widower", "parent", "mother", "father", "son", "daughter", "child", "wife",
     "husband", "brother", "sister", "relation", "next-of-kin"}
)  # fmt: skip
# Things that are about something: "criticised the report on Iran" is aimed at the report, Iran is its topic
# (an act on someone, "condemned the attack on Syria", "welcomed the sanctions on Iran", is aimed at them).
# "a limit on the number of migrants", "a cut in the share of farmers": a measure of people is what the act
# changes, not whom it is aimed at (as a subject, "a number of MPs rebelled", the people still act).
QUANTITY_NOUNS = frozenset({"number", "amount", "proportion", "share", "percentage", "level", "total", "count"})
TOPIC_NOUNS = frozenset(
    {
        "report", "policy", "stance", "position", "view", "comment", "remark", "article", "story", "debate",
        "question", "issue", "law", "bill", "legislation", "book", "speech", "document", "paper", "study",
        "survey", "figure", "record", "plan", "proposal", "decision", "strategy", "approach", "handling",
    }
)  # fmt: skip
BARE_MARKS = frozenset({"mark", "aux"})
MESSAGE_NOUNS = frozenset({"letter", "message", "email", "e-mail", "note", "telegram", "memo", "call", "submission"})
IMPOSING_PARTICIPLES = frozenset({"impose", "place", "put", "levy", "slap", "aim", "direct", "target", "enforce"})
AUTHOR_PARTICIPLES = frozenset(
    {"compile", "publish", "release", "issue", "produce", "prepare", "write", "draft", "commission", "table"}
)
# Verbs that take a stand on someone else's plan: "criticised the decision to invade" is not a decision of the critic's
STANCE_VERBS = frozenset(
    {
        "criticise", "criticize", "condemn", "welcome", "oppose", "reject", "attack", "slam", "praise", "support",
        "back", "endorse", "question", "challenge", "resist", "denounce", "block", "veto", "fight", "protest",
        "fear", "hail", "applaud", "blast", "deplore", "decry", "dismiss", "ridicule", "mock", "scrutinise",
    }
)  # fmt: skip
OBJECT_CONTROL_PREPS = frozenset({"of", "from", "into", "against"})
EXPULSION_VERBS = frozenset({"expel", "suspend", "ban", "bar", "exclude", "eject", "oust", "deport", "sack", "dismiss"})
# Charges that always name who is charged: with no object, the verb is passive ("Minister accused of lying").
OBJECT_REQUIRING_CHARGES = frozenset({"accuse", "suspect"})
CREDIT_BLAME_VERBS = frozenset(
    {"thank", "praise", "commend", "congratulate", "blame", "criticise", "criticize", "condemn", "fault"}
)
# "went ahead with plans to", "backed away from plans to", "insisted on plans to": the subject's own plans
OWN_PLAN_PREPS = frozenset({"with", "from", "on"})
LOCATIVE_PREPS = frozenset({"in", "at", "near", "inside", "to", "into", "across", "outside", "around"})


def phrase_actors(ctx: ExtractContext, token: Token, depth: int = 0) -> list[Actor]:
    """The actor(s) a noun phrase headed by `token` stands for ("US and British activists": two)."""
    if _amount(token):
        return []  # "promised pounds 4bn", "gave 5% to the fund": a sum is what is given, never who
    actor = ctx.actor_for_token(token)
    if actor is None or actor.code is None:
        authors = actors_of(ctx, _authors(token), depth + 1) if depth <= 2 else []
        if authors:
            return authors
    if actor is not None and any(
        _amount(t) for t in token.doc.char_span(actor.start, actor.end, alignment_mode="expand") or ()
    ):
        return []
    if actor is not None:
        return [_with_origin(ctx, _named_apposition(ctx, token, actor) or actor, token, depth)]
    if token.lemma_.lower() in ADVERSARY_NOUNS:
        return [_adversaries(ctx, token)]
    if token.lemma_.lower() in KIN_NOUNS and _owners(token):
        return [_kin(ctx, token, depth)]
    if depth > 2:
        return []
    # An apposition names the head itself ("the party's treasurer, Ann Lee"); a modifier only qualifies it.
    for child in sorted(token.children, key=lambda c: c.dep_ != "appos"):
        if child.dep_ == "appos" or (child.dep_ in MODIFIER_DEPS and child.i < token.i):
            found = actors_of(ctx, [child], depth + 1)
            if found:
                return found
    for child in token.children:
        if child.dep_ == "prep" and (child.lower_ in ORIGIN_PREPS or (child.lower_ in AREA_PREPS and _people(token))):
            # "the president of France", "doctors from Cuba", "opposition groups in Zimbabwe"
            return actors_of(ctx, [c for c in child.children if c.dep_ == "pobj"], depth + 1)
    # "several countries, including Iran and Syria": the examples name the actors a general noun stands for
    examples = [
        c for child in children_of(token) if _example_prep(child) for c in children_of(child) if c.dep_ == "pobj"
    ]
    return actors_of(ctx, examples, depth + 1)


def _owners(token: Token) -> list[Token]:
    """Whom a kin noun is named after: "the soldier's family", "relatives of the hostages"."""
    owners = [c for c in token.children if c.dep_ == "poss"]
    return owners + [p for c in token.children if c.dep_ == "prep" and c.lower_ == "of" for p in c.children]


def _kin(ctx: ExtractContext, token: Token, depth: int) -> Actor:
    """ "the soldier's family sued", "relatives of the hostages met ...": kin are civilians of their own, of the
    country of the one they are named after, never that one."""
    phrase = _adversaries(ctx, token)
    owners = actors_of(ctx, _owners(token), depth + 1) if depth <= 2 else []
    country = next((o.country for o in owners if o.country), None)
    return replace(phrase, country=country, sector="CVL", code=f"{country or ''}CVL")


def _adversaries(ctx: ExtractContext, token: Token) -> Actor:
    """ "Blair's critics", "opponents of the plan": the one named is whom they stand against, so the phrase
    itself is the (uncoded) actor, never its possessor."""
    start = token.left_edge.idx
    end = token.idx + len(token.text)
    text = ctx.text[start:end]
    return Actor(start, end, text, text, kind="group")


def _authors(token: Token) -> list[Token]:
    """ "figures compiled by the opposition", "a report published by the UN": a document speaks for whoever
    made it public; a thing merely "obtained by" or "seen by" someone does not."""
    return [
        pobj
        for acl in token.children
        if acl.dep_ == "acl" and acl.tag_ == "VBN" and acl.lemma_.lower() in AUTHOR_PARTICIPLES
        for agent in acl.children
        if agent.dep_ == "agent"
        for pobj in agent.children
        if pobj.dep_ == "pobj"
    ]


def _example_prep(token: Token) -> bool:
    if token.dep_ != "prep":
        return False
    if token.lower_ in ("including", "like"):
        return True
    return token.lower_ == "as" and token.i > 0 and token.doc[token.i - 1].lower_ == "such"


def _named_apposition(ctx: ExtractContext, token: Token, actor: Actor) -> Actor | None:
    """The name in apposition to a role noun of the same entity ("the businessman Peter Hart"): the name
    is the mention that says who acted, the role only describes them."""
    for child in children_of(token):
        if child.dep_ == "appos" and child.pos_ == "PROPN":
            named = ctx.actor_for_token(child)
            if named is not None and named is not actor and named.same_entity(actor):
                return named
    return None


def _amount(token: Token) -> bool:
    return token.ent_type_ in AMOUNT_ENTITIES or token.lower_.removesuffix("s") in CURRENCY_NOUNS


def _with_origin(ctx: ExtractContext, actor: Actor, token: Token, depth: int) -> Actor:
    """An actor of unknown country takes the country of the "of"/"from" phrase that says where it
    belongs: "dissidents from Egypt", "ministers from the Georgian government", "the mayor of Nablus"."""
    if actor.country or actor.org or depth > 2:
        return actor
    for child in token.children:
        if child.dep_ == "prep" and child.lower_ in ORIGIN_PREPS:
            pobjs = [c for c in child.children if c.dep_ == "pobj"]
            origin = next((a for a in actors_of(ctx, pobjs, depth + 1) if a.country), None)
            if origin is not None:
                code = f"{origin.country}{actor.sector or ''}"
                return replace(actor, country=origin.country, code=code)
    return actor


def _people(token: Token) -> bool:
    return token.pos_ == "NOUN" and token.lemma_.lower() in PEOPLE_NOUNS


def _is_list_apposition(token: Token) -> bool:
    """ "The US, Russia, and Switzerland" is parsed as US <-appos- Russia <-conj- Switzerland."""
    return token.dep_ == "appos" and any(child.dep_ == "conj" for child in token.children)


def members(ctx: ExtractContext, token: Token) -> list[Token]:
    """`token` and the phrases coordinated with it, also when the parser hung them on another token
    of the same actor mention ("Barack Obama and Vladimir Putin")."""
    start_tokens = [token]
    actor = ctx.actor_for_token(token)
    if actor is not None:
        mention = token.doc.char_span(actor.start, actor.end, alignment_mode="expand")
        if mention is not None:
            start_tokens = list(mention)
    found = [] if _title_of_named(token) else [token]
    seen = {token.i, *(t.i for t in start_tokens)}
    stack = list(start_tokens)
    while stack:
        current = stack.pop()
        for child in children_of(current):
            if child.i not in seen and (child.dep_ == "conj" or _is_list_apposition(child)):
                seen.add(child.i)
                found.append(child)
                stack.append(child)
    return found


def _title_of_named(token: Token) -> bool:
    """ "retired banker and philanthropist Sir Tom Hill": a bare singular role noun (no article, no owner)
    coordinated with a name is a title of the named person, not a second actor."""
    if token.tag_ != "NN" or any(c.dep_ in ("det", "poss") for c in token.children):
        return False
    return any(c.dep_ == "conj" and c.pos_ == "PROPN" for c in token.children)


def actors_of(ctx: ExtractContext, heads: Iterable[Token], depth: int = 0) -> list[Actor]:
    found: list[Actor] = []
    for head in heads:
        for member in members(ctx, head):
            for actor in phrase_actors(ctx, member, depth):
                if all(actor is not seen for seen in found):
                    found.append(actor)
    return found


def subject_heads(verb: Token) -> list[Token]:
    """Tokens heading the subject phrase of `verb` (the agent for passives)."""
    subjects = [c for c in near_children(verb) if c.dep_ in SUBJECT_DEPS]
    agents = [pobj for c in near_children(verb) if c.dep_ == "agent" for pobj in c.children if pobj.dep_ == "pobj"]
    if agents:
        return agents
    if headline_passive(verb) or _headline_charge(verb):
        return []  # "Minister accused of lying": the subject was acted on, by no one named
    if not subjects and is_passive(verb):
        # "our interests were ignored": whoever ignored them is not named, unless a body expelled them
        return _expelling_body(verb)
    if subjects:
        if verb.dep_ == "relcl" and subjects[0].lower_ in RELATIVE_PRONOUNS:
            return [verb.head]
        subjects = [compared_subject(verb, s) for s in subjects]
        return subjects + _companions(verb, subjects)
    if verb.dep_ == "relcl" and not any(c.dep_ == "nsubjpass" for c in near_children(verb)) and not _participle(verb):
        return [verb.head]
    if verb.dep_ == "xcomp" and verb.head.i != verb.i:
        # object control: "asked Obama to help", "Obama was pressured to help"
        controllers = [c for c in near_children(verb.head) if c.dep_ in ("dobj", "nsubjpass")]
        return controllers or subject_heads(verb.head)
    reporting = reporting_conjunct(verb)
    if reporting is not None:
        return subject_heads(reporting)
    earlier_gerund = gerund_conjunct(verb)
    if earlier_gerund is not None:
        return subject_heads(earlier_gerund)
    patients = _passive_head_subjects(verb)
    if patients:
        return patients
    if verb.dep_ in INHERIT_SUBJECT_DEPS and verb.head.i != verb.i:
        return subject_heads(verb.head)
    if verb.dep_ == "acl" and _infinitive(verb):
        return _planners(verb.head)
    if verb.dep_ == "pcomp" and verb.tag_ == "VBG" and verb.head.dep_ == "prep" and verb.head.head.pos_ == "VERB":
        return _gerund_doers(verb.head)
    if verb.dep_ == "pcomp" and verb.tag_ == "VBG" and verb.head.dep_ == "prep":
        return _noun_gerund_doers(verb.head)
    return []


def _passive_head_subjects(verb: Token) -> list[Token]:
    """ "were not consulted but have called for ...", "was criticised but defended the plan": an active verb
    coordinated with a passive one acts with the passive's subject, not with its (absent) agent. Active
    means its own auxiliary or a direct object: a bare participle the parser tags as a past tense ("were
    detained and forced to return") is still passive."""
    if verb.dep_ != "conj" or verb.head.i == verb.i or is_passive(verb) or not is_passive(verb.head):
        return []
    if not any((c.dep_ == "aux" and c.lower_ != "to") or c.dep_ == "dobj" for c in near_children(verb)):
        return []
    return [c for c in near_children(verb.head) if c.dep_ == "nsubjpass"]


def _gerund_doers(prep: Token) -> list[Token]:
    """Who does the gerund after a preposition of a verb: its object after "of", "from", "against" and after
    "for" of praise or blame ("accused Iran of hiding", "thanked Japan for helping", "warned them against
    voting"), else its subject ("won support by promising", "joined France in condemning": France too, one
    joins someone in what they do)."""
    governor = prep.head
    if governor.dep_ == "pcomp":
        return []  # two gerunds deep ("accused X of making claims by alleging ..."): too far to tell who
    objects = [c for c in near_children(governor) if c.dep_ == "dobj"] or _charged_patients(governor)
    if prep.lower_ == "for":
        # "thanked Japan for helping", "blamed them for starting": a reason for praise or blame is the object's act;
        # "jailed him for helping" is a charge whose act the court does not assert
        return objects if governor.lemma_.lower() in CREDIT_BLAME_VERBS else []
    if prep.lower_ in OBJECT_CONTROL_PREPS:
        return objects
    doers = subject_heads(governor)
    return doers + objects if doers and governor.lemma_.lower() == "join" else doers


def _charged_patients(governor: Token) -> list[Token]:
    """ "was accused of criticising X", "Minister accused of lying": a passive charge, blame or thanks has no
    object; its subject undergoes it and so does the act it names (the active "accused him of ..." has him as
    object). CODING.md codes the charged act, reported, with that subject as its doer."""
    if headline_passive(governor) or _headline_charge(governor):
        return [c for c in near_children(governor) if c.dep_ == "nsubj"]
    if not is_passive(governor):
        return []
    return [c for c in near_children(governor) if c.dep_ == "nsubjpass"]


def _headline_charge(verb: Token) -> bool:
    """ "Minister accused of lying" tagged as a past tense: one is never accused or suspected of a thing
    without being named, so a headline's bare "accused of" with no object and no auxiliary is passive."""
    return (
        verb.sent.start == 0
        and verb.dep_ == "ROOT"
        and verb.lemma_.lower() in OBJECT_REQUIRING_CHARGES
        and not any(c.dep_.startswith("aux") or c.dep_ == "dobj" for c in near_children(verb))
    )


def _expelling_body(verb: Token) -> list[Token]:
    """ "was expelled from the party", "was suspended from the council": with no by-agent, the body one is put
    out of is the one that acts."""
    if verb.lemma_.lower() not in EXPULSION_VERBS:
        return []
    return [
        pobj
        for prep in near_children(verb)
        if prep.dep_ == "prep" and prep.lower_ == "from"
        for pobj in prep.children
        if pobj.dep_ == "pobj"
    ]


def _noun_gerund_doers(prep: Token) -> list[Token]:
    """ "accused the mayor of hiding": the parser may hang "of hiding" on the object noun, not the verb;
    after a charging preposition the object still does the act."""
    noun = prep.head
    if noun.dep_ != "dobj" or prep.lower_ not in OBJECT_CONTROL_PREPS or noun.pos_ not in ("NOUN", "PROPN", "PRON"):
        return []
    return [noun]


def _planners(noun: Token) -> list[Token]:
    """Who acts in "X's decision to endorse", "plans to invade": the noun's owner when it names one
    ("welcomed the union's decision to strike": the union strikes), else the subject of the verb
    that has the noun as its own ("denied having plans to invade", "pressed ahead with plans to
    cut"). Someone worried about, opposed to or voting on plans is not the planner."""
    owners = [c for c in noun.children if c.dep_ == "poss"]
    owners += [
        p for c in noun.children if c.dep_ == "prep" and c.lower_ == "by" for p in c.children if p.dep_ == "pobj"
    ]
    if owners:
        return owners
    if noun.dep_ in ("dobj", "attr") and noun.head.lemma_.lower() not in STANCE_VERBS:
        return subject_heads(noun.head)
    if noun.dep_ == "pobj" and noun.head.lower_ in OWN_PLAN_PREPS and noun.head.head.pos_ in ("VERB", "AUX"):
        return subject_heads(noun.head.head)
    return []


def _companions(verb: Token, subjects: list[Token]) -> list[Token]:
    """ "France, along with Germany, condemned ...", "France, together with Germany, ...": the companion set
    off between the subject and its verb acts too (CODING.md: one event per actor of a compound source)."""
    found = []
    for owner in (verb, *subjects):
        for prep in children_of(owner):
            if prep.dep_ != "prep" or not subjects[0].i < prep.i < verb.i:
                continue
            if prep.lower_ == "along":
                withs = [c for c in prep.children if c.dep_ == "prep" and c.lower_ == "with"]
            elif prep.lower_ == "with" and any(c.lower_ in ("together", "along") for c in prep.children):
                withs = [prep]
            else:
                continue
            found += [p for w in withs for p in w.children if p.dep_ == "pobj"]
    return found


def is_passive(verb: Token) -> bool:
    """A passive verb, also the second of "were trampled upon and ignored" and a headline's "UK urged to act"."""
    if any(c.dep_ in ("auxpass", "nsubjpass") for c in near_children(verb)) or headline_passive(verb):
        return True
    if verb.dep_ != "conj" or verb.tag_ != "VBN":
        return False
    # "were not consulted but have called for ...": a conjunct with its own auxiliary is active
    own_aux = any(c.dep_ == "aux" and c.lower_ != "to" for c in near_children(verb))
    return not own_aux and any(c.dep_ == "auxpass" for c in near_children(verb.head))


def _participle(verb: Token) -> bool:
    """A reduced passive relative ("the civilians imprisoned by Moscow"): its head noun is the patient."""
    return (
        verb.tag_ == "VBN"
        and verb.dep_ in ("acl", "relcl")
        and not any(c.dep_.startswith("aux") for c in near_children(verb))
    )


def _infinitive(verb: Token) -> bool:
    return any(child.dep_ == "aux" and child.lower_ == "to" for child in verb.children)


def _objects(owner: Token, own: set[int]) -> list[Token]:
    found = []
    for child in children_of(owner):
        if child.i in own or child.dep_ not in OBJECT_DEPS:
            continue
        if child.pos_ == "ADP":  # a dative "to": its object is the recipient
            found += [c for c in child.children if c.dep_ == "pobj"]
        else:
            found.append(_relative_antecedent(child))
    return found


def _relative_antecedent(token: Token) -> Token:
    """ "the mayor, who was criticised by X", "the minister, whom X criticised": a relative pronoun acted on
    stands for the noun its clause describes."""
    clause = token.head
    if token.lower_ in RELATIVE_PRONOUNS and clause.dep_ == "relcl" and clause.head.i != clause.i:
        return clause.head
    return token


def _directed(owner: Token, own: set[int], preps: frozenset[str] = TARGET_PREPS) -> list[Token]:
    return [
        pobj
        for prep in owner.children
        if prep.dep_ in ("prep", "dative") and prep.lower_ in preps
        for pobj in prep.children
        if pobj.dep_ == "pobj" and pobj.i not in own
    ]


def _scene(owner: Token, prep: Token) -> bool:
    """A phrase put before the subject sets the scene ("At the airport, the company wrote to residents",
    "On Monday, ..."), and so does one set off between the subject and its verb ("Mr Lee, on a tour of
    Asia, spent two days in Hanoi"): it says where, when or why, not whom the act is aimed at. So does
    an absolute "with" clause ("with only nurses allowed in"): it describes a circumstance."""
    if _absolute(prep):
        return True
    subjects = [c for c in owner.children if c.dep_ in ("nsubj", "nsubjpass")]
    if not subjects:
        return False
    return prep.i < min(s.left_edge.i for s in subjects) or (owner.pos_ in ("VERB", "AUX") and prep.i < owner.i)


def _medium(pobj: Token) -> bool:
    return pobj.head.lower_ in ("on", "via") and pobj.lower_ in MEDIA


def _absolute(prep: Token) -> bool:
    """ "with X allowed in", "with prices rising": a noun with its own participle after "with"."""
    return prep.lower_ in ("with", "without") and any(
        pobj.dep_ == "pobj" and any(c.dep_ == "acl" and c.tag_ in ("VBN", "VBG") for c in pobj.children)
        for pobj in prep.children
    )


def target_groups(verb: Token, nouns: tuple[Token, ...] = ()) -> list[list[Token]]:
    """Candidate target phrases of `verb`, most direct first: passive subject, objects, directed preps.

    `nouns` are the trigger's own nouns ("sanctions" in "imposed sanctions on"): never a target,
    but their prepositions are searched first.
    """
    own = {noun.i for noun in nouns}
    patient_deps = ("nsubjpass", "nsubj") if headline_passive(verb) else ("nsubjpass",)
    # a relative patient stands for its noun only when someone is named acting ("who was criticised by X"): with
    # no agent the act is agentless, and the parser often hangs "who were ..." on the wrong noun
    agent = any(c.dep_ == "agent" for c in verb.children)
    patients = [c for c in verb.children if c.dep_ in patient_deps and c.i not in own]
    groups = [[_relative_antecedent(c) if agent else c for c in patients]]
    if not groups[0] and verb.dep_ == "conj" and is_passive(verb):
        # the shared subject is the patient of a passive conjunct: "Russia attacked and was condemned by NATO"
        groups.append([c for c in verb.head.children if c.dep_ in ("nsubj", "nsubjpass") and c.i not in own])
    if not groups[0] and verb.dep_ == "xcomp" and verb.head.i != verb.i and is_passive(verb):
        groups.append([c for c in _raised_patients(verb) if c.i not in own])
    if _participle(verb):
        groups.append([verb.head])
    # in a passive, "from X" names where the act came from, not whom it hit ("fired at it from Gaza")
    verb_preps = TARGET_PREPS - {"from"} if is_passive(verb) else TARGET_PREPS
    for owner in (*nouns, *_participles(nouns), verb):
        directed = _directed(owner, own, verb_preps if owner.i == verb.i else TARGET_PREPS)
        directed = [pobj for pobj in directed if not _scene(owner, pobj.head) and not _medium(pobj)]
        groups += [_objects(owner, own), directed, _small_clause_subjects(owner, own)]
    groups += [_purpose_objects(noun, own) for noun in nouns]
    return [group for group in groups if group]


def _raised_patients(verb: Token) -> list[Token]:
    """ "The men are expected to be questioned by police", "he refused to be interviewed by X": a passive
    infinitive has no subject of its own; the one acted on is its governor's object ("asked the men to be
    searched") or else its governor's subject."""
    governor = verb.head
    if governor.dep_ == "acomp" and governor.head.i != governor.i:
        governor = governor.head  # "were due to be attacked", "are likely to be questioned": the copula's subject
    objects = [c for c in governor.children if c.dep_ == "dobj"]
    return objects or [c for c in governor.children if c.dep_ in ("nsubj", "nsubjpass")]


def _purpose_objects(noun: Token, own: set[int]) -> list[Token]:
    """ "took legal action to unseat the councillors", "tabled a motion to censure the minister": the
    object of the trigger noun's purpose infinitive is whom the measure is aimed at, when nothing nearer is."""
    clauses = [c for c in noun.children if c.dep_ in ("acl", "relcl")]
    if noun.dep_ == "dobj":  # the parser may hang the infinitive on the verb whose object the noun is
        clauses += [c for c in noun.head.children if c.dep_ in ("xcomp", "advcl") and c.i > noun.i]
    return [
        obj
        for clause in clauses
        if clause.pos_ == "VERB" and _infinitive(clause)
        for obj in clause.children
        if obj.dep_ == "dobj" and obj.i not in own
    ]


def _small_clause_subjects(verb: Token, own: set[int]) -> list[Token]:
    """ "helped Kenya fight the drought", "let Iran keep its reactor": the parser makes the helped one the
    subject of a bare infinitive clause; it is the object of the helping."""
    return [
        subject
        for clause in verb.children
        if clause.dep_ == "ccomp" and clause.tag_ == "VB" and not any(c.dep_ in BARE_MARKS for c in clause.children)
        for subject in clause.children
        if subject.dep_ == "nsubj" and subject.i not in own
    ]


def sources_of(ctx: ExtractContext, verb: Token) -> list[Actor]:
    heads = subject_heads(verb)
    found = _named_owner(ctx, verb, actors_of(ctx, heads))
    if not found and heads and all(h.pos_ == "PRON" for h in heads):
        # "Israel announced it would free ...": an unresolved "it"/"they" is the reporting clause's subject
        clause = verb
        while clause.dep_ in ("xcomp", "acomp", "conj") and clause.head.i != clause.i:
            clause = clause.head
        reporting = clause.head if clause.dep_ in ("ccomp", "conj") and clause.head.i != clause.i else None
        if reporting is not None and not _other_person(heads, reporting) and not _quoted_by(ctx, heads, reporting):
            return sources_of(ctx, reporting)
    return found


def _named_owner(ctx: ExtractContext, verb: Token, found: list[Actor]) -> list[Actor]:
    """ "Mr Kerr used his speech to defend the plan": the owner of the speech acts, and it is named as the
    subject of the verb that has the speech as its object; "his" only repeats that subject."""
    if len(found) != 1 or found[0].text.lower() not in OWNER_PRONOUNS:
        return found
    owner = next((t for t in verb.sent if t.idx == found[0].start and t.dep_ == "poss"), None)
    if owner is None or owner.head.dep_ not in ("dobj", "attr") or owner.head.head.pos_ not in ("VERB", "AUX"):
        return found
    user = owner.head.head  # "used" in "used his speech to attack", whichever way the infinitive hangs
    if user.i not in (verb.head.i, verb.head.head.i) or user.i == verb.i:
        return found
    named = actors_of(ctx, [s for s in near_children(user) if s.dep_ in SUBJECT_DEPS])
    return named if named and all(a.same_entity(found[0]) for a in named) else found


def _quoted_by(ctx: ExtractContext, pronouns: list[Token], verb: Token) -> bool:
    """'X told the BBC: "They lied to us."': a third-person pronoun in quoted words is never the speaker
    whose verb, outside the quote, reports them (the speaker says "I" or "we")."""
    if any(map(_first_or_second, pronouns)):
        return False
    return any(
        all(q.start <= p.idx < q.end for p in pronouns) and not q.start <= verb.idx < q.end
        for q in ctx.quotes
        if q.kind == "direct"  # an indirect quote's "they" may well be its speaker ("Israel said it would ...")
    )


def _other_person(pronouns: list[Token], verb: Token) -> bool:
    """ "We hope they will support us": a third-person "they" is never the "we" or "I" whose clause reports it."""
    speakers = subject_heads(verb)
    return bool(speakers) and all(map(_first_or_second, speakers)) and not any(map(_first_or_second, pronouns))


def _first_or_second(token: Token) -> bool:
    return token.pos_ == "PRON" and token.lower_ in FIRST_SECOND_PERSON  # not "US", the country


def clause_subject_actors(ctx: ExtractContext, verb: Token) -> list[Actor]:
    """Subjects of the verb's that-clause: "demanded that Mugabe abandon his policy" -> Mugabe."""
    clauses = [c for c in verb.children if c.dep_ == "ccomp"]
    # "reiterated its demand that Israel ease restrictions": the clause hangs on the event noun
    clauses += [c for noun in verb.children if noun.dep_ == "dobj" for c in noun.children if c.dep_ in ("acl", "ccomp")]
    return actors_of(ctx, [s for c in clauses for s in c.children if s.dep_ in ("nsubj", "nsubjpass")])


def letter_addressees(ctx: ExtractContext, verb: Token) -> list[Actor]:
    """ "In a letter to the prime minister, the union demanded ...": whom the message carrying the act is sent to."""
    messages = [
        pobj
        for prep in near_children(verb)
        if prep.dep_ == "prep" and prep.lower_ in ("in", "through", "via")
        for pobj in prep.children
        if pobj.dep_ == "pobj" and pobj.lemma_.lower() in MESSAGE_NOUNS
    ]
    return actors_of(ctx, _directed_all(messages, frozenset({"to"})))


def _directed_all(owners: list[Token], preps: frozenset[str]) -> list[Token]:
    return [pobj for owner in owners for pobj in _directed(owner, set(), preps)]


def cause_noun(verb: Token, is_event_noun: Callable[[Token], bool]) -> Token | None:
    """The event noun or weapon a passive blames: "were killed in Israeli shelling", "hit by an air
    strike", "killed by a Russian missile", "wounded in Israeli tank fire"."""
    if not any(c.dep_ == "nsubjpass" for c in verb.children):
        return None
    for prep in verb.children:
        if prep.dep_ in ("prep", "agent") and prep.lower_ in ("in", "by", "during"):
            for noun in prep.children:
                if noun.dep_ == "pobj" and (is_event_noun(noun) or is_weapon(noun)):
                    return noun
    return None


def is_weapon(token: Token) -> bool:
    return token.pos_ == "NOUN" and token.lemma_.lower() in WEAPON_CODES


def sender_actors(ctx: ExtractContext, nouns: tuple[Token, ...]) -> list[Actor]:
    """Who sent what the subject received, when the parser hangs "from" on the thing's own "of" phrase:
    "received a letter of resignation from X", "a message of support from X"."""
    inner = [pobj for noun in nouns for pobj in _directed(noun, set(), frozenset({"of"}))]
    return actors_of(ctx, [pobj for noun in inner for pobj in _directed(noun, set(), frozenset({"from"}))])


def origin_sources(ctx: ExtractContext, verb: Token) -> list[Actor]:
    """Where an agentless passive attack came from: "a rocket was fired at Israel from Gaza" (CAMEO codes
    the place as the source)."""
    if not is_passive(verb):
        return []
    found: list[Actor] = []
    for pobj in _directed(verb, set(), frozenset({"from"})):
        actor = ctx.actor_for_token(pobj) or _place_as_actor(ctx, pobj)
        if actor is not None and actor.country:
            found.append(actor)
    return found


def unresolved_pronouns(ctx: ExtractContext, verb: Token) -> list[Token]:
    """Object pronouns ("fired at it") that the actor stage did not resolve."""
    heads = [t for group in target_groups(verb) for t in group]
    return [t for t in heads if t.lower_ in ("it", "them", "us") and ctx.actor_for_token(t) is None]


def departure_targets(ctx: ExtractContext, verb: Token) -> list[Actor]:
    """Whom a withdrawal concerns: where the forces leave ("withdrew from Syria to Israel" concerns Syria)."""
    return actors_of(ctx, _directed(verb, set(), frozenset({"from", "out"})))


def targets_of(ctx: ExtractContext, verb: Token, nouns: tuple[Token, ...] = ()) -> list[Actor]:
    """Actors the act is aimed at: the first candidate phrase that names one, else one level down
    inside the objects ("rejected the demands by Russia")."""
    groups = target_groups(verb, nouns)
    for group in groups:
        found = actors_of(ctx, group)
        if found:
            return found
    heads = [head for group in groups for head in group]
    deeper = [
        pobj
        for head in (*heads, *_participles(heads))
        for pobj in _directed(head, set(), DEEP_PREPS)
        if not (head.lemma_.lower() in TOPIC_NOUNS and pobj.head.lower_ in ABOUT_PREPS | {"on"})
        and pobj.lemma_.lower() not in QUANTITY_NOUNS
    ]
    return actors_of(ctx, deeper)


def _participles(nouns: Iterable[Token]) -> list[Token]:
    """Participles that say whom a measure is aimed at: "lifted the sanctions imposed on Iran", "eased
    the curbs placed on Cuba" (not "the debt owed to Britain": that says who is owed, not who is hit)."""
    return [
        c
        for noun in nouns
        for c in noun.children
        if c.dep_ == "acl" and c.tag_ == "VBN" and c.lemma_.lower() in IMPOSING_PARTICIPLES
    ]


def owner_actors(ctx: ExtractContext, nouns: tuple[Token, ...]) -> list[Actor]:
    """Whose demand, offer or plan the trigger's noun is: "rejected Russia's demands"."""
    heads = [
        child
        for noun in nouns
        for child in noun.children
        if child.dep_ in ("poss", "compound", "amod", "nmod") and child.i < noun.i
    ]
    heads += [pobj for noun in nouns for pobj in _directed(noun, set(), OWNER_PREPS)]
    return actors_of(ctx, heads)


def location_targets(ctx: ExtractContext, owners: tuple[Token, ...]) -> list[Actor]:
    """The country where a one-sided act happens, as CAMEO codes it: a protest in Beijing is aimed
    at China, exercises in Alaska at the United States, a visit to Beirut at Lebanon."""
    found: list[Actor] = []
    places = [p for owner in owners for p in _directed(owner, set(), LOCATIVE_PREPS)]
    objects = [c for owner in owners for c in owner.children if c.dep_ == "dobj"]
    places += objects  # "shelled Kharkiv"
    places += [p for obj in objects for p in _directed(obj, set(), AREA_PREPS)]  # "shelled the suburbs in Syria"
    for pobj in places:
        actor = ctx.actor_for_token(pobj)
        if actor is None:
            actor = _place_as_actor(ctx, pobj)
        if actor is not None and actor.country and all(actor.country != a.country for a in found):
            found.append(actor)
    return found


def act_victims(ctx: ExtractContext, owners: tuple[Token, ...], exclude: list[Actor]) -> list[Actor]:
    """Who suffered the act that a claim of responsibility or a condolence is about: the actors named
    in its phrase, else the country where it happened ("responsibility for the attack on a mall in
    Nairobi", "sorrow over the shootings in South Carolina")."""
    acts = [p for owner in owners for p in _directed(owner, set(), ABOUT_PREPS)]
    tokens = sorted({t.i: t for act in acts for t in act.subtree}.values(), key=lambda t: t.i)
    named: list[Actor] = []
    for token in tokens:
        actor = ctx.actor_for_token(token)
        if actor is not None and actor.country and all(actor.country != a.country for a in (*named, *exclude)):
            named.append(actor)
    if named:
        return named
    places = (_place_as_actor(ctx, token) for token in tokens)
    return [place for place in places if place is not None][:1]


def _place_as_actor(ctx: ExtractContext, token: Token) -> Actor | None:
    start, end = token.idx, token.idx + len(token.text)
    for place in ctx.places:
        if place.start < end and start < place.end and place.country:
            return Actor(place.start, place.end, place.text, place.name, country=place.country, code=place.country)
    return None
