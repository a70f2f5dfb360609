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

import re
import statistics
import unicodedata
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from itertools import pairwise

from rapidfuzz.distance import Levenshtein

from xzannot.core.boxes import Box
from xzannot.core.folio import edge_lines, folio_of_line
from xzannot.core.rows import printed_rows
from xzannot.core.stream_order import judge_order, stream_lines
from xzannot.core.tables import RuledTable, ruled_tables
from xzannot.core.vertical import is_vertical, vertical_text

EDGE = 0.15  # furniture lives in the top and bottom 15% of the page
_SEGMENT_GAP = 1.5  # glyph heights of empty space that split a row into segments
_FILL = 0.6  # a column's lines must fill at least this share of its width
_SEPARATOR_GAP = 0.9  # glyph heights of space that set two items apart on a line
_SMALL_PRINT = 0.85  # a running head alone on its page is set smaller than the body


@dataclass
class Segment:
    """A run of glyphs on one printed line: their indices, left to right, and their extent."""

    glyphs: list[int]
    left: float
    top: float
    right: float
    bottom: float
    row: int = 0  # index of the printed row it belongs to, top to bottom
    # a ruled table's row: a line of its own, a tab before each glyph position listed here
    # (listed twice for an empty cell; ``len(glyphs)`` for empty cells at the end)
    breaks: tuple[int, ...] = ()
    alone: bool = False

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
    # positions in ``text`` of spaces that separate items set apart on a line (kept by the
    # normalisation, which removes other spaces beside Chinese)
    separators: list[int] = field(default_factory=list)
    evidence: str = ""  # what the reading order and the furniture were decided on, in words


def _glyph_height(boxes: Sequence[Box | None], glyphs: list[int]) -> float:
    heights = [boxes[i][3] - boxes[i][1] for i in glyphs]  # type: ignore[index]
    return statistics.median(heights) if heights else 10.0


def _print_size(boxes: Sequence[Box | None], glyphs: list[int]) -> float:
    """The size of a line's print: its glyphs' median of the smaller of width and height
    (OCR engines give every glyph its line's height, so height alone cannot tell a running
    head in smaller print; a Chinese character is as wide as it is tall)."""
    sizes = [min(b[2] - b[0], b[3] - b[1]) for i in glyphs if (b := boxes[i]) is not None]
    return statistics.median(sizes) if sizes else 10.0


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


EdgeRows = Sequence[tuple[str, float]]  # a page's lines at its edges: signature, middle


def _signature(line: str) -> str:
    """A line as repetition compares it: widths folded, no spaces, every number alike (the
    folio in a running foot changes from page to page), its characters sorted (verso and
    recto pages swap the two halves of a running head)."""
    folded = "".join(unicodedata.normalize("NFKC", line).split())
    return "".join(sorted(re.sub(r"\d+", "#", folded)))


def edge_rows(
    text: str, boxes: Sequence[Box | None], page_height: float
) -> list[tuple[str, float]]:
    """The lines at a page's top and bottom edges, for its neighbours to compare with."""
    return [
        (_signature(line), middle)
        for line, middle in edge_lines(text, boxes, page_height, band=EDGE)
    ]


def _repeated(line: str, middle: float, neighbours: Sequence[EdgeRows]) -> bool:
    """Whether a neighbouring page prints (nearly) the same line at the same edge."""
    signature = _signature(line)
    return any(
        abs(middle - other_middle) < 0.04
        and Levenshtein.normalized_similarity(signature, other) >= 0.8
        for rows in neighbours
        for other, other_middle in rows
    )


def _glyphs_of(chosen: list[list[Segment]]) -> list[int]:
    return [i for row in chosen for s in row for i in s.glyphs]


def _furniture_reason(
    line: str,
    middle: float,
    place: tuple[list[Segment], list[list[Segment]], bool],
    *,
    boxes: Sequence[Box | None],
    neighbours: Sequence[EdgeRows] | None,
) -> str | None:
    """Why a row at the page's edge (``middle`` a fraction of the page's height down) is
    furniture, or None. ``place`` is the row, the rows of text beside it, and whether it is
    set apart from them."""
    row, text_beside, set_apart = place
    if folio_of_line(line):
        return "a page number"
    if neighbours:  # a row in the body's rhythm must sit in the outer half of the band
        outer = min(middle, 1 - middle) < EDGE / 2
        if (set_apart or outer) and _repeated(line, middle, neighbours):
            return "a neighbouring page repeats it at its edge"
        return None
    own = _print_size(boxes, _glyphs_of([row]))
    if set_apart and own < _SMALL_PRINT * _print_size(boxes, _glyphs_of(text_beside)):
        return "set apart at the page's edge in smaller print"
    return None


