"""Raw HTML page to article text and metadata, with trafilatura (no network access)."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from newsevents.types import InputError

# Fewer words than this is a navigation bar or an error page, not an article.
_MIN_ARTICLE_WORDS = 8
_WORD_RE = re.compile(r"[^\W\d_]{2,}")


@dataclass(frozen=True)
class PageText:
    text: str
    title: str | None
    url: str | None
    published: dt.date | None


def html_to_article_text(html: str) -> PageText:
    """The main article text of a page; InputError when the page holds no article."""
    import trafilatura  # imported on first page: plain-text runs never pay for it (~1 s)

    try:
        doc = trafilatura.bare_extraction(
            html, with_metadata=True, include_comments=False, include_tables=False, favor_precision=True
        )
    except Exception as exc:  # trafilatura raises a variety of parser errors on broken pages
        raise InputError(f"cannot parse HTML: {type(exc).__name__}") from exc
    text = getattr(doc, "text", None) if doc is not None else None
    if not text or len(_WORD_RE.findall(text)) < _MIN_ARTICLE_WORDS:
        raise InputError("no article text found in HTML")
    return PageText(
        text=text,
        title=getattr(doc, "title", None) or None,
        url=getattr(doc, "url", None) or None,
        published=parse_iso_date(getattr(doc, "date", None)),
    )


def parse_iso_date(value: object) -> dt.date | None:
    if not isinstance(value, str) or len(value) < 10:
        return None
    try:
        return dt.date.fromisoformat(value[:10])
    except ValueError:
        return None
