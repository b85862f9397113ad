"""Turn an `Article` into the text we analyse: HTML to text, debris found, language checked."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from newsevents.ingest.debris import blank_out, find_debris
from newsevents.ingest.html import html_to_article_text
from newsevents.ingest.language import looks_english
from newsevents.ingest.pubdate import UNDATED_WARNING, date_article
from newsevents.options import Options
from newsevents.types import Article, InputError, Span

TRUNCATED_WARNING = "text longer than"


@dataclass
class PreparedText:
    text: str  # the offsets' frame
    analysis_text: str  # `text` with boilerplate blanked by spaces (same length)
    boilerplate: list[Span]
    title: str | None
    url: str | None
    published: dt.date | None
    english: bool = True
    warnings: list[str] = field(default_factory=list)
    date_source: str | None = None


def prepare_text(article: Article, options: Options) -> PreparedText:
    title, url, page_date = article.title, article.url, None
    if article.text is not None:
        text = article.text
    elif article.html is not None:
        page = html_to_article_text(article.html)
        text = page.text
        title = title or page.title
        url = url or page.url
        page_date = page.published
    else:
        raise InputError("record has neither text nor html")
    if not text.strip():
        raise InputError("empty article text")
    if "\x00" in text:
        raise InputError("text contains NUL bytes (binary data?)")
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        raise InputError("text holds unpaired surrogates (\\ud800-\\udfff), which are not text") from None
    warnings = list(article.warnings)
    dated = date_article(article, text, page_date)
    if dated.published is None:
        warnings.append(UNDATED_WARNING)
    if len(text) > options.max_chars:
        warnings.append(f"{TRUNCATED_WARNING} max_chars={options.max_chars}; analysed the first part only")
    boilerplate = find_debris(text) if options.strip_boilerplate else []
    analysis_text = blank_out(text, boilerplate)[: options.max_chars]
    english = True
    if options.language_check:
        english, score = looks_english(analysis_text, options.min_english_score)
        if not english:
            warnings.append(f"text does not look like English (score {score:.2f}); nothing extracted")
    return PreparedText(text, analysis_text, boilerplate, title, url, dated.published, english, warnings, dated.source)
