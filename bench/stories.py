"""Story grouping throughput as the store grows, against extraction, measured in one run.

    .venv/bin/python bench/stories.py [--sizes 1000 10000 100000] [--probe 512] [--extract 40]

Synthetic articles (seeded, ~300 words from a Zipf vocabulary with names and numbers; one in five
is a copy of an earlier one, wrapped, cut or with a quarter of its words swapped) are written to a
fresh DuckDB file and grouped. For each store size N the script reports:

- `build`: seconds to write and group the first N articles in slices of 2,048 (the path an old
  store takes on its first grouping), and the per-article cost;
- `probe`: articles/s grouping `--probe` further articles on top of the N stored ones, written in
  chunks of 16 and grouped every 256 (the ingest path's default) and, for comparison, after every
  chunk of 16; median of `--rounds` rounds.

`extract` is `process_batch` (the spaCy pipeline) over `--extract` BBC politics articles in the
same run, so the share of grouping in an ingest is the ratio of the two, not an absolute time.
"""

from __future__ import annotations

import argparse
import itertools
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "src"))

from newsevents.analyze.stories import group_new_articles  # noqa: E402
from newsevents.store import Store, StoredArticle, to_arrow  # noqa: E402

CORPUS = REPO.parent / "shared" / "eval" / "corpora" / "bbc" / "politics"
CHUNK = 16
GROUP_EVERY = 256  # runner.local.IngestConfig.group_every


