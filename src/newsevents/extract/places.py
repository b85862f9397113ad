"""Places extraction (placeholder until its issue lands: writes an empty list)."""

from __future__ import annotations

from newsevents.extract.context import ExtractContext


def extract_places(ctx: ExtractContext) -> None:
    ctx.places = []