def _peel_furniture(
    rows: list[list[Segment]],
    text: str,
    page_height: float,
    *,
    boxes: Sequence[Box | None],
    neighbours: Sequence[EdgeRows] | None,
    reasons: list[str],
) -> tuple[list[list[Segment]], list[list[Segment]], list[list[Segment]]]:
    """Split rows into head furniture, body, foot furniture.

    A row at the top or bottom edge is a running head or foot if a neighbouring page
    repeats it there; a folio is one on any page. Without neighbours to compare (a page
    alone), only a row set apart from the others in smaller print than the body counts:
    a title, a chapter heading or a document number is never taken away.
    """
    if len(rows) < 3:
        return [], rows, []
    middles = [statistics.mean(s.middle for s in row) for row in rows]
    pitches = [b - a for a, b in pairwise(middles)]
    pitch = statistics.median(pitches) if pitches else 0.0

    def furniture(number: int, set_apart: bool, text_beside: list[list[Segment]]) -> bool:
        line = "".join(text[i] for s in rows[number] for i in s.glyphs)
        why = _furniture_reason(
            line,
            middles[number] / page_height,
            (rows[number], text_beside, set_apart),
            boxes=boxes,
            neighbours=neighbours,
        )
        if why:
            reasons.append(f"took “{line}” out of the body: {why}")
        return why is not None

    head_end = 0
    while head_end < len(rows) - 1 and middles[head_end] < EDGE * page_height:
        below = rows[head_end + 1 : head_end + 6]
        if not furniture(head_end, pitches[head_end] > 1.5 * pitch, below):
            break
        head_end += 1
    foot_start = len(rows)
    while foot_start - 1 > head_end and middles[foot_start - 1] > (1 - EDGE) * page_height:
        above = rows[max(head_end, foot_start - 6) : foot_start - 1]
        if not furniture(foot_start - 1, pitches[foot_start - 2] > 1.5 * pitch, above):
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


def _gap_text(
    text: str, boxes: Sequence[Box | None], last: int, index: int, *, height: float, table: bool
) -> tuple[str, bool]:
    """What goes between two glyphs that follow each other on a line: ``""``, a space or a
    tab (between table cells), and whether a space separates items set apart on the line.

    A wide gap is a cell boundary in a table, elsewhere a separator (names in a grid, check
    boxes). Otherwise, where the two glyphs follow each other in the text layer, the layer
    says whether a space is there: the gap between the ink of narrow glyphs (``1``, ``.``)
    is no evidence of one. Only glyphs the reading order brought together are spaced by
    their gap, and never inside a number.
    """
    gap = boxes[index][0] - boxes[last][2]  # type: ignore[index]
    if gap >= _SEGMENT_GAP * height:
        return ("\t", False) if table else (" ", True)
    a, b = text[last], text[index]
    if last < index and not text[last + 1 : index].strip():
        if last + 1 == index:
            return "", False
        return " ", gap >= _SEPARATOR_GAP * height
    if a.isascii() and b.isascii() and gap > 0.25 * height:
        in_number = (a.isdigit() or a in ".,") and (b.isdigit() or b in ".,%")
        if not in_number or gap > 0.6 * height:
            return " ", False
    if gap >= _SEPARATOR_GAP * height:
        return " ", True
    return "", False


