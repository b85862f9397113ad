"""What a number counts or measures, read from the parse.

A count names its subject itself ("130,000 Russian troops"). A measure (a share, a sum, a duration, a
bare figure) measures something the sentence names elsewhere, found in this order:
"45% of voters" (its of-phrase) → "a 35% rise in the budget" (the noun it modifies) → "the total of 659"
(the noun whose of-phrase it is) → "cut the number of MPs by a fifth" (the object of the verb whose
to/by/from/at phrase it is) → "the target is 12 months", "the roll fell by 17.5%" (the verb's subject).
"""

from __future__ import annotations

from spacy.tokens import Token

from newsevents.extract.claims.lexicon import claim_words
from newsevents.nlp.text import lefts_of

MODIFIER_DEPS = frozenset({"amod", "compound", "nmod", "poss"})
NOUN_MODIFIER_DEPS = frozenset({"amod", "compound", "nmod", "poss", "nummod", "quantmod"})
# Heads that say little without their of-phrase: "the number of MPs", "the size of the budget".
VAGUE_HEADS = frozenset(
    {"number", "total", "share", "proportion", "rate", "amount", "level", "size", "cost", "value", "percentage",
     "length", "period", "duration"}
)  # fmt: skip
CHANGE_HEADS = frozenset({"rise", "increase", "hike", "fall", "cut", "drop", "reduction", "growth", "decline", "jump"})
# "a maximum of six months", "an average of 5": the bound says nothing about what is measured.
BOUND_HEADS = frozenset({"maximum", "minimum", "average", "high", "low", "peak"})
# "a family of four", "a group of three": the number counts the actors themselves.
GROUP_NOUNS = frozenset({"family", "group", "couple", "team", "party", "gang", "band", "crew", "pair", "trio"})
VERB_PREPOSITIONS = frozenset({"to", "by", "from", "at"})
TIME_ANCHOR_PREPOSITIONS = frozenset({"within", "after", "before", "since"})
SUBJECT_DEPS = frozenset({"nsubj", "nsubjpass"})
# "leads her rival by 7 points", "won by 300 votes": the margin is the subject's, not the object's.
MARGIN_VERBS = frozenset({"lead", "trail", "beat", "win", "lose", "outpace", "outpoll", "edge"})
# Nouns that are a margin over someone: "a 9-point lead", "a 12-seat majority".
MARGIN_NOUNS = frozenset({"lead", "majority", "margin", "advantage", "deficit", "gap", "edge"})
PEOPLE_WHO_WORDS = 10  # "those who said ...": enough of the clause to say what they did
COPULAS = frozenset({"be", "become", "remain", "stand"})
# What people polled are: "10% were unsure", "40% are likely to vote", "a third were opposed".
STANCE_ADJECTIVES = frozenset(
    "unsure undecided uncertain sure certain likely unlikely opposed happy unhappy satisfied dissatisfied "
    "confident worried concerned aware unaware willing unwilling keen prepared ready".split()
)
CURRENCY_NOUNS = frozenset({"pounds", "euros", "dollars", "pence", "cents"})
RELATIVE_TAGS = frozenset({"WDT", "WP", "WP$"})
# Pronouns that say who acts even unresolved ("He served 20 years", "Anyone caught can be fined £1,000").
KEPT_PRONOUNS = frozenset({"i", "he", "she", "we", "they", "you", "anyone", "anybody", "everyone", "someone", "nobody"})
# "spend £2bn on hospitals", "set aside £40m for repairs": what a sum goes on.
PURPOSE_PREPOSITIONS = frozenset({"on", "for"})


