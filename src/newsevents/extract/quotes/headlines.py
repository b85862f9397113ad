"""Headline attributions: a short line `Name: what they said` ("Senator Smith: Budget Deal Is
Dead", "Poll: Governor Leads by Six"); and signed quotations, `“…” ― Name` (epigraphs, readers'
comments, testimonials), where a dash after the closing mark introduces the speaker.

News headlines and interview transcripts put the source before a colon and drop the verb. The
line must be short, its label a name of one to six words with no verb and no digits (so
"12:20 p.m.:" and "The reason is simple: …" are no attributions), and not one of the labels
web pages put before a colon ("Watch:", "Related:", "Update:").
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from spacy.tokens import Doc, Token

from newsevents.extract.quotes.cues import Cue
from newsevents.extract.quotes.marks import QuoteSpan

LINE = re.compile(r"[^\n]+")
MAX_LINE_WORDS = 30
MAX_LABEL_WORDS = 6
MIN_CONTENT_WORDS = 3
# page furniture and section labels, not sources
NOT_SOURCES = frozenset(
    {"update", "updated", "updates", "watch", "video", "videos", "photo", "photos", "related", "read", "breaking",
     "note", "editor", "source", "sources", "tags", "tag", "share", "live", "exclusive", "analysis", "opinion",
     "transcript", "topics", "subscribe", "follow", "advertisement", "more", "also", "see", "listen", "credit",
     "image", "images", "caption", "correction", "disclaimer", "warning", "spoiler", "question", "answer", "q", "a",
     "timeline", "quiz", "sign", "email", "contact", "by", "posted", "filed", "location", "date", "time"}
)  # fmt: skip
SOURCE_TAGS = frozenset({"NNP", "NNPS", "NN", "NNS"})
# after a closing mark, on the same line: a dash, then a name ending the line or followed by a
# comma and a short description ("― Ana Ruiz, a nurse in Tucson")
SIGNATURE = re.compile(
    r"[ \t\u00a0]*(?:[―—–]|--)[ \t\u00a0]*([A-Z][^\n,;:!?]{0,60}?)[ \t\u00a0.]*(?:,[^\n]{0,100})?(?=\n|$)"
)


def find_headline_cues(doc: Doc, text: str, quotes: list[QuoteSpan]) -> Iterator[Cue]:
    """A colon cue for each line shaped `Label: content`, the label's head as the speaker."""
    for line in LINE.finditer(text):
        colon = text.find(":", line.start(), line.end())
        if colon < 0 or len(line.group().split()) > MAX_LINE_WORDS:
            continue
        if any(q.start < colon < q.end for q in quotes):
            continue  # a colon inside a quotation
        label = text[line.start() : colon]
        content = text[colon + 1 : line.end()]
        if not _label_like(label) or len(content.split()) < MIN_CONTENT_WORDS:
            continue
        tokens = doc.char_span(line.start(), colon, alignment_mode="expand")
        colon_token = doc.char_span(colon, colon + 1)
        if tokens is None or colon_token is None or not len(colon_token):
            continue
        head = _label_head(list(tokens))
        if head is None:
            continue
        content_start = colon + 1 + len(content) - len(content.lstrip())
        content_end = colon + 1 + len(content.rstrip())
        start = line.start() + len(label) - len(label.lstrip())
        yield Cue(colon_token[0], colon, colon + 1, head, start, colon + 1, (content_start, content_end))


def _label_like(label: str) -> bool:
    words = label.split()
    if not 1 <= len(words) <= MAX_LABEL_WORDS or any(ch.isdigit() for ch in label):
        return False
    if any(ch in label for ch in '.!?"“”') and not re.fullmatch(r"(?:[A-Z][a-z]{0,3}\.\s*)?[^.!?\"“”]+", label):
        return False  # a sentence ends inside it; a title such as "Sen." or "Dr." may open it
    lowered = {w.lower().strip("'’s,") for w in words}
    return words[0][:1].isupper() and not lowered & NOT_SOURCES


def _label_head(tokens: list[Token]) -> Token | None:
    """The label's last noun, when it holds no verb ("Sen. Jane Doe", "Clinton camp")."""
    if any(t.pos_ in ("VERB", "AUX") and t.tag_ not in SOURCE_TAGS for t in tokens):
        return None
    nouns = [t for t in tokens if t.pos_ in ("PROPN", "NOUN")]
    return nouns[-1] if nouns else None


# a headline claim signed with its source after a dash, the way news sites title a speech or an interview:
# "Taxes must stay low - Smith", "Reform 'long overdue' - Greens"
SIGNED_HEADLINE = re.compile(
    r"([^\n]*?\S)[ \t\u00a0]+(?:[-―—–]|--)[ \t\u00a0]+([A-Z][\w'’.-]*(?: [A-Z][\w'’.-]*){0,2})[ \t]*$"
)
MAX_HEADLINE_WORDS = 15
MIN_CLAIM_WORDS = 2


def find_signed_headline_cues(doc: Doc, text: str) -> Iterator[Cue]:
    """A dash cue for each short line `claim - Name` with no sentence end: the name is the claim's source."""
    for line in LINE.finditer(text):
        found = SIGNED_HEADLINE.fullmatch(line.group())
        if found is None or len(line.group().split()) > MAX_HEADLINE_WORDS or line.group().rstrip()[-1:] in ".!?":
            continue
        claim, name = found.group(1), found.group(2)
        if len(claim.split()) < MIN_CLAIM_WORDS or not _label_like(name):
            continue
        name_start, name_end = line.start() + found.start(2), line.start() + found.end(2)
        dash = text.find(text[line.start() + found.end(1) : name_start].strip()[:1], line.start() + found.end(1))
        content = (line.start() + len(line.group()) - len(line.group().lstrip()), line.start() + found.end(1))
        cue = _dash_cue(doc, dash, name_start, name_end, content)
        if cue is not None:
            yield cue


def find_signature_cues(doc: Doc, text: str, quotes: list[QuoteSpan]) -> Iterator[Cue]:
    """A dash cue for each closed quotation that opens its line and is signed `“…” ― Name` at its end."""
    for span in quotes:
        line_start = text.rfind("\n", 0, span.start) + 1
        if not span.closed or text[line_start : span.start].strip():
            continue  # a signed quotation stands alone on its line
        found = SIGNATURE.match(text, span.end)
        if found is None or not _label_like(found.group(1)):
            continue
        name_start, name_end = found.span(1)
        dash = text.find(text[span.end :].lstrip(" \t\u00a0")[:1], span.end)
        cue = _dash_cue(doc, dash, name_start, name_end, None)
        if cue is not None:
            yield cue


def _dash_cue(doc: Doc, dash: int, name_start: int, name_end: int, content: tuple[int, int] | None) -> Cue | None:
    """The cue of a line signed with a dash and a name: the dash is the cue, the name's head the speaker."""
    tokens = doc.char_span(name_start, name_end, alignment_mode="expand")
    dash_token = doc.char_span(dash, dash + 1, alignment_mode="expand")
    if tokens is None or dash_token is None or not len(dash_token):
        return None
    head = _label_head(list(tokens))
    return None if head is None else Cue(dash_token[0], dash, dash + 1, head, dash, name_end, content)
