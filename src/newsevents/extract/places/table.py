"""The gazetteer's index in a form that loads fast: columns of values, entries made on first lookup.

The index maps ~180,000 names to ~200,000 places. Unpickled as objects, each frozen dataclass is
rebuilt field by field: 3–14 s per process (idle vs loaded 2-core machine), more than the build
from JSON it was meant to save. Here a place is a row number: its fields sit in one column per
field (numbers in flat arrays, which pickle as bytes), a name holds a slice of row numbers, and a
name's entries are made the first time it is looked up, then kept, so a lookup returns the same
objects every time. A run looks up a few thousand names, so almost nothing is ever built.
"""

from __future__ import annotations

import dataclasses
import sys
from array import array
from collections.abc import Callable, Iterator, Mapping, Sequence
from importlib import metadata
from pathlib import Path
from typing import Any, Generic, TypeVar

from newsevents.diskcache import file_digest

E = TypeVar("E")


class LazyIndex(Mapping[str, tuple[E, ...]], Generic[E]):
    """Name → entries, read-only, pickled as columns; `of(index)` turns a built dict into one."""

    __slots__ = ("_columns", "_entries", "_made", "_make", "_offsets", "_position", "_rows")

    def __init__(
        self, make: Callable[..., E], columns: list[Sequence[Any]], keys: list[str], offsets: array, rows: array
    ) -> None:
        self._make = make  # the entry class: called with one value per column
        self._columns = columns
        self._position = dict(zip(keys, range(len(keys)), strict=True))
        self._offsets = offsets  # the rows of key i are rows[offsets[i] : offsets[i + 1]]
        self._rows = rows
        self._entries: dict[int, E] = {}
        self._made: dict[str, tuple[E, ...]] = {}

    @classmethod
    def of(cls, make: type[E], index: Mapping[str, Sequence[E]]) -> LazyIndex[E]:
        """The same index as columns: each distinct entry object becomes one row."""
        names = [field.name for field in dataclasses.fields(make)]  # type: ignore[arg-type]
        number: dict[int, int] = {}
        distinct: list[E] = []
        offsets, rows = array("q", [0]), array("q")
        for entries in index.values():
            for entry in entries:
                if id(entry) not in number:
                    number[id(entry)] = len(distinct)
                    distinct.append(entry)
                rows.append(number[id(entry)])
            offsets.append(len(rows))
        columns = [_column([getattr(e, name) for e in distinct]) for name in names]
        return cls(make, columns, list(index), offsets, rows)

    def __getitem__(self, key: str) -> tuple[E, ...]:
        made = self._made.get(key)
        if made is None:
            at = self._position[key]  # KeyError for an unknown name, as a dict would
            made = tuple(self._entry(row) for row in self._rows[self._offsets[at] : self._offsets[at + 1]])
            self._made[key] = made
        return made

    def _entry(self, row: int) -> E:
        entry = self._entries.get(row)
        if entry is None:
            entry = self._entries[row] = self._make(*(column[row] for column in self._columns))
        return entry

    def __iter__(self) -> Iterator[str]:
        return iter(self._position)

    def __len__(self) -> int:
        return len(self._position)

    def __contains__(self, key: object) -> bool:
        return key in self._position

    def __reduce__(self) -> tuple[Any, ...]:
        return (LazyIndex, (self._make, self._columns, list(self._position), self._offsets, self._rows))


def _column(values: list[Any]) -> Sequence[Any]:
    """Floats and plain ints in a flat array (8 bytes each, pickled as bytes); anything else as a list."""
    if values and all(type(v) is float for v in values):
        return array("d", values)
    if values and all(type(v) is int for v in values):
        return array("q", values)
    return values


# Bump when the pickled layout changes in a way the key would not notice.
CACHE_FORMAT = 1


def source_key(files: list[Path], packages: list[str], folders: list[Path]) -> str:
    """A cache key for a table built from `files` (hashed), `packages` (versions) and `folders` (stats).

    This module and the caller's own source are among the hashed files, so a rule changed in a
    development checkout (same package version) never meets a table built before the change.
    Library data folders are taken by name, size and modification time: hashing 30 MB per start
    would cost more than it saves.
    """
    stats = [(p.name, p.stat().st_size, p.stat().st_mtime_ns) for folder in folders for p in sorted(folder.iterdir())]
    hashes = [file_digest(path) for path in [Path(__file__), *files]]
    return repr((CACHE_FORMAT, sys.version_info[:2], [_version(p) for p in packages], hashes, stats))


def _version(package: str) -> str:
    try:
        return metadata.version(package)
    except metadata.PackageNotFoundError:
        return "unknown"
