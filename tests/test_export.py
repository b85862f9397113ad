"""Exports checked column by column: GDELT 2.0 events, Parquet, CSV and JSONL, with date windows."""

from __future__ import annotations

import csv
import datetime as dt
import json
import sys
from pathlib import Path

import duckdb
import pyarrow.parquet as pq
import pytest

from newsevents.store import TABLES, Store, to_arrow
from newsevents.store.export import EXPORT_TABLES, DateWindow, export, iter_records
from newsevents.store.gdelt import GDELT_COLUMNS, global_event_id

sys.path.insert(0, str(Path(__file__).parent))
from test_store import full_record, stored  # one fixture record for the store and export tests


@pytest.fixture
def store() -> Store:
    store = Store.open(":memory:")
    store.write(
        to_arrow(
            [
                stored(full_record("jan", dt.date(2022, 1, 28)), "id-jan"),
                stored(full_record("feb", dt.date(2022, 2, 24)), "id-feb"),
                stored(full_record("undated", None), "id-undated"),
            ],
            store.schemas,
        )
    )
    return store


def gdelt_rows(path: Path) -> list[dict[str, str]]:
    lines = path.read_text("utf-8").splitlines()
    assert all(len(line.split("\t")) == 61 for line in lines)
    return [dict(zip(GDELT_COLUMNS, line.split("\t"), strict=True)) for line in lines]


def test_gdelt_has_the_61_columns_in_gdelt_order() -> None:
    assert len(GDELT_COLUMNS) == 61
    assert GDELT_COLUMNS[:5] == ("GLOBALEVENTID", "SQLDATE", "MonthYear", "Year", "FractionDate")
    assert GDELT_COLUMNS[25:31] == (
        "IsRootEvent",
        "EventCode",
        "EventBaseCode",
        "EventRootCode",
        "QuadClass",
        "GoldsteinScale",
    )
    assert GDELT_COLUMNS[51] == "ActionGeo_Type" and GDELT_COLUMNS[-2:] == ("DATEADDED", "SOURCEURL")


def test_gdelt_header_matches_the_official_column_list(shared_dir: Path) -> None:
    header = shared_dir / "eval" / "events" / "cameo" / "GDELT_2.0_Events_Column_Labels_Header_Row_Sep2016.csv"
    with header.open(encoding="utf-8") as handle:
        official = [row["tableId"] for row in csv.DictReader(handle)]
    assert tuple(official) == GDELT_COLUMNS


# Event 0 of the fixture: Russian troops (RUSMIL) shelled, in Kharkiv, dated 2022-01-24 in the text.
# Event 1: Zelensky (UKRGOV) → Russian troops, 130, no date of its own (the article's date is used).
FIRST_EVENT = {
    "SQLDATE": "20220124", "MonthYear": "202201", "Year": "2022", "FractionDate": f"{2022 + (30 + 24) / 365:.4f}",
    "Actor1Code": "RUSMIL", "Actor1Name": "RUSSIAN TROOPS", "Actor1CountryCode": "RUS", "Actor1Type1Code": "MIL",
    "Actor2Code": "", "Actor2Name": "", "Actor2CountryCode": "", "Actor2Type1Code": "",
    "IsRootEvent": "1", "EventCode": "195", "EventBaseCode": "195", "EventRootCode": "19",
    "QuadClass": "4", "GoldsteinScale": "-10.0", "NumMentions": "1", "NumSources": "1", "NumArticles": "1",
    "AvgTone": "", "Actor1Geo_Type": "", "Actor1Geo_Lat": "",
    "ActionGeo_Type": "4", "ActionGeo_FullName": "Kharkiv, Ukraine", "ActionGeo_CountryCode": "UP",
    "ActionGeo_ADM1Code": "", "ActionGeo_Lat": "49.98", "ActionGeo_Long": "36.25", "ActionGeo_FeatureID": "706483",
    "DATEADDED": "", "SOURCEURL": "https://news.example/1", "Actor1EthnicCode": "", "Actor1Religion1Code": "",
}  # fmt: skip
SECOND_EVENT = {
    "SQLDATE": "20220128", "Actor1Code": "UKRGOV", "Actor1Name": "VOLODYMYR ZELENSKY", "Actor2Code": "RUSMIL",
    "Actor2CountryCode": "RUS", "Actor2Type1Code": "MIL", "EventCode": "130", "EventBaseCode": "130",
    "EventRootCode": "13", "QuadClass": "3", "GoldsteinScale": "-4.4", "ActionGeo_Type": "", "ActionGeo_FullName": "",
}  # fmt: skip


