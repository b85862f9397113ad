"""Dates: date expressions resolved to TIMEX3 values against the publication date."""

from newsevents.extract.dates.extract import extract_dates

__all__ = ["extract_dates"]
