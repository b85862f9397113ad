"""The dashboard in a real headless Chromium (Debian's chromium + chromium-driver, driven by Selenium).

The server is the real `newsevents serve` in its own process, on a store ingested from the fixture
articles. Set NEWSEVENTS_SCREENSHOTS=docs/screenshots to refresh the screenshots in the docs.
"""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from tests.web_support import ingest_fixtures

CHROMIUM = Path("/usr/bin/chromium")
CHROMEDRIVER = Path("/usr/bin/chromedriver")
FLAGS = (
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--window-size=1280,900",
)

webdriver = pytest.importorskip("selenium.webdriver", reason="selenium is not installed (pip install -e '.[dev]')")
if not (CHROMIUM.exists() and CHROMEDRIVER.exists()):
    pytest.skip(
        "Debian chromium and chromium-driver are not installed (`make browsers` as root installs them)",
        allow_module_level=True,
    )

from selenium.webdriver.chrome.service import Service  # noqa: E402
from selenium.webdriver.common.by import By  # noqa: E402


@pytest.fixture(scope="module")
def web_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    db = tmp_path_factory.mktemp("web") / "store.duckdb"
    ingest_fixtures(db)
    return db


@pytest.fixture(scope="module")
def server(web_db: Path) -> Iterator[str]:
    db = web_db
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    newsevents = Path(sys.executable).with_name("newsevents")
    process = subprocess.Popen([str(newsevents), "serve", "--db", str(db), "--port", str(port)])
    base = f"http://127.0.0.1:{port}"
    try:
        _wait(base, process)
        yield base
    finally:
        process.terminate()
        process.wait(20)


def _wait(base: str, process: subprocess.Popen[bytes]) -> None:
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"newsevents serve exited with {process.returncode}")
        try:
            with urllib.request.urlopen(base + "/api/status", timeout=2) as response:
                if response.status == 200:
                    return
        except OSError:
            time.sleep(0.3)
    raise RuntimeError("newsevents serve did not answer within 60 s")


@pytest.fixture(scope="module")
def browser(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Any]:
    options = webdriver.ChromeOptions()
    options.binary_location = str(CHROMIUM)
    for flag in FLAGS:
        options.add_argument(flag)
    options.add_argument(f"--user-data-dir={tmp_path_factory.mktemp('chromium-profile')}")
    driver = webdriver.Chrome(service=Service(executable_path=str(CHROMEDRIVER)), options=options)
    try:
        yield driver
    finally:
        driver.quit()


def _shot(driver: Any, name: str, tmp_path: Path) -> Path:
    folder = Path(os.environ.get("NEWSEVENTS_SCREENSHOTS") or tmp_path)
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"{name}.png"
    driver.save_screenshot(str(path))
    return path


def _reports_and_groups(db: Path) -> tuple[int, int, int]:
    """Event rows in the store, event groups (events counted once), and event rows of copied articles."""
    import duckdb

    with duckdb.connect(str(db), read_only=True) as con:
        reports = con.execute("SELECT count(*) FROM events").fetchall()[0][0]
        groups = con.execute("SELECT count(*) FROM event_groups").fetchall()[0][0]
        copied = con.execute(
            "SELECT count(*) FROM events JOIN story_signatures s USING (article_id) WHERE s.story_id <> s.article_id"
        ).fetchall()[0][0]
    return int(reports), int(groups), int(copied)


