"""Is the event asserted, negated, hypothetical or only reported?

Walks from the trigger up its clause chain: a negation or modal on the trigger (or on the verbs
it is the infinitive complement of: "did not try to attack", "could decide to invade"), an
`if`/`unless` clause, an irrealis governor ("plans to invade", "fears of"), a denial ("denied
having plans to invade") or a speech verb ("X said that Y would attack Z") decide it.
"""

from __future__ import annotations

from spacy.tokens import Token

from newsevents.extract.actors.headline import headline_sentence
from newsevents.extract.events.dictionary import deinflected
from newsevents.extract.events.tree import near_children
from newsevents.nlp.text import children_of, sentence_of, span_tokens
from newsevents.types import Modality

STRONG_MODALS = frozenset({"could", "might", "may", "should", "can", "must", "ought", "shall", "'d"})
WEAK_MODALS = frozenset({"would"})  # future-in-the-past under a speech verb, else hypothetical
ABILITY_MODALS = frozenset({"can", "ca"})
ADVICE_MODALS = frozenset({"should", "ought", "must", "might", "may"})  # "ca" is spaCy's token for "can't"
FUTURE_AUX = frozenset({"will", "'ll", "shall", "wo"})
PERFECTIVE_AUX = frozenset({"did", "has", "have", "had", "'s", "'ve", "'d"})
CONDITIONAL_MARKS = frozenset({"if", "unless", "whether"})
DENIALS = frozenset({"deny", "refute", "dismiss", "reject", "disprove", "debunk"})
IRREALIS = frozenset(
    {
        "plan",
        "intend",
        "want",
        "wish",
        "hope",
        "expect",
        "prepare",
        "consider",
        "seek",
        "aim",
        "fear",
        "warn",
        "predict",
        "propose",
        "threaten",
        "ready",
        "poised",
        "likely",
        "possible",
        "able",
        "urge",
        "call",
        "ask",
        "demand",
        "push",
        "plot",
        "contemplate",
        "weigh",
        "mull",
        "risk",
        "decide",
        "offer",
        "agree",
        "vow",
        "pledge",
        "promise",
        "would",
        "refuse",
        "fail",
        "avoid",
        # scheduled acts: "is due to visit", "is scheduled to sign" ("set" only with its infinitive: SCHEDULED)
        "due",
        "scheduled",
        "slated",
    }
)
SPEECH = frozenset(
    {
        "say",
        "tell",
        "state",
        "add",
        "claim",
        "report",
        "announce",
        "note",
        "insist",
        "argue",
        "suggest",
        "stress",
        "explain",
        "confirm",
        "allege",
        "declare",
        "believe",
        "think",
        "write",
        "tweet",
        "accuse",
        "acknowledge",
        "admit",
        "assert",
        "contend",
        "maintain",
        "reiterate",
        "indicate",
        "emphasise",
        "emphasize",
        "charge",
        "testify",
        "disclose",
        "reveal",
        "estimate",
        "quote",
        "according",
    }
)
# Nouns that name a planned act, which CODING.md codes as hypothetical: "plans to invade", "the decision to attack".
PLAN_NOUNS = frozenset({"plan", "intention", "intent", "proposal", "decision", "scheme", "preparation"})
# Nouns whose infinitive says what they entitle or bind someone to do: "won contracts to supply the army".
ENTITLEMENT_NOUNS = frozenset(
    {
        "contract",
        "deal",
        "licence",
        "license",
        "permission",
        "permit",
        "right",
        "mandate",
        "power",
        "chance",
        "opportunity",
        "approval",
        "go-ahead",
        "money",
        "funding",
        "fund",
        "grant",
    }
)
# Verbs that put a yes/no question: what they ask "if" or "whether" about is neither told nor planned.
QUESTION_HEADS = frozenset({"ask", "wonder", "question", "query", "inquire", "enquire"})
YES_NO_MARKS = frozenset({"if", "whether"})
# Frequency adverbs that make a present-tense verb a habit: "politicians often criticise the media".
HABITUAL_ADVERBS = frozenset(
    {
        "often",
        "usually",
        "always",
        "routinely",
        "regularly",
        "frequently",
        "generally",
        "typically",
        "normally",
        "traditionally",
        "sometimes",
        "rarely",
        "seldom",
        "habitually",
    }
)
# Verbs of permission, and the texts whose permission describes a policy, not an act: "the law allows police to
# detain suspects", "the new rules let ministers sack head teachers".
PERMIT_VERBS = frozenset({"allow", "let", "enable", "permit", "empower", "authorise", "authorize", "entitle"})
POLICY_NOUNS = frozenset(
    {
        "law",
        "bill",
        "act",
        "legislation",
        "rule",
        "regulation",
        "plan",
        "scheme",
        "proposal",
        "reform",
        "measure",
        "power",
        "change",
        "system",
        "policy",
        "code",
        "guideline",
        "order",
        "clause",
        "amendment",
        "treaty",
        "deal",
    }
)
# Participles that open a sentence by naming its topic: "Turning to X, ...", "Asked about X, ...", "Pressed on X, ...".
TOPIC_PARTICIPLES = frozenset({"turn", "refer", "ask", "press", "question", "quiz", "challenge"})
TOPIC_PREPOSITIONS = frozenset({"to", "about", "on", "over"})
# Subjects of an extraposed evaluation: "it is unwise to sue X", "it would be wrong to attack Y" judge an
# act that nobody is said to do.
EXPLETIVES = frozenset({"it", "this", "that"})
# Judging adjectives: with an expletive "it" they weigh an act in general. A referring "it" is read with a
# readiness adjective instead ("the government said it is willing to withdraw"), which is not listed here.
EVALUATIVE = frozenset(
    {
        "fair",
        "unfair",
        "right",
        "wrong",
        "important",
        "vital",
        "essential",
        "necessary",
        "unnecessary",
        "crucial",
        "good",
        "bad",
        "better",
        "best",
        "reasonable",
        "unreasonable",
        "legitimate",
        "illegitimate",
        "wise",
        "unwise",
        "sensible",
        "appropriate",
        "inappropriate",
        "acceptable",
        "unacceptable",
        "absurd",
        "ridiculous",
        "hard",
        "difficult",
        "easy",
        "impossible",
        "premature",
        "irresponsible",
        "foolish",
        "naive",
        "dangerous",
        "pointless",
        "hypocritical",
        "disgraceful",
        "shameful",
    }
)
# "is set to meet": scheduled, but "set out his view" or "set up a panel" is an act of its own.
SCHEDULED = frozenset({"set"})
# Verbs of agreement whose that-clause may be a view rather than a deal: "agreed that the deal was fair".
AGREEING = frozenset({"agree", "accept", "concede"})
# Headline passives: a bare participle whose subject undergoes the act ("Minister attacked over tax").
OBJECT_DEPS = frozenset({"dobj", "dative", "iobj", "ccomp", "xcomp", "attr", "oprd", "agent", "aux", "auxpass"})
# Determiners of a generic subject: "any chancellor would ..." names no one in particular.
GENERIC_DETERMINERS = frozenset({"any"})
# Heads (verb or noun) of an appeal: the act asked for in their "for X to ..." clause is the appeal's content,
# coded with the appeal ("called for the minister to resign"), not again as an act of its own.
APPEAL_HEADS = frozenset(
    {"call", "urge", "ask", "appeal", "press", "push", "demand", "plead", "beg", "campaign", "lobby"}
)
# Conjunctions of a time clause whose present tense tells a time to come: "before they attack", "until talks resume".
FUTURE_TIME_MARKS = frozenset({"before", "until", "till", "once"})
# Verbs of not doing what their infinitive says: "refused to rule out", "declined to rule out".
NOT_DOING = frozenset({"refuse", "decline", "fail", "reluctant", "unwilling"})
KNOWN_HEADS = DENIALS | IRREALIS | SPEECH
SAME_CLAUSE_DEPS = frozenset({"xcomp", "conj", "aux", "auxpass"})
MAX_HOPS = 8
# Opinion polls (CODING.md codes no poll result): the roots a poll measures (support, disapproval, rejection),
# the nouns of a poll, the public it counts, and the words that make a count or a share of that public.
POLL_ROOTS = frozenset({"05", "11", "12"})
POLL_NOUNS = frozenset({"poll", "survey", "opinion poll", "questionnaire", "canvass"})
POLLED = frozenset(
    "voter people public adult respondent elector electorate person briton citizen resident taxpayer reader "
    "viewer parent consumer pensioner motorist householder".split()
)
# A speech, a call or a letter given for a purpose ("held a news conference to denounce X") does what it is for.
VEHICLE_VERBS = frozenset("hold give deliver make write send issue use host convene air run post publish take".split())
VEHICLE_NOUNS = frozenset(
    "conference call speech address interview statement letter briefing rally ad advert advertisement op-ed "
    "column tweet post video message".split()
)
# Only a poll has these: whatever they say is a poll's answer, never an actor's act (usnews8b).
POLL_ANSWERERS = frozenset({"respondent", "respondents"})
POLL_TEXTS = frozenset({"poll", "polls", "survey", "surveys", "opinion poll", "exit poll"})
SHARES = frozenset("% percent per cent majority minority plurality third quarter half fifth tenth most".split())
# Texts that "require", "call for" or "ban" as grammatical subjects: no actor does what they say.
RULE_TEXTS = frozenset(
    "law bill act legislation rule regulation constitution treaty charter convention directive statute code "
    "guideline clause amendment provision protocol accord agreement deal plan proposal manifesto".split()
)
# Arguments whose "no" negates the act itself ("no arrests were made").
NEGATED_ARGUMENT_DEPS = frozenset({"dobj", "nsubjpass"})


