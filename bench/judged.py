"""Re-score the fresh event judgments in `eval/judged/*.jsonl` against TODAY's output.

Each judge wrote their own schema, so each file has a small normaliser into one `Judgment`
(schema: eval/judged/README.md). The pipeline is run over the judged articles and each judgment is
mapped to today's event by article + overlapping trigger + same CAMEO root:

- judged right still output / judged wrong still output -> today's precision on judged events;
- judged wrong now gone (a gain) / judged right now gone (a loss);
- today's events in those articles with no judgment of any file ("not judged").

The verdict is the LATEST state the judge recorded (after, else before/verdict). Files that judge
something other than an event (claims, actor-code slots, quotes) are listed in SKIPPED with the reason.

    PYTHONPATH=src python bench/judged.py [--json out.json]
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import subprocess
import sys
from collections import Counter
from collections.abc import Callable
from dataclasses import asdict, dataclass, replace
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
CORPORA = ROOT.parent / "shared" / "eval" / "corpora"
DEFAULT_DATE = "2005-01-01"


@dataclass(frozen=True)
class Judgment:
    """One judged event, in the one schema every file is normalised to."""

    judge: str  # file stem
    article: str  # path under eval/corpora, e.g. "bbc/politics/072.txt"
    start: int  # trigger character offsets [start, end)
    end: int
    root: str  # CAMEO root (2 digits) of the judged event
    cameo: str | None  # full CAMEO code when the judge recorded one
    verdict: str  # "right" | "wrong" | "uncertain", of the latest state judged
    counts_codes: bool  # True when a wrong actor code made the judge say "wrong"
    error: str | None = None
    published: str = DEFAULT_DATE
    was_output: bool = True  # False for a gold event the recall judges found we still missed
    from_gold: bool = False  # sampled from the judges' gold events (recall files), not from our output


CODE_ERRORS = {"actor", "actor-code", "actor_code"}  # a right event with a wrong actor code


Row = dict[str, Any]
Normaliser = Callable[[str, Row], Judgment | None]


def _article(name: str) -> str:
    return name if "/" in name else f"bbc/politics/{name}"


def _verdict(value: Any) -> str | None:
    """Map each judge's words to right / wrong / uncertain; None for a state that is no verdict."""
    words = {"right": "right", "ok": "right", "found": "right", "wrong": "wrong", "uncertain": "uncertain"}
    return words.get(str(value)) if value is not None else None


def _latest(after: Any, before: Any) -> str | None:
    """After when it is a verdict; "dropped"/"fixed"/"not_output" leave the event's truth as before."""
    return _verdict(after) or _verdict(before)


def _make(
    judge: str,
    row: Row,
    trigger: tuple[int, int],
    cameo: str | None,
    verdict: str | None,
    counts_codes: bool,
    error: Any = None,
) -> Judgment | None:
    if not cameo or verdict is None or cameo in ("-",):
        return None
    error_text = None if error in (None, "-") else str(error)
    return Judgment(
        judge,
        _article(row.get("article") or row["file"]),
        trigger[0],
        trigger[1],
        cameo[:2],
        cameo,
        verdict,
        counts_codes,
        error_text,
        row.get("pub_date") or DEFAULT_DATE,
    )


def judgeargs_row(judge: str, row: Row) -> Judgment | None:
    """{round, trigger:[s,e], cameo, verdict, error}: whole event incl. actor codes ("actor" errors)."""
    return _make(judge, row, tuple(row["trigger"]), row["cameo"], _verdict(row["verdict"]), True, row["error"])


def evargs_row(judge: str, row: Row) -> Judgment | None:
    """{round, trigger, cameo, arguments: right|wrong, error}: the event with its source and target."""
    return _make(judge, row, tuple(row["trigger"]), row["cameo"], _verdict(row["arguments"]), True, row["error"])