def noun_phrase(head: Token, skip: set[int] | frozenset[int] = frozenset()) -> str:
    """The head noun with its left modifiers ("Russian troops"), and the of-phrase of a vague head."""
    head = _antecedent(head)
    words = [t.text for t in _modifiers_and_head(head, skip)]
    participle = next((c for c in head.rights if c.i == head.i + 1 and c.dep_ == "acl" and c.tag_ == "VBN"), None)
    if participle is not None and not any(participle.children):  # "people questioned", "schools inspected"
        words.append(participle.text)
    of_object = of_phrase_object(head)
    if of_object is not None and of_object.i not in skip:  # "cases of fraud", "the number of MPs"
        inner = noun_phrase(of_object, skip) if head.lemma_.lower() in VAGUE_HEADS else _bare_phrase(of_object, skip)
        words += ["of", inner]
    elif head.lemma_.lower() in CHANGE_HEADS:  # "a 35% rise in the budget": a rise of what
        target = _prep_object(head, "in")
        words += ["in", _bare_phrase(target, skip)] if target is not None else []
    return " ".join(words)


def _bare_phrase(head: Token, skip: set[int] | frozenset[int]) -> str:
    return " ".join(t.text for t in _modifiers_and_head(head, skip))


def _modifiers_and_head(head: Token, skip: set[int] | frozenset[int]) -> list[Token]:
    """The head and its left modifiers in text order, without punctuation (the hyphen of "a 9-point lead")."""
    modifiers = [
        t for c in lefts_of(head) if c.dep_ in MODIFIER_DEPS for t in c.subtree if t.i not in skip and t.pos_ != "PUNCT"
    ]
    return sorted([*modifiers, head], key=lambda t: t.i)


def _prep_object(token: Token, preposition: str) -> Token | None:
    prep = next((c for c in token.rights if c.dep_ == "prep" and c.lower_ == preposition), None)
    return next((c for c in prep.children if c.dep_ == "pobj"), None) if prep is not None else None


def of_phrase_object(token: Token) -> Token | None:
    of = next((c for c in token.rights if c.dep_ == "prep" and c.lower_ == "of"), None)
    return next((c for c in of.children if c.dep_ == "pobj"), None) if of is not None else None


def measured_subject(head: Token, skip: set[int]) -> str | None:
    """What a measure with this top token measures (see the module docstring), or None."""
    target = of_phrase_object(head)
    if target is not None and target.i not in skip and not _time_anchored(head):
        return noun_phrase(target, skip)
    if head.dep_ in MODIFIER_DEPS and head.head.pos_ == "NOUN":
        return margin_phrase(head.head, skip | {head.i})
    carriers = [head, *(c for c in head.children if c.pos_ == "NUM")]  # "pounds 50 million allocated": on "million"
    participle = next(
        (c for t in carriers for c in t.children if c.dep_ == "acl" and c.tag_ == "VBN" and c.i > head.i), None
    )
    if participle is not None:  # "the £50m allocated from the fund": the sum is what the participle says of it
        words = [t.text for t in participle.subtree if t.pos_ != "PUNCT" and t.dep_ != "advmod" and t.i not in skip]
        return "amount " + " ".join(words[:PEOPLE_WHO_WORDS])
    partner = _partner_figure(head)
    if partner is not None:  # "fell by 20,000 to 1.4 million": the first figure measures what the second does
        return measured_subject(partner, skip | {head.i})
    if head.dep_ in SUBJECT_DEPS and _acts(head.head):
        phrase = people_who(head)  # "£2m was pledged": a sum does not act, it is what the clause says of it
        return phrase.replace("those who ", "amount that ", 1) if phrase and _is_sum(head) else phrase
    holder, preposition = _holder(head)
    if holder is None:
        return None
    if holder.pos_ == "NOUN" and holder.lemma_.lower() in BOUND_HEADS and preposition == "of":
        return measured_subject(holder, skip | {head.i})  # "fall to a maximum of six months"
    if holder.pos_ == "NOUN":  # "Labour has a majority of 161" → majority of Labour
        return margin_phrase(holder, skip) if holder.lemma_.lower() not in GROUP_NOUNS else None
    if holder.pos_ not in ("VERB", "AUX"):
        return None
    return verb_subject(holder, preposition, head)


def _is_sum(head: Token) -> bool:
    """A figure written with a currency sign or word ("£2m", "pounds 50,000", "5bn euros")."""
    near = [head, *head.children, *head.doc[max(0, head.i - 2) : head.i]]
    return any(t.text in ("£", "$", "€") or t.lower_ in CURRENCY_NOUNS for t in near)


