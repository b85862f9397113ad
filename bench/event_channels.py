"""Event precision by channel: which path of the event coder produced each event, and how often it is right.

Channels are read by wrapping the coder's own steps (no output field is added): a verb-dictionary trigger
(`coder._frame`), its mirrored other side (`_mirrored`), the act inside a charge (`framing.accusation`), a
reported duty (`duty_frame`), an event noun no verb took (`_nominal_frame`), and the statement events of
attributed quotes (`statements`), split into a plain 010 with or without a target, a finer 01x cue, a 111
on a political rival (`stance.rival_subjects`), a stance-derived code (`stance.judged_targets`) and other
cue codes. Cross-cutting tags are counted too: a trigger inside a quote, one of several actor pairs of one
trigger, a pronoun source, a source outside the sentence, a modality other than asserted, a PETRARCH pattern.

Two sources of truth, never the bbc-dev `report` split:
- `study`: each event we output is matched to the gold as `newsevents eval events --gold bbc-dev` does
  (right = matches a certain gold event; an event matching only an uncertain one is not counted);
- the fresh judged events in `eval/judged/{judgeargs,judgesense}.jsonl`, read by `bench/judged.py`'s loader
  (each judge's latest verdict and code) and mapped to today's output by article, trigger offsets and root
  (their verdicts were made on older code; unmapped events are reported as such).

    PYTHONPATH=src python bench/event_channels.py [--json out.json]

`--unjudged` lists instead today's events in the judged fresh articles that NO judgment of `bench/judged.py`
maps to (same loader, same article + overlapping trigger + root rule), with article, offsets, sentence, code,
source, target, channel and tags; `--sample N --seed S` draws a seeded sample stratified by channel (every
channel with >= 5 events gets >= 10, or all it has) and `--template FILE` writes its rows as judgment lines
of eval/judged/README.md's schema with an empty verdict, for a judge to fill (offsets and codes, no text).

    PYTHONPATH=src python bench/event_channels.py --unjudged [--sample 160 --seed 9 --template out.jsonl]
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
from collections import Counter, defaultdict
from collections.abc import Callable
from pathlib import Path
from typing import Any

import judged as judged_bench  # bench/judged.py: the one loader and matcher of the fresh judgments

from newsevents.evaluation.events import bbc_event_matches
from newsevents.extract.events import coder, statements
from newsevents.pipeline import process
from newsevents.types import Article, Event

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
PRONOUNS = {"he", "she", "they", "it", "we", "i", "him", "her", "them", "his", "its", "their"}
JUDGED = ("judgeargs", "judgesense")  # the judge files whose judgments this table maps

_framed_channel: dict[int, str] = {}
_event_channel: dict[tuple, str] = {}
_rival_starts: set[int] = set()
_stance_starts: set[int] = set()
ERRORS: dict[str, Counter] = defaultdict(Counter)  # fresh wrong events by channel and judged error kind


def _key(event: Event) -> tuple:
    return (
        event.trigger.start,
        event.trigger.end,
        event.cameo,
        event.source.start if event.source else None,
        event.target.start if event.target else None,
    )


def _tagging(name: str, channel: Callable[..., str], pick: Callable[[Any], Any]) -> None:
    """Wrap `coder.name` so the Framed it returns is remembered with its channel."""
    original = getattr(coder, name)

    def wrapped(*args: Any, **kwargs: Any) -> Any:
        result = original(*args, **kwargs)
        framed = pick(result) if result is not None else None
        if framed is not None:
            _framed_channel[id(framed)] = channel(*args)
        return result

    setattr(coder, name, wrapped)


def _verb_channel(ctx: Any, trigger: Any, *rest: Any) -> str:
    name = "petr2-pattern" if trigger.pattern.tier == 1 else "verb-pattern"
    return name + ("-composed" if trigger.inner is not None else "")


def _install() -> None:
    _tagging("_frame", _verb_channel, lambda r: r)
    _tagging("_mirrored", lambda *a: "mirrored-other-side", lambda r: r)
    _tagging("accusation", lambda *a: "act-inside-charge", lambda r: r[1])
    _tagging("duty_frame", lambda *a: "reported-duty", lambda r: r)
    _tagging("_nominal_frame", lambda *a: "nominal", lambda r: r)
    events = coder._events

    def tagged_events(ctx: Any, sentence: Any, tokens: Any, framed: Any) -> list[Event]:
        made = events(ctx, sentence, tokens, framed)
        for event in made:
            _event_channel[_key(event)] = _framed_channel.get(id(framed), "verb-other")
            # by trigger and code too: a later pass may give the event another source mention
            # (`coder.without_restated` names the speaker for a pronoun)
            _event_channel[_key(event)[:3]] = _framed_channel.get(id(framed), "verb-other")
        return made

    coder._events = tagged_events  # type: ignore[assignment]
    rival, judged = statements.rival_subjects, statements.judged_targets

    def rivals(*args: Any) -> Any:
        found = rival(*args)
        _rival_starts.update(a.start for a in found)
        return found

    def stances(*args: Any) -> Any:
        found = judged(*args)
        _stance_starts.update(a.start for a, _ in found)
        return found

    statements.rival_subjects = rivals  # type: ignore[assignment]
    statements.judged_targets = stances  # type: ignore[assignment]


def channel_of(event: Event) -> str:
    if event.quote is None:
        return _event_channel.get(_key(event)) or _event_channel.get(_key(event)[:3], "unknown")
    target = event.target.start if event.target else None
    if event.cameo == "010":
        return "stmt-010-target" if target is not None else "stmt-010-no-target"
    if event.cameo.startswith("01"):
        return "stmt-01x-finer"
    if target is not None and target in _rival_starts and event.cameo == "111":
        return "stmt-111-rival"
    if target is not None and target in _stance_starts:
        return "stmt-stance-" + event.root
    return "stmt-cue-" + event.root


def tags_of(event: Event, events: list[Event], quotes: list[tuple[int, int]]) -> list[str]:
    tags = []
    if event.quote is None and any(s <= event.trigger.start < e for s, e in quotes):
        tags.append("tag:inside-quote")
    same = [e for e in events if e.trigger.start == event.trigger.start and e.cameo == event.cameo]
    if len(same) > 1:
        tags.append("tag:one-of-several-pairs")
    if event.source is not None:
        if event.source.text.lower() in PRONOUNS:
            tags.append("tag:pronoun-source")
        if not event.sentence.start <= event.source.start < event.sentence.end:
            tags.append("tag:source-outside-sentence")
        if event.source.code is None:
            tags.append("tag:source-uncoded")
    else:
        tags.append("tag:no-source")
    if event.target is not None and event.target.code is None:
        tags.append("tag:target-uncoded")
    if event.modality != "asserted":
        tags.append("tag:modality-" + event.modality)
    return tags


SHOW_VERDICTS = {"wrong"}
SHOW: set[str] = set()  # channels whose wrong events are printed with their sentence (`--show`)


def _labels(event: Event, events: list[Event], quotes: list[tuple[int, int]]) -> list[str]:
    channel, tags = channel_of(event), tags_of(event, events, quotes)
    detail = channel + "".join("/" + t[4:] for t in tags if t in ("tag:inside-quote",) or "modality" in t)
    return [channel, *tags] + ([detail] if detail != channel else [])


def _show(verdict: str, event: Event, path: Path, error: str = "") -> None:
    if verdict not in SHOW_VERDICTS or (not SHOW & set(_labels(event, [], [])) and "all" not in SHOW):
        return
    text = path.read_text(encoding="utf-8", errors="replace")
    sentence = text[event.sentence.start : event.sentence.end].replace("\n", " ")
    who = (event.source.text if event.source else None, event.target.text if event.target else None)
    what = f"{channel_of(event)} {event.cameo} {event.modality} [{event.trigger.text}] {who} {error}"
    print(f"{verdict.upper()} {path.name} {what} :: {sentence}")


def _run(text: str, article_id: str, published: Any) -> tuple[list[Event], list[tuple[int, int]]]:
    _rival_starts.clear()
    _stance_starts.clear()
    record = process(Article(id=article_id, text=text, published=published, source=article_id))
    return record.events, [(q.start, q.end) for q in record.quotes]


def study_verdicts() -> list[tuple[list[str], str]]:
    from newsevents.evaluation.events import BBC_DEFAULT_DATE, gold_date

    data = json.loads((SHARED / "eval/events/bbc_events_dev.json").read_text("utf-8"))
    rows = [a for a in data["articles"] if a["id"] in set(data["split"]["study"])]
    out = []
    for row in rows:
        path = SHARED / "eval/corpora/bbc/politics" / row["source_file"]
        published = gold_date(row["published"]) if row.get("published") else BBC_DEFAULT_DATE
        events, quotes = _run(path.read_text(encoding="utf-8", errors="replace"), row["id"], published)
        for index, (start, end) in enumerate(row["sentences"]):
            gold = [g for g in row["events"] if g["sentence"] == index]
            ours = [e for e in events if start <= e.trigger.start < end]
            taken: set[int] = set()
            for event in ours:
                hit = next((i for i, g in enumerate(gold) if i not in taken and bbc_event_matches(event, g)), None)
                verdict = "wrong" if hit is None else "skip" if gold[hit].get("uncertain") else "right"
                if verdict == "right":
                    taken.add(hit)  # type: ignore[arg-type]
                out.append(([*_labels(event, events, quotes)], verdict))
                _show(verdict, event, path)
    return out


def _judged(folder: Path = ROOT / "eval/judged") -> dict[str, list[judged_bench.Judgment]]:
    """The judgments of the JUDGED files by article, read by `bench/judged.py`'s loader (its normalisers give
    each judge's latest verdict, code and error kind; a file's older round of an event re-judged is dropped)."""
    by_article: dict[str, list[judged_bench.Judgment]] = defaultdict(list)
    for judgment in judged_bench.load(folder)[0]:
        if judgment.judge in JUDGED:
            by_article[judgment.article].append(judgment)
    return by_article


def fresh_verdicts() -> tuple[list[tuple[list[str], str]], Counter]:
    out, unmapped = [], Counter()
    for article, judgments in sorted(_judged().items()):
        path = judged_bench.CORPORA / article
        published = dt.date.fromisoformat(judgments[0].published)
        events, quotes = _run(path.read_text(encoding="utf-8", errors="replace"), article, published)
        pool = list(judgments)
        for event in events:
            span = (event.trigger.start, event.trigger.end)
            row = next((j for j in pool if (j.start, j.end) == span and j.root == event.root), None)
            row = row or next((j for j in pool if (j.start, j.end) == span), None)
            if row is None:
                unmapped[channel_of(event)] += 1
                continue
            pool.remove(row)
            verdict = row.verdict if row.verdict in ("right", "wrong") else "skip"
            if row.root != event.root:
                verdict = "skip"  # judged on a different code: today's code is unjudged
            if verdict == "wrong" and row.error in judged_bench.CODE_ERRORS:
                verdict = "code-only"  # right event, wrong actor code: bbc-dev precision counts it right
            channel = channel_of(event)
            if verdict == "wrong":
                ERRORS[channel][str(row.error)] += 1
            out.append(([*_labels(event, events, quotes)], verdict))
            _show(verdict, event, path, str(row.error))
    return out, unmapped


def unjudged() -> list[dict[str, Any]]:
    """Today's events in the judged fresh articles that no judgment maps to, with their channel and tags."""
    judgments, _ = judged_bench.load()
    dates = {j.article: j.published for j in judgments}
    out = []
    for article, published in sorted(dates.items()):
        path = judged_bench.CORPORA / article
        text = path.read_text(encoding="utf-8", errors="replace")
        events, quotes = _run(text, article, dt.date.fromisoformat(published))
        pool = {article: [(e.trigger.start, e.trigger.end, e.root) for e in events]}
        seen = {judged_bench._match(j, pool) for j in judgments if j.article == article}
        for index, event in enumerate(events):
            if index in seen:
                continue
            labels = _labels(event, events, quotes)
            out.append(
                {
                    "article": article,
                    "published": published,
                    "trigger": [event.trigger.start, event.trigger.end],
                    "trigger_text": event.trigger.text,
                    "cameo": event.cameo,
                    "modality": event.modality,
                    "source": _slot(event.source),
                    "target": _slot(event.target),
                    "channel": labels[0],
                    "tags": [t[4:] for t in labels[1:] if t.startswith("tag:")],
                    "sentence": text[event.sentence.start : event.sentence.end].replace("\n", " "),
                }
            )
    return out


