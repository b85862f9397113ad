"""Stories and event groups: each kind of copy grouped, distinct reports kept apart, events counted
once and corroborated, contested facts flagged, ids independent of batches and resumes."""

from __future__ import annotations

import csv
import datetime as dt
import re
from collections.abc import Callable
from pathlib import Path

import pyarrow.parquet as pq
import pytest

from newsevents.analyze.stories import Thresholds, group_new_articles, signature, source_key
from newsevents.cli.main import main
from newsevents.store import Store, StoredArticle, to_arrow
from newsevents.store.export import DateWindow, export
from newsevents.store.gdelt import GDELT_COLUMNS
from newsevents.types import Actor, ArticleRecord, CharRange, Event, Span

# A wire story written for these tests (not from any corpus), and a second outlet's own report of
# the same meeting: same names, same numbers, different words.
WIRE = """Port authority agrees to reopen northern harbour

The Valdoria port authority agreed on Tuesday to reopen the northern harbour of Kestrel Bay after a
closure that lasted eleven weeks and cost local fishing crews an estimated 4.2 million euros.

Harbour master Ines Okafor told reporters the damaged breakwater had been repaired and inspected by
engineers from the regional transport ministry. She said the first trawlers could return to the quay
on Friday morning, although larger cargo vessels would have to wait until dredging work ends in March.

The fishing cooperative, which represents about 300 families, welcomed the decision but warned that
many boats had already moved to southern ports during the long shutdown. Its chairman, Tomas Berg,
asked the government to extend compensation payments until the end of the season.

Opposition members of the provincial council criticised the authority for the slow pace of repairs
and demanded an independent review of the contract awarded to the construction firm Lodestar Works.

Officials expect traffic at the harbour to return to normal levels within two months, provided the
winter storms do not damage the new sea wall again."""

OTHER_REPORT = """Kestrel Bay fishermen return as harbour opens

Fishing boats will be back in Kestrel Bay by Friday, harbour master Ines Okafor promised, ending an
eleven-week shutdown that local crews say cost them dearly.

Speaking at the quay, Okafor said inspectors were satisfied with the rebuilt breakwater. Crews who spent
the winter in southern ports said they would come home only if the compensation scheme continued.

Tomas Berg, who chairs the cooperative of some 300 families, said members had lost 4.2 million euros.
Councillors from the opposition want a review of how Lodestar Works won the repair contract."""

# A spinner's thesaurus for the tests: content words only, as article spinners swap them.
SPIN = {
    "agreed": "consented", "reopen": "reinstate", "northern": "upper", "closure": "shutdown",
    "lasted": "endured", "cost": "charged", "local": "regional", "fishing": "angling", "crews": "teams",
    "estimated": "approximate", "told": "informed", "reporters": "journalists", "damaged": "harmed",
    "repaired": "mended", "inspected": "examined", "engineers": "technicians", "regional": "provincial",
    "first": "earliest", "return": "come back", "morning": "forenoon", "larger": "bigger",
    "vessels": "ships", "wait": "hold on", "work": "labour", "ends": "finishes", "represents": "speaks for",
    "families": "households", "welcomed": "hailed", "decision": "ruling", "warned": "cautioned",
    "many": "numerous", "boats": "craft", "already": "previously", "moved": "relocated",
    "southern": "lower", "long": "lengthy", "asked": "urged", "extend": "prolong", "payments": "sums",
    "season": "period", "members": "representatives", "criticised": "condemned", "slow": "sluggish",
    "pace": "speed", "demanded": "called for", "independent": "impartial", "review": "inquiry",
    "contract": "deal", "awarded": "given", "expect": "anticipate", "traffic": "movement",
    "normal": "usual", "levels": "volumes", "provided": "assuming", "storms": "gales", "new": "fresh",
}  # fmt: skip


def spun(text: str, every: int = 1, drop_paragraph: int | None = None) -> str:
    """Swap every `every`-th thesaurus word for its synonym; optionally drop a paragraph."""
    seen = 0

    def swap(match: re.Match[str]) -> str:
        nonlocal seen
        word = match.group(0)
        if word not in SPIN:
            return word
        seen += 1
        return SPIN[word] if seen % every == 0 else word

    paragraphs = text.split("\n\n")
    if drop_paragraph is not None:
        del paragraphs[drop_paragraph]
    return re.sub(r"[A-Za-z]+", swap, "\n\n".join(paragraphs))


