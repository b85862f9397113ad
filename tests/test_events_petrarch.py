"""PETRARCH verb-pattern files as a verb source: the format read as it is, errors with file:line."""

from __future__ import annotations

from pathlib import Path

import pytest

from newsevents.extract.events import load_verb_dictionaries
from newsevents.extract.events.dictionary import NO_EVENT
from newsevents.extract.events.petrarch import looks_like_petrarch, read_petrarch_verbs
from newsevents.options import Options
from newsevents.types import InputError

SAMPLE = """# a PETRARCH-style verb file written for this test
&GADGET
+DRONE
+ROBOT_ARM

---  SMUGGLE   [---]  ---
SMUGGLE
TRAFFIC {TRAFFICKED TRAFFICKING TRAFFICS }
- * &GADGET (TO)                 [072]   # SMUGGLE
- * (INTO {BORDER TOWN})         [:154]  # SMUGGLE
- POLICE * (ACROSS BORDER)       [173]   # pre-verb noun: not expressible, skipped
~ a (a b SMUGGLE) SAY = a b 138

---  PLEDGE LOYALTY   [050]  ---
+SWEAR_IN {+SWORE_IN +SWORN_IN +SWEARING_IN}
VOUCH [051]
- * (FOR {NEW GOVERNMENT})        [080!]
"""


def test_a_petrarch_file_becomes_patterns() -> None:
    assert looks_like_petrarch(SAMPLE)
    found = read_petrarch_verbs(SAMPLE, "sample.verbs")
    by_key = {(p.lemma, p.words, tuple(sorted(s.lemmas)[0] for s in p.nouns)): p for p in found.patterns}
    assert by_key[("smuggle", ("to",), ("drone",))].code == "072"  # synset object + bare preposition
    assert by_key[("traffic", (), ("border town",))].nouns[0].prep == "into"
    assert by_key[("traffic", (), ("border town",))].code == "154"  # [:154]
    assert by_key[("smuggle", (), ())].code == NO_EVENT  # the block's [---] codes nothing
    assert by_key[("swear", ("in",), ())].code == "050"  # multi-word verb, block code
    assert by_key[("vouch", (), ())].code == "051"  # the verb's own code
    assert by_key[("vouch", (), ("government",))].code == "080"  # 080! -> its known parent
    assert all(p.tier == 1 for p in found.patterns)
    assert found.skipped == {"patterns with pre-verb nouns": 1, "transformations": 1}
    assert by_key[("smuggle", ("to",), ("drone",))].source == "sample.verbs:9"


@pytest.mark.parametrize(
    ("line", "message"),
    [
        ("- * AID", "sample.verbs:3: a pattern must end with its"),
        ("- AID [070]", "sample.verbs:3: a pattern needs the verb's place"),
        ("- * AID [999]", "sample.verbs:3: unknown CAMEO code"),
    ],
)
def test_a_malformed_line_is_an_error_naming_file_and_line(line: str, message: str) -> None:
    text = f"---  GIVE   [070]  ---\nGIVE\n{line}\n"
    with pytest.raises(InputError, match=message):
        read_petrarch_verbs(text, "sample.verbs")


def test_petrarch_files_load_through_the_option(tmp_path: Path) -> None:
    path = tmp_path / "mine.verbs"
    path.write_text(SAMPLE, encoding="utf-8")
    dictionary = load_verb_dictionaries(Options(verb_dictionaries=(str(path),)))
    assert "smuggle" in dictionary.verbs and "release" in dictionary.verbs  # theirs beside ours


def test_our_dictionary_decides_the_verbs_it_knows(tmp_path: Path) -> None:
    path = tmp_path / "mine.verbs"
    path.write_text("---  RELEASE   [190]  ---\nRELEASE\n- * PRISONER [190]\n", encoding="utf-8")
    dictionary = load_verb_dictionaries(Options(verb_dictionaries=(str(path),)))
    assert all(p.tier == 0 for p in dictionary.verbs["release"])


def test_the_petrarch2_cameo_dictionary_reads_as_it_is(shared_dir: Path) -> None:
    path = shared_dir / "dictionaries" / "petrarch2" / "CAMEO.2.0.txt"
    found = read_petrarch_verbs(path.read_text("utf-8"), str(path))
    assert len({(p.lemma, p.words, p.nouns, p.code) for p in found.patterns}) > 20_000
    assert found.skipped["patterns with pre-verb nouns"] < 500