class Generator:
    """Seeded synthetic news: Zipf-distributed words, capitalised names, numbers, paragraphs."""

    def __init__(self, seed: int = 5) -> None:
        self.rng = random.Random(seed)
        syllables = ["ka", "lo", "mi", "ren", "sta", "vor", "del", "ith", "an", "po", "ru", "sel", "tor", "ba", "ne"]
        self.words = list({"".join(self.rng.choices(syllables, k=self.rng.randint(2, 4))) for _ in range(30000)})
        self.cumulative = list(itertools.accumulate(1 / (rank + 1) for rank in range(len(self.words))))
        self.names = [w.capitalize() for w in self.rng.sample(self.words, 3000)]
        self.made: list[str] = []

    def article(self) -> str:
        if self.made and self.rng.random() < 0.2:
            return self.copy(self.rng.choice(self.made[-5000:]))
        paragraphs = [self.paragraph() for _ in range(self.rng.randint(4, 7))]
        text = "\n\n".join(paragraphs)
        self.made.append(text)
        return text

    def paragraph(self) -> str:
        tokens = self.rng.choices(self.words, cum_weights=self.cumulative, k=self.rng.randint(40, 70))
        for _ in range(len(tokens) // 8):
            position = self.rng.randrange(len(tokens))
            tokens[position] = self.rng.choice(self.names) if self.rng.random() < 0.7 else str(self.rng.randint(2, 999))
        return " ".join(tokens) + "."

    def copy(self, text: str) -> str:
        kind = self.rng.choice(("wrap", "cut", "spin"))
        if kind == "wrap":
            return "Home | News | World\nAdvertisement\n\n" + text + "\n\nShare this article\n© Example"
        if kind == "cut":
            return text[: len(text) // 2]
        return " ".join(
            self.rng.choice(self.words) if t.islower() and self.rng.random() < 0.25 else t for t in text.split(" ")
        )


def write(store: Store, generator: Generator, start: int, count: int) -> None:
    articles = [
        StoredArticle(f"a{number:09d}", "h", f"synthetic/{number % 50}/{number}.txt", {"id": f"a{number}", "text": t})
        for number, t in ((start + i, generator.article()) for i in range(count))
    ]
    store.write(to_arrow(articles, store.schemas))


def build(store: Store, generator: Generator, start: int, end: int) -> float:
    began = time.perf_counter()
    for first in range(start, end, 2048):
        write(store, generator, first, min(2048, end - first))
        group_new_articles(store)
    return time.perf_counter() - began


def probe(store: Store, generator: Generator, start: int, count: int, every: int) -> float:
    """Articles per second grouping `count` new articles written in chunks of 16, grouped every `every`."""
    grouping = 0.0
    for first in range(start, start + count, CHUNK):
        write(store, generator, first, CHUNK)
        if (first - start + CHUNK) % every == 0:
            began = time.perf_counter()
            group_new_articles(store)
            grouping += time.perf_counter() - began
    return count / grouping


def add_filler(store: Store, count: int, seed: int = 9) -> float:
    """Bulk-insert `count` stored articles with random signatures and their bands; seconds taken.

    Grouping never reads a stored article's text, only its signature and bands, so random
    signatures stand for unrelated stored articles: the store grows without paying for their
    signatures (what `build` measures), and `probe` then sees a store of that size.
    """
    import numpy as np
    import pyarrow as pa

    from newsevents.analyze.stories import NUM_PERM, Signature, _band_table, _signature_table
    from newsevents.analyze.stories import Grouped as Placed

    rng = np.random.default_rng(seed)
    began = time.perf_counter()
    first = int(store.con.execute("SELECT coalesce(max(seq), 0) + 1 FROM story_signatures").fetchall()[0][0])
    for start in range(0, count, 8192):
        size = min(8192, count - start)
        ids = [f"f{start + i:09d}" for i in range(size)]
        placed = [
            Placed(Signature(aid, None, None, aid, 300, 200, words, terms), aid, first + start + i)
            for i, (aid, words, terms) in enumerate(
                zip(ids, rng.integers(0, 2**32, (size, NUM_PERM), dtype=np.uint32),
                    rng.integers(0, 2**32, (size, NUM_PERM), dtype=np.uint32), strict=True)
            )
        ]  # fmt: skip
        articles = pa.table({"article_id": ids, "source_id": ids, "text": ["(filler)"] * size,
                             "content_hash": ids, "story_id": ids})  # fmt: skip
        with store.transaction():
            for table, rows in (("articles", articles), ("story_signatures", _signature_table(placed)),
                                ("story_bands", _band_table(placed))):  # fmt: skip
                store.con.register("_rows", rows)
                store.con.execute(f"INSERT INTO {table} BY NAME SELECT * FROM _rows")
                store.con.unregister("_rows")
    return time.perf_counter() - began


def extraction_rate(count: int) -> float:
    from newsevents.options import Options
    from newsevents.pipeline import process_batch
    from newsevents.types import Article

    files = sorted(CORPUS.glob("*.txt"))[:count]
    articles = [Article(id=p.name, text=p.read_text("utf-8", errors="replace")) for p in files]
    options = Options()
    list(process_batch(articles[:2], options))  # model load and warm-up are not extraction
    began = time.perf_counter()
    list(process_batch(articles, options))
    return len(articles) / (time.perf_counter() - began)


def probe_line(
    store: Store, generator: Generator, stored: int, count: int, rounds: int, extract: float | None
) -> tuple[str, int]:
    """Median ingest-path grouping rate, grouped every 256 and every 16 articles; the new store size."""
    line = ""
    for every in (GROUP_EVERY, CHUNK):
        rates = []
        for _ in range(rounds):
            rates.append(probe(store, generator, 10**8 + stored, count, every))
            stored += count
        rate = statistics.median(rates)
        share = f" = {extract / rate:.1%} of extraction time" if extract else ""
        line += f"; grouped every {every}: {rate:6.1f} articles/s{share}"
    return line, stored


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000, 10000, 100000])
    parser.add_argument("--probe", type=int, default=512)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--extract", type=int, default=40)
    parser.add_argument(
        "--filler", type=int, nargs="*", default=[], help="store sizes reached with random-signature filler"
    )
    args = parser.parse_args()
    extract = extraction_rate(args.extract) if CORPUS.is_dir() and args.extract else None
    if extract:
        print(f"extraction (process_batch, {args.extract} BBC articles): {extract:.1f} articles/s")
    with tempfile.TemporaryDirectory() as folder:
        store = Store.open(Path(folder) / "bench.duckdb")
        generator = Generator()
        stored = 0
        for size in sorted(args.sizes):
            seconds = build(store, generator, stored, size)
            built = size - stored
            stored = size
            line = f"store {size:>7,}: build {seconds:7.1f}s ({seconds / built * 1000:.2f} ms/article)"
            text, stored = probe_line(store, generator, stored, args.probe, args.rounds, extract)
            line += text
            print(line, flush=True)
        for size in sorted(args.filler):
            seconds = add_filler(store, size - stored)
            stored = size
            line = f"store {size:>7,} (filler added in {seconds:.0f}s)"
            text, stored = probe_line(store, generator, stored, args.probe, args.rounds, extract)
            line += text
            print(line, flush=True)
        store.close()


if __name__ == "__main__":
    main()
