"""Event coding against public gold data (`../shared/eval/events/`, see its README).

- `--gold petr2`: PETR2 GSR, 78 real news sentences. P/R/F1 on (source country, target country,
  root code), matched one-to-one per sentence, and on the full code. Every event we code on a
  sentence marked `noevents` is a false positive. Scored: dyadic events (source and target) that
  are asserted or reported; negated and hypothetical events are not claims that something happened.
- `--gold plover`: PLOVER GSR, 322 CAMEO-manual example sentences. Event-type accuracy and macro-F1
  after mapping our CAMEO codes to PLOVER (`data/cameo_codes.tsv`); actor and recipient country
  set-F1. The sentence's predicted type is that of its main (outermost) event with a PLOVER type.
- `--gold bbc-dev`: every event in 24 BBC politics articles, coded by hand (`bbc_events_dev.json`,
  conventions in `CODING.md`). Per sentence, a predicted event matches a gold event when its CAMEO
  root is the gold's (or an `alt_cameo` root) and its source span overlaps the gold's, and its
  target span too (a null gold target needs none predicted). Matching is one-to-one; `uncertain`
  gold events are neither required nor counted against a prediction that matches them. Reports
  precision, recall, and the share of matched events whose actor codes are the gold's (or in
  `alt_codes`). `--split study|report|all` (default report: study errors on `study` only).
- `--gold bbc`: the distribution of root codes over the BBC politics corpus (no gold labels):
  shows whether any code dominates by accident.
Actor "country" is the country part of a CAMEO actor code: ISO alpha-3, or the organisation prefix
(`IGO`, `NGO`, `IMG`) for organisations, `---` when unknown. Old CAMEO country codes in the gold
(`JAP`, `ITL`, `VTN`) are mapped to ISO.
"""

from __future__ import annotations

import datetime as dt
import json
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from newsevents.evaluation.common import PRF, EvalReport
from newsevents.extract.actors.codes import ORG_PREFIXES
from newsevents.extract.events.codebook import plover_for_root
from newsevents.options import Options
from newsevents.pipeline import process_batch
from newsevents.types import Actor, Article, ArticleRecord, Event, InputError

GOLDS = ("petr2", "plover", "bbc-dev", "bbc")
BBC_SPLITS = ("study", "report", "all")
# The BBC gold gives no publication dates; the articles are of 2004-05.
BBC_DEFAULT_DATE = dt.date(2005, 1, 1)
FACTUAL = frozenset({"asserted", "reported"})
# CAMEO country codes that predate ISO alpha-3, as they occur in older gold data.
OLD_CAMEO_COUNTRIES = {
    "JAP": "JPN",
    "ITL": "ITA",
    "VTN": "VNM",
    "ROM": "ROU",
    "ZAR": "COD",
    "TMP": "TLS",
    "BUR": "MMR",
    "GER": "DEU",
    "SER": "SRB",
    "YUG": "SRB",
    "USR": "RUS",
    "ISM": "---",
}


def evaluate(gold: str, split: str | None, shared: Path, options: Options, limit: int | None) -> EvalReport:
    if gold == "petr2":
        return evaluate_petr2(shared, options, limit)
    if gold == "plover":
        return evaluate_plover(shared, options, limit)
    if gold == "bbc-dev":
        return evaluate_bbc_dev(shared, options, limit, split or "report")
    if gold == "bbc":
        return root_distribution(shared, options, limit)
    raise InputError(f"unknown gold set {gold!r} for events; choose one of {', '.join(GOLDS)}")


def gold_country(code: str) -> str:
    """The country/organisation part of a gold CAMEO actor code."""
    head = code[:3].upper()
    if not head:
        return "---"
    return OLD_CAMEO_COUNTRIES.get(head, head)


def actor_country(actor: Actor | None) -> str:
    """Our actor's country part, comparable with `gold_country`."""
    if actor is None:
        return "---"
    if actor.code and actor.code[:3] in ORG_PREFIXES:
        return actor.code[:3]
    if actor.org and not actor.country:
        return "IGO"
    return actor.country or "---"


def gold_date(value: str) -> dt.date | None:
    """The record's publication date: `YYYYMMDD` or the older `YYMMDD`; None when unreadable."""
    for layout in ("%Y%m%d", "%Y-%m-%d", "%y%m%d"):
        try:
            return dt.datetime.strptime(value, layout).date()
        except ValueError:
            continue
    return None


