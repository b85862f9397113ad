"""Ingest on Ray: the local runner's results, from a local Ray instance or the user's cluster.

The pipeline is a Ray Data dataset: the input files (shards of the input) are read on the
workers, one task per file, each article (a WARC record, a JSONL line, a feed item, a file) a
row carrying its identity and the bytes of its file read for it. The read task is a generator
over the ingest readers' stream, so Ray Data cuts its rows into blocks as they come: one
multi-GB file is never held whole on a worker, as in the local runner. A pool of actors maps
`process_batch` over chunks of rows, the spaCy model loaded once per actor (rows are texts and
JSON records: Docs and models never travel); each actor writes its chunk as a Parquet shard
(`runner/shards.py`) and the driver, the only writer, commits each shard to the DuckDB store as
it arrives, through the local runner's write step. Identity, skipping and atomic writes are the
local runner's, so the tables are the same.

Resume: articles the store holds are skipped before extraction (their ids are shared with the
actors as one sorted array in Ray's object store); whole shards a killed run left behind are
committed first. On a cluster the inputs and the shard folder must be paths every node sees.
"""

from __future__ import annotations

import datetime as dt
import logging
import os
import time
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from functools import partial
from pathlib import Path
from typing import Any

import pyarrow as pa

from newsevents.ingest.identity import identify
from newsevents.ingest.readers import ReadMeter, expand_paths, read_path
from newsevents.nlp import ModelNotInstalled
from newsevents.options import Options
from newsevents.runner.commit import group_stored, writer_memory
from newsevents.runner.defaults import CHUNK_SIZE
from newsevents.runner.local import IngestSummary, input_size, process_chunk, warm_up
from newsevents.runner.progress import LogProgress, Progress, Tally
from newsevents.runner.shards import ReadItem, decode_item, encode_item, leftover_shards, load_shard, write_shard
from newsevents.store import Store, StoredArticle
from newsevents.types import Article, Rejected

# Each extraction actor reserves 0.9 CPU and each read task 0.1: with actors on every CPU, whole-CPU
# actors would leave the read stage no room to run and Ray Data would wait forever.
ACTOR_CPUS = 0.9
READ_CPUS = 0.1
MISSING_EXTRA = "the ray engine needs the optional extra: pip install 'newsevents[ray]'"


class RayUnavailable(RuntimeError):
    """Ray is not installed, or the cluster cannot be joined; the message is one line for the user."""


@dataclass(frozen=True)
class RayConfig:
    address: str | None = None  # None: start Ray on this machine; else `ray://host:port` or `host:port`
    workers: int | None = None  # extraction actors; None: this machine's cores, or the cluster's CPUs
    chunk_size: int = CHUNK_SIZE  # articles per actor call, per shard and per transaction
    input_format: str = "auto"
    published: dt.date | None = None
    object_store_mb: int = 500  # local Ray only: the shared-memory object store's size


def ingest(
    paths: Iterable[str | Path],
    store: Store,
    shard_folder: Path,
    options: Options,
    config: RayConfig = RayConfig(),
    progress: Progress | None = None,
    on_reject: Callable[[Rejected], None] = lambda rejected: None,
) -> IngestSummary:
    """Extract every new article under `paths` into `store` on Ray; see the module docstring."""
    with writer_memory(store, options.writer_memory) as cache:  # the one writer: its DuckDB stays small
        started = time.monotonic()
        paths_in = list(expand_paths(paths))
        files = [str(path) for path in paths_in]
        # progress and ETA by bytes, as the local runner: the bytes of each row's file travel with it
        tally = Tally(files_total=len(files), bytes_total=sum(input_size(path) for path in paths_in))
        progress = progress or LogProgress()
        progress.start(len(files))
        shard_folder.mkdir(parents=True, exist_ok=True)
        for path in leftover_shards(shard_folder):
            _commit(store, path, tally, on_reject)
        with ray_session(config) as workers:
            for summary in _extracted(files, store, shard_folder, options, config, workers):
                tally.skipped += summary["known"]
                tally.files_done += summary["files"]
                tally.bytes_done = min(tally.bytes_total, tally.bytes_done + summary["bytes"])
                if summary["shard"]:
                    _commit(store, Path(summary["shard"]), tally, on_reject)
                progress.update(tally)
        group_stored(store, cache)  # the same story grouping as the local runner, over every article not grouped yet
        tally.files_done, tally.bytes_done = len(files), tally.bytes_total
        progress.finish(tally)
        return IngestSummary(tally.stored, tally.skipped, tally.events, tally.rejected, time.monotonic() - started)


