"""Statements as CODING.md codes them, in sentences of our own: the actor a statement is about is its target,
and the content's judgement of that actor gives the code (blame 111, credit 051, else the cue's 01x code).

Each row: sentence -> the statement events expected at the cue, as (code, source suffix, target suffix or None).
"""

from __future__ import annotations

import pytest

from newsevents.types import ArticleRecord

Row = tuple[str, str, str | None]


def statements(record: ArticleRecord) -> set[Row]:
    """(code, source, target) of the events linked to a quote whose code is a statement's (01x, 111, 051)."""
    return {
        (e.cameo, e.source.text if e.source else "", e.target.text if e.target else None)
        for e in record.events
        if e.quote is not None and (e.root == "01" or e.cameo in ("111", "051"))
    }


def has(found: set[Row], code: str, source: str, target: str | None) -> bool:
    return any(
        c == code and s.endswith(source) and (t is None if target is None else t is not None and t.endswith(target))
        for c, s, t in found
    )


ABOUT_AN_ACTOR = [
    # content that blames a named rival is a criticism of it (111), the rival as target
    ("Senator Maria Lopez said the Democrats had failed the country.", "111", "Maria Lopez", "Democrats"),
    ("The Republicans have broken every promise they made, Senator Maria Lopez said.", "111", "Lopez", "Republicans"),
    ("Senator Maria Lopez said voters felt let down by the Republicans.", "111", "Maria Lopez", "Republicans"),
    # a negated word of honesty is blame too
    ("Senator Maria Lopez said the Republicans were not being honest with voters.", "111", "Lopez", "Republicans"),
    # credit given to another actor is praise (051)
    ("Governor Tom Hale said the Democrats had worked hard to secure the deal.", "051", "Tom Hale", "Democrats"),
    # the cue's finer code is kept; the actor the warning is about is its target
    ("Senator Maria Lopez warned the Republicans would lose the seat.", "012", "Maria Lopez", "Republicans"),
]


@pytest.mark.parametrize(("sentence", "code", "source", "target"), ABOUT_AN_ACTOR)
def test_a_statement_about_an_actor_targets_it(extract, sentence: str, code: str, source: str, target: str) -> None:
    found = statements(extract(sentence))
    assert has(found, code, source, target), found


def test_one_event_per_actor_a_statement_blames(extract) -> None:
    found = statements(extract("Senator Maria Lopez said the Republicans and the Democrats had failed the state."))
    assert has(found, "111", "Maria Lopez", "Republicans") and has(found, "111", "Maria Lopez", "Democrats"), found


NOT_ABOUT_ANOTHER = [
    # the speaker's own government or country is not what the statement is about
    ("Finance Minister Anna Berg of France said France would offer the same terms to poorer nations.", "Anna Berg"),
    ("Finance Minister Anna Berg of France said the French government would act within days.", "Anna Berg"),
    # first person, the public and the media are never targets
    ("Senator Maria Lopez said voters in her state wanted lower taxes.", "Maria Lopez"),
    ("Senator Maria Lopez said we will fix the roads.", "Maria Lopez"),
    # a neutral remark about another actor judges nothing: a plain statement
    ("Mayor Ellen Carter said the Republicans had proposed the same idea.", "Ellen Carter"),
    # blame with no actor named: a plain statement
    ("Senator Maria Lopez said the scheme had been a complete fiasco.", "Maria Lopez"),
]


@pytest.mark.parametrize(("sentence", "source"), NOT_ABOUT_ANOTHER)
def test_a_statement_about_no_other_actor_is_010_without_target(extract, sentence: str, source: str) -> None:
    found = statements(extract(sentence))
    assert has(found, "010", source, None), found
    assert all(t is None for _, _, t in found), found


@pytest.mark.parametrize(
    "sentence",
    [
        "The Democrats have yet to say where the cuts will fall.",  # not said (yet)
        "Senator Maria Lopez failed to explain why the bill was late.",  # not said
        "Mayor Jones told to cut spending by the governor's office.",  # a headline passive: Jones is the one told
        "Mayor Jones asked to quit over the contracts.",
    ],
)
def test_speech_acts_that_did_not_happen_are_no_statements(extract, sentence: str) -> None:
    assert not statements(extract(sentence)), statements(extract(sentence))