def _read_jsonl(path: Path, limit: int | None) -> list[dict]:
    if not path.is_file():
        raise InputError(f"{path}: gold file not found")
    rows = [json.loads(line) for line in path.read_text("utf-8").splitlines() if line.strip()]
    return rows[:limit] if limit else rows


def _events_by_id(articles: list[Article], options: Options) -> dict[str, list[Event]]:
    """Our events for each article id; a rejected input simply has none."""
    found: dict[str, list[Event]] = {article.id: [] for article in articles}
    for record in process_batch(articles, options):
        if isinstance(record, ArticleRecord):
            found[record.id] = record.events
    return found


def _one_to_one(gold: list[tuple[str, ...]], predicted: list[tuple[str, ...]], prf: PRF) -> None:
    matched = sum((Counter(gold) & Counter(predicted)).values())
    prf.tp += matched
    prf.fp += len(predicted) - matched
    prf.fn += len(gold) - matched


@dataclass
class _Petr2Tally:
    root: PRF
    full: PRF
    one_sided: int = 0
    non_factual: int = 0


def _score_petr2(row: dict, events: list[Event], tally: _Petr2Tally) -> None:
    scored = [e for e in events if e.target is not None and e.modality in FACTUAL]
    tally.one_sided += sum(1 for e in events if e.target is None)
    tally.non_factual += sum(1 for e in events if e.modality not in FACTUAL)
    gold = [] if row.get("noevents") else row["events"]
    gold_keys = [(gold_country(g["source"]), gold_country(g["target"])) for g in gold]
    ours = [(actor_country(e.source), actor_country(e.target)) for e in scored]
    _one_to_one(
        [(*k, g["code"][:2]) for k, g in zip(gold_keys, gold, strict=True)],
        [(*k, e.root) for k, e in zip(ours, scored, strict=True)],
        tally.root,
    )
    _one_to_one(
        [(*k, g["code"]) for k, g in zip(gold_keys, gold, strict=True)],
        [(*k, e.cameo) for k, e in zip(ours, scored, strict=True)],
        tally.full,
    )


def evaluate_petr2(shared: Path, options: Options, limit: int | None) -> EvalReport:
    rows = _read_jsonl(shared / "eval" / "events" / "petr2_gsr.jsonl", limit)
    articles = [Article(id=r["id"], text=r["text"], published=gold_date(r.get("date", ""))) for r in rows]
    tally = _Petr2Tally(PRF(), PRF())
    events = _events_by_id(articles, options)
    for row in rows:
        _score_petr2(row, events[row["id"]], tally)
    return EvalReport(
        task="events",
        gold="petr2",
        metrics={**tally.root.as_metrics("root"), **tally.full.as_metrics("full_code")},
        counts={
            "sentences": len(rows),
            "gold_events": tally.root.tp + tally.root.fn,
            "scored_predictions": tally.root.tp + tally.root.fp,
            "one_sided_not_scored": tally.one_sided,
            "negated_or_hypothetical_not_scored": tally.non_factual,
        },
        notes=[
            "Match key: (source country, target country, root) one-to-one per sentence; IGO/NGO/IMG count "
            "as their prefix; events on `noevents` sentences are false positives.",
            "Scored predictions are dyadic asserted/reported events; QuadClass uses GDELT numbering.",
        ],
    )


def main_plover(events: list[Event]) -> str:
    """The PLOVER type of the sentence's outermost event that has one ("none" without events)."""
    for event in events:  # the coder emits outer triggers first
        if event.plover:
            return event.plover
    return "none"


def _set_prf(gold: set[str], predicted: set[str], prf: PRF) -> None:
    prf.tp += len(gold & predicted)
    prf.fp += len(predicted - gold)
    prf.fn += len(gold - predicted)


def _macro_f1(pairs: list[tuple[str, str]]) -> tuple[float, dict[str, float]]:
    per_type: dict[str, PRF] = {}
    for gold, predicted in pairs:
        per_type.setdefault(gold, PRF())
        if predicted != "none":
            per_type.setdefault(predicted, PRF())
        if gold == predicted:
            per_type[gold].tp += 1
            continue
        per_type[gold].fn += 1
        if predicted != "none":
            per_type[predicted].fp += 1
    gold_types = {gold for gold, _ in pairs}
    f1s = {name: prf.f1 for name, prf in sorted(per_type.items()) if name in gold_types}
    return (sum(f1s.values()) / len(f1s) if f1s else 0.0), f1s


