"""Shared fixtures: the model loaded once, a one-call `extract(text)`, and the gold-data folder."""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Callable
from pathlib import Path

import pytest

from newsevents.options import Options
from newsevents.pipeline import process
from newsevents.types import Article, ArticleRecord

REPO = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("NEWSEVENTS_SHARED", REPO.parent / "shared"))

Extract = Callable[..., ArticleRecord]


@pytest.fixture(scope="session")
def extract() -> Extract:
    """`extract(text, published="2022-01-28", **options) -> ArticleRecord` through `process()`."""

    def run(text: str, published: str | None = "2022-01-28", **overrides: object) -> ArticleRecord:
        date = dt.date.fromisoformat(published) if published else None
        return process(Article(id="t", text=text, published=date), Options.load(**overrides))

    return run


@pytest.fixture(scope="session")
def shared_dir() -> Path:
    """The shared gold-data folder; tests that need it skip when it is absent."""
    if not (SHARED / "eval").is_dir():
        pytest.skip("../shared (gold data) is not present")
    return SHARED


@pytest.fixture(scope="session")
def seed_text(shared_dir: Path) -> str:
    return (shared_dir / "examples" / "seed_article.txt").read_text("utf-8")
