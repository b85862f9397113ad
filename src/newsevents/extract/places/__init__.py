"""Places: toponyms in the text, resolved to gazetteer entries with coordinates."""

from newsevents.extract.places.extract import extract_places

__all__ = ["extract_places"]
