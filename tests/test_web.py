"""Dashboard, alerts, claims ledger and report: counts on synthetic stores, pages through the app, the real CLI."""

from __future__ import annotations

import hashlib
import subprocess
import sys
import textwrap
from pathlib import Path
from typing import Any

import pytest
from markupsafe import escape

from newsevents.analyze import counts
from newsevents.analyze.alerts import AlertOptions, escalation_alerts
from newsevents.analyze.claims import ledger, subjects
from newsevents.analyze.snapshot import StoreBusy, take_snapshot
from newsevents.cli.main import main as cli
from newsevents.web.highlight import Mark, highlight
from tests.web_support import Ev, days, ingest_fixtures, synthetic_article, write_store

fastapi = pytest.importorskip("fastapi", reason="the web extra is not installed (pip install -e '.[web]')")
from fastapi.testclient import TestClient  # noqa: E402

from newsevents.web.app import create_app  # noqa: E402

# ---------------------------------------------------------------- highlighting (pure)


@pytest.mark.parametrize(
    ("text", "marks", "expected"),
    [
        ("plain", [], "plain"),
        ("<b>x</b>", [], "&lt;b&gt;x&lt;/b&gt;"),
        (
            "Ab cd",
            [Mark(0, 2, "a0")],
            '<a id="a0" class="anchor"></a><span class="seg k-actor" data-k="a0" title="actor">Ab</span> cd',
        ),
        (  # a trigger inside its sentence: the sentence is cut around it, both keys on the inner piece
            "xy z",
            [Mark(0, 4, "e0"), Mark(1, 2, "t0")],
            '<a id="e0" class="anchor"></a><span class="seg k-sentence" data-k="e0" title="sentence">x</span>'
            '<a id="t0" class="anchor"></a><span class="seg k-sentence k-trigger" data-k="e0 t0" '
            'title="sentence, trigger">y</span><span class="seg k-sentence" data-k="e0" title="sentence"> z</span>',
        ),
        (
            "ab",
            [Mark(1, 99, "q0")],
            'a<a id="q0" class="anchor"></a><span class="seg k-quote" data-k="q0" title="quote">b</span>',
        ),
    ],
)
def test_highlight(text: str, marks: list[Mark], expected: str) -> None:
    assert str(highlight(text, marks)) == expected


def test_highlight_escapes_hostile_text_inside_marks() -> None:
    hostile = '<img src=x onerror="alert(1)">'
    html = str(highlight(hostile, [Mark(0, len(hostile), "q0")]))
    assert "<img" not in html and str(escape(hostile)) in html


# ---------------------------------------------------------------- counts on synthetic stores


def _snapshot_of(tmp_path: Path, articles: list) -> Any:
    """A cursor on a snapshot of a store holding `articles`."""
    db = tmp_path / "s.duckdb"
    write_store(db, articles)
    return take_snapshot(db).cursor()


def test_copies_count_once_with_their_sources(tmp_path: Path) -> None:
    text_events = [Ev("RUS", "UKR", "190"), Ev("UKR", "RUS", "111")]
    original = synthetic_article("wire-1", "2022-03-01", text_events, url="https://wire.example/1", trailer="w")
    copy = synthetic_article("paper-9", "2022-03-02", text_events, url="https://www.paper.example/x", trailer="w")
    other = synthetic_article("wire-2", "2022-03-03", [Ev("RUS", "UKR", "190")], url="https://wire.example/2")
    con = _snapshot_of(tmp_path, [original, copy, other])
    assert counts.totals(con)["events"] == 3 and counts.totals(con)["event_mentions"] == 5
    found = counts.list_events(con, counts.EventFilter(source="RUS", target="UKR"))
    assert [(r["num_articles"], r["num_sources"], r["sources"]) for r in found.rows] == [
        (2, 2, ["paper.example", "wire.example"]),
        (1, 1, ["wire.example"]),
    ]
    assert found.rows[0]["day"].isoformat() == "2022-03-01"  # described by its first report


