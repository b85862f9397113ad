"""Classify the TARGET differences between our unmatched events and the gold's on bbc-dev `study`.

For each sentence, after the scorer's one-to-one matching, pair each unmatched prediction with an
unmatched certain gold event of the same root (or alt root) and an overlapping source span; the pair
differs only in its target, and the kind says how. Prints counts and one line per pair (offsets,
dependency head of our target, no article text beyond the two target spans).

    PYTHONPATH=src python bench/target_diffs.py [--split study]
"""

from __future__ import annotations

import argparse
import json
from collections import Counter
from pathlib import Path

from newsevents.evaluation.events import (
    _bbc_articles,
    _bbc_split_articles,
    _events_by_id,
    _overlaps,
    _sentence_of,
    bbc_event_matches,
)
from newsevents.options import Options
from newsevents.types import Event

SHARED = Path(__file__).resolve().parents[2] / "shared"


def _unmatched(gold: list[dict], ours: list[Event]) -> tuple[list[dict], list[Event]]:
    taken: set[int] = set()
    left = []
    for event in ours:
        hit = next((i for i, g in enumerate(gold) if i not in taken and bbc_event_matches(event, g)), None)
        if hit is None:
            left.append(event)
        elif not gold[hit].get("uncertain"):
            taken.add(hit)
    return [g for i, g in enumerate(gold) if i not in taken and not g.get("uncertain")], left


def _roots(gold: dict) -> set[str]:
    return {gold["root"], *(code[:2] for code in gold.get("alt_cameo", []))}


def _why_unpaired(event: Event, gold_left: list[dict]) -> str:
    """An unmatched prediction with no same-root, same-source gold event: a source or a root error."""
    if any(event.root in _roots(g) for g in gold_left):
        return "ours: same root, other source"
    return "ours: no unmatched gold event of that root"


def _kind(event: Event, gold: dict) -> str:
    if gold["target"] is None:
        return "we add a target, gold null"
    if event.target is None:
        return "we leave null, gold codes one"
    return "different target span"


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--split", default="study", choices=["study"])
    args = parser.parse_args()
    data = json.loads((SHARED / "eval/events/bbc_events_dev.json").read_text("utf-8"))
    rows = _bbc_split_articles(data, args.split)
    by_id = _events_by_id(_bbc_articles(SHARED, rows), Options())
    kinds: Counter[str] = Counter()
    unpaired: Counter[str] = Counter()
    for row in rows:
        text = (SHARED / "eval/corpora/bbc/politics" / row["source_file"]).read_text("utf-8", errors="replace")
        for index in range(len(row["sentences"])):
            gold = [g for g in row["events"] if g["sentence"] == index]
            ours = [e for e in by_id[row["id"]] if _sentence_of(e.trigger.start, row["sentences"]) == index]
            gold_left, ours_left = _unmatched(gold, ours)
            for event in ours_left:
                pair = next(
                    (g for g in gold_left if event.root in _roots(g) and _overlaps(event.source, g["source"])),
                    None,
                )
                if pair is None:
                    unpaired[_why_unpaired(event, gold_left)] += 1
                    continue
                gold_left.remove(pair)
                kind = _kind(event, pair)
                kinds[kind] += 1
                ours_t = text[event.target.start : event.target.end] if event.target else "-"
                gold_t = text[pair["target"]["start"] : pair["target"]["end"]] if pair["target"] else "-"
                trig = text[event.trigger.start : event.trigger.end]
                print(f"{row['id']}\t{event.cameo}\t{trig}\t{kind}\tours={ours_t!r}\tgold={gold_t!r}")
            unpaired["gold: missed, not paired"] += len(gold_left)
    print()
    for kind, count in kinds.most_common():
        print(f"{count:3d}  {kind}")
    for why, count in sorted(unpaired.items()):
        print(f"{count:3d}  {why}")


if __name__ == "__main__":
    main()
