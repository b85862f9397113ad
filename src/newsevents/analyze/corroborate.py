"""Events counted once: the same coded event from several articles is one event group.

Key: (source code, target code, CAMEO code, event date), the event date being the event's own date
when it resolves to a day, else its article's publication date. An event with no date at all is
grouped only with events of its own story (no date is invented to match it with another story's).
A group counts its mentions (event rows), articles, sources (`story_signatures.source_key`; an
article without one is its own source) and stories; `event_evidence` lists its sentences.

Contested facts: copies of one story that code the same sentence differently (the wire says
sanctions on Russia, a spun copy says on Ukraine) are recorded in `event_contests` with both
readings, and both groups are flagged `contested`. Two events are readings of the same fact when
their sentences share most of their words (`ALIGNED`) and they have the same trigger word or CAMEO
code; they disagree when a field both of them filled differs (a field one copy left empty is a
missing reading, not a contrary one).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import pyarrow as pa

from newsevents.analyze.stories import Grouped, Merge
from newsevents.store import Store
from newsevents.store.gdelt import event_day

ALIGNED = 0.5  # word-set Jaccard of two sentences for them to be one sentence of one story
CODED_FIELDS = ("source_code", "target_code", "cameo")
PEERS = 20  # earlier copies of a story each new copy is compared with
PEER_STORIES = 32  # stories whose peers are read at once: at most 640 peer articles in memory
_WORD = re.compile(r"\w+")


@dataclass(frozen=True)
class Mention:
    """One event row with what grouping and alignment need."""

    article_id: str
    idx: int
    story_id: str
    seq: int
    source_code: str | None
    target_code: str | None
    cameo: str | None
    trigger: str
    event_date: dt.date | None
    sentence_words: frozenset[str]
    trigger_at: float  # trigger position within its sentence, 0..1

    @property
    def group_id(self) -> str:
        story = self.story_id if self.event_date is None else ""
        date = self.event_date.isoformat() if self.event_date else ""
        key = "\x1f".join([self.source_code or "", self.target_code or "", self.cameo or "", date, story])
        return hashlib.sha1(key.encode()).hexdigest()[:20]


# The articles and signatures are cut down to the wanted ids BEFORE the joins: joined whole, DuckDB
# hashed every stored article's text on each call, a transient that grew with the store (issue 13).
_MENTIONS = """
WITH wanted AS ({wanted})
SELECT e.article_id, e.idx, s.story_id, s.seq, e.source_code, e.target_code, e.cameo,
       lower(coalesce(e.trigger_text, '')), e.date, a.published,
       substr(a.text, e.sentence_start + 1, e.sentence_end - e.sentence_start),
       e.trigger_start - e.sentence_start, e.sentence_end - e.sentence_start
FROM events e
JOIN (SELECT article_id, published, text FROM articles SEMI JOIN wanted USING (article_id)) a USING (article_id)
JOIN (SELECT article_id, story_id, seq FROM story_signatures SEMI JOIN wanted USING (article_id)) s USING (article_id)
WHERE e.article_id IN (SELECT article_id FROM wanted)
ORDER BY s.seq, e.idx
"""


def update_event_groups(store: Store, placed: Sequence[Grouped], merges: Sequence[Merge] = ()) -> None:
    """Add the events of newly grouped articles to their groups; refresh the groups they touch.

    Runs inside the caller's transaction (`group_new_articles`). Reads only the new articles'
    events and those of the stories they joined, never the whole store. When stories merged, the
    events of the merged story are regrouped and its copies compared anew (story-scoped keys
    and contests depend on the story).
    """
    if not placed:
        return
    merged_stories = sorted({m.into for m in merges} | {m.absorbed for m in merges})
    affected = [p.signature.article_id for p in placed]
    if merged_stories:
        affected += _articles_of(store, merged_stories)
    before = _group_ids(store, affected)
    if merged_stories:
        _forget(store, affected, merged_stories)
    new = _mentions(store, "SELECT article_id FROM _ids", sorted(set(affected)))
    _insert_members(store, new)
    contests = _story_contests(store, new)
    _insert_contests(store, contests)
    touched = before | {m.group_id for m in new} | {c[3] for c in contests} | {c[6] for c in contests}
    _refresh_groups(store, sorted(touched))


def _articles_of(store: Store, stories: list[str]) -> list[str]:
    store.con.register("_stories", pa.table({"story_id": pa.array(stories, pa.string())}))
    try:
        rows = store.con.execute(
            "SELECT article_id FROM story_signatures WHERE story_id IN (SELECT story_id FROM _stories)"
        ).fetchall()
    finally:
        store.con.unregister("_stories")
    return [row[0] for row in rows]


def _group_ids(store: Store, article_ids: list[str]) -> set[str]:
    """The groups these articles' events were in (they must be recounted if the events move)."""
    store.con.register("_ids", pa.table({"article_id": pa.array(article_ids, pa.string())}))
    try:
        rows = store.con.execute(
            "SELECT DISTINCT group_id FROM event_group_members WHERE article_id IN (SELECT article_id FROM _ids)"
        ).fetchall()
    finally:
        store.con.unregister("_ids")
    return {row[0] for row in rows}


