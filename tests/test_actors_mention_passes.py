"""The mention passes keep their layering: each pass module reads only the shared layers below it,
never another pass, and the package imports nothing from the stages after actors."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

import newsevents.extract.actors.mentions as mentions_package

PACKAGE = "newsevents.extract.actors.mentions"
DIRECTORY = Path(mentions_package.__file__).parent
# Shared layers, each allowed to import only the ones listed before it.
SHARED = ["words", "record", "lexicon", "phrase"]
PASSES = ["matches", "civic", "named", "roles", "pronouns", "relations", "documents"]
# Outside the package, what mention finding may read: the parse helpers, the actor dictionaries,
# and the gazetteer (a town's country).
ALLOWED_OUTSIDE = (
    "newsevents.extract.actors.codes",
    "newsevents.extract.actors.dictionary",
    "newsevents.extract.actors.matching",
    "newsevents.extract.actors.parties",
    "newsevents.extract.places.gazetteer",
    "newsevents.nlp.",
)


def _imports(module: str) -> set[str]:
    tree = ast.parse((DIRECTORY / f"{module}.py").read_text())
    return {node.module for node in ast.walk(tree) if isinstance(node, ast.ImportFrom) and node.module}


def _package_imports(module: str) -> set[str]:
    return {name.removeprefix(PACKAGE + ".") for name in _imports(module) if name.startswith(PACKAGE + ".")}


@pytest.mark.parametrize(
    ("module", "allowed"),
    [(layer, set(SHARED[:n])) for n, layer in enumerate(SHARED)] + [(p, set(SHARED)) for p in PASSES],
)
def test_module_imports_only_the_layers_below_it(module: str, allowed: set[str]) -> None:
    assert _package_imports(module) <= allowed


@pytest.mark.parametrize("module", [*SHARED, *PASSES, "finder"])
def test_no_import_from_later_stages(module: str) -> None:
    outside = {m for m in _imports(module) if m.startswith("newsevents.") and not m.startswith(PACKAGE)}
    assert all(m.startswith(ALLOWED_OUTSIDE) for m in outside), outside


def test_every_module_is_layered() -> None:
    """A new module must be placed in the layering above (and so in this test)."""
    found = {p.stem for p in DIRECTORY.glob("*.py")} - {"__init__"}
    assert found == {*SHARED, *PASSES, "finder"}


@pytest.mark.parametrize("name", ["Mention", "Scope", "find_mentions", "describes_unknown_body"])
def test_public_names_importable_from_the_package(name: str) -> None:
    assert callable(getattr(mentions_package, name))
