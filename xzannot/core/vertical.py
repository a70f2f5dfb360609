"""Vertical pages: text set top to bottom in columns read right to left, as traditional
gazetteers (地方志) and older yearbooks are printed.

A page is vertical when its glyphs stand on top of one another more than beside one another.
Its columns are read right to left, each top to bottom. Small print inside a column is a
double-line note (割注): its two half-columns are read right then left and kept as a block
of its own; small print above the text block is a head note (眉批), kept as its own blocks
after the body. A column that starts lower than the others begins a paragraph.
"""

from __future__ import annotations

import statistics
from collections.abc import Sequence
from dataclasses import dataclass
from itertools import pairwise

from xzannot.core.boxes import Box

_SMALL = 0.75  # a note's glyphs are at most this share of the body's size
_DOMINANT = 2.0  # vertical neighbours must outnumber horizontal ones this many times
_SAMPLE = 200  # glyphs looked at to tell a vertical page


@dataclass(frozen=True)
class VerticalText:
    """A vertical page in reading order."""

    chars: list[str]
    origins: list[int]
    columns: int
    evidence: str


def _size(box: Box) -> float:
    return max(box[2] - box[0], box[3] - box[1])


def _centre(box: Box) -> tuple[float, float]:
    return (box[0] + box[2]) / 2, (box[1] + box[3]) / 2


def is_vertical(glyphs: Sequence[int], boxes: Sequence[Box | None]) -> bool:
    """Whether the glyphs stand mostly in columns rather than in lines.

    Told first from the text layer's steps (from one glyph to the next: down a column, or
    along a line); where the layer's order says little, from each glyph's nearest fellows.
    """
    if len(glyphs) < 8:
        return False
    size = statistics.median(_size(boxes[i]) for i in glyphs[:: max(1, len(glyphs) // _SAMPLE)])  # type: ignore[arg-type]
    down = along = 0
    near, low, high = 0.3 * size, 0.5 * size, 1.5 * size
    centres = [_centre(boxes[i]) for i in glyphs]  # type: ignore[arg-type]
    for (ax, ay), (bx, by) in pairwise(centres):
        dx, dy = abs(bx - ax), abs(by - ay)
        if dx < near and low < dy < high:
            down += 1
        elif dy < near and low < dx < high:
            along += 1
    if down + along >= len(glyphs) // 3:
        return down > _DOMINANT * along
    return _columns_by_position(glyphs, boxes, size)


def _columns_by_position(glyphs: Sequence[int], boxes: Sequence[Box | None], size: float) -> bool:
    """Whether more of a sample of glyphs have a fellow just below than just beside them."""
    cells: dict[tuple[int, int], list[tuple[float, float]]] = {}
    centres = [_centre(boxes[i]) for i in glyphs]  # type: ignore[arg-type]
    for x, y in centres:
        cells.setdefault((int(x // size), int(y // size)), []).append((x, y))
    sample = centres[:: max(1, len(centres) // _SAMPLE)]
    below = beside = 0
    for x, y in sample:
        cx, cy = int(x // size), int(y // size)
        down = [p for dx in (-1, 0, 1) for dy in (0, 1) for p in cells.get((cx + dx, cy + dy), ())]
        right = [p for dx in (0, 1) for dy in (-1, 0, 1) for p in cells.get((cx + dx, cy + dy), ())]
        below += any(abs(px - x) < 0.3 * size < py - y - 0.2 * size for px, py in down)
        beside += any(abs(py - y) < 0.3 * size < px - x - 0.2 * size for px, py in right)
    return below > _DOMINANT * max(beside, 1) and below > len(sample) // 3


def _columns(glyphs: list[int], boxes: Sequence[Box | None], size: float) -> list[list[int]]:
    """Glyphs grouped into columns by their horizontal centre, right to left."""
    columns: list[list[int]] = []
    centres: list[float] = []
    for index in sorted(glyphs, key=lambda i: -_centre(boxes[i])[0]):  # type: ignore[arg-type]
        x = _centre(boxes[index])[0]  # type: ignore[arg-type]
        if columns and abs(centres[-1] - x) <= 0.6 * size:
            columns[-1].append(index)
            centres[-1] = statistics.mean(_centre(boxes[i])[0] for i in columns[-1])  # type: ignore[arg-type]
        else:
            columns.append([index])
            centres.append(x)
    return [sorted(c, key=lambda i: boxes[i][1]) for c in columns]  # type: ignore[index]


def _read_note(glyphs: list[int], boxes: Sequence[Box | None]) -> list[int]:
    """A double-line note: its right half-column, then its left, each top to bottom."""
    middle = statistics.mean(_centre(boxes[i])[0] for i in glyphs)  # type: ignore[arg-type]
    right = [i for i in glyphs if _centre(boxes[i])[0] >= middle]  # type: ignore[arg-type]
    left = [i for i in glyphs if _centre(boxes[i])[0] < middle]  # type: ignore[arg-type]
    return sorted(right, key=lambda i: boxes[i][1]) + sorted(left, key=lambda i: boxes[i][1])  # type: ignore[index]


def vertical_text(text: str, glyphs: Sequence[int], boxes: Sequence[Box | None]) -> VerticalText:
    """The page read column by column, right to left (see the module's docstring)."""
    size = statistics.median(_size(boxes[i]) for i in glyphs)  # type: ignore[arg-type]
    small = {i for i in glyphs if _size(boxes[i]) < _SMALL * size}  # type: ignore[arg-type]
    large = [i for i in glyphs if i not in small]
    block_top = min(boxes[i][1] for i in large)  # type: ignore[index]
    block_bottom = max(boxes[i][3] for i in large)  # type: ignore[index]
    head = [i for i in small if boxes[i][3] <= block_top + 0.1 * size]  # type: ignore[index]
    body = [i for i in glyphs if i not in set(head)]
    chars: list[str] = []
    origins: list[int] = []

    def put(indices: list[int]) -> None:
        for i in indices:
            chars.append(text[i])
            origins.append(i)

    def newline() -> None:
        if chars and chars[-1] != "\n":
            chars.append("\n")
            origins.append(-1)

    notes = 0
    previous_bottom: float | None = None
    columns = _columns(body, boxes, size)
    for column in columns:
        top = boxes[column[0]][1]  # type: ignore[index]
        if previous_bottom is not None and (
            top > block_top + 1.5 * size or previous_bottom < block_bottom - 2 * size
        ):
            newline()  # an indented column starts a paragraph, a short one ends one
        run: list[int] = []
        for index in [*column, -1]:
            if index in small:
                run.append(index)
                continue
            if run:  # a double-line note ends here
                newline()
                put(_read_note(run, boxes))
                newline()
                notes += 1
                run = []
            if index >= 0:
                put([index])
        previous_bottom = boxes[column[-1]][3]  # type: ignore[index]
    head_size = statistics.median(_size(boxes[i]) for i in head) if head else size  # type: ignore[arg-type]
    head_notes = _columns(head, boxes, head_size) if head else []
    for column in head_notes:
        newline()
        put(column)
    while chars and chars[-1] == "\n":
        chars.pop()
        origins.pop()
    evidence = "read as vertical text: columns right to left, each top to bottom"
    if notes or head_notes:
        evidence += (
            f"; {notes} double-line note(s) and {len(head_notes)} head note column(s) "
            "kept as blocks of their own"
        )
    return VerticalText(chars, origins, len(columns), evidence)
