"""Stories: copies of one article — exact, re-wrapped, truncated or spun — share one `story_id`.

Methods, cheapest first, each measured on the benchmark in `docs/accuracy.md` ("Stories"):

1. `exact`: the SHA-1 of the normalised debris-free text (lower-cased words, boilerplate spans out).
2. `near`: Jaccard similarity of the word 3-gram sets, estimated by MinHash, at least `near`.
3. `contained`: the smaller 3-gram set lies mostly inside the larger one (a truncated copy, or a copy
   wrapped in another site's header and footer): containment from the MinHash Jaccard and the sizes.
4. `spun`: copies with a share of their words swapped for synonyms keep their names, numbers and
   function words, so the "skeleton" of the text (every lower-case content word replaced by one
   placeholder) keeps its shingles; Jaccard of skeleton 5-grams at least `spun` and, when both
   articles are dated, published within `window_days` of each other (an undated article is
   matched on text alone: no date is invented for it).

Candidates come from LSH bands of both signatures, stored in `story_bands`, so a new batch is grouped
against the whole store by a join on band keys, never by re-reading texts. Articles are grouped one
at a time in store order: each joins the story of its best match among the articles grouped before
it, or starts a story whose id is its own `article_id`; stories are never merged or relabelled, so
ids are stable across re-runs, resumes and batch boundaries. Nothing here needs the spaCy parse: a
regular-expression tokeniser over the stored text is enough, which keeps grouping cheap.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field, replace
from functools import cache, cached_property, lru_cache
from pathlib import PurePath
from typing import Any
from urllib.parse import urlsplit

import numpy as np
import pyarrow as pa

from newsevents.store import Store

NUM_PERM = 128
WORD_BANDS, WORD_ROWS = 42, 3  # 126 of the 128 values: a pair at Jaccard 0.3 is a candidate with p≈0.68
SKELETON_BANDS, SKELETON_ROWS = 32, 4  # the skeleton's background similarity is higher: longer bands
SHINGLE = 3
SKELETON_SHINGLE = 5
SLICE = 2048  # ungrouped articles read per query when a whole old store is grouped

_WORD = re.compile(r"\w+(?:['’]\w+)*")
_PLACEHOLDER = "_"


@dataclass(frozen=True)
class Thresholds:
    """When two articles are one story; the values and why are in docs/accuracy.md."""

    near: float = 0.5  # word 3-gram Jaccard
    contained: float = 0.9  # share of the smaller 3-gram set inside the larger
    min_contained: int = 25  # 3-grams of the smaller text: a few shared lines are not a copy
    spun: float = 0.4  # skeleton 5-gram Jaccard
    window_days: int = 3  # spun copies only: published at most this far apart (when both dated)


@dataclass(frozen=True)
class Signature:
    """What grouping keeps of one article: hashes and MinHash signatures, never the text."""

    article_id: str
    source_key: str | None
    published: dt.date | None
    text_hash: str
    shingles: int
    terms: int
    word_minhash: np.ndarray
    term_minhash: np.ndarray

    def band_keys(self) -> list[int]:
        return self._band_keys

    @cached_property
    def _band_keys(self) -> list[int]:
        return band_keys(self.word_minhash, WORD_BANDS, WORD_ROWS, "w") + band_keys(
            self.term_minhash, SKELETON_BANDS, SKELETON_ROWS, "s"
        )


@dataclass(frozen=True)
class Grouped:
    """An article placed in a story: by which earlier article, how, and how similar."""

    signature: Signature
    story_id: str
    seq: int
    matched_article_id: str | None = None
    method: str = "first"
    similarity: float | None = None


@dataclass(frozen=True)
class GroupingSummary:
    articles: int
    new_stories: int
    joined: int
    merged: int  # older stories absorbed because a new article proved them one
    methods: dict[str, int] = field(default_factory=dict)


# --- text → signature -------------------------------------------------------------------------


def debris_free(text: str, boilerplate: Iterable[Mapping[str, Any]] = ()) -> str:
    """The text with the record's boilerplate spans removed (they are page debris, not the story)."""
    pieces, cursor = [], 0
    for span in sorted(boilerplate, key=lambda s: s["start"]):
        pieces.append(text[cursor : span["start"]])
        cursor = max(cursor, span["end"])
    pieces.append(text[cursor:])
    return " ".join(pieces)