def _commit(store: Store, shard: Path, tally: Tally, on_reject: Callable[[Rejected], None]) -> None:
    loaded = load_shard(store, shard)
    tally.stored += loaded.added
    tally.skipped += loaded.articles - loaded.added  # repeated in this run, or loaded before a kill
    tally.events += loaded.events
    tally.rejected += len(loaded.rejected)
    for item in loaded.rejected:
        on_reject(item)


@contextmanager
def ray_session(config: RayConfig) -> Iterator[int]:
    """Ray started here (bounded: the workers' CPUs, a small object store, no dashboard) or joined
    at `config.address`; yields the number of extraction actors to run."""
    try:
        import ray
    except ImportError:
        raise RayUnavailable(MISSING_EXTRA) from None
    os.environ.setdefault("RAY_USAGE_STATS_ENABLED", "0")  # never phone home: users run air-gapped
    quiet: dict[str, Any] = {"logging_level": logging.WARNING, "log_to_driver": False, "configure_logging": True}
    try:
        if config.address:
            ray.init(address=config.address, **quiet)
        else:
            cpus = config.workers or os.cpu_count() or 1
            memory = config.object_store_mb * 1024 * 1024
            # "local": a new instance, never the last cluster `ray start` left on this machine.
            ray.init("local", num_cpus=cpus, object_store_memory=memory, include_dashboard=False, **quiet)
    except (ConnectionError, RuntimeError, ValueError) as exc:
        where = config.address or "this machine"
        raise RayUnavailable(f"cannot start or join Ray at {where}: {_first_line(exc)}") from None
    try:
        _quiet_ray_data()
        yield config.workers or max(1, int(ray.cluster_resources().get("CPU", 1)))
    finally:
        ray.shutdown()


def _quiet_ray_data() -> None:
    """No progress bars or per-dataset banners from Ray Data: our own progress reports the run."""
    import ray.data

    context = ray.data.DataContext.get_current()
    context.enable_progress_bars = False
    context.print_on_execution_start = False
    logging.getLogger("ray.data").setLevel(logging.ERROR)


def _extracted(
    files: list[str], store: Store, shard_folder: Path, options: Options, config: RayConfig, workers: int
) -> Iterator[dict[str, Any]]:
    """One summary row per chunk extracted: the shard written (or "") and how many rows were known."""
    import ray
    import ray.data

    if not files:
        return
    known = ray.put(known_ids(store))
    rows = ray.data.from_items([{"path": path} for path in files], override_num_blocks=len(files))
    reader = partial(read_file, input_format=config.input_format, published=config.published)
    items = rows.flat_map(reader, num_cpus=READ_CPUS)
    summaries = items.map_batches(
        Extractor,
        fn_constructor_kwargs={"options": options, "known": known, "shard_folder": str(shard_folder)},
        batch_size=config.chunk_size,
        batch_format="pyarrow",
        compute=ray.data.ActorPoolStrategy(size=workers),
        num_cpus=ACTOR_CPUS,
    )
    rows_out = iter(summaries.iter_rows())
    while True:
        try:
            row = next(rows_out)
        except StopIteration:
            return
        except Exception as exc:  # raised on a worker, wrapped by Ray: the user needs its cause
            raise worker_failure(exc) from None
        yield row


