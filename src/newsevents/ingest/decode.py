"""Bytes to text: byte-order mark, then the declared charset, then UTF-8, then detection.

News files come in every legacy encoding (Windows-1252 from old CMSs, Latin-1, KOI8-R, Shift-JIS).
Rejecting a file because it is not UTF-8 loses the article; guessing silently hides a possible
misreading. So we decode in order of certainty and say in the article's `warnings` what was done
whenever it was anything but plain UTF-8:

1. a byte-order mark (UTF-8, UTF-16, UTF-32) decides;
2. a charset the document declares (HTML `<meta charset>`, XML declaration, HTTP header) is used
   when the bytes decode with it;
3. valid UTF-8 is UTF-8;
4. otherwise charset-normalizer detects the encoding.

Mojibake (UTF-8 read as Windows-1252 somewhere upstream: "CafÃ©") in a file is repaired with ftfy only when
its heuristics are sure, and only the encoding fix is applied (quotes, ligatures and widths stay
as written), so text that is already right is never touched.
"""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass

from newsevents.types import Article, InputError

_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),  # before UTF-16 LE: its BOM starts with UTF-16 LE's
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
_DECLARED = re.compile(
    rb"""<meta[^>]+charset\s*=\s*["']?\s*([\w.:-]+)|<\?xml[^>]*encoding\s*=\s*["']([\w.:-]+)""", re.I
)
_HEADER_CHARSET = re.compile(r"charset\s*=\s*[\"']?([\w.:-]+)", re.I)
_SNIFF_BYTES = 4096
# Browsers read a page labelled latin-1 or ascii as Windows-1252 (WHATWG Encoding Standard), and so
# do we: the 0x80-0x9f bytes of such pages are curly quotes and dashes, not control characters.
_WHATWG_ALIASES = {"iso8859-1": "cp1252", "latin-1": "cp1252", "ascii": "cp1252"}


# A UTF-8 lead byte (0xC2-0xF4) read as Windows-1252/Latin-1, followed by a continuation byte (0x80-0xBF)
# read the same way: the mark of mojibake ("Ã©", "â€™"). ftfy only sees texts that have one: it is slow.
_CONTINUATION = "\u0080-\u00bf€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ"
_MOJIBAKE_HINT = re.compile(f"[\u00c2-\u00f4][{_CONTINUATION}]")


@dataclass(frozen=True, slots=True)
class Decoded:
    text: str
    encoding: str
    warnings: tuple[str, ...] = ()


def decode_bytes(data: bytes, declared: str | None = None) -> Decoded:
    """The text of `data`; `declared` is a charset named outside the bytes (an HTTP header)."""
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return _decode_with_bom(data[len(bom) :], encoding)
    declared = declared or declared_charset(data[:_SNIFF_BYTES])
    warnings: list[str] = []
    codec = _codec(declared) if declared else None
    if declared and codec is None:
        warnings.append(f"declared charset {declared!r} is unknown; ignored")
    if codec is not None and codec != "utf-8":
        try:
            return Decoded(data.decode(codec), codec, (*warnings, f"decoded as {codec} (declared charset)"))
        except UnicodeDecodeError as exc:
            warnings.append(f"not valid {codec} as declared (byte 0x{data[exc.start]:02x} at {exc.start})")
    try:
        return Decoded(data.decode("utf-8"), "utf-8", tuple(warnings))
    except UnicodeDecodeError as exc:
        first_bad = f"byte 0x{data[exc.start]:02x} at offset {exc.start}"
    return _detected(data, first_bad, warnings)


def _decode_with_bom(data: bytes, encoding: str) -> Decoded:
    try:
        text = data.decode(encoding)
    except UnicodeDecodeError as exc:
        raise InputError(
            f"starts with a {encoding} byte-order mark but is not {encoding} (offset {exc.start})"
        ) from exc
    note = () if encoding == "utf-8" else (f"decoded as {encoding} (byte-order mark)",)
    return Decoded(text, encoding, note)


