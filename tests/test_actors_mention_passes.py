"""The mention passes keep their layering: each pass module reads only the shared layers below it,
never another pass, and the package imports nothing from the stages after actors. A relation pass
returns the records it replaces and changes nothing it is given (checked in its source and by
running it)."""

from __future__ import annotations

import ast
import copy
import datetime as dt
from collections.abc import Callable
from pathlib import Path

import pytest

import newsevents.extract.actors.mentions as mentions_package
from newsevents.extract.actors.dictionary import dictionary_for
from newsevents.extract.actors.matching import phrase_index
from newsevents.extract.actors.mentions import finder, relations
from newsevents.extract.actors.mentions.record import Mention, Replacements, Scope
from newsevents.nlp.model import load_model
from newsevents.options import Options

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


# A relation pass returns the records it replaces and never fills the mentions it is given.
_MUTATING_METHODS = frozenset({"add", "update", "append", "extend", "insert", "remove", "discard", "pop", "clear"})


def _mutations(function: ast.FunctionDef) -> list[str]:
    """Writes to an attribute ("m.sector = ...", "m.titles |= ...", "m.titles.add(...)") or to the
    `mentions` list it is given; writes to its own local names are its business."""
    found = []
    for node in ast.walk(function):
        targets = node.targets if isinstance(node, ast.Assign) else []
        targets += [node.target] if isinstance(node, ast.AugAssign | ast.AnnAssign) else []
        for target in _flattened(targets):
            written = target.value if isinstance(target, ast.Subscript) else target
            if isinstance(written, ast.Attribute) or (isinstance(written, ast.Name) and written.id == "mentions"):
                found.append(f"line {node.lineno}: {ast.unparse(target)}")
        if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute):
            receiver = node.func.value
            mutating = node.func.attr in _MUTATING_METHODS or node.func.attr == "sort"
            if mutating and (isinstance(receiver, ast.Attribute) or ast.unparse(receiver) == "mentions"):
                found.append(f"line {node.lineno}: {ast.unparse(node.func)}")
    return found


def _flattened(targets: list[ast.expr]) -> list[ast.expr]:
    """ "a.x, a.y = ..." writes both."""
    flat: list[ast.expr] = []
    for target in targets:
        flat += _flattened(list(target.elts)) if isinstance(target, ast.Tuple | ast.List) else [target]
    return flat


def test_relation_passes_write_nothing_they_are_given() -> None:
    tree = ast.parse((DIRECTORY / "relations.py").read_text())
    functions = [node for node in tree.body if isinstance(node, ast.FunctionDef)]
    assert len(functions) > 5
    assert {f.name: _mutations(f) for f in functions if _mutations(f)} == {}


@pytest.mark.parametrize(("module", "name"), [("documents", "with_documents"), ("record", "merged_in_text_order")])
def test_the_merge_writes_nothing_it_is_given(module: str, name: str) -> None:
    tree = ast.parse((DIRECTORY / f"{module}.py").read_text())
    (function,) = [node for node in tree.body if isinstance(node, ast.FunctionDef) and node.name == name]
    assert _mutations(function) == []


def test_every_public_relation_is_a_pass_the_driver_runs() -> None:
    """A relation the driver does not list never runs; each one listed returns `Replacements`."""
    public = {
        function
        for name, function in vars(relations).items()
        if callable(function) and not name.startswith("_") and getattr(function, "__module__", "") == relations.__name__
    }
    assert public - set(finder.RELATION_PASSES) == {relations.describes_unknown_body}  # a test coref shares
    assert all(f.__annotations__["return"] == "Replacements" for f in finder.RELATION_PASSES)


# sentence (sentences of our own) → the relation pass that gives one of its mentions something
RELATION_TABLE = [
    ("Sergey Lavrov, the foreign minister, said the talks would go on.", "link_appositions"),
    ("The charity's director said funds were short.", "sector_from_owner"),
    ("Ardent Logistics' shareholders rejected the offer.", "business_from_what_it_owns"),
    ("Labour's Sam Fry and Ian Lowe voted against the bill.", "party_from_conjunct"),
    ("Ann Fry, who is chairman of the health committee, warned of delays.", "title_from_relative_clause"),
    (
        "Waiting lists will fall, the health secretary has said. Ann Fry told MPs the money was there.",
        "title_from_role_just_before",
    ),
    ("The Liberal Democrats criticised the plan.", "opposition_from_party"),
]


Relation = Callable[[Scope, list[Mention]], Replacements]


@pytest.mark.parametrize(("sentence", "giver"), RELATION_TABLE)
def test_relation_pass_returns_what_it_gives_and_leaves_its_input(
    sentence: str, giver: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    given: dict[str, int] = {}

    def watched(relation: Relation) -> Relation:
        def run(scope: Scope, mentions: list[Mention]) -> Replacements:
            before = copy.deepcopy(mentions)
            replacements = relation(scope, mentions)
            assert mentions == before, f"{relation.__name__} changed the mentions it was given"
            assert all(0 <= n < len(mentions) and new is not mentions[n] for n, new in replacements.items())
            given[relation.__name__] = len(replacements)
            return replacements

        return run

    monkeypatch.setattr(finder, "RELATION_PASSES", tuple(watched(f) for f in finder.RELATION_PASSES))
    options = Options.load()
    doc = load_model(options.model)(sentence)
    book = dictionary_for(options.actor_dictionaries)
    finder.find_mentions(doc, book, phrase_index(options.model, options.actor_dictionaries), dt.date(2005, 1, 1))
    assert given[giver] > 0