def sense_row(judge: str, row: Row) -> Judgment | None:
    """{trigger, cameo, before, after, after_cameo, error_kind}: judgesense, sense2, verbprec."""
    cameo = row.get("after_cameo") or row["cameo"]
    error = row.get("after_error_kind") or row.get("error_kind")
    codes = judge == "judgesense"  # the only one of the three that marks actor-code errors wrong
    return _make(judge, row, tuple(row["trigger"]), cameo, _latest(row["after"], row["before"]), codes, error)


def recall_row(judge: str, row: Row) -> Judgment | None:
    judged = _recall_row(judge, row)
    if judged is None or not row.get("gold_cameo"):
        return judged
    missed = str(row.get("after") or row.get("before")) != "found"  # partial: output then with another code
    return replace(judged, was_output=not missed, from_gold=True)


def _recall_row(judge: str, row: Row) -> Judgment | None:
    """{trigger, gold_cameo, uncertain, ours_before}: a gold event is a right event wherever it is
    output (found or missed then); a row with no gold cameo judged our `ours_before` code wrong."""
    if row.get("gold_cameo"):
        verdict = "uncertain" if row.get("uncertain") else "right"
        return _make(judge, row, tuple(row["trigger"]), row["gold_cameo"], verdict, False, row["error_kind"])
    return _make(judge, row, tuple(row["trigger"]), row.get("ours_before"), "wrong", False, row["error_kind"])


def statement_row(judge: str, row: Row) -> Judgment | None:
    """{file, item: statement, start, end, ours_before/ours_after: [cameo, source, target], verdict_*}."""
    if row["item"] != "statement":
        return None  # quotes are judged for their speaker; missed_statement rows have no code
    ours = row.get("ours_after") or row.get("ours_before") or [None]
    verdict = _latest(row["verdict_after"], row["verdict_before"])
    return _make(judge, row, (row["start"], row["end"]), ours[0], verdict, True, row.get("error_after"))


def headline_row(judge: str, row: Row) -> Judgment | None:
    """{file, trigger_start, trigger_end, ours_after: "CAMEO CODE...", verdict_after, kind}."""
    if "trigger_start" not in row:
        return None  # a mention row
    cameo = str(row["ours_after"]).split()[0] if row["ours_after"] else None
    trigger = (row["trigger_start"], row["trigger_end"])
    return _make(judge, row, trigger, cameo, _verdict(row["verdict_after"]), False, row["kind"])


def native_row(judge: str, row: Row) -> Judgment | None:
    """The schema of eval/judged/README.md: {trigger, cameo, verdict, counts_codes, error, pub_date}."""
    if "trigger" not in row or "verdict" not in row or "cameo" not in row:
        return None
    codes = bool(row.get("counts_codes", True))
    return _make(judge, row, tuple(row["trigger"]), row["cameo"], _verdict(row["verdict"]), codes, row.get("error"))


NORMALISERS: dict[str, Normaliser] = {
    "judgeargs": judgeargs_row,
    "evargs": evargs_row,
    "judgesense": sense_row,
    "sense2": sense_row,
    "verbprec": sense_row,
    "evrecall": recall_row,
    "evrecall2": recall_row,
    "recall7": recall_row,
    "recall8": recall_row,
    "evstmt": statement_row,
    "evstmt2": statement_row,
    "stmt2": statement_row,
    "headlines": headline_row,
}
SKIPPED = {
    "claims": "numeric claims, not events",
    "actors": "judges the actor code of one slot (or a mention), never whether the event is right",
    "actors2": "judges the actor code of one slot; the event's own verdict is not recorded",
    "claims2": "numeric claims, not events",
    "usnews": "US texts outside eval/corpora (PolNeAR files, GeoWebNews documents), judged in several phases;"
    " its own tally is in docs/accuracy.md (usnews subsection)",
    "usnews8": "PolNeAR train files outside eval/corpora, judged before and after; its own tally is in"
    " docs/accuracy.md (usnews8 subsection)",
    "usnews8b": "PolNeAR train files outside eval/corpora (senses and not-events), judged before and after; its"
    " own tally is in docs/accuracy.md (usnews8b subsection)",
    "actors3": "re-judges the actor code of stmt2/evstmt2 rows already counted there",
    "codes7": "judges the actor code of one slot (event source or target, quote speaker), not the event",
}


