"""Charts as inline SVG built on the server: no JavaScript library, nothing fetched, works in `report` too.

Every mark is a link (`<a href>`) down to the events it counts, and carries a `<title>` tooltip.
All text placed in the SVG goes through `escape`.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Sequence
from typing import Any

from markupsafe import Markup, escape

from newsevents.analyze.counts import QUAD_NAMES

QUAD_COLOURS = {1: "#8fd19e", 2: "#2e9e5b", 3: "#f0a04b", 4: "#d1453b"}
Link = Callable[..., str | None]


def goldstein_colour(value: float | None) -> str:
    """-10 (red) … 0 (grey) … +10 (blue)."""
    if value is None:
        return "#999999"
    t = max(-1.0, min(1.0, value / 10.0))
    grey = (160, 160, 160)
    end = (209, 69, 59) if t < 0 else (46, 110, 200)
    r, g, b = (round(grey[i] + (end[i] - grey[i]) * abs(t)) for i in range(3))
    return f"#{r:02x}{g:02x}{b:02x}"


def _a(href: str | None, body: str) -> str:
    return f'<a href="{escape(href)}">{body}</a>' if href else body


def stacked_bars(
    periods: Sequence[dict[str, Any]], key: str, link: Link, width: int = 760, height: int = 180
) -> Markup:
    """Bars per period (`key` names the period column), stacked by QuadClass q1..q4."""
    if not periods:
        return Markup('<p class="empty">No dated events.</p>')
    top = max(sum(int(p[f"q{q}"]) for q in range(1, 5)) for p in periods) or 1
    pad, axis = 30, 18
    step = (width - pad) / len(periods)
    bar = min(max(step * 0.8, 1.0), 40.0)
    parts = [_svg_open(width, height + axis, "bars")]
    parts.append(f'<text x="0" y="12" class="axis">{top}</text><text x="0" y="{height}" class="axis">0</text>')
    for i, period in enumerate(periods):
        x, y = pad + i * step, float(height)
        for q in range(1, 5):
            n = int(period[f"q{q}"])
            if n == 0:
                continue
            h = (height - 4) * n / top
            y -= h
            tip = f"{period[key]}: {n} {QUAD_NAMES[q]}"
            rect = (
                f'<rect x="{x:.1f}" y="{y:.1f}" width="{bar:.1f}" height="{h:.1f}" fill="{QUAD_COLOURS[q]}">'
                f"<title>{escape(tip)}</title></rect>"
            )
            parts.append(_a(link(period[key], q), rect))
    parts += _period_labels(periods, key, pad, step, height + axis - 3)
    parts.append("</svg>")
    return Markup("".join(parts))


def _period_labels(periods: Sequence[dict[str, Any]], key: str, pad: int, step: float, y: float) -> list[str]:
    every = max(1, math.ceil(len(periods) / 8))
    return [
        f'<text x="{pad + i * step:.1f}" y="{y:.1f}" class="axis">{escape(str(p[key]))}</text>'
        for i, p in enumerate(periods)
        if i % every == 0
    ]


def goldstein_line(days: Sequence[dict[str, Any]], link: Link, width: int = 760, height: int = 140) -> Markup:
    """The daily Goldstein sum as points joined by a line, with the zero line drawn."""
    if not days:
        return Markup('<p class="empty">No dated events.</p>')
    values = [float(d["goldstein"] or 0) for d in days]
    span = max(max(abs(v) for v in values), 1.0)
    pad, mid = 30, height / 2
    step = (width - pad - 10) / max(len(days) - 1, 1)
    points = [(pad + i * step, mid - (v / span) * (mid - 8)) for i, v in enumerate(values)]
    parts = [_svg_open(width, height, "line")]
    parts.append(f'<line x1="{pad}" x2="{width}" y1="{mid}" y2="{mid}" class="zero"/>')
    parts.append(f'<text x="0" y="12" class="axis">{span:+g}</text><text x="0" y="{height - 2}" class="axis">')
    parts.append(f"{-span:+g}</text>")
    parts.append('<polyline class="series" points="' + " ".join(f"{x:.1f},{y:.1f}" for x, y in points) + '"/>')
    for (x, y), day, v in zip(points, days, values, strict=True):
        dot = (
            f'<circle cx="{x:.1f}" cy="{y:.1f}" r="4" fill="{goldstein_colour(v)}">'
            f"<title>{escape(str(day['day']))}: Goldstein sum {v:+g}</title></circle>"
        )
        parts.append(_a(link(day["day"], None), dot))
    parts.append("</svg>")
    return Markup("".join(parts))


def network_svg(
    nodes: Sequence[dict[str, Any]], edges: Sequence[dict[str, Any]], link_edge: Link, link_node: Link, size: int = 620
) -> Markup:
    """Actors on a circle (most active first), directed edges coloured by mean Goldstein, width by count."""
    if not nodes:
        return Markup('<p class="empty">No actors.</p>')
    centre, radius = size / 2, size / 2 - 90
    where = {
        n["code"]: (
            centre + radius * math.cos(2 * math.pi * i / len(nodes) - math.pi / 2),
            centre + radius * math.sin(2 * math.pi * i / len(nodes) - math.pi / 2),
        )
        for i, n in enumerate(nodes)
    }
    top = max((int(e["events"]) for e in edges), default=1)
    parts = [_svg_open(size, size, "network")]
    parts.append(
        '<defs><marker id="arrow" viewBox="0 0 10 10" refX="10" refY="5" markerWidth="9" markerHeight="9" '
        'markerUnits="userSpaceOnUse" orient="auto"><path d="M0,0 L10,5 L0,10 z" fill="#666"/></marker></defs>'
    )
    for e in edges:
        (x1, y1), (x2, y2) = _shorten(where[e["source_code"]], where[e["target_code"]], 7.0)
        tip = f"{e['source_code']} → {e['target_code']}: {e['events']} events, mean Goldstein {e['mean_goldstein']}"
        line = (
            f'<line x1="{x1:.1f}" y1="{y1:.1f}" x2="{x2:.1f}" y2="{y2:.1f}" '
            f'stroke="{goldstein_colour(e["mean_goldstein"])}" '
            f'stroke-width="{1 + 5 * int(e["events"]) / top:.1f}" marker-end="url(#arrow)" class="edge">'
            f"<title>{escape(tip)}</title></line>"
        )
        parts.append(_a(link_edge(e["source_code"], e["target_code"]), line))
    for n in nodes:
        x, y = where[n["code"]]
        anchor = "start" if x >= centre else "end"
        dx = 8 if x >= centre else -8
        label = (
            f'<circle cx="{x:.1f}" cy="{y:.1f}" r="5" class="node"/>'
            f'<text x="{x + dx:.1f}" y="{y + 4:.1f}" text-anchor="{anchor}" class="label">{escape(n["code"])}'
            f"<title>{escape(str(n['name']))}: {n['events']} events</title></text>"
        )
        parts.append(_a(link_node(n["code"]), label))
    parts.append("</svg>")
    return Markup("".join(parts))


def _shorten(a: tuple[float, float], b: tuple[float, float], by: float) -> tuple[tuple[float, float], ...]:
    """The segment a→b with `by` cut off its end, so an arrowhead stops at the node's rim."""
    dx, dy = b[0] - a[0], b[1] - a[1]
    length = math.hypot(dx, dy) or 1.0
    return a, (b[0] - dx * by / length, b[1] - dy * by / length)


