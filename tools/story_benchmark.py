"""Story grouping benchmark: pairwise precision and recall on the BBC corpus and generated copies.

    .venv/bin/python tools/story_benchmark.py [--corpus DIR] [--part study|report|all] [--batch N]

Builds, in memory (no BBC text is ever written to disk), a corpus of the BBC politics articles of
one part (files split by a hash of their name: `study` to tune thresholds, `report` untouched)
plus, for each article, one copy made by each transformation:

- `wrap`: plain text inside another site's header and footer: breadcrumb, site name, date line,
  "Advertisement", related-story titles and one-sentence teasers of two other articles, share and
  copyright lines (what the pipeline's debris finder drops is dropped, the rest stays in the text);
- `html`: the article as paragraphs of an HTML page with navigation, a sidebar of other stories'
  teasers and a footer, read back through the pipeline's own HTML extraction (trafilatura);
- `trunc`: the first half of the words, cut at a word boundary, with "(continued)" appended;
- `spinR` (R = 10, 25, 40): R % of all words swapped, chosen among the swappable words (lower-case
  content words and a list of connectives), then one paragraph dropped or two swapped. A word gets a
  synonym from our own table (`SYNONYMS`, ~150 common news words) when it has one, else a random
  content word of the corpus vocabulary; the grouping never consults any synonym table, so to it both
  are simply unknown words. Names and numbers are kept, as spinners keep them.

Truth: a copy belongs to its original's story; the corpus's own exact duplicates (identical text)
and the near-duplicate pairs we judged by reading them (`BBC_NEAR_DUPLICATES`) are one story each.
Every pair of documents is scored: precision and recall of "same story" over all pairs, and the
recall of original↔copy pairs per transformation. `--batch N` groups in batches of N articles
(incremental path; the result must not change). The baseline is plain MinHash-LSH on word 3-grams at
threshold 0.3 (datasketch `MinHashLSH`, pairs above 0.3 joined transitively).
"""

from __future__ import annotations

import argparse
import hashlib
import random
import re
import sys
import time
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from itertools import combinations
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "src"))

from datasketch import MinHashLSH  # noqa: E402

from newsevents.analyze.stories import Thresholds, group_new_articles, minhash, word_shingles, words  # noqa: E402
from newsevents.ingest.clean import prepare_text  # noqa: E402
from newsevents.options import Options  # noqa: E402
from newsevents.store import Store, StoredArticle, to_arrow  # noqa: E402
from newsevents.types import Article  # noqa: E402

DEFAULT_CORPUS = REPO.parent / "shared" / "eval" / "corpora" / "bbc" / "politics"
SPIN_RATES = (10, 25, 40)
KINDS = ("wrap", "html", "trunc", *(f"spin{rate}" for rate in SPIN_RATES))

# Pairs of files in the corpus that are one story told twice with edits (judged by reading them;
# the exact duplicates are found by their identical text). File names only, never text.
# Read and judged 2026-11-30 among all pairs with word 3-gram Jaccard > 0.08: the 9 pairs above 0.95
# plus six updated versions (same headline and lead, paragraphs rewritten or added). Pairs judged
# different stories (reports of one topic sharing a paragraph or less): 064/161, 335/338, 374/409,
# 184/327, 040/224.
BBC_NEAR_DUPLICATES: tuple[tuple[str, str], ...] = (
    ("081.txt", "299.txt"), ("082.txt", "383.txt"), ("110.txt", "367.txt"), ("236.txt", "343.txt"),
    ("125.txt", "286.txt"), ("067.txt", "390.txt"), ("196.txt", "297.txt"), ("004.txt", "330.txt"),
    ("212.txt", "329.txt"), ("226.txt", "265.txt"), ("077.txt", "354.txt"), ("043.txt", "313.txt"),
    ("088.txt", "337.txt"), ("111.txt", "293.txt"), ("175.txt", "349.txt"),
)  # fmt: skip
# Judgement calls: a developing story re-written under a new headline, most of its text kept
# (3-gram Jaccard 0.71 and 0.52). One story by default; `--versions-distinct` counts them apart.
BBC_REWRITTEN_VERSIONS: tuple[tuple[str, str], ...] = (("311.txt", "312.txt"), ("327.txt", "328.txt"))