def words(text: str) -> list[str]:
    return _WORD.findall(text)


def shingle_hashes(token_hashes: np.ndarray, size: int, keep: np.ndarray | None = None) -> np.ndarray:
    """Distinct 64-bit hashes of the n-grams of a token-hash sequence (`keep`: which n-grams count)."""
    if len(token_hashes) == 0:
        return np.empty(0, np.uint64)
    if len(token_hashes) < size:
        size = len(token_hashes)
    count = len(token_hashes) - size + 1
    mixed = np.zeros(count, np.uint64)
    with np.errstate(over="ignore"):  # arithmetic modulo 2^64
        for offset in range(size):
            mixed = mixed * np.uint64(_GRAM_MULTIPLIER) + token_hashes[offset : offset + count]
    if keep is not None:
        mixed = mixed[keep[:count]]
    return np.unique(mixed)


def word_shingles(tokens: Sequence[str], size: int = SHINGLE) -> np.ndarray:
    """Hashes of the lower-cased word n-grams."""
    return shingle_hashes(_token_hashes([t.lower() for t in tokens]), size)


def skeleton_shingles(tokens: Sequence[str], size: int = SKELETON_SHINGLE) -> np.ndarray:
    """Hashes of the skeleton n-grams that hold a name or number.

    The skeleton is the token sequence with every lower-case content word replaced by one
    placeholder. A synonym swap replaces a content word by another content word, so the skeleton
    (function words, capitalised names, numbers, where the placeholders fall) survives it; runs
    of function words and placeholders alone occur in every text, so only n-grams with an anchor
    (a name or a number) count, and those keep unrelated articles on one topic apart.
    """
    lowered = [t.lower() for t in tokens]
    return _skeleton_shingles(tokens, lowered, _token_hashes(lowered), size)


def _skeleton_shingles(
    tokens: Sequence[str], lowered: Sequence[str], lowered_hashes: np.ndarray, size: int
) -> np.ndarray:
    """`skeleton_shingles` from the lower-cased tokens and their hashes, which `signature` has made already."""
    stop = _stopwords()
    count = len(tokens)
    is_stop = np.fromiter(map(stop.__contains__, lowered), bool, count)
    is_lower = np.fromiter(map(str.islower, tokens), bool, count)
    content, anchor = is_lower & ~is_stop, ~is_lower & ~is_stop
    hashes = np.where(content, np.uint64(_token_hash(_PLACEHOLDER)), lowered_hashes)
    if count < size:
        return shingle_hashes(hashes, size) if anchor.any() else np.empty(0, np.uint64)
    has_anchor = np.convolve(anchor.astype(np.int32), np.ones(size, np.int32), "valid") > 0
    return shingle_hashes(hashes, size, has_anchor)


_GRAM_MULTIPLIER = 0x9E3779B97F4A7C15  # odd 64-bit constant: the n-gram hash depends on word order


def _token_hashes(tokens: Sequence[str]) -> np.ndarray:
    # each distinct token hashed once, then looked up in C (`map`): an article repeats most of its words
    hashes = {token: _token_hash(token) for token in dict.fromkeys(tokens)}
    return np.fromiter(map(hashes.__getitem__, tokens), np.uint64, count=len(tokens))


@lru_cache(maxsize=1 << 18)
def _token_hash(token: str) -> int:
    return int.from_bytes(hashlib.blake2b(token.encode(), digest_size=8).digest(), "little")


def signature(
    article_id: str,
    text: str,
    boilerplate: Iterable[Mapping[str, Any]] = (),
    published: dt.date | None = None,
    url: str | None = None,
    source_file: str | None = None,
) -> Signature:
    tokens = words(debris_free(text, boilerplate))
    lowered = [t.lower() for t in tokens]
    token_hashes = _token_hashes(lowered)
    shingles = shingle_hashes(token_hashes, SHINGLE)
    skeletons = _skeleton_shingles(tokens, lowered, token_hashes, SKELETON_SHINGLE)
    normalised = " ".join(lowered)
    return Signature(
        article_id=article_id,
        source_key=source_key(url, source_file),
        published=published,
        text_hash=hashlib.sha1(normalised.encode()).hexdigest(),
        shingles=len(shingles),
        terms=len(skeletons),
        word_minhash=minhash(shingles),
        term_minhash=minhash(skeletons),
    )