def margin_phrase(noun: Token, skip: set[int]) -> str:
    """A margin says whose it is: "the mayor holds a 9-point lead" → "lead of mayor"; other nouns as they are."""
    phrase = noun_phrase(noun, skip)
    if noun.lemma_.lower() not in MARGIN_NOUNS or any(c.dep_ == "poss" for c in noun.children):
        return phrase
    if noun.dep_ != "dobj" or noun.head.pos_ != "VERB":
        return phrase
    holder = _subject_of(noun.head)
    if holder is None or holder.pos_ not in ("NOUN", "PROPN"):
        return phrase
    return f"{phrase} of {noun_phrase(holder)}"


def people_who(figure: Token) -> str | None:
    """A share or count that acts is people doing it: "38% opposed the plan" → "those who opposed the plan";
    a group named by "among" or "of" stands for "those" ("Among pensioners, 70% said ..." → "pensioners who said
    ...", "Of those polled, 45 said ..." → "those polled who said ...")."""
    verb = figure.head
    # the verb's own clause: not a second clause joined to it ("38% opposed it and 45% backed it")
    joined = {t.i for c in verb.children if c.dep_ in ("conj", "cc") for t in c.subtree}
    words: list[str] = []
    for token in figure.doc[figure.right_edge.i + 1 : verb.right_edge.i + 1]:
        if token.pos_ in ("PUNCT", "CCONJ") or token.i in joined or len(words) >= PEOPLE_WHO_WORDS:
            break
        words.append(token.lemma_ if token.i == verb.i and token.tag_ == "VBG" else token.text)  # "with 40% saying"
    if not words:
        return None
    among = next((t for t in verb.children if t.dep_ == "prep" and t.lower_ in ("among", "of")), None)
    group = next((c for c in among.children if c.dep_ == "pobj"), None) if among is not None else None
    group = group if group is not None else _elided_count_noun(figure)
    return f"{noun_phrase(group) if group is not None else 'those'} who {' '.join(words)}"


def _elided_count_noun(figure: Token) -> Token | None:
    """ "1,500 officers were on duty, and 200 were injured": the second figure counts the first one's noun."""
    for token in reversed(figure.doc[figure.sent.start : figure.i]):
        if token.tag_ == "NNS" and any(c.dep_ == "nummod" for c in token.children):
            return token
    return None


def _acts(verb: Token) -> bool:
    """A verb whose subject figure is people doing something: "38% opposed it", "20% were against" (a copula
    without a noun after it: "37% was the turnout" says what the figure is)."""
    if verb.pos_ == "VERB" and verb.lemma_.lower() not in COPULAS:
        return True
    if verb.lemma_.lower() != "be":
        return False
    complements = [c for c in verb.children if c.dep_ in ("attr", "acomp")]
    # "10% were unsure", "30% are likely to vote": a poll's answer is what people are, not what the figure is
    return all(c.dep_ == "acomp" and c.lemma_.lower() in STANCE_ADJECTIVES for c in complements)


def _partner_figure(head: Token) -> Token | None:
    """The measure a figure was parsed as hanging on ("by 3% to 12%": "3%" on "12%"), by its unit if it has one."""
    if head.dep_ != "quantmod" or head.head.pos_ not in ("NUM", "NOUN", "SYM") or head.head.i < head.i:
        return None
    partner = head.head
    if partner.dep_ in ("nummod", "quantmod") and partner.head.pos_ in ("NOUN", "SYM") and partner.head.i > partner.i:
        return partner.head
    return partner


def _time_anchored(head: Token) -> bool:
    """ "within five years of the vote", "after six months of talks": the of-phrase dates the span, it is not
    what the span measures; the verb the phrase hangs on is."""
    return head.dep_ == "pobj" and head.head.lower_ in TIME_ANCHOR_PREPOSITIONS