def test_overview_to_dyad_to_event_to_its_highlighted_sentence(
    server: str, browser: Any, tmp_path: Path, web_db: Path
) -> None:
    driver = browser
    driver.get(server + "/")
    assert driver.find_element(By.TAG_NAME, "h1").text == "Overview"
    totals = driver.find_element(By.CLASS_NAME, "totals").text
    assert "6 articles (1 undated)" in totals
    reports, groups, copied = _reports_and_groups(web_db)
    assert copied > 0  # the fixtures hold a copied wire story, whose events count once: with the original's
    assert groups <= reports - copied
    assert f"{groups} events" in totals and f"from {reports} reports" in totals
    _shot(driver, "overview", tmp_path)

    first_dyad = driver.find_element(By.CSS_SELECTOR, "#top-dyads a.dyad")
    source = first_dyad.text
    first_dyad.click()
    heading = driver.find_element(By.TAG_NAME, "h2").text
    assert heading.startswith(f"{source} → ")
    assert driver.find_elements(By.CSS_SELECTOR, "svg.bars rect")
    _shot(driver, "dyad", tmp_path)

    row = driver.find_element(By.CSS_SELECTOR, "table.events tbody tr")
    trigger = row.find_elements(By.TAG_NAME, "td")[2].text.split(" ", 1)[1]
    row.find_element(By.CSS_SELECTOR, "a.to-sentence").click()
    assert "/articles/" in driver.current_url and "#e" in driver.current_url
    focused = driver.find_elements(By.CSS_SELECTOR, "#article-text .seg.focus")
    sentence = "".join(el.text for el in focused)
    assert trigger in sentence
    assert all(el.is_displayed() for el in focused)
    key = driver.current_url.rsplit("#", 1)[1]
    explained = driver.find_element(By.ID, f"explain-{key}")
    assert "CAMEO" in explained.text and "Goldstein" in explained.text and "modality" in explained.text
    _shot(driver, "article", tmp_path)


@pytest.mark.parametrize(
    ("path", "expect", "name"),
    [
        ("/network", "Actor network", "network"),
        ("/map", "Where events happened", "map"),
        ("/search?q=Kharkiv", "articles contain", "search"),
        ("/claims", "Claims ledger", "claims"),
        ("/claims?subject=russian+troops&unit=troops", "Oleksii Reznikov", "ledger"),
        ("/quotes?speaker=Reznikov", "We will defend every village", "quotes"),
        ("/events?undated=1", "undated", "events"),
        ("/alerts", "Escalation alerts", "alerts"),
    ],
)
def test_each_page_shows_its_view(server: str, browser: Any, tmp_path: Path, path: str, expect: str, name: str) -> None:
    browser.get(server + path)
    assert expect in browser.find_element(By.TAG_NAME, "main").text
    assert not browser.find_elements(By.CSS_SELECTOR, "h1.error")
    _shot(browser, name, tmp_path)


def test_map_draws_bundled_outline_and_places(server: str, browser: Any) -> None:
    browser.get(server + "/map")
    assert browser.find_elements(By.CSS_SELECTOR, "svg.map path.land")
    dots = browser.find_elements(By.CSS_SELECTOR, "svg.map circle.place")
    assert len(dots) >= 3  # Kharkiv, Donetsk, Geneva, Mariupol, ...


def test_hostile_article_is_shown_as_text_and_runs_nothing(server: str, browser: Any, tmp_path: Path) -> None:
    browser.get(server + "/search?q=Hostile")
    browser.find_element(By.CSS_SELECTOR, "a.article").click()
    text = browser.find_element(By.ID, "article-text").text
    assert "<script>window.__pwned=1</script>" in text
    assert 'onerror="window.__pwned=2"' in text
    assert "<script>" in browser.find_element(By.TAG_NAME, "h1").text
    assert browser.find_elements(By.CSS_SELECTOR, "#article-text .seg.k-trigger")  # marked up, and still only text
    assert browser.execute_script("return window.__pwned === undefined")
    assert not browser.find_elements(By.CSS_SELECTOR, "#article-text img, #article-text b")
    _shot(browser, "hostile", tmp_path)


def test_unknown_article_is_a_404_page(server: str, browser: Any) -> None:
    browser.get(server + "/articles/0000000000")
    assert "404" in browser.find_element(By.TAG_NAME, "h1").text
    assert "Back to the overview" in browser.find_element(By.TAG_NAME, "main").text


def test_no_request_leaves_the_machine(server: str, browser: Any) -> None:
    """Every resource a page loads comes from the dashboard itself (no CDN)."""
    browser.get(server + "/")
    sources = browser.execute_script("return performance.getEntriesByType('resource').map(e => e.name)")
    assert sources and all(s.startswith(server) for s in sources)
