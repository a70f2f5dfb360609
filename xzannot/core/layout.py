"""Reading order from character boxes: lines, columns, page furniture, paragraphs.

Characters are grouped into rows by their vertical position and rows into
segments at wide horizontal gaps. Rows set apart at the top or bottom edge (the
running head, the folio) are page furniture. Column gutters are found among the
body's segments; a split counts only where the text fills each column (a table
leaves its cells short, so it is read row by row, as printed). Lines that span
the gutter (a heading across both columns) divide the page into regions; each
region is read column by column, left to right, each top to bottom.

The result keeps, for every output character, the index of the character it
came from, so that boxes and spans can follow the new order.
"""

from __future__ import annotations

import statistics
from collections.abc import Sequence
from dataclasses import dataclass, field
from itertools import pairwise

from xzannot.core.boxes import Box
from xzannot.core.folio import folio_of_line

EDGE = 0.15  # furniture lives in the top and bottom 15% of the page
_SEGMENT_GAP = 1.5  # glyph heights of empty space that split a row into segments
_FILL = 0.6  # a column's lines must fill at least this share of its width


@dataclass
class Segment:
    """A run of glyphs on one printed line: their indices, left to right, and their extent."""

    glyphs: list[int]
    left: float
    top: float
    right: float
    bottom: float
    row: int = 0  # index of the printed row it belongs to, top to bottom

    @property
    def middle(self) -> float:
        return (self.top + self.bottom) / 2

    @property
    def width(self) -> float:
        return self.right - self.left


@dataclass
class PageLayout:
    """A page in reading order."""

    text: str  # the body, paragraphs separated by newlines
    origins: list[int]  # for each character of ``text``: its index in the source, or -1
    columns: int
    furniture: list[str] = field(default_factory=list)  # running heads and folios, top first
    folio: str | None = None
    table: bool = False
    # for each furniture row: the source indices of its glyphs, left to right
    furniture_glyphs: list[list[int]] = field(default_factory=list)


def _glyph_height(boxes: Sequence[Box | None], glyphs: list[int]) -> float:
    heights = [boxes[i][3] - boxes[i][1] for i in glyphs]  # type: ignore[index]
    return statistics.median(heights) if heights else 10.0


def _rows(boxes: Sequence[Box | None], glyphs: list[int], height: float) -> list[list[int]]:
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
    for i in small if tall else []:
        m = middle(i)
        nearest = min(
            range(len(rows)),
            key=lambda r: (
                0.0
                if extents[r][0] <= m <= extents[r][1]
                else min(abs(m - extents[r][0]), abs(m - extents[r][1]))
            ),
        )
        rows[nearest].append(i)
    return [sorted(row, key=lambda g: boxes[g][0]) for row in rows]  # type: ignore[index]


def _segments(boxes: Sequence[Box | None], row: list[int], height: float) -> list[Segment]:
    segments: list[Segment] = []
    for i in row:
        left, top, right, bottom = boxes[i]  # type: ignore[misc]
        last = segments[-1] if segments else None
        if last is not None and left - last.right <= _SEGMENT_GAP * height:
            last.glyphs.append(i)
            last.right = max(last.right, right)
            last.top = min(last.top, top)
            last.bottom = max(last.bottom, bottom)
        else:
            segments.append(Segment([i], left, top, right, bottom))
    return segments


def _mostly_figures(members: list[Segment], text: str) -> bool:
    glyphs = [text[i] for s in members for i in s.glyphs]
    figures = sum(1 for ch in glyphs if ch.isdigit() or ch in ",.%-+()（）")
    return figures > 0.5 * len(glyphs)


