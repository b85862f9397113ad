"""Read input files into `Article`s, one reader per format, detected by content and extension.

Every reader yields `Article` or `Rejected` items, so one bad record never stops a batch.
Readers stream: each takes an open binary file and yields its records as it reads them (WARC
records, JSONL lines, feed items), so memory stays flat however large a file is; only a single
text or HTML file, which is one article, is read whole. Stream readers are registered in
`STREAM_READERS`; `detect_format` picks one for `--input-format auto` from the file's first bytes.
The older bytes-in readers (`read_jsonl_file`, ...) remain as thin wrappers for callers holding bytes.
"""

from __future__ import annotations

import datetime as dt
import io
import json
import sys
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

from newsevents.ingest import compressed
from newsevents.ingest.decode import Decoded, decode_bytes, repaired
from newsevents.ingest.pubdate import with_default_date
from newsevents.types import Article, InputError, Rejected

Item = Article | Rejected
STDIN, STDIN_ID = "-", "stdin"  # `newsevents extract -` reads standard input
BOMS_WITH_NULS = (b"\xff\xfe", b"\xfe\xff", b"\x00\x00\xfe\xff")  # UTF-16/32 text holds NUL bytes
Reader = Callable[[Path, bytes, "dt.date | None"], Iterator[Item]]
StreamReader = Callable[[Path, BinaryIO, "dt.date | None"], Iterator[Item]]
HEAD_BYTES = 65536  # what format detection and the empty-file check look at


def decode_text(data: bytes) -> Decoded:
    """The text of a file in any encoding (see ingest/decode.py); InputError for binary data."""
    if b"\x00" in data[:8192] and not data.startswith(BOMS_WITH_NULS):
        raise InputError("binary file (contains NUL bytes), not text")
    return decode_bytes(data)


def read_text_file(path: Path, data: bytes, published: dt.date | None) -> Iterator[Item]:
    try:
        decoded = decode_text(data)
    except InputError as exc:
        yield Rejected(str(path), str(exc))
        return
    yield Article(
        id=file_id(path), text=decoded.text, published=published, source=str(path), warnings=[*decoded.warnings]
    )


def read_html_file(path: Path, data: bytes, published: dt.date | None) -> Iterator[Item]:
    if b"\x00" in data[:8192]:
        yield Rejected(str(path), "binary file (contains NUL bytes), not HTML")
        return
    try:  # pages declare their own encoding (windows-1252, ...) in a <meta> tag, which decode_bytes reads
        decoded = decode_bytes(data)
    except InputError as exc:
        yield Rejected(str(path), str(exc))
        return
    yield Article(
        id=file_id(path), html=decoded.text, published=published, source=str(path), warnings=[*decoded.warnings]
    )


def file_id(path: Path) -> str:
    """A file's article id: its absolute path, so "corpus/a.txt" and "/data/corpus/a.txt" are one article."""
    return STDIN_ID if str(path) == STDIN else str(path.resolve())


def read_jsonl_file(path: Path, data: bytes, published: dt.date | None) -> Iterator[Item]:
    return read_jsonl_stream(path, io.BytesIO(data), published)


def read_jsonl_stream(path: Path, stream: BinaryIO, published: dt.date | None) -> Iterator[Item]:
    """One article per line, read line by line; a bad line is rejected with its number."""
    # Binary lines end at b"\n" only: str.splitlines() would also split inside records at U+2028 and U+0085.
    for number, raw in enumerate(stream, start=1):
        if number == 1 and b"\x00" in raw[:8192] and not raw.startswith(BOMS_WITH_NULS):
            yield Rejected(str(path), "binary file (contains NUL bytes), not text")  # once, not once per "line"
            return
        if not raw.strip():
            continue
        source = f"{path}:{number}"
        try:
            decoded = decode_text(raw)
            article = article_from_json(json.loads(decoded.text), source, published)
            article.warnings.extend(decoded.warnings)
            yield article
        except json.JSONDecodeError as exc:
            yield Rejected(source, f"invalid JSON ({exc.msg} at column {exc.colno})")
        except InputError as exc:
            yield Rejected(source, str(exc))


