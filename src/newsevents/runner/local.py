"""Ingest on one machine: read inputs, skip what is stored, extract in N processes, one writer.

The main process reads the inputs as streams, drops articles whose `article_id` is already in the
store, hands chunks of articles to worker processes (each loads the spaCy model once), and writes
the finished chunks as arrow tables, a few chunks per transaction (`chunks_per_write`), in input
order. Memory is bounded: at most `2 × workers` chunks are read ahead of extraction and
`chunks_per_write` wait to be written, and with several workers the main process never
imports spaCy or loads the model (only the workers do). Every `group_every` stored articles, once
more when all input is handed out to the workers (so that the step the run waits for after the
workers stop has little left), and at the end it groups them into stories and their events into
event groups (`group_new_articles`, a transaction of its own: articles stored but not grouped when
a run is killed are grouped first by the next run). Grouping in steps of a few hundred articles,
not per chunk, keeps its per-step scan of the stored LSH bands a small share; the stories are the
same whatever the steps (docs/store.md). Because identity is derived from content and every write
is atomic, a run killed at any moment and started again ends with exactly the tables an
uninterrupted run gives, and the resumed run re-reads but never re-extracts.
"""

from __future__ import annotations

import datetime as dt
import math
import multiprocessing
import os
import signal
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from contextlib import suppress
from dataclasses import dataclass, field
from multiprocessing import forkserver
from pathlib import Path
from typing import Any

from newsevents.ingest.identity import identify
from newsevents.ingest.readers import ReadMeter, expand_paths, read_path
from newsevents.nlp import ModelNotInstalled, load_model
from newsevents.options import Options
from newsevents.runner.commit import commit_chunk, group_stored, writer_memory
from newsevents.runner.defaults import CHUNK_SIZE, CHUNKS_PER_WRITE
from newsevents.runner.progress import LogProgress, Progress, Tally
from newsevents.store import Store, StoredArticle
from newsevents.types import Article, InputError, Rejected

Result = dict[str, Any] | Rejected
WARM_UP_TEXT = "The Russian foreign minister met NATO officials in Brussels on Monday and warned Ukraine."


@dataclass(frozen=True)
class IngestConfig:
    workers: int = field(default_factory=lambda: os.cpu_count() or 1)
    chunk_size: int = CHUNK_SIZE  # articles per task
    chunks_per_write: int = CHUNKS_PER_WRITE  # finished chunks committed together, in one transaction
    group_every: int = 256  # articles stored between two story-grouping steps (and at the end)
    input_format: str = "auto"
    published: dt.date | None = None


@dataclass(frozen=True)
class Pending:
    article: Article
    article_id: str
    content_hash: str
    source_file: str


@dataclass
class Chunk:
    items: list[Pending] = field(default_factory=list)
    rejected: list[Rejected] = field(default_factory=list)
    files_done: int = 0
    bytes_done: int = 0  # of the input files, when this chunk was cut: progress and ETA by bytes


HANDED_OUT = Chunk()  # in the stream of extracted chunks: all input is with the workers (compared by identity)


@dataclass(frozen=True)
class IngestSummary:
    stored: int
    skipped: int
    events: int
    rejected: int
    seconds: float

    def line(self) -> str:
        return (
            f"{self.stored} articles stored ({self.skipped} skipped: stored before or repeated), {self.events} events, "
            f"{self.rejected} rejected, in {self.seconds:.1f}s"
        )


def ingest(
    paths: Iterable[str | Path],
    store: Store,
    options: Options,
    config: IngestConfig = IngestConfig(),
    progress: Progress | None = None,
    on_reject: Callable[[Rejected], None] = lambda rejected: None,
) -> IngestSummary:
    """Extract every new article under `paths` into `store`; see the module docstring."""
    # the main process is the one writer: its DuckDB stays small, and is emptied around each grouping step
    with writer_memory(store, options.writer_memory) as cache:
        started = time.monotonic()
        files = list(expand_paths(paths))
        tally = Tally(files_total=len(files), bytes_total=sum(input_size(path) for path in files))
        progress = progress or LogProgress()
        progress.start(len(files))
        context = _worker_context() if config.workers > 1 else None
        group_stored(store, cache)  # what a killed run stored but did not group yet
        chunks = read_chunks(files, store, config, tally)
        grouped_at = 0
        extracted = _extracted(chunks, options, config.workers, context)
        for chunk, results in merged_chunks(extracted, config.chunks_per_write):
            if chunk is HANDED_OUT:  # group what is stored while the workers extract the last chunks:
                group_stored(store, cache)  # the step after they stop (the one the run waits for) has less to do
                continue
            _write(store, chunk, results, tally, on_reject)
            if tally.stored - grouped_at >= config.group_every:
                group_stored(store, cache)
                grouped_at = tally.stored
            tally.files_done, tally.bytes_done = chunk.files_done, chunk.bytes_done
            progress.update(tally)
        group_stored(store, cache)
        tally.files_done, tally.bytes_done = len(files), tally.bytes_total
        progress.finish(tally)
        return IngestSummary(tally.stored, tally.skipped, tally.events, tally.rejected, time.monotonic() - started)


