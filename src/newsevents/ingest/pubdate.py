"""The publication date of an article, from the evidence the input carries, and where it came from.

Relative dates ("on Tuesday"), event dates and dated actor roles all hang on the publication
date, so an undated article must be dated from whatever it carries, and an article that carries
nothing must say so rather than borrow a date from nowhere. In order of trust:

1. `metadata`: the input's own date field (JSONL `published`, feed item date, HTML meta tags
   via trafilatura/htmldate, a WARC page's own date; `warc-date` is the crawl date, a fallback);
2. `dateline`: a wire dateline at the top of the text ("LONDON, Jan. 28 (Reuters) -"); one
   without a year takes it from the path or the `--date` given, else it is not used;
3. `path`: a date in the file name or path (`2022/01/28/story.html`, `story-20220128.txt`);
4. `option`: the date the user gave with `--date` for inputs without one.

`date_source` on the record says which one was used; None means the article is undated.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from newsevents.types import Article

_MONTHS = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")
_MONTH_NAMES = (
    "Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|Sept?(?:ember)?|Oct(?:ober)?"
    "|Nov(?:ember)?|Dec(?:ember)?"
)
_MONTH = rf"(?P<month>{_MONTH_NAMES})\.?"
_MONTH2 = rf"(?P<month2>{_MONTH_NAMES})\.?"
_DAY = r"(?P<day>[0-3]?\d)(?:st|nd|rd|th)?"
_DAY2 = r"(?P<day2>[0-3]?\d)(?:st|nd|rd|th)?"
_YEAR = r"(?P<year>(?:19|20)\d\d)"
# "LONDON, Jan. 28 (Reuters) -", "KYIV, Ukraine, January 28, 2022 (AP) —", "WASHINGTON, 28 January 2022 -"
# Each part is unambiguous (a word never contains the separator that follows it), so matching is linear:
# an ambiguous pattern here once took minutes on a line of "A-A-A-…".
_WORD = r"[A-Z][A-Z.'’]*(?:-[A-Z][A-Z.'’]*)*"
_PLACE = rf"{_WORD}(?: {_WORD}){{0,3}}(?:, [A-Z][A-Za-z.]*(?: [A-Z][A-Za-z.]*){{0,2}})?"
_DATELINE = re.compile(
    rf"^[ \t]*{_PLACE},? (?:{_MONTH} {_DAY}|{_DAY2} {_MONTH2})(?:,? {_YEAR})? ?(?:\([^)\n]{{1,40}}\) ?)?[-–—]",
    re.MULTILINE,
)
# A date in a path: 2022/01/28, 2022-01-28, 2022_01_28, 20220128 (not inside a longer number).
_PATH_DATE = re.compile(r"(?<!\d)((?:19|20)\d\d)([-/_.]?)(0[1-9]|1[0-2])\2(0[1-9]|[12]\d|3[01])(?!\d)")
_DATELINE_SEARCH_CHARS = 600  # a dateline opens the story, at most after a headline and a byline


@dataclass(frozen=True, slots=True)
class Dated:
    published: dt.date | None
    source: str | None  # metadata | warc-date | dateline | path | option | None (undated)


def date_from_dateline(text: str, hint: dt.date | None = None) -> dt.date | None:
    """The date of a wire dateline at the top of `text`; a year-less one takes its year from `hint`."""
    match = _DATELINE.search(text[:_DATELINE_SEARCH_CHARS])
    if match is None:
        return None
    month = _MONTHS.index((match.group("month") or match.group("month2")).lower()[:3]) + 1
    day = int(match.group("day") or match.group("day2"))
    if match.group("year"):
        return _valid_date(int(match.group("year")), month, day)
    if hint is None:
        return None
    # A year-less dateline is no later than the dated evidence around it: Dec. 31 under a 2023-01-02 path is 2022.
    this_year = _valid_date(hint.year, month, day)
    if this_year is not None and this_year > hint + dt.timedelta(days=2):
        return _valid_date(hint.year - 1, month, day)
    return this_year


def _valid_date(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def date_from_path(path: str | None) -> dt.date | None:
    """The last date written in a file path or URL, if any."""
    for match in reversed(list(_PATH_DATE.finditer(path or ""))):
        try:
            return dt.date(int(match.group(1)), int(match.group(3)), int(match.group(4)))
        except ValueError:
            continue
    return None


def find_published(
    given: dt.date | None, given_source: str | None, text: str, path: str | None, fallback: dt.date | None
) -> Dated:
    """The publication date from the strongest evidence; see the module docstring for the order."""
    if given is not None and given_source != "warc-date":
        return Dated(given, given_source or "metadata")
    from_path = date_from_path(path)
    hint = from_path or given or fallback
    from_dateline = date_from_dateline(text, hint)
    if from_dateline is not None:
        return Dated(from_dateline, "dateline")
    if from_path is not None:
        return Dated(from_path, "path")
    if given is not None:
        return Dated(given, given_source)
    if fallback is not None:
        return Dated(fallback, "option")
    return Dated(None, None)


UNDATED_WARNING = (
    "no publication date found (no date in metadata, dateline or file name, and no --date): "
    "relative dates are unresolved and events are undated"
)


def with_default_date(article: Article, default: dt.date | None) -> Article:
    """A reader's article, its own date marked as metadata and the user's `--date` kept as the last resort."""
    if article.published is not None and article.date_source is None:
        article.date_source = "metadata"
    article.default_published = article.default_published or default
    return article


def date_article(article: Article, text: str, page_date: dt.date | None) -> Dated:
    """`find_published` for one article whose text is known (`page_date`: an HTML page's own date)."""
    if article.published is None and page_date is not None:
        return Dated(page_date, "metadata")
    path = article.url if article.url and date_from_path(article.url) else article.source
    return find_published(article.published, article.date_source, text, path, article.default_published)
