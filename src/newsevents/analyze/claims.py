"""The claims ledger: for each subject, the numbers claimed over time and by whom.

A subject is the claim's extracted subject ("Russian troops", "people killed"), compared case-
and space-insensitively with a leading article dropped, together with its unit — so "100,000
troops" and "$100,000" about the same subject stay apart. Each entry keeps its article and
offsets so the dashboard links it to its sentence; an entry whose article is undated is shown as
undated and sorted last, never given a date. Copies of one article (identical text) are listed once.
"""

from __future__ import annotations

from typing import Any

import duckdb

from newsevents.analyze.counts import Cut, cut, rows

SUBJECT_KEY = "regexp_replace(lower(trim(regexp_replace(c.subject, '\\s+', ' ', 'g'))), '^(the|a|an) ', '')"

_CLAIMS = f"""
WITH claims_keyed AS (
    SELECT c.*, a.published, a.title, a.content_hash, {SUBJECT_KEY} AS subject_key
    FROM claims c JOIN articles a USING (article_id)
    WHERE c.subject IS NOT NULL AND trim(c.subject) <> ''
    QUALIFY row_number() OVER (PARTITION BY a.content_hash, c.idx ORDER BY a.published NULLS LAST, a.article_id) = 1
)
"""


def subjects(con: duckdb.DuckDBPyConnection, contains: str = "", limit: int = 50) -> Cut:
    """Subjects with the most claims (optionally those containing `contains`), with value range and claimants."""
    sql = (
        _CLAIMS
        + """
    SELECT subject_key AS subject, coalesce(unit, '') AS unit, count(*) AS claims,
           count(DISTINCT coalesce(source_name, '')) AS claimants, min(value) AS low, max(value) AS high,
           min(published) AS first, max(published) AS last, count(*) OVER () AS total
    FROM claims_keyed WHERE ? = '' OR subject_key ILIKE '%' || ? || '%'
    GROUP BY subject_key, coalesce(unit, '') ORDER BY claims DESC, subject LIMIT ?
    """
    )
    return cut(rows(con, sql, [contains, contains, limit]))


def ledger(con: duckdb.DuckDBPyConnection, subject: str, unit: str = "", limit: int = 200) -> Cut:
    """Every claim about one subject (as `subjects` names it), in date order, with who made it."""
    sql = (
        _CLAIMS
        + """
    SELECT article_id, idx, published, title, value, unit, text, qualifier,
           coalesce(source_name, 'unattributed') AS claimant, source_code, count(*) OVER () AS total
    FROM claims_keyed WHERE subject_key = ? AND coalesce(unit, '') = ?
    ORDER BY published NULLS LAST, article_id, idx LIMIT ?
    """
    )
    return cut(rows(con, sql, [subject, unit, limit]))


def ledger_by_claimant(entries: list[dict[str, Any]]) -> dict[str, list[dict[str, Any]]]:
    """The ledger's entries grouped by who claims them, each claimant's numbers in date order."""
    grouped: dict[str, list[dict[str, Any]]] = {}
    for entry in entries:
        grouped.setdefault(entry["claimant"], []).append(entry)
    return grouped
