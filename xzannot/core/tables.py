"""Ruled tables: the grid a page draws, and the glyphs in each of its cells.

Horizontal rules stacked one above another over the same width make a table; the bands
between them are its rows. Within a row, the vertical rules that cross it divide the
cells (so a cell spanning several columns stays one); a row drawn without vertical rules
is divided where a wide gap runs down all of its lines. A cell's text is read line by
line, so a cell whose text wraps stays one cell instead of being woven into the next.
"""

from __future__ import annotations

import statistics
from collections.abc import Sequence
from dataclasses import dataclass
from itertools import pairwise

from xzannot.core.boxes import Box
from xzannot.core.rows import printed_rows

_SAME_LINE = 1.5  # points: rule pieces this close in position are one line
_MIN_LINES = 3  # horizontal lines that make a table (two rows at least)
_OVERLAP = 0.6  # share of the narrower line's width that stacked lines must share
_TALLEST_ROW = 600.0  # points: a gap between rules taller than this ends the table


@dataclass(frozen=True)
class RuledTable:
    """A table the page draws: its area, and per row the glyphs of each cell in reading
    order (an empty cell is an empty list)."""

    box: Box
    rows: list[list[list[int]]]

    @property
    def glyphs(self) -> set[int]:
        return {i for row in self.rows for cell in row for i in cell}


@dataclass
class _Line:
    left: float
    right: float
    y: float


def _horizontal_lines(rules: Sequence[Box]) -> list[_Line]:
    """Horizontal rule pieces joined into lines (a table draws each cell's edge apart)."""
    pieces = sorted(
        ((r[0], r[2], (r[1] + r[3]) / 2) for r in rules if r[3] - r[1] < r[2] - r[0]),
        key=lambda p: (round(p[2] / _SAME_LINE), p[0]),
    )
    lines: list[_Line] = []
    for left, right, y in pieces:
        last = lines[-1] if lines else None
        if last and abs(last.y - y) <= _SAME_LINE and left <= last.right + 3 * _SAME_LINE:
            last.right = max(last.right, right)
            continue
        lines.append(_Line(left, right, y))
    return sorted(lines, key=lambda line: line.y)


def _stacks(lines: list[_Line]) -> list[list[_Line]]:
    """Lines grouped into tables: each over about the same width as the one above it."""
    stacks: list[list[_Line]] = []
    for line in lines:
        for stack in stacks:
            top = stack[-1]
            shared = min(top.right, line.right) - max(top.left, line.left)
            narrower = min(top.right - top.left, line.right - line.left)
            if shared >= _OVERLAP * narrower and line.y - top.y <= _TALLEST_ROW:
                stack.append(line)
                break
        else:
            stacks.append([line])
    return [s for s in stacks if len(s) >= _MIN_LINES]


def _cells_by_gaps(
    glyphs: list[int], boxes: Sequence[Box | None], height: float
) -> list[list[int]]:
    """Cells where no glyph of any of the lines given fills a wide gap, left to right."""
    spans = sorted((boxes[i][0], boxes[i][2], i) for i in glyphs)  # type: ignore[index]
    cells: list[list[int]] = []
    reach = None
    for left, right, index in spans:
        if reach is None or left - reach >= 1.5 * height:
            cells.append([])
        cells[-1].append(index)
        reach = right if reach is None else max(reach, right)
    return [[i for line in printed_rows(boxes, c, height) for i in line] for c in cells]


def _verticals(rules: Sequence[Box], box: Box) -> list[Box]:
    left, top, right, bottom = box
    return [
        r
        for r in rules
        if r[3] - r[1] > r[2] - r[0]
        and left - 2 <= (r[0] + r[2]) / 2 <= right + 2
        and r[3] > top + 2
        and r[1] < bottom - 2
    ]


def _grid_rows(
    glyphs: list[int],
    boxes: Sequence[Box | None],
    lines: list[_Line],
    verticals: list[Box],
    height: float,
) -> list[list[list[int]]]:
    """A fully ruled table: each glyph in the cell its rules enclose; a row for each line a
    cell starts on, a field for each column (a cell spanning several fills the first)."""
    columns: list[float] = sorted({round((v[0] + v[2]) / 2) for v in verticals})
    cells: dict[tuple[float, float], list[int]] = {}  # (top, left) of a cell -> its glyphs
    for index in glyphs:
        box = boxes[index]
        assert box is not None
        x, y = (box[0] + box[2]) / 2, (box[1] + box[3]) / 2
        above = [ln.y for ln in lines if ln.y < y and ln.left - 2 <= x <= ln.right + 2]
        before: list[float] = [
            round((v[0] + v[2]) / 2)
            for v in verticals
            if (v[0] + v[2]) / 2 < x and v[1] - 2 <= y <= v[3] + 2
        ]
        top = max(above, default=lines[0].y)
        left = max(before, default=columns[0])
        cells.setdefault((round(top, 1), left), []).append(index)
    rows = []
    for top in sorted({t for t, _ in cells}):
        fields: list[list[int]] = [[] for _ in columns[:-1]] or [[]]
        for (cell_top, left), members in cells.items():
            if cell_top == top:
                column = max(0, min(len(fields) - 1, sum(1 for c in columns[1:] if c <= left)))
                ordered = [i for line in printed_rows(boxes, members, height) for i in line]
                fields[column].extend(ordered)
        rows.append(fields)
    return rows