def _holder(head: Token) -> tuple[Token | None, str | None]:
    """The noun or verb a measure hangs on, and the preposition between them (if any)."""
    if head.dep_ == "conj" and head.head.i != head.i:
        # Gapping: "the limit is 30 days for adults, but only ten days for children" -- the second figure
        # shares the first one's verb, or the first figure's own holder.
        first = head.head
        if first.pos_ in ("VERB", "AUX"):
            return first, None
        return _holder(first) if first.pos_ == "NOUN" else (None, None)
    if head.dep_ == "pobj" and head.head.dep_ in ("prep", "agent", "dative"):
        preposition = head.head
        holder = preposition.head
        if holder.pos_ in ("ADP", "ADV") and holder.dep_ in ("prep", "prt", "advmod"):  # "taken it up to 26 weeks"
            holder = holder.head
        if holder.pos_ == "ADJ" and holder.dep_ in ("acomp", "amod"):  # "worth more than ..."
            holder = holder.head
        return holder, preposition.lower_
    if head.dep_ in ("attr", "dobj", "dative", "oprd", "npadvmod", "acomp", "appos"):
        holder = head.head
        if holder.pos_ == "ADJ" and holder.dep_ in ("acomp", "amod", "advcl"):  # "worth pounds 7m"
            holder = holder.head
        return holder, None
    return None, None


def verb_subject(verb: Token, preposition: str | None, head: Token) -> str | None:
    """ "cut the number of MPs by a fifth" → its object; "the roll fell by 17.5%" → "roll fell";
    "the firm was fined £5m" → "fine for firm" (a penalty's figure measures the penalty)."""
    penalties = claim_words().penalties
    penalty = penalties.get(verb.lemma_.lower()) or penalties.get(verb.lower_)
    if penalty is not None:
        punished = _punished(verb)
        return f"{penalty} for {noun_phrase(punished)}" if punished is not None else penalty
    holder = _share_holder(head) if preposition == "on" else None
    if holder is not None:  # "The poll put Labour on 37%, the Tories on 33%": each party's share
        return noun_phrase(holder)
    if preposition in VERB_PREPOSITIONS and verb.lemma_.lower() not in MARGIN_VERBS:
        obj = next((c for c in verb.children if c.dep_ == "dobj" and c.i != head.i), None)
        obj = resolve_pronoun(obj) if obj is not None and obj.pos_ == "PRON" else obj
        if obj is not None and obj.pos_ in ("NOUN", "PROPN"):
            return noun_phrase(obj)
    subject = _subject_of(verb)
    if subject is not None and subject.lower_ == "it" and verb.lemma_.lower() == "take":
        return _time_taken(verb, head)
    if subject is not None and subject.pos_ == "PRON" and subject.tag_ not in RELATIVE_TAGS:
        # "it"/"that" stand for a noun before them; "he", "anyone" are kept ("He served 20 years" → He served)
        subject = resolve_pronoun(subject) if subject.lower_ not in KEPT_PRONOUNS else subject
    if subject is None:
        return None
    phrase = noun_phrase(subject)
    if verb.lemma_.lower() in COPULAS:
        return phrase
    return f"{phrase} {_verb_with_purpose(verb, head, preposition)}"


def _verb_with_purpose(verb: Token, head: Token, preposition: str | None) -> str:
    """A sum spent or given says what for: "spend £2bn on hospitals" → "spend on hospitals"."""
    if preposition is not None:
        return verb.text
    words = [verb.text, *(c.text for c in verb.children if c.dep_ in ("prt", "advmod") and c.lower_ == "aside")]
    purpose = next((c for c in verb.children if c.dep_ == "prep" and c.lower_ in PURPOSE_PREPOSITIONS), None)
    target = next((c for c in purpose.children if c.dep_ == "pobj"), None) if purpose is not None else None
    if purpose is None or target is None or purpose.i < head.i or target.pos_ not in ("NOUN", "PROPN"):
        return " ".join(words)
    return " ".join([*words, purpose.lower_, _bare_phrase(target, frozenset())])


