"""spaCy's attribute_ruler, with its tag-only patterns done as a table lookup.

The model's attribute_ruler runs every pattern through spaCy's `Matcher` and then sets each match's
attributes from Python, one token at a time: ~15 % of the parse for a job that, for most patterns,
is "this TAG (and this word) gets this POS, MORPH, LEMMA". Here a pattern that is one token tested for
equality of `TAG` and/or `LOWER` becomes a row of a table indexed by (tag, lowercase form), applied to
the whole doc in one array write; every other pattern (several tokens, DEP, IS_SPACE, REGEX, ...)
still goes through a `Matcher` of its own, unchanged (156 and 23 of en_core_web_sm's 179).

The output must be identical to spaCy's `AttributeRuler`, whose semantics this reproduces:
- all patterns match against the doc as it was before any of them applied (one `Matcher` call);
- matches apply in pattern order, so for each token and attribute the LAST pattern that sets it
  wins (attributes are set one by one: a later pattern setting only POS keeps an earlier MORPH);
- `index` picks the token of a multi-token match (negative counts from the end); out of range
  is the same error as spaCy's;
- MORPH is not merged feature by feature: a pattern's MORPH replaces the token's whole analysis
  (spaCy's `set_token_attrs` assigns the normalised value), and so does the table.
The table is derived at load time from the model's own ruler, so another configured model works;
a ruler this cannot reproduce exactly (extension attributes) keeps the model's own component.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # numpy and spaCy load with the model, not with `newsevents.nlp`
    import numpy as np
    from spacy.language import Language
    from spacy.pipeline import AttributeRuler
    from spacy.tokens import Doc

FAST_RULER = "newsevents_attribute_ruler"
_TABLE_ATTRS = ("TAG", "POS", "MORPH", "LEMMA")  # plain token fields: an array write sets them exactly
_MAX_CACHED_ROWS = 500_000


Key = tuple[int, int]  # (TAG hash, LOWER hash) a table row tests; 0 = not tested ("" is never a key)
Row = dict[int, tuple[int, int]]  # attribute -> (pattern number, value) of the last pattern setting it


@dataclass
class TokenTable:
    """Rows of the one-token patterns that test TAG and/or LOWER for equality, by (tag, lower)."""

    rows: dict[Key, Row] = field(default_factory=dict)

    def add(self, key: Key, pattern: int, attrs: dict[int, int]) -> None:
        row = self.rows.setdefault(key, {})
        for attr, value in attrs.items():
            if attr not in row or row[attr][0] < pattern:
                row[attr] = (pattern, value)

    def lookup(self, tag: int, lower: int) -> Row:
        """What every table pattern matching a token of this tag and lowercase form sets, merged."""
        merged: Row = {}
        for key in ((tag, 0), (tag, lower), (0, lower)):
            for attr, (pattern, value) in self.rows.get(key, {}).items():
                if attr not in merged or merged[attr][0] < pattern:
                    merged[attr] = (pattern, value)
        return merged


@dataclass
class DerivedRules:
    """The model's ruler split in two: a token table and the patterns left to a `Matcher`."""

    table: TokenTable
    matcher_patterns: list[tuple[int, list[list[dict[str, Any]]], dict[int, Any], int]]


def _equality_values(value: object) -> list[str] | None:
    """The strings a token attribute must equal (a string, or an IN-list of them), else None."""
    values = value["IN"] if isinstance(value, dict) and set(value) == {"IN"} else [value]
    # "" hashes to 0, the value of a missing tag: leave that (odd) case to the Matcher
    if not isinstance(values, list) or not all(isinstance(v, str) and v for v in values):
        return None
    return values


def _table_keys(patterns: list[list[dict[str, Any]]], strings: Any) -> list[Key] | None:
    """The (tag, lower) keys of patterns that test one token's TAG and/or LOWER only, else None."""
    keys: list[Key] = []
    for pattern in patterns:
        if len(pattern) != 1 or not pattern[0] or not set(pattern[0]) <= {"TAG", "LOWER"}:
            return None
        tags = _equality_values(pattern[0]["TAG"]) if "TAG" in pattern[0] else [""]
        lowers = _equality_values(pattern[0]["LOWER"]) if "LOWER" in pattern[0] else [""]
        if tags is None or lowers is None:
            return None
        keys += [(strings.add(t) if t else 0, strings.add(w) if w else 0) for t in tags for w in lowers]
    return keys


def derive_rules(ruler: AttributeRuler) -> DerivedRules | None:
    """Split `ruler`'s patterns; None when the result could differ from the ruler's own."""
    from spacy.attrs import IDS

    table = TokenTable()
    rest: list[tuple[int, list[list[dict[str, Any]]], dict[int, Any], int]] = []
    table_attrs = {IDS[name] for name in _TABLE_ATTRS}
    strings = ruler.vocab.strings
    for number, (spec, attrs) in enumerate(zip(ruler.patterns, ruler.attrs, strict=True)):
        if "_" in attrs:  # extension values merge key by key across patterns: not reproduced here
            return None
        keys = _table_keys(spec["patterns"], strings)  # type: ignore[arg-type]
        index = int(spec["index"])  # type: ignore[arg-type]
        if keys is not None and index in (0, -1) and set(attrs) <= table_attrs:
            for key in keys:
                table.add(key, number, dict(attrs))
        else:
            rest.append((number, spec["patterns"], dict(attrs), index))  # type: ignore[arg-type]
    if not table.rows:
        return None  # nothing to gain
    return DerivedRules(table, rest)


