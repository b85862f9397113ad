"""`newsevents ingest|export|stats` (filled in by the corpus-store issue)."""
