"""Actors: mentions of people, organisations, countries and groups, coded CAMEO-style."""

from __future__ import annotations

from newsevents.extract.context import ExtractContext


def extract_actors(ctx: ExtractContext) -> None:
    ctx.actors = []
    ctx.index_actors()