def head_lemma(token: Token) -> str:
    """The lemma, corrected from the surface form when the lemmatizer slips ("hoped" -> "hop")."""
    lemma = token.lemma_.lower()
    if lemma in KNOWN_HEADS or token.pos_ not in ("VERB", "AUX"):
        return lemma
    return next((guess for guess in deinflected(token.lower_) if guess in KNOWN_HEADS), lemma)


def negated_directly(token: Token) -> bool:
    """ "did not attack", "would never provide"."""
    return any(child.dep_ == "neg" or child.lower_ == "never" for child in near_children(token))


def _none_of_it(argument: Token) -> bool:
    """An object or passive subject quantified by "no" negates the act: "no arrests have been made", "made no
    concessions" (an active subject is left alone: "no one else attacked them" tells of others too)."""
    return argument.dep_ in NEGATED_ARGUMENT_DEPS and any(
        c.dep_ == "det" and c.lower_ == "no" for c in argument.children
    )


def _own_marks(token: Token, skip_negation: bool = False) -> Modality | None:
    """Negation, modal or conditional marked on the verb itself; 'would' counts as hypothetical."""
    lowered = [child.lower_ for child in near_children(token) if child.dep_ in ("aux", "neg", "mark", "advmod")]
    if not skip_negation and (negated_directly(token) or any(_none_of_it(c) for c in near_children(token))):
        return "negated"
    if any(word in STRONG_MODALS or word in CONDITIONAL_MARKS for word in lowered):
        return "hypothetical"
    if token.tag_ in ("VBP", "VBZ") and token.dep_ == "advcl" and set(lowered) & FUTURE_TIME_MARKS:
        return "hypothetical"  # "before they attack", "until the talks resume": not yet done
    future = {"will", "'ll", "would"} & set(lowered)
    conditional = any(
        child.dep_ == "advcl" and any(m.lower_ in CONDITIONAL_MARKS for m in near_children(child))
        for child in near_children(token)
    )
    if future and conditional:
        return "hypothetical"
    if "would" in lowered:
        return "hypothetical"
    # a plain "will" stays asserted: PETR2's coding counts future acts as events; see docs/accuracy.md
    return None


