"""newsevents: news articles to a traceable record of who did what to whom, when and where."""

from newsevents.options import Options
from newsevents.types import (
    Actor,
    Article,
    ArticleRecord,
    Claim,
    DateRef,
    Event,
    InputError,
    Place,
    Quote,
    Rejected,
    Span,
)

__version__ = "0.1.0"

__all__ = [
    "Actor",
    "Article",
    "ArticleRecord",
    "Claim",
    "DateRef",
    "Event",
    "InputError",
    "Options",
    "Place",
    "Quote",
    "Rejected",
    "Span",
    "__version__",
]
