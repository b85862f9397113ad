"""gzip'd inputs, recognised by their magic bytes rather than by a `.gz` name.

A gzip'd WARC is left compressed: warcio reads it record by record (one gzip member per record)
and can skip a broken member. Every other gzip'd file is decompressed as a stream (`GunzipReader`)
and detected like an uncompressed file, by content first and by its name without `.gz`; a JSONL
file is then read line by line, so a multi-GB `.jsonl.gz` never sits in memory whole.
"""

from __future__ import annotations

import io
import zlib
from pathlib import Path
from typing import BinaryIO

from newsevents.types import InputError

GZIP_MAGIC = b"\x1f\x8b"
MAX_DECOMPRESSED_BYTES = 4 * 1024**3  # a guard against decompression bombs, far above any news file
_BLOCK = 256 * 1024


def is_gzip(data: bytes) -> bool:
    return data[:2] == GZIP_MAGIC


def peek(data: bytes, size: int = 4096) -> bytes:
    """The first decompressed bytes of a gzip stream (empty if it is not one)."""
    try:
        return zlib.decompressobj(16 + zlib.MAX_WBITS).decompress(data[:65536], size)
    except zlib.error:
        return b""


class GunzipReader(io.RawIOBase):
    """The decompressed bytes of a gzip stream, all members concatenated, read in blocks.

    Unlike `gzip.GzipFile` it tolerates trailing zero padding and garbage after the last member
    (as gzip(1) does), and raises `InputError` with a plain reason for corrupt or truncated data
    and for data that decompresses to more than `limit` bytes.
    """

    def __init__(self, raw: BinaryIO, limit: int = MAX_DECOMPRESSED_BYTES) -> None:
        super().__init__()
        self.raw, self.limit = raw, limit
        self.inflater = zlib.decompressobj(16 + zlib.MAX_WBITS)
        self.unread = b""  # compressed bytes read from `raw` but not yet given to the inflater
        self.ready = b""  # decompressed bytes not yet returned
        self.total = 0
        self.finished = False

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: bytearray | memoryview) -> int:  # type: ignore[override]
        while not self.ready and not self.finished:
            self._inflate_some()
        count = min(len(buffer), len(self.ready))
        buffer[:count] = self.ready[:count]
        self.ready = self.ready[count:]
        return count

    def _inflate_some(self) -> None:
        if self.inflater.eof and not self._next_member():
            self.finished = True
            return
        data = self.unread or self.raw.read(_BLOCK)
        if not data:
            raise InputError("truncated gzip file")
        try:
            self.ready = self.inflater.decompress(data, _BLOCK)
        except zlib.error as exc:
            raise InputError(f"corrupt gzip data ({exc})") from exc
        self.unread = self.inflater.unconsumed_tail
        self.total += len(self.ready)
        if self.total > self.limit:
            raise InputError("gzip data decompresses to more than 4 GiB")

    def _next_member(self) -> bool:
        """After one member's end: start the next one, or say the stream is over (padding, garbage)."""
        rest = self.inflater.unused_data.lstrip(b"\x00")
        while len(rest) < 2:
            more = self.raw.read(_BLOCK)
            if not more:
                return False
            rest = (rest + more).lstrip(b"\x00")
        if not is_gzip(rest):
            return False  # trailing garbage after the last member
        self.inflater = zlib.decompressobj(16 + zlib.MAX_WBITS)
        self.unread = rest
        return True


def open_gunzip(raw: BinaryIO) -> io.BufferedReader:
    """A buffered, line-iterable stream of the decompressed content of `raw`."""
    return io.BufferedReader(GunzipReader(raw), buffer_size=_BLOCK)


def gunzip(data: bytes) -> bytes:
    """The whole decompressed content, all gzip members concatenated; InputError if corrupt."""
    return open_gunzip(io.BytesIO(data)).read()


def inner_name(path: Path) -> Path:
    """`a/story.html.gz` → `story.html`: the name that says what the compressed file holds."""
    return Path(path.stem) if path.suffix.lower() in (".gz", ".gzip") else Path(path.name)