def read_chunks(files: list[Path], store: Store, config: IngestConfig, tally: Tally) -> Iterator[Chunk]:
    """Chunks of articles not stored yet (nor seen earlier in this run), with the rejections met."""
    seen: set[str] = set()  # ids only, never articles: a few dozen bytes per article
    chunk = Chunk()
    meter = ReadMeter()
    bytes_before = 0  # total size of the files already read
    size = config.chunk_size
    for index, path in enumerate(files):
        for item in read_path(path, config.input_format, config.published, meter):
            if isinstance(item, Rejected):
                chunk.rejected.append(item)
                continue
            article_id, digest = identify(item)
            if article_id in seen:  # the same input given twice in one run
                tally.skipped += 1
                continue
            seen.add(article_id)
            chunk.items.append(Pending(item, article_id, digest, str(path)))
            if len(chunk.items) >= size:
                chunk.files_done, chunk.bytes_done = index, bytes_before + meter.bytes_read()
                size = tail_chunk_size(config, len(seen), chunk.bytes_done, tally.bytes_total)
                yield _unstored(chunk, store, tally)
                chunk = Chunk()
        bytes_before += input_size(path)
        chunk.files_done, chunk.bytes_done = index + 1, bytes_before
    if chunk.items or chunk.rejected:
        yield _unstored(chunk, store, tally)


