"""gzip'd inputs, recognised by their magic bytes rather than by a `.gz` name.

A gzip'd WARC is left compressed: warcio reads it record by record (one gzip member per record)
and can skip a broken member. Every other gzip'd file is decompressed whole and then detected
like an uncompressed file, by content first and by its name without `.gz`.
"""

from __future__ import annotations

import zlib
from pathlib import Path

from newsevents.types import InputError

GZIP_MAGIC = b"\x1f\x8b"
MAX_DECOMPRESSED_BYTES = 4 * 1024**3  # a guard against decompression bombs, far above any news file


def is_gzip(data: bytes) -> bool:
    return data[:2] == GZIP_MAGIC


def peek(data: bytes, size: int = 4096) -> bytes:
    """The first decompressed bytes of a gzip stream (empty if it is not one)."""
    try:
        return zlib.decompressobj(16 + zlib.MAX_WBITS).decompress(data[:65536], size)
    except zlib.error:
        return b""


def gunzip(data: bytes) -> bytes:
    """The whole decompressed content, all gzip members concatenated; InputError if corrupt."""
    parts: list[bytes] = []
    total = 0
    while data:
        inflater = zlib.decompressobj(16 + zlib.MAX_WBITS)
        try:
            part = inflater.decompress(data, MAX_DECOMPRESSED_BYTES - total + 1)
        except zlib.error as exc:
            raise InputError(f"corrupt gzip data ({exc})") from exc
        if not inflater.eof:
            too_big = len(part) > MAX_DECOMPRESSED_BYTES - total
            raise InputError("gzip data decompresses to more than 4 GiB" if too_big else "truncated gzip file")
        parts.append(part)
        total += len(part)
        data = inflater.unused_data.lstrip(b"\x00")
        if data and not is_gzip(data):
            break  # trailing garbage after the last member, as gzip(1) tolerates it
    return b"".join(parts)


def inner_name(path: Path) -> Path:
    """`a/story.html.gz` → `story.html`: the name that says what the compressed file holds."""
    return Path(path.stem) if path.suffix.lower() in (".gz", ".gzip") else Path(path.name)
