"""A per-user cache of parsed dictionary files, so a large PETRARCH file costs its parse once.

PETRARCH's Phoenix files hold ~35,000 phrases: parsing them takes seconds, on every process
start (each CLI run, each Ray worker). The parsed result is kept as a pickle keyed by the file's
absolute path, size, modification time and this module's format version, in
`$NEWSEVENTS_CACHE_DIR` or `$XDG_CACHE_HOME/newsevents` (default `~/.cache/newsevents`). A file
that changes gets a new key; a cache that cannot be read or written is simply not used.
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
FORMAT_VERSION = 2


def cache_dir() -> Path:
    configured = os.environ.get("NEWSEVENTS_CACHE_DIR")
    if configured:
        return Path(configured)
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "newsevents"


def cached_parse(path: Path, kind: str, parse: Callable[[], T]) -> T:
    """`parse()`'s result for this version of the file at `path`, from the cache when it is there."""
    try:
        stat = path.stat()
    except OSError:
        return parse()  # the parser reports the unreadable file
    key = repr((FORMAT_VERSION, kind, str(path.resolve()), stat.st_size, stat.st_mtime_ns))
    target = cache_dir() / f"{kind}-{hashlib.sha256(key.encode()).hexdigest()[:32]}.pickle"
    try:
        with target.open("rb") as handle:
            return pickle.load(handle)  # our own file, in the user's cache folder
    except (OSError, pickle.PickleError, EOFError, AttributeError, ImportError, TypeError):
        pass
    value = parse()
    _store(target, value)
    return value


def _store(target: Path, value: object) -> None:
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        with tempfile.NamedTemporaryFile(dir=target.parent, delete=False, suffix=".tmp") as handle:
            pickle.dump(value, handle, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(handle.name, target)  # atomic: parallel workers never read half a file
    except OSError:
        pass