def evaluate_plover(shared: Path, options: Options, limit: int | None) -> EvalReport:
    rows = _read_jsonl(shared / "eval" / "events" / "plover_gsr.jsonl", limit)
    articles = [Article(id=r["id"], text=r["text"]) for r in rows]
    pairs: list[tuple[str, str]] = []
    actors, recipients, both = PRF(), PRF(), PRF()
    by_id = _events_by_id(articles, options)
    for row in rows:
        events = by_id[row["id"]]
        pairs.append((row["event_v2"], main_plover(events)))
        gold_src = {gold_country(a["code"]) for a in row["actor"]} - {"---"}
        gold_tgt = {gold_country(a["code"]) for a in row["recipient"]} - {"---"}
        ours_src = {actor_country(e.source) for e in events} - {"---"}
        ours_tgt = {actor_country(e.target) for e in events if e.target} - {"---"}
        _set_prf(gold_src, ours_src, actors)
        _set_prf(gold_tgt, ours_tgt, recipients)
        _set_prf(gold_src | gold_tgt, ours_src | ours_tgt, both)
    accuracy = sum(1 for g, p in pairs if g == p) / len(pairs) if pairs else 0.0
    macro, per_type = _macro_f1(pairs)
    return EvalReport(
        task="events",
        gold="plover",
        metrics={
            "event_type_accuracy": accuracy,
            "event_type_macro_f1": macro,
            **actors.as_metrics("actor_country"),
            **recipients.as_metrics("recipient_country"),
            **both.as_metrics("any_role_country"),
        },
        counts={"sentences": len(pairs), "sentences_without_event": sum(1 for _, p in pairs if p == "none")},
        breakdown={"F1 by PLOVER type": per_type},
        notes=[
            "Predicted type: the outermost coded event with a PLOVER type, any modality (the manual's examples "
            "include threats and refusals); CAMEO 01x statements have no PLOVER type, 02x appeals map to "
            "REQUEST.",
            "Country sets per sentence, micro-averaged; unknown countries (`---`) are left out on both sides.",
        ],
    )


def root_distribution(shared: Path, options: Options, limit: int | None) -> EvalReport:
    folder = shared / "eval" / "corpora" / "bbc" / "politics"
    files = sorted(folder.glob("*.txt"))[:limit] if limit else sorted(folder.glob("*.txt"))
    if not files:
        raise InputError(f"{folder}: no .txt files found")
    articles = [Article(id=f.name, text=f.read_text("utf-8", errors="replace"), source=str(f)) for f in files]
    roots: Counter[str] = Counter()
    modality: Counter[str] = Counter()
    for events in _events_by_id(articles, options).values():
        roots.update(e.root for e in events)
        modality.update(e.modality for e in events)
    total = sum(roots.values()) or 1
    return EvalReport(
        task="events",
        gold="bbc",
        metrics={"largest_root_share": max(roots.values(), default=0) / total},
        counts={
            "articles": len(articles),
            "events": sum(roots.values()),
            **{f"modality_{k}": v for k, v in sorted(modality.items())},
        },
        breakdown={
            "share of events by CAMEO root": {
                f"{root} {plover_for_root(root) or '-'}": n / total for root, n in sorted(roots.items())
            }
        },
        notes=["No gold labels: this shows the spread of root codes over 417 BBC politics articles (2004-05)."],
    )


def _bbc_split_articles(data: dict, split: str) -> list[dict]:
    if split not in BBC_SPLITS:
        raise InputError(f"unknown split {split!r} for bbc-dev; choose one of {', '.join(BBC_SPLITS)}")
    wanted = set(data["split"]["study"]) | set(data["split"]["report"]) if split == "all" else set(data["split"][split])
    return [a for a in data["articles"] if a["id"] in wanted]


def _overlaps(actor: Actor | None, gold: dict | None) -> bool:
    if gold is None or actor is None:
        return gold is None and actor is None
    return actor.start < gold["end"] and gold["start"] < actor.end


def _code_right(actor: Actor | None, gold: dict | None) -> bool:
    if gold is None:
        return True
    return actor is not None and actor.code is not None and actor.code in {gold["code"], *gold.get("alt_codes", [])}