def tail_chunk_size(config: IngestConfig, articles_read: int, bytes_read: int, bytes_total: int) -> int:
    """Articles in the next chunk: `chunk_size`, smaller as the input nears its end, with several workers.

    The workers finish at different times by up to one chunk; near the end of the input that chunk
    is one worker idle while the other works alone. So once what is left to read (estimated from
    the bytes left and the mean article size so far) is less than `2 × workers` full chunks, a chunk
    holds a `2 × workers`-th of it (guided self-scheduling), down to a quarter of `chunk_size`:
    smaller chunks would parse in batches too small for spaCy to run at its best. Chunking changes
    neither the records (each article is extracted on its own) nor the stories (docs/store.md).
    """
    if config.workers <= 1 or articles_read <= 0 or bytes_read <= 0 or bytes_total <= 0:
        return config.chunk_size  # one worker has no tail to balance; without sizes, nothing to estimate
    articles_left = max(0, bytes_total - bytes_read) * articles_read / bytes_read
    share = math.ceil(articles_left / (2 * config.workers))
    return max(1, config.chunk_size // 4, min(config.chunk_size, share))


def input_size(path: Path) -> int:
    """Bytes of one input file, the unit of progress and ETA in both runners; 0 for what is not a readable file."""
    try:
        return path.stat().st_size if path.is_file() else 0
    except OSError:
        return 0


def _unstored(chunk: Chunk, store: Store, tally: Tally) -> Chunk:
    known = store.known_ids(p.article_id for p in chunk.items)
    tally.skipped += len(known)
    chunk.items = [p for p in chunk.items if p.article_id not in known]
    return chunk


def _extracted(
    chunks: Iterator[Chunk],
    options: Options,
    workers: int,
    context: multiprocessing.context.BaseContext | None,
) -> Iterator[tuple[Chunk, list[Result]]]:
    """(chunk, results) in input order; in-process for one worker, else over a process pool.

    Over a pool, `(HANDED_OUT, [])` comes once all input is read and handed to the workers while
    they still extract some of it: the moment for the writer to do work that needs no new results.
    """
    if workers <= 1 or context is None:
        for chunk in chunks:
            yield chunk, process_chunk([p.article for p in chunk.items], options)
        return
    with ProcessPoolExecutor(workers, mp_context=context, initializer=warm_up, initargs=(options,)) as pool:
        in_flight: deque[tuple[Chunk, Future[list[Result]]]] = deque()
        for chunk in chunks:
            in_flight.append((chunk, _submit(pool, chunk, options)))
            if len(in_flight) >= 2 * workers:  # bounded: reading never runs far ahead of extraction
                done, future = in_flight.popleft()
                yield done, future.result()
        if any(not future.done() for _, future in in_flight):
            yield HANDED_OUT, []
        while in_flight:
            done, future = in_flight.popleft()
            yield done, future.result()


def merged_chunks(
    extracted: Iterable[tuple[Chunk, list[Result]]], per_write: int
) -> Iterator[tuple[Chunk, list[Result]]]:
    """Each `per_write` consecutive (chunk, results) as one, in input order: what one transaction writes.

    Chunks stay small for the workers (spaCy batches, the tail balanced between workers); the
    writer's cost is per statement, so it commits several at once. The stored rows and stories are
    those of one chunk per transaction (each article is extracted on its own; docs/store.md); a run
    killed between two writes re-extracts at most `per_write` chunks. `HANDED_OUT` passes through,
    after the chunks before it.
    """
    waiting: list[tuple[Chunk, list[Result]]] = []
    for chunk, chunk_results in extracted:
        if chunk is HANDED_OUT:  # what waits is written first: the step then groups all that came back
            if waiting:
                yield _merged(waiting)
                waiting = []
            yield chunk, chunk_results
            continue
        waiting.append((chunk, chunk_results))
        if len(waiting) >= max(1, per_write):
            yield _merged(waiting)
            waiting = []
    if waiting:
        yield _merged(waiting)


def _merged(pairs: list[tuple[Chunk, list[Result]]]) -> tuple[Chunk, list[Result]]:
    """Consecutive chunks as one: their articles, rejections and results in order, the last one's progress."""
    last = pairs[-1][0]
    merged, results = Chunk(files_done=last.files_done, bytes_done=last.bytes_done), []
    for chunk, chunk_results in pairs:
        merged.items += chunk.items
        merged.rejected += chunk.rejected
        results += chunk_results
    return merged, results


def _worker_context() -> multiprocessing.context.BaseContext:
    """Workers forked from a clean server process that has already imported the pipeline.

    Not plain fork: the parent runs DuckDB's threads, and forking a threaded process is unsafe.
    Not spawn where forkserver exists: every worker would import spaCy and our modules again.
    The server is started here, before the main process groups what a killed run left and reads
    the first chunk: its imports (seconds of spaCy) run meanwhile on the other core, not after.
    """
    if "forkserver" not in multiprocessing.get_all_start_methods():
        return multiprocessing.get_context("spawn")
    context = multiprocessing.get_context("forkserver")
    context.set_forkserver_preload(["newsevents.pipeline", __name__])  # __name__: the task and warm-up functions
    forkserver.ensure_running()  # returns at once: the server imports in its own process
    return context


def _submit(pool: ProcessPoolExecutor, chunk: Chunk, options: Options) -> Future[list[Result]]:
    if chunk.items:
        return pool.submit(process_chunk, [p.article for p in chunk.items], options)
    nothing_to_do: Future[list[Result]] = Future()  # all stored already: no worker needs waking
    nothing_to_do.set_result([])
    return nothing_to_do


def warm_up(options: Options) -> None:
    """Worker initializer: load the model and the extractors' lazily loaded data before any task."""
    # Ctrl-C reaches the whole process group: the main process alone handles it (and says what was stored)
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    with suppress(ModelNotInstalled):  # reported by the first task, with the message the user needs
        load_model(options.model)
        process_chunk([Article(id="warm-up", text=WARM_UP_TEXT)], options)


def process_chunk(articles: list[Article], options: Options) -> list[Result]:
    """`process_batch` over one chunk, records as dicts; a crash on one article rejects only it."""
    from newsevents.pipeline import process_batch  # imported in workers only: the parent needs no spaCy

    if not articles:
        return []
    try:
        return [_as_result(item) for item in process_batch(articles, options)]
    except ModelNotInstalled:
        raise
    except Exception:  # an extraction bug must not cost the chunk: retry one by one to isolate it
        return [_process_one(article, options) for article in articles]


def _process_one(article: Article, options: Options) -> Result:
    from newsevents.pipeline import process

    try:
        return process(article, options).to_dict()
    except ModelNotInstalled:
        raise
    except InputError as exc:
        return Rejected(article.source or article.id, str(exc))
    except Exception as exc:
        return Rejected(article.source or article.id, f"internal error: {type(exc).__name__}: {exc}")


def _as_result(item: Any) -> Result:
    return item if isinstance(item, Rejected) else item.to_dict()


def _write(
    store: Store, chunk: Chunk, results: list[Result], tally: Tally, on_reject: Callable[[Rejected], None]
) -> None:
    stored: list[StoredArticle] = []
    rejected = list(chunk.rejected)
    for pending, result in zip(chunk.items, results, strict=True):
        if isinstance(result, Rejected):
            rejected.append(result)
        else:
            source = pending.article.source
            stored.append(
                StoredArticle(pending.article_id, pending.content_hash, pending.source_file, result, input=source)
            )
    tally.stored += commit_chunk(store, stored, rejected)
    tally.events += sum(len(s.record.get("events") or []) for s in stored)
    tally.rejected += len(rejected)
    for item in rejected:
        on_reject(item)
