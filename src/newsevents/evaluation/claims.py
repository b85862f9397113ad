"""`newsevents eval claims --gold bbc-dev [--split study|report|all]`: numeric claims on BBC politics.

The gold (`eval/claims/bbc_claims_dev.json`, see its README) lists every numeric claim of 24 articles and
every number judged *not* a claim. Scoring rule (the README's, which acceptance uses too):

- a predicted claim matches a gold claim when the spans overlap and the values are equal (one to one);
- an unmatched prediction is a false positive when it overlaps a gold claim or a gold not-claim; a
  prediction on a number listed in neither is not counted;
- `uncertain` gold claims are neither required nor penalised (predictions on them are not counted);
- the subject is right when it shares a content word with the gold subject (over matched claims);
- the source (who makes the claim) is right when both are the writer's (no source), or the predicted
  speaker's mention or canonical name shares a content word with the gold source (over matched claims).

The split defaults to `report` (the 8 articles whose errors are never studied).
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from newsevents.evaluation.common import PRF, EvalReport
from newsevents.options import Options
from newsevents.pipeline import process_batch
from newsevents.types import Article, ArticleRecord, Claim, InputError

SPLITS = ("study", "report", "all")
# Function words that do not make two subjects agree ("the number of people" vs "people").
STOPWORDS = frozenset(
    "a an the of in on at to for from by with and or as its their his her this that these those who which "
    "new number amount total some all".split()
)
_WORD = re.compile(r"[a-z0-9]+")


@dataclass(frozen=True, slots=True)
class GoldClaim:
    start: int
    end: int
    value: float
    subject: str | None
    uncertain: bool
    source: str | None = None  # the attributed person or organisation as written; None: the writer's own


@dataclass(frozen=True, slots=True)
class GoldClaimArticle:
    id: str
    text: str
    claims: tuple[GoldClaim, ...]
    not_claims: tuple[tuple[int, int], ...]


def evaluate(gold: str, split: str | None, shared: Path, options: Options, limit: int | None = None) -> EvalReport:
    if gold != "bbc-dev":
        raise InputError(f"unknown gold set for claims: {gold!r} (available: bbc-dev)")
    split = split or "report"
    if split not in SPLITS:
        raise InputError(f"unknown split for bbc-dev: {split!r} (available: {', '.join(SPLITS)})")
    articles = read_gold(shared / "eval", split)[:limit]
    inputs = [Article(id=a.id, text=a.text, published=None) for a in articles]
    records = [r for r in process_batch(inputs, options) if isinstance(r, ArticleRecord)]
    tally = ClaimTally()
    for article, record in zip(articles, records, strict=True):
        tally.add(article, record.claims)
    return tally.report(split, len(articles))


def read_gold(eval_dir: Path, split: str) -> list[GoldClaimArticle]:
    """The gold articles of a split, each with its text read as the README says."""
    path = eval_dir / "claims" / "bbc_claims_dev.json"
    if not path.is_file():
        raise InputError(f"gold file not found: {path}")
    data = json.loads(path.read_text("utf-8"))
    wanted = set(data["split"]["study"]) | set(data["split"]["report"]) if split == "all" else set(data["split"][split])
    corpus = eval_dir / "corpora" / "bbc" / "politics"
    return [_article(item, corpus) for item in data["articles"] if item["id"] in wanted]


def _article(item: dict[str, Any], corpus: Path) -> GoldClaimArticle:
    path = corpus / item["source_file"]
    if not path.is_file():
        raise InputError(f"{item['id']}: article text not found at {path}")
    with open(path, encoding="utf-8", errors="replace") as handle:
        text = handle.read()
    claims = tuple(
        GoldClaim(c["start"], c["end"], float(c["value"]), c.get("subject"), bool(c.get("uncertain")), _source_text(c))
        for c in item["claims"]
    )
    not_claims = tuple((n["start"], n["end"]) for n in item["not_claims"])
    return GoldClaimArticle(item["id"], text, claims, not_claims)


def _source_text(claim: dict[str, Any]) -> str | None:
    source = claim.get("source")
    return str(source["text"]) if isinstance(source, dict) and source.get("text") else None


def source_right(claim: Claim, gold_source: str | None) -> bool:
    """Both the writer's own, or the predicted speaker (as written or by canonical name) agrees with the gold's."""
    if claim.source is None or gold_source is None:
        return claim.source is None and gold_source is None
    predicted = content_words(claim.source.text) | content_words(claim.source.name)
    return bool(predicted & content_words(gold_source))


def content_words(phrase: str | None) -> set[str]:
    """Lower-case content words, a plural -s folded ("troops" ~ "troop")."""
    words = _WORD.findall((phrase or "").lower())
    return {w[:-1] if len(w) > 3 and w.endswith("s") else w for w in words if w not in STOPWORDS}


def _overlaps(a_start: int, a_end: int, b_start: int, b_end: int) -> bool:
    return a_start < b_end and b_start < a_end


@dataclass
class ClaimTally:
    prf: PRF = field(default_factory=PRF)
    subject_right: int = 0
    source_right: int = 0
    gold_sourced: int = 0  # matched claims whose gold names a source
    source_filled: int = 0  # of those, how many have any predicted source
    ignored_predictions: int = 0
    errors: list[str] = field(default_factory=list)  # one line per miss, for studying the `study` split

    def add(self, article: GoldClaimArticle, claims: list[Claim]) -> None:
        required = [g for g in article.claims if not g.uncertain]
        used: set[int] = set()
        for claim in claims:
            match = next(
                (
                    k
                    for k, g in enumerate(required)
                    if k not in used
                    and _overlaps(claim.start, claim.end, g.start, g.end)
                    and abs(float(claim.value) - g.value) < 1e-6 * max(1.0, abs(g.value))
                ),
                None,
            )
            if match is not None:
                used.add(match)
                self.prf.tp += 1
                right = bool(content_words(claim.subject) & content_words(required[match].subject))
                self.subject_right += right
                if not right:
                    self._note(article, "subject", claim, required[match].subject)
                self._tally_source(article, claim, required[match].source)
            elif self._counts_against(article, claim):
                self.prf.fp += 1
                self._note(article, "false+", claim, None)
            else:
                self.ignored_predictions += 1
        for k, g in enumerate(required):
            if k not in used:
                self.prf.fn += 1
                self.errors.append(f"{article.id} missed {article.text[g.start : g.end]!r} [{g.start}] ({g.subject})")

    def _tally_source(self, article: GoldClaimArticle, claim: Claim, gold_source: str | None) -> None:
        right = source_right(claim, gold_source)
        self.source_right += right
        self.gold_sourced += gold_source is not None
        self.source_filled += gold_source is not None and claim.source is not None
        if not right:
            predicted = claim.source.text if claim.source is not None else None
            self.errors.append(
                f"{article.id} source {claim.text!r} [{claim.start}] source={predicted!r} gold source={gold_source!r}"
            )

    def _counts_against(self, article: GoldClaimArticle, claim: Claim) -> bool:
        spans = [(g.start, g.end) for g in article.claims if not g.uncertain] + list(article.not_claims)
        return any(_overlaps(claim.start, claim.end, s, e) for s, e in spans)

    def _note(self, article: GoldClaimArticle, kind: str, claim: Claim, gold_subject: str | None) -> None:
        line = f"{article.id} {kind} {claim.text!r} [{claim.start}] value={claim.value} subject={claim.subject!r}"
        self.errors.append(line + (f" gold subject={gold_subject!r}" if kind == "subject" else ""))

    def report(self, split: str, documents: int) -> EvalReport:
        tp = self.prf.tp
        return EvalReport(
            task="claims",
            gold=f"bbc-dev ({split})",
            metrics={
                **self.prf.as_metrics("claim"),
                "subject_right": self.subject_right / tp if tp else 0.0,
                "source_right": self.source_right / tp if tp else 0.0,
                "source_filled": self.source_filled / self.gold_sourced if self.gold_sourced else 0.0,
            },
            counts={
                "documents": documents,
                "matched": tp,
                "false_positives": self.prf.fp,
                "missed": self.prf.fn,
                "subject_right": self.subject_right,
                "source_right": self.source_right,
                "gold_sourced": self.gold_sourced,
                "source_filled": self.source_filled,
                "predictions_not_scored": self.ignored_predictions,
            },
            notes=[
                "Match: overlapping spans and equal values, one to one; uncertain gold claims are not scored.",
                "A prediction on a gold not-claim, or one overlapping a gold claim without matching it, is a false "
                "positive; predictions on numbers the gold does not list are not scored.",
                "subject_right: share of matched claims whose subject shares a content word with the gold subject.",
                "source_right: share of matched claims whose source agrees with the gold's (both the writer's, or "
                "sharing a content word); source_filled: share of matched claims with a gold source that have one.",
            ],
        )