def test_undated_events_stay_undated(tmp_path: Path) -> None:
    con = _snapshot_of(
        tmp_path,
        [
            synthetic_article("u", None, [Ev("RUS", "UKR", "190")]),
            synthetic_article("d", None, [Ev("RUS", "UKR", "190", date="2022-05-04")]),
            synthetic_article("w", None, [Ev("RUS", "UKR", "190", date="2022-W18")]),
        ],
    )
    assert counts.totals(con)["undated_events"] == 2  # a week is not a day
    assert [r["day"].isoformat() for r in counts.dyad_series(con, "RUS", "UKR")] == ["2022-05-04"]
    assert counts.list_events(con, counts.EventFilter(undated=True)).total == 2


def test_cut_lists_say_how_many_more(tmp_path: Path) -> None:
    pairs = [(f"A{i:02d}", f"B{i:02d}") for i in range(15)]
    con = _snapshot_of(
        tmp_path, [synthetic_article(f"x{i}", "2022-01-01", [Ev(s, t, "042")]) for i, (s, t) in enumerate(pairs)]
    )
    top = counts.top_dyads(con, 10)
    assert (len(top.rows), top.total, top.more) == (10, 15, 5)


@pytest.mark.parametrize("query", ["' OR 1=1 --", "%", "_", "\\", "'; DROP TABLE articles; --"])
def test_search_takes_input_literally(tmp_path: Path, query: str) -> None:
    con = _snapshot_of(tmp_path, [synthetic_article("a", "2022-01-01", [Ev("RUS", "UKR", "190")])])
    assert counts.search_articles(con, query).total == 0
    assert counts.totals(con)["articles"] == 1


# ---------------------------------------------------------------- alerts


def _quiet_then_burst(burst_day: str, burst: int, *, modality: str = "asserted") -> list:
    """RUS → UKR: one verbal-conflict event every 5 days for 40 days, then `burst` attacks on one day."""
    quiet = [synthetic_article(f"q{d}", d, [Ev("RUS", "UKR", "111")]) for d in days("2022-01-01", 40, 5)]
    loud = synthetic_article("burst", burst_day, [Ev("RUS", "UKR", "190", modality=modality)] * burst)
    return [*quiet, loud]


@pytest.mark.parametrize(
    ("articles", "expected"),
    [
        (_quiet_then_burst("2022-02-15", 3), [("RUS", "UKR", "2022-02-15", 30.0, 3)]),
        (_quiet_then_burst("2022-02-15", 3, modality="negated"), []),  # "did not attack" is no escalation
        (_quiet_then_burst("2022-01-10", 3), []),  # less than a window of history: not judged
        ([synthetic_article("u", None, [Ev("RUS", "UKR", "190")] * 5)], []),  # undated: never on a day
    ],
)
def test_escalation_alerts(tmp_path: Path, articles: list, expected: list) -> None:
    con = _snapshot_of(tmp_path, articles)
    found = escalation_alerts(con, AlertOptions()).alerts
    assert [(a.source, a.target, a.day.isoformat(), a.score, a.events) for a in found] == expected
    for alert in found:
        # baseline: the quiet days Jan 16, 21, 26, 31 and Feb 5 score 2 each, in the 30 days before Feb 15
        assert alert.z >= 3 and alert.baseline_mean == pytest.approx(10 / 30, abs=0.01)


def test_a_steady_dyad_does_not_alert(tmp_path: Path) -> None:
    steady = [synthetic_article(f"s{d}", d, [Ev("RUS", "UKR", "190")]) for d in days("2022-01-01", 90)]
    assert escalation_alerts(_snapshot_of(tmp_path, steady)).total == 0


def test_copies_of_one_burst_are_one_burst(tmp_path: Path) -> None:
    articles = _quiet_then_burst("2022-02-15", 2)
    copies = [
        synthetic_article(f"copy{i}", "2022-02-15", [Ev("RUS", "UKR", "190")] * 2, trailer="burst") for i in range(4)
    ]
    found = escalation_alerts(_snapshot_of(tmp_path, [*articles, *copies])).alerts
    assert [(a.score, a.events) for a in found] == [(20.0, 2)]  # four copies of the two-attack text add nothing


