"""Runners map `newsevents.pipeline.process_batch` over a corpus and write the store."""
