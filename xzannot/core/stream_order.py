"""The order a text layer already has, and whether it can be trusted as the reading order.

Most PDFs write their text in the order it is read: column by column, a sidebar as a block
of its own, a table cell by cell or row by row. Reordering such a page from the glyphs'
positions alone can only make it worse (a sidebar interleaved with the column beside it, a
multi-line cell woven into the next). The layer's order is replaced only on evidence that it
is wrong: lines of neighbouring columns alternating (the stream reads across the gutter), or
lines that go back up the same column again and again.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import dataclass
from itertools import pairwise

from xzannot.core.boxes import Box

_CROSSINGS = 3  # stream steps across a gutter on one printed line that prove interleaving
_CLIMBS = 3  # jumps back up over text just read that prove a scrambled stream


@dataclass
class StreamLine:
    """Consecutive glyphs of the text layer on one printed line, left to right."""

    glyphs: list[int]
    left: float
    top: float
    right: float
    bottom: float


def stream_lines(
    glyphs: Sequence[int], boxes: Sequence[Box | None], height: float
) -> list[StreamLine]:
    """The glyphs, in the layer's order, cut where the next one leaves the printed line.

    A glyph stays on the line while it overlaps it vertically and lies to its right. Ink
    boxes are tight (``一`` is a thin stroke, ``、`` sits low), so each is taken at least a
    line of ``height`` tall around its middle before they are compared.
    """
    half = height / 2
    lines: list[StreamLine] = []
    for index in glyphs:
        left, top, right, bottom = boxes[index]  # type: ignore[misc]
        line = lines[-1] if lines else None
        if line is not None:
            middle, line_middle = (top + bottom) / 2, (line.top + line.bottom) / 2
            upper = min(top, middle - half), min(line.top, line_middle - half)
            lower = max(bottom, middle + half), max(line.bottom, line_middle + half)
            overlap = min(lower) - max(upper)
            if overlap > 0.25 * height and left >= line.right - 0.5 * height:
                line.glyphs.append(index)
                line.right = max(line.right, right)
                line.top, line.bottom = min(line.top, top), max(line.bottom, bottom)
                continue
        lines.append(StreamLine([index], left, top, right, bottom))
    return lines


def crosses_gutters(
    glyphs: Sequence[int],
    boxes: Sequence[Box | None],
    bounds: Sequence[tuple[float, float]],
    height: float,
) -> int:
    """How often the layer steps from one column to another on the same printed line."""
    if len(bounds) < 2:
        return 0
    starts = [low for low, _ in bounds]
    placed = []  # per glyph: its column (-1 outside every column) and its middle
    for index in glyphs:
        left, top, right, bottom = boxes[index]  # type: ignore[misc]
        x = (left + right) / 2
        column = bisect_right(starts, x) - 1
        inside = column >= 0 and x <= bounds[column][1]
        placed.append((column if inside else -1, (top + bottom) / 2))
    limit = 0.5 * height
    return sum(
        1
        for (a, ya), (b, yb) in pairwise(placed)
        if a != b and a >= 0 and b >= 0 and abs(ya - yb) < limit
    )


def climbs(lines: Sequence[StreamLine], height: float) -> int:
    """How often the layer jumps back up to a line above, over text it has just read."""
    count = 0
    for before, after in pairwise(lines):
        above = after.bottom < before.top - 0.5 * height
        overlapping = min(before.right, after.right) - max(before.left, after.left) > height
        if above and overlapping:
            count += 1
    return count


def judge_order(
    glyphs: Sequence[int],
    boxes: Sequence[Box | None],
    bounds: Sequence[tuple[float, float]],
    height: float,
) -> tuple[bool, str]:
    """Whether the layer's own order reads the page (see the module's docstring), and the
    evidence, in words."""
    crossings = crosses_gutters(glyphs, boxes, bounds, height)
    if crossings >= _CROSSINGS:
        return False, (
            f"read {len(bounds)} columns one after the other: the text layer stepped from "
            f"column to column on the same printed line {crossings} times"
        )
    jumps = climbs(stream_lines(glyphs, boxes, height), height)
    if jumps >= _CLIMBS:
        return False, (
            f"read line by line from the glyphs' positions: the text layer jumped back up "
            f"over text already read {jumps} times"
        )
    return True, "kept the text layer's order: it reads the page"
