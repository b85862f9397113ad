"""The bundled world outline (Natural Earth via world-atlas, see static/LICENSE-world-atlas.txt)."""

from __future__ import annotations

from functools import cache
from importlib import resources


@cache
def world_outline() -> str:
    """One SVG path in degrees: x = longitude, y = -latitude."""
    return resources.files("newsevents.web").joinpath("static", "land-110m.path").read_text("utf-8").strip()