def ruled_tables(
    rules: Sequence[Box], glyphs: Sequence[int], boxes: Sequence[Box | None]
) -> list[RuledTable]:
    """The ruled tables of a page, top to bottom, with the glyphs of each cell.

    A stack of rules is cut where a band between two of them is no table row: prose under a
    running head's rule, or a note between two tables (a band no vertical rule crosses where
    the table has them; where it has none, a band of several lines that are mostly one cell).
    """
    if not rules or not glyphs:
        return []
    height = statistics.median(boxes[i][3] - boxes[i][1] for i in glyphs)  # type: ignore[index]
    tables = []
    for stack in _stacks(_horizontal_lines(rules)):
        left = min(line.left for line in stack)
        right = max(line.right for line in stack)
        verticals = _verticals(rules, (left, stack[0].y, right, stack[-1].y))
        runs: list[list[_Line]] = [[stack[0]]]
        for upper, lower in pairwise(stack):
            band = _inside(glyphs, boxes, (left, upper.y, right, lower.y))
            if not band or _tabular(band, boxes, verticals, (upper.y + lower.y) / 2, height):
                runs[-1].append(lower)
            else:
                runs.append([lower])
        for run in runs:
            table = _table(run, glyphs, boxes, verticals, height)
            if table is not None:
                tables.append(table)
    return tables


def _inside(glyphs: Sequence[int], boxes: Sequence[Box | None], area: Box) -> list[int]:
    left, top, right, bottom = area
    return [
        i
        for i in glyphs
        if left <= (boxes[i][0] + boxes[i][2]) / 2 <= right  # type: ignore[index]
        and top < (boxes[i][1] + boxes[i][3]) / 2 < bottom  # type: ignore[index]
    ]


def _tabular(
    band: list[int], boxes: Sequence[Box | None], verticals: list[Box], middle: float, height: float
) -> bool:
    """Whether a band between two rules holds a table's row (or rows): a vertical rule
    crosses it where the table has them, or a wide gap runs down all of its lines."""
    if verticals:
        return any(v[1] <= middle <= v[3] for v in verticals)
    return len(_cells_by_gaps(band, boxes, height)) >= 2


def _table(
    run: list[_Line],
    glyphs: Sequence[int],
    boxes: Sequence[Box | None],
    verticals: list[Box],
    height: float,
) -> RuledTable | None:
    if len(run) < 2:
        return None
    left = min(line.left for line in run)
    right = max(line.right for line in run)
    box = (left, run[0].y, right, run[-1].y)
    inside = _inside(glyphs, boxes, box)
    if not inside:
        return None
    crossing = [v for v in verticals if v[3] > box[1] + 2 and v[1] < box[3] - 2]
    if len({round((v[0] + v[2]) / 2) for v in crossing}) >= 3:
        rows = _grid_rows(inside, boxes, run, crossing, height)
    else:
        rows = _banded_rows(inside, boxes, run, height)
    return RuledTable(box, rows) if len(rows) >= 2 else None


def _banded_rows(
    glyphs: list[int], boxes: Sequence[Box | None], stack: list[_Line], height: float
) -> list[list[list[int]]]:
    """A table ruled across only: a band between rules holding a line or two is one row
    (its cells read over both lines); a band holding more (the body of a three-line table)
    is a row per printed line."""
    rows = []
    for upper, lower in pairwise(stack):
        band = [i for i in glyphs if upper.y < (boxes[i][1] + boxes[i][3]) / 2 < lower.y]  # type: ignore[index]
        if not band:
            continue
        printed = printed_rows(boxes, band, height)
        if len(printed) <= 2:
            rows.append(_cells_by_gaps(band, boxes, height))
        else:
            rows.extend(_cells_by_gaps(line, boxes, height) for line in printed)
    return rows