def _forget(store: Store, article_ids: list[str], stories: list[str]) -> None:
    """Drop the memberships and contests of merged stories; they are rebuilt as for new articles."""
    store.con.register("_ids", pa.table({"article_id": pa.array(article_ids, pa.string())}))
    store.con.register("_stories", pa.table({"story_id": pa.array(stories, pa.string())}))
    try:
        store.con.execute("DELETE FROM event_group_members WHERE article_id IN (SELECT article_id FROM _ids)")
        store.con.execute("DELETE FROM event_contests WHERE story_id IN (SELECT story_id FROM _stories)")
    finally:
        store.con.unregister("_ids")
        store.con.unregister("_stories")


def _mentions(store: Store, wanted: str, ids: list[str]) -> list[Mention]:
    """The event mentions of the articles `wanted` selects (a query over `_ids`, the ids given)."""
    store.con.register("_ids", pa.table({"article_id": pa.array(ids, pa.string())}))
    try:
        rows = store.con.execute(_MENTIONS.format(wanted=wanted)).fetchall()
    finally:
        store.con.unregister("_ids")
    return [_mention(row) for row in rows]


def _mention(row: Sequence[Any]) -> Mention:
    article_id, idx, story, seq, source, target, cameo, trigger, date, published, sentence, at, length = row
    return Mention(
        article_id,
        idx,
        story,
        seq,
        source,
        target,
        cameo,
        trigger,
        event_day(date, published),
        frozenset(map(str.lower, _WORD.findall(sentence or ""))),
        (at or 0) / length if length else 0.0,
    )


def _story_contests(store: Store, new: list[Mention]) -> list[Contest]:
    """The contests of the new mentions, their stories' peers read `PEER_STORIES` stories at a time.

    A slice's new copies join up to hundreds of stories of up to `PEERS` copies each: reading all
    their peers' mentions at once made the writer's peak memory grow with the stories' sizes. A
    mention's contests depend only on its own story's peers, so the batches give the same contests;
    they are put back in the order of `new`, the order one pass over all stories gives.
    """
    stories = sorted({m.story_id for m in new})
    contests: list[Contest] = []
    for start in range(0, len(stories), PEER_STORIES):
        batch = stories[start : start + PEER_STORIES]
        members = set(batch)
        batch_new = [m for m in new if m.story_id in members]
        contests += _contests(batch_new, _peers(store, batch, batch_new))
    order = {(m.article_id, m.idx): position for position, m in enumerate(new)}
    return sorted(contests, key=lambda contest: order[(contest[4], contest[5])])  # stable: peers keep their order


def _peers(store: Store, stories: list[str], new: list[Mention]) -> list[Mention]:
    """What new copies are compared with: the stories' first `PEERS` articles and each other.

    Bounded so that the 500th copy of a wire story costs what the 5th does; disagreeing with the
    first copies (the wire and its earliest pick-ups) is what makes a reading contested.
    """
    wanted = (
        "SELECT article_id FROM (SELECT article_id, row_number() OVER "
        "(PARTITION BY story_id ORDER BY seq) AS n FROM story_signatures "
        f"WHERE story_id IN (SELECT article_id FROM _ids)) WHERE n <= {PEERS}"
    )
    peers = _mentions(store, wanted, stories)
    seen = {(m.article_id, m.idx) for m in peers}
    return peers + [m for m in new if (m.article_id, m.idx) not in seen]


def _insert_members(store: Store, mentions: list[Mention]) -> None:
    if not mentions:
        return
    table = pa.table(
        {
            "article_id": [m.article_id for m in mentions],
            "idx": pa.array([m.idx for m in mentions], pa.int32()),
            "group_id": [m.group_id for m in mentions],
            "story_id": [m.story_id for m in mentions],
        }
    )
    store.con.register("_members", table)
    try:
        store.con.execute("INSERT INTO event_group_members BY NAME SELECT * FROM _members")
    finally:
        store.con.unregister("_members")


Contest = tuple[str, str, int, str, str, int, str, list[str]]


