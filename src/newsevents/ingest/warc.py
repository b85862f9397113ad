"""WARC crawl files (plain or gzip'd per record): each HTML HTTP response becomes an `Article`.

`url` is the WARC-Target-URI and `id` the WARC-Record-ID. The publication date is the page's
own date when it states one; the WARC-Date (when the page was *crawled*) is only a fallback.
A broken record becomes a `Rejected` naming the file and the record's byte offset, and reading
resumes at the next record header (or gzip member) after it, so one bad record costs one record.
The file is read as a stream, record by record: memory stays flat however large the crawl is.
"""

from __future__ import annotations

import datetime as dt
import io
import re
from collections.abc import Iterator
from contextlib import redirect_stderr
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, BinaryIO

from htmldate import find_date
from warcio.archiveiterator import ArchiveIterator

from newsevents.ingest.compressed import open_gunzip
from newsevents.ingest.decode import decode_bytes, header_charset
from newsevents.types import Article, Rejected

Item = Article | Rejected

GZIP_MAGIC = b"\x1f\x8b\x08"
WARC_MAGIC = b"WARC/1."
_SEARCH_BLOCK = 1024 * 1024
_LENGTH_WARNING = re.compile(r"Record not followed by newline.*?Offset:\s*(\d+)", re.S)


@dataclass
class _Scan:
    """Where one pass over (part of) the file stopped, and why."""

    seen: set[str] = field(default_factory=set)
    failed_at: int | None = None
    reason: str = ""


def read_warc_file(path: Path, data: bytes, published: dt.date | None) -> Iterator[Item]:
    return read_warc_stream(path, io.BytesIO(data), published)


def read_warc_stream(path: Path, stream: BinaryIO, published: dt.date | None) -> Iterator[Item]:
    """The articles of a WARC file open at its start; after a broken record, on from the next one."""
    scan = _Scan()
    start: int | None = 0
    while start is not None:
        scan.failed_at = None
        yield from _scan_records(path, stream, start, published, scan)
        if scan.failed_at is None:
            return
        yield Rejected(f"{path}@{scan.failed_at}", scan.reason)
        if "one gzip stream" in scan.reason:  # one gzip member for the whole file: read it decompressed
            yield from _read_one_gzip_stream(path, stream, published, scan)
            return
        start = _next_record_start(stream, scan.failed_at + 1)


def _read_one_gzip_stream(path: Path, stream: BinaryIO, published: dt.date | None, scan: _Scan) -> Iterator[Item]:
    stream.seek(0)
    scan.failed_at = None
    yield from _scan_records(path, open_gunzip(stream), 0, published, scan)
    if scan.failed_at is not None:  # offsets here are in the decompressed data
        yield Rejected(str(path), f"{scan.reason} (at byte {scan.failed_at} of the decompressed stream)")


def _scan_records(path: Path, stream: BinaryIO, start: int, published: dt.date | None, scan: _Scan) -> Iterator[Item]:
    if start:
        stream.seek(start)
    records = ArchiveIterator(stream)
    while True:
        captured = io.StringIO()
        offset = start
        with redirect_stderr(captured):  # warcio prints its warnings; we turn them into rejections
            try:
                record = next(records)
                page = _html_response(record)  # read the body before asking warcio for the offset
                offset = start + records.get_record_offset()
            except StopIteration:
                return
            except Exception as exc:  # warcio raises ArchiveLoadFailed, ValueError, zlib errors, ...
                scan.failed_at = max(offset, start + max(records.offset, 0))
                scan.reason = _failure_reason(exc)
                return
        yield from _length_warnings(path, start, captured.getvalue())
        if page is not None and page.record_id not in scan.seen:
            scan.seen.add(page.record_id)
            yield page.article(f"{path}@{offset}", published)


@dataclass(frozen=True)
class _Page:
    record_id: str
    url: str | None
    warc_date: dt.date | None
    html: str
    warnings: tuple[str, ...] = ()

    def article(self, source: str, published: dt.date | None) -> Article:
        own_date = page_date(self.html, self.warc_date)
        return Article(
            id=self.record_id,
            html=self.html,
            published=own_date or self.warc_date or published,
            # the crawl date only bounds the publication date: a dateline in the text is better evidence
            date_source="metadata" if own_date else "warc-date" if self.warc_date else None,
            url=self.url,
            source=source,
            warnings=[*self.warnings],
        )


def _html_response(record: Any) -> _Page | None:
    """The page of a successful HTML HTTP response; None for every other kind of record."""
    if record.rec_type != "response" or record.http_headers is None:
        return None
    status = record.http_headers.get_statuscode() or ""
    content_type = (record.http_headers.get_header("Content-Type") or "").lower()
    if not status.startswith("2") or ("html" not in content_type and content_type):
        return None
    body = record.content_stream().read()
    if not body.strip():
        return None
    headers = record.rec_headers
    record_id = headers.get_header("WARC-Record-ID") or ""
    page = decode_bytes(body, header_charset(content_type))  # InputError (binary body) rejects the record
    crawled = _iso_date(headers.get_header("WARC-Date"))
    return _Page(record_id, headers.get_header("WARC-Target-URI"), crawled, page.text, page.warnings)


def page_date(html: str, crawled: dt.date | None = None) -> dt.date | None:
    """The publication date the page itself states (meta tags, markup, URL), if any.

    A page cannot be published after it was crawled: later dates (a "last updated: today" widget
    rendered at crawl time, or htmldate's fallback to the current day) are not publication dates.
    """
    try:  # no max_date: htmldate would then fall back to weaker guesses such as a bare year
        found = _iso_date(find_date(html, extensive_search=False, original_date=True))
    except Exception:  # htmldate gives up on odd markup in many ways; no date is the right answer
        return None
    return found if found is None or crawled is None or found <= crawled else None


def _iso_date(value: str | None) -> dt.date | None:
    try:
        return dt.date.fromisoformat(value[:10]) if value else None
    except ValueError:
        return None


def _failure_reason(exc: Exception) -> str:
    message = " ".join(str(exc).split())
    if "non-chunked gzip" in message:
        return (
            "gzip'd WARC is one gzip stream, not one member per record (`warcio recompress` fixes it); read as a whole"
        )
    return f"broken WARC record: {message[:200] or type(exc).__name__}"


def _length_warnings(path: Path, start: int, printed: str) -> Iterator[Rejected]:
    for match in _LENGTH_WARNING.finditer(printed):
        yield Rejected(f"{path}@{start + int(match.group(1))}", "WARC record longer than its Content-Length (corrupt?)")


def _next_record_start(stream: BinaryIO, after: int) -> int | None:
    """Byte offset of the next gzip member or WARC header line after a broken record, read in blocks."""
    try:
        stream.seek(0)
        magic = GZIP_MAGIC if stream.read(3) == GZIP_MAGIC else b"\n" + WARC_MAGIC
        stream.seek(after)
    except OSError:  # not seekable (a decompressed stream): nothing after the break can be found
        return None
    base, data = after, b""
    while block := stream.read(_SEARCH_BLOCK):
        data += block
        found = data.find(magic)
        if found >= 0:
            return base + found + (0 if magic == GZIP_MAGIC else 1)
        keep = len(magic) - 1  # a magic split across two blocks
        base, data = base + len(data) - keep, data[-keep:]
    return None
