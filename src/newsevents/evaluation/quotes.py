"""`newsevents eval quotes --gold polnear --split dev`: attributions against PolNeAR.

PolNeAR (networkdynamics/PolNeAR) marks attribution relations in 2016 US political news in
brat standoff: a Content span (possibly discontinuous, pieces joined by `;`), a Cue and,
unless the attribution has no source, a Source. We score, per article:

- content: predicted and gold contents are matched one-to-one when the word tokens they share
  cover at least half of each span (greedy, biggest overlap first); `exact` needs the same
  word tokens;
- speaker: a matched pair whose predicted speaker span overlaps the gold Source span. Its
  precision counts predictions that carry a speaker, its recall gold attributions that have one;
- ALL attributions, and QUOTED ones (content holding a double quotation mark), each side
  filtered the same way before matching.

Articles with several annotators are scored against the first one listed in `metadata.tsv`.
"""

from __future__ import annotations

import csv
import datetime as dt
import re
from bisect import bisect_left, bisect_right
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path

from newsevents.evaluation.common import PRF, EvalReport
from newsevents.options import Options
from newsevents.pipeline import process_batch
from newsevents.types import Article, ArticleRecord, InputError, Quote

Pieces = tuple[tuple[int, int], ...]
WORD = re.compile(r"\w+")
DOUBLE_QUOTES = frozenset('"“”«»„‟')
SPLITS = ("train", "dev")


@dataclass(frozen=True)
class Attribution:
    """One attribution, gold or predicted: character pieces of its content and of its speaker."""

    content: Pieces
    speaker: Pieces = ()


@dataclass
class Scores:
    content: PRF = field(default_factory=PRF)
    exact: PRF = field(default_factory=PRF)
    speaker: PRF = field(default_factory=PRF)

    def add(self, other: Scores) -> None:
        for mine, theirs in ((self.content, other.content), (self.exact, other.exact), (self.speaker, other.speaker)):
            mine.tp += theirs.tp
            mine.fp += theirs.fp
            mine.fn += theirs.fn


# ---------------------------------------------------------------- gold data


def parse_pieces(offsets: str) -> Pieces:
    """`"256 377;463 616"` → ((256, 377), (463, 616))."""
    pieces = []
    for piece in offsets.split(";"):
        start, end = piece.split()
        pieces.append((int(start), int(end)))
    return tuple(pieces)


def read_ann(text: str) -> list[Attribution]:
    """Attributions of one brat `.ann` file (notes and discarded spans are skipped)."""
    spans: dict[str, Pieces] = {}
    relations: list[dict[str, list[str]]] = []
    for line in text.splitlines():
        cols = line.split("\t")
        if len(cols) < 2:
            continue
        if cols[0].startswith("T"):
            _kind, _, offsets = cols[1].partition(" ")
            spans[cols[0]] = parse_pieces(offsets)
        elif cols[0].startswith("E"):
            roles: dict[str, list[str]] = {}
            for arg in cols[1].split():
                role, _, ref = arg.partition(":")
                roles.setdefault(role.rstrip("0123456789"), []).append(ref)
            relations.append(roles)
    return [_attribution(roles, spans) for roles in relations if roles.get("Content")]


def _attribution(roles: dict[str, list[str]], spans: dict[str, Pieces]) -> Attribution:
    def joined(role: str) -> Pieces:
        return tuple(sorted(p for ref in roles.get(role, []) for p in spans.get(ref, ())))

    return Attribution(content=joined("Content"), speaker=joined("Source"))


@dataclass(frozen=True)
class GoldDoc:
    name: str
    text: str
    published: str | None
    attributions: list[Attribution]


def load_polnear(root: Path, split: str, limit: int | None = None) -> list[GoldDoc]:
    """The split's articles, each with the first listed annotator's attributions."""
    if split not in SPLITS:
        raise InputError(f"PolNeAR split must be one of {', '.join(SPLITS)}, not {split!r}")
    meta = _metadata(root / "metadata.tsv")
    folder = root / split
    docs = []
    for text_path in sorted((folder / "text").glob("*.txt")):
        name = text_path.stem
        annotators, published = meta.get(name, ((), None))
        ann = _first_existing(folder / "attributions", name, annotators)
        if ann is None:
            continue
        gold = read_ann(ann.read_text("utf-8"))
        docs.append(GoldDoc(name, text_path.read_text("utf-8"), published, gold))
        if limit is not None and len(docs) >= limit:
            break
    return docs


def _metadata(path: Path) -> dict[str, tuple[tuple[str, ...], str | None]]:
    with path.open(encoding="utf-8", newline="") as handle:
        rows = csv.DictReader(handle, delimiter="\t")
        return {r["filename"]: (tuple(r["annotators"].split("|")), r.get("publication_date")) for r in rows}


def _first_existing(folder: Path, name: str, annotators: Sequence[str]) -> Path | None:
    for annotator in annotators:
        path = folder / f"{name}_{annotator}.ann"
        if path.exists():
            return path
    found = sorted(folder.glob(f"{name}_*.ann"))
    return found[0] if found else None


# ---------------------------------------------------------------- scoring


class WordIndex:
    """Word tokens of one text, to turn character pieces into sets of token numbers."""

    def __init__(self, text: str) -> None:
        matches = list(WORD.finditer(text))
        self.starts = [m.start() for m in matches]
        self.ends = [m.end() for m in matches]

    def tokens(self, pieces: Pieces) -> frozenset[int]:
        found: set[int] = set()
        for start, end in pieces:
            # tokens overlapping [start, end): end after start and start before end
            found.update(range(bisect_right(self.ends, start), bisect_left(self.starts, end)))
        return frozenset(found)