SYNONYMS: dict[str, list[str]] = {
    word: alternatives.split(",")
    for word, alternatives in (
        line.split(":")
        for line in """
said:stated,remarked,declared|says:states,remarks|told:informed,advised|announced:unveiled,declared
plans:proposals,schemes|plan:proposal,scheme|government:administration|minister:secretary
ministers:secretaries|party:faction|election:vote,poll|leader:chief,head|leaders:chiefs,heads
new:fresh,novel|big:large,major|large:big,sizeable|small:little,minor|important:key,significant
people:individuals,citizens|country:nation|countries:nations|help:assist,aid|helped:assisted
make:create,produce|made:created,produced|get:obtain,receive|got:obtained|give:provide,grant
gave:provided,granted|want:wish,desire|wanted:wished|need:require|needs:requires|needed:required
show:reveal,demonstrate|showed:revealed,demonstrated|think:believe|believe:think|thought:believed
use:employ,utilise|used:employed,utilised|start:begin,commence|started:began,commenced|end:finish
ended:finished,concluded|try:attempt|tried:attempted|call:urge|called:urged|calls:urges
claim:assert|claimed:asserted|claims:assertions|warned:cautioned|warn:caution|warning:caution
increase:rise,growth|rise:increase,growth|cut:reduce,slash|cuts:reductions|reduce:cut,lower
attack:assault|attacks:assaults|criticised:condemned,attacked|criticism:condemnation
support:backing|supported:backed,endorsed|oppose:resist|opposed:resisted|against:versus
issue:matter,question|issues:matters,questions|problem:difficulty|problems:difficulties
change:alter,modify|changes:alterations,modifications|changed:altered|week:seven days
year:twelve months|years:decades|time:moment|times:occasions|way:manner|ways:methods
public:civic|money:cash,funds|spending:expenditure|cost:price|costs:expenses|tax:levy|taxes:levies
law:legislation|laws:statutes|rules:regulations|bill:measure|vote:ballot|votes:ballots
campaign:drive,push|policy:strategy|policies:strategies|report:study|reports:studies
expected:anticipated|likely:probable|possible:feasible|clear:obvious|strong:powerful|serious:grave
former:previous|current:present|recent:latest|key:crucial|main:principal|major:significant
quickly:rapidly|already:previously|also:additionally|however:but,nevertheless|although:though
because:as,since|while:whereas|about:around,roughly|after:following|before:prior to|during:throughout
but:yet|very:extremely|many:numerous|several:various|number:quantity|part:portion|group:body
meeting:session|talks:negotiations|deal:agreement|agreed:consented|agree:concur|decision:ruling
decided:resolved|seen:viewed|look:examine|looked:examined|move:step|moved:shifted|allow:permit
allowed:permitted|stop:halt|stopped:halted|keep:retain|kept:retained|hold:maintain|held:maintained
lead:head|led:headed|win:secure|won:secured|lose:forfeit|lost:forfeited|fight:battle|fighting:battling
concern:worry|concerns:worries|concerned:worried|fears:worries|hope:wish|hopes:wishes|chance:opportunity
power:authority|role:function|job:post|jobs:posts|work:labour|working:labouring|workers:employees
children:kids|families:households|family:household|school:academy|schools:academies|health:wellbeing
service:provision|services:provisions|system:scheme|figures:statistics|level:degree|rate:pace
""".replace("\n", "|")
        .strip("|")
        .split("|")
    )
}

CONNECTIVES = frozenset(
    word
    for word in SYNONYMS
    if word
    in {"however", "although", "because", "while", "about", "after", "before", "during", "but", "also", "against"}
)
_FUNCTION = frozenset(
    "a an the and or of to in on at by for with from as is was were be been are it its this that these those he she "
    "they we you i his her their our not no will would can could should may might has have had do does did which "
    "who whom whose what when where there than then so if into over under up down out".split()
)