def test_one_report_alone_does_not_alert(tmp_path: Path) -> None:
    assert escalation_alerts(_snapshot_of(tmp_path, _quiet_then_burst("2022-02-15", 1))).total == 0


def test_alert_lists_are_cut_with_their_total(tmp_path: Path) -> None:
    quiet = _quiet_then_burst("2022-02-15", 3)
    other = [synthetic_article(f"o{d}", d, [Ev("USA", "IRN", "190")] * 3) for d in ("2022-02-20", "2022-03-30")]
    found = escalation_alerts(_snapshot_of(tmp_path, [*quiet, *other]), limit=1)
    assert (len(found.alerts), found.total, found.more) == (1, 3, 2)
    assert found.alerts[0].day.isoformat() == "2022-03-30"  # newest first


# ---------------------------------------------------------------- claims ledger


def test_claims_ledger_groups_subjects_and_keeps_claimants_in_order(tmp_path: Path) -> None:
    def claim(value: float, subject: str, who: str | None) -> dict:
        source = {"start": 0, "end": 1, "text": who, "name": who} if who else None
        return {
            "start": 0,
            "end": 3,
            "text": f"{value:g}",
            "value": value,
            "unit": "troops",
            "subject": subject,
            "qualifier": None,
            "source": source,
        }

    con = _snapshot_of(
        tmp_path,
        [
            synthetic_article("1", "2022-01-03", text="a", claims=[claim(100000, "Russian troops", "Wire")]),
            synthetic_article("2", "2022-01-09", text="b", claims=[claim(130000, "the  russian troops", "Minister")]),
            synthetic_article("3", None, text="c", claims=[claim(90000, "Russian troops", None)]),
            synthetic_article("4", "2022-01-05", text="d", claims=[claim(5, "tanks", "Wire")]),
        ],
    )
    top = subjects(con)
    assert [(s["subject"], s["claims"], s["claimants"]) for s in top.rows] == [
        ("russian troops", 3, 3),
        ("tanks", 1, 1),
    ]
    entries = ledger(con, "russian troops", "troops").rows
    assert [(e["value"], e["claimant"], e["published"] and e["published"].isoformat()) for e in entries] == [
        (100000, "Wire", "2022-01-03"),
        (130000, "Minister", "2022-01-09"),
        (90000, "unattributed", None),
    ]


# ---------------------------------------------------------------- the app on the ingested fixture store


@pytest.fixture(scope="module")
def fixture_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    db = tmp_path_factory.mktemp("webapp") / "store.duckdb"
    ingest_fixtures(db)
    return db


@pytest.fixture(scope="module")
def client(fixture_db: Path) -> TestClient:
    return TestClient(create_app(fixture_db))


@pytest.mark.parametrize(
    "path",
    [
        "/",
        "/dyads",
        "/events",
        "/events?undated=1",
        "/network",
        "/map",
        "/search?q=Kharkiv",
        "/claims",
        "/quotes",
        "/quotes?speaker=Lavrov&about=NATO",
        "/alerts",
    ],
)
def test_pages_answer(client: TestClient, path: str) -> None:
    response = client.get(path)
    assert response.status_code == 200
    assert "https://" not in response.text.split("<main", 1)[0]  # the page loads nothing from elsewhere
    assert response.headers["content-security-policy"].startswith("default-src 'self'")


def test_quote_finder_finds_what_an_actor_said_about_whom(client: TestClient) -> None:
    found = client.get("/api/quotes", params={"speaker": "Lavrov", "about": "NATO"}).json()["quotes"]
    assert [q["text"] for q in found["rows"]] == ["NATO was arming Kyiv"]
    assert client.get("/api/quotes", params={"speaker": "Lavrov", "about": "Geneva"}).json()["quotes"]["total"] == 0