def source_key(url: str | None, source_file: str | None) -> str | None:
    """The site or feed: the URL's host without `www.` and port, else the input file's folder."""
    if url:
        host = (urlsplit(url).hostname or "").lower()
        host = host.removeprefix("www.")
        if host:
            return host
    if source_file:
        folder = str(PurePath(source_file).parent)
        return folder if folder else "."
    return None


@cache
def _permutations() -> tuple[np.ndarray, np.ndarray]:
    """Multiply-shift hash parameters, fixed forever: stored signatures must stay comparable.

    Our own (not a library's MinHash) because a library's hashing may change between versions,
    as datasketch's did in 2.0, and would silently split every stored story from new copies.
    """
    rng = np.random.RandomState(20261130)  # the legacy generator's stream is frozen by numpy
    multipliers = rng.randint(1, 2**62, NUM_PERM, dtype=np.uint64) * np.uint64(2) + np.uint64(1)
    offsets = rng.randint(0, 2**62, NUM_PERM, dtype=np.uint64)
    return multipliers, offsets


def minhash(hashes: np.ndarray) -> np.ndarray:
    """128 MinHash values (uint32) of a set of 64-bit hashes; an empty set matches nothing."""
    if len(hashes) == 0:
        return np.full(NUM_PERM, 0xFFFFFFFF, np.uint32)
    multipliers, offsets = _permutations()
    with np.errstate(over="ignore"):  # arithmetic modulo 2^64 is the point of multiply-shift
        mixed = np.multiply.outer(hashes, multipliers)
        mixed += offsets
    # the shift is monotonic, so the minimum of the shifted values is the shifted minimum: shift 128 values, not n × 128
    return (mixed.min(axis=0) >> np.uint64(32)).astype(np.uint32)


def band_keys(values: np.ndarray, bands: int, rows: int, kind: str) -> list[int]:
    """One 63-bit key per LSH band: the band's values, its number and kind, mixed (splitmix64)."""
    if int(values.min()) == 0xFFFFFFFF:  # empty set: no candidates
        return []
    table = values[: bands * rows].astype(np.uint64).reshape(bands, rows)
    salt = np.uint64(_token_hash(f"band-{kind}"))
    with np.errstate(over="ignore"):  # arithmetic modulo 2^64
        mixed = np.arange(bands, dtype=np.uint64) * np.uint64(_GRAM_MULTIPLIER) + salt
        for row in range(rows):
            mixed = _splitmix(mixed ^ table[:, row])
    return (mixed >> np.uint64(1)).tolist()


def _splitmix(x: np.ndarray) -> np.ndarray:
    x = (x + np.uint64(0x9E3779B97F4A7C15)) & np.uint64(0xFFFFFFFFFFFFFFFF)
    x = (x ^ (x >> np.uint64(30))) * np.uint64(0xBF58476D1CE4E5B9)
    x = (x ^ (x >> np.uint64(27))) * np.uint64(0x94D049BB133111EB)
    return x ^ (x >> np.uint64(31))


# --- matching ----------------------------------------------------------------------------------

_METHOD_RANK = {"exact": 3, "near": 2, "contained": 2, "spun": 1}


def jaccard(a: np.ndarray, b: np.ndarray) -> float:
    return float(np.count_nonzero(a == b)) / len(a)


def containment(jaccard_value: float, size_a: int, size_b: int) -> float:
    """|A ∩ B| / min(|A|, |B|) from the Jaccard and both sizes."""
    if min(size_a, size_b) == 0:
        return 0.0
    overlap = jaccard_value * (size_a + size_b) / (1 + jaccard_value)
    return min(1.0, overlap / min(size_a, size_b))


