"""Legacy encodings and publication dates: tables of input → what is read, and where it came from."""

from __future__ import annotations

import datetime as dt
import io
from pathlib import Path

import pytest
from rich.console import Console

from newsevents.cli.demo import SHOWN, more, print_summary
from newsevents.extract.events.codebook import codebook
from newsevents.ingest.clean import prepare_text
from newsevents.ingest.decode import decode_bytes, repair_mojibake
from newsevents.ingest.pubdate import date_from_dateline, date_from_path, find_published
from newsevents.ingest.readers import read_inputs
from newsevents.options import Options
from newsevents.store.gdelt import _gdelt_codes, gdelt_code
from newsevents.types import Article, ArticleRecord, InputError, Quote

CAFE = "The Café said “no” – twice."
# Detection needs a few sentences: a handful of bytes fits many charsets.
RUSSIAN = (
    "Москва заявила, что переговоры с Киевом продолжатся на следующей неделе. Министр иностранных дел сообщил "
    "журналистам, что делегации встретятся в Стамбуле. По его словам, стороны обсудят обмен пленными."
)


@pytest.mark.parametrize(
    ("data", "text", "encoding", "warning"),
    [
        (CAFE.encode("utf-8"), CAFE, "utf-8", None),
        (b"\xef\xbb\xbf" + CAFE.encode("utf-8"), CAFE, "utf-8", None),
        (b"\xff\xfe" + CAFE.encode("utf-16-le"), CAFE, "utf-16-le", "byte-order mark"),
        (CAFE.encode("cp1252"), CAFE, "cp1252", "detected"),
        (b"caf\xe9 au lait", "café au lait", "cp1252", "assumed cp1252"),  # too short to detect anything
        (
            b'<html><head><meta charset="windows-1252"></head><body>' + CAFE.encode("cp1252") + b"</body></html>",
            f'<html><head><meta charset="windows-1252"></head><body>{CAFE}</body></html>',
            "cp1252",
            "declared",
        ),
        (RUSSIAN.encode("koi8-r"), RUSSIAN, "koi8-r", "detected"),
        (RUSSIAN.encode("cp1251"), RUSSIAN, "cp1251", "detected"),
    ],
)
def test_bytes_are_decoded_and_what_was_done_is_said(
    data: bytes, text: str, encoding: str, warning: str | None
) -> None:
    decoded = decode_bytes(data)
    assert (decoded.text, decoded.encoding) == (text, encoding)
    if warning is None:
        assert decoded.warnings == ()
    else:
        assert any(warning in w for w in decoded.warnings), decoded.warnings


def test_binary_data_is_refused() -> None:
    with pytest.raises(InputError, match="binary"):
        decode_bytes(bytes(range(256)) * 4)


@pytest.mark.parametrize(
    ("text", "repaired"),
    [
        ("The CafÃ© said â€œnoâ€\x9d.", "The Café said “no”."),
        ("naïve café, “quoted” – São Paulo", None),  # right already: untouched
        ("plain ascii", None),
    ],
)
def test_mojibake_is_repaired_only_when_certain(text: str, repaired: str | None) -> None:
    fixed, warning = repair_mojibake(text)
    assert fixed == (repaired or text)
    assert (warning is not None) == (repaired is not None)


def test_a_windows_1252_text_file_is_read_not_rejected(tmp_path: Path) -> None:
    path = tmp_path / "legacy.txt"
    path.write_bytes(CAFE.encode("cp1252"))
    (article,) = list(read_inputs([path]))
    assert isinstance(article, Article)
    assert article.text == CAFE
    assert any("cp1252" in w for w in article.warnings)


@pytest.mark.parametrize(
    ("text", "hint", "expected"),
    [
        ("LONDON, Jan. 28 (Reuters) - Talks resumed.", dt.date(2022, 2, 1), dt.date(2022, 1, 28)),
        ("LONDON, Jan. 28 (Reuters) - Talks resumed.", None, None),  # no year anywhere: not dated
        ("KYIV, Ukraine, January 28, 2022 (AP) — Talks resumed.", None, dt.date(2022, 1, 28)),
        ("Headline\n\nWASHINGTON, 3 March 2021 - The Senate voted.", None, dt.date(2021, 3, 3)),
        ("NEW YORK, Dec. 31 (Reuters) - Markets closed.", dt.date(2023, 1, 2), dt.date(2022, 12, 31)),
        ("BRUSSELS, Feb. 30 (AFP) - Ministers met.", dt.date(2022, 3, 1), None),  # no such day
        ("The minister said on Jan. 28 that talks would resume.", dt.date(2022, 2, 1), None),  # not a dateline
    ],
)
def test_datelines(text: str, hint: dt.date | None, expected: dt.date | None) -> None:
    assert date_from_dateline(text, hint) == expected


