"""CSV of targets, and plain text: the corpus for spreadsheets and for reading."""

from __future__ import annotations

import csv
import re
from collections.abc import Iterable
from pathlib import Path
from typing import TextIO

from xzannot.core.corpus import CorpusPage
from xzannot.core.targets import TARGET_FIELDS, number_text

CSV_COLUMNS = (
    "document",
    "source",
    "page",
    "printed_page",
    "span_id",
    "start",
    "end",
    "text",
    "status",
    "annotator",
    *TARGET_FIELDS,
    "note",
)


_FORMULA = ("=", "+", "-", "@", "\t", "\r")  # what spreadsheets take for the start of a formula
_NUMBER = re.compile(r"[+-]?\d+(?:\.\d+)?")  # a signed number is a number, not a formula


def cell(value: object) -> object:
    """A value as a spreadsheet shows it, never run: text that a spreadsheet would take for
    a formula (``=HYPERLINK(…)``) gets a leading apostrophe, as spreadsheets themselves do."""
    if isinstance(value, str) and value.startswith(_FORMULA) and not _NUMBER.fullmatch(value):
        return "'" + value
    return value


def write_targets_csv(pages: Iterable[CorpusPage], out: TextIO) -> int:
    """One row per target span with its parsed attributes; returns the rows written."""
    writer = csv.writer(out)
    writer.writerow(CSV_COLUMNS)
    rows = 0
    for page in pages:
        for span in page.spans:
            if span.label != "target":
                continue
            attrs = span.attributes
            writer.writerow(
                cell(value)
                for value in [
                    page.document,
                    page.source,
                    page.number,
                    page.printed_page or "",
                    span.id,
                    span.start,
                    span.end,
                    span.quote,
                    span.status.value,
                    span.annotator or "",
                    attrs.get("indicator", ""),
                    number_text(attrs.get("value")),
                    attrs.get("unit", ""),
                    attrs.get("comparator", ""),
                    attrs.get("direction", ""),
                    span.note,
                ]
            )
            rows += 1
    return rows


def write_texts(pages: Iterable[CorpusPage], folder: Path) -> int:
    """The corrected text of each page, one UTF-8 file per page."""
    count = 0
    for page in pages:
        text = page.text if page.text.endswith("\n") else page.text + "\n"
        (folder / f"{page.name}.txt").write_text(text, encoding="utf-8", newline="")
        count += 1
    return count
