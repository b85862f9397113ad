"""Is the event asserted, negated, hypothetical or only reported?

Walks from the trigger up its clause chain: a negation or modal on the trigger (or on the verbs
it is the infinitive complement of: "did not try to attack", "could decide to invade"), an
`if`/`unless` clause, an irrealis governor ("plans to invade", "fears of"), a denial ("denied
having plans to invade") or a speech verb ("X said that Y would attack Z") decide it.
"""

from __future__ import annotations

from spacy.tokens import Token

from newsevents.extract.events.dictionary import deinflected
from newsevents.extract.events.tree import near_children
from newsevents.types import Modality

STRONG_MODALS = frozenset({"could", "might", "may", "should", "can", "must", "ought", "shall", "'d"})
WEAK_MODALS = frozenset({"would"})  # future-in-the-past under a speech verb, else hypothetical
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
KNOWN_HEADS = DENIALS | IRREALIS | SPEECH
SAME_CLAUSE_DEPS = frozenset({"xcomp", "conj", "aux", "auxpass"})
MAX_HOPS = 8


def head_lemma(token: Token) -> str:
    """The lemma, corrected from the surface form when the lemmatizer slips ("hoped" -> "hop")."""
    lemma = token.lemma_.lower()
    if lemma in KNOWN_HEADS or token.pos_ not in ("VERB", "AUX"):
        return lemma
    return next((guess for guess in deinflected(token.lower_) if guess in KNOWN_HEADS), lemma)


def negated_directly(token: Token) -> bool:
    """ "did not attack", "would never provide"."""
    return any(child.dep_ == "neg" or child.lower_ == "never" for child in near_children(token))


def _own_marks(token: Token, skip_negation: bool = False) -> Modality | None:
    """Negation, modal or conditional marked on the verb itself; 'would' counts as hypothetical."""
    lowered = [child.lower_ for child in near_children(token) if child.dep_ in ("aux", "neg", "mark", "advmod")]
    if not skip_negation and negated_directly(token):
        return "negated"
    if any(word in STRONG_MODALS or word in CONDITIONAL_MARKS for word in lowered):
        return "hypothetical"
    future = {"will", "'ll", "would"} & set(lowered)
    conditional = any(
        child.dep_ == "advcl" and any(m.lower_ in CONDITIONAL_MARKS for m in near_children(child))
        for child in near_children(token)
    )
    if future and conditional:
        return "hypothetical"
    if "would" in lowered:
        return "hypothetical"
    return None


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
    tentative: Modality | None = None
    for _ in range(MAX_HOPS):
        if same_clause:
            own = _own_marks(token, skip_negation and token.i == trigger.i)
            if own == "hypothetical" and tentative is None:
                tentative = own  # "would" may turn into "reported" under a speech verb; a denial wins
            elif own == "negated":
                return own
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
        if lemma in IRREALIS and token.dep_ not in ("nsubj", "nsubjpass"):
            irrealis = True  # "hoped X would be indicted": a wish stays a wish even when reported
        same_clause = same_clause and token.dep_ in SAME_CLAUSE_DEPS
        token = head
    if tentative is not None or irrealis:
        return "hypothetical"
    return "reported" if in_quote else "asserted"


def _unrealised_infinitive(token: Token) -> bool:
    """An infinitive hanging on a noun or a purpose clause: "the decision to attack", "was pressured to help",
    "sent troops to attack". It names a goal, not an act that took place."""
    return token.dep_ in ("acl", "advcl") and any(c.dep_ == "aux" and c.lower_ == "to" for c in token.children)


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