def refusal(verb: Token) -> bool:
    """A negated act that is a refusal ("will not meet", "would not provide support", "does not back the
    bill"), not a fact that something did not happen ("did not meet", "never met", "has not met them")."""
    if not negated_directly(verb) or verb.tag_ == "VBD":
        return False
    auxiliaries = {c.lower_ for c in near_children(verb) if c.dep_ in ("aux", "auxpass")}
    if not auxiliaries and verb.dep_ == "conj":  # "should stand firm and not apologise": the first verb's modal
        auxiliaries = {c.lower_ for c in near_children(verb.head) if c.dep_ in ("aux", "auxpass")}
    # advice or a possibility is nobody's refusal: "he should not apologise", "they may not attend"
    return not auxiliaries & (PERFECTIVE_AUX | ADVICE_MODALS)


def _yet_to(token: Token) -> bool:
    """ "has yet to meet", "is yet to decide": not done so far."""
    return token.lemma_ in ("have", "be") and any(c.dep_ == "advmod" and c.lower_ == "yet" for c in token.children)


def _negated_noun(token: Token) -> bool:
    """ "no plans to attack", "without attacking"."""
    return (
        any(child.dep_ == "det" and child.lower_ == "no" for child in near_children(token)) or token.lower_ == "without"
    )


def modality(trigger: Token, in_quote: bool = False, skip_negation: bool = False) -> Modality:
    """The modality of the event whose trigger verb (or event noun) is `trigger`.

    `skip_negation` ignores a "not" on the trigger itself: used once a negated offer of cooperation
    has been recoded as a refusal ("would not provide support" is a rejection, 12x).
    """
    token = trigger
    same_clause = True
    irrealis = False
    # "Minister to visit Moscow": a headline's bare infinitive announces a plan
    tentative: Modality | None = "hypothetical" if _headline_plan(trigger) else None
    for _ in range(MAX_HOPS):
        if same_clause:
            own = _own_marks(token, skip_negation and token.i == trigger.i)
            if own == "hypothetical" and tentative is None:
                tentative = own  # "would" may turn into "reported" under a speech verb; a denial wins
            elif own == "negated" or (token.i != trigger.i and _yet_to(token)):
                return "negated"
        head = token.head
        if head.i == token.i:
            break
        if _unrealised_infinitive(token):
            irrealis = True  # "permission to help Syria", "pressured to help Iraq": the help is not given
        lemma = head_lemma(head)
        if (lemma in DENIALS and token.dep_ != "nsubj") or _negated_noun(head):
            return "negated"
        if lemma in SPEECH and token.dep_ in ("ccomp", "parataxis", "xcomp", "advcl", "pcomp", "pobj"):
            return "hypothetical" if irrealis or (tentative and not _would_only(trigger)) else "reported"
        if (lemma in IRREALIS and token.dep_ not in ("nsubj", "nsubjpass")) or (
            lemma in SCHEDULED and token.dep_ == "xcomp" and head.tag_ == "VBN"
        ):
            irrealis = True  # "hoped X would be indicted": a wish stays a wish even when reported
        same_clause = same_clause and token.dep_ in SAME_CLAUSE_DEPS and not _own_tense_conjunct(token)
        token = head
    if tentative is not None or irrealis:
        return "hypothetical"
    return "reported" if in_quote else "asserted"


