"""PETRARCH verb-pattern files (e.g. CAMEO.2.0.txt, MIT, Open Event Data Alliance) as a verb source.

The format (PETRARCH2 `dictionaries.rst`): synsets `&NAME` followed by `+WORD` lines; verb blocks opened
by `--- DESCRIPTION [CODE] ---`, then the block's verbs (`HURRY {HURRIES HURRIED}`, `+CORDON_OFF {...}`,
an optional own `[CODE]`), then patterns `- [pre-verb nouns] * [post-verb nouns] (PREP NOUN) [CODE] # note`.
Each verb × pattern becomes one of our `VerbPattern`s (tier 1: ours win among equally specific ones):

- post-verb: the first noun (a word, `{ADJ NOUN}`, or `&SYNSET`) is the direct object; `(PREP X)` a
  prepositional object; `(PREP)` alone a preposition that must be attached;
- a block's (or verb's own) code codes the bare verb; `---` is "no event" (our `-`);
- `[A:B]` codes take A (B when A is empty); a code missing from GDELT's table falls back to its parent
  (`080!` -> 080);
- what our matcher cannot express is skipped and counted, never guessed: patterns with pre-verb nouns
  (a subject constraint), pre-compound verbs (`WIRE_+TAP`), and `~` transformations. As PETRARCH does, a
  pattern naming a synset not defined above it is ignored.

A malformed line (a pattern without its [CODE] or '*', an unknown code, a line that is none of the
above) is an `InputError` naming file:line; a pattern with unbalanced brackets is skipped and counted,
as CAMEO.2.0.txt itself has one.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from newsevents.extract.events.codebook import codebook
from newsevents.extract.events.dictionary import NO_EVENT, NounSlot, VerbPattern
from newsevents.types import InputError

BLOCK = re.compile(r"^---\s+(.*?)\s*\[([^\]]*)\][-\s]*---\s*$")
CODE_AT_END = re.compile(r"\[([^\]]*)\]\s*$")
POST_PART = re.compile(r"\([^)]*\)|\{[^}]*\}|&\w+|[^\s(){}]+")
MARKERS = frozenset({"$", "+", "%", "^"})
NULL_CODE = "---"


@dataclass
class PetrarchVerbs:
    patterns: list[VerbPattern] = field(default_factory=list)
    skipped: dict[str, int] = field(default_factory=dict)

    def skip(self, why: str) -> None:
        self.skipped[why] = self.skipped.get(why, 0) + 1


def looks_like_petrarch(text: str) -> bool:
    """PETRARCH verb files have `--- NAME [CODE] ---` block headers and no tab-separated lines."""
    return "\t" not in text[:5000] and any(BLOCK.match(line.strip()) for line in text.splitlines()[:2000])


def _code(raw: str, where: str) -> str:
    """`042:043` -> 042, `:173` -> 173, `---` -> no event, `080!` -> 080; unknown -> its known parent."""
    first = next((part.strip() for part in raw.split(":") if part.strip()), NULL_CODE)
    if first == NULL_CODE:
        return NO_EVENT
    digits = re.sub(r"\D", "", first)
    table = codebook()
    while digits and digits not in table:
        digits = digits[:-1]
    if len(digits) < 2:
        raise InputError(f"{where}: unknown CAMEO code {raw!r}")
    return digits if len(digits) > 2 else digits + "0"


def _words(item: str) -> str:
    return " ".join(item.strip("{}").replace("_", " ").lower().split())


def _noun(item: str, synsets: dict[str, frozenset[str]]) -> frozenset[str] | None:
    """A noun element's accepted forms; None for a synset not defined (the pattern is then ignored)."""
    if item.startswith("&"):
        return synsets.get(item.upper())
    words = _words(item).split()
    return frozenset({" ".join(words[-2:]), words[-1]}) if words else frozenset()