@pytest.mark.parametrize(
    ("path", "status"),
    [
        ("/articles/doesnotexist", 404),
        ("/articles/%3Cscript%3E", 404),
        ("/dyads/XXX/YYY", 404),
        ("/claims?subject=nothing+at+all", 404),
        ("/api/articles/doesnotexist", 404),
        ("/api/dyads/XXX/YYY", 404),
        ("/events?day=not-a-date", 422),
        ("/events?quad_class=9", 422),
        ("/nowhere", 404),
    ],
)
def test_unknown_ids_and_bad_parameters_are_error_pages(client: TestClient, path: str, status: int) -> None:
    response = client.get(path)
    assert response.status_code == status
    if path.startswith("/api/"):
        assert "detail" in response.json()
    elif status == 404:
        assert "404" in response.text and "<script>" not in response.text.split("</header>", 1)[1]


def test_hostile_article_text_is_escaped(client: TestClient) -> None:
    hit = client.get("/api/search", params={"q": "Hostile"}).json()["rows"][0]
    html = client.get(f"/articles/{hit['article_id']}").text
    assert "<script>window.__pwned" not in html and "&lt;script&gt;window.__pwned=1&lt;/script&gt;" in html
    assert "<img" not in html and "<b onmouseover" not in html
    assert "&lt;img src=x onerror=" in html


def test_every_event_in_a_dyad_links_to_its_sentence(client: TestClient) -> None:
    dyad = client.get("/api/overview").json()["top_dyads"]["rows"][0]
    page = client.get(f"/dyads/{dyad['source_code']}/{dyad['target_code']}").text
    events = client.get(f"/api/dyads/{dyad['source_code']}/{dyad['target_code']}").json()["events"]["rows"]
    for event in events:
        assert f"/articles/{event['article_id']}#e{event['idx']}" in page
        article = client.get(f"/articles/{event['article_id']}").text
        assert f'<a id="e{event["idx"]}" class="anchor"></a>' in article


def test_openapi_documents_the_api(client: TestClient) -> None:
    paths = client.get("/openapi.json").json()["paths"]
    assert {
        "/api/overview",
        "/api/dyads/{source}/{target}",
        "/api/articles/{article_id}",
        "/api/alerts",
        "/api/claims",
        "/api/quotes",
        "/api/map",
        "/api/network",
        "/api/search",
        "/api/events",
    } <= set(paths)
    assert client.get("/docs").status_code == 404  # its page would load scripts from a CDN


def test_the_server_never_writes_the_store(fixture_db: Path, client: TestClient) -> None:
    before = hashlib.sha256(fixture_db.read_bytes()).hexdigest()
    for path in ("/", "/network", "/map", "/claims", "/quotes", "/alerts", "/search?q=a"):
        client.get(path)
    assert client.post("/api/refresh").status_code == 200
    assert hashlib.sha256(fixture_db.read_bytes()).hexdigest() == before


# ---------------------------------------------------------------- serving while an ingest writes

WRITER = textwrap.dedent(
    """
    import sys, time, duckdb
    con = duckdb.connect(sys.argv[1])  # a writer, as `newsevents ingest` is: holds DuckDB's file lock
    print("locked", flush=True)
    sys.stdin.readline()
    con.execute("INSERT INTO articles (article_id, source_id, text, content_hash) VALUES ('late', 'late', 'x', 'h')")
    con.close()
    """
)


def test_refresh_while_an_ingest_writes_keeps_the_snapshot_and_says_busy(tmp_path: Path) -> None:
    db = tmp_path / "busy.duckdb"
    write_store(db, [synthetic_article("a", "2022-01-01", [Ev("RUS", "UKR", "190")])])
    app_client = TestClient(create_app(db))
    writer = subprocess.Popen(
        [sys.executable, "-c", WRITER, str(db)], stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True
    )
    try:
        assert writer.stdout is not None and writer.stdout.readline().strip() == "locked"
        refused = app_client.post("/api/refresh")
        assert refused.status_code == 503 and "being written" in refused.json()["detail"]
        assert app_client.get("/api/overview").json()["totals"]["articles"] == 1  # the old snapshot still served
        assert "store busy" in app_client.get("/").text
        with pytest.raises(StoreBusy):
            take_snapshot(db)
    finally:
        assert writer.stdin is not None
        writer.stdin.write("go\n")
        writer.stdin.close()
        writer.wait(30)
    assert app_client.post("/api/refresh").status_code == 200
    assert app_client.get("/api/overview").json()["totals"]["articles"] == 2


