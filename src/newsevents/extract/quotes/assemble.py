"""Tie quoted passages to cues and turn both into `Quote` records.

- A passage is attached to the cue whose clause touches it with nothing but punctuation in
  between: `“…,” Flynn said` (cue after) or `He said, “…”` / `said: “…”` (cue before); a
  speaker label before a colon also counts (`Rep. Trey Gowdy: “…”`). Words before the passage
  in its sentence join the content (`Trump was “right,” he said` is `mixed`).
- A passage with no cue of its own that follows an attached one continues it: in the same
  paragraph, across the cue clause only, it becomes another piece of the same quote
  (`“A,” he said. “B.”`); otherwise (a new paragraph opening with a quote) it is a new quote
  by the same speaker.
- A cue with no passage but a complement clause gives reported speech (`indirect`), `mixed`
  when the clause holds a quoted fragment; a content on both sides of its cue (`A, he said,
  B`) is kept in two pieces. Passages inside a cue clause are titles, not quotes; long ones
  that no cue claims are kept without a speaker.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass

from spacy.tokens import Token

from newsevents.extract.context import ExtractContext
from newsevents.extract.quotes.cues import Cue
from newsevents.extract.quotes.marks import QuoteSpan
from newsevents.extract.quotes.speaker import resolve_speaker
from newsevents.types import Actor, CharRange, Quote, QuoteKind, Span

NEWLINE = re.compile(r"\n\s*")  # a run of blank lines is one paragraph break
SENTENCE_END = re.compile(r"[.!?][\"”’']?\s+")
GAP_PUNCT = ",:;—–-"
MIN_UNATTRIBUTED_WORDS = 6
NEXT_SENTENCE_CHARS = 250
QUESTION_CUES = frozenset({"ask", "question", "press", "challenge"})
# the ones a line before a colon addresses or mentions in passing, never its speaker ("X told Y:")
ADDRESSED_DEPS = frozenset({"dobj", "dative", "iobj", "pobj"})


@dataclass
class Draft:
    """A quote being built: its pieces, kind and cue; the speaker is resolved at the end."""

    parts: list[tuple[int, int]]
    kind: QuoteKind
    cue: Cue | None
    speaker: Actor | None = None
    inherit_from: Draft | None = None

    @property
    def start(self) -> int:
        return self.parts[0][0]

    @property
    def end(self) -> int:
        return self.parts[-1][1]


class _Assembler:
    def __init__(self, ctx: ExtractContext, text: str, spans: list[QuoteSpan], cues: list[Cue]) -> None:
        self.ctx = ctx
        self.text = text
        self.spans = spans
        self.cues = sorted(cues, key=lambda c: c.clause_start)
        self.cue_starts = [c.clause_start for c in self.cues]
        self.paragraph_breaks = [m.start() for m in NEWLINE.finditer(self.text)]
        self.span_starts = [q.start for q in spans]
        self.owner: dict[int, Draft] = {}  # quote span index -> draft holding it
        self.quoted = [(q.start, q.end) for q in spans]  # people named in here are not speakers
        self.spoken: list[tuple[int, int]] = []  # every attribution's content, once drafted

    def paragraph(self, pos: int) -> int:
        return bisect_right(self.paragraph_breaks, pos)

    def clean_gap(self, start: int, end: int) -> bool:
        gap = self.text[start:end]
        return start <= end and _only_punct(gap, GAP_PUNCT) and "\n" not in gap

    def run(self) -> list[Quote]:
        drafts = self.attach_direct()
        drafts += self.reported(drafts)
        drafts += self.continue_quotes(drafts)
        drafts += self.unattributed()
        drafts.sort(key=lambda d: d.start)
        return [self.record(d) for d in self.resolve_speakers(self.without_nested(drafts))]

    def attach_direct(self) -> list[Draft]:
        by_cue: dict[int, Draft] = {}
        for k, span in enumerate(self.spans):
            cue = self.cue_for(span) or self.colon_cue(span)
            if cue is None:
                continue
            draft = by_cue.get(id(cue))
            start = span.start
            if draft is None:
                draft = by_cue[id(cue)] = Draft(parts=[], kind="direct", cue=cue)
                start = self.lead_in(span, cue)
                draft.kind = "mixed" if start < span.start else "direct"
            draft.parts.append((start, span.end))
            self.owner[k] = draft
        return list(by_cue.values())

    def cue_for(self, span: QuoteSpan) -> Cue | None:
        """The cue whose clause touches the passage, preferring `“…,” he said` to `he said, “…”`."""
        after = before = None
        k = bisect_left(self.cue_starts, span.end)
        if k < len(self.cues) and self.clean_gap(span.end, self.cues[k].clause_start):
            # `“… war.” He also claimed that …`: a finished sentence is not the next cue's content
            finished = self.text[span.inner_start : span.inner_end].rstrip().endswith(".")
            if not (finished and self.cues[k].content is not None):
                after = self.cues[k]
        if after is not None and after.weak and not self.wire_style(span):
            after = None
        for cue in reversed(self.cues[max(0, k - 3) : k]):
            if cue.weak:
                continue
            if cue.clause_end <= span.start and self.clean_gap(cue.clause_end, span.start):
                # `said “there could be” a line that …`: the quote opens a longer reported clause
                before = None if cue.content is not None and cue.content[1] > span.end + 2 else cue
                break
        if after is not None and before is not None:
            trailing = self.text[span.inner_start : span.inner_end].rstrip()
            return after if trailing.endswith((",", "?", "!", "—")) or not span.closed else before
        return after or before

    def colon_cue(self, span: QuoteSpan) -> Cue | None:
        """`Rep. Trey Gowdy (R-S.C.): “…”` or `Trump issued this statement: “…”`, the passage
        on the same line or opening the next paragraph (a block quote introduced by `X wrote:`)."""
        line_start = self.text.rfind("\n", 0, span.start) + 1
        before = self.text[line_start : span.start].rstrip()
        if not before and line_start > 0:
            line_end = len(self.text[:line_start].rstrip())
            line_start = self.text.rfind("\n", 0, line_end) + 1
            before = self.text[line_start:line_end]
            introducing = self.cue_before_colon(line_start, line_end)
            if before.endswith(":") and introducing is not None:
                return introducing
        if not before.endswith(":"):
            return None
        colon = self.ctx.doc.char_span(line_start + len(before) - 1, line_start + len(before))
        if colon is None or not len(colon):
            return None
        token = colon[0]
        introducing = self.cue_before_colon(line_start, token.idx)
        if introducing is not None:
            return introducing  # `X is to tell the conference: “…”`: the speech verb before the colon
        subject = _colon_subject(token, line_start)
        if subject is None:
            return None
        start = min(subject.left_edge.idx, token.idx)
        return Cue(token, token.idx, token.idx + 1, subject, start, token.idx + 1, None)

    def cue_before_colon(self, line_start: int, colon: int) -> Cue | None:
        """The last cue with a speaker in the line that ends with a colon (`Smith wrote:`)."""
        k = bisect_left(self.cue_starts, colon)
        for cue in reversed(self.cues[max(0, k - 6) : k]):
            if cue.clause_start < line_start:
                break
            if cue.subject is not None and not cue.weak and cue.token.sent.end_char >= colon - 1:
                return cue
        return None

    def wire_style(self, span: QuoteSpan) -> bool:
        """`“…,” he continued`: the comma (or ? ! —) inside the closing mark hands over to a cue."""
        return span.closed and self.text[span.inner_start : span.inner_end].rstrip().endswith((",", "?", "!", "—"))

    def lead_in(self, span: QuoteSpan, cue: Cue) -> int:
        """Where the content starts for `X was “…,” he said`: the words before the passage
        in its sentence belong to the content, unless they hold a cue clause themselves."""
        if cue.clause_start < span.end:
            return span.start
        tokens = self.ctx.doc.char_span(span.start, span.end, alignment_mode="expand")
        if tokens is None or not len(tokens):
            return span.start
        start = max(tokens[0].sent.start_char, self.text.rfind("\n", 0, span.start) + 1)
        ends = list(SENTENCE_END.finditer(self.text, start, span.start))
        if ends:  # the parser sometimes runs a sentence on into a quotation
            start = ends[-1].end()
        k = bisect_left(self.span_starts, span.start) - 1
        if k >= 0:
            start = max(start, self.spans[k].end)
        lead = self.text[start : span.start]
        if sum(ch.isalpha() for ch in lead) < 2 or lead.rstrip().endswith(":"):
            return span.start
        if any(start <= c.clause_start < span.start for c in self.cues_near(span.start)):
            return span.start
        return start + len(lead) - len(lead.lstrip())

    def continue_quotes(self, drafts: list[Draft]) -> list[Draft]:
        """Passages without a cue that carry on the attributed quote before them."""
        new: list[Draft] = []
        # a cue inside another quote's content ("urged him to admit he had ...") is dropped later: a passage
        # after it carries on the outer quote, whose speaker is known
        pieces = [(s, e, k) for k, d in enumerate(drafts) for s, e in d.parts]
        ordered = sorted((d for k, d in enumerate(drafts) if not _nested(d, k, pieces)), key=lambda d: d.end)
        ends = [d.end for d in ordered]
        for k, span in enumerate(self.spans):
            if k in self.owner or self.inside_clause(span):
                continue
            at = bisect_right(ends, span.start) - 1
            if at < 0:
                continue
            last = ordered[at]
            if self.paragraph(span.start) == self.paragraph(last.end):
                if last.kind == "direct" and self.only_cue_between(last, last.end, span.start):
                    last.parts.append((span.start, span.end))
                    self.owner[k] = last
                    continue
                if not self.opens_sentence(span):
                    continue
            elif not (self.opens_paragraph(span) and self.paragraph(span.start) - self.paragraph(last.end) == 1):
                continue
            draft = Draft(parts=[(span.start, span.end)], kind="direct", cue=last.cue, inherit_from=last)
            self.owner[k] = draft
            new.append(draft)
            ordered.insert(at + 1, draft)
            ends.insert(at + 1, draft.end)
        return new

    def opens_sentence(self, span: QuoteSpan) -> bool:
        line_start = self.text.rfind("\n", 0, span.start) + 1
        before = self.text[line_start : span.start].rstrip()
        return not before or before.endswith((".", "!", "?", "”", '"'))

    def only_cue_between(self, draft: Draft, start: int, end: int) -> bool:
        """Nothing but the draft's own cue clause (or nothing at all) lies between two passages."""
        cue = draft.cue
        leftover = self.text[start:end]
        if cue is not None and start <= cue.clause_start < cue.clause_end <= end:
            leftover = self.text[start : cue.clause_start] + self.text[cue.clause_end : end]
        return _only_punct(leftover, GAP_PUNCT + ".")

    def opens_paragraph(self, span: QuoteSpan) -> bool:
        line_start = self.text.rfind("\n", 0, span.start) + 1
        return not self.text[line_start : span.start].strip()

    def inside_clause(self, span: QuoteSpan) -> bool:
        return any(c.clause_start <= span.start and span.end <= c.clause_end for c in self.cues_near(span.start))

    def cues_near(self, pos: int) -> list[Cue]:
        k = bisect_left(self.cue_starts, pos)
        return self.cues[max(0, k - 4) : k + 1]

    def reported(self, drafts: list[Draft]) -> list[Draft]:
        """Reported speech from the complement clause of cues that have no passage."""
        used = {id(d.cue) for d in drafts if d.cue is not None}
        taken = sorted((s, e) for d in drafts for s, e in d.parts)
        new = []
        for cue in self.cues:
            if id(cue) in used or cue.content is None or cue.weak:
                continue
            start, end = self.content_range(cue, *cue.content)
            # a clause the parser ran past the paragraph break leaves nothing inside the cue's paragraph
            if start >= end or _overlaps_any(taken, start, end):
                continue
            first, last = bisect_left(self.span_starts, start), bisect_left(self.span_starts, end)
            inner = [k for k in range(first, last) if self.spans[k].end <= end]
            kind: QuoteKind = "mixed" if inner else "indirect"
            if len(inner) == 1 and self.is_whole(self.spans[inner[0]], start, end):
                kind = "direct"
            draft = Draft(parts=self.around_clause(cue, start, end), kind=kind, cue=cue)
            for k in inner:
                self.owner.setdefault(k, draft)
            new.append(draft)
        return new

    def around_clause(self, cue: Cue, start: int, end: int) -> list[tuple[int, int]]:
        """A content on both sides of its cue ("A, he said, B") in two pieces, without the cue."""
        if not start < cue.clause_start < cue.clause_end < end:
            return [(start, end)]
        before, after = self.text[start : cue.clause_start], self.text[cue.clause_end : end]
        left = start + len(before.rstrip(" ,—–-\n\t"))
        right = cue.clause_end + len(after) - len(after.lstrip(" ,—–-"))
        pieces = [(start, left), (right, end)]
        return [(s, e) for s, e in pieces if e > s]

    def content_range(self, cue: Cue, start: int, end: int) -> tuple[int, int]:
        """The complement clause kept inside the cue's paragraph, widened over quotes it cuts."""
        paragraph_start = self.text.rfind("\n", 0, cue.start) + 1
        paragraph_end = self.text.find("\n", cue.end)
        start = max(start, paragraph_start)
        end = min(end, paragraph_end if paragraph_end >= 0 else len(self.text))
        k = bisect_right(self.span_starts, end) - 1
        if k >= 0 and self.spans[k].start < end < self.spans[k].end:
            end = self.spans[k].end
        k = bisect_right(self.span_starts, start) - 1
        if k >= 0 and self.spans[k].start < start < self.spans[k].end:
            start = self.spans[k].start
        return start, end

    def is_whole(self, span: QuoteSpan, start: int, end: int) -> bool:
        """The content is the passage, give or take punctuation ("said that “…”" stays mixed)."""
        rest = self.text[start : span.start] + self.text[span.end : end]
        return _only_punct(rest, GAP_PUNCT + ".")

    def unattributed(self) -> list[Draft]:
        """Long passages no cue claims: kept, without a speaker."""
        new = []
        for k, span in enumerate(self.spans):
            if k in self.owner or self.inside_clause(span):
                continue
            inner = self.text[span.inner_start : span.inner_end].strip()
            # a full sentence or more; lower-case fragments are scare quotes or pieces of a clause
            if inner[:1].isupper() and len(inner.split()) >= MIN_UNATTRIBUTED_WORDS:
                new.append(Draft(parts=[(span.start, span.end)], kind="direct", cue=None))
        return new

    def resolve_speakers(self, drafts: list[Draft]) -> list[Draft]:
        # what every attribution reports: the people it names are spoken about, not speaking
        # (what a poll or footage "shows" is evidence, not words about someone: its people may speak next)
        self.spoken = sorted(
            part for draft in drafts if draft.cue is None or draft.cue.cls != "evidence" for part in draft.parts
        )
        speakers: list[Actor] = []
        for draft in drafts:
            draft.speaker = self.speaker_of(draft, speakers)
            if draft.speaker is not None:
                speakers.append(draft.speaker)
        return drafts

    def without_nested(self, drafts: list[Draft]) -> list[Draft]:
        """Drop an attribution whose cue and content lie inside another one's content.

        In "Smith said Jones believes the deal is dead" the reported claim is Smith's: what
        Jones believes is part of what Smith said, not a second quote to count on its own.
        Only the outer attribution is kept (its content holds the inner one whole).
        """
        pieces = [(s, e, k) for k, d in enumerate(drafts) for s, e in d.parts]
        return [d for k, d in enumerate(drafts) if not _nested(d, k, pieces)]

    def speaker_of(self, draft: Draft, earlier: list[Actor]) -> Actor | None:
        if draft.inherit_from is not None:
            asked = _asked_one(draft.inherit_from.cue)
            if draft.inherit_from.speaker is None and asked is not None:
                # "Smith was asked whether ... | “…”": the passage after the question is the answer, Smith's
                return resolve_speaker(self.ctx, asked, earlier, self.quoted, self.spoken)
            return draft.inherit_from.speaker
        if draft.cue is None:
            named_next = self.cue_in_next_sentence(draft)
            if named_next is not None and named_next.subject is not None:
                return resolve_speaker(self.ctx, named_next.subject, earlier, self.quoted, self.spoken)
            return None
        if draft.cue.subject is None:
            return None
        return resolve_speaker(self.ctx, draft.cue.subject, earlier, self.quoted, self.spoken)

    def cue_in_next_sentence(self, draft: Draft) -> Cue | None:
        """`“…” | Smith said the vote was close.`: a passage no cue claims, followed in its
        paragraph by a sentence whose cue has a subject and no passage of its own, is that
        speaker's (news often names the speaker just after a quote that opens a paragraph)."""
        paragraph_end = self.text.find("\n", draft.end)
        limit = min(draft.end + NEXT_SENTENCE_CHARS, paragraph_end if paragraph_end >= 0 else len(self.text))
        k = bisect_left(self.span_starts, draft.end)
        if k < len(self.spans) and self.spans[k].start < limit:
            limit = self.spans[k].start  # another passage comes first: the cue is its own
        for cue in self.cues[bisect_left(self.cue_starts, draft.end) :]:
            if cue.clause_start >= limit:
                break
            if cue.subject is not None and not cue.weak and cue.token.sent.start_char >= draft.end - 2:
                return cue
        return None

    def record(self, draft: Draft) -> Quote:
        start, end = draft.start, draft.end
        cue = draft.cue
        cue_span = Span(cue.start, cue.end, self.ctx.text[cue.start : cue.end]) if cue else None
        parts = [CharRange(s, e) for s, e in draft.parts] if len(draft.parts) > 1 else []
        text = self.ctx.text[start:end]
        return Quote(start, end, text, draft.kind, cue_span, draft.speaker, parts)