def _latest_rounds(rows: list[Row]) -> list[Row]:
    """Files with a `round` field judged some events twice: keep the after round of each event."""
    if not any("round" in r for r in rows):
        return rows
    key = lambda r: (r["article"], tuple(r["trigger"]), r["cameo"])  # noqa: E731
    after = {key(r) for r in rows if r.get("round") == "after"}
    return [r for r in rows if r.get("round") == "after" or key(r) not in after]


def load(folder: Path = ROOT / "eval/judged") -> tuple[list[Judgment], Counter]:
    """All judgments of the event files, and per file the rows that map to no judgment."""
    judgments: list[Judgment] = []
    unmapped: Counter = Counter()
    for path in sorted(folder.glob("*.jsonl")):
        if path.stem in SKIPPED:
            continue
        normalise = NORMALISERS.get(path.stem, native_row)  # a new file written in the README's schema
        rows = [json.loads(line) for line in path.read_text("utf-8").splitlines() if line.strip()]
        for row in _latest_rounds(rows):
            judged = normalise(path.stem, row)
            if judged is None:
                unmapped[path.stem] += 1
            else:
                judgments.append(judged)
    return judgments, unmapped


def today_events(judgments: list[Judgment]) -> dict[str, list[tuple[int, int, str]]]:
    """(trigger start, end, root) of today's events in each judged article, via `process_batch`."""
    from newsevents.pipeline import process_batch
    from newsevents.types import Article, ArticleRecord

    dates = {j.article: j.published for j in judgments}
    articles = [
        Article(
            id=name,
            text=(CORPORA / name).read_text("utf-8", errors="replace"),
            source=name,
            published=dt.date.fromisoformat(date),
        )
        for name, date in sorted(dates.items())
    ]
    out: dict[str, list[tuple[int, int, str]]] = {a.id: [] for a in articles}
    for record in process_batch(articles):
        if isinstance(record, ArticleRecord):
            out[record.id] = [(e.trigger.start, e.trigger.end, e.root) for e in record.events]
        else:
            print(f"rejected: {record.message()}", file=sys.stderr)
    return out


def _match(judged: Judgment, events: dict[str, list[tuple[int, int, str]]]) -> int | None:
    """Index of today's first event in the article with an overlapping trigger and the same root."""
    pool = events.get(judged.article, [])
    end = max(judged.end, judged.start + 1)  # a judge who recorded a point (start == end) means that character
    return next(
        (i for i, (s, e, root) in enumerate(pool) if s < end and judged.start < e and root == judged.root), None
    )


def score(judgments: list[Judgment], events: dict[str, list[tuple[int, int, str]]]) -> dict[str, Counter]:
    """Per judge file, TOTAL (all judgments) and DISTINCT (each event once): right/wrong still output or
    now gone, uncertain, and today's events with no judgment."""
    table: dict[str, Counter] = {}
    seen: set[tuple[str, int]] = set()
    for judged in judgments:
        hit = _match(judged, events)
        if hit is not None:
            seen.add((judged.article, hit))
        state = "output" if hit is not None else "gone" if judged.was_output else "missed"
        for name in (judged.judge, "TOTAL"):
            counts = table.setdefault(name, Counter())
            counts[f"{judged.verdict} {state}"] += 1
            if state == "output" and judged.verdict == "wrong" and judged.error in CODE_ERRORS:
                counts["code-only output"] += 1
    table["TOTAL"]["not judged"] = sum(len(v) for v in events.values()) - len(seen)
    table["DISTINCT"] = _distinct(judgments, events)
    # Recall judges sampled gold events, which inflates precision: this row keeps only sampled output.
    table["DISTINCT-OUTPUT"] = _distinct([j for j in judgments if not j.from_gold], events)
    return table


