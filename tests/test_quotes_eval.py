"""The PolNeAR scorer: brat reading, token-coverage matching, speakers; and a run on real documents."""

from __future__ import annotations

from pathlib import Path

import pytest

from newsevents.evaluation.quotes import Attribution, evaluate, is_quoted, read_ann, score_document
from newsevents.options import Options

TEXT = "Flynn said the generals were reduced to rubble. “We are losing,” he said. Polls show a tie."


def _span(fragment: str) -> tuple[int, int]:
    start = TEXT.index(fragment)
    return start, start + len(fragment)


GENERALS = _span("the generals were reduced to rubble")
LOSING = _span("“We are losing,”")
FLYNN = _span("Flynn")
HE = (TEXT.index("he said"), TEXT.index("he said") + 2)


def test_read_ann_joins_discontinuous_pieces_and_skips_notes() -> None:
    ann = (
        "T1\tSource 0 5\tFlynn\nT2\tCue 6 10\tsaid\nT3\tContent 11 20;25 30\tx\n"
        "E1\tAttribution:T2 Content:T3 Cue:T2 Source:T1\n#1\tAnnotatorNotes T3\tfree text\n"
        "T4\tContent 40 50\ty\nE2\tAttribution-no-source:T4 Content:T4\n"
    )
    assert read_ann(ann) == [
        Attribution(content=((11, 20), (25, 30)), speaker=((0, 5),)),
        Attribution(content=((40, 50),), speaker=()),
    ]


def test_content_matches_at_half_coverage_of_both_spans() -> None:
    gold = [Attribution((GENERALS,), (FLYNN,))]
    longer = (GENERALS[0], GENERALS[1] + 10)  # a few extra words still cover half of the prediction
    scores = score_document(TEXT, gold, [Attribution((longer,), (FLYNN,))])
    assert (scores.content.tp, scores.content.fp, scores.content.fn) == (1, 0, 0)
    assert scores.exact.tp == 0 and scores.speaker.tp == 1


def test_content_below_half_coverage_does_not_match() -> None:
    gold = [Attribution((GENERALS,), (FLYNN,))]
    short = (GENERALS[0], GENERALS[0] + 12)  # "the generals": 2 of 6 gold words
    scores = score_document(TEXT, gold, [Attribution((short,), (FLYNN,))])
    assert (scores.content.tp, scores.content.fp, scores.content.fn) == (0, 1, 1)
    assert (scores.speaker.tp, scores.speaker.fp, scores.speaker.fn) == (0, 1, 1)


def test_matching_is_one_to_one_and_speaker_needs_overlap() -> None:
    gold = [Attribution((LOSING,), (HE,)), Attribution((GENERALS,), (FLYNN,))]
    pred = [Attribution((LOSING,), (FLYNN,)), Attribution((LOSING,), (HE,)), Attribution((GENERALS,), ())]
    scores = score_document(TEXT, gold, pred)
    assert (scores.content.tp, scores.content.fp, scores.content.fn) == (2, 1, 0)
    assert scores.exact.tp == 2
    # the matched LOSING prediction is the first one (same overlap: first come), whose speaker is wrong
    assert scores.speaker.tp + scores.speaker.fn == 2 and scores.speaker.fp >= 1


def test_quoted_means_a_double_mark_in_the_content() -> None:
    assert is_quoted(TEXT, Attribution((LOSING,)))
    assert not is_quoted(TEXT, Attribution((GENERALS,)))


def test_evaluate_on_two_polnear_documents(shared_dir: Path) -> None:
    report = evaluate(gold="polnear", split="dev", shared=shared_dir, options=Options.load(events=False), limit=2)
    assert report.counts["articles"] == 2 and report.counts["gold_all"] > 0
    for name in ("all_content_f1", "all_speaker_f1", "quoted_content_f1", "all_exact_f1"):
        assert 0.0 <= report.metrics[name] <= 1.0
    assert report.metrics["all_content_f1"] > 0.3  # a real extraction, not an empty one
    assert "quotes on polnear" in report.render()


def test_evaluate_rejects_unknown_gold_and_split(shared_dir: Path) -> None:
    from newsevents.types import InputError

    with pytest.raises(InputError):
        evaluate(gold="nope", split="dev", shared=shared_dir, options=Options(), limit=1)
    with pytest.raises(InputError):
        evaluate(gold="polnear", split="test", shared=shared_dir, options=Options(), limit=1)
