"""Spans, the text selection and the hovered span drawn over the page image.

Items live in the page view's scene, whose units are PDF points, the same as
character boxes. Character boxes are merged into one rectangle per printed line
(core.boxes.line_rects). All spans of one colour and status share one path item,
so a page with hundreds of spans costs a handful of items; the selected and the
hovered span get an item of their own on top. Spans of the curated layer are outlined.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, QRectF, Qt
from PySide6.QtGui import QBrush, QColor, QPainterPath, QPen
from PySide6.QtWidgets import QGraphicsPathItem, QGraphicsScene

from xzannot.core.boxes import Box, line_rects
from xzannot.core.labels import LabelDef
from xzannot.core.spans import SpanInfo, SpanLayer, SpanStatus
from xzannot.ui.page_state import PageState

SELECTION_COLOR = QColor(30, 144, 255, 80)
REJECTED_COLOR = QColor("#868e96")
_Z_SPANS, _Z_FOCUS, _Z_SELECTION = 10, 15, 20


def _path(rects: list[Box]) -> QPainterPath:
    path = QPainterPath()
    for left, top, right, bottom in rects:
        path.addRect(QRectF(left, top, right - left, bottom - top))
    return path


class GlyphOverlay(QObject):
    """Keeps the overlay items of one scene in step with the page state."""

    def __init__(
        self, scene: QGraphicsScene, state: PageState, parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self._scene = scene
        self._state = state
        self._colors: dict[str, QColor] = {}
        self._rects: dict[int, list[Box]] = {}  # span id -> its line rectangles
        self._cache: dict[tuple[int, int], list[Box]] = {}  # (start, end) -> rectangles
        self._group_items: list[QGraphicsPathItem] = []
        self._focus_items: list[QGraphicsPathItem] = []
        self._selection_item = QGraphicsPathItem()
        self._selection_item.setBrush(QBrush(SELECTION_COLOR))
        pen = QPen(SELECTION_COLOR.darker(150), 1)
        pen.setCosmetic(True)
        self._selection_item.setPen(pen)
        self._selection_item.setZValue(_Z_SELECTION)
        scene.addItem(self._selection_item)
        state.pageChanged.connect(self._new_page)
        state.textChanged.connect(self._new_page)
        state.spansChanged.connect(self.rebuild)
        state.spanSelected.connect(self._show_focus)
        state.hoverChanged.connect(self._show_focus)
        state.selectionChanged.connect(self._show_selection)

    def set_labels(self, labels: list[LabelDef]) -> None:
        self._colors = {label.key: QColor(label.color) for label in labels}
        self.rebuild()

    def span_rects(self, span_id: int) -> list[Box]:
        """The rectangles drawn for a span, in page points."""
        return self._rects.get(span_id, [])

    def selection_rects(self) -> list[QRectF]:
        """The rectangles drawn for the text selection."""
        return [
            polygon.boundingRect() for polygon in self._selection_item.path().toSubpathPolygons()
        ]

    def _color(self, span: SpanInfo) -> QColor:
        if span.status is SpanStatus.REJECTED:
            return REJECTED_COLOR
        return self._colors.get(span.label, REJECTED_COLOR)

    def _item(self, span: SpanInfo, path: QPainterPath, *, focus: bool) -> QGraphicsPathItem:
        color = self._color(span)
        fill = QColor(color)
        fill.setAlpha(110 if focus else 55 if span.status is SpanStatus.ACCEPTED else 25)
        pen = QPen(color, 1.6 if focus else 0.6)
        if span.layer == SpanLayer.CURATED:  # outlined: what the curator kept (or rejected)
            fill.setAlpha(50 if focus else 18)
            pen.setWidthF(3.0 if focus else 2.0)
            if span.status is SpanStatus.REJECTED:
                pen.setStyle(Qt.PenStyle.DotLine)
        pen.setCosmetic(True)
        if span.status is SpanStatus.SUGGESTED:
            pen.setStyle(Qt.PenStyle.DashLine)
        item = QGraphicsPathItem(path)
        item.setBrush(QBrush(fill))
        item.setPen(pen)
        item.setZValue(_Z_FOCUS if focus else _Z_SPANS)
        self._scene.addItem(item)
        return item

    def _clear(self, items: list[QGraphicsPathItem]) -> None:
        for item in items:
            if item.scene() is self._scene:
                self._scene.removeItem(item)
        items.clear()

    def _new_page(self) -> None:
        self._cache.clear()
        self.rebuild()

    def _line_rects(self, start: int, end: int) -> list[Box]:
        rects = self._cache.get((start, end))
        if rects is None:
            data = self._state.data
            rects = line_rects(data.boxes, start, end) if data is not None else []
            self._cache[start, end] = rects
        return rects

    def rebuild(self) -> None:
        """Draw every span of the page anew."""
        self._clear(self._group_items)
        self._rects.clear()
        data = self._state.data
        if data is not None and data.has_boxes:
            groups: dict[tuple[str, ...], tuple[SpanInfo, list[Box]]] = {}
            for span in data.spans:
                if span.orphaned:
                    continue  # listed in the spans dock, not drawn where its text used to be
                rects = self._line_rects(span.start, span.end)
                self._rects[span.id] = rects
                key = (self._color(span).name(), span.status.value, span.label, span.layer.value)
                groups.setdefault(key, (span, []))[1].extend(rects)
            for span, rects in groups.values():
                self._group_items.append(self._item(span, _path(rects), focus=False))
        self._show_focus()
        self._show_selection(*self._state.selection)

    def _show_focus(self, _span_id: int = -1) -> None:
        self._clear(self._focus_items)
        for span_id in {self._state.selected_span, self._state.hovered_span} - {-1}:
            span = self._state.span(span_id)
            rects = self._rects.get(span_id)
            if span is not None and rects:
                self._focus_items.append(self._item(span, _path(rects), focus=True))

    def _show_selection(self, start: int, end: int) -> None:
        data = self._state.data
        rects = line_rects(data.boxes, start, end) if data is not None and end > start else []
        self._selection_item.setPath(_path(rects))
