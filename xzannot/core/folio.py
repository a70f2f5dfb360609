"""Find the page number printed on a page (its folio), e.g. ``— 22 —`` or ``第 22 页``.

With character boxes, only lines near the top or bottom edge are considered, so
a number in the body text is never taken for the folio. Without boxes (a text
dump), the last and first few lines are searched, and rows of neighbouring page
numbers that viewers print (``47 48 49 …``) are skipped.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence

from xzannot.core.boxes import Box, union

_DASHES = "—–\\-－―─~～·•_"
_FOLIO_PATTERNS = (
    re.compile(rf"^[{_DASHES}]*(\d{{1,4}})[{_DASHES}]*$"),
    re.compile(r"^第(\d{1,4})页$"),
    re.compile(r"^(?:p\.?|page)(\d{1,4})$", re.IGNORECASE),
)
_EDGE_BAND = 0.12  # fraction of the page height counted as top or bottom margin
_DUMP_LINES = 4  # lines searched at each end of a dump


def folio_of_line(line: str) -> str | None:
    """The page number a line prints if the whole line is a folio, else None."""
    compact = "".join(unicodedata.normalize("NFKC", line).split())
    if not compact:
        return None
    for pattern in _FOLIO_PATTERNS:
        match = pattern.match(compact)
        if match:
            return str(int(match.group(1)))
    return None


def _decorated(line: str) -> bool:
    """A folio framed by dashes is far more telling than a bare number."""
    return any(ch in _DASHES for ch in line) or "第" in line


def find_folio(text: str, boxes: Sequence[Box | None], page_height: float) -> str | None:
    """The printed page number of a page, or None if none is printed.

    Candidates are scored: a folio at the foot beats one at the head, and a
    decorated one (``— 22 —``) beats a bare number.
    """
    lines = text.split("\n")
    candidates: list[tuple[int, str]] = []
    if boxes and page_height > 0:
        pos = 0
        for line in lines:
            line_boxes = boxes[pos : pos + len(line)]
            pos += len(line) + 1
            label = folio_of_line(line)
            box = union(line_boxes)
            if label is None or box is None:
                continue
            middle = (box[1] + box[3]) / 2 / page_height
            if middle >= 1 - _EDGE_BAND:
                candidates.append((2 + 2 * _decorated(line), label))
            elif middle <= _EDGE_BAND:
                candidates.append((1 + 2 * _decorated(line), label))
    else:
        body = [line for line in lines if line.strip()]
        tail = body[-_DUMP_LINES:]
        head = body[:_DUMP_LINES]
        for line in tail:
            label = folio_of_line(line)
            if label is not None:
                candidates.append((2 + 2 * _decorated(line), label))
        for line in head:
            label = folio_of_line(line)
            if label is not None and _decorated(line):
                candidates.append((1, label))
    if not candidates:
        return None
    return max(candidates, key=lambda c: c[0])[1]
