"""Build the dashboard's bundled world outline from the npm package world-atlas (ISC; Natural Earth, public domain).

    npm pack world-atlas@2 && tar xzf world-atlas-2.0.2.tgz
    python tools/make_world_outline.py package/land-110m.json > src/newsevents/web/static/land-110m.path

Writes one SVG path in degrees (x = longitude, y = -latitude), which the map scales to its size.
"""

from __future__ import annotations

import json
import sys
from typing import Any


def decode_arcs(topology: dict[str, Any]) -> list[list[tuple[float, float]]]:
    """TopoJSON arcs: delta-encoded quantized positions, turned back into longitude/latitude."""
    (sx, sy), (tx, ty) = topology["transform"]["scale"], topology["transform"]["translate"]
    arcs = []
    for arc in topology["arcs"]:
        x = y = 0
        points = []
        for dx, dy in arc:
            x, y = x + dx, y + dy
            points.append((x * sx + tx, y * sy + ty))
        arcs.append(points)
    return arcs


def ring(indexes: list[int], arcs: list[list[tuple[float, float]]]) -> list[tuple[float, float]]:
    points: list[tuple[float, float]] = []
    for i in indexes:
        arc = arcs[i] if i >= 0 else arcs[~i][::-1]
        points += arc[1:] if points else arc
    return points


def main(path: str) -> None:
    topology = json.load(open(path, encoding="utf-8"))
    arcs = decode_arcs(topology)
    pieces = []
    for geometry in topology["objects"]["land"]["geometries"]:
        polygons = geometry["arcs"] if geometry["type"] == "MultiPolygon" else [geometry["arcs"]]
        for polygon in polygons:
            for indexes in polygon:
                points = ring(indexes, arcs)
                pieces.append("M" + "L".join(f"{x:.1f},{-y:.1f}" for x, y in points) + "Z")
    sys.stdout.write("".join(pieces) + "\n")


if __name__ == "__main__":
    main(sys.argv[1])
