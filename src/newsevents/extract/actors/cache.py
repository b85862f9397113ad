"""Parsed dictionary files kept in the per-user cache, so a large PETRARCH file costs its parse once.

PETRARCH's Phoenix files hold ~35,000 phrases: parsing them takes seconds, on every process
start (each CLI run, each Ray worker). The parsed result is kept in `newsevents.diskcache`, keyed
by the file's absolute path, size, modification time and this module's format version: a file
that changes gets a new key; a cache that cannot be read or written is simply not used.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

from newsevents.diskcache import cache_dir, cached_build

__all__ = ["cache_dir", "cached_parse"]

T = TypeVar("T")
FORMAT_VERSION = 2


def cached_parse(path: Path, kind: str, parse: Callable[[], T]) -> T:
    """`parse()`'s result for this version of the file at `path`, from the cache when it is there."""
    try:
        stat = path.stat()
    except OSError:
        return parse()  # the parser reports the unreadable file
    key = repr((FORMAT_VERSION, kind, str(path.resolve()), stat.st_size, stat.st_mtime_ns))
    return cached_build(kind, key, parse)
