"""From files to `Article`s: readers per input format, HTML to text, debris and language checks."""

from newsevents.ingest.clean import PreparedText, prepare_text
from newsevents.ingest.readers import read_inputs

__all__ = ["PreparedText", "prepare_text", "read_inputs"]