def bbc_event_matches(event: Event, gold: dict) -> bool:
    """The README's rule: root (or an alt root), source span, and target span (none for a null gold target)."""
    roots = {gold["root"], *(code[:2] for code in gold.get("alt_cameo", []))}
    if event.root not in roots or not _overlaps(event.source, gold["source"]):
        return False
    return _overlaps(event.target, gold["target"]) if gold["target"] is not None else event.target is None


@dataclass
class _BbcTally:
    prf: PRF
    codes_right: int = 0
    ignored: int = 0
    predicted: int = 0


def _sentence_of(offset: int, sentences: list[list[int]]) -> int:
    for index, (start, end) in enumerate(sentences):
        if start <= offset < end:
            return index
    return -1


def _score_bbc_sentence(gold: list[dict], predicted: list[Event], tally: _BbcTally) -> None:
    """One-to-one: each prediction takes the first unmatched certain gold event it matches."""
    taken: set[int] = set()
    for event in predicted:
        tally.predicted += 1
        hit = next((i for i, g in enumerate(gold) if i not in taken and bbc_event_matches(event, g)), None)
        if hit is None:
            tally.prf.fp += 1
        elif gold[hit].get("uncertain"):
            tally.ignored += 1  # an uncertain gold event may be taken again: it is never required
        else:
            taken.add(hit)
            tally.prf.tp += 1
            if _code_right(event.source, gold[hit]["source"]) and _code_right(event.target, gold[hit]["target"]):
                tally.codes_right += 1
    tally.prf.fn += sum(1 for i, g in enumerate(gold) if not g.get("uncertain") and i not in taken)


def _bbc_articles(shared: Path, rows: list[dict]) -> list[Article]:
    folder = shared / "eval" / "corpora" / "bbc" / "politics"
    articles = []
    for row in rows:
        path = folder / row["source_file"]
        if not path.is_file():
            raise InputError(f"{path}: article of the bbc-dev gold not found")
        text = path.read_text(encoding="utf-8", errors="replace")  # the gold's offset frame
        published = gold_date(row["published"]) if row.get("published") else None
        articles.append(Article(id=row["id"], text=text, published=published or BBC_DEFAULT_DATE, source=str(path)))
    return articles


def evaluate_bbc_dev(shared: Path, options: Options, limit: int | None, split: str) -> EvalReport:
    path = shared / "eval" / "events" / "bbc_events_dev.json"
    if not path.is_file():
        raise InputError(f"{path}: gold file not found")
    rows = _bbc_split_articles(json.loads(path.read_text("utf-8")), split)[: limit or None]
    by_id = _events_by_id(_bbc_articles(shared, rows), options)
    tally = _BbcTally(PRF())
    by_root: dict[str, _BbcTally] = {}
    for row in rows:
        for index in range(len(row["sentences"])):
            gold = [g for g in row["events"] if g["sentence"] == index]
            ours = [e for e in by_id[row["id"]] if _sentence_of(e.trigger.start, row["sentences"]) == index]
            _score_bbc_sentence(gold, ours, tally)
            for root in {g["root"] for g in gold} | {e.root for e in ours}:
                _score_bbc_sentence(
                    [g for g in gold if g["root"] == root],
                    [e for e in ours if e.root == root],
                    by_root.setdefault(root, _BbcTally(PRF())),
                )
    matched = tally.prf.tp
    return EvalReport(
        task="events",
        gold=f"bbc-dev ({split})",
        metrics={
            **tally.prf.as_metrics("event"),
            "actor_codes_right_of_matched": tally.codes_right / matched if matched else 0.0,
        },
        counts={
            "articles": len(rows),
            "gold_events_certain": tally.prf.tp + tally.prf.fn,
            "predicted_events": tally.predicted,
            "matched": matched,
            "matching_only_uncertain_gold": tally.ignored,
        },
        breakdown={"recall by gold root": {r: t.prf.recall for r, t in sorted(by_root.items()) if t.prf.tp + t.prf.fn}},
        notes=[
            "Match: same gold sentence (by trigger offset), root or alt_cameo root, overlapping source span, "
            "overlapping target span (none predicted for a null gold target); one-to-one per sentence.",
            "Publication date 2005-01-01 where the gold gives none. Errors are studied on `study` only.",
        ],
    )
