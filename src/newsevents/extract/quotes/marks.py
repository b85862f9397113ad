"""Find quoted passages by pairing quotation marks, robustly, in one pass over the text.

A small state machine walks the marks (and newlines) left to right. Curly, straight, single
and guillemet marks each form a family; a passage opened by one family closes only with a
mark of that family, so marks of other families inside it (nested quotes, apostrophes) are
left alone. Straight marks say nothing about direction, so their neighbours decide: a mark
after a space and before a letter opens, one after a letter and before a space closes.

News convention for long quotes: a paragraph that ends inside a quote continues into the next
paragraph only when that paragraph starts with an opening mark; otherwise the quote ends at
the end of its paragraph (`closed=False`). Any input yields a list; nothing here raises.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

# `''` and ``` `` ``` stand for double marks in some newspaper archives (NYT style)
MARKS = re.compile("''|``|[\"'“”„‘’«»\n]")
FAMILY = {'"': "double", "“": "double", "”": "double", "„": "double", "'": "single", "‘": "single", "’": "single"}
FAMILY |= {"«": "guillemet", "»": "guillemet", "''": "double", "``": "double"}
OPENERS = frozenset("“„‘«")
CLOSERS = frozenset("”’»")
SENTENCE_END = re.compile(r"[.!?](?=\s)")


@dataclass(frozen=True, slots=True)
class QuoteSpan:
    """A quoted passage: `start` is its opening mark, `end` is past its closing mark (or the
    end of the paragraph where the mark was left off). `inner_start`/`inner_end` exclude marks."""

    start: int
    end: int
    inner_start: int
    inner_end: int
    family: str
    closed: bool


def _looks_opening(text: str, i: int, width: int = 1) -> bool:
    before = text[i - 1] if i > 0 else " "
    after = text[i + width] if i + width < len(text) else " "
    return (before.isspace() or before in "([{—–-/") and not after.isspace()


def _looks_closing(text: str, i: int) -> bool:
    before = text[i - 1] if i > 0 else " "
    after = text[i + 1] if i + 1 < len(text) else " "
    return not before.isspace() and not after.isalnum()


def _is_apostrophe(text: str, i: int) -> bool:
    """’ or ' inside a word (don’t, Trump’s) or after a year digit ('90s)."""
    before = text[i - 1] if i > 0 else " "
    after = text[i + 1] if i + 1 < len(text) else " "
    return (before.isalnum() and after.isalnum()) or (before.isspace() and after.isdigit())


def _role(text: str, i: int, width: int = 1) -> str:
    """'open', 'close' or 'skip' for the mark at `i`, judged without knowing the state."""
    char = text[i]
    if width == 2:
        return "open" if char == "`" or _looks_opening(text, i, width) else "close"
    if char in "'’" and _is_apostrophe(text, i):
        return "skip"
    if char in OPENERS:
        # a curly opener glued to the previous word and followed by a space was typed wrong
        return "close" if _looks_closing(text, i) and not _looks_opening(text, i) else "open"
    if char in CLOSERS:
        return "open" if _looks_opening(text, i) and not _looks_closing(text, i) else "close"
    if _looks_opening(text, i):
        return "open"
    if _looks_closing(text, i):
        return "close"
    return "open" if char == '"' else "skip"


class _Scanner:
    """The state machine: at most one top-level quote open at a time."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.found: list[QuoteSpan] = []
        self.open_at = -1
        self.family = ""
        self.open_width = 1
        self.continuation_at = -1  # the opening mark that re-opens a quote in its next paragraph

    def run(self) -> list[QuoteSpan]:
        for match in MARKS.finditer(self.text):
            i = match.start()
            if self.text[i] == "\n":
                self._paragraph_end(i)
            else:
                self._mark(i, match.end() - i)
        if self.open_at >= 0:
            self._close_unclosed(len(self.text))
        return self.found

    def _mark(self, i: int, width: int = 1) -> None:
        mark = self.text[i : i + width]
        family, role = FAMILY[mark], _role(self.text, i, width)
        if self.open_at < 0:
            if role == "open":
                self.open_at, self.family, self.open_width = i, family, width
            return
        if family != self.family or i in (self.open_at, self.continuation_at):
            return  # nested quote of another family, or an apostrophe inside the quote
        if role == "close" or (role == "skip" and family == "double"):
            self._emit(i + width, i, closed=True)
        elif role == "open" and self.family != "single":
            # a new opening mark while one is open: the earlier quote was never closed
            self._close_unclosed(i)
            self.open_at, self.family, self.open_width = i, family, width

    def _paragraph_end(self, i: int) -> None:
        if self.open_at < 0:
            return
        nxt = i + 1
        while nxt < len(self.text) and self.text[nxt].isspace():
            nxt += 1
        continues = nxt < len(self.text) and FAMILY.get(self.text[nxt]) == self.family
        continues = continues and _role(self.text, nxt) == "open"
        if continues and self.family != "single":
            self.continuation_at = nxt
            return  # the convention for a quote running over several paragraphs
        self._close_unclosed(i)

    def _close_unclosed(self, limit: int) -> None:
        """End an unclosed quote: at its last sentence end before `limit`, else at `limit`."""
        segment = self.text[self.open_at : limit]
        end = limit
        if "\n" not in segment:
            ends = [m.end() for m in SENTENCE_END.finditer(segment + " ")]
            if ends and self.open_at + ends[-1] < limit - 1:
                end = self.open_at + ends[-1]
        while end > self.open_at + self.open_width and self.text[end - 1].isspace():
            end -= 1
        if self.family == "single":
            self.open_at = -1  # an unpaired single mark is more likely an apostrophe than a quote
            return
        self._emit(end, end, closed=False)

    def _emit(self, end: int, inner_end: int, closed: bool) -> None:
        start = self.open_at
        self.open_at = -1
        inner_start = start + self.open_width
        if inner_end > inner_start:
            self.found.append(QuoteSpan(start, end, inner_start, inner_end, self.family, closed))


def find_quote_spans(text: str) -> list[QuoteSpan]:
    """Top-level quoted passages of `text`, in order; never raises on odd input."""
    return _Scanner(text).run()