def _slot(actor: Any) -> list[Any] | None:
    return None if actor is None else [actor.text, actor.code, actor.start, actor.end]


def stratified_sample(rows: list[dict[str, Any]], size: int, seed: int, floor: int = 10) -> list[dict[str, Any]]:
    """A seeded sample of `size` rows: every channel with >= 5 rows gets min(floor, all it has) first, the rest
    is drawn at random from what is left, so the small channels are measured and the big ones weigh as they do."""
    import random

    rng = random.Random(seed)
    by_channel: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for row in rows:
        by_channel[row["channel"]].append(row)
    picked: list[dict[str, Any]] = []
    for channel in sorted(by_channel):
        group = by_channel[channel]
        if len(group) >= 5:
            picked += rng.sample(group, min(floor, len(group)))
    rest = [r for r in rows if r not in picked]
    picked += rng.sample(rest, max(0, min(len(rest), size - len(picked))))
    return sorted(picked, key=lambda r: (r["article"], r["trigger"]))


def _print_unjudged(rows: list[dict[str, Any]], template: str | None) -> None:
    for row in rows:
        src, tgt = row["source"], row["target"]
        print(
            f"{row['article']} {row['trigger']} [{row['trigger_text']}] {row['cameo']} {row['modality']} "
            f"{row['channel']} {'/'.join(row['tags'])}\n  src={src} tgt={tgt}\n  :: {row['sentence']}"
        )
    print(f"\n{len(rows)} events; by channel: {dict(Counter(r['channel'] for r in rows).most_common())}")
    if template:
        keep = ("article", "trigger", "cameo", "channel")
        lines = [
            json.dumps(
                {
                    "judge": "unjudged",
                    **{k: r[k] for k in keep},
                    "verdict": "",
                    "counts_codes": True,
                    "error": None,
                    "pub_date": r["published"],
                }
            )
            for r in rows
        ]
        Path(template).write_text("\n".join(lines) + "\n", "utf-8")