def _post(post: str, synsets: dict[str, frozenset[str]], where: str) -> tuple[list[str], list[NounSlot]] | None:
    words: list[str] = []
    slots: list[NounSlot] = []
    for item in POST_PART.findall(post):
        if item in MARKERS:
            continue
        if item.startswith("("):
            inner = POST_PART.findall(item[1:-1])
            inner = [i for i in inner if i not in MARKERS]
            if not inner:
                continue
            prep = _words(inner[0])
            if len(inner) == 1:
                words.append(prep)
                continue
            forms = _noun(inner[1], synsets)
            if forms is None:
                return None
            slots.append(NounSlot(forms, prep))
        elif not any(slot.prep is None for slot in slots):
            forms = _noun(item, synsets)
            if forms is None:
                return None
            slots.append(NounSlot(forms, None))
    return words, slots


@dataclass
class _Block:
    code: str = NO_EVENT
    verbs: list[tuple[str, tuple[str, ...], str | None]] = field(default_factory=list)  # lemma, particles, own code


def _verb_line(line: str, block: _Block, where: str, found: PetrarchVerbs) -> None:
    own = CODE_AT_END.search(line.split("{")[0]) if "[" in line else None
    head = line.split("{")[0].split("[")[0].split()
    if not head:
        return
    parts = head[0].lstrip("+").lower().split("_") if head[0].startswith("+") else head[0].lower().split("_")
    if "+" in head[0][1:]:
        found.skip("pre-compound verbs")
        return
    lemma, particles = parts[0], tuple(p for p in parts[1:] if p)
    block.verbs.append((lemma, particles, _code(own.group(1), where) if own else None))


def _pattern_line(
    line: str, block: _Block, synsets: dict[str, frozenset[str]], where: str, found: PetrarchVerbs
) -> None:
    body = line[1:].split("#")[0].rstrip()
    code = CODE_AT_END.search(body)
    if code is None:
        raise InputError(f"{where}: a pattern must end with its [CODE]")
    body = body[: code.start()]
    pre, star, post = body.partition("*")
    if not star:
        raise InputError(f"{where}: a pattern needs the verb's place, '*'")
    if any(item not in MARKERS for item in pre.split()):
        found.skip("patterns with pre-verb nouns")
        return
    if post.count("(") != post.count(")") or post.count("{") != post.count("}"):
        found.skip("patterns with unbalanced brackets")
        return
    parsed = _post(post, synsets, where)
    if parsed is None:
        found.skip("patterns naming an undefined synset")
        return
    words, slots = parsed
    coded = _code(code.group(1), where)
    for lemma, particles, _ in block.verbs:
        found.patterns.append(VerbPattern(coded, lemma, (*particles, *words), tuple(slots), where, tier=1))


def read_petrarch_verbs(text: str, name: str) -> PetrarchVerbs:
    found = PetrarchVerbs()
    synsets: dict[str, frozenset[str]] = {}
    current_synset: str | None = None
    block: _Block | None = None
    for number, raw in enumerate(text.splitlines(), start=1):
        where = f"{name}:{number}"
        if raw.lstrip().startswith("#"):
            continue
        line = raw.split("#")[0].strip() if not raw.lstrip().startswith("-") else raw.strip()
        if not line:
            current_synset = None
            continue
        header = BLOCK.match(line)
        if header:
            _close(block, found, name)
            block, current_synset = _Block(code=_code(header.group(2), where)), None
        elif line.startswith("&"):
            current_synset = line.split()[0].upper()
            synsets[current_synset] = frozenset()
        elif line.startswith("+") and current_synset is not None:
            synsets[current_synset] |= {_words(line[1:].split("{")[0])}
        elif line.startswith("~"):
            found.skip("transformations")
        elif line.startswith("-"):
            if block is None:
                raise InputError(f"{where}: a pattern before any '--- VERB [CODE] ---' block")
            _pattern_line(line, block, synsets, where, found)
        elif block is not None:
            _verb_line(line, block, where, found)
        else:
            raise InputError(f"{where}: expected a synset (&NAME, +WORD) or a '--- VERB [CODE] ---' block")
    _close(block, found, name)
    return found


def _close(block: _Block | None, found: PetrarchVerbs, name: str) -> None:
    """The bare verbs of a finished block, each with its own code or the block's."""
    if block is None:
        return
    for lemma, particles, own in block.verbs:
        code = own or block.code
        found.patterns.append(VerbPattern(code, lemma, particles, (), name, tier=1))
