"""RSS and Atom feed files: one `Article` per item that carries content or a summary.

feedparser parses the feed from bytes (never from a URL, so nothing is fetched). Item content
is an HTML fragment; we turn it into plain text ourselves (paragraph breaks kept) because a
fragment is too short for trafilatura's whole-page heuristics, and that text becomes the frame.
"""

from __future__ import annotations

import datetime as dt
import html
import io
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any, BinaryIO

import feedparser

from newsevents.types import Article, Rejected

Item = Article | Rejected

_BLOCK_END = re.compile(r"(?i)<\s*(?:br\s*/?|/p|/div|/li|/h[1-6]|/blockquote|/tr)\s*>")
_TAG = re.compile(r"<[^>]*>")
_BLANK_LINES = re.compile(r"\n\s*\n\s*(?:\n\s*)*")
_SPACES = re.compile(r"[ \t\r\f\v]+")


def read_feed_file(path: Path, data: bytes, published: dt.date | None) -> Iterator[Item]:
    return read_feed_stream(path, io.BytesIO(data), published)


def read_feed_stream(path: Path, stream: BinaryIO, published: dt.date | None) -> Iterator[Item]:
    """One article per item. feedparser parses a feed document whole (feeds are small: tens of
    items), but each item is dropped as soon as it is handed on, so the parsed feed never lingers."""
    try:
        parsed = feedparser.parse(stream, sanitize_html=True, resolve_relative_uris=False)
    except Exception as exc:  # feedparser raises on some broken encodings (a NUL in the declared name, ...)
        yield Rejected(str(path), f"not a readable feed ({type(exc).__name__}: {' '.join(str(exc).split())[:200]})")
        return
    entries = parsed.get("entries") or []
    if not entries:
        problem = parsed.get("bozo_exception")
        reason = f"not a readable feed ({type(problem).__name__}: {problem})" if problem else "feed has no items"
        yield Rejected(str(path), " ".join(reason.split()))
        return
    entries.reverse()  # popped from the end: each item freed once yielded
    number = 0
    while entries:
        number += 1
        yield _entry_article(entries.pop(), f"{path}#item{number}", published)


def _entry_article(entry: Any, source: str, published: dt.date | None) -> Item:
    text = _entry_text(entry)
    if not text:
        return Rejected(source, "feed item has no content or summary")
    link = entry.get("link") or None
    return Article(
        id=str(entry.get("id") or link or source),
        text=text,
        published=_entry_date(entry) or published,
        url=link,
        title=entry.get("title") or None,
        source=source,
    )


def _entry_text(entry: Any) -> str:
    """Full content when the feed has it, else the summary; HTML fragments become plain text."""
    for block in [*(entry.get("content") or []), entry.get("summary_detail")]:
        if not block or not str(block.get("value", "")).strip():
            continue
        value = str(block["value"])
        text = fragment_to_text(value) if "html" in str(block.get("type", "html")) else value.strip()
        if text:
            return text
    return ""


def fragment_to_text(fragment: str) -> str:
    """Plain text of an HTML fragment, one blank line between blocks."""
    text = _BLOCK_END.sub("\n\n", fragment)
    text = html.unescape(_TAG.sub("", text))
    lines = (_SPACES.sub(" ", line).strip() for line in text.split("\n"))
    return _BLANK_LINES.sub("\n\n", "\n".join(lines)).strip()


def _entry_date(entry: Any) -> dt.date | None:
    for key in ("published_parsed", "updated_parsed", "created_parsed"):
        value = entry.get(key)
        if value:
            try:
                return dt.date(value.tm_year, value.tm_mon, value.tm_mday)
            except (ValueError, AttributeError):
                continue
    return None