def table(rows: list[tuple[list[str], str]]) -> dict[str, Counter]:
    tally: dict[str, Counter] = defaultdict(Counter)
    for labels, verdict in rows:
        for label in [*labels, "ALL"]:
            tally[label][verdict] += 1
    return tally


def _cell(counts: Counter, loose: bool = False) -> str:
    right, wrong = counts["right"] + (counts["code-only"] if loose else 0), counts["wrong"]
    wrong += 0 if loose else counts["code-only"]
    return f"{right / (right + wrong):.2f} ({right}/{right + wrong})" if right + wrong else "-"


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--json")
    parser.add_argument("--show", action="append", default=[])
    parser.add_argument("--verdict", action="append", default=[])
    parser.add_argument("--unjudged", action="store_true", help="list today's events no judgment maps to")
    parser.add_argument("--sample", type=int, default=0)
    parser.add_argument("--seed", type=int, default=9)
    parser.add_argument("--template", help="with --unjudged: write the listed rows as blank judgment lines")
    args = parser.parse_args()
    if args.unjudged:
        _install()
        rows = unjudged()
        print(f"unjudged events: {len(rows)} {dict(Counter(r['channel'] for r in rows).most_common())}")
        _print_unjudged(stratified_sample(rows, args.sample, args.seed) if args.sample else rows, args.template)
        return
    SHOW.update(args.show)
    SHOW_VERDICTS.update(args.verdict)
    _install()
    study = table(study_verdicts())
    fresh_rows, unmapped = fresh_verdicts()
    fresh = table(fresh_rows)
    print("| channel | study P (right/counted) | fresh P, codes ignored | fresh P, codes counted |")
    print("|---|---|---|---|")
    for label in sorted(set(study) | set(fresh), key=lambda k: (k == "ALL", k.startswith("tag:"), k)):
        counts = fresh.get(label, Counter())
        print(f"| {label} | {_cell(study.get(label, Counter()))} | {_cell(counts, True)} | {_cell(counts)} |")
    for channel, kinds in sorted(ERRORS.items()):
        print(f"fresh wrong, {channel}: {dict(kinds.most_common())}")
    print(f"\nfresh events with no judgment (new since judging): {sum(unmapped.values())} {dict(unmapped)}")
    if args.json:
        dump = {"study": study, "fresh": fresh, "fresh_unmapped": unmapped}
        Path(args.json).write_text(json.dumps(dump, indent=1, default=dict), "utf-8")


if __name__ == "__main__":
    sys.exit(main())
