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

from xzannot.core.boxes import Box

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


def edge_lines(
    text: str, boxes: Sequence[Box | None], page_height: float, band: float = _EDGE_BAND
) -> list[tuple[str, float]]:
    """Lines of text in the top and bottom margins, built from the boxes alone.

    Text layers break lines unreliably (a running head may come out one
    character per line), so characters are grouped by where they sit: by
    vertical position into lines, then left to right. Returns each line's text
    and the position of its middle as a fraction of the page height.
    """
    low, high = band * page_height, (1 - band) * page_height
    placed = [
        ((box[1] + box[3]) / 2, ch, box)
        for ch, box in zip(text, boxes, strict=False)
        if box is not None and not low < (box[1] + box[3]) / 2 < high and not ch.isspace()
    ]
    placed.sort(key=lambda item: item[0])
    lines: list[list[tuple[str, Box]]] = []
    sums: list[float] = []  # running sum of the middles of each line
    heights: list[float] = []  # tallest box of each line
    for middle, ch, box in placed:
        if lines and abs(middle - sums[-1] / len(lines[-1])) <= heights[-1] / 2:
            lines[-1].append((ch, box))
            sums[-1] += middle
            heights[-1] = max(heights[-1], box[3] - box[1])
            continue
        lines.append([(ch, box)])
        sums.append(middle)
        heights.append(box[3] - box[1])
    out: list[tuple[str, float]] = []
    for line, total in zip(lines, sums, strict=True):
        line.sort(key=lambda item: item[1][0])
        parts: list[str] = []
        for i, (ch, box) in enumerate(line):
            if i and box[0] - line[i - 1][1][2] > 0.3 * (box[3] - box[1]):
                parts.append(" ")
            parts.append(ch)
        out.append(("".join(parts), total / len(line) / page_height))
    return out


def find_folio(text: str, boxes: Sequence[Box | None], page_height: float) -> str | None:
    """The printed page number of a page, or None if none is printed.

    Candidates are scored: a folio at the foot beats one at the head, and a
    decorated one (``— 22 —``) beats a bare number.
    """
    candidates: list[tuple[int, str]] = []
    if boxes and page_height > 0:
        for line, middle in edge_lines(text, boxes, page_height):
            label = folio_of_line(line)
            if label is not None:
                at_foot = middle >= 1 - _EDGE_BAND
                candidates.append((1 + at_foot + 2 * _decorated(line), label))
    else:
        body = [line for line in text.split("\n") if line.strip()]
        for line in body[-_DUMP_LINES:]:
            label = folio_of_line(line)
            if label is not None:
                candidates.append((2 + 2 * _decorated(line), label))
        for line in body[:_DUMP_LINES]:
            label = folio_of_line(line)
            if label is not None and _decorated(line):
                candidates.append((1, label))
    if not candidates:
        return None
    return max(candidates, key=lambda c: c[0])[1]


def out_of_sequence(numbers: Sequence[int], labels: Sequence[str | None]) -> list[int]:
    """Positions of labels that break their neighbours' sequence.

    ``numbers`` are the pages' positions in the document and ``labels`` their printed
    numbers (None where unknown). A numeric label is out of sequence when the nearest
    labelled pages before and after it agree on how printed numbers follow page positions
    and it does not (page 7 labelled 9 between pages 6 and 8 labelled 4 and 6).
    """
    offsets = [
        int(label) - number if label is not None and label.isdigit() else None
        for number, label in zip(numbers, labels, strict=True)
    ]
    known = [i for i, offset in enumerate(offsets) if offset is not None]
    wrong = []
    for before, here, after in zip(known, known[1:], known[2:], strict=False):
        if offsets[before] == offsets[after] != offsets[here]:
            wrong.append(here)
    return wrong