def _share_holder(head: Token) -> Token | None:
    """ "X on 37%": in polls the name just before "on" is whose share the figure is ("put Labour on 37%",
    "with the Tories on 33%")."""
    prep = head.head
    before = head.doc[prep.i - 1] if prep.i > 0 else None
    if before is None or before.pos_ not in ("NOUN", "PROPN"):
        return None
    with_phrase = before.dep_ == "pobj" and before.head.lower_ == "with"  # "..., with the Tories on 33%"
    return before if before.dep_ in ("dobj", "conj", "appos") or with_phrase else None


def _punished(verb: Token) -> Token | None:
    """Who a penalty falls on: the object of an active verb ("sentenced him"), the subject of a passive one."""
    obj = next((c for c in verb.children if c.dep_ == "dobj" and c.pos_ in ("NOUN", "PROPN", "PRON")), None)
    if obj is not None:
        return obj
    subject = _subject_of(verb)
    return subject if subject is not None and subject.dep_ == "nsubjpass" else None


def _time_taken(verb: Token, head: Token) -> str | None:
    """ "It took eight years to build the bridge": the time what the clause after it says took."""
    clause = next((c for c in verb.children if c.dep_ in ("xcomp", "advcl", "ccomp") and c.i > head.i), None)
    if clause is None:
        return None
    words = [t.text for t in clause.subtree if t.pos_ != "PUNCT"][:PEOPLE_WHO_WORDS]
    return "time " + " ".join(words)


def _subject_of(verb: Token) -> Token | None:
    """The subject of a verb, looking through conjoined and open-clause verbs ("was paid to provide")."""
    for _ in range(3):
        subject = next((c for c in verb.children if _is_subject(c)), None)
        if subject is not None:
            return subject
        if verb.dep_ == "relcl":  # "patients who have waited ...": the noun the clause describes
            return verb.head
        if verb.dep_ not in ("conj", "xcomp", "advcl", "ccomp") or verb.head.i == verb.i:
            return None
        verb = verb.head
    return None


def _is_subject(token: Token) -> bool:
    """A subject, or a noun the parser took for a clausal one ("Turnout in the poll was 37%": csubj)."""
    if token.dep_ in SUBJECT_DEPS:
        return True
    return token.dep_ in ("csubj", "csubjpass") and token.pos_ in ("NOUN", "PROPN")


def _antecedent(token: Token) -> Token:
    """A relative pronoun stands for the noun its clause describes ("the plan, which could cost ...")."""
    if token.tag_ in RELATIVE_TAGS and token.head.dep_ == "relcl":
        return token.head.head
    return token


def resolve_pronoun(pronoun: Token) -> Token | None:
    """ "it"/"that" → the latest noun before it that was a subject or object (this or the previous sentence):
    "we doubled the length of pay; it was 13 weeks" → length. Personal pronouns are not resolved."""
    if pronoun.lower_ not in ("it", "that", "this"):
        return None
    doc = pronoun.doc
    floor = doc[pronoun.sent.start - 1].sent.start if pronoun.sent.start > 0 else 0
    for token in reversed(doc[floor : pronoun.i]):
        if token.pos_ == "NOUN" and token.dep_ in ("nsubj", "nsubjpass", "dobj"):
            return token
    return None


def nearest_noun_phrase(token: Token, skip: set[int], units: frozenset[str] = frozenset()) -> str | None:
    """When the parse names nothing measured: the closest noun before the number in its sentence that heads
    a subject, object or prepositional object ("the deal, worth ..." → deal); None at a sentence start.
    Units ("down from 6 percent" after "rose 7 percent") are passed over: they measure, they are not measured."""
    for candidate in reversed(token.doc[token.sent.start : token.i]):
        if (
            candidate.pos_ == "NOUN"
            and candidate.dep_ in ("nsubj", "nsubjpass", "dobj", "pobj", "attr", "appos")
            and candidate.i not in skip
            and candidate.lower_ not in CURRENCY_NOUNS
            and candidate.lower_ not in units
        ):
            return noun_phrase(candidate, skip)
    return None
