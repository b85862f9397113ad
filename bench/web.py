"""Dashboard API response times on a synthetic store, measured from a second process.

    .venv/bin/python bench/web.py --events 1000000 --db /tmp/web-bench.duckdb

1. builds (once; reused when the file exists) a store of `--events` synthetic events, 5 per
   article, spread over two years, 80 actors, 120 places, real CAMEO codes, quotes and claims;
2. starts `newsevents serve` on it on 127.0.0.1 (a separate process, as a user runs it);
3. runs the load client (`bench/web.py client`, a third process) that requests each API route
   `--requests` times over one keep-alive connection and prints median and p95 per route.
The snapshot time (store → memory, `event_units` built) is reported as the serve start-up time.
"""

from __future__ import annotations

import argparse
import datetime as dt
import http.client
import json
import random
import statistics
import subprocess
import sys
import time
from pathlib import Path

import pyarrow as pa

from newsevents.extract.events.codebook import codebook
from newsevents.store import Store

ROUTES = [
    "/api/status",
    "/api/overview",
    "/api/alerts?since=2023-06-01",
    "/api/dyads/{dyad}",
    "/api/events?source={source}&limit=100",
    "/api/events?month=2023-03&quad_class=4&limit=100",
    "/api/network",
    "/api/map",
    "/api/search?q=harbour",
    "/api/quotes?speaker=Minister&about=talks",
    "/api/claims",
    "/api/articles/{article}",
]
EVENTS_PER_ARTICLE = 5


def build_store(path: Path, events: int, seed: int = 7) -> None:
    rng = random.Random(seed)
    codes = [c for c in codebook().values() if len(c.code) == 3]
    actors = [
        f"{country}{sector}"
        for country in (
            "RUS",
            "UKR",
            "USA",
            "CHN",
            "FRA",
            "DEU",
            "GBR",
            "TUR",
            "IRN",
            "ISR",
            "SYR",
            "IND",
            "PAK",
            "JPN",
            "KOR",
            "PRK",
        )
        for sector in ("GOV", "MIL", "REB", "OPP", "BUS")
    ]
    places = [(f"Town {i}", rng.uniform(-50, 65), rng.uniform(-120, 140)) for i in range(120)]
    articles = events // EVENTS_PER_ARTICLE
    start = dt.date(2022, 1, 1)
    with Store.open(path) as store:
        for first in range(0, articles, 20_000):
            chunk = range(first, min(first + 20_000, articles))
            tables = _chunk_tables(chunk, rng, codes, actors, places, start)
            store.con.begin()
            for name, table in tables.items():
                store.con.register("_t", table)
                store.con.execute(f"INSERT INTO {name} BY NAME SELECT * FROM _t")
                store.con.unregister("_t")
            store.con.commit()
            print(f"bench: {chunk.stop * EVENTS_PER_ARTICLE:,} events stored", file=sys.stderr)


def _chunk_tables(
    chunk: range, rng: random.Random, codes: list, actors: list[str], places: list, start: dt.date
) -> dict[str, pa.Table]:
    art: dict[str, list] = {
        k: [] for k in ("article_id", "source_id", "url", "title", "published", "text", "content_hash")
    }
    ev: dict[str, list] = {
        k: []
        for k in (
            "article_id",
            "idx",
            "sentence_start",
            "sentence_end",
            "trigger_start",
            "trigger_end",
            "trigger_text",
            "source_code",
            "source_name",
            "target_code",
            "target_name",
            "cameo",
            "root",
            "quad_class",
            "goldstein",
            "modality",
            "date",
            "place_name",
            "place_lat",
            "place_lon",
        )
    }
    quotes: dict[str, list] = {
        k: [] for k in ("article_id", "idx", "char_start", "char_end", "text", "kind", "speaker_name")
    }
    claims: dict[str, list] = {
        k: []
        for k in ("article_id", "idx", "char_start", "char_end", "text", "value", "unit", "subject", "source_name")
    }
    for n in chunk:
        aid = f"{n:020x}"
        day = start + dt.timedelta(days=rng.randrange(730))
        sentences = []
        for i in range(EVENTS_PER_ARTICLE):
            code = rng.choice(codes)
            src, tgt = rng.sample(actors[:30] if rng.random() < 0.8 else actors, 2)
            sentence = f"{src} {code.name.lower()} {tgt} near the harbour. "
            offset = sum(len(s) for s in sentences)
            sentences.append(sentence)
            place = rng.choice(places)
            for key, value in (
                ("article_id", aid),
                ("idx", i),
                ("sentence_start", offset),
                ("sentence_end", offset + len(sentence) - 1),
                ("trigger_start", offset + len(src) + 1),
                ("trigger_end", offset + len(src) + 1 + len(code.name)),
                ("trigger_text", code.name.lower()),
                ("source_code", src),
                ("source_name", src),
                ("target_code", tgt),
                ("target_name", tgt),
                ("cameo", code.code),
                ("root", code.root),
                ("quad_class", code.quad_class),
                ("goldstein", code.goldstein),
                ("modality", "asserted"),
                ("date", day.isoformat()),
                ("place_name", place[0]),
                ("place_lat", place[1]),
                ("place_lon", place[2]),
            ):
                ev[key].append(value)
        quote = '"We want talks," the Minister said. '
        claim = f"{rng.randrange(10, 100000)} troops were deployed. "
        text = "".join(sentences) + quote + claim
        for key, value in (
            ("article_id", aid),
            ("source_id", f"synthetic-{n}"),
            ("url", f"https://site{n % 40}.example/{n}"),
            ("title", f"Synthetic article {n}"),
            ("published", day),
            ("text", text),
            ("content_hash", aid),
        ):
            art[key].append(value)
        q_at = len("".join(sentences))
        for key, value in (
            ("article_id", aid),
            ("idx", 0),
            ("char_start", q_at),
            ("char_end", q_at + 16),
            ("text", "We want talks,"),
            ("kind", "direct"),
            ("speaker_name", f"Minister {n % 25}"),
        ):
            quotes[key].append(value)
        c_at = q_at + len(quote)
        for key, value in (
            ("article_id", aid),
            ("idx", 0),
            ("char_start", c_at),
            ("char_end", c_at + len(claim) - 1),
            ("text", claim.strip()),
            ("value", float(claim.split()[0])),
            ("unit", "troops"),
            ("subject", "troops deployed"),
            ("source_name", f"Minister {n % 25}"),
        ):
            claims[key].append(value)
    return {
        name: pa.table(cols)
        for name, cols in (("articles", art), ("events", ev), ("quotes", quotes), ("claims", claims))
    }


