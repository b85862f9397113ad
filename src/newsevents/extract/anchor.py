"""Give each event its date and place (placeholder: events keep date/place as coded)."""

from __future__ import annotations

from newsevents.extract.context import ExtractContext


def anchor_events(ctx: ExtractContext) -> None:
    return None
