"""Every input format `ingest` reads, from small fixtures written here; broken inputs are rejected."""

from __future__ import annotations

import datetime as dt
import gzip
import io
import json
from pathlib import Path

import pytest
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from newsevents.ingest.identity import identify
from newsevents.ingest.readers import detect_format, expand_paths, read_inputs
from newsevents.ingest.warc import page_date
from newsevents.types import Article, Rejected

STORY = "Russian troops massed near the border on Monday.\n\nUkraine's foreign minister called for talks."
PAGE = (
    "<html><head><title>Border tension</title>"
    '<meta property="article:published_time" content="2022-01-27T08:00:00Z"></head>'
    f"<body><article><p>{STORY}</p></article></body></html>"
)
UNDATED_PAGE = PAGE.replace('<meta property="article:published_time" content="2022-01-27T08:00:00Z">', "")

RSS = f"""<?xml version="1.0" encoding="utf-8"?>
<rss version="2.0"><channel><title>Wire</title><link>https://news.example/</link>
<item><title>Troops mass</title><link>https://news.example/a</link><guid>wire-1</guid>
<pubDate>Fri, 28 Jan 2022 09:00:00 GMT</pubDate><description>&lt;p&gt;{STORY}&lt;/p&gt;</description></item>
<item><title>No body</title><link>https://news.example/b</link></item>
<item><title>Link only id</title><link>https://news.example/c</link><description>Talks were held.</description></item>
</channel></rss>"""

ATOM = f"""<?xml version="1.0" encoding="utf-8"?>
<feed xmlns="http://www.w3.org/2005/Atom"><title>Wire</title><id>urn:wire</id><updated>2022-01-28T00:00:00Z</updated>
<entry><title>Troops mass</title><id>urn:wire:1</id><link href="https://news.example/atom-1"/>
<updated>2022-01-26T09:00:00Z</updated><content type="html">&lt;p&gt;{STORY}&lt;/p&gt;</content></entry>
</feed>"""


def warc_bytes(compress: bool) -> bytes:
    """A WARC with one HTML response, one undated HTML response, an image, a 404 and a request."""
    buffer = io.BytesIO()
    writer = WARCWriter(buffer, gzip=compress)
    responses = [
        ("https://news.example/dated", "200 OK", "text/html; charset=utf-8", PAGE.encode()),
        ("https://news.example/undated", "200 OK", "text/html", UNDATED_PAGE.encode()),
        ("https://news.example/logo.png", "200 OK", "image/png", b"\x89PNG\r\n\x1a\n" + bytes(64)),
        ("https://news.example/gone", "404 Not Found", "text/html", b"<html><body>Not found</body></html>"),
    ]
    for uri, status, content_type, body in responses:
        headers = StatusAndHeaders(status, [("Content-Type", content_type)], protocol="HTTP/1.1")
        record = writer.create_warc_record(
            uri, "response", payload=io.BytesIO(body), http_headers=headers,
            warc_headers_dict={"WARC-Date": "2022-01-28T12:00:00Z"},
        )  # fmt: skip
        writer.write_record(record)
    request = StatusAndHeaders("GET /dated HTTP/1.1", [("Host", "news.example")], is_http_request=True)
    writer.write_record(
        writer.create_warc_record(
            "https://news.example/dated", "request", payload=io.BytesIO(b""), http_headers=request
        )
    )
    return buffer.getvalue()


def jsonl_bytes() -> bytes:
    lines = [
        {"id": "j1", "text": STORY, "published": "2022-01-25", "url": "https://news.example/j1", "title": "J1"},
        {"id": "j2", "html": PAGE},
    ]
    return ("\n".join(json.dumps(line) for line in lines) + "\n{broken\n").encode()


def only_articles(items: list[Article | Rejected]) -> list[Article]:
    return [item for item in items if isinstance(item, Article)]


def read(path: Path) -> list[Article | Rejected]:
    return list(read_inputs([path], published=dt.date(2000, 1, 1)))


@pytest.mark.parametrize(
    ("name", "content", "expected"),
    [
        ("story.txt", STORY.encode(), [("story.txt", "text", None, None, dt.date(2000, 1, 1))]),
        ("page.html", PAGE.encode(), [("page.html", "html", None, None, dt.date(2000, 1, 1))]),
        (
            "feed.rss",
            RSS.encode(),
            [
                ("wire-1", "text", "https://news.example/a", "Troops mass", dt.date(2022, 1, 28)),
                ("https://news.example/c", "text", "https://news.example/c", "Link only id", dt.date(2000, 1, 1)),
            ],
        ),
        (
            "feed.atom",
            ATOM.encode(),
            [("urn:wire:1", "text", "https://news.example/atom-1", "Troops mass", dt.date(2022, 1, 26))],
        ),
        (
            "data.jsonl",
            jsonl_bytes(),
            [
                ("j1", "text", "https://news.example/j1", "J1", dt.date(2022, 1, 25)),
                ("j2", "html", None, None, dt.date(2000, 1, 1)),
            ],
        ),
    ],
)
@pytest.mark.parametrize("compress", [False, True], ids=["plain", "gzip"])
def test_each_format_gives_its_articles(
    tmp_path: Path, name: str, content: bytes, expected: list[tuple[object, ...]], compress: bool
) -> None:
    path = tmp_path / (name + ".gz" if compress else name)
    path.write_bytes(gzip.compress(content) if compress else content)
    articles = only_articles(read(path))
    # the input's own date, else the --date given as the fallback (`default_published`)
    got = [
        (a.id, "text" if a.text is not None else "html", a.url, a.title, a.published or a.default_published)
        for a in articles
    ]
    want = [(str(path) if i in ("story.txt", "page.html") else i, *rest) for i, *rest in expected]
    assert got == want
    assert all(a.source and a.source.startswith(str(path)) for a in articles)