def _own_tense_conjunct(token: Token) -> bool:
    """ "have not been consulted but have called for ...": a conjunct with its own auxiliary is a clause of
    its own; the first verb's "not" or "will" does not reach it. An infinitive's "to" is no such auxiliary:
    "did not want to meet X and to talk to Y" stays under the "not"."""
    return token.dep_ == "conj" and any(c.dep_ in ("aux", "auxpass") and c.lower_ != "to" for c in near_children(token))


def _headline_plan(trigger: Token) -> bool:
    """ "Minister to visit Moscow", "Unions to strike over pay": a headline infinitive with no finite verb above it
    (the parser hangs it on the subject noun) is the future; "Minister vows to ..." is left to the vow."""
    if not any(c.dep_ == "aux" and c.lower_ == "to" for c in trigger.children):
        return False
    token = trigger
    for _ in range(MAX_HOPS):
        if token.dep_ not in ("xcomp", "conj", "relcl", "acl") or token.head.i == token.i:
            break
        token = token.head
    if token.i != trigger.i and token.pos_ in ("VERB", "AUX"):
        return False
    headline = headline_sentence(trigger.doc)
    return headline is not None and headline.start <= trigger.i < headline.end


def not_an_act(trigger: Token) -> str | None:
    """Why the trigger names no act at all, neither done nor planned, or None.

    CODING.md codes acts that took place, and future, planned or conditional ones as hypothetical;
    an act that did not happen and is not expected ("could have rallied the party"), a mere ability
    ("we can beat them"), a habit or a generality ("any leader would praise his allies") and an act
    named as the object of an attempt, a contract or a permission ("an attempt to fight poverty") are
    none of these.
    """
    if _purpose(trigger):
        return "object of a noun"
    if _asked_about(trigger):
        return "question"
    if _direct_question(trigger):
        return "question"
    if _in_topic_phrase(trigger):
        return "topic"
    if _permitted_by_policy(trigger):
        return "policy"
    if _in_comparison(trigger):
        return "comparison"
    if _appealed_for(trigger):
        return "appealed for"
    clause = [trigger]  # "could have tried to rally": the marks sit on the verb the trigger completes
    while _completes(clause[-1]) and clause[-1].head.i != clause[-1].i and len(clause) < MAX_HOPS:
        clause.append(clause[-1].head)
    for verb in clause:
        words = {child.lower_ for child in near_children(verb) if child.dep_ in ("aux", "neg")}
        if words & STRONG_MODALS and "have" in words and verb.tag_ == "VBN":
            return "counterfactual"
        if words & ABILITY_MODALS or head_lemma(verb) == "able":
            return "ability"
        if "would" in words and not _reported_or_conditional(verb):
            return "habitual"
        if not words and verb.tag_ in ("VBZ", "VBP") and any(c.lower_ in HABITUAL_ADVERBS for c in verb.children):
            return "habitual"  # "politicians often criticise the media": a habit, not an act
        if any(c.dep_ == "nsubj" and _generic(c) for c in near_children(verb)):
            return "generic"
    return None


def present_habit(verb: Token) -> bool:
    """ "Officers patrol the estates at night", "the suspects are held at a base": a main-clause verb in the simple
    present (active, or a passive with only "is"/"are"), outside the headline, tells what is done as a rule or a
    state, not one act. Only read for material acts: a stance in the present ("the party opposes the bill") is
    held now, and is an event."""
    if _simple_present(verb) is None or verb.dep_ not in ("ROOT", "conj"):
        return False
    if verb.dep_ == "conj" and (_simple_present(verb.head) is None or verb.head.dep_ != "ROOT"):
        return False
    if speech_head(verb) is not None:
        return False  # "the army shells the villages, the group said" is a charge, told as such
    headline = headline_sentence(verb.doc)
    return headline is None or not headline.start <= verb.i < headline.end


def _simple_present(verb: Token) -> Token | None:
    """The verb itself ("patrol") or its only auxiliary ("are held") when it is a simple present, else None."""
    marks = [c for c in near_children(verb) if c.dep_ in ("aux", "auxpass", "neg")]
    if not marks:
        return verb if verb.tag_ in ("VBZ", "VBP") else None
    if len(marks) == 1 and marks[0].dep_ == "auxpass" and marks[0].lower_ in ("is", "are") and verb.tag_ == "VBN":
        return marks[0]
    return None


def _asked_about(trigger: Token) -> bool:
    """The trigger sits in the clause of a yes/no question: "was asked whether the party had backed X",
    "asked the minister if she would meet the strikers". An interviewer's question asserts nothing; a
    wh-question ("asked why the council cut the grant") takes the act as given and is not caught here.
    The asking itself is no appeal either ("reporters asked the minister if ..."): a request takes "to"."""
    if head_lemma(trigger) in QUESTION_HEADS and any(_yes_no(c) for c in trigger.children):
        return not any(c.dep_ == "xcomp" for c in trigger.children)
    token = trigger
    for _ in range(MAX_HOPS):
        head = token.head
        if head.i == token.i:
            return False
        if token.dep_ in ("ccomp", "advcl") and head_lemma(head) in QUESTION_HEADS:
            return _yes_no(token)
        if token.dep_ == "ccomp" and any(c.dep_ == "mark" and c.lower_ == "whether" for c in token.children):
            return True  # "declined to say whether he would resign", "is unclear whether they met": an open question
        if token.dep_ in ("ccomp", "advcl", "parataxis", "relcl", "acl", "ROOT"):
            return False  # another clause boundary: the question is not about this clause
        token = head
    return False


