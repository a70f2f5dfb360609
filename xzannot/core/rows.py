"""Glyphs grouped into the printed rows they stand on."""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Sequence

from xzannot.core.boxes import Box

_SMALL_REACH = 1.0  # glyph heights: how far a small glyph may sit from the row it joins


def printed_rows(boxes: Sequence[Box | None], glyphs: list[int], height: float) -> list[list[int]]:
    """Glyphs grouped into printed rows.

    Full-height glyphs set the rows; small ones (commas sit low in the line,
    quotation marks high) then join the row whose extent holds them, or the
    nearest, so punctuation never starts a row of its own.
    """

    middles = {i: (boxes[i][1] + boxes[i][3]) / 2 for i in glyphs}  # type: ignore[index]
    tall = [i for i in glyphs if boxes[i][3] - boxes[i][1] >= 0.6 * height]  # type: ignore[index]
    small = [i for i in glyphs if boxes[i][3] - boxes[i][1] < 0.6 * height]  # type: ignore[index]
    rows: list[list[int]] = []
    extents: list[list[float]] = []  # [top, bottom] of each row
    limit = 1.6 * height
    for i in sorted(tall or glyphs, key=middles.__getitem__):
        top, bottom = boxes[i][1], boxes[i][3]  # type: ignore[index]
        if rows and extents[-1][0] <= middles[i] <= extents[-1][1]:
            rows[-1].append(i)
            extent = extents[-1]
            extent[0] = min(extent[0], top)
            extent[1] = min(max(extent[1], bottom), extent[0] + limit)
        else:
            rows.append([i])
            extents.append([top, bottom])
    tops = [top for top, _ in extents]  # rising: rows were made top to bottom
    apart: list[list[int]] = []  # small glyphs far from every row (a folio in small print)
    for i in small if tall else []:
        m = middles[i]
        at = bisect_right(tops, m)

        def distance(r: int, m: float = m) -> float:
            top, bottom = extents[r]
            return 0.0 if top <= m <= bottom else min(abs(m - top), abs(m - bottom))

        nearest = min(range(max(0, at - 3), min(len(rows), at + 3)), key=distance)
        if distance(nearest) <= _SMALL_REACH * height:
            rows[nearest].append(i)
        elif apart and abs(middles[apart[-1][0]] - m) <= 0.5 * height:
            apart[-1].append(i)
        else:
            apart.append([i])
    if apart:
        rows = sorted(rows + apart, key=lambda row: min(middles[g] for g in row))
    return [sorted(row, key=lambda g: boxes[g][0]) for row in rows]  # type: ignore[index]