def map_svg(points: Sequence[dict[str, Any]], link: Link, outline: str = "", width: int = 760) -> Markup:
    """An equirectangular plot: graticule every 30°, the bundled world outline if any, one dot per place."""
    height = width / 2
    parts = [_svg_open(width, int(height), "map")]
    parts.append(f'<rect width="{width}" height="{height:.0f}" class="sea"/>')
    if outline:
        parts.append(
            f'<g transform="scale({width / 360:.5f},{height / 180:.5f}) translate(180,90)"><path class="land" '
            f'd="{escape(outline)}"/></g>'
        )
    for lon in range(-180, 181, 30):
        x = (lon + 180) * width / 360
        parts.append(f'<line x1="{x:.1f}" x2="{x:.1f}" y1="0" y2="{height:.0f}" class="grid"/>')
    for lat in range(-90, 91, 30):
        y = (90 - lat) * height / 180
        parts.append(f'<line x1="0" x2="{width}" y1="{y:.1f}" y2="{y:.1f}" class="grid"/>')
    top = max((int(p["events"]) for p in points), default=1)
    for p in points:
        x, y = (float(p["lon"]) + 180) * width / 360, (90 - float(p["lat"])) * height / 180
        r = 3 + 7 * math.sqrt(int(p["events"]) / top)
        dot = (
            f'<circle cx="{x:.1f}" cy="{y:.1f}" r="{r:.1f}" fill="{goldstein_colour(p["mean_goldstein"])}" '
            f'class="place"><title>{escape(str(p["place_name"]))}: {p["events"]} events</title></circle>'
        )
        parts.append(_a(link(p["place_name"]), dot))
    parts.append("</svg>")
    return Markup("".join(parts))


def _svg_open(width: int, height: int, kind: str) -> str:
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" class="chart {kind}" viewBox="0 0 {width} {height}" '
        f'width="{width}" height="{height}" role="img">'
    )