def _topic_participle(token: Token) -> bool:
    """ "Turning to ...", "Asked about ...", "Pressed on ..." before the main clause: it names what is spoken about."""
    return (
        token.dep_ == "advcl"
        and token.tag_ in ("VBG", "VBN")
        and token.i < token.head.i
        and token.lemma_.lower() in TOPIC_PARTICIPLES
        and any(c.dep_ == "prep" and c.lower_ in TOPIC_PREPOSITIONS for c in token.children)
    )


def _in_topic_phrase(trigger: Token) -> bool:
    """The trigger is a topic participle ("Pressed on his attack, the minister said ...": the minister appeals to
    no one) or an event noun inside its phrase ("Turning to critics' fears that ...": a topic, not a report)."""
    if _topic_participle(trigger):
        return True
    token = trigger
    for _ in range(MAX_HOPS):
        if token.head.i == token.i or token.dep_ in ("ccomp", "advcl", "relcl", "acl", "xcomp", "conj", "nsubj"):
            return token.dep_ == "advcl" and _topic_participle(token)
        token = token.head
    return False


def no_doer(trigger: Token) -> str | None:
    """Why a verb-pattern trigger names an act nobody is said to do, or None: an act an adjective judges ("it
    is unwise to sue them"), a view agreed on ("agreed that the deal was fair"), a headline's
    agentless passive ("Minister attacked over tax"), an option kept open ("would not rule out tax rises"). Read
    for verb events only: a speech cue in such a clause
    ("it is unfair to accuse the judges") still carries its speaker's statement."""
    if _evaluated(trigger):
        return "evaluation"
    if _shared_view(trigger):
        return "shared view"
    if _headline_passive(trigger):
        return "agentless headline passive"
    if _participle_passive(trigger):
        return "agentless participle passive"
    if _text_as_subject(trigger):
        return "a rule or a text as subject"
    if _option_kept_open(trigger):
        return "option kept open"
    return None


def _text_as_subject(trigger: Token) -> bool:
    """ "the constitution requires a vote", "the treaty calls for talks", "the law bans it": what a rule or an
    agreement says is policy, not an act of anyone's (whoever wrote or signed it acted elsewhere)."""
    return any(c.dep_ == "nsubj" and c.lemma_.lower() in RULE_TEXTS for c in near_children(trigger))


def _evaluated(trigger: Token) -> bool:
    """ "it is unwise to sue the firm", "it would be wrong to attack them": an infinitive that an adjective
    judges, after an expletive subject, names an act in general, not one anybody did or plans."""
    if trigger.dep_ != "xcomp" or not any(c.dep_ == "aux" and c.lower_ == "to" for c in trigger.children):
        return False
    head = trigger.head
    adjective: Token | None = head
    if head.dep_ == "acomp":
        head = head.head  # "wrong to attack": the adjective hangs on the copula
    else:
        adjective = next((c for c in head.children if c.dep_ == "acomp"), None)
    if adjective is None or adjective.lower_ not in EVALUATIVE:
        return False
    return head.lemma_ == "be" and any(c.dep_ == "nsubj" and c.lower_ in EXPLETIVES for c in head.children)


def _shared_view(trigger: Token) -> bool:
    """ "We agree that the deal was fair", "they accept that the plan was a mistake": agreeing that
    something is so (a copula, no modal) shares a view; "agreed that the border should reopen" is a deal."""
    if head_lemma(trigger) not in AGREEING or any(c.dep_ in ("xcomp", "prep") for c in trigger.children):
        return False
    clauses = [c for c in trigger.children if c.dep_ == "ccomp"]
    if any(c.dep_ == "dobj" for c in trigger.children):
        # "agreed the old rule, which ..., was unfair": the parser takes the clause's subject for an object and
        # its copula for a second verb with no subject of its own
        # (no "and" before it: "agreed the offer and was pleased" is two acts of one subject)
        children = list(trigger.children)
        clauses = [
            c
            for c in children
            if c.dep_ == "conj"
            and c.lemma_ == "be"
            and not _has_subject(c)
            and not any(cc.dep_ == "cc" and cc.i < c.i for cc in children)
        ]
    return bool(clauses) and all(
        c.lemma_ == "be" and not any(a.dep_ == "aux" and a.tag_ == "MD" for a in c.children) for c in clauses
    )


def _has_subject(verb: Token) -> bool:
    return any(c.dep_ in ("nsubj", "nsubjpass", "expl") for c in verb.children)


def _headline_passive(trigger: Token) -> bool:
    """ "Minister attacked over tax plans", "Party criticised on pledge": in a headline, a participle with a
    subject but no auxiliary, object or agent is a passive whose doer is not named (CODING.md codes no
    agentless passive); the active headline is in the present tense ("Minister attacks ...")."""
    if trigger.tag_ not in ("VBD", "VBN") or trigger.dep_ != "ROOT":
        return False
    children = list(trigger.children)
    if not any(c.dep_ == "nsubj" for c in children) or any(c.dep_ in OBJECT_DEPS for c in children):
        return False
    if any(c.dep_ == "prep" and c.lower_ == "by" for c in children):
        return False
    headline = headline_sentence(trigger.doc)
    return headline is not None and headline.start <= trigger.i < headline.end