class FastAttributeRuler:
    """Drop-in for the model's attribute_ruler (same output); built by `replace_attribute_ruler`."""

    def __init__(self, nlp: Language, rules: DerivedRules) -> None:
        from spacy.attrs import IDS
        from spacy.matcher import Matcher

        self.rules = rules
        self.matcher = Matcher(nlp.vocab)
        self.by_key: dict[int, tuple[int, dict[int, Any], int]] = {}
        for number, patterns, attrs, index in rules.matcher_patterns:
            key = nlp.vocab.strings.add(f"{FAST_RULER}:{number}")
            self.matcher.add(key, patterns)
            self.by_key[key] = (number, attrs, index)
        table_attrs = {attr for row in rules.table.rows.values() for attr in row}
        self.attrs: list[int | str] = [IDS[name] for name in _TABLE_ATTRS if IDS[name] in table_attrs]
        self._rows: dict[Key, Row] = {}  # (tag, lower) -> merged row: a token's lookup, done once

    def _row(self, tag: int, lower: int) -> Row:
        row = self._rows.get((tag, lower))
        if row is None:
            if len(self._rows) > _MAX_CACHED_ROWS:  # a corpus of endless new words: stay bounded
                self._rows.clear()
            row = self._rows[(tag, lower)] = self.rules.table.lookup(tag, lower)
        return row

    def __call__(self, doc: Doc) -> Doc:
        import numpy as np
        from spacy.attrs import LOWER, TAG

        if not len(doc):
            return doc
        hits = self._matcher_hits(doc)  # before any change: every pattern sees the doc as it came
        keys = np.stack([doc.to_array(TAG), doc.to_array(LOWER)], axis=1)  # the tags before any change too
        pairs, inverse = np.unique(keys, axis=0, return_inverse=True)
        rows = [self._row(int(tag), int(lower)) for tag, lower in pairs]
        inverse = inverse.reshape(-1)  # one row number per token (numpy 2.0.0 kept a column)
        self._apply_table(doc, rows, inverse)
        self._apply_hits(doc, hits, rows, inverse)
        return doc

    def _apply_table(self, doc: Doc, rows: list[Row], inverse: np.ndarray) -> None:
        """Write every table attribute of every token at once; `rows[inverse[i]]` is token i's row."""
        import numpy as np

        if not self.attrs:
            return
        array = doc.to_array(self.attrs).reshape(len(doc), len(self.attrs))  # uint64, the doc's own values
        for col, attr in enumerate(self.attrs):
            is_set = np.array([attr in row for row in rows], dtype=bool)[inverse]
            values = np.array([row[attr][1] if attr in row else 0 for row in rows], dtype=np.uint64)
            array[is_set, col] = values[inverse[is_set]]  # tokens no row sets keep their value
        doc.from_array(self.attrs, array)  # type: ignore[arg-type]  # reshape loses thinc's Ints2d type

    def _matcher_hits(self, doc: Doc) -> dict[int, dict[int, tuple[int, Any]]]:
        """Per token: attribute -> (pattern number, value) of the last matcher pattern setting it."""
        hits: dict[int, dict[int, tuple[int, Any]]] = {}
        if not self.by_key:
            return hits
        for key, start, end in self.matcher(doc, allow_missing=True):
            number, attrs, index = self.by_key[key]
            target = (start if index >= 0 else end) + index
            if not start <= target < end:  # spaCy's ruler raises here too
                raise ValueError(
                    f"attribute_ruler pattern {number}: index {index} is out of the matched span "
                    f"{[t.text for t in doc[start:end]]}"
                )
            token_hits = hits.setdefault(target, {})
            for attr, value in attrs.items():
                if attr not in token_hits or token_hits[attr][0] < number:
                    token_hits[attr] = (number, value)
        return hits

    def _apply_hits(
        self, doc: Doc, hits: dict[int, dict[int, tuple[int, Any]]], rows: list[Row], inverse: np.ndarray
    ) -> None:
        """Set each matched token's attributes where its matcher pattern comes after the table's."""
        from spacy.tokens._retokenize import set_token_attrs  # what spaCy's own ruler calls

        for i, token_hits in hits.items():
            row = rows[inverse[i]]  # the table's row for the token as it came (its tag before any pattern)
            attrs = {attr: value for attr, (number, value) in token_hits.items() if number > row.get(attr, (-1, 0))[0]}
            if attrs:
                set_token_attrs(doc[i], attrs)


def replace_attribute_ruler(nlp: Language, name: str = "attribute_ruler") -> bool:
    """Put a `FastAttributeRuler` in place of `nlp`'s ruler `name`; False (unchanged) if it cannot."""
    from spacy.pipeline import AttributeRuler

    if name not in nlp.pipe_names or FAST_RULER in nlp.pipe_names:
        return False
    ruler = nlp.get_pipe(name)
    if not isinstance(ruler, AttributeRuler):
        return False
    rules = derive_rules(ruler)
    if rules is None:
        return False
    if not nlp.has_factory(FAST_RULER):
        nlp.factory(FAST_RULER, func=_make_fast_ruler)
    nlp.add_pipe(FAST_RULER, after=name, config={"source": name})
    nlp.remove_pipe(name)
    return True


def _make_fast_ruler(nlp: Language, name: str, source: str) -> FastAttributeRuler:
    rules = derive_rules(nlp.get_pipe(source))  # type: ignore[arg-type]
    if rules is None:  # replace_attribute_ruler checked this before adding the pipe
        raise ValueError(f"{source!r} cannot be replaced by {FAST_RULER}")
    return FastAttributeRuler(nlp, rules)
