"""The DuckDB store: schema and migrations, exact round trip of records, atomic and idempotent writes."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

import pytest

from newsevents.options import Options
from newsevents.runner.local import IngestConfig, ingest
from newsevents.runner.progress import LogProgress
from newsevents.store import TABLES, Store, StoredArticle, to_arrow
from newsevents.store.export import iter_records
from newsevents.store.migrations import MIGRATIONS
from newsevents.types import (
    Actor,
    ArticleRecord,
    CharRange,
    Claim,
    DateRef,
    Event,
    Place,
    Quote,
    Rejected,
    Span,
)

TEXT = 'Russian troops shelled Kharkiv on Monday. "We will respond," Zelensky said. 130,000 troops are there.'


def full_record(record_id: str = "wire-1", published: dt.date | None = dt.date(2022, 1, 28)) -> ArticleRecord:
    """A record with every list filled and every nested object present, offsets into TEXT."""
    russia = Actor(0, 14, "Russian troops", "Russian troops", "RUS", None, "MIL", "RUSMIL", "group", 0)
    zelensky = Actor(61, 69, "Zelensky", "Volodymyr Zelensky", "UKR", None, "GOV", "UKRGOV", "person", 1)
    kharkiv = Place(23, 30, "Kharkiv", "Kharkiv", "UKR", "city", 49.98, 36.25, 706483)
    return ArticleRecord(
        id=record_id, title="Shelling", url="https://news.example/1", published=published, text=TEXT,
        boilerplate=[Span(0, 0, "")], language="en", warnings=["a warning"],
        actors=[russia, zelensky],
        events=[
            Event(CharRange(0, 41), Span(15, 22, "shelled"), russia, None, "195", "19", 4, -10.0, "ASSAULT",
                  "asserted", "2022-01-24", "text", kharkiv),
            Event(CharRange(42, 75), Span(61, 74, "Zelensky said"), zelensky, russia, "130", "13", 3, -4.4, None,
                  "asserted", None, None, None),
        ],
        quotes=[Quote(42, 60, '"We will respond,"', "direct", Span(70, 74, "said"), zelensky)],
        claims=[Claim(76, 99, "130,000 troops are there", 130000, "troops", "troops", None, None),
                Claim(76, 83, "130,000", 2.5, None, None, "about", zelensky)],
        places=[kharkiv],
        dates=[DateRef(31, 40, "on Monday", "2022-01-24", "day")],
    )  # fmt: skip


def stored(record: ArticleRecord, article_id: str = "id-1") -> StoredArticle:
    return StoredArticle(article_id, "hash-" + article_id, "corpus/file.jsonl", record.to_dict())


def table_rows(store: Store, table: str) -> list[tuple[Any, ...]]:
    columns = [c for c in store.schemas[table].names if c != "rejected_at"]
    return sorted(store.con.execute(f"SELECT {', '.join(columns)} FROM {table}").fetchall(), key=repr)


@pytest.fixture
def store() -> Store:
    return Store.open(":memory:")


def test_schema_has_every_table_and_the_columns_arrow_batches_fill(store: Store) -> None:
    for table in TABLES:
        columns = [row[0] for row in store.con.execute(f"DESCRIBE {table}").fetchall()]
        assert columns == store.schemas[table].names
    events = set(store.schemas["events"].names)
    assert {
        "source_code",
        "target_name",
        "cameo",
        "root",
        "quad_class",
        "goldstein",
        "plover",
        "modality",
        "date",
    } <= events
    assert {"place_name", "place_lat", "place_lon", "place_country", "sentence_start", "trigger_end"} <= events
    assert {"article_id", "url", "title", "published", "text", "content_hash", "story_id", "source_file"} <= set(
        store.schemas["articles"].names
    )


def test_migrations_apply_once_and_reopening_changes_nothing(tmp_path: Path) -> None:
    path = tmp_path / "events.duckdb"
    with Store.open(path) as first:
        assert first.schema_version() == MIGRATIONS[-1].version
        assert first.migrate() == []
    with Store.open(path) as again:
        assert again.migrate() == []
        versions = again.con.execute("SELECT version FROM schema_version").fetchall()
    assert versions == [(m.version,) for m in MIGRATIONS]


def test_a_record_reads_back_exactly_as_written(store: Store) -> None:
    record = full_record()
    store.write(to_arrow([stored(record)], store.schemas))
    (back,) = list(iter_records(store))
    expected = record.to_dict() | {
        "article_id": "id-1", "content_hash": "hash-id-1", "story_id": None, "source_file": "corpus/file.jsonl",
    }  # fmt: skip
    assert back == expected
    assert store.count("events") == 2 and store.count("claims") == 2


def test_nested_objects_are_flattened_into_prefixed_columns(store: Store) -> None:
    store.write(to_arrow([stored(full_record())], store.schemas))
    row = store.con.execute(
        "SELECT source_code, target_code, place_name, place_lat, trigger_text, sentence_end FROM events WHERE idx = 0"
    ).fetchall()
    assert row == [("RUSMIL", None, "Kharkiv", 49.98, "shelled", 41)]
    speaker = store.con.execute("SELECT speaker_name, cue_text, char_end FROM quotes").fetchall()
    assert speaker == [("Volodymyr Zelensky", "said", 60)]


def test_fields_the_schema_lacks_are_kept_in_extra(store: Store) -> None:
    record = full_record().to_dict()
    record["actors"][0]["wikidata"] = "Q159"
    record["reviewed"] = True
    store.write(to_arrow([StoredArticle("id-x", "h", None, record)], store.schemas))
    assert store.con.execute("SELECT extra FROM actors WHERE idx = 0").fetchall() == [('{"wikidata": "Q159"}',)]
    (back,) = list(iter_records(store))
    assert back["actors"][0]["wikidata"] == "Q159" and back["reviewed"] is True


def test_a_failing_batch_leaves_no_partial_article(store: Store, monkeypatch: pytest.MonkeyPatch) -> None:
    original = Store._insert

    def crash_on_events(self: Store, name: str, table: Any) -> None:
        if name == "events":
            raise RuntimeError("disk full")
        original(self, name, table)

    monkeypatch.setattr(Store, "_insert", crash_on_events)
    batch = to_arrow([stored(full_record("a"), "id-a"), stored(full_record("b"), "id-b")], store.schemas)
    with pytest.raises(RuntimeError):
        store.write(batch)
    assert {table: store.count(table) for table in TABLES} == dict.fromkeys(TABLES, 0)
    monkeypatch.setattr(Store, "_insert", original)
    assert store.write(batch) == 2


def test_writing_the_same_articles_again_stores_nothing_twice(store: Store) -> None:
    batch = to_arrow(
        [stored(full_record(), "id-1"), stored(full_record(), "id-1"), stored(full_record("other"), "id-2")],
        store.schemas,
        [Rejected("bad.txt", "empty file"), Rejected("bad.txt", "empty file")],
    )
    assert store.write(batch) == 2
    before = {table: table_rows(store, table) for table in TABLES}
    assert store.write(batch) == 0
    assert {table: table_rows(store, table) for table in TABLES} == before
    assert store.count("actors") == 4 and store.count("rejected") == 1


def test_known_ids(store: Store) -> None:
    store.write(to_arrow([stored(full_record(), "id-1")], store.schemas))
    assert store.known_ids(["id-1", "id-9", "id-1"]) == {"id-1"}
    assert store.known_ids([]) == set()


def test_ingest_twice_is_idempotent_and_changed_text_is_a_new_article(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for number in range(3):
        (corpus / f"{number}.txt").write_text(f"Story {number}. The minister met the envoy in Paris.", "utf-8")
    (corpus / "empty.txt").write_text("", "utf-8")
    store = Store.open(":memory:")
    config = IngestConfig(workers=1, chunk_size=2, published=dt.date(2022, 1, 28))
    first = ingest([corpus, corpus / "1.txt"], store, Options(), config, LogProgress(every=3600))
    assert (first.stored, first.skipped, first.rejected) == (3, 1, 1)  # a path given twice is stored once
    tables = {table: table_rows(store, table) for table in TABLES}
    second = ingest([corpus], store, Options(), config, LogProgress(every=3600))
    assert (second.stored, second.skipped) == (0, 3)
    assert {table: table_rows(store, table) for table in TABLES} == tables
    (corpus / "0.txt").write_text("Story 0, corrected. The minister met the envoy in Rome.", "utf-8")
    third = ingest([corpus], store, Options(), config, LogProgress(every=3600))
    assert (third.stored, third.skipped) == (1, 2)
    versions = store.con.execute("SELECT count(*) FROM articles WHERE source_id LIKE '%0.txt'").fetchall()
    assert versions == [(2,)]


def test_readers_never_write_to_a_foreign_database(tmp_path: Path) -> None:
    import duckdb

    from newsevents.types import InputError

    path = tmp_path / "other.duckdb"
    con = duckdb.connect(str(path))
    con.execute("CREATE TABLE foo (x INTEGER)")
    con.close()
    with pytest.raises(InputError, match="not a newsevents database"):
        Store.open(path, read_only=True)
    con = duckdb.connect(str(path), read_only=True)
    assert [row[0] for row in con.execute("SELECT table_name FROM information_schema.tables").fetchall()] == ["foo"]
    con.close()