def _participle_passive(trigger: Token) -> bool:
    """ "would stay at home if forced to choose", "Forced to resign in 1990, she ...", "the senator, forced out of
    office": a bare past participle that modifies a clause or a noun, with no subject, auxiliary or agent of its
    own, is a passive whose doer is not named (CODING.md codes no agentless passive). The clause's subject or the
    noun it hangs on is the one acted on, never the doer. "Having forced X to ..." (active) and "when invited by
    the president" (an agent) keep their event."""
    if trigger.tag_ != "VBN" or trigger.dep_ not in ("advcl", "acl"):
        return False
    return not any(
        c.dep_ in ("nsubj", "nsubjpass", "expl", "aux", "auxpass", "agent") or (c.dep_ == "prep" and c.lower_ == "by")
        for c in trigger.children
    )


def poll_result(trigger: Token, root: str) -> bool:
    """An act told as an opinion poll's finding: support, disapproval or rejection by a count or share of the
    public ("two thirds of voters reject the plan", "backed by more than 2,000 people", "most voters oppose it",
    "47% said they supported it"), or with a margin ("voters back the treaty by three to one"); and any act in a
    clause a poll reports ("a survey found voters backed X", "X, the poll suggests", "in the survey, ..."). CODING.md
    codes no poll result; a named body's vote ("MPs rejected the bill by 300 votes to 250") is an act, and so is a
    crowd's protest ("thousands of people marched")."""
    if _poll_finding(trigger):
        return True
    return root in POLL_ROOTS and (_counted_public(trigger) or _said_by_share(trigger))


def _said_by_share(trigger: Token) -> bool:
    """ "47% said they supported the ban", "around a quarter said they opposed it": what a share says is an answer
    to a poll."""
    head = speech_head(trigger)
    return head is not None and any(c.dep_ == "nsubj" and polled_share(c) for c in near_children(head))


def _counted_public(trigger: Token) -> bool:
    subjects = [c for c in near_children(trigger) if c.dep_ == "nsubj"]
    subjects += [g for c in near_children(trigger) if c.dep_ == "agent" for g in c.children if g.dep_ == "pobj"]
    for subject in subjects:
        if counted_public(subject):
            return True
        if _polled(subject) and any(_margin(c) for c in trigger.children):
            return True  # "voters back it by three to one"
    return False


def polled_share(subject: Token) -> bool:
    """A poll's respondents as a subject: a percentage ("47%"), a bare share ("around one quarter", "half") or a
    counted public. A share of a named group ("half of the senators") is those people, not a poll."""
    if subject.ent_type_ == "PERCENT" or counted_public(subject):
        return True
    return share_word(subject) and not any(p.lower_ == "of" for p in subject.children)


def counted_public(subject: Token) -> bool:
    """A count or share of the public a poll counts: "two thirds of voters", "a majority of Britons", "more than
    2,000 people", "most voters". What it supports, opposes or says is a poll result, not an actor's act."""
    if share_word(subject) and any(
        p.lower_ == "of" and any(o.dep_ == "pobj" and _polled(o) for o in p.children) for p in subject.children
    ):
        return True
    if _ratio(subject) or subject.lemma_.lower() in POLL_ANSWERERS or subject.lower_ in POLL_ANSWERERS:
        return True  # "two in three said", "one in four voters", "respondents said" (usnews8b)
    return _polled(subject) and any(
        c.dep_ == "nummod" or (c.dep_ == "amod" and c.lower_ in SHARES) for c in subject.children
    )


def _ratio(token: Token) -> bool:
    """ "two in three", "one in four voters", "four in 10": a number over a number is a share of those counted."""
    if not token.like_num:
        return False
    over = [o for p in token.children if p.lower_ == "in" for o in p.children if o.dep_ == "pobj"]
    return any(o.like_num or any(n.like_num for n in o.children) for o in over)


def poll_itself(token: Token) -> bool:
    """ "the poll", "a new survey", "Poll:": an opinion poll given as a speaker or a source reports a poll result,
    which CODING.md does not code (usnews8b)."""
    return token.lemma_.lower() in POLL_TEXTS or token.lower_ in POLL_TEXTS


def _polled(token: Token) -> bool:
    """A noun of the public a poll counts ("voters", "Britons": the small model leaves some plurals unlemmatised)."""
    return token.lemma_.lower() in POLLED or token.lower_.removesuffix("s") in POLLED


def share_word(token: Token) -> bool:
    """A share word ("majority", "third", "half", "most") or a percentage; a bare cardinal ("four said") is not."""
    return token.lower_ in SHARES or token.lemma_.lower() in SHARES or token.ent_type_ == "PERCENT"


