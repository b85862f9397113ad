"""The dates scorer: TimeML reading, granularity of TIMEX3 values, and a run on a few gold documents."""

from __future__ import annotations

from pathlib import Path

import pytest

from newsevents.evaluation.dates import evaluate, granularity_of, read_tml, strip_markup
from newsevents.options import Options

TIMEML = (
    '<TimeML><DCT><TIMEX3 tid="t0" type="TIME" value="1998-02-13T14:26:00" functionInDocument="CREATION_TIME">'
    "02/13/1998</TIMEX3></DCT><TEXT>The council <EVENT>voted</EVENT> "
    '<TIMEX3 tid="t1" type="DATE" value="1998-02-13">Friday</TIMEX3> &amp; will meet '
    '<TIMEX3 tid="t2" type="DATE" value="1999">next year</TIMEX3>.</TEXT></TimeML>'
)


def test_strip_markup_keeps_offsets() -> None:
    body = TIMEML[TIMEML.index("<TEXT>") + 6 : TIMEML.index("</TEXT>")]
    text, timexes = strip_markup(body)
    assert text == "The council voted Friday & will meet next year."
    assert [(text[t.start : t.end], t.value) for t in timexes] == [("Friday", "1998-02-13"), ("next year", "1999")]


def test_read_tml(tmp_path: Path) -> None:
    path = tmp_path / "doc.tml"
    path.write_text(TIMEML, "utf-8")
    doc = read_tml(path)
    assert doc.dct.isoformat() == "1998-02-13"
    assert len(doc.timexes) == 2


@pytest.mark.parametrize(
    ("value", "granularity"),
    [
        ("1998-02-13", "day"),
        ("1998-W07", "week"),
        ("1998-W07-WE", "week"),
        ("1998-02", "month"),
        ("1998-SP", "season"),
        ("1998-Q3", "quarter"),
        ("1998", "year"),
        ("199", "decade"),
        ("PAST_REF", "ref"),
        ("XXXX-XX-XX", "other"),
    ],
)
def test_granularity_of(value: str, granularity: str) -> None:
    assert granularity_of(value) == granularity


def test_evaluate_on_a_few_gold_documents(shared_dir: Path) -> None:
    report = evaluate(gold="timebank", split=None, shared=shared_dir, options=Options(), limit=5)
    assert report.counts["documents"] == 5
    assert report.counts["gold_dates"] > 0
    assert report.metrics["recall"] > 0.5
    assert report.metrics["value_accuracy"] > 0.6
