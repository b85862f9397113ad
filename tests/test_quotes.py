"""Quotes: each quote shape, reported speech, speakers across sentences, odd marks, the seed article."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from newsevents.extract.quotes.lexicon import parse_cues
from newsevents.extract.quotes.marks import find_quote_spans
from newsevents.types import ArticleRecord, Quote
from tests.conftest import Extract


def _quote_with(record: ArticleRecord, fragment: str) -> Quote:
    found = [q for q in record.quotes if fragment in q.text]
    assert found, f"no quote holds {fragment!r}: {[q.text for q in record.quotes]}"
    return min(found, key=lambda q: q.end - q.start)


def _speaker_says(quote: Quote, surname: str) -> bool:
    speaker = quote.speaker
    return speaker is not None and (surname in speaker.name or surname in speaker.text)


# ---------------------------------------------------------------- quotation marks, text only

MARKS = [
    ('He said: "We will not back down."', ['"We will not back down."']),
    ("“We will not back down,” she said.", ["“We will not back down,”"]),
    ("«We will not yield», he said.", ["«We will not yield»"]),
    ("‘We will not yield,’ he said.", ["‘We will not yield,’"]),
    ("'We will not yield,' he said.", ["'We will not yield,'"]),
    ("''We will not yield,'' he said.", ["''We will not yield,''"]),
    ("“He told me ‘never again’ and I believed him,” he said.", ["“He told me ‘never again’ and I believed him,”"]),
    ("\"We are ready,” he said. “It's Trump's call.”", ['"We are ready,”', "“It's Trump's call.”"]),
    ("Don’t touch the voters’ rights in the ’90s.", []),
    (
        "“First paragraph goes on.\n\n“Second paragraph ends.” Later text.",
        ["“First paragraph goes on.\n\n“Second paragraph ends.”"],
    ),
    ("“Left open at the end.\n\nA plain paragraph.", ["“Left open at the end."]),
    ("“Left open. He said, “A new quote.”", ["“Left open.", "“A new quote.”"]),
]


@pytest.mark.parametrize(("text", "expected"), MARKS)
def test_quote_marks_pair_by_family_and_paragraph(text: str, expected: list[str]) -> None:
    assert [text[q.start : q.end] for q in find_quote_spans(text)] == expected


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("ab .,\n'\"“”‘’«»`")), max_size=80))
def test_quote_marks_never_raise_and_stay_in_bounds(text: str) -> None:
    spans = find_quote_spans(text)
    previous_end = 0
    for span in spans:
        assert previous_end <= span.start < span.inner_start <= span.inner_end <= span.end <= len(text)
        previous_end = span.end


def test_cue_lexicon_reads_classes_frames_and_phrases() -> None:
    lexicon = parse_cues("# comment\nsay\tspeech\tclause\ncall\tstance\tclause,object\npoint out\tspeech\n")
    assert lexicon.verb("call") is not None and lexicon.verb("call").frames == ("clause", "object")
    assert lexicon.verb("point", "out") is not None and lexicon.verb("point") is None
    assert lexicon.verb("say").cls == "speech"


# ---------------------------------------------------------------- quotes through the pipeline

SHAPES = [
    # text, fragment of the quote, kind, speaker surname
    ('"We will not back down," Prime Minister Boris Johnson said.', "not back down", "direct", "Johnson"),
    ("“We will not back down,” said Foreign Minister Sergey Lavrov.", "not back down", "direct", "Lavrov"),
    ("«We will not yield,» French President Emmanuel Macron said.", "not yield", "direct", "Macron"),
    ("'We will not yield,' German Chancellor Olaf Scholz said on Monday.", "not yield", "direct", "Scholz"),
    ("President Joe Biden said: “The door to diplomacy is open.”", "door to diplomacy", "direct", "Biden"),
    (
        "Sergey Lavrov stated that there is little chance of reaching an agreement.",
        "little chance",
        "indirect",
        "Lavrov",
    ),
    ("Volodymyr Zelenskyy lamented that the alliance gave no roadmap.", "no roadmap", "indirect", "Zelenskyy"),
    ("Volodymyr Zelenskyy insisted the troops were a bluff.", "were a bluff", "indirect", "Zelenskyy"),
    (
        "According to Ukrainian Defense Minister Oleksii Reznikov, 130,000 Russian troops are near Ukraine.",
        "130,000 Russian troops are near Ukraine",
        "indirect",
        "Reznikov",
    ),
    (
        "Volodymyr Zelenskyy claimed the buildup put “psychological pressure” on the world.",
        "psychological pressure",
        "mixed",
        "Zelenskyy",
    ),
]


@pytest.mark.parametrize(("text", "fragment", "kind", "surname"), SHAPES)
def test_quote_shapes(extract: Extract, text: str, fragment: str, kind: str, surname: str) -> None:
    quote = _quote_with(extract(text, language_check=False), fragment)
    assert quote.kind == kind
    assert _speaker_says(quote, surname), quote.speaker
    assert quote.cue is not None and text[quote.cue.start : quote.cue.end] == quote.cue.text


def test_quote_split_by_its_cue_is_one_quote_in_two_pieces(extract: Extract) -> None:
    text = "“The talks were useful,” Foreign Minister Sergey Lavrov said. “But we need answers.”"
    record = extract(text, language_check=False)
    quote = _quote_with(record, "talks were useful")
    assert "we need answers" in quote.text and len(quote.parts) == 2
    assert [text[p.start : p.end] for p in quote.parts] == ["“The talks were useful,”", "“But we need answers.”"]
    assert _speaker_says(quote, "Lavrov")


def test_reported_speech_around_its_cue_is_two_pieces(extract: Extract) -> None:
    text = "Many of the closures, Foreign Minister Sergey Lavrov said, were ordered by Washington."
    quote = _quote_with(extract(text, language_check=False), "closures")
    assert [text[p.start : p.end] for p in quote.parts] == ["Many of the closures", "were ordered by Washington"]
    assert quote.kind == "indirect" and _speaker_says(quote, "Lavrov")


def test_a_dateline_is_not_part_of_the_speaker(extract: Extract) -> None:
    text = "KYIV, Ukraine (AP) — Ukraine's foreign ministry said Tuesday that talks with Moscow had stalled."
    quote = _quote_with(extract(text, language_check=False), "talks with Moscow")
    assert quote.speaker is not None and quote.speaker.text == "Ukraine's foreign ministry"


def test_relative_pronoun_speaker_takes_the_name_it_refers_to(extract: Extract) -> None:
    text = "Senator Bernie Sanders, who said the system is rigged, spoke on Monday."
    quote = _quote_with(extract(text, language_check=False), "system is rigged")
    assert quote.speaker is not None and quote.speaker.text == "who" and "Sanders" in quote.speaker.name


def test_quote_over_paragraphs_with_the_closing_mark_left_off(extract: Extract) -> None:
    text = "President Volodymyr Zelenskyy said: “We are ready.\n\n“We will defend every city.”\n\nThe talks ended."
    quote = _quote_with(extract(text, language_check=False), "We are ready")
    assert "defend every city" in quote.text and "talks ended" not in quote.text
    assert _speaker_says(quote, "Zelenskyy")


@pytest.mark.parametrize(
    ("text", "fragment", "surname", "mention"),
    [
        (
            "Foreign Minister Sergey Lavrov spoke on Friday.\n\nHe said, “There will be no war.”",
            "no war",
            "Lavrov",
            "He",
        ),
        (
            "Belarusian President Alexander Lukashenko met troops.\n\n“We will all lose,” he said.",
            "all lose",
            "Lukashenko",
            "he",
        ),
        ("“We are ready,” Zelenskyy said.\n\n“We will defend every city.”", "every city", "Zelenskyy", "Zelenskyy"),
    ],
)
def test_pronoun_and_carried_speakers_resolve_to_the_person(
    extract: Extract, text: str, fragment: str, surname: str, mention: str
) -> None:
    quote = _quote_with(extract(text, language_check=False), fragment)
    assert quote.speaker is not None and surname in quote.speaker.name
    assert quote.speaker.text == mention


def test_title_speaker_resolves_to_the_earlier_official(extract: Extract) -> None:
    text = (
        "According to a senior Biden administration official, the U.S. welcomes the remarks. "
        "“We need to see Russia pull back,” the official said on condition of anonymity."
    )
    quote = _quote_with(extract(text, language_check=False), "pull back")
    assert quote.speaker is not None and quote.speaker.text.endswith("official")
    assert "administration official" in quote.speaker.name
    assert quote.speaker.code == "USAGOV"


def test_a_title_in_the_cue_clause_is_not_a_quote(extract: Extract) -> None:
    text = "“He is absolutely right,” Michael Flynn said on Fox News’s “Fox and Friends.”"
    record = extract(text, language_check=False)
    assert [q.text for q in record.quotes] == ["“He is absolutely right,”"]


def test_a_long_quote_without_cue_keeps_no_speaker(extract: Extract) -> None:
    text = "The hall was quiet.\n\n“Nobody here wants another war with our neighbours.”\n\nThe meeting ended."
    record = extract(text, language_check=False)
    assert [(q.kind, q.speaker, q.cue) for q in record.quotes] == [("direct", None, None)]
    assert "another war" in record.quotes[0].text


@pytest.mark.parametrize(
    "text",
    [
        "“Unclosed quote runs on and on\n\nNext paragraph. “Another, ” he said “” ‘ ’ « » \" ' ''",
        '"""""""" said said said "according to" according to , according to',
        "”Backwards marks“ he said ’and these‘.",
        "\n\n\n“\n”\n",
    ],
)
def test_odd_marks_never_break_the_article(extract: Extract, text: str) -> None:
    record = extract(text, language_check=False)
    for quote in record.quotes:
        assert 0 <= quote.start < quote.end <= len(text)
        assert record.text[quote.start : quote.end] == quote.text


@settings(max_examples=25, deadline=None)
@given(
    st.lists(st.sampled_from(["He said", "“Yes", "no,”", '"', "'", "\n\n", "Lavrov stated that", "war."]), max_size=12)
)
def test_quote_extraction_survives_fuzzed_articles(extract: Extract, pieces: list[str]) -> None:
    text = " ".join(["Report:", *pieces])
    record = extract(text, language_check=False)
    assert all(record.text[q.start : q.end] == q.text for q in record.quotes)


# ---------------------------------------------------------------- the seed article

# A keyword of each quote (single words, not the article's text) and who said it.
SEED_SPEAKERS = [
    ("panic", "Zelenskyy"),
    ("dearly", "Zelenskyy"),
    ("compromise", "Lavrov"),
    ("trampled", "Lavrov"),
    ("frontier", "administration official"),
    ("insane", "Lukashenko"),
    ("victory", "Lukashenko"),
    ("redundant", "Zelenskyy"),
    ("openly", "Zelenskyy"),
    ("future", "Zelenskyy"),
    ("escalated", "Zelenskyy"),
    ("observed", "Reznikov"),
    ("brotherhood", "Lukashenko"),
]


@pytest.mark.parametrize(("keyword", "speaker"), SEED_SPEAKERS)
def test_seed_article_quotes_have_the_right_speaker(
    extract: Extract, seed_text: str, keyword: str, speaker: str
) -> None:
    record = _seed_record(extract, seed_text)
    quote = _quote_with(record, keyword)
    assert quote.speaker is not None and speaker in quote.speaker.name, (quote.text, quote.speaker)


def test_seed_article_every_direct_quote_has_a_speaker(extract: Extract, seed_text: str) -> None:
    record = _seed_record(extract, seed_text)
    direct = [q for q in record.quotes if q.kind in ("direct", "mixed")]
    assert len(direct) >= 10
    assert all(q.speaker is not None for q in direct), [q.text for q in direct if q.speaker is None]


_SEED_CACHE: dict[int, ArticleRecord] = {}


def _seed_record(extract: Extract, text: str) -> ArticleRecord:
    key = hash(text)
    if key not in _SEED_CACHE:
        _SEED_CACHE[key] = extract(text, events=False)
    return _SEED_CACHE[key]


@pytest.mark.parametrize(
    "sentence",
    ["The UN condemned Israel on Monday.", "The minister rejected the proposal.", "Moscow denied the allegations."],
)
def test_an_action_verb_with_a_bare_object_is_no_quote(extract: Extract, sentence: str) -> None:
    assert extract(sentence).quotes == []


@pytest.mark.parametrize(
    "sentence",
    [
        "The senator appeared to hesitate before the vote.",
        "The governor is seeking to raise the state sales tax.",
        "The company declined to release its figures for the quarter.",
    ],
)
def test_verbs_that_are_not_speech_need_a_clause(extract: Extract, sentence: str) -> None:
    assert extract(sentence).quotes == []


# ---------------------------------------------------------------- issue 10: speakers that agree, headlines


@pytest.mark.parametrize(
    ("text", "fragment", "mention", "name"),
    [
        # he / she take the nearest person of that gender, skipping the other one
        ("Mrs. Alvarez met Mr. Okafor on Monday. She said the talks had gone well.", "gone well", "She", "Alvarez"),
        ("Mrs. Alvarez met Mr. Okafor on Monday. He said the talks had gone well.", "gone well", "He", "Okafor"),
        # never a person named inside the quotation
        (
            "Dana Whitfield spoke first at the town meeting.\n\n“Nobody here trusts Laura Benton on taxes,” she said.",
            "trusts Laura Benton",
            "she",
            "Whitfield",
        ),
        # it: an organisation; they: a group, not a person
        (
            "The Federal Reserve raised rates on Tuesday. It said inflation remained too high.",
            "too high",
            "It",
            "Federal Reserve",
        ),
        (
            "The farmers' union met in the capital. They said prices had fallen for a third year.",
            "prices had",
            "They",
            "union",
        ),
        # a written statement is its author's; a letter's writer is the subject
        ("A statement from the Red Cross said that aid convoys were blocked.", "convoys", "A statement", "Red Cross"),
        (
            "In a letter to parents, Principal Nora Quinn wrote that the school would close early.",
            "close early",
            "Quinn",
            "Quinn",
        ),
        # a block quote opening the paragraph after "He wrote:" is his
        (
            "Mayor Tom Reilly answered his critics on Sunday. He wrote:\n\n“The new bridge will open on time.”",
            "new bridge",
            "He",
            "Reilly",
        ),
        # a headline names its source before a colon
        (
            "Governor Ellen Marsh: Budget Talks Will Resume Next Week\n\nThe budget is late.",
            "Budget Talks",
            "Marsh",
            "Marsh",
        ),
    ],
)
def test_speaker_is_the_compatible_antecedent(
    extract: Extract, text: str, fragment: str, mention: str, name: str
) -> None:
    quote = _quote_with(extract(text, language_check=False), fragment)
    assert quote.speaker is not None, quote
    assert mention in quote.speaker.text and name in quote.speaker.name


@pytest.mark.parametrize(
    "sentence",
    [
        "The balloons proclaimed that victory was near.",  # an inanimate noun does not speak
        "The old bridge suggests that nobody maintained it for years.",
    ],
)
def test_an_inanimate_subject_is_no_speaker(extract: Extract, sentence: str) -> None:
    record = extract(sentence, language_check=False)
    assert all(q.speaker is None for q in record.quotes), record.quotes


@pytest.mark.parametrize(
    "text",
    [
        "Update: the road reopened at noon after crews cleared it.",
        "12:20 p.m.: crews cleared the last lane of the road.",
        "The reason is simple: drivers want a faster route home.",
        "Related: how the city pays for its roads and bridges",
    ],
)
def test_labels_and_sentences_with_a_colon_are_no_headline_quotes(extract: Extract, text: str) -> None:
    assert extract(text, language_check=False).quotes == []


# ---------------------------------------------------------------- fourth round: nesting and signed quotations


@pytest.mark.parametrize(
    ("text", "outer", "inner"),
    [
        # a belief or claim reported inside someone's words is part of those words, not a second quote
        ("The mayor said her deputy believes the repairs will take longer.", "deputy believes", "repairs"),
        ("Officials said a review shows that nobody leaked the files.", "review shows", "nobody leaked"),
        ("The coach says his players think the new stadium is too far from town.", "players think", "stadium"),
    ],
)
def test_an_attribution_inside_another_ones_content_is_not_a_second_quote(
    extract: Extract, text: str, outer: str, inner: str
) -> None:
    record = extract(text, language_check=False)
    holding = [q for q in record.quotes if inner in q.text]
    assert len(holding) == 1, [q.text for q in record.quotes]
    assert outer in holding[0].text


def test_attributions_side_by_side_are_both_kept(extract: Extract) -> None:
    text = "The mayor said the bridge would reopen in May. Her deputy believes the repairs will take longer."
    record = extract(text, language_check=False)
    assert _speaker_says(_quote_with(record, "bridge would reopen"), "mayor")
    assert _quote_with(record, "repairs will take longer").speaker is not None


@pytest.mark.parametrize(
    ("line", "fragment", "name"),
    [
        ("“The debate left me worried about jobs for my kids.” ― Maria Lopez", "debate left me", "Maria Lopez"),
        (
            "“I have never voted before, but this year I will.” — Tom Baker, a teacher in Ohio",
            "never voted",
            "Tom Baker",
        ),
        ("“We need a clinic closer to home.”\u00a0– Dr. Ana Ruiz.", "clinic closer", "Ana Ruiz"),
    ],
)
def test_a_quotation_signed_with_a_dash_is_its_signers(extract: Extract, line: str, fragment: str, name: str) -> None:
    text = f"Readers told us what they think of the race.\n{line}\nThe survey closed on Friday.\n"
    quote = _quote_with(extract(text, language_check=False), fragment)
    assert quote.speaker is not None and name in quote.speaker.text, quote.speaker
    assert quote.kind == "direct" and quote.text.startswith("“") and quote.text.endswith("”")


@pytest.mark.parametrize(
    "text",
    [
        "“We will rebuild,” the mayor said — Governor Smith agreed later that day with the plan.\n",
        "The mayor answered “we will rebuild” — Smith, however, doubted it.\n",
    ],
)
def test_a_dash_that_goes_on_with_a_sentence_is_no_signature(extract: Extract, text: str) -> None:
    quote = _quote_with(extract(text, language_check=False), "ebuild")
    assert quote.cue is not None and quote.cue.text not in ("―", "—", "–"), quote.cue


@pytest.mark.parametrize(
    ("sentence", "content"),
    [
        # a relative or adverbial clause trailing the reported clause describes it; it is not said
        (
            "The governor said turnout was high in the county, where the polls closed at eight.",
            "turnout was high in the county",
        ),
        (
            "The governor said the plant would stay open, while the union prepared for a strike.",
            "the plant would stay open",
        ),
    ],
)
def test_a_trailing_aside_is_cut_from_the_reported_clause(extract: Extract, sentence: str, content: str) -> None:
    quote = _quote_with(extract(sentence, language_check=False), content.split()[0])
    assert quote.text == content


@pytest.mark.parametrize(
    ("sentence", "content", "speaker"),
    [
        ("The mayor characterized the plan as a costly mistake.", "the plan as a costly mistake", "mayor"),
        ("The court ruled that the new map was unconstitutional.", "that the new map was unconstitutional", "court"),
        (
            "Residents felt the council had ignored their complaints.",
            "the council had ignored their complaints",
            "Residents",
        ),
        ("The union demanded that the company raise wages.", "that the company raise wages", "union"),
        ("The senator laid out her proposals for rural schools.", "her proposals for rural schools", "senator"),
        ("The mayor encouraged residents to stay home during the storm.", "to stay home during the storm", "mayor"),
        ("The ad portrays the governor as a friend of big banks.", "the governor as a friend of big banks", "ad"),
    ],
)
def test_more_cues_of_speech_and_stance(extract: Extract, sentence: str, content: str, speaker: str) -> None:
    quote = _quote_with(extract(sentence, language_check=False), content)
    assert quote.text == content and _speaker_says(quote, speaker)


@pytest.mark.parametrize(
    "sentence",
    ["She felt sick after the long flight.", "The candidate wants to cut taxes for small firms."],
)
def test_feelings_and_wishes_are_no_quotes(extract: Extract, sentence: str) -> None:
    assert extract(sentence, language_check=False).quotes == []


# ---------------------------------------------------------------- fifth round: pronoun speakers in running reports


@pytest.mark.parametrize(
    ("text", "fragment", "name"),
    [
        # a person named in the words themselves is spoken about, not speaking, even outside quotation marks
        (
            "Mr Jonas Fischer said Prime Minister Paul Brandt had worked hard to win back voters. "
            "But Mr Brandt had been weakened by the row, he added.",
            "weakened by the row",
            "Fischer",
        ),
        # the speaker of a run of reports stays the speaker: a body named in passing between is not
        (
            "Teachers at the union conference said schools needed more money. "
            "They said the councils should be made to publish their budgets. "
            "This would end the confusion, they said.",
            "end the confusion",
            "Teachers",
        ),
        # a name met in passing inside the speaker's own phrase, or as an object, is not the speaker
        (
            "Lord Voss, who sits on the executive of the Harbour Trust, said the plan was flawed. "
            '"It will never work," he said.',
            "never work",
            "Voss",
        ),
        (
            "The senator for Wyoming and Idaho, Mr Kent, said the deal was close. "
            "But the vote would be tight, he said.",
            "vote would be tight",
            "Kent",
        ),
    ],
)
def test_pronoun_speaker_is_the_running_speaker_not_a_name_spoken_about(
    extract: Extract, text: str, fragment: str, name: str
) -> None:
    quote = _quote_with(extract(text, language_check=False), fragment)
    assert quote.speaker is not None and name in quote.speaker.name, quote.speaker


def test_a_quotation_takes_its_own_attribution_when_the_parser_hangs_its_words_on_the_cue(extract: Extract) -> None:
    text = (
        "On the radio, Mr Lee said he was sure the budget would be safe. "
        '"We certainly did not see that before 2001," he said.'
    )
    record = extract(text, language_check=False)
    quote = _quote_with(record, "before 2001")
    assert quote.cue is not None and quote.cue.start > text.index("2001"), quote
    assert quote.speaker is not None and quote.speaker.text == "he" and "Lee" in quote.speaker.name


def test_a_quotation_inside_a_cue_clause_stays_with_that_clause(extract: Extract) -> None:
    text = 'Mayor Ann Cole said raising fares had "hurt commuters" and suggested riders were already tired of it.'
    record = extract(text, language_check=False)
    later = _quote_with(record, "riders were already tired")
    assert later.cue is not None and later.cue.text == "suggested", record.quotes


def test_the_one_compared_with_is_not_the_speaker(extract: Extract) -> None:
    text = "Like Mayor Ann Cole, Councillor Tom Price argued that the budget was too small."
    quote = _quote_with(extract(text, language_check=False), "budget was too small")
    assert quote.speaker is not None and "Price" in quote.speaker.name, quote.speaker


# ---------------------------------------------------------------- sixth round: fresh-article error kinds


@pytest.mark.parametrize(
    ("text", "fragment", "surname"),
    [
        # the passage after "urged X to admit he ...": the verb inside the reported content is no cue of its own
        (
            "Senator Ruth Calder urged the governor to admit he had \u201cbroken every promise\u201d on roads.\n\n"
            "\u201cWe can all see the potholes, but nobody fixes them.\u201d",
            "nobody fixes",
            "Calder",
        ),
        (
            "Mr Pavel Novak asked the minister to explain why the \u201cnew rules\u201d were delayed.\n\n"
            "\u201cFarmers have waited for two years and they deserve an answer.\u201d",
            "deserve an answer",
            "Novak",
        ),
    ],
)
def test_a_passage_after_a_nested_cue_carries_on_the_outer_speaker(
    extract: Extract, text: str, fragment: str, surname: str
) -> None:
    quote = _quote_with(extract(text, language_check=False), fragment)
    assert _speaker_says(quote, surname), quote


def test_an_act_noun_is_no_speaker_nor_a_pronouns_antecedent(extract: Extract) -> None:
    text = (
        "Mr Tomas Brandt spoke at the rally. The argument over fares echoes the quarrels of the 1970s. "
        "But he believes commuters will pay a little more for faster trains."
    )
    record = extract(text, language_check=False)
    assert all(q.speaker is None for q in record.quotes if "quarrels" in q.text), record.quotes
    assert _speaker_says(_quote_with(record, "commuters will pay"), "Brandt")


@pytest.mark.parametrize(
    "text",
    [
        "Dr Sam Okoye was asked whether he would back the new leader.\n\n"
        "\u201cI think we should all give him a fair chance and see what happens in the spring.\u201d",
        "Mr Dan Perrin was asked if he would stand again. "
        "\u201cI'm sure the party will make the right choice. I don't believe in grudges.\u201d",
    ],
)
def test_the_answer_after_a_passive_question_is_the_one_asked(extract: Extract, text: str) -> None:
    record = extract(text, language_check=False)
    answer = max(record.quotes, key=lambda q: q.start)
    assert answer.kind == "direct" and answer.speaker is not None, record.quotes
    assert answer.speaker.name in ("Sam Okoye", "Dan Perrin"), answer.speaker


def test_a_bare_report_is_not_a_body_named_later_in_the_article(extract: Extract) -> None:
    text = (
        "The country has 300 agencies paid for by taxpayers, a report claims.\n\n"
        "Writer Sam Hale said at least 40 had been set up since Labour won power in 2001."
    )
    quote = _quote_with(extract(text, language_check=False), "300 agencies")
    assert quote.speaker is not None and "Labour" not in (quote.speaker.name or ""), quote.speaker


# ---------------------------------------------------------------- second pass of the sixth round (stmt2)

SPEAKER_BEFORE_A_COLON = [
    # the one addressed before a colon is not the speaker; the speech verb's subject is
    ('Prime Minister Tony Marsh is to tell the conference: "We will not give up on the reforms."', "Marsh"),
    ('Mr Karl Oduya told Ms Petra Lind: "Your plan will not work."', "Oduya"),
    ('Speaking in Hull, Ms Petra Lind told Mr Karl Oduya and his team: "You have lost the argument."', "Lind"),
    # a message's author speaks, not the ones it was sent to
    ('The minister\'s message to the unions was: "Come back to the table."', "minister"),
    # a label with no verb still gives its speaker
    ('Statement from the White House: "The president is well and at work."', "White House"),
]


@pytest.mark.parametrize(("text", "surname"), SPEAKER_BEFORE_A_COLON)
def test_the_speaker_before_a_colon_is_no_addressee_and_no_word_of_the_quote(
    extract: Extract, text: str, surname: str
) -> None:
    quote = _quote_with(extract(text, language_check=False), "“" if "“" in text else '"')
    assert _speaker_says(quote, surname), quote.speaker


SIGNED_HEADLINES = [
    ("Higher fares will hurt commuters - Okafor\n\nMs Ada Okafor spoke in Hull on Monday.", "Higher fares", "Okafor"),
    ("Reform 'long overdue' - Greens\n\nThe Green Party met on Monday.", "Reform", "Greens"),
]


@pytest.mark.parametrize(("text", "fragment", "source"), SIGNED_HEADLINES)
def test_a_headline_claim_signed_with_a_name_is_that_names(
    extract: Extract, text: str, fragment: str, source: str
) -> None:
    quote = _quote_with(extract(text, language_check=False), fragment)
    assert quote.speaker is not None and quote.speaker.text == source, quote.speaker


@pytest.mark.parametrize(
    "text",
    [
        "Election 2005 - Live\n\nResults came in overnight.",  # page furniture
        "Bus fares rise - again\n\nFares rose in Hull.",  # no name after the dash
        "The vote was close - Smith won by ten votes.\n\nCounting ended at dawn.",  # a sentence, not a signed claim
    ],
)
def test_a_dash_without_a_signing_name_is_no_attribution(extract: Extract, text: str) -> None:
    record = extract(text, language_check=False)
    assert not [q for q in record.quotes if q.cue is not None and q.cue.text in "-–—"], record.quotes


def test_the_one_blamed_for_saying_something_is_its_speaker(extract: Extract) -> None:
    text = "The party has suspended a candidate for allegedly suggesting that prisoners should lose the vote."
    quote = _quote_with(extract(text, language_check=False), "prisoners")
    assert quote.speaker is not None and quote.speaker.text.endswith("candidate"), quote.speaker