def test_a_relative_pronoun_speaker_is_its_antecedent(extract) -> None:
    record = extract("The charge was rejected by Senator Maria Lopez, who said the claims were untrue.")
    found = statements(record)
    assert found and all(s.endswith("Maria Lopez") for _, s, _ in found), found


def test_what_is_pointed_to_is_not_an_addressee(extract) -> None:
    found = statements(extract("Senator Maria Lopez pointed to a report by the World Bank on rising debt."))
    assert all(t is None or "World Bank" not in t for _, _, t in found), found


def test_the_actor_a_word_of_blame_names_is_blamed_not_its_clause_subject(extract) -> None:
    found = statements(extract("Senator Maria Lopez said French voters felt let down by the Republicans."))
    assert has(found, "111", "Maria Lopez", "Republicans"), found
    assert not any(t is not None and "French" in t for _, _, t in found), found


def test_a_named_apposition_is_the_speaker(extract) -> None:
    found = statements(extract("Her party leader, Jane Doe, argued that a change of course was needed."))
    assert has(found, "010", "Jane Doe", None), found


def test_a_headline_passive_order_is_no_statement(extract) -> None:
    assert not statements(extract("Blake told to double overseas aid\n\nThe report was published on Monday."))


@pytest.mark.parametrize(
    ("sentence", "statement"),
    [
        # a participle adjunct of an act already coded is part of that act, not a second statement
        ("Governor Tom Hale criticised the plan, saying it would cost too much.", False),
        # "by claiming": the manner of an act already coded
        ("Governor Tom Hale rejected the offer by claiming that the figures were wrong.", False),
        # of a verb that is no act, it is the statement
        ("Governor Tom Hale remained wary, claiming that the plan would cost too much.", True),
    ],
)
def test_a_participle_cue_is_a_statement_unless_it_hangs_on_an_act(extract, sentence: str, statement: bool) -> None:
    found = {row for row in statements(extract(sentence)) if row[0].startswith("01")}
    assert bool(found) is statement, found


RIVALS = [
    # a party label on the speaker ("Republican senator", "Labour's") against another listed party: an attack
    ("Republican Senator Maria Lopez said the Democrats would raise taxes.", "111", "Maria Lopez", "Democrats"),
    ("Labour's Peter Hain said the Conservatives would close rural schools.", "111", "Peter Hain", "Conservatives"),
    # the owner or modifier of the clause's subject is what the clause is about
    ("Republican Senator Maria Lopez said the Democrats' new plan would cost jobs.", "111", "Maria Lopez", "Democrats"),
    # the opposition against the government of its own country: sides from the codes
    ("LONDON - Opposition leader Jim Hall said the government would raise taxes.", "111", "Jim Hall", "government"),
    # "his party leader": the party of the person the possessive stands for
    (
        "Tory MP Jim Hall spoke on Monday. His party leader, Ann Cole, said Labour was creating two nations.",
        "111",
        "Ann Cole",
        "Labour",
    ),
]


@pytest.mark.parametrize(("sentence", "code", "source", "target"), RIVALS)
def test_a_claim_about_a_rival_is_criticism_of_it(extract, sentence: str, code: str, source: str, target: str) -> None:
    found = statements(extract(sentence))
    assert has(found, code, source, target), found


@pytest.mark.parametrize(
    "sentence",
    [
        # the speaker's own party is no rival
        "Republican Senator Tom Hale said the Republicans would win the seat.",
        # a rival that is not what a clause is about (an object, an adjunct) is not attacked
        "Republican Senator Ed Ray said she would vote with the Democrats on the bill.",
        # "the party" of no name may be the speaker's own
        "Republican Senator Ed Ray spoke on Monday. Mr Ray said the party would meet in May.",
        # an agency of the state is coded GOV but takes no side against the opposition
        "LONDON - Opposition leader Jim Hall said the regional health authorities were not needed.",
        # no party label on the speaker and no side: a plain statement
        "Mayor Ellen Carter said the Democrats would hold a vote in May.",
    ],
)
def test_no_rivalry_without_two_known_opposed_sides(extract, sentence: str) -> None:
    found = statements(extract(sentence))
    assert found and all(t is None for _, _, t in found), found


def test_a_condition_before_a_later_attribution_is_part_of_what_is_said(extract) -> None:
    found = statements(extract("Income tax will rise if Labour wins the election, Tory leader Jane Doe has claimed."))
    assert has(found, "111", "Jane Doe", "Labour"), found