def client(base: str, requests: int, substitutions: dict[str, str]) -> dict[str, dict[str, float]]:
    """Each route `requests` times, sequentially, on one keep-alive connection.

    The first request of a route computes its view on the snapshot ("cold"); the server keeps views per
    snapshot, so the rest measure a cached answer ("warm": median and p95 in ms).
    """
    host, port = base.split(":")
    con = http.client.HTTPConnection(host, int(port), timeout=120)
    results: dict[str, dict[str, float]] = {}
    for route in ROUTES:
        path = route.format(**substitutions)
        times = []
        for _ in range(requests):
            began = time.perf_counter()
            con.request("GET", path)
            response = con.getresponse()
            response.read()
            times.append((time.perf_counter() - began) * 1000)
            if response.status != 200:
                raise SystemExit(f"bench: {path} answered {response.status}")
        cold, warm = times[0], sorted(times[1:]) or times
        results[route] = {
            "cold_ms": cold,
            "median_ms": statistics.median(warm),
            "p95_ms": warm[max(int(len(warm) * 0.95) - 1, 0)],
        }
    return results


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("mode", nargs="?", default="run", choices=["run", "client"])
    parser.add_argument("--db", type=Path, default=Path("/tmp/web-bench.duckdb"))
    parser.add_argument("--events", type=int, default=1_000_000)
    parser.add_argument("--requests", type=int, default=30)
    parser.add_argument("--port", type=int, default=8765)
    parser.add_argument("--subs", default="{}")
    args = parser.parse_args()
    if args.mode == "client":
        print(json.dumps(client(f"127.0.0.1:{args.port}", args.requests, json.loads(args.subs))))
        return
    run(args)


def run(args: argparse.Namespace) -> None:
    if not args.db.exists():
        began = time.perf_counter()
        build_store(args.db, args.events)
        print(f"bench: store built in {time.perf_counter() - began:.0f} s", file=sys.stderr)
    newsevents = Path(sys.executable).with_name("newsevents")
    began = time.perf_counter()
    server = subprocess.Popen([str(newsevents), "serve", "--db", str(args.db), "--port", str(args.port)])
    try:
        startup = _wait_ready(args.port, began)
        subs = _substitutions(args.port)
        out = subprocess.run(
            [
                sys.executable,
                __file__,
                "client",
                "--port",
                str(args.port),
                "--requests",
                str(args.requests),
                "--subs",
                json.dumps(subs),
            ],
            check=True,
            capture_output=True,
            text=True,
        )
        results = json.loads(out.stdout)
    finally:
        server.terminate()
        server.wait(30)
    print(
        f"store: {args.db} ({args.db.stat().st_size / 1e6:.0f} MB); serve start-up (snapshot) {startup:.1f} s; "
        f"{args.requests} requests per route"
    )
    print("| route | first request (cold) ms | median ms (warm) | p95 ms (warm) |\n|---|---:|---:|---:|")
    for route, figures in results.items():
        print(
            f"| `{route.format(**subs)}` | {figures.get('cold_ms', float('nan')):.0f} | "
            f"{figures['median_ms']:.1f} | {figures['p95_ms']:.1f} |"
        )


def _wait_ready(port: int, began: float) -> float:
    while time.perf_counter() - began < 900:
        try:
            con = http.client.HTTPConnection("127.0.0.1", port, timeout=5)
            con.request("GET", "/api/status")
            if con.getresponse().status == 200:
                return time.perf_counter() - began
        except OSError:
            time.sleep(0.5)
    raise SystemExit("bench: server did not start")


def _substitutions(port: int) -> dict[str, str]:
    con = http.client.HTTPConnection("127.0.0.1", port, timeout=120)
    con.request("GET", "/api/overview?dyads=1")
    top = json.loads(con.getresponse().read())["top_dyads"]["rows"][0]
    con.request("GET", f"/api/events?source={top['source_code']}&limit=1")
    first = json.loads(con.getresponse().read())["rows"][0]
    return {
        "dyad": f"{top['source_code']}/{top['target_code']}",
        "source": top["source_code"],
        "article": first["article_id"],
    }


if __name__ == "__main__":
    main()
