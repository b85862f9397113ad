"""Find page debris in article text: share/subscribe lines, "Exit mobile version", "Full coverage: …".

Debris is reported as spans and blanked out before parsing, never cut out of the text, so that
offsets keep pointing into the text exactly as given. A line counts as debris only when it is
short and matches one of the patterns: a sentence that merely mentions cookies stays.
"""

from __future__ import annotations

import re

from newsevents.types import Span

# Each pattern must match the whole (stripped) line.
_DEBRIS_LINE_PATTERNS = [
    r"exit mobile version",
    r"skip to (main )?content",
    r"full coverage\s*:.*",
    r"(read|see) (more|also)\s*:.*",
    r"related( (stories|articles|coverage|content))?\s*:.*",
    r"(more|latest) (on|from) (this|[\w\s-]{1,30})\s*:?.*",
    r"advertisement|sponsored( content)?|promoted( stories)?",
    r"(share|tweet|email|print|pin|copy link)( this( article| story| page)?)?( on \w+)?",
    r"share (on|via) .{1,40}",
    r"(click|tap) here .{0,60}",
    r"(follow|like) us on .{1,60}",
    r"(subscribe|sign up|register)( now| today)?( to| for)? .{0,60}"
    r"(newsletter|updates|alerts|subscription|account|free).{0,30}",
    r"subscribe( now| today)?",
    r"(this|our) (web)?site uses cookies.{0,120}",
    r"(accept|manage|reject) (all )?cookies.{0,40}",
    r"we use cookies.{0,120}",
    r"(copyright|©|\(c\)).{0,80}(all rights reserved)?\.?",
    r".{0,60}all rights reserved\.?",
    r"(previous|next) (article|post|story)\s*:?.{0,120}",
    r"(leave a|post a|\d+) comments?",
    r"comments?( \(\d+\))?",
    r"(photo|image|picture) ?(credit)?\s*:.{0,80}",
    r"(loading|please wait)\.{0,3}",
    r"(home|news|world|politics|business)( ?[|›»>/] ?\w+){1,6}",  # breadcrumbs
    r"tags?\s*:.{0,120}",
    r"(watch|listen)( now| live)?\s*:.{0,80}",
    r"(download|get) (our|the) app.{0,60}",
]
_DEBRIS_RE = re.compile(r"^(?:" + "|".join(_DEBRIS_LINE_PATTERNS) + r")$", re.IGNORECASE)
_MAX_DEBRIS_WORDS = 14


def find_debris(text: str) -> list[Span]:
    """Spans of whole lines (without their surrounding white space) that are page debris."""
    spans: list[Span] = []
    for match in re.finditer(r"[^\n]+", text):
        line = match.group(0)
        stripped = line.strip()
        if not stripped or len(stripped.split()) > _MAX_DEBRIS_WORDS:
            continue
        if _DEBRIS_RE.match(stripped):
            start = match.start() + (len(line) - len(line.lstrip()))
            spans.append(Span(start, start + len(stripped), stripped))
    return spans


def blank_out(text: str, spans: list[Span]) -> str:
    """`text` with each span replaced by spaces of the same length: offsets stay valid."""
    if not spans:
        return text
    chars = list(text)
    for span in spans:
        chars[span.start : span.end] = " " * (span.end - span.start)
    return "".join(chars)
