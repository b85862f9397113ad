"""Extraction stages: actors, events, quotes, claims, places, dates. Each reads an `ExtractContext`."""