@dataclass(frozen=True)
class Doc:
    doc_id: str
    text: str
    story: str  # the truth
    kind: str  # original | wrap | html | trunc | spinR
    origin: str  # the original's file name


def part_of(name: str) -> str:
    return "study" if hashlib.sha1(name.encode()).digest()[0] % 2 == 0 else "report"


def load_corpus(folder: Path, part: str) -> dict[str, str]:
    files = sorted(p for p in folder.glob("*.txt") if part in ("all", part_of(p.name)))
    return {p.name: p.read_text(encoding="utf-8", errors="replace") for p in files}


def truth_stories(texts: dict[str, str], versions_distinct: bool = False) -> dict[str, str]:
    """File name → story: identical texts and the judged near-duplicate pairs share one."""
    parent = {name: name for name in texts}

    def find(name: str) -> str:
        while parent[name] != name:
            name = parent[name]
        return name

    by_text: dict[str, str] = {}
    for name, text in texts.items():
        key = " ".join(text.split())
        if key in by_text:
            parent[find(name)] = find(by_text[key])
        else:
            by_text[key] = name
    pairs = BBC_NEAR_DUPLICATES if versions_distinct else BBC_NEAR_DUPLICATES + BBC_REWRITTEN_VERSIONS
    for left, right in pairs:
        if left in parent and right in parent:
            parent[find(right)] = find(left)
    return {name: find(name) for name in texts}


def paragraphs(text: str) -> list[str]:
    return [p.strip() for p in re.split(r"\n\s*\n", text) if p.strip()]


def wrap(text: str, others: list[str], rng: random.Random) -> str:
    titles = [paragraphs(o)[0] for o in others[:3]]
    teasers = [_first_sentence(paragraphs(o)[1] if len(paragraphs(o)) > 1 else o) for o in others[:2]]
    header = ["Home | News | Politics", "Skip to content", "The Daily Example", f"Updated {rng.randint(1, 28)} March",
              "Advertisement"]  # fmt: skip
    footer = ["Share this article", "Related stories:", *titles, "More from Politics", *teasers,
              "Follow us on Twitter", "© 2005 The Daily Example. All rights reserved."]  # fmt: skip
    return "\n".join(header) + "\n\n" + text.strip() + "\n\n" + "\n".join(footer) + "\n"


def html_page(text: str, others: list[str]) -> str:
    parts = paragraphs(text)
    body = "".join(f"<p>{_escape(p)}</p>" for p in parts[1:])
    sidebar = "".join(f"<li><a href='/s/{i}'>{_escape(paragraphs(o)[0])}</a></li>" for i, o in enumerate(others[:4]))
    return (
        "<html><head><title>" + _escape(parts[0]) + " | The Example Post</title></head><body>"
        "<nav><a href='/'>Home</a> <a href='/world'>World</a> <a href='/politics'>Politics</a></nav>"
        f"<main><article><h1>{_escape(parts[0])}</h1>{body}</article></main>"
        f"<aside><h2>Most read</h2><ul>{sidebar}</ul></aside>"
        "<footer><p>Copyright The Example Post. All rights reserved.</p><a href='/privacy'>Privacy</a></footer>"
        "</body></html>"
    )