def article_from_json(obj: object, source: str, published: dt.date | None) -> Article:
    """One JSONL record `{"id", "text" or "html", "published"?, "url"?, "title"?}`."""
    if not isinstance(obj, dict):
        raise InputError("JSON record is not an object")
    text, html = obj.get("text"), obj.get("html")
    if not isinstance(text, str) and not isinstance(html, str):
        raise InputError('record has no "text" or "html" string')
    for key, value in obj.items():
        if isinstance(value, str) and not _encodable(value):
            raise InputError(f'"{key}" holds an unpaired surrogate (\\ud800-\\udfff), which is not text')
    record_id = obj.get("id")
    return Article(
        id=str(record_id) if record_id not in (None, "") else source,
        text=text if isinstance(text, str) else None,
        html=html if isinstance(html, str) and not isinstance(text, str) else None,
        published=parse_published(obj.get("published")) or published,
        url=obj.get("url") if isinstance(obj.get("url"), str) else None,
        title=obj.get("title") if isinstance(obj.get("title"), str) else None,
        source=source,
    )


def _encodable(value: str) -> bool:
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def parse_published(value: object) -> dt.date | None:
    """Accept `2022-01-28`, `2022-01-28T10:00:00Z` and `20220128`; anything else raises."""
    if value in (None, ""):
        return None
    if not isinstance(value, str):
        raise InputError(f'"published" is not a date string: {value!r}')
    candidate = value.strip()
    if len(candidate) == 8 and candidate.isdigit():
        candidate = f"{candidate[:4]}-{candidate[4:6]}-{candidate[6:]}"
    try:
        return dt.date.fromisoformat(candidate[:10])
    except ValueError as exc:
        raise InputError(f'"published" is not a YYYY-MM-DD date: {value!r}') from exc


def _read_feed(path: Path, stream: BinaryIO, published: dt.date | None) -> Iterator[Item]:
    from newsevents.ingest.feeds import read_feed_stream  # imported on use: feedparser is slow to import

    return read_feed_stream(path, stream, published)


def _read_warc(path: Path, stream: BinaryIO, published: dt.date | None) -> Iterator[Item]:
    from newsevents.ingest.warc import read_warc_stream  # imported on use: warcio/htmldate are slow to import

    return read_warc_stream(path, stream, published)


def _whole(reader: Reader) -> StreamReader:
    """A stream reader for a format whose file is one article: read it whole, hand over the bytes."""

    def read(path: Path, stream: BinaryIO, published: dt.date | None) -> Iterator[Item]:
        return reader(path, stream.read(), published)

    return read


STREAM_READERS: dict[str, StreamReader] = {
    "text": _whole(read_text_file),
    "html": _whole(read_html_file),
    "jsonl": read_jsonl_stream,
    "feed": _read_feed,
    "warc": _read_warc,
}


def _read_feed_bytes(path: Path, data: bytes, published: dt.date | None) -> Iterator[Item]:
    return _read_feed(path, io.BytesIO(data), published)


def _read_warc_bytes(path: Path, data: bytes, published: dt.date | None) -> Iterator[Item]:
    return _read_warc(path, io.BytesIO(data), published)


READERS: dict[str, Reader] = {  # bytes in: for callers that already hold a file's content
    "text": read_text_file,
    "html": read_html_file,
    "jsonl": read_jsonl_file,
    "feed": _read_feed_bytes,
    "warc": _read_warc_bytes,
}

_EXTENSIONS = {
    ".txt": "text",
    ".text": "text",
    ".md": "text",
    ".html": "html",
    ".htm": "html",
    ".xhtml": "html",
    ".jsonl": "jsonl",
    ".ndjson": "jsonl",
    ".rss": "feed",
    ".atom": "feed",
    ".warc": "warc",
}


def detect_format(path: Path, head: bytes) -> str:
    """Content first (a page is HTML whatever it is called), then the file extension."""
    if head.startswith(b"WARC/"):
        return "warc"
    sniff = head[:2048].lstrip().lower()
    if _looks_like_feed(sniff):
        return "feed"
    # JSON before HTML: a JSONL record may carry a whole page in its "html" field.
    if sniff.startswith(b"{") and path.suffix.lower() in (".jsonl", ".ndjson", ".json", ""):
        return "jsonl"
    if sniff.startswith((b"<!doctype html", b"<html")) or b"<body" in sniff or b"<head" in sniff:
        return "html"
    return _EXTENSIONS.get(path.suffix.lower(), "text")