def _margin(child: Token) -> bool:
    """ "by two to one", "by 60%": the prepositional phrase of a vote's or a poll's margin."""
    if child.dep_ != "prep" or child.lower_ != "by":
        return False
    return any(
        o.dep_ == "pobj" and (o.tag_ == "CD" or o.ent_type_ == "PERCENT" or o.lower_ == "%") for o in child.children
    )


def _poll_finding(trigger: Token) -> bool:
    """The trigger's clause is what a poll found, shows or suggests, or is told "according to" a poll."""
    token = trigger
    for _ in range(MAX_HOPS):
        if any(_poll_phrase(c) for c in near_children(token)):
            return True  # "most voters back him, the poll suggests", "according to the survey, ..."
        head = token.head
        if head.i == token.i or token.dep_ not in ("ccomp", "parataxis", "xcomp", "conj"):
            return False
        if token.dep_ in ("ccomp", "parataxis") and any(
            c.dep_ == "nsubj" and c.lemma_.lower() in POLL_NOUNS for c in near_children(head)
        ):
            return True  # "a survey found voters backed the treaty"
        token = head
    return False


def _poll_phrase(child: Token) -> bool:
    if child.dep_ == "parataxis":
        return any(c.dep_ == "nsubj" and c.lemma_.lower() in POLL_NOUNS for c in near_children(child))
    if child.dep_ == "prep" and child.lower_ in ("according", "in"):
        return any(g.lemma_.lower() in POLL_NOUNS for g in child.subtree)  # "according to the poll", "in the survey"
    return False


def _rules_out(verb: Token) -> bool:
    return verb.lemma_.lower() == "rule" and any(c.dep_ == "prt" and c.lower_ == "out" for c in verb.children)


def _option_kept_open(trigger: Token) -> bool:
    """Not ruling something out keeps it open: "does not rule out a return", "would not rule out tax rises",
    "refused to rule out an increase" reject nothing (nor is a rejection negated: nobody was about to reject)."""
    if _rules_out(trigger):
        return negated_directly(trigger)
    inner = [c for c in trigger.children if c.dep_ == "xcomp" and _rules_out(c)]
    return bool(inner) and (head_lemma(trigger) in NOT_DOING or negated_directly(trigger))


def _in_comparison(trigger: Token) -> bool:
    """The trigger is inside a simile: "it is like freeing a thief because he promised to pay", "acting as if they
    had invaded". A comparison pictures an act to judge another by; nobody did it. Only a clause (a gerund or a
    verb) under "like" counts: "attacks like last week's bombing" gives a real example."""
    token = trigger
    for _ in range(MAX_HOPS):
        head = token.head
        if head.i == token.i:
            return False
        if head.lower_ == "like" and head.dep_ == "prep" and token.dep_ in ("pcomp", "pobj") and token.pos_ == "VERB":
            return True
        if token.dep_ == "advcl" and {m.lower_ for m in token.children if m.dep_ in ("mark", "advmod")} >= {"as", "if"}:
            return True
        token = head
    return False


def _appealed_for(trigger: Token) -> bool:
    """The trigger is the infinitive of an appeal's "for X to ..." clause or of a noun of appeal: "called for the
    minister to resign", "joined the calls for him to go". The appeal is the event (CODING.md codes the request,
    as it codes a pledge, and not the act asked for again). An infinitive the appeal verb takes directly
    ("urged them to talk") is composed into the appeal's own code and never reaches here."""
    if trigger.dep_ not in ("advcl", "acl", "ccomp") or trigger.head.i == trigger.i:
        return False
    marks = {c.lower_ for c in trigger.children if c.dep_ in ("aux", "mark")}
    return "to" in marks and "for" in marks and head_lemma(trigger.head) in APPEAL_HEADS


def _permitted_by_policy(trigger: Token) -> bool:
    """What a law, bill or plan allows someone to do is a description of policy, not an act: "the law allows
    police to detain suspects". An actor's permission ("the army let the aid convoy enter") is not caught."""
    head = trigger.head
    if trigger.dep_ not in ("ccomp", "xcomp") or head.i == trigger.i or head.lemma_.lower() not in PERMIT_VERBS:
        return False
    return any(c.dep_ == "nsubj" and c.lemma_.lower() in POLICY_NOUNS for c in head.children)


def _direct_question(trigger: Token) -> bool:
    """ "Will the Tories attack Labour on tax?", "Has the party betrayed its voters?": an auxiliary before the
    subject in a sentence that ends in a question mark. A wh-question ("Why did X attack Y?") takes the act as
    given and is not caught."""
    verb = trigger
    while verb.dep_ in ("xcomp", "conj") and verb.head.i != verb.i:
        verb = verb.head
    last = next(
        (t for t in reversed(span_tokens(sentence_of(verb))) if not t.is_space and t.text not in ('"', "'")), None
    )
    if last is None or last.text != "?":
        return False
    children = list(verb.children)
    subject = next((c for c in children if c.dep_ in ("nsubj", "nsubjpass", "expl")), None)
    if subject is None or any(c.tag_ in ("WRB", "WP", "WDT") for c in verb.subtree if c.i < subject.i):
        return False
    return any(c.dep_ in ("aux", "auxpass") and c.i < subject.i for c in children)


