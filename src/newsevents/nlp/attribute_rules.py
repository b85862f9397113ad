"""spaCy's attribute_ruler, with its tag-only patterns done as a table lookup.

The model's attribute_ruler runs every pattern through spaCy's `Matcher` and then sets each match's
attributes from Python, one token at a time: ~15 % of the parse for a job that, for most patterns,
is "this TAG gets this POS and MORPH". Here a pattern that is exactly one token tested on `TAG` alone
becomes a row of a table indexed by tag and applied to the whole doc in one array write; every
other pattern still goes through a `Matcher` of its own, unchanged.

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


@dataclass
class TagTable:
    """Per tag, per attribute: (pattern number, value) of the last tag-only pattern that sets it."""

    rows: dict[int, dict[int, tuple[int, int]]] = field(default_factory=dict)

    def add(self, tag: int, pattern: int, attrs: dict[int, int]) -> None:
        row = self.rows.setdefault(tag, {})
        for attr, value in attrs.items():
            if attr not in row or row[attr][0] < pattern:
                row[attr] = (pattern, value)


@dataclass
class DerivedRules:
    """The model's ruler split in two: a tag table and the patterns left to a `Matcher`."""

    table: TagTable
    matcher_patterns: list[tuple[int, list[list[dict[str, Any]]], dict[int, Any], int]]


def _tag_only_values(patterns: list[list[dict[str, Any]]]) -> list[str] | None:
    """The tags of patterns that test one token on TAG alone (string or IN-list), else None."""
    tags: list[str] = []
    for pattern in patterns:
        if len(pattern) != 1 or set(pattern[0]) != {"TAG"}:
            return None
        value = pattern[0]["TAG"]
        if isinstance(value, dict) and set(value) == {"IN"} and isinstance(value["IN"], list):
            values = value["IN"]
        else:
            values = [value]
        # "" hashes to 0, the value of a missing tag: leave that (odd) case to the Matcher
        if not all(isinstance(v, str) and v for v in values):
            return None
        tags.extend(values)
    return tags


def derive_rules(ruler: AttributeRuler) -> DerivedRules | None:
    """Split `ruler`'s patterns; None when the result could differ from the ruler's own."""
    from spacy.attrs import IDS

    table = TagTable()
    rest: list[tuple[int, list[list[dict[str, Any]]], dict[int, Any], int]] = []
    table_attrs = {IDS[name] for name in _TABLE_ATTRS}
    strings = ruler.vocab.strings
    for number, (spec, attrs) in enumerate(zip(ruler.patterns, ruler.attrs, strict=True)):
        if "_" in attrs:  # extension values merge key by key across patterns: not reproduced here
            return None
        tags = _tag_only_values(spec["patterns"])  # type: ignore[arg-type]
        index = int(spec["index"])  # type: ignore[arg-type]
        if tags is not None and index in (0, -1) and set(attrs) <= table_attrs:
            for tag in tags:
                table.add(strings.add(tag), number, dict(attrs))
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
        self._build_arrays(IDS)

    def _build_arrays(self, ids: dict[str, int]) -> None:
        """Sorted tag keys and, per table attribute, value and 'is set' columns aligned with them."""
        import numpy as np

        rows = self.rules.table.rows
        self.tag_keys = np.array(sorted(rows), dtype=np.uint64)
        self.columns: list[tuple[int, np.ndarray, np.ndarray]] = []
        for name in _TABLE_ATTRS:
            attr = ids[name]
            if not any(attr in row for row in rows.values()):
                continue
            values = np.array([rows[int(t)].get(attr, (0, 0))[1] for t in self.tag_keys], dtype=np.uint64)
            is_set = np.array([attr in rows[int(t)] for t in self.tag_keys], dtype=bool)
            self.columns.append((attr, values, is_set))

    def __call__(self, doc: Doc) -> Doc:
        from spacy.attrs import TAG

        if not len(doc):
            return doc
        hits = self._matcher_hits(doc)  # before any change: every pattern sees the doc as it came
        tags = doc.to_array(TAG)  # likewise the tags, which a pattern may set
        self._apply_table(doc, tags)
        self._apply_hits(doc, hits, tags)
        return doc

    def _apply_table(self, doc: Doc, tags: np.ndarray) -> None:
        import numpy as np

        if not self.columns:
            return
        position = np.searchsorted(self.tag_keys, tags).clip(0, len(self.tag_keys) - 1)
        known = self.tag_keys[position] == tags
        attrs: list[int | str] = [attr for attr, _, _ in self.columns]
        array = doc.to_array(attrs).reshape(len(doc), len(attrs))  # uint64, the doc's own values
        for col, (_, values, is_set) in enumerate(self.columns):
            change = known & is_set[position]
            array[change, col] = values[position[change]]  # tokens no row sets keep their value
        doc.from_array(attrs, array)  # type: ignore[arg-type]  # reshape loses thinc's Ints2d type

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

    def _apply_hits(self, doc: Doc, hits: dict[int, dict[int, tuple[int, Any]]], tags: np.ndarray) -> None:
        """Set each matched token's attributes where its matcher pattern comes after the table's."""
        from spacy.tokens._retokenize import set_token_attrs  # what spaCy's own ruler calls

        rows = self.rules.table.rows
        for i, token_hits in hits.items():
            row = rows.get(int(tags[i]), {})
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