def _colon_subject(colon: Token, line_start: int) -> Token | None:
    """Who speaks before a colon with no speech verb: the subject of a verb before the colon (`His message to
    the unions was: “…”`: the message, its author's), else the last name that is no object (`Statement from the
    White House:`); never a word of the quotation after the colon, nor the one addressed."""
    before = [t for t in colon.sent if t.i < colon.i and t.idx >= line_start]
    for verb in reversed([t for t in before if t.pos_ in ("VERB", "AUX")]):
        subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
        if subject is not None and line_start <= subject.idx and subject.i < colon.i:
            return subject
    names = [t for t in before if t.pos_ in ("PROPN", "NOUN") and _phrase_role(t).dep_ not in ADDRESSED_DEPS]
    return names[-1] if names else None


def _phrase_role(token: Token) -> Token:
    """The token whose role a name's word has: "Mr", "Karl" in "told Mr Karl Lee and his team" are the object's."""
    for _ in range(10):
        if token.dep_ not in ("conj", "compound", "flat") or token.head.i == token.i:
            break
        token = token.head
    return token


def _nested(draft: Draft, k: int, pieces: list[tuple[int, int, int]]) -> bool:
    """The draft's cue and its whole content sit inside one piece of another draft."""
    cue = draft.cue
    if cue is None:
        return False
    return any(
        owner != k and s <= cue.start and cue.end <= e and s <= draft.start and draft.end <= e for s, e, owner in pieces
    )


def _asked_one(cue: Cue | None) -> Token | None:
    """The passive subject of a question cue ("Smith was asked whether ..."): the one who answers."""
    if cue is None or cue.token.lemma_.lower() not in QUESTION_CUES:
        return None
    return next((c for c in cue.token.children if c.dep_ == "nsubjpass"), None)


def _only_punct(text: str, allowed: str) -> bool:
    return all(ch.isspace() or ch in allowed for ch in text)


def _overlaps_any(ranges: list[tuple[int, int]], start: int, end: int) -> bool:
    k = bisect_left(ranges, (start, start))
    return any(s < end and start < e for s, e in ranges[max(0, k - 2) : k + 2])


def assemble_quotes(ctx: ExtractContext, text: str, spans: list[QuoteSpan], cues: list[Cue]) -> list[Quote]:
    return _Assembler(ctx, text, spans, cues).run()