def test_a_speaker_between_the_parts_of_a_split_quote_is_the_speaker(extract) -> None:
    record = extract("Mayor Ann Lee spoke on Monday. The new tax would hurt families, she said, and should be dropped.")
    assert has(statements(record), "010", "she", None), statements(record)


@pytest.mark.parametrize(
    ("text", "source", "code"),
    [
        # the author named in the document's own phrase is the source
        ("Costs were underestimated, a report by the European Commission says.", "European Commission", "IGOEUREEC"),
        # a later mention of the document takes the author the article named for it
        (
            "A report by the European Commission criticised the scheme. The report said the costs had doubled.",
            "report",
            "IGOEUREEC",
        ),
    ],
)
def test_a_document_speaks_for_its_author(extract, text: str, source: str, code: str) -> None:
    events = [e for e in extract(text).events if e.quote is not None and e.root == "01"]
    assert any(e.source is not None and e.source.text.endswith(source) and e.source.code == code for e in events), [
        (e.cameo, e.source) for e in events
    ]


@pytest.mark.parametrize(
    ("sentence", "source"),
    [
        # an office whose "of" phrase ends in the person's name: the name is the speaker, coded by the office
        ('Shadow Leader of the Commons Peter Hollis said: "This will cut waste."', "Peter Hollis"),
        # a person before the body they belong to: the person speaks
        ('Tom Baker, Leeds Traders Association said: "We want them back."', "Tom Baker"),
    ],
)
def test_the_person_named_is_the_speaker(extract, sentence: str, source: str) -> None:
    found = statements(extract(sentence))
    assert has(found, "010", source, None), found


def test_a_word_of_blame_does_not_reach_through_a_second_preposition(extract) -> None:
    sentence = "Senator Maria Lopez said voters were sceptical about the Republicans' pledges on schools."
    found = statements(extract(sentence))
    assert has(found, "111", "Maria Lopez", "Republicans"), found
    assert not any(t is not None and "schools" in t for _, _, t in found), found


# ---------------------------------------------------------------- fifth round: fresh-article phenomena

DECLINING_AND_DENYING = [
    # declining to comment is an act of its own (011), by whoever declines, whichever verb the quote cues
    ("The ministry declined to comment on the report.", "011", "ministry"),
    ("Mayor Jim Ross refused to say whether the council would sell the land.", "011", "Jim Ross"),
    ("The Foreign Office said it could not comment on individual cases.", "011", "Foreign Office"),
    ("A police spokesman said he would not comment on the inquiry.", "011", "police spokesman"),
    # denying a claim that someone else made is a denial (016) by the one who denies
    ("The senator denied suggestions that he would quit.", "016", "senator"),
    ("The senator rejected claims that he had misled voters.", "016", "senator"),
]


@pytest.mark.parametrize(("sentence", "code", "source"), DECLINING_AND_DENYING)
def test_declining_to_comment_and_denying_a_claim(extract, sentence: str, code: str, source: str) -> None:
    found = statements(extract(sentence))
    assert has(found, code, source, None), found
    assert not any(c.startswith("12") for c, _, _ in found), found  # no rejection of anyone


def test_refusing_to_discuss_a_deal_is_still_a_rejection(extract) -> None:
    record = extract("The company refused to discuss the deal with the union.")
    assert not any(e.cameo == "011" for e in record.events), record.events


def test_a_headline_rejection_is_a_rejection_not_a_plain_statement(extract) -> None:
    record = extract("Smith rejects Tory schools offer")
    codes = {e.cameo for e in record.events if e.source is not None and e.source.text.endswith("Smith")}
    assert codes and all(c.startswith("12") for c in codes), record.events


@pytest.mark.parametrize(
    ("sentence", "target"),
    [
        ('Shadow minister Jane Doe branded the Labour plans as "a shambles".', "Labour"),
        ("The union leader labelled the ministers as cowards.", "ministers"),
    ],
)
def test_branding_someone_as_something_is_criticism(extract, sentence: str, target: str) -> None:
    record = extract(sentence)
    assert any(e.cameo == "111" and e.target is not None and e.target.text.endswith(target) for e in record.events)


def test_a_contrast_with_a_rival_does_not_blame_the_speakers_own_party(extract) -> None:
    sentence = (
        "Tory leader Jim Marsh said voters faced a choice between more waste and more tax under Labour "
        "and Tory value for money and lower taxes."
    )
    found = statements(extract(sentence))
    assert has(found, "111", "Jim Marsh", "Labour"), found
    assert not has(found, "111", "Jim Marsh", "Tory"), found