@pytest.mark.parametrize(
    ("path", "expected"),
    [
        ("news/2022/01/28/story.html", dt.date(2022, 1, 28)),
        ("corpus/story-20220128.txt", dt.date(2022, 1, 28)),
        ("https://news.example/2021-11-05/talks", dt.date(2021, 11, 5)),
        ("corpus/2022/13/45/story.txt", None),
        ("corpus/id-120220128999.txt", None),  # inside a longer number
        ("corpus/story.txt", None),
    ],
)
def test_dates_in_paths(path: str, expected: dt.date | None) -> None:
    assert date_from_path(path) == expected


@pytest.mark.parametrize(
    ("given", "source", "text", "path", "fallback", "expected"),
    [  # given date and its source, text, path, --date → (published, date_source)
        (dt.date(2022, 1, 5), None, "LONDON, Jan. 28, 2022 - x", "2021/01/01", None, (dt.date(2022, 1, 5), "metadata")),
        (None, None, "LONDON, Jan. 28, 2022 - x", "2021/01/01/a.txt", None, (dt.date(2022, 1, 28), "dateline")),
        (None, None, "No dateline here.", "2021/01/01/a.txt", dt.date(2020, 5, 5), (dt.date(2021, 1, 1), "path")),
        (None, None, "No dateline here.", "a.txt", dt.date(2020, 5, 5), (dt.date(2020, 5, 5), "option")),
        (dt.date(2022, 2, 1), "warc-date", "PARIS, Jan. 30 (AFP) - x", "w", None, (dt.date(2022, 1, 30), "dateline")),
        (dt.date(2022, 2, 1), "warc-date", "No dateline.", "a.warc@0", None, (dt.date(2022, 2, 1), "warc-date")),
        (None, None, "No dateline here.", "a.txt", None, (None, None)),
    ],
)  # fmt: skip
def test_the_strongest_evidence_dates_the_article(
    given: dt.date | None,
    source: str | None,
    text: str,
    path: str,
    fallback: dt.date | None,
    expected: tuple[dt.date | None, str | None],
) -> None:
    dated = find_published(given, source, text, path, fallback)
    assert (dated.published, dated.source) == expected


def test_gdelt_export_codes_are_all_in_gdelt_table() -> None:
    assert gdelt_code("106") == "100"  # our 'demand withdrawal' is not in GDELT's table
    assert gdelt_code("1057") == "105"
    assert gdelt_code("0211") == "0211"
    assert all(gdelt_code(code) in _gdelt_codes() for code in codebook())


def test_demo_says_how_many_items_it_did_not_show() -> None:
    quotes = [Quote(0, 1, "x", "direct", None, None) for _ in range(SHOWN["quotes"] + 3)]
    record = ArticleRecord(id="a", title="t", url=None, published=None, text="x", quotes=quotes)
    buffer = io.StringIO()
    print_summary(Console(file=buffer, width=120), record)
    shown = buffer.getvalue()
    assert "and 3 more quotes" in shown and "(no date)" in shown
    assert more(quotes[: SHOWN["quotes"]], "quotes") == ""


def test_mojibake_is_repaired_in_files_and_kept_in_text_given_to_the_library(tmp_path: Path) -> None:
    broken = "The CafÃ© owner said Russiaâ€™s drills worried him."
    path = tmp_path / "moji.txt"
    path.write_text(broken, "utf-8")
    (article,) = list(read_inputs([path]))
    assert isinstance(article, Article)
    assert article.text == "The Café owner said Russia’s drills worried him."
    assert any("repaired mojibake" in w for w in article.warnings)
    given = prepare_text(Article(id="x", text=broken), Options())  # the caller's text is the offsets' frame
    assert given.text == broken
