"""The store's schema as numbered migrations, applied in order when a store is opened.

Each step is plain SQL and is never edited once released: a schema change is a new step at the
end (e.g. `ALTER TABLE events ADD COLUMN ...`). `schema_version` records the steps applied, so
opening an old store upgrades it and opening a current one changes nothing.

Column naming: an item's own character offsets are `char_start`/`char_end` (`end` is an SQL
keyword); offsets of nested spans keep their prefix (`trigger_start`, `source_end`, ...).
Every row of a child table carries `article_id` and `idx`, its position in the record's list.
"""

from __future__ import annotations

from dataclasses import dataclass

_ACTOR_COLUMNS = """{p}_start INTEGER, {p}_end INTEGER, {p}_text VARCHAR, {p}_name VARCHAR, {p}_country VARCHAR,
    {p}_org VARCHAR, {p}_sector VARCHAR, {p}_code VARCHAR, {p}_kind VARCHAR, {p}_entity INTEGER"""

_INITIAL = f"""
CREATE TABLE articles (
    article_id VARCHAR PRIMARY KEY, source_id VARCHAR NOT NULL, url VARCHAR, title VARCHAR, published DATE,
    text VARCHAR NOT NULL, content_hash VARCHAR NOT NULL, story_id VARCHAR, source_file VARCHAR, language VARCHAR,
    warnings VARCHAR[], boilerplate STRUCT(start INTEGER, "end" INTEGER, text VARCHAR)[]
);
CREATE TABLE actors (
    article_id VARCHAR NOT NULL, idx INTEGER NOT NULL, char_start INTEGER, char_end INTEGER, text VARCHAR,
    name VARCHAR, country VARCHAR, org VARCHAR, sector VARCHAR, code VARCHAR, kind VARCHAR, entity INTEGER
);
CREATE TABLE events (
    article_id VARCHAR NOT NULL, idx INTEGER NOT NULL, sentence_start INTEGER, sentence_end INTEGER,
    trigger_start INTEGER, trigger_end INTEGER, trigger_text VARCHAR,
    {_ACTOR_COLUMNS.format(p="source")},
    {_ACTOR_COLUMNS.format(p="target")},
    cameo VARCHAR, root VARCHAR, quad_class INTEGER, goldstein DOUBLE, plover VARCHAR, modality VARCHAR,
    date VARCHAR, date_source VARCHAR,
    place_start INTEGER, place_end INTEGER, place_text VARCHAR, place_name VARCHAR, place_country VARCHAR,
    place_kind VARCHAR, place_lat DOUBLE, place_lon DOUBLE, place_geonameid BIGINT
);
CREATE TABLE quotes (
    article_id VARCHAR NOT NULL, idx INTEGER NOT NULL, char_start INTEGER, char_end INTEGER, text VARCHAR,
    kind VARCHAR, cue_start INTEGER, cue_end INTEGER, cue_text VARCHAR,
    {_ACTOR_COLUMNS.format(p="speaker")}
);
CREATE TABLE claims (
    article_id VARCHAR NOT NULL, idx INTEGER NOT NULL, char_start INTEGER, char_end INTEGER, text VARCHAR,
    value DOUBLE, unit VARCHAR, subject VARCHAR, qualifier VARCHAR,
    {_ACTOR_COLUMNS.format(p="source")}
);
CREATE TABLE places (
    article_id VARCHAR NOT NULL, idx INTEGER NOT NULL, char_start INTEGER, char_end INTEGER, text VARCHAR,
    name VARCHAR, country VARCHAR, kind VARCHAR, lat DOUBLE, lon DOUBLE, geonameid BIGINT
);
CREATE TABLE dates (
    article_id VARCHAR NOT NULL, idx INTEGER NOT NULL, char_start INTEGER, char_end INTEGER, text VARCHAR,
    value VARCHAR, granularity VARCHAR
);
CREATE TABLE rejected (input VARCHAR NOT NULL, reason VARCHAR NOT NULL, rejected_at TIMESTAMP NOT NULL);
"""


@dataclass(frozen=True)
class Migration:
    version: int
    description: str
    sql: str


