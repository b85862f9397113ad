"""The embedded store: DuckDB tables loaded from arrow record batches, with exports and stats."""

from newsevents.store.batches import ArrowBatch, StoredArticle, to_arrow
from newsevents.store.duck import TABLES, Store

__all__ = ["TABLES", "ArrowBatch", "Store", "StoredArticle", "to_arrow"]
