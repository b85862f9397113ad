"""The Jinja environment shared by the dashboard and `report`: autoescaped, templates and assets in the package."""

from __future__ import annotations

from functools import cache
from importlib import resources
from typing import Any
from urllib.parse import quote, urlencode

from jinja2 import Environment, PackageLoader, select_autoescape

from newsevents.analyze.counts import QUAD_NAMES
from newsevents.web import charts


def url(path: str, **params: Any) -> str:
    """A link with its query parameters encoded (path pieces are quoted by `segment`)."""
    query = urlencode({k: v for k, v in params.items() if v not in (None, "", False)})
    return f"{path}?{query}" if query else path


def segment(value: Any) -> str:
    return quote(str(value), safe="")


def goldstein_class(value: float | None) -> str:
    """A CSS class for a Goldstein value (the CSP forbids inline styles, so colours are classes)."""
    if value is None or value == 0:
        return "g0"
    if value <= -5:
        return "gneg2"
    return "gneg1" if value < 0 else ("gpos1" if value < 5 else "gpos2")


@cache
def environment() -> Environment:
    env = Environment(
        loader=PackageLoader("newsevents.web", "templates"),
        autoescape=select_autoescape(default=True, default_for_string=True),
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.globals.update(url=url, segment=segment, QUAD_NAMES=QUAD_NAMES, charts=charts)
    env.filters["goldstein_class"] = goldstein_class
    return env


def render(template: str, **context: Any) -> str:
    return environment().get_template(template).render(**context)


@cache
def static_text(name: str) -> str:
    return resources.files("newsevents.web").joinpath("static", name).read_text("utf-8")


class Links:
    """Where each chart mark leads: the events it counts (dashboard) or nowhere (`report`, one file)."""

    def __init__(self, report: bool = False) -> None:
        self.report = report

    def month(self, period: str, quad: int | None) -> str | None:
        return None if self.report else url("/events", month=period, quad_class=quad)

    def dyad_day(self, source: str, target: str) -> Any:
        def link(day: Any, quad: int | None) -> str | None:
            return None if self.report else url("/events", source=source, target=target, day=str(day), quad_class=quad)

        return link

    def edge(self, source: str, target: str) -> str | None:
        if self.report:
            return f"#dyad-{segment(source)}-{segment(target)}"
        return f"/dyads/{segment(source)}/{segment(target)}"

    def node(self, code: str) -> str | None:
        return None if self.report else url("/events", actor=code)

    def place(self, name: str) -> str | None:
        return None if self.report else url("/events", place=name)
