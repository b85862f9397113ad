"""`newsevents ingest --engine ray` through the real CLI: the local runner's tables, from a Ray
started here, from a two-node Ray cluster on loopback joined by `--address`, and after a kill.

Slow (Ray start-up, one model per actor) but run by `make test`; skipped without the `ray` extra.
"""

from __future__ import annotations

import contextlib
import io
import json
import os
import secrets
import signal
import socket
import subprocess
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import duckdb
import pytest

from tests.test_ingest_cli import NEWSEVENTS, run, tables

RAY = NEWSEVENTS.parent / "ray"
pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(not RAY.exists(), reason="the ray extra is not installed in .venv"),
]
ENV = {**os.environ, "RAY_USAGE_STATS_ENABLED": "0"}
# The loopback cluster requires a token, as a real one should: a fresh one, given to its nodes and clients.
CLUSTER_AUTH = {"RAY_AUTH_MODE": "token", "RAY_AUTH_TOKEN": secrets.token_hex(32)}

SUBJECTS = (
    "Russian troops",
    "The French president",
    "Ukrainian officials",
    "China's foreign minister",
    "Israeli forces",
)
ACTIONS = (
    "shelled positions near Kharkiv",
    "met European Union officials in Brussels",
    "accused Moscow of breaking the ceasefire",
    "threatened new sanctions against Iran",
    "promised humanitarian aid to Poland",
    "signed a trade agreement with Japan",
)
DAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday")


def story(number: int) -> str:
    subject = SUBJECTS[number % len(SUBJECTS)]
    action = ACTIONS[number % len(ACTIONS)]
    return (
        f"{subject} {action} on {DAYS[number % len(DAYS)]}, officials said. "
        f'"We will not back down," a spokesman told reporters in report number {number}. '
        f"About {(number + 1) * 150} soldiers were moved to the border, the ministry said.\n"
    )


def write_warc(path: Path, first: int, count: int) -> None:
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    with path.open("wb") as stream:
        writer = WARCWriter(stream, gzip=True)
        for number in range(first, first + count):
            page = f"<html><head><title>Report {number}</title></head><body><article><p>{story(number)}</p>"
            page += "<p>Talks are expected to resume next week in Geneva, diplomats said.</p></article></body></html>"
            headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html; charset=utf-8")], protocol="HTTP/1.1")
            record = writer.create_warc_record(
                f"https://news.example/{number}", "response", payload=io.BytesIO(page.encode()), http_headers=headers
            )
            writer.write_record(record)


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """60 articles: 40 text files, 15 JSONL records, 5 WARC records; plus two inputs to reject."""
    folder = tmp_path_factory.mktemp("ray-corpus")
    for number in range(40):
        (folder / f"story{number:02}.txt").write_text(story(number), "utf-8")
    lines = [json.dumps({"id": f"wire-{n}", "text": story(n), "published": "2022-01-28"}) for n in range(40, 55)]
    (folder / "wire.jsonl").write_text("\n".join([*lines[:7], "{not json", *lines[7:]]) + "\n", "utf-8")
    write_warc(folder / "crawl.warc.gz", 55, 5)
    (folder / "broken.txt").write_bytes(b"\x00\x01 not text \x00")  # binary: rejected
    return folder


@pytest.fixture(scope="module")
def reference(corpus: Path, tmp_path_factory: pytest.TempPathFactory) -> dict[str, list[tuple[Any, ...]]]:
    db = tmp_path_factory.mktemp("reference") / "local.duckdb"
    result = run("ingest", corpus, "--db", db, "--engine", "local", "--workers", "2", check_code=2)
    assert "60 articles stored" in result.stdout
    return engine_tables(db)


def engine_tables(db: Path) -> dict[str, list[tuple[Any, ...]]]:
    """Every table (see `tables`), each article's story named by its story's smallest article id.

    A story is named after the first article grouped into it, and Ray commits chunks as they finish,
    not in input order: the same stories can be named after another of their copies (docs/store.md).
    The partition of articles into stories is what must be equal.
    """
    result = tables(db)
    with duckdb.connect(str(db), read_only=True) as con:
        columns = [r[0] for r in con.execute("DESCRIBE articles").fetchall()]
        canonical = dict(
            con.execute("SELECT article_id, min(article_id) OVER (PARTITION BY story_id) FROM articles").fetchall()
        )
    story, article = columns.index("story_id"), columns.index("article_id")
    result["articles"] = sorted(
        ((*row[:story], canonical[row[article]], *row[story + 1 :]) for row in result["articles"]), key=repr
    )
    return result


def ray_ingest(corpus: Path, db: Path, *extra: str, check_code: int = 2) -> subprocess.CompletedProcess[str]:
    args = ["ingest", corpus, "--db", db, "--engine", "ray", "--workers", "2", "--chunk-size", "4", *extra]
    return run(*args, check_code=check_code)


def test_ray_on_this_machine_gives_the_local_runners_tables(
    corpus: Path, reference: dict[str, list[tuple[Any, ...]]], tmp_path: Path
) -> None:
    db = tmp_path / "ray.duckdb"
    result = ray_ingest(corpus, db, "--log-every", "0")
    assert "60 articles stored (0 skipped" in result.stdout
    assert "2 rejected" in result.stdout
    # progress by bytes as shards commit: every file counted (43), and an ETA from the bytes read
    progress = [line for line in result.stderr.splitlines() if line.startswith("newsevents: stored")]
    assert progress and all(", ETA " in line for line in progress)
    assert "43/43 files" in progress[-1]
    assert engine_tables(db) == reference
    assert len(reference["articles"]) == 60 and len(reference["events"]) > 60
    assert not list((tmp_path / "ray.duckdb.shards").iterdir())  # every shard committed, then removed

    again = ray_ingest(corpus, db)
    assert "0 articles stored (60 skipped" in again.stdout
    assert engine_tables(db) == reference


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def start_node(args: list[str], log: Path) -> subprocess.Popen[bytes]:
    """`ray start --block` in its own process group, so that teardown ends exactly its processes."""
    with log.open("wb") as out:
        return subprocess.Popen(
            [str(RAY), "start", "--block", "--disable-usage-stats", *args],
            stdout=out,
            stderr=subprocess.STDOUT,
            env={**ENV, **CLUSTER_AUTH},
            start_new_session=True,
        )


