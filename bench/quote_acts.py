"""Verb-pattern events whose trigger lies inside quoted or reported speech, against every fresh judgment.

Every judgment of `eval/judged/*.jsonl` (bench/judged.py's loader, normalisers and article + overlapping
trigger + root mapping) is mapped to TODAY's events; each of today's events is labelled with its channel and
tags by bench/event_channels.py's wrappers. Listed: verb-pattern events (`verb-pattern*`, `petr2-pattern*`)
with the trigger inside a quote or modality `reported`, each event once (judges that disagree: "disputed").

    PYTHONPATH=src python bench/quote_acts.py [--all]      # --all: also the events judged right
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from collections import Counter

import event_channels as ec  # bench/event_channels.py: channel and tag wrappers
import judged as judged_bench  # bench/judged.py: the loader and matcher of the fresh judgments

VERB_CHANNELS = ("verb-pattern", "petr2-pattern")


def _speech_tags(tags: list[str]) -> list[str]:
    return [t for t in tags if t in ("tag:inside-quote", "tag:modality-reported")]


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--all", action="store_true")
    args = parser.parse_args()
    ec._install()
    judgments, _ = judged_bench.load()
    dates = {j.article: j.published for j in judgments}
    tally: Counter = Counter()
    for article, published in sorted(dates.items()):
        text = (judged_bench.CORPORA / article).read_text(encoding="utf-8", errors="replace")
        events, quotes = ec._run(text, article, dt.date.fromisoformat(published))
        pool = {article: [(e.trigger.start, e.trigger.end, e.root) for e in events]}
        said: dict[int, set[str]] = {}
        errors: dict[int, set[str]] = {}
        for judged in (j for j in judgments if j.article == article):
            hit = judged_bench._match(judged, pool)
            if hit is not None:
                said.setdefault(hit, set()).add(judged.verdict)
                if judged.verdict == "wrong":
                    errors.setdefault(hit, set()).add(str(judged.error))
        for index, event in enumerate(events):
            channel = ec.channel_of(event)
            speech = _speech_tags(ec.tags_of(event, events, quotes))
            if not channel.startswith(VERB_CHANNELS) or not speech or index not in said:
                continue
            firm = said[index] - {"uncertain"}
            verdict = "disputed" if len(firm) > 1 else next(iter(firm), "uncertain")
            wrong_errors = errors.get(index, set())
            if verdict == "wrong" and wrong_errors <= judged_bench.CODE_ERRORS:
                verdict = "code-only"
            for tag in [*speech, "any"]:
                tally[(tag, verdict)] += 1
            if verdict != "right" or args.all:
                sentence = text[event.sentence.start : event.sentence.end].replace("\n", " ")
                who = (event.source.text if event.source else None, event.target.text if event.target else None)
                print(
                    f"{verdict.upper()} {article}@{event.trigger.start} {event.cameo} {event.modality} "
                    f"[{event.trigger.text}] {who} {'/'.join(t[4:] for t in speech)} {sorted(wrong_errors)}"
                    f"\n   :: {sentence}"
                )
    for tag in ("tag:inside-quote", "tag:modality-reported", "any"):
        counts = {v: tally[(tag, v)] for v in ("right", "code-only", "wrong", "disputed", "uncertain")}
        right, wrong = counts["right"], counts["wrong"] + counts["code-only"]
        loose = counts["right"] + counts["code-only"]
        p = f"{right / (right + wrong):.2f} ({right}/{right + wrong})" if right + wrong else "-"
        pl = f"{loose / (right + wrong):.2f}" if right + wrong else "-"
        print(f"{tag}: P {p}, codes forgiven {pl}; {counts}")


if __name__ == "__main__":
    sys.exit(main())