@pytest.mark.parametrize(("index", "expected"), [(0, FIRST_EVENT), (1, SECOND_EVENT)])
def test_gdelt_export_column_by_column(store: Store, tmp_path: Path, index: int, expected: dict[str, str]) -> None:
    out = tmp_path / "events.tsv"
    assert export(store, "gdelt", out, DateWindow(until=dt.date(2022, 1, 31))) == {"events": 2}
    row = gdelt_rows(out)[index]
    for column, value in expected.items():
        assert row[column] == value, column
    assert row["GLOBALEVENTID"] == str(global_event_id("id-jan", index))


@pytest.mark.parametrize("modality", ["hypothetical", "negated"])
def test_gdelt_exports_only_events_that_happened(store: Store, tmp_path: Path, modality: str) -> None:
    # GDELT's table has no modality column: a planned or denied act would read as one that took place
    store.con.execute("UPDATE events SET modality = ? WHERE article_id = 'id-jan' AND idx = 1", [modality])
    rows = gdelt_rows(_gdelt(store, tmp_path, DateWindow(until=dt.date(2022, 1, 31))))
    assert [r["EventCode"] for r in rows] == ["195"]
    assert export(store, "parquet", tmp_path / "pq")["events"] == 6  # the other exports keep every event


@pytest.mark.parametrize(
    ("since", "until", "articles"),
    [
        (None, None, ["id-jan", "id-feb", "id-undated"]),
        (dt.date(2022, 2, 1), None, ["id-feb"]),
        (None, dt.date(2022, 2, 1), ["id-jan"]),
        (dt.date(2022, 1, 28), dt.date(2022, 2, 24), ["id-jan", "id-feb"]),
        (dt.date(2023, 1, 1), None, []),
    ],
)
def test_since_and_until_select_articles_by_publication_date(
    store: Store, tmp_path: Path, since: dt.date | None, until: dt.date | None, articles: list[str]
) -> None:
    window = DateWindow(since, until)
    assert [r["article_id"] for r in iter_records(store, window)] == articles
    counts = export(store, "parquet", tmp_path / "pq", window)
    assert counts["articles"] == len(articles) and counts["events"] == 2 * len(articles)
    assert len(gdelt_rows(_gdelt(store, tmp_path, window))) == 2 * len(articles)


def _gdelt(store: Store, folder: Path, window: DateWindow) -> Path:
    export(store, "gdelt", folder / "g.tsv", window)
    return folder / "g.tsv"


def test_parquet_is_one_readable_file_per_table(store: Store, tmp_path: Path) -> None:
    counts = export(store, "parquet", tmp_path / "out")
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == sorted(f"{t}.parquet" for t in EXPORT_TABLES)
    for table in TABLES:
        from_pyarrow = pq.read_table(tmp_path / "out" / f"{table}.parquet")
        assert from_pyarrow.num_rows == counts[table] == store.count(table)
        assert from_pyarrow.schema.names == store.schemas[table].names
    events = duckdb.sql(
        f"SELECT cameo, source_code FROM '{tmp_path / 'out' / 'events.parquet'}' ORDER BY article_id, idx"
    )
    assert (
        events.fetchall()
        == store.con.execute("SELECT cameo, source_code FROM events ORDER BY article_id, idx").fetchall()
    )


def test_csv_is_one_file_per_table_with_a_header(store: Store, tmp_path: Path) -> None:
    export(store, "csv", tmp_path / "out")
    with (tmp_path / "out" / "events.csv").open(encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle))
    assert list(rows[0]) == store.schemas["events"].names
    assert len(rows) == 6
    assert rows[0]["source_code"] == "RUSMIL" and rows[0]["goldstein"] == "-10.0" and rows[0]["place_name"] == "Kharkiv"


def test_jsonl_gives_back_the_extract_records(store: Store, tmp_path: Path) -> None:
    out = tmp_path / "records.jsonl"
    assert export(store, "jsonl", out) == {"articles": 3}
    records = [json.loads(line) for line in out.read_text("utf-8").splitlines()]
    original = json.loads(json.dumps(full_record("feb", dt.date(2022, 2, 24)).to_dict()))
    assert {k: v for k, v in records[1].items() if k in original} == original
    assert records[1]["article_id"] == "id-feb"


def test_unknown_format_is_an_error(store: Store, tmp_path: Path) -> None:
    with pytest.raises(ValueError, match="unknown export format"):
        export(store, "xml", tmp_path / "x")