def truncate(text: str) -> str:
    tokens = list(re.finditer(r"\S+", text))
    cut = tokens[len(tokens) // 2 - 1].end() if len(tokens) > 4 else len(text)
    return text[:cut] + " (continued)"


def spin(text: str, rate: int, vocabulary: list[str], rng: random.Random) -> str:
    parts = paragraphs(text)
    if len(parts) >= 4:
        if rng.random() < 0.5:
            del parts[rng.randrange(2, len(parts))]  # never the title or the lead
        else:
            i = rng.randrange(2, len(parts) - 1)
            parts[i], parts[i + 1] = parts[i + 1], parts[i]
    joined = "\n\n".join(parts)
    matches = list(re.finditer(r"[A-Za-z]+", joined))
    swappable = [m for m in matches if _swappable(m.group(0))]
    wanted = min(len(swappable), round(len(matches) * rate / 100))
    chosen = sorted(rng.sample(swappable, wanted), key=lambda m: m.start())
    pieces, cursor = [], 0
    for match in chosen:
        pieces += [joined[cursor : match.start()], _replacement(match.group(0), vocabulary, rng)]
        cursor = match.end()
    return "".join([*pieces, joined[cursor:]])


def _swappable(word: str) -> bool:
    lower = word.lower()
    if lower in CONNECTIVES:
        return True
    return word.islower() and lower not in _FUNCTION and len(word) > 2


def _replacement(word: str, vocabulary: list[str], rng: random.Random) -> str:
    options = SYNONYMS.get(word.lower())
    new = rng.choice(options) if options else rng.choice(vocabulary)
    return new.capitalize() if word[0].isupper() else new


def _first_sentence(text: str) -> str:
    return re.split(r"(?<=[.!?])\s", text.strip(), maxsplit=1)[0]


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def build(texts: dict[str, str], seed: int = 7, versions_distinct: bool = False) -> list[Doc]:
    rng = random.Random(seed)
    stories = truth_stories(texts, versions_distinct)
    names = sorted(texts)
    vocabulary = sorted({w for t in texts.values() for w in re.findall(r"\b[a-z]{4,}\b", t)} - _FUNCTION)
    docs = [Doc(name, texts[name], stories[name], "original", name) for name in names]
    for name in names:
        others = [texts[o] for o in rng.sample(names, 4) if stories[o] != stories[name]]
        text = texts[name]
        made = {
            "wrap": wrap(text, others, rng),
            "html": _html_text(html_page(text, others)),
            "trunc": truncate(text),
            **{f"spin{rate}": spin(text, rate, vocabulary, rng) for rate in SPIN_RATES},
        }
        docs += [Doc(f"{name}#{kind}", copy, stories[name], kind, name) for kind, copy in made.items()]
    return docs


def _html_text(page: str) -> str:
    return prepare_text(Article(id="page", html=page), Options()).text


def group_with_store(docs: list[Doc], batch: int, thresholds: Thresholds) -> tuple[dict[str, str], float]:
    """Store every document as an article (no extraction: grouping needs only text) and group."""
    store = Store.open(":memory:")
    options = Options()
    order = sorted(docs, key=lambda d: hashlib.sha1(d.doc_id.encode()).hexdigest())  # copies arrive in any order
    seconds = 0.0
    for start in range(0, len(order), batch):
        items = []
        for doc in order[start : start + batch]:
            prepared = prepare_text(Article(id=doc.doc_id, text=doc.text), options)
            record = {
                "id": doc.doc_id,
                "text": prepared.text,
                "boilerplate": [b.to_dict() for b in prepared.boilerplate],
            }
            items.append(StoredArticle(_id(doc.doc_id), "h", f"bench/{doc.kind}/{doc.doc_id}", record))
        store.write(to_arrow(items, store.schemas))
        began = time.perf_counter()
        group_new_articles(store, thresholds)
        seconds += time.perf_counter() - began
    rows = store.con.execute("SELECT source_id, story_id FROM articles").fetchall()
    store.close()
    return dict(rows), seconds


def group_baseline(docs: list[Doc], threshold: float = 0.3) -> dict[str, str]:
    """Plain MinHash-LSH on word 3-grams: pairs at estimated Jaccard ≥ threshold, joined transitively."""
    lsh = MinHashLSH(threshold=threshold, num_perm=128)
    from datasketch import MinHash

    sketches = {}
    for doc in docs:
        sketch = MinHash(num_perm=128)
        sketch.hashvalues = minhash(word_shingles(words(doc.text))).astype("uint64")
        sketches[doc.doc_id] = sketch
        lsh.insert(doc.doc_id, sketch)
    parent = {d.doc_id: d.doc_id for d in docs}

    def find(x: str) -> str:
        while parent[x] != x:
            parent[x] = parent[parent[x]]
            x = parent[x]
        return x

    for doc_id, sketch in sketches.items():
        for other in lsh.query(sketch):
            if other != doc_id and sketch.jaccard(sketches[other]) >= threshold:
                parent[find(other)] = find(doc_id)
    return {doc_id: find(doc_id) for doc_id in parent}


def _id(doc_id: str) -> str:
    return hashlib.sha1(doc_id.encode()).hexdigest()[:20]


@dataclass(frozen=True)
class Scores:
    precision: float
    recall: float
    true_pairs: int
    predicted_pairs: int
    per_kind: dict[str, float]
    false_pairs: list[tuple[str, str]]
    missed: list[tuple[str, str]]


def score(docs: list[Doc], predicted: dict[str, str]) -> Scores:
    truth = {d.doc_id: d.story for d in docs}
    true_pairs = set(_pairs(truth))
    predicted_pairs = set(_pairs(predicted))
    hits = true_pairs & predicted_pairs
    per_kind: dict[str, list[bool]] = defaultdict(list)
    by_id = {d.doc_id: d for d in docs}
    for doc in docs:
        if doc.kind != "original":
            pair = tuple(sorted((doc.doc_id, doc.origin)))
            per_kind[doc.kind].append(pair in predicted_pairs)
    for left, right in true_pairs:
        a, b = by_id[left], by_id[right]
        if a.kind == b.kind == "original":
            per_kind["bbc-dup"].append((left, right) in predicted_pairs)
    return Scores(
        precision=len(hits) / len(predicted_pairs) if predicted_pairs else 1.0,
        recall=len(hits) / len(true_pairs) if true_pairs else 1.0,
        true_pairs=len(true_pairs),
        predicted_pairs=len(predicted_pairs),
        per_kind={kind: sum(v) / len(v) for kind, v in sorted(per_kind.items())},
        false_pairs=sorted(predicted_pairs - true_pairs),
        missed=sorted(true_pairs - predicted_pairs),
    )


def _pairs(labels: dict[str, str]) -> Iterable[tuple[str, str]]:
    groups: dict[str, list[str]] = defaultdict(list)
    for doc_id, label in labels.items():
        groups[label].append(doc_id)
    for members in groups.values():
        yield from combinations(sorted(members), 2)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS)
    parser.add_argument("--part", choices=("study", "report", "all"), default="study")
    parser.add_argument("--batch", type=int, default=100000)
    parser.add_argument("--show-errors", type=int, default=0)
    parser.add_argument("--versions-distinct", action="store_true", help="count BBC_REWRITTEN_VERSIONS apart")
    args = parser.parse_args()
    texts = load_corpus(args.corpus, args.part)
    docs = build(texts, versions_distinct=args.versions_distinct)
    predicted, seconds = group_with_store(docs, args.batch, Thresholds())
    ours = score(docs, predicted)
    base = score(docs, group_baseline(docs))
    print(f"{args.part}: {len(texts)} BBC articles, {len(docs)} documents, {ours.true_pairs} true pairs")
    for name, s in (("baseline word-3gram LSH@0.3", base), ("newsevents stories", ours)):
        kinds = "  ".join(f"{k} {v:.3f}" for k, v in s.per_kind.items())
        print(f"{name:<28} P {s.precision:.3f}  R {s.recall:.3f}  ({s.predicted_pairs} pairs)  recall by kind: {kinds}")
    print(f"grouping time {seconds:.2f}s for {len(docs)} documents (batches of {min(args.batch, len(docs))})")
    for (left, right), count in _by_origin(ours.false_pairs)[: args.show_errors]:
        print(f"false: {count} pairs between copies of {left} and {right}")
    for (left, right), count in _by_origin(ours.missed)[: args.show_errors]:
        print(f"missed: {count} pairs between copies of {left} and {right}")


def _by_origin(pairs: list[tuple[str, str]]) -> list[tuple[tuple[str, str], int]]:
    counts: dict[tuple[str, str], int] = defaultdict(int)
    for left, right in pairs:
        key = tuple(sorted((left.split("#")[0], right.split("#")[0])))
        counts[(key[0], key[1])] += 1
    return sorted(counts.items(), key=lambda item: -item[1])


if __name__ == "__main__":
    main()