# Quotes gained `parts` (the pieces of a quote its cue interrupts). Every table filled from a record
# gains `extra`: a JSON object of the fields the record has and the schema has no column for yet, so
# a field added to the record contract is kept (and exported) before a migration gives it a column.
_PARTS_AND_EXTRA = """
ALTER TABLE quotes ADD COLUMN parts STRUCT(start INTEGER, "end" INTEGER)[];
""" + "".join(
    f"ALTER TABLE {table} ADD COLUMN extra VARCHAR;\n"
    for table in ("articles", "actors", "events", "quotes", "claims", "places", "dates")
)

# Stories and corroborated events (issue 11; documented in docs/store.md, "Stories and event groups").
# `story_signatures` and `story_bands` let a new batch be grouped against the stored stories without
# re-reading their texts; `event_groups` counts one real-world event once across copies and outlets.
_STORIES = """
CREATE TABLE story_signatures (
    article_id VARCHAR PRIMARY KEY, story_id VARCHAR NOT NULL, seq BIGINT NOT NULL, source_key VARCHAR,
    published DATE, text_hash VARCHAR NOT NULL, shingles INTEGER NOT NULL, terms INTEGER NOT NULL,
    word_minhash UINTEGER[] NOT NULL, term_minhash UINTEGER[] NOT NULL,
    matched_article_id VARCHAR, method VARCHAR NOT NULL, similarity DOUBLE
);
CREATE TABLE story_bands (band_key UBIGINT NOT NULL, article_id VARCHAR NOT NULL);
CREATE VIEW stories AS
SELECT s.story_id, count(*) AS size, count(DISTINCT s.source_key) AS num_sources,
       min(a.published) AS first_seen, max(a.published) AS last_seen,
       arg_min(s.article_id, s.seq) AS first_article_id, arg_min(a.title, s.seq) AS title
FROM story_signatures s JOIN articles a USING (article_id)
GROUP BY s.story_id;
CREATE TABLE event_groups (
    group_id VARCHAR NOT NULL, source_code VARCHAR, target_code VARCHAR, cameo VARCHAR, event_date DATE,
    story_id VARCHAR, num_mentions INTEGER NOT NULL, num_articles INTEGER NOT NULL, num_sources INTEGER NOT NULL,
    num_stories INTEGER NOT NULL, contested BOOLEAN NOT NULL, first_article_id VARCHAR NOT NULL,
    first_idx INTEGER NOT NULL
);
CREATE TABLE event_group_members (
    article_id VARCHAR NOT NULL, idx INTEGER NOT NULL, group_id VARCHAR NOT NULL, story_id VARCHAR NOT NULL,
    PRIMARY KEY (article_id, idx)
);
CREATE TABLE event_contests (
    story_id VARCHAR NOT NULL, article_id VARCHAR NOT NULL, idx INTEGER NOT NULL, group_id VARCHAR NOT NULL,
    other_article_id VARCHAR NOT NULL, other_idx INTEGER NOT NULL, other_group_id VARCHAR NOT NULL,
    fields VARCHAR[] NOT NULL
);
CREATE VIEW event_evidence AS
SELECT m.group_id, m.article_id, m.idx, m.story_id, a.url, a.published, e.trigger_text,
       substr(a.text, e.sentence_start + 1, e.sentence_end - e.sentence_start) AS sentence
FROM event_group_members m JOIN events e USING (article_id, idx) JOIN articles a USING (article_id);
"""

MIGRATIONS: tuple[Migration, ...] = (
    Migration(1, "initial schema: articles and what was extracted from them", _INITIAL),
    Migration(2, "quotes.parts; an `extra` JSON column for record fields without a column", _PARTS_AND_EXTRA),
    Migration(3, "stories: signatures, LSH bands, event groups with counts and contested readings", _STORIES),
)

SCHEMA_VERSION_DDL = """
CREATE TABLE IF NOT EXISTS schema_version (
    version INTEGER PRIMARY KEY, description VARCHAR NOT NULL, applied_at TIMESTAMP NOT NULL
)
"""

RECORD_TABLES = ("actors", "events", "quotes", "claims", "places", "dates")
"""Tables filled from the lists of an `ArticleRecord`, in the record's order."""