def overlaps(a: Pieces, b: Pieces) -> bool:
    return any(s1 < e2 and s2 < e1 for s1, e1 in a for s2, e2 in b)


def match_contents(
    gold: Sequence[frozenset[int]], pred: Sequence[frozenset[int]], min_cover: float = 0.5
) -> list[tuple[int, int]]:
    """One-to-one pairs (gold index, predicted index), biggest shared token count first."""
    candidates = []
    for g, gold_tokens in enumerate(gold):
        for p, pred_tokens in enumerate(pred):
            shared = len(gold_tokens & pred_tokens)
            if shared and shared >= min_cover * len(gold_tokens) and shared >= min_cover * len(pred_tokens):
                candidates.append((-shared, g, p))
    candidates.sort()
    used_gold: set[int] = set()
    used_pred: set[int] = set()
    pairs = []
    for _, g, p in candidates:
        if g not in used_gold and p not in used_pred:
            used_gold.add(g)
            used_pred.add(p)
            pairs.append((g, p))
    return pairs


def score_document(text: str, gold: Sequence[Attribution], pred: Sequence[Attribution]) -> Scores:
    """Content, exact-content and speaker counts for one article."""
    words = WordIndex(text)
    gold_tokens = [words.tokens(a.content) for a in gold]
    pred_tokens = [words.tokens(a.content) for a in pred]
    pairs = match_contents(gold_tokens, pred_tokens)
    scores = Scores()
    scores.content = PRF(tp=len(pairs), fp=len(pred) - len(pairs), fn=len(gold) - len(pairs))
    exact = sum(1 for g, p in pairs if gold_tokens[g] == pred_tokens[p])
    scores.exact = PRF(tp=exact, fp=len(pred) - exact, fn=len(gold) - exact)
    right = sum(1 for g, p in pairs if overlaps(gold[g].speaker, pred[p].speaker))
    with_speaker = sum(1 for a in pred if a.speaker)
    gold_with_speaker = sum(1 for a in gold if a.speaker)
    scores.speaker = PRF(tp=right, fp=with_speaker - right, fn=gold_with_speaker - right)
    return scores


def is_quoted(text: str, attribution: Attribution) -> bool:
    return any(ch in DOUBLE_QUOTES for start, end in attribution.content for ch in text[start:end])


def predicted(quote: Quote) -> Attribution:
    parts = tuple((p.start, p.end) for p in quote.parts) if quote.parts else ((quote.start, quote.end),)
    speaker = ((quote.speaker.start, quote.speaker.end),) if quote.speaker else ()
    return Attribution(content=parts, speaker=speaker)


# ---------------------------------------------------------------- the task


def evaluate(gold: str, split: str | None, shared: Path, options: Options, limit: int | None) -> EvalReport:
    if gold != "polnear":
        raise InputError(f"no quotes gold set {gold!r}; use --gold polnear")
    split = split or "dev"
    docs = load_polnear(shared / "eval" / "quotes" / "polnear", split, limit)
    if not docs:
        raise InputError(f"no PolNeAR articles found for split {split!r}")
    # only the stages quotes read: actors feed the speakers; events, places and dates do not matter here
    options = replace(options, quotes=True, claims=False, events=False, places=False, dates=False)
    records = process_batch(_articles(docs), options)
    every, quoted, kinds = Scores(), Scores(), {"direct": 0, "indirect": 0, "mixed": 0, "rejected": 0}
    for doc, record in zip(docs, records, strict=True):
        if not isinstance(record, ArticleRecord):
            kinds["rejected"] += 1  # scored as an article with no quotes found
        quotes = record.quotes if isinstance(record, ArticleRecord) else []
        for quote in quotes:
            kinds[quote.kind] += 1
        pred = [predicted(q) for q in quotes]
        every.add(score_document(doc.text, doc.attributions, pred))
        quoted.add(score_document(doc.text, _quoted(doc.text, doc.attributions), _quoted(doc.text, pred)))
    return _report(split, len(docs), every, quoted, kinds)


def _articles(docs: Iterable[GoldDoc]) -> Iterator[Article]:
    for doc in docs:
        published = dt.date.fromisoformat(doc.published) if doc.published else None
        yield Article(id=doc.name, text=doc.text, published=published, source=doc.name)


def _quoted(text: str, attributions: Sequence[Attribution]) -> list[Attribution]:
    return [a for a in attributions if is_quoted(text, a)]


def _report(split: str, n_docs: int, every: Scores, quoted: Scores, kinds: dict[str, int]) -> EvalReport:
    metrics: dict[str, float] = {}
    for label, scores in (("all", every), ("quoted", quoted)):
        metrics |= scores.content.as_metrics(f"{label}_content")
        metrics |= scores.exact.as_metrics(f"{label}_exact")
        metrics |= scores.speaker.as_metrics(f"{label}_speaker")
    counts = {
        "articles": n_docs,
        "gold_all": every.content.tp + every.content.fn,
        "predicted_all": every.content.tp + every.content.fp,
        "gold_quoted": quoted.content.tp + quoted.content.fn,
        "predicted_quoted": quoted.content.tp + quoted.content.fp,
    } | {(f"predicted_{kind}" if kind != "rejected" else "rejected_articles"): n for kind, n in kinds.items()}
    notes = [
        f"PolNeAR {split}, first annotator per article; content matched one-to-one at >=50% shared word tokens.",
        "Speaker: matched content whose predicted speaker span overlaps the gold Source span.",
    ]
    return EvalReport(task="quotes", gold="polnear", metrics=metrics, counts=counts, notes=notes)