def _distinct(judgments: list[Judgment], events: dict[str, list[tuple[int, int, str]]]) -> Counter:
    """Each event once, however many files judged it: judgments that map to one of today's events are one
    event; gone ones are one when article, trigger start and root agree. Judges that disagree (right vs
    wrong) make the event "disputed", left out of the precision."""
    said: dict[tuple, set[str]] = {}
    state: dict[tuple, str] = {}
    errors: dict[tuple, set[str | None]] = {}
    for judged in judgments:
        hit = _match(judged, events)
        key = (judged.article, "output", hit) if hit is not None else (judged.article, judged.start, judged.root)
        said.setdefault(key, set()).add(judged.verdict)
        errors.setdefault(key, set()).add(judged.error if judged.verdict == "wrong" else None)
        gone = "gone" if judged.was_output or state.get(key) == "gone" else "missed"
        state[key] = "output" if hit is not None else gone
    out: Counter = Counter()
    for key, verdicts in said.items():
        firm = verdicts - {"uncertain"}
        verdict = "disputed" if len(firm) > 1 else next(iter(firm), "uncertain")
        out[f"{verdict} {state[key]}"] += 1
        wrong_errors = errors[key] - {None}
        if verdict == "wrong" and state[key] == "output" and wrong_errors and wrong_errors <= CODE_ERRORS:
            out["code-only output"] += 1
    return out


def _precision(counts: Counter, forgive_codes: bool = False) -> str:
    right, wrong = counts["right output"], counts["wrong output"]
    if forgive_codes:
        right, wrong = right + counts["code-only output"], wrong - counts["code-only output"]
    return f"{right / (right + wrong):.2f} ({right}/{right + wrong})" if right + wrong else "-"


def print_table(table: dict[str, Counter]) -> None:
    print(
        "| judge file | right, still output | wrong, still output | wrong, now gone (gain) "
        "| right, now gone (loss) | right, still missed | uncertain or disputed | precision on judged output "
        "| precision, actor-code errors forgiven |"
    )
    print("|---|---|---|---|---|---|---|---|---|")
    for name in sorted(table, key=lambda n: (n in ("TOTAL", "DISTINCT", "DISTINCT-OUTPUT"), n)):
        c = table[name]
        uncertain = sum(n for k, n in c.items() if k.split()[0] in ("uncertain", "disputed"))
        print(
            f"| {name} | {c['right output']} | {c['wrong output']} | {c['wrong gone']} | {c['right gone']} "
            f"| {c['right missed']} | {uncertain} | {_precision(c)} | {_precision(c, True)} |"
        )


def _source_commit() -> str:
    """The commit of the newsevents sources measured (PYTHONPATH may point at another checkout)."""
    import newsevents

    where = Path(newsevents.__file__).resolve().parent
    run = subprocess.run(["git", "-C", str(where), "log", "-1", "--format=%h %s"], capture_output=True, text=True)
    dirty = subprocess.run(
        ["git", "-C", str(where), "status", "--porcelain", "--", "."], capture_output=True, text=True
    )
    return f"{run.stdout.strip()} at {where}" + (" (uncommitted changes)" if dirty.stdout.strip() else "")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--json")
    args = parser.parse_args()
    judgments, unmapped = load()
    events = today_events(judgments)
    table = score(judgments, events)
    commit = _source_commit()
    print(f"commit {commit}: {len(judgments)} judgments on {len(events)} articles")
    print_table(table)
    print(f"\ntoday's events in these articles with no judgment: {table['TOTAL']['not judged']}")
    print(f"rows not mapped (quotes, mentions, missed statements with no code): {dict(unmapped)}")
    for name, why in SKIPPED.items():
        print(f"skipped {name}.jsonl: {why}")
    if args.json:
        dump = {"commit": commit, "table": table, "judgments": [asdict(j) for j in judgments]}
        Path(args.json).write_text(json.dumps(dump, indent=1, default=dict), "utf-8")


if __name__ == "__main__":
    main()
