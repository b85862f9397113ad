"""A per-user on-disk cache of built tables, so a costly build is paid once per version, not per process.

Dictionaries and the gazetteer take seconds to build from their source files, on every process
start (each CLI run, each ingest or Ray worker). A built table is kept as a pickle in
`$NEWSEVENTS_CACHE_DIR` or `$XDG_CACHE_HOME/newsevents` (default `~/.cache/newsevents`), under a
name derived from a key the caller gives: whatever the table depends on (file hashes or stats,
versions). A different key is a different file, so a stale table is never read.

The cache is only ever a shortcut: a file that cannot be read or unpickled, or holds the wrong
kind of value, is rebuilt (and overwritten); a folder that cannot be written is simply not used.
Writes go to a temporary file renamed into place, so processes starting together never read half
a file, and the last one to finish wins with a complete table.
"""

from __future__ import annotations

import hashlib
import os
import pickle
import tempfile
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

T = TypeVar("T")


def cache_dir() -> Path:
    configured = os.environ.get("NEWSEVENTS_CACHE_DIR")
    if configured:
        return Path(configured)
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "newsevents"


def cache_path(kind: str, key: str) -> Path:
    return cache_dir() / f"{kind}-{hashlib.sha256(key.encode()).hexdigest()[:32]}.pickle"


def cached_build(kind: str, key: str, build: Callable[[], T], expected: type | None = None) -> T:
    """`build()`'s result for `key`, read from the cache when a good copy is there, else built and stored.

    `expected`, when given, is the type the value must have: anything else found in the file (a
    table from another version of the code that happens to share the key) counts as corrupt.
    """
    target = cache_path(kind, key)
    found = _load(target)
    if found is not _MISSING and (expected is None or isinstance(found, expected)):
        return found  # type: ignore[return-value]
    value = build()
    store(target, value)
    return value


_MISSING = object()


def _load(target: Path) -> object:
    try:
        with target.open("rb") as handle:
            return pickle.load(handle)  # our own file, in the user's own cache folder
    except Exception:  # absent, truncated, garbled, or from an incompatible version: rebuild, never fail
        return _MISSING


def store(target: Path, value: object) -> None:
    """Write `value` to `target` atomically; a cache that cannot be written is silently skipped."""
    temporary: Path | None = None
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        with tempfile.NamedTemporaryFile(dir=target.parent, prefix=target.name, suffix=".tmp", delete=False) as out:
            temporary = Path(out.name)
            pickle.dump(value, out, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(temporary, target)  # atomic on POSIX: readers see the old file or the whole new one
    except Exception:  # a full disk, a read-only home, an unpicklable value: run without the cache
        if temporary is not None:
            temporary.unlink(missing_ok=True)


def file_digest(path: Path) -> str:
    """sha256 of a (small) data file's bytes, or a marker when it cannot be read."""
    try:
        return hashlib.sha256(path.read_bytes()).hexdigest()
    except OSError:
        return "unreadable"
