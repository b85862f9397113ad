"""bench/event_channels.py --unjudged: the seeded sample is stratified by channel. Rows are made up here."""

from __future__ import annotations

import importlib.util
import json
import sys
from collections import Counter
from pathlib import Path

BENCH = Path(__file__).parents[1] / "bench"
sys.path.insert(0, str(BENCH))  # event_channels imports its sibling `judged`, as when run as a script
SPEC = importlib.util.spec_from_file_location("bench_event_channels", BENCH / "event_channels.py")
assert SPEC is not None and SPEC.loader is not None
channels = importlib.util.module_from_spec(SPEC)
sys.modules["bench_event_channels"] = channels
SPEC.loader.exec_module(channels)


def rows(counts: dict[str, int]) -> list[dict]:
    return [
        {"article": f"bbc/politics/{n:03d}.txt", "trigger": [i, i + 4], "channel": name}
        for n, (name, count) in enumerate(counts.items())
        for i in range(count)
    ]


POOL = rows({"big": 300, "middle": 40, "small": 7, "tiny": 4})


def test_every_channel_of_five_or_more_gets_ten_or_all_it_has() -> None:
    sample = channels.stratified_sample(POOL, 60, seed=9)
    per = Counter(r["channel"] for r in sample)
    assert len(sample) == 60
    assert per["middle"] >= 10 and per["small"] == 7 and per["big"] >= 10
    assert len({(r["article"], tuple(r["trigger"])) for r in sample}) == 60  # no row drawn twice


def test_the_sample_is_seeded() -> None:
    one = channels.stratified_sample(POOL, 60, seed=9)
    assert one == channels.stratified_sample(POOL, 60, seed=9)
    assert one != channels.stratified_sample(POOL, 60, seed=10)


A = "bbc/politics/900.txt"
# (file stem, row) written to a judged folder -> what event_channels maps today's events against
JUDGED_FILES = {
    "judgeargs": [  # judged twice: only the after round counts
        {"round": "before", "article": A, "trigger": [10, 16], "cameo": "042", "verdict": "wrong", "error": "source"},
        {"round": "after", "article": A, "trigger": [10, 16], "cameo": "042", "verdict": "right", "error": None},
    ],
    "judgesense": [  # re-coded by the judge: the after code and verdict count
        {
            "article": A,
            "trigger": [20, 27],
            "cameo": "080",
            "before": "wrong",
            "after": "right",
            "after_cameo": "015",
            "error_kind": "-",
            "pub_date": "2005-01-01",
        },
    ],
    "evargs": [  # a file event_channels does not read
        {"round": "after", "article": A, "trigger": [5, 9], "cameo": "111", "arguments": "right", "error": None},
    ],
}


def test_fresh_judgments_come_from_the_one_loader(tmp_path: Path) -> None:
    for stem, lines in JUDGED_FILES.items():
        (tmp_path / f"{stem}.jsonl").write_text("".join(json.dumps(r) + "\n" for r in lines), "utf-8")
    found = channels._judged(tmp_path)
    assert list(found) == [A]
    got = [(j.judge, j.start, j.end, j.root, j.verdict, j.error) for j in found[A]]
    assert got == [("judgeargs", 10, 16, "04", "right", None), ("judgesense", 20, 27, "01", "right", None)]
