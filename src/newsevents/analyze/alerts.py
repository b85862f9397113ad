"""Escalation alerts: a dyad's daily conflict score against its own trailing baseline.

Score of a dyad (source → target) on a day: the sum over its conflict event units (QuadClass 3 and
4, that happened: not negated or hypothetical) of |Goldstein|, at least 1 each — so one "attack"
(Goldstein -10) weighs ten "criticises" less than one. Baseline: the mean and standard deviation
of the same score over the `window` days before (days without events count as 0). The alert fires
when `z = (score - mean) / max(sd, sd_floor)` reaches `z_threshold` and the score is at least
`min_score`. A day is judged only when the store has dated articles from at least `window` days
before it, so the first weeks of a corpus do not alarm on everything; undated events are never
placed on a day. Event units are story-aware (see `analyze.counts`), so ten copies of one report
are one event.
"""

from __future__ import annotations

import datetime as dt
import math
from collections import defaultdict
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


def escalation_alerts(
    con: duckdb.DuckDBPyConnection, options: AlertOptions = AlertOptions(), since: dt.date | None = None
) -> list[Alert]:
    """Alerts on or after `since`, strongest first within a day, newest day first."""
    first_day = scalar(con, "SELECT min(published) FROM articles")
    if first_day is None:
        return []
    series: dict[tuple[str, str], dict[dt.date, tuple[float, int]]] = defaultdict(dict)
    for row in rows(con, DAILY_CONFLICT_SQL):
        series[(row["source_code"], row["target_code"])][row["day"]] = (float(row["score"]), int(row["events"]))
    alerts: list[Alert] = []
    for (source, target), days in series.items():
        for day, (score, events) in days.items():
            if (since and day < since) or day - dt.timedelta(days=options.window) < first_day:
                continue
            alert = _judge(source, target, day, score, events, days, options)
            if alert:
                alerts.append(alert)
    return sorted(alerts, key=lambda a: (-a.day.toordinal(), -a.z, a.source, a.target))


def _judge(
    source: str,
    target: str,
    day: dt.date,
    score: float,
    events: int,
    days: dict[dt.date, tuple[float, int]],
    options: AlertOptions,
) -> Alert | None:
    history = [days.get(day - dt.timedelta(days=back), (0.0, 0))[0] for back in range(1, options.window + 1)]
    mean = sum(history) / len(history)
    sd = math.sqrt(sum((x - mean) ** 2 for x in history) / len(history))
    z = (score - mean) / max(sd, options.sd_floor)
    if z < options.z_threshold or score < options.min_score:
        return None
    return Alert(source, target, day, round(score, 2), events, round(mean, 2), round(sd, 2), round(z, 2))