def test_feed_item_text_is_the_fragment_as_plain_paragraphs(tmp_path: Path) -> None:
    path = tmp_path / "feed.xml"
    path.write_bytes(RSS.encode())
    items = read(path)
    assert only_articles(items)[0].text == STORY
    assert [r.message() for r in items if isinstance(r, Rejected)] == [
        f"{path}#item2: feed item has no content or summary"
    ]


@pytest.mark.parametrize("compress", [False, True], ids=["warc", "warc.gz"])
def test_warc_html_responses_become_articles(tmp_path: Path, compress: bool) -> None:
    path = tmp_path / ("crawl.warc.gz" if compress else "crawl.warc")
    path.write_bytes(warc_bytes(compress))
    items = read(path)
    assert not [i for i in items if isinstance(i, Rejected)]
    articles = only_articles(items)
    assert [(a.url, a.published) for a in articles] == [
        ("https://news.example/dated", dt.date(2022, 1, 27)),  # the page's own date wins
        ("https://news.example/undated", dt.date(2022, 1, 28)),  # else the WARC-Date
    ]
    assert all(a.id.startswith("<urn:uuid:") and a.html and STORY.split()[0] in a.html for a in articles)
    assert len({a.id for a in articles}) == 2


@pytest.mark.parametrize(
    ("crawled", "expected"),
    [
        (dt.date(2022, 1, 28), dt.date(2022, 1, 27)),  # stated date before the crawl: the publication date
        (dt.date(2022, 1, 20), None),  # a page cannot be published after it was crawled
    ],
)
def test_page_date_is_never_after_the_crawl(crawled: dt.date, expected: dt.date | None) -> None:
    assert page_date(PAGE, crawled) == expected


def test_a_broken_record_is_rejected_with_its_offset_and_the_rest_is_read(tmp_path: Path) -> None:
    good = warc_bytes(compress=False)
    second = good.index(b"WARC/1.", 10)
    broken = good[:second] + b"NOT A WARC RECORD\r\n\r\n" + good[second:]
    path = tmp_path / "broken.warc"
    path.write_bytes(broken)
    items = read(path)
    rejected = [i for i in items if isinstance(i, Rejected)]
    assert [r.source for r in rejected] == [f"{path}@{second}"]
    assert [a.url for a in only_articles(items)] == ["https://news.example/dated", "https://news.example/undated"]


def test_shared_broken_warcs_are_rejected_not_fatal(shared_dir: Path) -> None:
    folder = shared_dir / "eval" / "ingest" / "warcio-testdata" / "test" / "data"
    items = list(read_inputs([folder]))
    rejected_files = {Path(r.source.split("@")[0]).name for r in items if isinstance(r, Rejected)}
    assert rejected_files >= {"example-bad-non-chunked.warc.gz", "example-wrong-chunks.warc.gz", "example-trunc.warc"}
    articles = only_articles(items)
    assert {a.url for a in articles} == {"http://example.com/", "http://www.iana.org/"}
    assert all("@" in (a.source or "") for a in articles)


def test_folders_are_read_recursively_sorted_without_hidden_files(tmp_path: Path) -> None:
    for relative in ("b/2.txt", "a/1.txt", "a/.hidden.txt", ".git/config", "c.txt"):
        (tmp_path / relative).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / relative).write_text(STORY, "utf-8")
    assert [p.relative_to(tmp_path).as_posix() for p in expand_paths([tmp_path])] == ["a/1.txt", "b/2.txt", "c.txt"]
    assert len(only_articles(list(read_inputs([tmp_path])))) == 3


@pytest.mark.parametrize(
    ("name", "head", "expected"),
    [
        ("x.txt", b"WARC/1.0\r\nWARC-Type: warcinfo", "warc"),
        ("x", b'<?xml version="1.0"?>\n<rss version="2.0">', "feed"),
        ("x.xml", b'<?xml version="1.0"?><feed xmlns="http://www.w3.org/2005/Atom">', "feed"),
        ("x.txt", b"<!DOCTYPE html><html>", "html"),
        ("x.jsonl", b'{"id": 1}', "jsonl"),
        ("x.rss", b"plain words", "feed"),
        ("x.md", b"Plain words about <rss> feeds.", "text"),
    ],
)
def test_format_detection_by_content_then_name(name: str, head: bytes, expected: str) -> None:
    assert detect_format(Path(name), head) == expected


@pytest.mark.parametrize(
    ("content", "reason"),
    [
        (b"\x1f\x8b\x08\x00garbage-not-deflate", "corrupt gzip data"),
        (gzip.compress(STORY.encode() * 50)[:60], "truncated gzip file"),
        (gzip.compress(b"   \n"), "empty file (after decompression)"),
        (b"", "empty file"),
    ],
)
def test_bad_compressed_files_are_rejected(tmp_path: Path, content: bytes, reason: str) -> None:
    path = tmp_path / "story.txt.gz"
    path.write_bytes(content)
    (item,) = read(path)
    assert isinstance(item, Rejected) and item.reason.startswith(reason)


def test_identity_follows_source_id_and_content() -> None:
    base = identify(Article(id="a", text=STORY))
    assert identify(Article(id="a", text=STORY, url="https://elsewhere")) == base  # metadata is not identity
    assert identify(Article(id="a", text=STORY + " Updated."))[0] != base[0]  # a corrected text is a new article
    assert identify(Article(id="b", text=STORY))[0] != base[0]
    assert identify(Article(id="a", html=STORY))[0] != base[0]
    assert len(base[0]) == 20 and len(base[1]) == 40
