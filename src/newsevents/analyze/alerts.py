"""Escalation alerts: a dyad's daily conflict score against its own trailing baseline.

Score of a dyad (source → target) on a day: the sum over its conflict event units (QuadClass 3 and
4, that happened: not negated or hypothetical) of |Goldstein|, at least 1 each — so one "attack"
(Goldstein -10) weighs ten "criticises" less than one. Baseline: the mean and standard deviation of
the same score over the `window` days before (days without events count as 0). The alert fires when
`z = (score - mean) / max(sd, sd_floor)` reaches `z_threshold` and the score is at least `min_score`
from at least `min_events` conflict events. A day is judged only when the store has dated articles
from at least `window` days before it, so the first weeks of a corpus do not alarm on everything;
undated events are never placed on a day. Event units are story-aware (see `analyze.counts`), so ten
copies of one report are one event.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import asdict, dataclass
from typing import Any

import duckdb

from newsevents.analyze.counts import rows, scalar

DAILY_CONFLICT_SQL = """
SELECT source_code, target_code, day, sum(greatest(abs(goldstein), 1)) AS score, count(*) AS events
FROM event_units
WHERE happened AND quad_class IN (3, 4) AND day IS NOT NULL AND source_code IS NOT NULL AND target_code IS NOT NULL
GROUP BY source_code, target_code, day
"""


@dataclass(frozen=True)
class AlertOptions:
    window: int = 30
    z_threshold: float = 3.0
    min_score: float = 5.0
    min_events: int = 2  # one report alone is not told apart from noise in a dyad that is mostly silent
    sd_floor: float = 1.0


@dataclass(frozen=True)
class Alert:
    source: str
    target: str
    day: dt.date
    score: float
    events: int
    baseline_mean: float
    baseline_sd: float
    z: float

    def line(self) -> str:
        return (
            f"{self.day}  {self.source} → {self.target}  score {self.score:g} ({self.events} conflict events)  "
            f"baseline {self.baseline_mean:.2f} ± {self.baseline_sd:.2f}  z {self.z:.1f}"
        )

    def to_dict(self) -> dict[str, Any]:
        data = asdict(self)
        data["day"] = self.day.isoformat()
        return data


@dataclass(frozen=True)
class AlertList:
    """The alerts shown (newest day first, strongest first within a day) and how many there are in all."""

    alerts: list[Alert]
    total: int

    @property
    def more(self) -> int:
        return self.total - len(self.alerts)


def escalation_alerts(
    con: duckdb.DuckDBPyConnection,
    options: AlertOptions = AlertOptions(),
    since: dt.date | None = None,
    limit: int | None = None,
) -> AlertList:
    """Alerts on or after `since`; at most `limit` of them, with the total."""
    first_day = scalar(con, "SELECT min(published) FROM articles")
    if first_day is None:
        return AlertList([], 0)
    earliest = first_day + dt.timedelta(days=options.window)
    if since and since > earliest:
        earliest = since
    params = [earliest, options.sd_floor, options.sd_floor, options.z_threshold, options.min_score, options.min_events]
    found = rows(con, _alerts_sql(int(options.window)) + " LIMIT ?", [*params, limit if limit is not None else 2**62])
    total = int(found[0]["total"]) if found else 0
    alerts = [
        Alert(
            r["source_code"],
            r["target_code"],
            r["day"],
            round(float(r["score"]), 2),
            int(r["events"]),
            round(float(r["mean"]), 2),
            round(float(r["sd"]), 2),
            round(float(r["z"]), 2),
        )
        for r in found
    ]
    return AlertList(alerts, total)


def _alerts_sql(window: int) -> str:
    """Trailing sums over the `window` days before each day (RANGE frame: days without events count as 0).

    `window` is an int, formatted (a frame bound cannot be a parameter); every other value is bound.
    """
    return f"""
    WITH daily AS ({DAILY_CONFLICT_SQL}),
    framed AS (
        SELECT *, coalesce(sum(score) OVER w, 0) / {window} AS mean,
               coalesce(sum(score * score) OVER w, 0) / {window} AS mean_sq
        FROM daily
        WINDOW w AS (PARTITION BY source_code, target_code ORDER BY day
                     RANGE BETWEEN INTERVAL {window} DAY PRECEDING AND INTERVAL 1 DAY PRECEDING)
    ),
    judged AS (
        SELECT *, sqrt(greatest(mean_sq - mean * mean, 0)) AS sd FROM framed WHERE day >= ?
    )
    SELECT source_code, target_code, day, score, events, mean, sd, (score - mean) / greatest(sd, ?) AS z,
           count(*) OVER () AS total
    FROM judged WHERE (score - mean) / greatest(sd, ?) >= ? AND score >= ? AND events >= ?
    ORDER BY day DESC, z DESC, source_code, target_code"""