def _gutters(segments: list[Segment], height: float, text: str) -> list[tuple[float, float]]:
    """Empty vertical bands between columns of running text.

    Each column must be filled by its lines, be made of words rather than
    figures, and be about as wide as the others: a table's columns fail one of
    these and the table is read row by row.
    """
    if len(segments) < 6:
        return []
    left = min(s.left for s in segments)
    right = max(s.right for s in segments)
    # how many segments reach over each point across the page: a gutter is a band that
    # (almost) none reaches, so a heading spanning the columns does not hide it
    width = int(right - left) + 2
    steps = [0] * (width + 1)
    for s in segments:
        steps[int(s.left - left)] += 1
        steps[int(s.right - left) + 1] -= 1
    coverage, running = [], 0
    for step in steps[:width]:
        running += step
        coverage.append(running)
    quiet = max(1, len(segments) // 10)
    gaps: list[tuple[float, float]] = []
    run_start: int | None = None
    for x, count in enumerate(coverage):
        if count <= quiet and run_start is None:
            run_start = x
        elif count > quiet and run_start is not None:
            if run_start > 0 and x - run_start >= height:
                gaps.append((left + run_start, left + x))
            run_start = None
    narrow = [s for s in segments if not any(s.left < a and s.right > b for a, b in gaps)]
    columns = [left] + [g for gap in gaps for g in gap] + [right]
    bounds = [(columns[i], columns[i + 1]) for i in range(0, len(columns), 2)]
    widths = [high - low for low, high in bounds]
    if max(widths) > 1.5 * min(widths):
        return []
    for index, (low, high) in enumerate(bounds):  # real running text, not table cells
        members = [s for s in narrow if _column_of(s, bounds) == index]
        if len(members) < 3 or _mostly_figures(members, text):
            return []
        if statistics.median(s.width for s in members) < _FILL * (high - low):
            return []
    return gaps[:2]  # at most three columns


def _is_table(rows: list[list[Segment]]) -> bool:
    """Many rows of three or more separate cells: a table, read row by row."""
    busy = sum(1 for row in rows if len(row) >= 3)
    return busy >= max(3, len(rows) // 3)


def _peel_furniture(
    rows: list[list[Segment]], text: str, page_height: float
) -> tuple[list[list[Segment]], list[list[Segment]], list[list[Segment]]]:
    """Split rows into head furniture, body, foot furniture."""
    if len(rows) < 3:
        return [], rows, []
    middles = [statistics.mean(s.middle for s in row) for row in rows]
    pitches = [b - a for a, b in pairwise(middles)]
    pitch = statistics.median(pitches) if pitches else 0.0

    def row_text(row: list[Segment]) -> str:
        return "".join(text[i] for s in row for i in s.glyphs)

    head_end = 0
    while head_end < len(rows) - 1 and middles[head_end] < EDGE * page_height:
        set_apart = pitches[head_end] > 1.5 * pitch
        if not (set_apart or folio_of_line(row_text(rows[head_end]))):
            break
        head_end += 1
    foot_start = len(rows)
    while foot_start - 1 > head_end and middles[foot_start - 1] > (1 - EDGE) * page_height:
        set_apart = pitches[foot_start - 2] > 1.5 * pitch
        if not (set_apart or folio_of_line(row_text(rows[foot_start - 1]))):
            break
        foot_start -= 1
    return rows[:head_end], rows[head_end:foot_start], rows[foot_start:]


def _column_of(segment: Segment, bounds: list[tuple[float, float]]) -> int | None:
    """The column a segment lies in (most of it inside), or None if it spans a gutter."""
    for index, (low, high) in enumerate(bounds):
        inside = min(segment.right, high) - max(segment.left, low)
        if inside >= 0.8 * segment.width:
            return index
    return None


Placed = tuple[Segment, float, float]  # a line with the left and right edges of its column


def _emit(
    lines: list[Placed], text: str, boxes: Sequence[Box | None], height: float
) -> tuple[list[str], list[int]]:
    """Join lines (in reading order) into paragraphs, keeping each character's origin.

    A paragraph starts where a line is indented within its column, or the line
    before it stopped short of its column's right edge, or (in one column) after
    a wider vertical gap. A column that carries on a paragraph from the one
    before it carries it on here too.
    """
    chars: list[str] = []
    origins: list[int] = []
    previous: Placed | None = None
    for line, low, high in lines:
        if previous is not None:
            before, _, before_high = previous
            indented = line.left > low + 1.2 * height
            short = before.right < before_high - 3.5 * height  # an indent is the surer sign
            same_column = before.left < high and line.left < before_high and line.top > before.top
            far = same_column and line.top - before.bottom > 1.2 * height
            if indented or short or far:
                chars.append("\n")
                origins.append(-1)
        for position, index in enumerate(line.glyphs):
            if position:
                last = line.glyphs[position - 1]
                gap = boxes[index][0] - boxes[last][2]  # type: ignore[index]
                if text[last].isascii() and text[index].isascii() and gap > 0.25 * height:
                    chars.append(" ")
                    origins.append(-1)
            chars.append(text[index])
            origins.append(index)
        previous = (line, low, high)
    return chars, origins


def page_layout(
    text: str, boxes: Sequence[Box | None], page_width: float, page_height: float
) -> PageLayout:
    """The page's body in reading order, its furniture apart."""
    glyphs = [i for i, b in enumerate(boxes) if b is not None and not text[i].isspace()]
    if not glyphs:
        return PageLayout("", [], 0)
    height = _glyph_height(boxes, glyphs)
    rows = [_segments(boxes, row, height) for row in _rows(boxes, glyphs, height)]
    for number, row in enumerate(rows):
        for segment in row:
            segment.row = number
    head, body, foot = _peel_furniture(rows, text, page_height)
    furniture = [" ".join("".join(text[i] for i in s.glyphs) for s in row) for row in head + foot]
    furniture_glyphs = [[i for s in row for i in s.glyphs] for row in head + foot]
    folio = next((f for f in (folio_of_line(line) for line in reversed(furniture)) if f), None)
    segments = [s for row in body for s in row]
    gaps = _gutters(segments, height, text)  # columns of running text come first
    if not gaps and _is_table(body):
        chars, origins = _emit_rows(body, text)
        return PageLayout("".join(chars), origins, 1, furniture, folio, True, furniture_glyphs)
    low = min(s.left for s in segments)
    high = max(s.right for s in segments)
    edges = [low] + [g for gap in gaps for g in gap] + [high]
    bounds = [(edges[i], edges[i + 1]) for i in range(0, len(edges), 2)]
    placed: list[Placed] = []
    region: list[list[Segment]] = [[] for _ in bounds]

    def flush() -> None:
        for (column_low, column_high), column in zip(bounds, region, strict=True):
            ordered = sorted(column, key=lambda s: (s.row, s.left))
            placed.extend((s, column_low, column_high) for s in ordered)
            column.clear()

    for segment in sorted(segments, key=lambda s: (s.row, s.left)):
        column = _column_of(segment, bounds)
        if column is None:  # spans the gutter: ends the region above it
            flush()
            placed.append((segment, low, high))
        else:
            region[column].append(segment)
    flush()
    chars, origins = _emit(placed, text, boxes, height)
    return PageLayout(
        "".join(chars), origins, len(bounds), furniture, folio, False, furniture_glyphs
    )


def _emit_rows(rows: list[list[Segment]], text: str) -> tuple[list[str], list[int]]:
    """A table: each row on its own line, cells left to right separated by a space."""
    chars: list[str] = []
    origins: list[int] = []
    for row in rows:
        if chars:
            chars.append("\n")
            origins.append(-1)
        for position, segment in enumerate(sorted(row, key=lambda s: s.left)):
            if position:
                chars.append(" ")
                origins.append(-1)
            for index in segment.glyphs:
                chars.append(text[index])
                origins.append(index)
    return chars, origins