def worker_failure(exc: BaseException) -> Exception:
    """The error a worker raised (a missing model, ...), unwrapped from Ray's exception chain."""
    seen: list[BaseException] = []
    current: BaseException | None = exc
    while current is not None and current not in seen:
        if isinstance(current, ModelNotInstalled):
            return current
        seen.append(current)
        current = getattr(current, "cause", None) or current.__cause__
    return RayUnavailable(f"the Ray run failed: {_first_line(seen[-1])}")


def known_ids(store: Store) -> pa.Array:
    """Every stored article id, sorted: shared read-only with the actors, searched by bisection."""
    table = store.con.sql("SELECT article_id FROM articles ORDER BY article_id").to_arrow_table()
    return table.column("article_id").combine_chunks()


def read_file(row: dict[str, Any], input_format: str, published: dt.date | None) -> Iterator[dict[str, Any]]:
    """One input file's articles (identified) and rejections, one JSON row each, streamed; runs on a worker.

    A generator over the ingest readers' stream: Ray Data builds blocks from the rows as they are
    yielded, so a worker holds one block of a big file, never all its articles. Each row carries
    `bytes`, the bytes of its file read since the row before (the last row the rest of the file),
    and `files`, 1 on a file's last row: the driver's progress and ETA by bytes.
    """
    path = Path(row["path"])
    meter = ReadMeter()
    counted = 0
    held: dict[str, Any] | None = None  # one row held back, so that the last one can close its file
    for item in read_path(path, input_format, published, meter):
        if held is not None:
            yield held
        position = meter.bytes_read()
        held = {"item": _encoded(item, row["path"]), "bytes": max(0, position - counted), "files": 0}
        counted = max(counted, position)
    if held is not None:
        held["bytes"] += max(0, input_size(path) - counted)
        held["files"] = 1
        yield held


def _encoded(item: Article | Rejected, source_file: str) -> str:
    if isinstance(item, Rejected):
        return encode_item(ReadItem(None, rejected=item))
    article_id, digest = identify(item)
    return encode_item(ReadItem(item, article_id, digest, source_file))


class Extractor:
    """A Ray actor: the model loaded once, then chunks of read rows → one Parquet shard each."""

    def __init__(self, options: Options, known: Any, shard_folder: str) -> None:
        import ray

        self.options = options
        self.known: pa.Array = ray.get(known) if isinstance(known, ray.ObjectRef) else known
        self.shard_folder = Path(shard_folder)
        warm_up(options)

    def __call__(self, batch: pa.Table) -> pa.Table:
        read_bytes = sum(batch.column("bytes").to_pylist())
        files_done = sum(batch.column("files").to_pylist())
        items = [decode_item(line) for line in batch.column("item").to_pylist()]
        rejected = [i.rejected for i in items if i.rejected is not None]
        pending = [i for i in items if i.article is not None]
        fresh = [i for i in pending if not _is_known(self.known, i.article_id)]
        articles: list[Article] = [i.article for i in fresh if i.article is not None]
        stored: list[StoredArticle] = []
        for item, result in zip(fresh, process_chunk(articles, self.options), strict=True):
            if isinstance(result, Rejected):
                rejected.append(result)
            else:
                source = item.article.source if item.article is not None else None
                stored.append(StoredArticle(item.article_id, item.content_hash, item.source_file, result, input=source))
        shard = write_shard(self.shard_folder, stored, rejected)
        return pa.table(
            {
                "shard": [str(shard) if shard else ""],
                "known": [len(pending) - len(fresh)],
                "bytes": [read_bytes],
                "files": [files_done],
            }
        )


def _is_known(known: pa.Array, article_id: str) -> bool:
    """Binary search in the sorted id array: O(log n) per article, no copy of the array."""
    low, high = 0, len(known)
    while low < high:
        middle = (low + high) // 2
        if known[middle].as_py() < article_id:
            low = middle + 1
        else:
            high = middle
    return low < len(known) and known[low].as_py() == article_id


def _first_line(exc: BaseException) -> str:
    text = str(exc).strip()
    return text.splitlines()[0] if text else type(exc).__name__
