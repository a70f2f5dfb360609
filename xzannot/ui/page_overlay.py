"""Spans, the text selection and the hovered span drawn over the page image.

Items live in the page view's scene, whose units are PDF points, the same as
character boxes. Character boxes are merged into one rectangle per printed
line (core.boxes.line_rects).
"""

from __future__ import annotations

from PySide6.QtCore import QObject, QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QPen
from PySide6.QtWidgets import QGraphicsItem, QGraphicsRectItem, QGraphicsScene

from xzannot.core.boxes import line_rects
from xzannot.core.labels import LabelDef
from xzannot.core.spans import SpanInfo, SpanStatus
from xzannot.ui.page_state import PageState

SELECTION_COLOR = QColor(30, 144, 255, 80)
REJECTED_COLOR = QColor("#868e96")
_Z_SPANS, _Z_SELECTION = 10, 20


class GlyphOverlay(QObject):
    """Keeps the overlay items of one scene in step with the page state."""

    def __init__(
        self, scene: QGraphicsScene, state: PageState, parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self._scene = scene
        self._state = state
        self._colors: dict[str, QColor] = {}
        self._span_items: dict[int, list[QGraphicsRectItem]] = {}
        self._selection_items: list[QGraphicsRectItem] = []
        state.pageChanged.connect(self.rebuild)
        state.spansChanged.connect(self.rebuild)
        state.spanSelected.connect(self._restyle)
        state.hoverChanged.connect(self._restyle)
        state.selectionChanged.connect(self._show_selection)

    def set_labels(self, labels: list[LabelDef]) -> None:
        self._colors = {label.key: QColor(label.color) for label in labels}
        self.rebuild()

    def span_items(self, span_id: int) -> list[QGraphicsRectItem]:
        """The rectangles drawn for a span (for tests and hit testing)."""
        return self._span_items.get(span_id, [])

    def selection_items(self) -> list[QGraphicsRectItem]:
        return self._selection_items

    def _remove(self, items: list[QGraphicsRectItem]) -> None:
        for item in items:
            if item.scene() is self._scene:
                self._scene.removeItem(item)

    def rebuild(self) -> None:
        """Draw every span of the page anew."""
        for items in self._span_items.values():
            self._remove(items)
        self._span_items.clear()
        data = self._state.data
        if data is None or not data.has_boxes:
            self._show_selection(0, 0)
            return
        for span in data.spans:
            items = []
            for left, top, right, bottom in line_rects(data.boxes, span.start, span.end):
                item = QGraphicsRectItem(QRectF(left, top, right - left, bottom - top))
                item.setZValue(_Z_SPANS + self._state.levels.get(span.id, 0))
                item.setFlag(QGraphicsItem.GraphicsItemFlag.ItemIsSelectable, False)
                self._scene.addItem(item)
                items.append(item)
            self._span_items[span.id] = items
            self._style(span, items)
        self._show_selection(*self._state.selection)

    def _style(self, span: SpanInfo, items: list[QGraphicsRectItem]) -> None:
        color = (
            REJECTED_COLOR
            if span.status is SpanStatus.REJECTED
            else self._colors.get(span.label, REJECTED_COLOR)
        )
        active = span.id in (self._state.selected_span, self._state.hovered_span)
        fill = QColor(color)
        fill.setAlpha(110 if active else 55 if span.status is SpanStatus.ACCEPTED else 25)
        pen = QPen(color, 1.6 if active else 0.6)
        pen.setCosmetic(True)
        if span.status is SpanStatus.SUGGESTED:
            pen.setStyle(Qt.PenStyle.DashLine)
        for item in items:
            item.setBrush(QBrush(fill))
            item.setPen(pen)

    def _restyle(self, _span_id: int = -1) -> None:
        for span in self._state.spans:
            self._style(span, self._span_items.get(span.id, []))

    def _show_selection(self, start: int, end: int) -> None:
        self._remove(self._selection_items)
        self._selection_items = []
        data = self._state.data
        if data is None or end <= start:
            return
        for left, top, right, bottom in line_rects(data.boxes, start, end):
            item = QGraphicsRectItem(QRectF(left, top, right - left, bottom - top))
            item.setBrush(QBrush(SELECTION_COLOR))
            pen = QPen(SELECTION_COLOR.darker(150), 1)
            pen.setCosmetic(True)
            item.setPen(pen)
            item.setZValue(_Z_SELECTION)
            self._scene.addItem(item)
            self._selection_items.append(item)
