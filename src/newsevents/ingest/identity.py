"""Stable identity of an input article, so re-runs and resumed runs store nothing twice.

An article is identified by its source id (JSONL `id`, WARC-Record-ID, feed item id or link,
else the file path) *and* a hash of its content. The same id with changed content is a new
article (a corrected story is a new version, not a silent overwrite); the same content under
two ids is two articles (near-duplicate grouping is the story-grouping step's job, not identity).
"""

from __future__ import annotations

import hashlib

from newsevents.types import Article

ARTICLE_ID_HEX_DIGITS = 20  # 80 bits: a collision is vanishingly unlikely even for 10^9 articles


def content_hash(article: Article) -> str:
    """SHA-1 of the article's raw content (text if given, else the HTML page), hex."""
    content = article.text if article.text is not None else (article.html or "")
    kind = "text" if article.text is not None else "html"
    return hashlib.sha1(f"{kind}\n{content}".encode("utf-8", "surrogatepass")).hexdigest()


def article_id(source_id: str, digest: str) -> str:
    """The store's key: derived from the source id and the content hash, never from run order."""
    key = f"{source_id}\x1f{digest}".encode("utf-8", "surrogatepass")
    return hashlib.sha1(key).hexdigest()[:ARTICLE_ID_HEX_DIGITS]


def identify(article: Article) -> tuple[str, str]:
    """`(article_id, content_hash)` of an article."""
    digest = content_hash(article)
    return article_id(article.id, digest), digest