def compare(new: Signature, old: Signature, thresholds: Thresholds) -> tuple[str, float] | None:
    """How `new` copies `old` (method, similarity), or None when they are different stories."""
    if new.text_hash == old.text_hash and new.shingles > 0:
        return "exact", 1.0
    word_j = jaccard(new.word_minhash, old.word_minhash)
    if word_j >= thresholds.near:
        return "near", word_j
    if min(new.shingles, old.shingles) >= thresholds.min_contained:
        contained = containment(word_j, new.shingles, old.shingles)
        if contained >= thresholds.contained:
            return "contained", contained
    if _in_window(new.published, old.published, thresholds.window_days):
        skeleton_j = jaccard(new.term_minhash, old.term_minhash)
        if skeleton_j >= thresholds.spun:
            return "spun", skeleton_j
    return None


def _in_window(a: dt.date | None, b: dt.date | None, days: int) -> bool:
    """Both dated: published within `days`. Either undated: no date is invented, text decides."""
    return a is None or b is None or abs((a - b).days) <= days


@dataclass
class StoryIndex:
    """Grouped articles reachable by band key (a slice's stored candidates plus its new articles).

    `story` maps each indexed article to its current story, `story_seq` each story to the `seq` of
    its first article: when an article matches several stories, the oldest absorbs the others.
    """

    by_band: dict[int, list[str]] = field(default_factory=dict)
    grouped: dict[str, Grouped] = field(default_factory=dict)
    story: dict[str, str] = field(default_factory=dict)
    story_seq: dict[str, int] = field(default_factory=dict)

    def add(self, item: Grouped, keys: Iterable[int], story_seq: int | None = None) -> None:
        article_id = item.signature.article_id
        self.grouped[article_id] = item
        self.story[article_id] = item.story_id
        self.story_seq.setdefault(item.story_id, item.seq if story_seq is None else story_seq)
        for key in keys:
            self.by_band.setdefault(key, []).append(article_id)

    def candidates(self, keys: Iterable[int]) -> list[Grouped]:
        ids = dict.fromkeys(article_id for key in keys for article_id in self.by_band.get(key, ()))
        return [self.grouped[article_id] for article_id in ids]

    def merge(self, absorbed: str, into: str) -> None:
        for article_id, story in self.story.items():
            if story == absorbed:
                self.story[article_id] = into


@dataclass(frozen=True)
class Merge:
    """Story `absorbed` became part of the older story `into` (an article proved them one)."""

    absorbed: str
    into: str


def place(
    sig: Signature, keys: list[int], index: StoryIndex, seq: int, thresholds: Thresholds
) -> tuple[Grouped, list[Merge]]:
    """Put one article in the oldest story it matches (merging the others into it), or its own."""
    best: tuple[tuple[int, float, int], Grouped, str, float] | None = None
    stories: set[str] = set()
    for candidate in index.candidates(keys):
        verdict = compare(sig, candidate.signature, thresholds)
        if verdict is None:
            continue
        method, similarity = verdict
        stories.add(index.story[candidate.signature.article_id])
        rank = (_METHOD_RANK[method], similarity, -candidate.seq)
        if best is None or rank > best[0]:
            best = (rank, candidate, method, similarity)
    if best is None:
        return Grouped(sig, sig.article_id, seq), []
    _, match, method, similarity = best
    oldest = min(stories, key=lambda story: (index.story_seq[story], story))
    merges = [Merge(story, oldest) for story in sorted(stories - {oldest})]
    return Grouped(sig, oldest, seq, match.signature.article_id, method, round(similarity, 4)), merges


def assign(
    signatures: Iterable[Signature], index: StoryIndex, first_seq: int, thresholds: Thresholds
) -> tuple[list[Grouped], list[Merge]]:
    """Group signatures one by one, in order, each against everything grouped before it.

    The stories are the connected components of the "is a copy of" relation over all articles,
    whatever the order or batches they arrive in; each is named after its first-grouped article.
    """
    placed: list[Grouped] = []
    merges: list[Merge] = []
    for offset, sig in enumerate(signatures):
        keys = sig.band_keys()
        item, merged = place(sig, keys, index, first_seq + offset, thresholds)
        for merge in merged:
            index.merge(merge.absorbed, merge.into)
        index.add(item, keys)
        placed.append(item)
        merges += merged
    final = [replace(item, story_id=index.story[item.signature.article_id]) for item in placed]
    return final, merges