@pytest.mark.parametrize(
    ("sentence", "code"),
    [
        # a role that speaks for a body takes the body's code; a country after a body's name is its branch
        ("A spokeswoman for Human Rights Watch said the law was unfair.", "NGO"),
        ("The chairman of the Police Federation, which represents officers, said it was essential.", "COP"),
        ("Amnesty International UK said the evidence was not sound.", "NGO"),
        # "its chairman" after the body it belongs to speaks for that body
        ("The charity will close ten of its shops, its director said.", "NGO"),
        ("The union will strike next month, its leader said.", "LAB"),
    ],
)
def test_a_role_or_branch_speaks_with_its_bodys_code(extract, sentence: str, code: str) -> None:
    record = extract(sentence)
    sources = [e.source for e in record.events if e.quote is not None and e.source is not None]
    assert sources and all(s.code is not None and code in s.code for s in sources), sources


@pytest.mark.parametrize(
    ("sentence", "first", "second"),
    [
        ("Labour and the Liberal Democrats say the plan will not work.", "Labour", "Liberal Democrats"),
        ("The mayor and the governor said the bridge would reopen.", "mayor", "governor"),
    ],
)
def test_one_statement_per_speaker_conjunct(extract, sentence: str, first: str, second: str) -> None:
    found = statements(extract(sentence))
    assert has(found, "010", first, None) and has(found, "010", second, None), found


@pytest.mark.parametrize(
    "sentence",
    [
        # the writer's surmise of what someone holds is no speech act of theirs
        "Moscow is thought to fear the pipeline would hand Kiev too much leverage.",
        "The senator is believed to favour a delay until the spring.",
        # what a newsroom or a person learns is news received, not a statement
        "The Daily Courier has learned that the minister will step down on Friday.",
        "Officials learned that the shipment had been held at the border.",
    ],
)
def test_surmises_and_things_learned_are_no_statements(extract, sentence: str) -> None:
    assert not statements(extract(sentence)), statements(extract(sentence))


@pytest.mark.parametrize(
    ("sentence", "source", "target"),
    [
        # an audience is not a target (CODING.md) ...
        ("Senator Maria Lopez told voters her party would offer them a real choice.", "Maria Lopez", None),
        ("Governor Tom Hale told the conference that the budget was balanced.", "Tom Hale", None),
        # ... a body addressed is
        ("Governor Tom Hale told the state senate that the budget was balanced.", "Tom Hale", "senate"),
    ],
)
def test_an_audience_is_no_target_a_body_addressed_is(extract, sentence: str, source: str, target) -> None:
    found = statements(extract(sentence))
    assert found and all(s.endswith(source) for _, s, _ in found), found
    assert any((t is None) if target is None else (t is not None and t.endswith(target)) for _, _, t in found), found


@pytest.mark.parametrize(
    "sentence",
    [
        "Party leader Anne Hollis has told voters her party will offer them an \u201chonest choice\u201d.",
        "Mayor Tom Hale said his team had worked hard to balance the budget.",
    ],
)
def test_credit_to_ones_own_side_is_a_plain_statement(extract, sentence: str) -> None:
    found = statements(extract(sentence))
    assert found and all(c.startswith("01") and t is None for c, _, t in found), found


# ---------------------------------------------------------------- second pass of the sixth round (stmt2)


def _statement_rows(record) -> list[tuple[str, str, str | None, str]]:
    return [
        (e.cameo, e.source.text if e.source else "", e.target.text if e.target else None, e.modality)
        for e in record.events
        if e.quote is not None
    ]


@pytest.mark.parametrize(
    "sentence",
    [
        # a share of those polled is a poll result, not a speaker (CODING.md does not code poll results)
        "Some 32% said they would vote Labour, while 40% said they backed the Conservatives.",
        "About 55 percent said the economy was the main issue.",
        # the writer's account of a belief is description, no speech act
        "Mr Karl Oduya believes the party can win the seat.",
        "Ms Petra Lind thinks the council will back down.",
    ],
)
def test_poll_shares_and_beliefs_make_no_statement(extract, sentence: str) -> None:
    assert not _statement_rows(extract(sentence, published="2005-01-01")), _statement_rows(extract(sentence))