def _emit(
    lines: list[Placed], text: str, boxes: Sequence[Box | None], height: float, table: bool
) -> tuple[list[str], list[int], list[int]]:
    """Join lines (in reading order) into paragraphs, keeping each character's origin.

    A paragraph starts where a line is indented within its column, or the line
    before it stopped short of its column's right edge, or (in one column) after
    a wider vertical gap. A column that carries on a paragraph from the one
    before it carries it on here too. In a table each row is a line of its own.
    Returns the characters, their origins, and the positions of separating spaces.
    """
    chars: list[str] = []
    origins: list[int] = []
    separators: list[int] = []
    previous: Placed | None = None
    for line, low, high in lines:
        if previous is not None:
            before, _, before_high = previous
            indented = line.left > low + 1.2 * height
            short = before.right < before_high - 3.5 * height  # an indent is the surer sign
            same_column = before.left < high and line.left < before_high and line.top > before.top
            far = same_column and line.top - before.bottom > 1.2 * height
            if table or line.alone or before.alone or indented or short or far:
                chars.append("\n")
                origins.append(-1)
        line_height = min(line.bottom - line.top, 1.6 * height) or height
        tabs = Counter(line.breaks)
        wide = _SEGMENT_GAP * line_height
        last = -2
        for position, index in enumerate(line.glyphs):
            if tabs and tabs[position]:  # a ruled table's cell boundary
                chars.extend("\t" * tabs[position])
                origins.extend([-1] * tabs[position])
            elif position and not (
                index == last + 1 and boxes[index][0] - boxes[last][2] < wide  # type: ignore[index]
            ):  # next to each other in the layer, no wide gap: nothing between (most glyphs)
                gap, separates = _gap_text(
                    text, boxes, last, index, height=line_height, table=table
                )
                if gap:
                    if separates:
                        separators.append(len(chars))
                    chars.append(gap)
                    origins.append(-1)
            chars.append(text[index])
            origins.append(index)
            last = index
        trailing = tabs[len(line.glyphs)]
        chars.extend("\t" * trailing)
        origins.extend([-1] * trailing)
        previous = (line, low, high)
    return chars, origins, separators


def _line(glyphs: list[int], boxes: Sequence[Box | None]) -> Segment:
    rects = [boxes[i] for i in glyphs]
    return Segment(
        glyphs,
        min(r[0] for r in rects),  # type: ignore[index]
        min(r[1] for r in rects),  # type: ignore[index]
        max(r[2] for r in rects),  # type: ignore[index]
        max(r[3] for r in rects),  # type: ignore[index]
    )


def page_layout(
    text: str,
    boxes: Sequence[Box | None],
    page_width: float,
    page_height: float,
    neighbours: Sequence[EdgeRows] | None = None,
    *,
    rules: Sequence[Box] = (),
) -> PageLayout:
    """The page's body in reading order, its furniture apart.

    ``neighbours`` holds, for each neighbouring page of the same document, the lines at its
    top and bottom edges (:func:`edge_rows`): a line at the edge is a running head or foot
    only if it repeats there (or is a folio). None means the neighbours are unknown.
    ``rules`` are the ruled lines the page draws: the tables they make are read cell by cell.
    """
    glyphs = [i for i, b in enumerate(boxes) if b is not None and not text[i].isspace()]
    if not glyphs:
        return PageLayout("", [], 0)
    if is_vertical(glyphs, boxes):
        read = vertical_text(text, glyphs, boxes)
        return PageLayout("".join(read.chars), read.origins, read.columns, evidence=read.evidence)
    height = _glyph_height(boxes, glyphs)
    rows = _numbered_rows(boxes, glyphs, height)
    reasons: list[str] = []
    head, body, foot = _peel_furniture(
        rows, text, page_height, boxes=boxes, neighbours=neighbours, reasons=reasons
    )
    tables = ruled_tables(rules, [i for row in body for s in row for i in s.glyphs], boxes)
    if tables:  # read cell by cell; the rest of the body is read around them
        taken = set().union(*(t.glyphs for t in tables))
        rest = [i for row in body for s in row for i in s.glyphs if i not in taken]
        body = _numbered_rows(boxes, rest, height) if rest else []
    furniture = [" ".join("".join(text[i] for i in s.glyphs) for s in row) for row in head + foot]
    furniture_glyphs = [[i for s in row for i in s.glyphs] for row in head + foot]
    folio = next((f for f in (folio_of_line(line) for line in reversed(furniture)) if f), None)
    segments = [s for row in body for s in row]
    if not segments and not tables:
        return PageLayout(
            "", [], 0, furniture, folio, False, furniture_glyphs, [], "; ".join(reasons)
        )
    gaps = _gutters(segments, height, text)  # columns of running text come first
    table = not gaps and not tables and _is_table(body)
    placed, bounds, evidence = _place_body(body, segments, gaps, boxes, height, table=table)
    for ruled in tables:  # each table where it stands on the page
        at = next((k for k, (s, _, _) in enumerate(placed) if s.top >= ruled.box[1]), len(placed))
        placed[at:at] = [(line, ruled.box[0], ruled.box[2]) for line in _table_lines(ruled, boxes)]
    chars, origins, separators = _emit(placed, text, boxes, height, table)
    return PageLayout(
        "".join(chars),
        origins,
        max(len(bounds), 1),
        furniture,
        folio,
        table or bool(tables),
        furniture_glyphs,
        separators,
        _evidence([evidence, *reasons], table=table, tables=len(tables), separators=separators),
    )