# --- the store ---------------------------------------------------------------------------------

_UNGROUPED = """
SELECT a.article_id, a.text, a.boilerplate, a.published, a.url, a.source_file
FROM articles a ANTI JOIN story_signatures s USING (article_id)
ORDER BY a.rowid
LIMIT ?
"""

_CANDIDATES = """
SELECT s.article_id, s.story_id, s.seq, s.source_key, s.published, s.text_hash, s.shingles, s.terms,
       s.word_minhash, s.term_minhash, s.matched_article_id, s.method, s.similarity, r.seq AS story_seq
FROM story_signatures s JOIN story_signatures r ON r.article_id = s.story_id
WHERE s.article_id IN (SELECT DISTINCT b.article_id FROM story_bands b SEMI JOIN _band_keys k USING (band_key))
"""


def group_new_articles(store: Store, thresholds: Thresholds = Thresholds()) -> GroupingSummary:
    """Give every stored article without a story its `story_id`, and regroup the events they touch.

    The entry point for every runner: call it after each write, as the store's only writer. Each
    slice is one transaction (signatures, bands, story ids, event groups), so a crash leaves the
    slice wholly grouped or not at all, and the next call picks up where it stopped.
    """
    from newsevents.analyze.corroborate import update_event_groups  # corroborate imports this module

    totals: dict[str, int] = {}
    count = merged = 0
    while rows := store.con.execute(_UNGROUPED, [SLICE]).fetchall():
        signatures = [signature(aid, text, bp or (), pub, url, sf) for aid, text, bp, pub, url, sf in rows]
        with store.transaction():
            placed, merges = _group_slice(store, signatures, thresholds)
            update_event_groups(store, placed, merges)
        for item in placed:
            totals[item.method] = totals.get(item.method, 0) + 1
        count += len(placed)
        merged += len(merges)
        if len(rows) < SLICE:
            break
    new = totals.get("first", 0)
    return GroupingSummary(count, new, count - new, merged, totals)


def _group_slice(
    store: Store, signatures: list[Signature], thresholds: Thresholds
) -> tuple[list[Grouped], list[Merge]]:
    index = _stored_candidates(store, signatures)
    first_seq = int(store.con.execute("SELECT coalesce(max(seq), 0) + 1 FROM story_signatures").fetchall()[0][0])
    placed, merges = assign(signatures, index, first_seq, thresholds)
    for merge in merges:  # in order: a story absorbed twice in one slice ends in the last one
        for table in ("story_signatures", "articles"):
            store.con.execute(f"UPDATE {table} SET story_id = ? WHERE story_id = ?", [merge.into, merge.absorbed])
    _insert(store, "story_signatures", _signature_table(placed))
    _insert(store, "story_bands", _band_table(placed))
    ids = pa.table({"article_id": [p.signature.article_id for p in placed], "story_id": [p.story_id for p in placed]})
    store.con.register("_story_ids", ids)
    try:
        store.con.execute(
            "UPDATE articles SET story_id = n.story_id FROM _story_ids n WHERE articles.article_id = n.article_id"
        )
    finally:
        store.con.unregister("_story_ids")
    return placed, merges


def _band_table(placed: list[Grouped]) -> pa.Table:
    bands = [(key, item.signature.article_id) for item in placed for key in item.signature.band_keys()]
    return pa.table(
        {
            "band_key": pa.array([band[0] for band in bands], pa.uint64()),
            "article_id": pa.array([band[1] for band in bands], pa.string()),
        }
    )


def _stored_candidates(store: Store, signatures: list[Signature]) -> StoryIndex:
    """The stored articles sharing a band key with any of `signatures`, indexed by band key."""
    index = StoryIndex()
    keys = sorted({key for sig in signatures for key in sig.band_keys()})
    if not keys:
        return index
    store.con.register("_band_keys", pa.table({"band_key": pa.array(keys, pa.uint64())}))
    try:
        table = store.con.sql(_CANDIDATES).to_arrow_table()
    finally:
        store.con.unregister("_band_keys")
    # Arrow, not fetchall: a syndicated story's candidates grow with its copies, and a MinHash as a
    # list of Python ints (36 bytes per number) takes nine times its size as uint32 numpy values.
    minhashes = {name: _uint32_rows(table.column(name)) for name in ("word_minhash", "term_minhash")}
    plain = {name: table.column(name).to_pylist() for name in table.column_names if name not in minhashes}
    for row in range(table.num_rows):
        values = [plain[name][row] if name in plain else minhashes[name][row] for name in table.column_names]
        item = _grouped_from_row(values[:-1])
        index.add(item, item.signature.band_keys(), story_seq=int(values[-1]))
    return index


