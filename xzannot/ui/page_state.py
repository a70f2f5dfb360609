"""The page on screen: its text, boxes and spans, the selection and the hovered span.

Both views show this one state and report the user's actions to it, so the
image and the text always agree. Offsets are code points (see core.utf16 for Qt).
"""

from __future__ import annotations

from dataclasses import dataclass, field

from PySide6.QtCore import QObject, Signal

from xzannot.core.boxes import Box
from xzannot.core.spans import SpanInfo, nesting_levels, spans_at
from xzannot.operations.browsing import DocumentInfo, PageInfo


@dataclass
class PageData:
    """Everything shown of one page."""

    page: PageInfo
    document: DocumentInfo
    text: str
    boxes: list[Box | None]
    spans: list[SpanInfo] = field(default_factory=list)

    @property
    def has_boxes(self) -> bool:
        return any(b is not None for b in self.boxes)


class PageState(QObject):
    """The shown page and what is selected on it."""

    pageChanged = Signal()  # a new page (text, boxes, spans)
    textChanged = Signal()  # the same page, corrected text (and boxes)
    spansChanged = Signal()
    selectionChanged = Signal(int, int)
    spanSelected = Signal(int)
    hoverChanged = Signal(int)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.data: PageData | None = None
        self.levels: dict[int, int] = {}
        self.selection = (0, 0)
        self.selected_span = -1
        self.hovered_span = -1

    # the page
    def set_page(self, data: PageData | None) -> None:
        """Show another page; selection and hover are cleared."""
        self.data = data
        self.levels = nesting_levels(data.spans) if data else {}
        self.selection = (0, 0)
        self.selected_span = -1
        self.hovered_span = -1
        self.pageChanged.emit()

    def set_spans(self, spans: list[SpanInfo]) -> None:
        """New spans for the same page (after a change was saved)."""
        if self.data is None:
            return
        self.data.spans = spans
        self.levels = nesting_levels(spans)
        if self.selected_span != -1 and self.span(self.selected_span) is None:
            self.selected_span = -1
            self.spanSelected.emit(-1)
        self.spansChanged.emit()

    def set_text(self, text: str, boxes: list[Box | None]) -> None:
        """The shown page's text after a correction (spans follow with set_spans)."""
        if self.data is None:
            return
        self.data.text, self.data.boxes = text, boxes
        self.textChanged.emit()

    def put_span(self, span: SpanInfo) -> None:
        """Show a span as now saved: added, changed, or gone if deleted."""
        others = [s for s in self.spans if s.id != span.id]
        if not span.deleted:
            others.append(span)
            others.sort(key=lambda s: (s.start, -s.end, s.id))
        self.set_spans(others)

    @property
    def page_id(self) -> int | None:
        return self.data.page.id if self.data else None

    @property
    def spans(self) -> list[SpanInfo]:
        return self.data.spans if self.data else []

    def span(self, span_id: int) -> SpanInfo | None:
        """A span of this page by id."""
        return next((s for s in self.spans if s.id == span_id), None)

    # what the user points at
    def select_text(self, start: int, end: int) -> None:
        """Select ``[start, end)`` (start == end: just a caret)."""
        start, end = sorted((start, end))
        if (start, end) != self.selection:
            self.selection = (start, end)
            self.selectionChanged.emit(start, end)

    def select_span(self, span_id: int) -> None:
        """Select a span (-1: none)."""
        if span_id != self.selected_span:
            self.selected_span = span_id
            self.spanSelected.emit(span_id)

    def hover_span(self, span_id: int) -> None:
        """Point at a span (-1: none)."""
        if span_id != self.hovered_span:
            self.hovered_span = span_id
            self.hoverChanged.emit(span_id)

    def pick_span_at(self, offset: int) -> int:
        """The span to select when the user clicks the character at ``offset``.

        Clicking again where the selected span is picks the next span under the
        character, so every one of several overlapping spans can be reached.
        """
        under = spans_at(self.spans, offset)
        if not under:
            return -1
        ids = [s.id for s in under]
        if self.selected_span in ids:
            return ids[(ids.index(self.selected_span) + 1) % len(ids)]
        return ids[0]

    def innermost_at(self, offset: int) -> int:
        """The shortest span over a character, or -1."""
        under = spans_at(self.spans, offset)
        return under[0].id if under else -1

    def char_at_point(self, x: float, y: float) -> int | None:
        """The character whose box holds the page point ``(x, y)``, if any."""
        if self.data is None:
            return None
        for index, box in enumerate(self.data.boxes):
            if box is not None and box[0] <= x <= box[2] and box[1] <= y <= box[3]:
                return index
        return None

    def chars_in_rect(
        self, left: float, top: float, right: float, bottom: float
    ) -> tuple[int, int]:
        """The range from the first to the last character whose box centre lies in the rectangle."""
        if self.data is None:
            return (0, 0)
        inside = [
            i
            for i, b in enumerate(self.data.boxes)
            if b is not None
            and left <= (b[0] + b[2]) / 2 <= right
            and top <= (b[1] + b[3]) / 2 <= bottom
        ]
        return (min(inside), max(inside) + 1) if inside else (0, 0)