def _yes_no(clause: Token) -> bool:
    return clause.dep_ in ("ccomp", "advcl") and any(
        c.dep_ == "mark" and c.lower_ in YES_NO_MARKS for c in clause.children
    )


def _completes(verb: Token) -> bool:
    """The verb's marks are read on the verb it completes or is the purpose of ("would use it to offer")."""
    return verb.dep_ == "xcomp" or (verb.dep_ == "advcl" and _unrealised_infinitive(verb))


def _generic(subject: Token) -> bool:
    """ "any chancellor", "any government": a subject that picks out no actor in particular."""
    return any(c.dep_ == "det" and c.lower_ in GENERIC_DETERMINERS for c in children_of(subject))


def _reported_or_conditional(trigger: Token) -> bool:
    """A "would" that is a reported future ("said it would meet") or the main clause of a condition."""
    if speech_head(trigger) is not None or trigger.dep_ in ("ccomp", "xcomp", "conj", "advcl", "relcl"):
        return True
    return any(
        child.dep_ == "advcl" and any(m.lower_ in CONDITIONAL_MARKS for m in near_children(child))
        for child in near_children(trigger)
    )


def _purpose(trigger: Token) -> bool:
    """An infinitive hanging on a noun that is not a plan: "in an attempt to fight poverty", "won contracts
    to supply the army", "permission to help", "new roads to be paid for by the council". The purpose of a
    verb ("sent experts to investigate") and plans ("plans to attack", "has no plans to attack") are planned
    acts: hypothetical, still coded."""
    if not _unrealised_infinitive(trigger) or trigger.head.i == trigger.i:
        return False
    head = trigger.head
    if trigger.dep_ in ("acl", "relcl"):
        return head.pos_ in ("NOUN", "PROPN") and head.lemma_.lower() not in PLAN_NOUNS
    # the parser often hangs the infinitive of "won contracts to supply" on the verb: read it off the noun
    # it follows when that noun is an entitlement, or when the infinitive is passive ("lanes to be funded")
    before = trigger.doc[trigger.left_edge.i - 1] if trigger.left_edge.i > 0 else None
    if before is None or before.pos_ not in ("NOUN", "PROPN"):
        return False
    if any(c.dep_ == "auxpass" for c in trigger.children):
        return True  # a passive infinitive right after a noun says what will be done to it
    # "won contracts to supply" (the noun is the verb's object), "the curbing of rights to protest" (deeper)
    return before.lemma_.lower() in ENTITLEMENT_NOUNS and (before.head.i == head.i or head.is_ancestor(before))


def _unrealised_infinitive(token: Token) -> bool:
    """An infinitive hanging on a noun or a purpose clause: "the decision to attack", "was pressured to help",
    "sent troops to attack". It names a goal, not an act that took place."""
    if not (
        token.dep_ in ("acl", "advcl", "relcl") and any(c.dep_ == "aux" and c.lower_ == "to" for c in token.children)
    ):
        return False
    return not _spoken_through(token)


def _spoken_through(purpose: Token) -> bool:
    """ "held a news conference to denounce X", "took to Twitter to attack Y", "wrote a letter to urge Z": the
    purpose of a speech, a call or a letter that was given is done by giving it (usnews8b)."""
    vehicle = purpose.head
    if purpose.dep_ != "advcl" or vehicle.lemma_.lower() not in VEHICLE_VERBS or _irrealis_mood(vehicle):
        return False
    objects = [c for c in vehicle.children if c.dep_ == "dobj"]
    if any(o.lemma_.lower() in VEHICLE_NOUNS for o in objects):
        return True
    # "took to Twitter to ...", "took to the airwaves to ..."
    return vehicle.lemma_.lower() == "take" and any(c.dep_ == "prep" and c.lower_ == "to" for c in vehicle.children)


def _irrealis_mood(verb: Token) -> bool:
    """The vehicle itself not given: "will hold a news conference to ...", "plans to write a letter to ..."."""
    marks = {c.lower_ for c in verb.children if c.dep_ in ("aux", "neg")}
    return bool(marks & (STRONG_MODALS | {"will", "would", "not", "n't", "never", "to"})) or verb.dep_ == "xcomp"


def _would_only(trigger: Token) -> bool:
    """Only 'would' marks the verb: reported speech's future-in-the-past, not a hypothesis."""
    words = {child.lower_ for child in near_children(trigger) if child.dep_ in ("aux", "mark")}
    return "would" in words and not words & (STRONG_MODALS | CONDITIONAL_MARKS)


def speech_head(trigger: Token) -> Token | None:
    """The speech verb that reports the trigger's clause ("X said it would ..."), if any."""
    for child in near_children(trigger):  # "X will evacuate the settlements, said a spokesman"
        if child.dep_ in ("parataxis", "ccomp") and head_lemma(child) in SPEECH and child.i > trigger.i:
            return child
    token = trigger
    for _ in range(MAX_HOPS):
        head = token.head
        if head.i == token.i:
            return None
        if token.dep_ in ("ccomp", "parataxis") and head_lemma(head) in SPEECH:
            return head
        if token.dep_ not in SAME_CLAUSE_DEPS | {"acomp"}:
            return None
        token = head
    return None