def _uint32_rows(column: pa.ChunkedArray) -> list[np.ndarray]:
    """A list<uint32> column as one numpy array per row (views of one buffer)."""
    lists = column.combine_chunks() if column.num_chunks != 1 else column.chunk(0)
    if len(lists) == 0:
        return []
    values = lists.flatten().to_numpy(zero_copy_only=False).astype(np.uint32, copy=False)
    offsets = lists.offsets.to_numpy() - lists.offsets[0].as_py()
    return np.split(values, offsets[1:-1])


def _grouped_from_row(row: Sequence[Any]) -> Grouped:
    aid, story, seq, key, pub, text_hash, shingles, terms, word_mh, term_mh, matched, method, similarity = row
    sig = Signature(
        aid, key, pub, text_hash, shingles, terms, np.asarray(word_mh, np.uint32), np.asarray(term_mh, np.uint32)
    )
    return Grouped(sig, story, seq, matched, method, similarity)


def _signature_table(placed: list[Grouped]) -> pa.Table:
    def column(name: str) -> list[Any]:
        return [getattr(p.signature, name) for p in placed]

    return pa.table(
        {
            "article_id": column("article_id"),
            "story_id": [p.story_id for p in placed],
            "seq": pa.array([p.seq for p in placed], pa.int64()),
            "source_key": pa.array(column("source_key"), pa.string()),
            "published": pa.array(column("published"), pa.date32()),
            "text_hash": column("text_hash"),
            "shingles": pa.array(column("shingles"), pa.int32()),
            "terms": pa.array(column("terms"), pa.int32()),
            "word_minhash": pa.array([m.tolist() for m in column("word_minhash")], pa.list_(pa.uint32())),
            "term_minhash": pa.array([m.tolist() for m in column("term_minhash")], pa.list_(pa.uint32())),
            "matched_article_id": pa.array([p.matched_article_id for p in placed], pa.string()),
            "method": [p.method for p in placed],
            "similarity": pa.array([p.similarity for p in placed], pa.float64()),
        }
    )


def _insert(store: Store, table: str, rows: pa.Table) -> None:
    if rows.num_rows == 0:
        return
    store.con.register("_rows", rows)
    try:
        store.con.execute(f"INSERT INTO {table} BY NAME SELECT * FROM _rows")
    finally:
        store.con.unregister("_rows")


def iter_stories(store: Store, min_size: int = 1) -> Iterator[dict[str, Any]]:
    """Stories with at least `min_size` articles, largest first."""
    cursor = store.con.cursor()
    result = cursor.execute(
        "SELECT * FROM stories WHERE size >= ? ORDER BY size DESC, first_seen NULLS LAST, story_id", [min_size]
    )
    names = [d[0] for d in result.description or []]
    while rows := result.fetchmany(1024):
        for values in rows:
            yield dict(zip(names, values, strict=True))
    cursor.close()


# --- stopwords ---------------------------------------------------------------------------------

_STOPWORDS = """
a about above after again against all also am an and any are as at be because been before being below
between both but by can could did do does doing down during each few for from further had has have having
he her here hers herself him himself his how i if in into is it its itself just may me might more most must
my myself no nor not now of off on once only or other our ours ourselves out over own same shall she should
so some such than that the their theirs them themselves then there these they this those through to too
under until up very was we were what when where which while who whom whose why will with would you your
yours yourself yourselves per mr mrs ms dr
""".split()


@cache
def _stopwords() -> frozenset[str]:
    """Function words: a spinner swaps content words, not these, so they stay in the skeleton."""
    return frozenset(_STOPWORDS)