def _detected(data: bytes, first_bad: str, warnings: list[str]) -> Decoded:
    """Not UTF-8: binary data is refused, text gets charset-normalizer's best guess."""
    if b"\x00" in data[:8192]:
        raise InputError("binary file (contains NUL bytes), not text")
    if _mostly_ascii(data) and _decodes_as_cp1252(data):
        # Detection guesses wildly from a few accented bytes (Urdu for "café"); Western text with some
        # accents or curly quotes is Windows-1252 far more often than anything else (WHATWG's default).
        warnings.append(f"not UTF-8 ({first_bad}); assumed cp1252 (mostly ASCII with a few accented bytes)")
        return Decoded(data.decode("cp1252"), "cp1252", tuple(warnings))
    from charset_normalizer import from_bytes  # imported on use: most inputs are UTF-8

    best = from_bytes(data).best()
    if best is None:
        raise InputError(f"not valid UTF-8 ({first_bad}) and no other text encoding fits")
    encoding = _codec(best.encoding) or best.encoding
    try:
        text = data.decode(encoding)
    except (UnicodeDecodeError, LookupError):
        text = str(best)
    if encoding != "cp1252" and _same_as_cp1252(data, text):
        encoding = "cp1252"  # the usual legacy charset of Western news; name it when it reads the same
    warnings.append(f"not UTF-8 ({first_bad}); decoded as {encoding} (detected)")
    return Decoded(text, encoding, tuple(warnings))


def _mostly_ascii(data: bytes) -> bool:
    """At most 1 byte in 10 (spaces aside) non-ASCII: Western text; Cyrillic, Greek or CJK are mostly high bytes."""
    high = sum(byte >= 0x80 for byte in data)
    return high * 10 <= len(data) - data.count(b" ") - data.count(b"\n")


def _decodes_as_cp1252(data: bytes) -> bool:
    try:
        data.decode("cp1252")
    except UnicodeDecodeError:  # 0x81, 0x8d, 0x8f, 0x90, 0x9d are unassigned in Windows-1252
        return False
    return True


def _same_as_cp1252(data: bytes, text: str) -> bool:
    try:
        return data.decode("cp1252") == text
    except UnicodeDecodeError:
        return False


def declared_charset(head: bytes) -> str | None:
    """The charset an HTML `<meta>` or an XML declaration names in the first bytes, if any."""
    match = _DECLARED.search(head)
    if match is None:
        return None
    return (match.group(1) or match.group(2)).decode("ascii", "replace")


def header_charset(content_type: str | None) -> str | None:
    """`text/html; charset=windows-1252` → `windows-1252`."""
    match = _HEADER_CHARSET.search(content_type or "")
    return match.group(1) if match else None


def _codec(label: str) -> str | None:
    """Python's codec name for a charset label; None for labels Python does not know."""
    try:
        name = codecs.lookup(label.strip().lower()).name
    except LookupError:
        return None
    return _WHATWG_ALIASES.get(name, name)


def repair_mojibake(text: str) -> tuple[str, str | None]:
    """`text` with UTF-8-read-as-Windows-1252 mojibake undone when ftfy is sure; and a warning if it was."""
    if text.isascii() or not _MOJIBAKE_HINT.search(text):
        return text, None
    import ftfy  # imported on use: pure-ASCII text, the common case, never needs it

    fixed, steps = ftfy.fix_encoding_and_explain(text)
    if not steps or fixed == text:
        return text, None
    how = ", ".join(sorted({f"{step[0]} {step[1]}" for step in steps if step[0] in ("encode", "decode")}))
    return fixed, f"repaired mojibake (text had been decoded with the wrong charset: {how or 'ftfy'})"


def repaired(article: Article) -> Article:
    """A file's article with mojibake in its text or page repaired (and a warning saying so).

    Done when a file is read, never in `process()`: text handed to the library is the offsets' frame
    exactly as given, whatever it holds.
    """
    if article.text is not None:
        article.text, warning = repair_mojibake(article.text)
    elif article.html is not None:
        article.html, warning = repair_mojibake(article.html)
    else:
        return article
    if warning:
        article.warnings.append(warning)
    return article