def _contests(new: list[Mention], story: list[Mention]) -> list[Contest]:
    """Pairs (earlier mention, later mention) of one story's copies that code one sentence differently."""
    # Indexed by story first: a slice's new copies join hundreds of stories, and looping over every
    # peer article of every story for each new mention was most of a grouping step's time.
    by_story: dict[str, dict[str, list[Mention]]] = defaultdict(lambda: defaultdict(list))
    for mention in story:
        by_story[mention.story_id][mention.article_id].append(mention)
    contests: list[Contest] = []
    for mention in new:
        for article_id, others in by_story.get(mention.story_id, {}).items():
            if article_id == mention.article_id or others[0].seq > mention.seq:
                continue  # each pair is judged once, when its later article arrives
            reading = _contrary_reading(mention, others)
            if reading is not None:
                other, fields = reading
                contests.append(
                    (mention.story_id, other.article_id, other.idx, other.group_id,
                     mention.article_id, mention.idx, mention.group_id, fields)
                )  # fmt: skip
    return contests


def _contrary_reading(mention: Mention, others: list[Mention]) -> tuple[Mention, list[str]] | None:
    """The other copy's reading of the same fact when it differs from `mention`'s, else None."""
    same_fact = [o for o in others if o.trigger == mention.trigger or (o.cameo and o.cameo == mention.cameo)]
    scored = [(_jaccard(mention.sentence_words, o.sentence_words), o) for o in same_fact]
    scored = [(score, o) for score, o in scored if score >= ALIGNED]
    if not scored:
        return None
    best_score = max(score for score, _ in scored)
    sentence = [o for score, o in scored if score == best_score]
    if any(not _differing(mention, o) for o in sentence):
        return None  # the other copy has this reading too
    closest = min(sentence, key=lambda o: (abs(o.trigger_at - mention.trigger_at), o.idx))
    return closest, _differing(mention, closest)


def _differing(a: Mention, b: Mention) -> list[str]:
    fields = []
    for name in CODED_FIELDS:
        left, right = getattr(a, name), getattr(b, name)
        if left and right and left != right:
            fields.append(name)
    return fields


def _jaccard(a: frozenset[str], b: frozenset[str]) -> float:
    return len(a & b) / len(a | b) if a or b else 0.0


def _insert_contests(store: Store, contests: list[Contest]) -> None:
    if not contests:
        return
    names = ("story_id", "article_id", "idx", "group_id", "other_article_id", "other_idx", "other_group_id", "fields")
    columns = {name: [c[i] for c in contests] for i, name in enumerate(names)}
    table = pa.table(
        {
            **columns,
            "idx": pa.array(columns["idx"], pa.int32()),
            "other_idx": pa.array(columns["other_idx"], pa.int32()),
            "fields": pa.array(columns["fields"], pa.list_(pa.string())),
        }
    )
    store.con.register("_contests", table)
    try:
        store.con.execute("INSERT INTO event_contests BY NAME SELECT * FROM _contests")
    finally:
        store.con.unregister("_contests")


_REFRESH = """
WITH mention AS (
    SELECT m.group_id, m.article_id, m.idx, m.story_id, e.source_code, e.target_code, e.cameo,
           coalesce(CASE WHEN regexp_full_match(coalesce(e.date, ''), '\\d{4}-\\d{2}-\\d{2}')
                         THEN try_cast(e.date AS DATE) END, a.published) AS event_date,
           coalesce(s.source_key, m.article_id) AS source, s.seq * 100000 + m.idx AS rank
    FROM event_group_members m
    JOIN events e USING (article_id, idx) JOIN articles a USING (article_id) JOIN story_signatures s USING (article_id)
    WHERE m.group_id IN (SELECT group_id FROM _touched)
)
INSERT INTO event_groups
SELECT group_id, any_value(source_code), any_value(target_code), any_value(cameo), any_value(event_date),
       CASE WHEN any_value(event_date) IS NULL THEN any_value(story_id) END,
       count(*), count(DISTINCT article_id), count(DISTINCT source), count(DISTINCT story_id),
       group_id IN (SELECT group_id FROM event_contests UNION ALL SELECT other_group_id FROM event_contests),
       arg_min(article_id, rank), arg_min(idx, rank)
FROM mention
GROUP BY group_id
"""


def _refresh_groups(store: Store, group_ids: list[str]) -> None:
    """Recount the touched groups from their members (delete and insert: counts are never patched)."""
    if not group_ids:
        return
    store.con.register("_touched", pa.table({"group_id": pa.array(group_ids, pa.string())}))
    try:
        store.con.execute("DELETE FROM event_groups WHERE group_id IN (SELECT group_id FROM _touched)")
        store.con.execute(_REFRESH)
    finally:
        store.con.unregister("_touched")