# ---------------------------------------------------------------- the CLI


def test_alerts_and_report_commands(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    db = tmp_path / "a.duckdb"
    write_store(db, _quiet_then_burst("2022-02-15", 3))
    assert cli(["alerts", "--db", str(db)]) == 0
    out = capsys.readouterr().out
    assert "2022-02-15  RUS → UKR  score 30" in out and "1 alerts" in out
    assert cli(["alerts", "--db", str(db), "--since", "2022-02-16"]) == 0
    assert "0 alerts" in capsys.readouterr().out
    report = tmp_path / "report.html"
    assert cli(["report", "--db", str(db), "--out", str(report)]) == 0
    html = report.read_text("utf-8")
    assert "<script" not in html and 'href="http' not in html and "RUS → UKR" in html
    assert "Escalation alerts" in html and "2022-02-15" in html


def test_report_escapes_hostile_text(fixture_db: Path, tmp_path: Path) -> None:
    report = tmp_path / "r.html"
    assert cli(["report", "--db", str(fixture_db), "--out", str(report)]) == 0
    html = report.read_text("utf-8")
    assert "<script" not in html
    assert "Claims ledger" in html and "Oleksii Reznikov" in html


@pytest.mark.parametrize("command", ["serve", "alerts", "report"])
def test_commands_name_a_missing_store(tmp_path: Path, command: str, capsys: pytest.CaptureFixture[str]) -> None:
    argv = [command, "--db", str(tmp_path / "none.duckdb")] + (
        ["--out", str(tmp_path / "r.html")] if command == "report" else []
    )
    assert cli(argv) == 1
    err = capsys.readouterr().err
    assert err.startswith("newsevents: error:") and "none.duckdb" in err and len(err.strip().splitlines()) == 1


def test_units_are_the_stories_event_groups_once_grouped(tmp_path: Path) -> None:
    """Two outlets' differently worded reports of one event are one unit after the stories step groups them."""
    from newsevents.analyze.stories import group_new_articles
    from newsevents.store import Store

    db = tmp_path / "g.duckdb"
    first = synthetic_article("a", "2022-04-02", [Ev("RUS", "UKR", "190")], url="https://one.example/a")
    second = synthetic_article(
        "b", "2022-04-02", [Ev("RUS", "UKR", "190"), Ev("UKR", "RUS", "111")], url="https://two.example/b"
    )
    write_store(db, [first, second])
    assert counts.totals(take_snapshot(db).cursor())["events"] == 3  # before grouping: different texts
    with Store.open(db) as store:
        group_new_articles(store)
    con = take_snapshot(db).cursor()
    assert counts.totals(con)["events"] == 2
    unit = counts.list_events(con, counts.EventFilter(source="RUS", target="UKR")).rows
    assert [(u["num_articles"], u["num_sources"], u["sources"]) for u in unit] == [
        (2, 2, ["one.example", "two.example"])
    ]


def test_fixture_copies_are_one_unit_with_both_sources(client: TestClient) -> None:
    found = client.get("/api/events", params={"source": "RUSMIL", "target": "UKR", "day": "2022-01-10"}).json()["rows"]
    assert [(e["num_articles"], e["sources"]) for e in found] == [(2, ["daily.example.org", "wire.example.com"])]


def test_claims_ledger_shows_who_claimed_what_when(client: TestClient) -> None:
    ledger_view = client.get("/api/claims", params={"subject": "russian troops", "unit": "troops"}).json()
    entries = [(e["claimant"], e["value"], e["published"]) for e in ledger_view["entries"]["rows"]]
    assert entries == [
        ("Oleksii Reznikov", 130000, "2022-01-10"),  # the copied story's claim is listed once
        ("Kremlin", 100000, "2022-01-12"),
        ("NATO", 120000, "2022-01-14"),
    ]
