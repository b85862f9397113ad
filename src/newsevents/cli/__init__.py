"""The `newsevents` command: a thin layer over the importable API."""
