"""Issue 9, event recall: verb senses decided by the object or preposition, and nominal events, as data
in `data/verbs.tsv`, in sentences of our own.

Each row: sentence -> an event expected as (CAMEO code or root prefix, end of the source text, end of the
target text or None), checked through the real pipeline; `NO_EVENT` rows name codes that must not appear.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from newsevents.extract.events import load_verb_dictionaries
from newsevents.options import Options
from newsevents.types import InputError
from tests.test_events_senses import coded, has  # one helper for every event table

VERB_SENSES = [
    # money given to someone is aid (07), whatever the currency is written as
    ("The businessman Peter Hart gave £200,000 to the Labour Party last year.", "07", "Peter Hart", "Labour Party"),
    ("Britain cancelled Ghana's debts.", "071", "Britain", "Ghana"),
    # legal challenges are 115: in court, by legal action, by a launched challenge
    ("Greenpeace is challenging the council's decision in the High Court.", "115", "Greenpeace", "council"),
    ("The union will take legal action against the employer.", "115", "union", "employer"),
    ("The union has launched a legal challenge against the ministry.", "115", "union", "ministry"),
    # a challenge outside court is disapproval
    ("The Green Party challenged the mayor over the bus fares.", "11", "Green Party", "mayor"),
    # calling someone names: "branded X a Y" like "called X a Y"
    ("Senator Ruth Hall branded the governor a coward.", "111", "Ruth Hall", "governor"),
    # rejection by vote or by throwing a bill out
    ("The Senate threw out the governor's bill.", "12", "Senate", "governor"),
    # unveiling or publishing reform plans is an intent to reform (034), one-sided
    ("The Liberal Democrats unveiled plans to scrap tuition fees.", "034", "Liberal Democrats", None),
    # a commitment or undertaking made to someone is an intent to cooperate (03)
    ("The government had made a clear commitment to the charity.", "03", "government", "charity"),
    ("The minister gave an undertaking to the unions that jobs would be saved.", "03", "minister", "unions"),
    # an amount promised is not the one promised to
    ("The Tories have promised £4bn in tax cuts.", "03", "Tories", None),
    # an official recommending that another body act appeals to it
    ("Mayor Jane Doe recommended that the council hire more nurses.", "02", "Jane Doe", "council"),
    # going to a foreign country, or spending days there, is a visit
    ("The prime minister headed to Kenya on Monday.", "042", "prime minister", "Kenya"),
    ("The finance minister spent two days in Kenya.", "042", "finance minister", "Kenya"),
    # fourth round: a hyphenated prefix verb is the whole word ("over-ruled" is not "ruled")
    ("The Senate over-ruled the governor.", "12", "Senate", "governor"),
    # the object decides the sense: any settlement struck or reached is an agreement (057)
    ("The Tories struck a pact with the Liberal Democrats.", "057", "Tories", "Liberal Democrats"),
    ("The union reached a compromise with the employer.", "057", "union", "employer"),
    # a donation made to someone is aid, also through a support verb
    ("Acme Holdings made a donation to the Labour Party.", "07", "Acme Holdings", "Labour Party"),
    # a run of acts names the acts: the talks are with the council
    ("The company launched a series of consultations with the council.", "040", "company", "council"),
    # working together with a named partner; defying a ruling
    ("Labour joined forces with the unions against the bill.", "050", "Labour", "unions"),
    ("The council defied the High Court.", "128", "council", "High Court"),
    # the one whose release is asked for is not the one asked (`class undergoer`); one who is to
    # withdraw is
    ("Senator Anne Ross appealed for the release of the journalist Tom Fry.", "0253", "Anne Ross", None),
    ("The senator called for the extradition of the banker Tom Fry.", "02", "senator", None),
    ("The union demanded the withdrawal of the police.", "106", "union", "police"),
    # an offer is an intent to cooperate (030), finer when what is offered says more
    ("The minister made an offer to the unions.", "030", "minister", "unions"),
    ("Britain made an offer of aid to Kenya.", "033", "Britain", "Kenya"),
    # marching is still a demonstration
    ("Students demonstrated outside the ministry.", "141", "Students", None),
    # fifth round: "for" read as the mark of an infinitive clause is still the verb's "call for"
    ("The Green Party has called for a new watchdog to be created.", "02", "Green Party", None),
    ("Senator Anne Ross called for the police chief to resign.", "02", "Anne Ross", None),
    # an appeal named by "call" with its preposition, not a telephone call
    ("The Green Party renewed calls for a public inquiry.", "020", "Green Party", None),
    ("The union repeated its call for talks with the ministry.", "02", "union", "ministry"),
    # agreeing a settlement with someone is an agreement (057), not a statement of agreement
    ("The ministry agreed a deal with the nurses' union.", "057", "ministry", "union"),
    # phrasal verbs of criticism, support, consultation and aid
    ("Senator Anne Ross hit back at the governor.", "111", "Anne Ross", "governor"),
    ("The Liberal Democrats poured scorn on the Conservatives.", "111", "Liberal Democrats", "Conservatives"),
    ("The party leader sat down with the union leaders.", "040", "party leader", "union leaders"),
    # event nouns a support verb takes: pleas, requests, assurances, backing
    ("The Green Party made a plea to the city council to save the library.", "020", "Green Party", "city council"),
    ("The union made a formal request to the ministry for talks.", "020", "union", "ministry"),
    ("The minister gave an assurance to the unions that no jobs would go.", "030", "minister", "unions"),
    ("The Liberal Democrats gave their backing to the Labour candidate.", "051", "Liberal Democrats", "candidate"),
    # the subject receives: money received, fire come under, demands and calls faced, support won
    ("The Labour Party received £2m from Acme Holdings.", "071", "Acme Holdings", "Labour Party"),
    ("The city council came under fire from the Green Party.", "111", "Green Party", "city council"),
    ("The governor faced demands from the unions to resign.", "100", "unions", "governor"),
    ("The governor faced calls from the Green Party to resign.", "02", "Green Party", "governor"),
    ("The governor won the support of the unions.", "051", "unions", "governor"),
    # sixth round: a name-calling word in quotes, parsed as a clause, is still name-calling
    ('Senator Ruth Hall branded the scheme "reckless" and unfair.', "111", "Ruth Hall", None),
    # criminal charges pressed by a complainant are legal action, not an appeal
    ("The mayor will press charges against the Acme Holdings chairman.", "115", "mayor", "chairman"),
    # a street robbery is a physical assault
    ("Two Canadian diplomats were mugged by Kenyan youths.", "182", "Kenyan", "diplomats"),
    # working with a named partner is cooperation; raising a matter with someone consults them
    ("The Tories will work with the Liberal Democrats on the bill.", "050", "Tories", "Liberal Democrats"),
    ("The minister raised the issue with the Chinese president.", "040", "minister", "Chinese president"),
    # amounts written short ("£2m") are money for every money pattern, not only for "received"
    ("Acme Holdings has given £2m to the Labour Party since 2001.", "071", "Acme Holdings", "Labour Party"),
    ("The Labour Party has pledged £1bn to the Kenyan government.", "0331", "Labour Party", "Kenyan government"),
]


@pytest.mark.parametrize(("sentence", "code", "source", "target"), VERB_SENSES)
def test_verb_senses_from_their_objects(extract, sentence: str, code: str, source: str, target: str | None) -> None:
    record = extract(sentence, published="2005-01-01")
    assert has(record, code, source, target), coded(record)


NOMINALS = [
    # "between X and Y": each side towards the other
    ("The talks between Germany and France ended without a deal.", "046", "Germany", "France"),
    ("The talks between Germany and France ended without a deal.", "046", "France", "Germany"),
    # the possessor acts, the "to" phrase is addressed
    ("Senator Anne Ross's appeal to the city council went unanswered.", "02", "Anne Ross", "city council"),
    # "from" names the source, also when the parser hangs it on the verb
    ("The plan drew sharp criticism from Mayor Tom Reed.", "11", "Tom Reed", None),
    (
        "The Greens welcomed the donation of £5,000 from the Ford Foundation to the party.",
        "07",
        "Ford Foundation",
        "party",
    ),
    # fourth round: the possessor receives a donation ("the party's donations came from X"), the
    # prepositions may hang on a participle ("donations totalling £X from Y"), and the noun across
    # a copula names the recipient ("the largest gift to X was a bequest from Y")
    ("Most of the Labour Party's donations came from trade unions.", "07", "trade unions", "Labour Party"),
    (
        "Among the gifts to the Labour Party were 12 donations totalling £80,000 from Acme Holdings.",
        "07",
        "Acme Holdings",
        "Labour Party",
    ),
    ("The largest gift to the Labour Party was a bequest from John Smith.", "07", "John Smith", "Labour Party"),
    # cooperation nouns with both sides named
    ("The minister's tour of Kenya ended on Friday.", "042", "minister", "Kenya"),
    ("British aid to Kenya has doubled.", "070", "British", "Kenya"),
    ("Labour's deal with the unions collapsed.", "057", "Labour", "unions"),
    # protests named by a noun, against a named side
    ("Chilean riots against the Argentine government continued.", "145", "Chilean", "Argentine government"),
    # fifth round: an unowned act in an adjunct of the clause is its subject's, when its other side is named
    # an attack named by a noun: in words between political actors, literal with a state or an armed side
    ("Labour's attack on the Conservatives was fierce.", "111", "Labour", "Conservatives"),
    (
        "In an attack on the Tories, the prime minister said they could not be trusted.",
        "111",
        "prime minister",
        "Tories",
    ),
    ("The Israeli attack on Gaza was condemned.", "190", "Israeli", "Gaza"),
    # the owner of what is acted on is the target: an attack on a party's record attacks the party
    (
        "The party chairman opened the conference with an attack on the government's record.",
        "111",
        "chairman",
        "government",
    ),
    (
        "At a press conference after talks with the president, the premier said he was hopeful.",
        "046",
        "premier",
        "president",
    ),
    (
        "The foreign minister flew home after a meeting with the Chinese president.",
        "040",
        "foreign minister",
        "Chinese president",
    ),
    # sixth round: disapproval named by an emotion noun with those who feel it ("among", the possessor)
    ("The new tax caused outrage among French farmers.", "110", "French farmers", None),
    ("The Kenyan government's anger at the verdict was plain.", "110", "Kenyan government", None),
    # consultation and cooperation nouns with both sides named; a complaint lodged by a named side
    ("Discussions between the unions and the Labour Party broke down.", "040", "unions", "Labour Party"),
    ("The French government's cooperation with Germany has deepened.", "050", "French government", "Germany"),
    ("A complaint from the Green Party against the BBC was upheld.", "114", "Green Party", "BBC"),
]


@pytest.mark.parametrize(("sentence", "code", "source", "target"), NOMINALS)
def test_nominal_events_with_named_actors(extract, sentence: str, code: str, source: str, target: str | None) -> None:
    record = extract(sentence, published="2005-01-01")
    assert has(record, code, source, target), coded(record)


NO_EVENT = [
    # no named actor: a nominal is not coded (CODING.md), nor is a topic modifier taken for one
    ("The Iraq talks resumed on Monday.", "04"),
    ("Labour's donations rose sharply last year.", "07"),
    # a cooperation noun needs its partner
    ("The mayor's visit was a success.", "04"),
    # a quoted noun recalls an act rather than reporting one
    ('"Senator Hall\'s accusations are empty," the governor said.', "112"),
    # pleading guilty stays no appeal
    ("The former mayor pleaded guilty to fraud.", "02"),
    # a possessor that receives is no giver: without a named giver nothing is coded
    ("The Labour Party's donations rose sharply last year.", "07"),
    # a deal or aid with one side only is no cooperation event
    ("Labour's deal was announced on Monday.", "05"),
    # showing that something is so, or showing a quality, is no protest
    ("The Greens have demonstrated that they can win seats.", "14"),
    ("The party demonstrated its strength in the north.", "14"),
    # a plain offer is not an offer to negotiate
    ("The minister made an offer to the unions.", "036"),
    # a protest with nobody named against it codes nothing as a nominal
    ("The protest ended peacefully.", "14"),
    # fifth round: an adjunct act with no other side named is not given to the clause's subject
    ("After the talks, the premier said he was hopeful.", "04"),
    # a political attack named by a noun is not a military one
    ("Labour's attack on the Conservatives was fierce.", "19"),
    # nor is an act that the subject undergoes (a passive subject)
    ("The premier was criticised after talks with the president.", "04"),
    # sixth round: a word of a proper name names no act: the "Appeal Court" is a court, not an appeal
    ("The Appeal Court ruled that the law was valid.", "02"),
    ("The Aid Agency opened an office in Nairobi.", "07"),
    # an emotion noun with no one named feeling it codes nothing
    ("There was anger over the decision.", "11"),
    ("The outrage grew after the verdict.", "11"),
    # pressing someone for an answer stays an appeal, not legal action; branding cattle is no insult
    ("The mayor pressed the minister for an answer.", "115"),
    ("The farmer branded the cattle.", "11"),
    # a discussion of a topic by one side is no consultation
    ("The minister's discussion of the budget was brief.", "04"),
    # working with things or with the people one serves is a job, not a partnership; raising money
    # with a concert consults nobody
    ("The senator worked with computers for years.", "05"),
    ("The senator worked with children in Leeds.", "05"),
    ("Acme Holdings said it was working with all interested parties on the new runway.", "05"),
    ("The charity raised money with a concert in Leeds.", "04"),
    # committing a crime is no commitment; withdrawing one's own bill is no military withdrawal
    ("The suspect committed the offence in Leeds.", "03"),
    ("The Labour peer withdrew his bill.", "08"),
    # wanting another to be something is no appeal to them
    ('"We want the senator to be as visible as possible," the Tory chairman said.', "02"),
]


@pytest.mark.parametrize(("sentence", "root"), NO_EVENT)
def test_no_event_without_actors(extract, sentence: str, root: str) -> None:
    record = extract(sentence, published="2005-01-01")
    assert not [e for e in record.events if e.cameo.startswith(root)], coded(record)


def test_a_noun_a_verb_took_is_not_coded_twice(extract) -> None:
    record = extract("Germany held talks with France on Monday.", published="2005-01-01")
    assert [e.trigger.text for e in record.events if e.root == "04"].count("talks") == 0, coded(record)


def test_nominal_lines_are_checked(tmp_path: Path) -> None:
    bad = tmp_path / "mine.tsv"
    bad.write_text("nominal\t111\tcriticism by from\n", encoding="utf-8")  # no `>`
    with pytest.raises(InputError, match=r"mine.tsv:1"):
        load_verb_dictionaries(Options(verb_dictionaries=(str(bad),)))


def test_a_nominal_owner_is_source_or_target_not_both(tmp_path: Path) -> None:
    bad = tmp_path / "mine.tsv"
    bad.write_text("nominal\t071\tgrant 's from > to 's\n", encoding="utf-8")
    with pytest.raises(InputError, match=r"mine.tsv:1"):
        load_verb_dictionaries(Options(verb_dictionaries=(str(bad),)))


def test_user_nominals_code(extract, tmp_path: Path) -> None:
    mine = tmp_path / "mine.tsv"
    mine.write_text("nominal\t111\trebuttal 's by from > of\n", encoding="utf-8")
    record = extract(
        "Mayor Tom Reed's rebuttal of the report was swift.", published="2005-01-01", verb_dictionaries=[str(mine)]
    )
    assert has(record, "111", "Tom Reed", None), coded(record)
    assert not [e for e in extract("Mayor Tom Reed's rebuttal of the report was swift.").events if e.root == "11"]


# seventh round (recall7): money handed to a named recipient is economic aid (071), money promised or
# committed to one an intent to give it (0331); spending on a thing is no event. Coming back from a visit
# names the visit. Branding a person, body or proposal is name-calling even when the parser reads the
# complement as the object's modifier.
MONEY_AND_VISITS = [
    ("Norway granted Kenya £5m in aid.", "071", "Norway", "Kenya"),
    ("Japan has allocated £5m to the Red Cross.", "071", "Japan", "Red Cross"),
    ("Britain contributed £5m to the United Nations.", "071", "Britain", "United Nations"),
    ("Canada has earmarked $3m for the Red Cross.", "071", "Canada", "Red Cross"),
    ("The minister handed £2m to the city council.", "071", "minister", "city council"),
    ("Sweden has committed £5m to the United Nations.", "0331", "Sweden", "United Nations"),
    ("The chancellor offered £9m to the United Nations.", "0331", "chancellor", "United Nations"),
    ("The prime minister has just returned from a visit to Kenya.", "042", "prime minister", "Kenya"),
    ("The foreign minister returned from a trip to China on Monday.", "042", "foreign minister", "China"),
    ("The Labour Party has already branded the proposal unworkable.", "111", "Labour Party", None),
]


@pytest.mark.parametrize(("sentence", "code", "source", "target"), MONEY_AND_VISITS)
def test_money_to_a_named_recipient_and_visits(
    extract, sentence: str, code: str, source: str, target: str | None
) -> None:
    record = extract(sentence, published="2005-01-01")
    assert has(record, code, source, target), coded(record)


MONEY_AND_VISITS_NO_EVENT = [
    # money spent on a thing, or put into a service, goes to no actor
    ("The council has allocated £2m to road repairs.", "07"),
    ("Britain will put an extra £5m into schools.", "07"),
    ("The chancellor offered £9m to an international scheme.", "033"),
    # coming back from a holiday is no visit; branding goods or cattle is no insult
    ("The minister returned from holiday on Monday.", "04"),
    ("The company branded its new phone.", "11"),
]


@pytest.mark.parametrize(("sentence", "root"), MONEY_AND_VISITS_NO_EVENT)
def test_spending_and_holidays_are_no_events(extract, sentence: str, root: str) -> None:
    record = extract(sentence, published="2005-01-01")
    assert not [e for e in record.events if e.cameo.startswith(root)], coded(record)


# an active verb coordinated with a passive one acts with the passive's subject, and the first verb's
# negation does not reach a conjunct that has its own auxiliary
CONJUNCTS_OF_PASSIVES = [
    ("The Liberal Democrats were not consulted but have called for a national inquiry.", "02", "Liberal Democrats"),
    ("The minister was criticised by the unions but defended the plan.", "052", "minister"),
]


@pytest.mark.parametrize(("sentence", "code", "source"), CONJUNCTS_OF_PASSIVES)
def test_a_conjunct_of_a_passive_acts_with_its_subject(extract, sentence: str, code: str, source: str) -> None:
    record = extract(sentence, published="2005-01-01")
    events = [e for e in record.events if e.cameo.startswith(code) and e.source and e.source.text.endswith(source)]
    assert events, coded(record)
    assert all(e.modality == "asserted" for e in events), [(e.cameo, e.modality) for e in events]


def test_a_passive_conjunct_keeps_its_agent(extract) -> None:
    record = extract("The protesters were trampled upon and ignored by the police.", published="2005-01-01")
    assert has(record, "128", "police", "protesters"), coded(record)
    # a bare conjunct with neither auxiliary nor object stays passive: the people forced did not force
    record = extract(
        "Dozens of people were searched and detained and forced to return to London.", published="2005-01-01"
    )
    assert not [e for e in record.events if e.root == "17" and e.source is not None], coded(record)


# a nominal that needs a word on its noun (`+word`): in a user's file, an appeal named by "call" only with
# its "for" (not shipped: on the bbc-dev report split it added one unmatched event and found none)
CALL_LINE = "nominal\t020\tcall +for 's from by > on to\n"
CALL_NOMINALS = [
    ("The minister went ahead despite calls from the unions for a delay.", "020", "unions", None),
    ("Labour's call for an inquiry came on Monday.", "020", "Labour", None),
]


@pytest.mark.parametrize(("sentence", "code", "source", "target"), CALL_NOMINALS)
def test_a_call_for_something_is_an_appeal(
    extract, tmp_path: Path, sentence: str, code: str, source: str, target: str | None
) -> None:
    mine = tmp_path / "mine.tsv"
    mine.write_text(CALL_LINE, encoding="utf-8")
    record = extract(sentence, published="2005-01-01", verb_dictionaries=[str(mine)])
    assert has(record, code, source, target), coded(record)


@pytest.mark.parametrize(
    "sentence",
    [
        "The minister took a call from the prime minister.",
        "The prime minister's call to the French president was long.",
    ],
)
def test_a_telephone_call_is_no_appeal(extract, tmp_path: Path, sentence: str) -> None:
    mine = tmp_path / "mine.tsv"
    mine.write_text(CALL_LINE, encoding="utf-8")
    record = extract(sentence, published="2005-01-01", verb_dictionaries=[str(mine)])
    assert not [e for e in record.events if e.root == "02"], coded(record)


def test_a_nominal_required_word_is_read(tmp_path: Path) -> None:
    mine = tmp_path / "mine.tsv"
    mine.write_text("nominal\t020\tplea +for 's from > to\n", encoding="utf-8")
    sense = load_verb_dictionaries(Options(verb_dictionaries=(str(mine),))).nominals["plea"]
    assert sense.required_words == frozenset({"for"}) and sense.source_preps == frozenset({"from"})


# Each dictionary keeps the words of its own nominal keys (the matcher's cheap "may this noun name an event
# noun" test): a user's table adds its words, the packaged dictionary never sees them.
NOMINAL_WORDS = [
    # user line, word, in the user's dictionary, in the packaged one
    ("nominal\t111\tscathing rebuttal 's by from > of\n", "rebuttal", True, False),
    ("nominal\t111\tscathing rebuttal 's by from > of\n", "scathing", True, False),
    ("nominal\t111\tscathing rebuttal 's by from > of\n", "criticism", True, True),  # packaged keys stay
    ("nominal\t111\tscathing rebuttal 's by from > of\n", "from", False, False),  # a preposition is no key word
]


@pytest.mark.parametrize(("line", "word", "in_user", "in_packaged"), NOMINAL_WORDS)
def test_each_dictionary_has_its_own_nominal_words(
    tmp_path: Path, line: str, word: str, in_user: bool, in_packaged: bool
) -> None:
    mine = tmp_path / "mine.tsv"
    mine.write_text(line, encoding="utf-8")
    user = load_verb_dictionaries(Options(verb_dictionaries=(str(mine),)))
    packaged = load_verb_dictionaries(Options())
    assert (word in user.nominal_words, word in packaged.nominal_words) == (in_user, in_packaged)
    assert user.nominal_words == frozenset(w for key in user.nominals for w in key.split(" "))


# eighth round (recall8): labour strikes. A strike by unarmed actors (workers, unions, staff) is 143 through any
# support verb ("took part in", "joined", "organised", "coordinate industrial action"); one by armed forces is
# still military (190). A threatened strike is 133 unless forces threaten it (138).
STRIKES = [
    ("The bus workers took part in a strike on Monday.", "143", "bus workers", "asserted"),
    ("Up to 5,000 council workers could take part in strikes next month.", "143", "council workers", "hypothetical"),
    ("The rail union organised a strike over pensions.", "143", "rail union", "asserted"),
    ("The dock workers joined the strike on Tuesday.", "143", "dock workers", "asserted"),
    ("The teachers' union will coordinate industrial action with the other unions.", "143", "union", "asserted"),
    ("The nurses' union has threatened a strike over pay.", "133", "union", "asserted"),
    ("The rebels took part in the attack on the barracks.", "190", "rebels", "asserted"),
    ("American forces launched a strike on the rebel camp.", "190", "American forces", "asserted"),
    ("The army has threatened a strike on the rebel camp.", "138", "army", "asserted"),
    # taking part in a war is fighting, in a protest protesting (not the 138 of "war" as a threat's object)
    ("Canada took part in the war against the rebels.", "190", "Canada", "asserted"),
    ("The students took part in a protest against the fees.", "141", "students", "asserted"),
]


@pytest.mark.parametrize(("sentence", "code", "source", "mood"), STRIKES)
def test_strikes_by_workers_and_by_forces(extract, sentence: str, code: str, source: str, mood: str) -> None:
    record = extract(sentence, published="2005-01-01")
    events = [e for e in record.events if e.cameo == code and e.source and e.source.text.endswith(source)]
    assert events, coded(record)
    assert events[0].modality == mood, [(e.cameo, e.modality) for e in events]


STRIKES_NO_EVENT = [
    # a lucky strike, or taking part in a survey, names no strike
    ("The striker's goal was a lucky strike.", "14"),
    ("The union took part in a survey of its members.", "14"),
]


@pytest.mark.parametrize(("sentence", "root"), STRIKES_NO_EVENT)
def test_strike_words_that_name_no_strike(extract, sentence: str, root: str) -> None:
    record = extract(sentence, published="2005-01-01")
    assert not [e for e in record.events if e.root == root], coded(record)


# a passive charge, blame or praise has no object: its subject does the act it names, reported ("was accused
# of criticising X" is X criticised by the subject, as CODING.md codes "is accused of assault"); a headline's
# bare "accused of" is such a passive too. The accusation itself has no named accuser and stays uncoded.
PASSIVE_CHARGES = [
    ("The mayor has been accused of criticising the governor's policies.", "111", "mayor", "governor", "reported"),
    ("Senator Ann Poole was accused of insulting the premier.", "111", "Ann Poole", "premier", "reported"),
    ("Mayor accused of criticising governor", "111", "Mayor", "governor", "reported"),
    ("The mayor was praised for helping the refugees.", "07", "mayor", "refugees", "asserted"),
]


@pytest.mark.parametrize(("sentence", "code", "source", "target", "mood"), PASSIVE_CHARGES)
def test_the_subject_of_a_passive_charge_does_the_charged_act(
    extract, sentence: str, code: str, source: str, target: str, mood: str
) -> None:
    record = extract(sentence, published="2005-01-01")
    assert has(record, code, source, target), coded(record)
    events = [e for e in record.events if e.cameo.startswith(code)]
    assert events[0].modality == mood, [(e.cameo, e.modality) for e in events]
    assert not [e for e in record.events if e.cameo == "112"], coded(record)  # nobody named accuses


def test_an_active_charge_keeps_its_object_as_the_doer(extract) -> None:
    record = extract("The senator accused the mayor of criticising the governor.", published="2005-01-01")
    assert has(record, "112", "senator", "mayor") and has(record, "111", "mayor", "governor"), coded(record)
    # a passive that is no charge gives its subject no act: one barred from a visit did not visit
    record = extract("The mayor was barred from visiting the prison.", published="2005-01-01")
    assert not [e for e in record.events if e.root == "04"], coded(record)


# more verbs of verbal attack, each 111 with its object as the target (recall8)
VERBAL_ATTACKS = [
    ("The Tories taunted the minister over the vote.", "Tories", "minister"),
    ("Senator Ruth Hall belittled the governor's record.", "Ruth Hall", "governor"),
    ("The mayor insulted the council leader in a speech.", "mayor", "council leader"),
    ("The party has denigrated the judges.", "party", "judges"),
]


@pytest.mark.parametrize(("sentence", "source", "target"), VERBAL_ATTACKS)
def test_verbs_of_verbal_attack(extract, sentence: str, source: str, target: str) -> None:
    record = extract(sentence, published="2005-01-01")
    assert has(record, "111", source, target), coded(record)


# "union figures", "party figures" are people of a union or party, so an act towards them has a target; a
# bare "figures" stays numbers (recall8)
def test_union_and_party_figures_are_actors(extract) -> None:
    record = extract("The minister held a private meeting with senior union figures.", published="2005-01-01")
    assert has(record, "040", "minister", "union figures"), coded(record)
    record = extract("Senior party figures met the prime minister on Monday.", published="2005-01-01")
    assert has(record, "04", "party figures", "prime minister"), coded(record)
    record = extract("Government figures show that the mayor met the governor.", published="2005-01-01")
    assert not [e for e in record.events if e.source and e.source.text.endswith("figures")], coded(record)


# a protest, strike or walkout named by who makes it is one-sided (CODING.md: 14x with target null), like an
# appeal or a criticism; a strike by armed forces is still military and needs its target; "anti-X" and "pro-X"
# name what a protest is against or for, not who protests (recall8)
PROTEST_NOMINALS = [
    ("The tube workers' strike caused chaos on Monday.", "143", "tube workers", None),
    ("The students' protest closed the university for a day.", "141", "students", None),
    ("The army's strikes on the rebels went on all night.", "190", "army", "rebels"),
]


@pytest.mark.parametrize(("sentence", "code", "source", "target"), PROTEST_NOMINALS)
def test_protests_and_strikes_named_by_their_makers(
    extract, sentence: str, code: str, source: str, target: str | None
) -> None:
    record = extract(sentence, published="2005-01-01")
    assert has(record, code, source, target), coded(record)


PROTEST_NOMINALS_NO_EVENT = [
    ("France began evacuating its citizens after days of anti-French demonstrations.", "14"),
    ("There were pro-Russian rallies in the capital on Sunday.", "14"),
    ("Beckham's strike won the match.", "19"),  # neither a labour strike nor, with no target, a military one
    ("The army's strikes went on all night.", "19"),
]


@pytest.mark.parametrize(("sentence", "root"), PROTEST_NOMINALS_NO_EVENT)
def test_protest_nominals_that_name_no_maker(extract, sentence: str, root: str) -> None:
    record = extract(sentence, published="2005-01-01")
    assert not [e for e in record.events if e.root in (root, "14")], coded(record)


# "accused X of attacking Y" is the accusation (112 on X) and the attack it reports (111 between politicians,
# 190 between armed actors), not an accusation of aggression (1123) that swallows the attack; a headline's
# "X accused of attacking Y" names no accuser, so only the reported attack is coded (recall8)
ACCUSED_OF_ATTACKING = [
    (
        "Labour accused the Tories of attacking the prime minister.",
        [("112", "Labour", "Tories"), ("111", "Tories", "prime minister")],
    ),
    ("Russia accused Georgia of attacking its troops.", [("112", "Russia", "Georgia"), ("190", "Georgia", "troops")]),
    ("Mayor accused of attacking governor", [("111", "Mayor", "governor")]),
]


@pytest.mark.parametrize(("sentence", "expected"), ACCUSED_OF_ATTACKING)
def test_accused_of_attacking(extract, sentence: str, expected: list[tuple[str, str, str]]) -> None:
    record = extract(sentence, published="2005-01-01")
    assert all(has(record, code, source, target) for code, source, target in expected), coded(record)
    assert not [e for e in record.events if e.cameo == "1123"], coded(record)
    accusers = {source for code, source, _ in expected if code == "112"}
    assert {e.source.text for e in record.events if e.cameo == "112" and e.source} == accusers, coded(record)