def wrapped(text: str) -> str:
    header = "Home | News | Europe\nThe Harbour Gazette\nAdvertisement\nMost read: Ferry fares to rise in spring"
    footer = "Share this article\nRelated stories: Lighthouse keeper retires after forty years\n© The Harbour Gazette"
    return f"{header}\n\n{text}\n\n{footer}"


def first_half(text: str) -> str:
    words = text.split(" ")
    return " ".join(words[: len(words) // 2])


def swapped_paragraphs(text: str) -> str:
    paragraphs = text.split("\n\n")
    paragraphs[2], paragraphs[3] = paragraphs[3], paragraphs[2]
    return "\n\n".join(paragraphs)


def article(
    article_id: str,
    text: str,
    url: str | None = None,
    published: dt.date | None = dt.date(2026, 3, 3),
    events: list[Event] | None = None,
) -> StoredArticle:
    record = ArticleRecord(id=article_id, title=text.split("\n")[0], url=url, published=published, text=text)
    record.events = events or []
    return StoredArticle(article_id, "hash-" + article_id, f"feeds/{article_id}.txt", record.to_dict())


def store_with(*articles: StoredArticle, group: bool = True) -> Store:
    store = Store.open(":memory:")
    store.write(to_arrow(list(articles), store.schemas))
    if group:
        group_new_articles(store)
    return store


def stories(store: Store) -> dict[str, str]:
    return dict(store.con.execute("SELECT article_id, story_id FROM articles").fetchall())


def partition(store: Store) -> set[frozenset[str]]:
    members: dict[str, set[str]] = {}
    for article_id, story in stories(store).items():
        members.setdefault(story, set()).add(article_id)
    return {frozenset(m) for m in members.values()}


COPIES: list[tuple[str, Callable[[str], str], set[str]]] = [
    ("exact copy under another id", lambda t: t, {"exact"}),
    ("inside another site's header and footer", wrapped, {"near", "contained"}),
    ("first half only", first_half, {"near", "contained"}),
    ("paragraphs reordered", swapped_paragraphs, {"near"}),
    ("every thesaurus word swapped (a third of all words)", spun, {"spun"}),
    ("half the thesaurus words swapped, a paragraph dropped", lambda t: spun(t, 2, drop_paragraph=3), {"spun", "near"}),
    ("spun and wrapped", lambda t: wrapped(spun(t)), {"spun"}),
]


@pytest.mark.parametrize(("kind", "make", "methods"), COPIES, ids=[c[0] for c in COPIES])
def test_each_kind_of_copy_joins_the_original_story(kind: str, make: Callable[[str], str], methods: set[str]) -> None:
    store = store_with(article("wire", WIRE), article("copy", make(WIRE)))
    assert stories(store) == {"wire": "wire", "copy": "wire"}
    row = store.con.execute("SELECT method, matched_article_id FROM story_signatures WHERE article_id = 'copy'")
    method, matched = row.fetchall()[0]
    assert method in methods and matched == "wire"


def test_the_spun_copy_shares_few_word_trigrams_with_the_original() -> None:
    """The spun fixture is a hard case: plain word shingles would not group it."""
    original, copy = signature("a", WIRE), signature("b", spun(WIRE))
    from newsevents.analyze.stories import jaccard

    assert jaccard(original.word_minhash, copy.word_minhash) < 0.3
    assert jaccard(original.term_minhash, copy.term_minhash) >= Thresholds().spun


def test_another_outlets_report_of_the_same_event_is_another_story() -> None:
    store = store_with(article("wire", WIRE), article("other", OTHER_REPORT), article("copy", wrapped(WIRE)))
    assert partition(store) == {frozenset({"wire", "copy"}), frozenset({"other"})}


def test_spun_copies_are_matched_within_the_date_window_only_and_undated_ones_by_text() -> None:
    far = dt.date(2026, 5, 1)
    store = store_with(article("wire", WIRE), article("late", spun(WIRE), published=far))
    assert stories(store)["late"] == "late"
    store = store_with(article("wire", WIRE), article("undated", spun(WIRE), published=None))
    assert stories(store)["undated"] == "wire"
    store = store_with(article("wire", WIRE), article("late-exact", wrapped(WIRE), published=far))
    assert stories(store)["late-exact"] == "wire"  # a plain copy is a copy whenever it was published


@pytest.mark.parametrize(
    ("url", "source_file", "expected"),
    [
        ("https://www.Example.com:8080/news/1", "feeds/a.xml", "example.com"),
        ("https://news.example.org/x", None, "news.example.org"),
        (None, "feeds/reuters/a.xml", "feeds/reuters"),
        (None, "a.txt", "."),
        (None, None, None),
    ],
)
def test_source_key_is_the_host_else_the_folder(url: str | None, source_file: str | None, expected: str) -> None:
    assert source_key(url, source_file) == expected


# --- incremental grouping, batches, resume ------------------------------------------------------

CORPUS = [
    ("spin", spun(WIRE)),  # copies arrive before their original: the original bridges them later
    ("other", OTHER_REPORT),
    ("half", first_half(WIRE)),
    ("wire", WIRE),
    ("wrap", wrapped(WIRE)),
    ("spin-other", spun(OTHER_REPORT)),
]


def test_a_later_article_merges_the_stories_it_proves_one_into_the_oldest() -> None:
    store = store_with(*(article(name, text) for name, text in CORPUS))
    assert partition(store) == {
        frozenset({"spin", "half", "wire", "wrap"}),
        frozenset({"other", "spin-other"}),
    }
    assert stories(store)["wire"] == "spin"  # named after its first-grouped article


@pytest.mark.parametrize("batch", [1, 2, 4])
def test_ids_are_the_same_whatever_the_batches(batch: int) -> None:
    whole = stories(store_with(*(article(name, text) for name, text in CORPUS)))
    store = Store.open(":memory:")
    for start in range(0, len(CORPUS), batch):
        chunk = [article(name, text) for name, text in CORPUS[start : start + batch]]
        store.write(to_arrow(chunk, store.schemas))
        group_new_articles(store)
    assert stories(store) == whole
    assert_same_groups(store, store_with(*(article(name, text) for name, text in CORPUS)))


def test_a_run_killed_between_write_and_grouping_is_grouped_on_the_next_call() -> None:
    store = store_with(*(article(name, text) for name, text in CORPUS[:3]))
    store.write(to_arrow([article(name, text) for name, text in CORPUS[3:]], store.schemas))  # not grouped
    assert store.con.execute("SELECT count(*) FROM articles WHERE story_id IS NULL").fetchall() == [(3,)]
    summary = group_new_articles(store)
    assert summary.articles == 3
    assert stories(store) == stories(store_with(*(article(name, text) for name, text in CORPUS)))
    assert group_new_articles(store).articles == 0  # nothing left: a re-run changes nothing


def assert_same_groups(left: Store, right: Store) -> None:
    query = "SELECT * FROM event_groups ORDER BY group_id"
    assert left.con.execute(query).fetchall() == right.con.execute(query).fetchall()
    query = "SELECT * FROM event_group_members ORDER BY article_id, idx"
    assert left.con.execute(query).fetchall() == right.con.execute(query).fetchall()


# --- events counted once, corroborated, contested --------------------------------------------------

SANCTIONS = "Washington said it would impose sanctions on Russia if its troops crossed the border."


def sanction_event(text: str, target: str, code: str, date: str | None = "2026-03-02") -> Event:
    start = text.index(SANCTIONS[:40])
    target_at = text.index(target, start)
    trigger_at = text.index("impose", start)
    target_actor = Actor(target_at, target_at + len(target), target, target, code, None, None, code, "country", 1)
    us = Actor(start, start + 10, "Washington", "Washington", "USA", None, "GOV", "USAGOV", "government", 0)
    end = text.index(".", target_at) + 1
    return Event(
        CharRange(start, end), Span(trigger_at, trigger_at + 6, "impose"), us, target_actor,
        "163", "16", 3, -8.0, "SANCTION", "asserted", date, "text",
    )  # fmt: skip


def story_text(sentence: str) -> str:
    return WIRE + "\n\n" + sentence


def test_one_event_in_three_copies_from_two_sites_is_one_event_with_its_counts(tmp_path: Path) -> None:
    text = story_text(SANCTIONS)
    copies = [
        article("wire", text, "https://wire.example/a", events=[sanction_event(text, "Russia", "RUS")]),
        article("site-a", wrapped(text), "https://site-a.example/1",
                events=[sanction_event(wrapped(text), "Russia", "RUS")]),
        article("site-a2", first_half(text) + "\n\n" + SANCTIONS, "https://www.site-a.example/2",
                events=[sanction_event(first_half(text) + "\n\n" + SANCTIONS, "Russia", "RUS")]),
    ]  # fmt: skip
    store = store_with(*copies)
    assert len(set(stories(store).values())) == 1
    groups = store.con.execute(
        "SELECT source_code, target_code, cameo, event_date, num_mentions, num_articles, num_sources, num_stories,"
        " contested, first_article_id FROM event_groups"
    ).fetchall()
    assert groups == [("USAGOV", "RUS", "163", dt.date(2026, 3, 2), 3, 3, 2, 1, False, "wire")]
    evidence = store.con.execute("SELECT DISTINCT sentence FROM event_evidence").fetchall()
    assert evidence == [(SANCTIONS,)]
    out = tmp_path / "events.tsv"
    assert export(store, "gdelt", out) == {"events": 1}
    row = dict(zip(GDELT_COLUMNS, out.read_text().rstrip("\n").split("\t"), strict=True))
    assert (row["NumMentions"], row["NumSources"], row["NumArticles"]) == ("3", "2", "3")


@pytest.mark.parametrize(
    ("since", "rows"),
    [
        (None, {"stories": 1, "event_groups": 1, "event_group_members": 3, "event_contests": 0}),
        (dt.date(2026, 3, 4), {"stories": 0, "event_groups": 0, "event_group_members": 0, "event_contests": 0}),
    ],
)
@pytest.mark.parametrize("fmt", ["parquet", "csv"])
def test_parquet_and_csv_exports_carry_the_story_tables(
    tmp_path: Path, fmt: str, since: dt.date | None, rows: dict[str, int]
) -> None:
    text = story_text(SANCTIONS)
    store = store_with(
        article("wire", text, "https://wire.example/a", events=[sanction_event(text, "Russia", "RUS")]),
        article("copy", wrapped(text), "https://site-a.example/1",
                events=[sanction_event(wrapped(text), "Russia", "RUS")]),
        article("late", first_half(text) + "\n\n" + SANCTIONS, "https://site-b.example/2",
                events=[sanction_event(first_half(text) + "\n\n" + SANCTIONS, "Russia", "RUS")]),
    )  # fmt: skip
    counts = export(store, fmt, tmp_path / "out", DateWindow(since=since))
    read = (lambda p: pq.read_table(p).to_pylist()) if fmt == "parquet" else _csv_rows
    for table, expected in rows.items():
        assert counts[table] == expected == len(read(tmp_path / "out" / f"{table}.{fmt}"))
    if since is None:
        [story] = read(tmp_path / "out" / f"stories.{fmt}")
        [group] = read(tmp_path / "out" / f"event_groups.{fmt}")
        assert (int(story["size"]), int(group["num_mentions"]), int(group["num_sources"])) == (3, 3, 3)
        members = read(tmp_path / "out" / f"event_group_members.{fmt}")
        assert {(m["story_id"], m["group_id"]) for m in members} == {(story["story_id"], group["group_id"])}


def _csv_rows(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8") as handle:
        return list(csv.DictReader(handle))


def test_the_same_event_in_two_stories_is_one_event_with_two_stories() -> None:
    wire, other = story_text(SANCTIONS), OTHER_REPORT + "\n\n" + SANCTIONS
    store = store_with(
        article("wire", wire, events=[sanction_event(wire, "Russia", "RUS")]),
        article("other", other, events=[sanction_event(other, "Russia", "RUS")]),
    )
    assert len(set(stories(store).values())) == 2
    assert store.con.execute("SELECT num_articles, num_stories FROM event_groups").fetchall() == [(2, 2)]


def test_undated_events_group_only_inside_their_story() -> None:
    wire, other = story_text(SANCTIONS), OTHER_REPORT + "\n\n" + SANCTIONS
    store = store_with(
        article("wire", wire, published=None, events=[sanction_event(wire, "Russia", "RUS", date=None)]),
        article("other", other, published=None, events=[sanction_event(other, "Russia", "RUS", date=None)]),
    )
    rows = store.con.execute("SELECT event_date, story_id, num_articles FROM event_groups ORDER BY story_id")
    assert rows.fetchall() == [(None, "other", 1), (None, "wire", 1)]


def test_copies_that_code_one_sentence_differently_flag_a_contested_fact_with_both_readings() -> None:
    wire = story_text(SANCTIONS)
    copy_sentence = SANCTIONS.replace("on Russia", "on Ukraine")
    copy = spun(WIRE) + "\n\n" + copy_sentence
    store = store_with(
        article("wire", wire, events=[sanction_event(wire, "Russia", "RUS")]),
        article("copy", copy, events=[sanction_event(copy, "Ukraine", "UKR")]),
    )
    assert len(set(stories(store).values())) == 1
    groups = store.con.execute("SELECT target_code, contested FROM event_groups ORDER BY target_code").fetchall()
    assert groups == [("RUS", True), ("UKR", True)]
    contest = store.con.execute("SELECT article_id, other_article_id, fields FROM event_contests").fetchall()
    assert contest == [("wire", "copy", ["target_code"])]


@pytest.mark.parametrize("peer_stories", [1, 2])
def test_contests_are_the_same_when_stories_peers_are_read_a_few_stories_at_a_time(
    peer_stories: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Peers are read in batches of stories to bound memory: the contests and their order must not change."""
    from newsevents.analyze import corroborate

    wire, other = story_text(SANCTIONS), OTHER_REPORT + "\n\n" + SANCTIONS
    ukraine = SANCTIONS.replace("on Russia", "on Ukraine")
    belarus = SANCTIONS.replace("on Russia", "on Belarus")
    wire_copy, other_copy = spun(WIRE) + "\n\n" + ukraine, wrapped(OTHER_REPORT) + "\n\n" + belarus
    copies = [
        article("wire", wire, events=[sanction_event(wire, "Russia", "RUS")]),
        article("other", other, events=[sanction_event(other, "Russia", "RUS")]),
        article("wire-copy", wire_copy, events=[sanction_event(wire_copy, "Ukraine", "UKR")]),
        article("other-copy", other_copy, events=[sanction_event(other_copy, "Belarus", "BLR")]),
    ]
    query = "SELECT story_id, article_id, other_article_id, fields FROM event_contests ORDER BY rowid"
    at_once = store_with(*copies).con.execute(query).fetchall()
    monkeypatch.setattr(corroborate, "PEER_STORIES", peer_stories)
    batched = store_with(*copies).con.execute(query).fetchall()
    assert sorted(row[1:] for row in at_once) == [
        ("other", "other-copy", ["target_code"]),
        ("wire", "wire-copy", ["target_code"]),
    ]
    assert batched == at_once


def test_copies_that_agree_are_not_contested() -> None:
    wire = story_text(SANCTIONS)
    copy = wrapped(wire)
    store = store_with(
        article("wire", wire, events=[sanction_event(wire, "Russia", "RUS")]),
        article("copy", copy, events=[sanction_event(copy, "Russia", "RUS")]),
    )
    assert store.con.execute("SELECT count(*) FROM event_contests").fetchall() == [(0,)]
    assert store.con.execute("SELECT contested FROM event_groups").fetchall() == [(False,)]


def test_a_merge_regroups_the_events_of_both_stories() -> None:
    """Copies first (two stories), then the original that proves them one: counts follow the merge."""
    spin_text, half_text, wire = spun(story_text(SANCTIONS)), first_half(WIRE), story_text(SANCTIONS)
    store = store_with(
        article("spin", spin_text, published=None, events=[sanction_event(spin_text, "Russia", "RUS", None)]),
        article("half", half_text, published=None),
        article("wire", wire, published=None, events=[sanction_event(wire, "Russia", "RUS", None)]),
    )
    assert len(set(stories(store).values())) == 1
    rows = store.con.execute("SELECT story_id, num_articles FROM event_groups").fetchall()
    assert rows == [("spin", 2)]
    assert store.con.execute("SELECT DISTINCT story_id FROM event_group_members").fetchall() == [("spin",)]


# --- the command line ----------------------------------------------------------------------------


def records_db(tmp_path: Path) -> Path:
    db = tmp_path / "events.duckdb"
    store = store_with(*(article(name, text) for name, text in CORPUS))
    store.con.execute(f"ATTACH '{db}' AS out")
    store.con.execute("COPY FROM DATABASE memory TO out")
    store.close()
    return db


def test_stories_command_lists_stories_with_size_sources_and_dates(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = records_db(tmp_path)
    assert main(["stories", "--db", str(db), "--min-size", "2"]) == 0
    lines = capsys.readouterr().out.strip().splitlines()
    assert lines[0].split("\t")[:5] == ["story_id", "size", "sources", "first_seen", "last_seen"]
    rows = [line.split("\t") for line in lines[1:]]
    assert [(r[0], r[1], r[2], r[3]) for r in rows] == [
        ("spin", "4", "1", "2026-03-03"),
        ("other", "2", "1", "2026-03-03"),
    ]


def test_stats_reports_articles_stories_and_events_before_and_after_grouping(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = records_db(tmp_path)
    assert main(["stats", "--db", str(db)]) == 0
    out = capsys.readouterr().out
    assert "articles 6 → stories 2 (2 with copies)" in out


def test_stories_command_on_a_missing_file_is_one_line_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["stories", "--db", str(tmp_path / "none.duckdb")]) == 1
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "no database" in err
