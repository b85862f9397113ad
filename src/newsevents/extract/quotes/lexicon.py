"""The attribution cues of `data/speech_verbs.tsv`, loaded once."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from importlib import resources

FRAMES = ("clause", "object", "infinitive")
PREPOSITION_FRAMES = ("about", "against", "for", "of", "on", "to")


@dataclass(frozen=True)
class CueEntry:
    cls: str  # speech | writing | belief | stance | evidence
    frames: tuple[str, ...]  # where the content may be, in the order tried


@dataclass(frozen=True)
class CueLexicon:
    verbs: dict[str, CueEntry]  # lemma -> entry
    phrases: dict[tuple[str, ...], CueEntry]  # lower-cased words -> entry ("point out")

    def verb(self, lemma: str, particle: str | None = None) -> CueEntry | None:
        if particle is not None:
            found = self.phrases.get((lemma, particle))
            if found is not None:
                return found
        return self.verbs.get(lemma)


def parse_cues(text: str) -> CueLexicon:
    verbs: dict[str, CueEntry] = {}
    phrases: dict[tuple[str, ...], CueEntry] = {}
    for line in text.splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        cols = [c.strip() for c in line.split("\t")]
        words = tuple(cols[0].lower().split())
        cls = cols[1] if len(cols) > 1 and cols[1] else "speech"
        listed = cols[2].split(",") if len(cols) > 2 else []
        frames = tuple(f for f in listed if f in FRAMES or f in PREPOSITION_FRAMES) or ("clause",)
        entry = CueEntry(cls, frames)
        if len(words) == 1:
            verbs.setdefault(words[0], entry)
        elif words:
            phrases[words] = entry
    return CueLexicon(verbs, phrases)


@cache
def cue_lexicon() -> CueLexicon:
    return parse_cues(resources.files("newsevents.data").joinpath("speech_verbs.tsv").read_text("utf-8"))
