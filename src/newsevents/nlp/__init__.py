"""spaCy loading: one model per process, loaded on first use and cached."""

from newsevents.nlp.model import ModelNotInstalled, load_model

__all__ = ["ModelNotInstalled", "load_model"]