def _looks_like_feed(sniff: bytes) -> bool:
    """An RSS, RDF or Atom document: its root element, after any XML declaration and comments."""
    if sniff.startswith((b"<rss", b"<rdf:rdf")):
        return True
    if not sniff.startswith((b"<?xml", b"<!--", b"<feed")):
        return False
    return any(tag in sniff for tag in (b"<rss", b"<rdf:rdf", b"<feed"))


def expand_paths(paths: Iterable[str | Path]) -> Iterator[Path]:
    """Each path as given; a folder becomes its files, recursively, sorted, hidden ones skipped.
    A folder with no files is yielded itself, so that the reader can say so."""
    for raw in paths:
        path = Path(raw)
        if str(path) == STDIN or not path.is_dir():
            yield path
            continue
        files = [c for c in sorted(path.rglob("*")) if c.is_file() and not _hidden(c.relative_to(path))]
        yield from files or [path]


def _hidden(relative: Path) -> bool:
    return any(part.startswith(".") for part in relative.parts)


@dataclass
class ReadMeter:
    """How many bytes of the open input file the readers have consumed: progress and ETA by bytes.
    For a gzip'd file it counts compressed bytes, so it ends at the file's size on disk."""

    stream: BinaryIO | None = None

    def bytes_read(self) -> int:
        try:
            return self.stream.tell() if self.stream is not None else 0
        except (OSError, ValueError):  # closed, or not seekable
            return 0


def read_inputs(
    paths: Iterable[str | Path], input_format: str = "auto", published: dt.date | None = None
) -> Iterator[Item]:
    """Articles (and rejections) from every path, in the order given; folders recursively."""
    for path in expand_paths(paths):
        yield from read_path(path, input_format, published)


def read_path(
    path: Path, input_format: str = "auto", published: dt.date | None = None, meter: ReadMeter | None = None
) -> Iterator[Item]:
    """Articles (and rejections) from one file, streamed; `meter` follows how far reading got."""
    if path.is_dir():
        yield Rejected(str(path), "folder holds no input files")
        return
    try:
        raw = _open_input(path)
    except OSError as exc:
        yield Rejected(str(path), f"cannot read: {exc.strerror or exc}")
        return
    with raw:
        if meter is not None:
            meter.stream = raw
        try:
            yield from _read_stream(path, raw, input_format, published)
        except InputError as exc:  # corrupt or truncated gzip data met while streaming
            yield Rejected(str(path), str(exc))
        except OSError as exc:
            yield Rejected(str(path), f"cannot read: {exc.strerror or exc}")


def _open_input(path: Path) -> BinaryIO:
    if str(path) == STDIN:  # a pipe cannot seek back after format detection: hold it (one article, or a JSONL batch)
        return io.BytesIO(sys.stdin.buffer.read())
    return path.open("rb")


def _read_stream(path: Path, raw: BinaryIO, input_format: str, published: dt.date | None) -> Iterator[Item]:
    head = raw.read(HEAD_BYTES)
    raw.seek(0)
    if not head.strip() and len(head) < HEAD_BYTES:
        yield Rejected(str(path), "empty file")
        return
    fmt, stream = _unpack(path, head, raw, input_format)
    reader = STREAM_READERS.get(fmt)
    if reader is None:
        yield Rejected(str(path), f"unknown input format {fmt!r}")
        return
    # Readers give each article its own date only; the user's --date is a fallback (ingest/pubdate.py).
    for item in reader(path, stream, None):
        yield item if isinstance(item, Rejected) else repaired(with_default_date(item, published))


def _unpack(path: Path, head: bytes, raw: BinaryIO, input_format: str) -> tuple[str, BinaryIO]:
    """The reader to use and the stream to give it; gzip'd files are detected by magic bytes."""
    if not compressed.is_gzip(head):
        return (detect_format(path, head) if input_format == "auto" else input_format), raw
    if compressed.peek(head).startswith(b"WARC/") and input_format in ("auto", "warc"):
        return "warc", raw  # warcio reads gzip'd WARCs member by member
    inner_head = compressed.open_gunzip(raw).read(HEAD_BYTES)
    if not inner_head.strip() and len(inner_head) < HEAD_BYTES:
        raise InputError("empty file (after decompression)")
    raw.seek(0)  # decompress again from the start: the head cost a few milliseconds, a copy would cost memory
    fmt = detect_format(compressed.inner_name(path), inner_head) if input_format == "auto" else input_format
    return fmt, compressed.open_gunzip(raw)