def _place_body(
    body: list[list[Segment]],
    segments: list[Segment],
    gaps: list[tuple[float, float]],
    boxes: Sequence[Box | None],
    height: float,
    *,
    table: bool,
) -> tuple[list[Placed], list[tuple[float, float]], str]:
    """The body's lines in reading order, each with the column it is in; the columns; and
    the evidence the order was chosen on. The text layer's own order is kept unless it
    steps across the ``gaps`` between columns or climbs back; an unruled ``table`` is then
    read a row to a line, anything else column by column."""
    if not segments:
        return [], [], "the page is a ruled table"
    low = min(s.left for s in segments)
    high = max(s.right for s in segments)
    edges = [low] + [g for gap in gaps for g in gap] + [high]
    bounds = [(edges[i], edges[i + 1]) for i in range(0, len(edges), 2)]
    stream = sorted(i for s in segments for i in s.glyphs)  # the text layer's own order
    kept, evidence = judge_order(stream, boxes, bounds, height)
    if kept:
        placed = [_placed(_line(line.glyphs, boxes), bounds, low, high)
                  for line in stream_lines(stream, boxes, height)]  # fmt: skip
    elif table:
        rows_glyphs = [sorted((i for s in row for i in s.glyphs), key=lambda g: boxes[g][0])  # type: ignore[index]
                       for row in body]  # fmt: skip
        placed = [(_line(row, boxes), low, high) for row in rows_glyphs if row]
    else:
        placed = _by_columns(segments, bounds, low, high)
    return placed, bounds, evidence


def _evidence(notes: list[str], *, table: bool, tables: int, separators: list[int]) -> str:
    """What the reading order acted on, in words (shown with the reflow edit)."""
    if table:
        notes.append("read as a table: a row to a line, cells separated by tabs")
    if tables:
        notes.append(
            f"read {tables} ruled table(s) cell by cell: a row to a line, cells separated "
            "by tabs, the lines of a cell kept together"
        )
    if separators:
        notes.append(f"kept {len(separators)} spaces that set items apart on a line")
    return "; ".join(notes)


def _table_lines(table: RuledTable, boxes: Sequence[Box | None]) -> list[Segment]:
    """A ruled table's rows as lines of their own, a tab between cells."""
    lines = []
    for row in table.rows:
        glyphs: list[int] = []
        breaks: list[int] = []
        for number, cell in enumerate(row):
            if number:
                breaks.append(len(glyphs))
            glyphs.extend(cell)
        if glyphs:
            line = _line(glyphs, boxes)
            line.breaks, line.alone = tuple(breaks), True
            lines.append(line)
    return lines


def _numbered_rows(
    boxes: Sequence[Box | None], glyphs: list[int], height: float
) -> list[list[Segment]]:
    rows = [_segments(boxes, row, height) for row in printed_rows(boxes, glyphs, height)]
    for number, row in enumerate(rows):
        for segment in row:
            segment.row = number
    return rows


def _placed(line: Segment, bounds: list[tuple[float, float]], low: float, high: float) -> Placed:
    column = _column_of(line, bounds)
    return (line, low, high) if column is None else (line, *bounds[column])


def _by_columns(
    segments: list[Segment], bounds: list[tuple[float, float]], low: float, high: float
) -> list[Placed]:
    """Lines read column by column, left to right, each top to bottom; a line across the
    gutters ends the region above it."""
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
    return placed
