"""The corpus formats xzannot writes, and the defaults of export and span import.

Kept apart from the writers so the command line and the export dialog can name the
formats without loading them.
"""

from __future__ import annotations

from xzannot.core.spans import SpanStatus

# format -> whether it is written to a folder (one or two files per page)
FORMATS = {
    "jsonl": False,
    "conll": False,
    "brat": True,
    "labelstudio": False,
    "csv": False,
    "pagexml": True,
    "alto": True,
    "txt": True,
}
TEXT_FORMATS = ("pagexml", "alto", "txt")  # the text (and its layout), without spans
DEFAULT_STATUSES = (SpanStatus.ACCEPTED,)  # exported unless others are asked for
DEFAULT_ANNOTATOR = "import"  # recorded for imported spans that name no annotator