def stop_node(node: subprocess.Popen[bytes]) -> None:
    for sig, wait in ((signal.SIGTERM, 20), (signal.SIGKILL, 10)):
        try:
            os.killpg(node.pid, sig)
        except ProcessLookupError:
            return
        try:
            node.wait(timeout=wait)
            time.sleep(1)  # the group's other processes exit after its leader
        except subprocess.TimeoutExpired:
            continue
    with contextlib.suppress(ProcessLookupError):
        os.killpg(node.pid, signal.SIGKILL)  # anything left in the group


def node_args(extra: list[str]) -> list[str]:
    return [
        "--node-ip-address", "127.0.0.1", "--num-cpus", "1", "--object-store-memory", str(200 * 1024 * 1024),
        "--dashboard-agent-listen-port", str(free_port()), "--metrics-export-port", str(free_port()), *extra,
    ]  # fmt: skip


def wait_for_nodes(gcs: str, nodes: int, timeout: float = 120) -> None:
    deadline = time.monotonic() + timeout
    status = ""
    while time.monotonic() < deadline:
        command = [str(RAY), "status", "--address", gcs]
        done = subprocess.run(command, capture_output=True, text=True, env={**ENV, **CLUSTER_AUTH}, timeout=60)
        status = done.stdout + done.stderr[-2000:]
        active = status.split("Active:")[-1].split("Pending:")[0] if "Active:" in status else ""
        if active.count("node_") >= nodes:
            return
        time.sleep(2)
    raise AssertionError(f"Ray cluster at {gcs} did not reach {nodes} nodes in {timeout}s:\n{status}")


@pytest.fixture
def loopback_cluster(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[str]:
    """A head and a worker node, two `ray start` processes on 127.0.0.1; the GCS address.
    Each is stopped by signalling its own process group (not `ray stop`, which ends every Ray
    process on the machine, whoever started it)."""
    for name, value in CLUSTER_AUTH.items():
        monkeypatch.setenv(name, value)  # for the `newsevents ingest` that joins it
    port = free_port()
    gcs = f"127.0.0.1:{port}"
    head_extra = ["--head", "--port", str(port), "--include-dashboard", "false"]
    head_extra += ["--ray-client-server-port", str(free_port())]
    nodes = [start_node(node_args(head_extra), tmp_path / "head.log")]
    try:
        wait_for_nodes(gcs, 1)
        nodes.append(start_node(node_args(["--address", gcs]), tmp_path / "worker.log"))
        wait_for_nodes(gcs, 2)
        yield gcs
    finally:
        for node in reversed(nodes):
            stop_node(node)


def test_a_two_node_cluster_joined_by_address_gives_the_same_tables(
    corpus: Path, reference: dict[str, list[tuple[Any, ...]]], loopback_cluster: str, tmp_path: Path
) -> None:
    db = tmp_path / "cluster.duckdb"
    result = ray_ingest(corpus, db, "--address", loopback_cluster)
    assert "60 articles stored (0 skipped" in result.stdout
    assert engine_tables(db) == reference


def kill_ray_ingest_after(corpus: Path, db: Path, at_least: int) -> int:
    """Start a Ray ingest in its own process group and SIGKILL the whole group (driver and the Ray
    it started) once `at_least` articles are committed; the count at the kill."""
    args = [str(NEWSEVENTS), "ingest", str(corpus), "--db", str(db), "--engine", "ray", "--workers", "2"]
    process = subprocess.Popen(
        [*args, "--chunk-size", "2", "--log-every", "0"],
        stderr=subprocess.PIPE,
        stdout=subprocess.DEVNULL,
        text=True,
        env=ENV,
        start_new_session=True,
    )
    assert process.stderr is not None
    stored, deadline = 0, time.monotonic() + 300
    try:
        while stored < at_least and time.monotonic() < deadline:
            line = process.stderr.readline()
            if not line:
                break
            if line.startswith("newsevents: stored "):
                stored = int(line.split()[2])
    finally:
        os.killpg(process.pid, signal.SIGKILL)
        process.wait(timeout=60)
    assert process.returncode == -signal.SIGKILL, f"the run ended before it could be killed: {process.stderr.read()}"
    return stored


def test_a_killed_ray_ingest_resumes_storing_nothing_twice_and_losing_nothing(
    corpus: Path, reference: dict[str, list[tuple[Any, ...]]], tmp_path: Path
) -> None:
    db = tmp_path / "resumed.duckdb"
    killed_at = kill_ray_ingest_after(corpus, db, at_least=6)
    partial = engine_tables(db)
    assert 6 <= killed_at <= len(partial["articles"]) < 60  # stopped part way, committed work kept
    assert {row[0] for row in partial["events"]} <= {row[0] for row in partial["articles"]}

    result = ray_ingest(corpus, db)
    assert engine_tables(db) == reference
    stored = int(result.stdout.split("newsevents: ")[1].split()[0])
    assert len(partial["articles"]) + stored == 60  # what the kill left behind was not stored twice