@pytest.mark.parametrize(
    ("sentence", "source"),
    [
        # people and bodies still speak, and saying what one believes is a statement
        ("About 40 MPs said the vote should be held in the spring.", "MPs"),
        ("Mr Karl Oduya said he believes the party can win the seat.", "Karl Oduya"),
    ],
)
def test_counted_people_and_said_beliefs_still_make_statements(extract, sentence: str, source: str) -> None:
    rows = _statement_rows(extract(sentence, published="2005-01-01"))
    assert any(code.startswith("01") and s.endswith(source) for code, s, _, _ in rows), rows


def test_declining_to_say_is_one_event(extract) -> None:
    record = extract("Mr Karl Oduya declined to say whether he would stand again.", published="2005-01-01")
    events = [e for e in record.events if e.trigger.start < 40]
    assert [e.cameo for e in events] == ["011"], [(e.cameo, e.trigger.text) for e in events]


@pytest.mark.parametrize(
    ("sentence", "modality"),
    [
        ("Mr Karl Oduya is alleged to have said that the council was corrupt.", "reported"),
        ("Mr Karl Oduya reportedly said that the plan was dead.", "reported"),
        ("Mr Karl Oduya said that the council was corrupt.", "asserted"),
    ],
)
def test_an_alleged_speech_act_is_reported(extract, sentence: str, modality: str) -> None:
    rows = _statement_rows(extract(sentence, published="2005-01-01"))
    assert any(s.endswith("Oduya") and mood == modality for _, s, _, mood in rows), rows


def test_a_pronoun_about_a_thing_is_no_rival_attacked(extract) -> None:
    text = "Labour and the Conservatives both backed the plan. They said it would cut crime."
    rows = _statement_rows(extract(text, published="2005-01-01"))
    assert rows and all(code != "111" for code, _, _, _ in rows), rows


def test_a_speaker_told_something_at_a_colon_is_not_the_audience(extract) -> None:
    rows = _statement_rows(extract('Prime Minister Tony Marsh is to tell the conference: "We will not give up."'))
    assert rows and all(s.endswith("Tony Marsh") and t is None for _, s, t, _ in rows), rows


@pytest.mark.parametrize(
    ("sentence", "code"),
    [
        # a party out of government is a side too: a government minister's claim about its plans attacks it
        ("Home Secretary Tom Brent of Britain said Tory plans to cut spending would close hospitals.", "111"),
        # the rival only in a background "with" adjunct is not what is said
        (
            "Home Secretary Tom Brent of Britain suggested the vote could take place in the spring, with the Tories "
            "set to campaign against it.",
            "010",
        ),
    ],
)
def test_a_claim_about_an_opposition_partys_plans_attacks_it(extract, sentence: str, code: str) -> None:
    rows = _statement_rows(extract(sentence, published="2005-01-01"))
    assert rows and {c for c, _, _, _ in rows} == {code}, rows


@pytest.mark.parametrize(
    ("sentence", "code", "target"),
    [
        ("Tory leader Jane Doe of Britain said the health service was not safe in Labour's hands.", "111", "Labour"),
        ("Tory leader Jane Doe of Britain said the Labour government was bossy and interfering.", "111", "government"),
        ("Tory leader Jane Doe of Britain said the roads were not safe at night.", "010", None),
    ],
)
def test_words_of_blame_and_denied_safety(extract, sentence: str, code: str, target: str | None) -> None:
    rows = _statement_rows(extract(sentence, published="2005-01-01"))
    assert any(
        c == code and (t or "").endswith(target or "") and (t is None) == (target is None) for c, _, t, _ in rows
    ), rows


@pytest.mark.parametrize(
    ("text", "sources"),
    [
        # "they" for two named parties: both speak, each at the pronoun
        ("Labour and the Conservatives both backed the plan. They said it would cut crime.", 2),
        # "they" for one party: one statement
        ("The Conservatives backed the plan on Monday. They said it would cut crime.", 1),
    ],
)
def test_they_for_two_parties_is_a_statement_by_each(extract, text: str, sources: int) -> None:
    record = extract(text, published="2005-01-01")
    said = [e for e in record.events if e.quote is not None and e.trigger.text == "said"]
    assert len({e.source.code for e in said if e.source}) == sources, [(e.cameo, e.source) for e in said]
    assert all(e.source is not None and e.source.text == "They" for e in said), said
