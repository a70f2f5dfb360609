"""Glyphs grouped into the printed rows they stand on."""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Sequence

from xzannot.core.boxes import Box


def printed_rows(boxes: Sequence[Box | None], glyphs: list[int], height: float) -> list[list[int]]:
    """Glyphs grouped into printed rows.

    Full-height glyphs set the rows; small ones (commas sit low in the line,
    quotation marks high) then join the row whose extent holds them, or the
    nearest, so punctuation never starts a row of its own.
    """

    def middle(i: int) -> float:
        return (boxes[i][1] + boxes[i][3]) / 2  # type: ignore[index]

    tall = [i for i in glyphs if boxes[i][3] - boxes[i][1] >= 0.6 * height]  # type: ignore[index]
    small = [i for i in glyphs if boxes[i][3] - boxes[i][1] < 0.6 * height]  # type: ignore[index]
    rows: list[list[int]] = []
    extents: list[list[float]] = []  # [top, bottom] of each row
    for i in sorted(tall or glyphs, key=middle):
        top, bottom = boxes[i][1], boxes[i][3]  # type: ignore[index]
        if rows and extents[-1][0] <= middle(i) <= extents[-1][1]:
            rows[-1].append(i)
            extents[-1][0] = min(extents[-1][0], top)
            extents[-1][1] = min(max(extents[-1][1], bottom), extents[-1][0] + 1.6 * height)
        else:
            rows.append([i])
            extents.append([top, bottom])
    tops = [top for top, _ in extents]  # rising: rows were made top to bottom
    for i in small if tall else []:
        m = middle(i)
        at = bisect_right(tops, m)
        nearest = min(
            range(max(0, at - 3), min(len(rows), at + 3)),  # the rows around it, not all
            key=lambda r: (
                0.0
                if extents[r][0] <= m <= extents[r][1]
                else min(abs(m - extents[r][0]), abs(m - extents[r][1]))
            ),
        )
        rows[nearest].append(i)
    return [sorted(row, key=lambda g: boxes[g][0]) for row in rows]  # type: ignore[index]
