"""What the text view draws over the text: spans in their labels' colours, differences from
the reference, and characters OCR was unsure of.

Each span is a translucent fill in its label's colour plus a bar under the text;
overlapping spans get bars at different depths (core.spans.nesting_levels), so
none hides another. Suggested spans are dashed, rejected ones grey; spans of the curated layer
are outlined instead.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QPainter, QPen

from xzannot.core.spans import SpanInfo, SpanLayer, SpanStatus

if TYPE_CHECKING:
    from xzannot.ui.text_view import TextView

BAR_HEIGHT = 2.0
BAR_STEP = 3.0
REJECTED_COLOR = QColor("#868e96")
DIFFERENCE_COLOR = QColor("#f08c00")  # where the page differs from its reference
UNSURE_COLOR = QColor("#d9480f")  # characters OCR was unsure of


class TextMarks:
    """The marks a text view draws, and their drawing."""

    def __init__(self, view: TextView) -> None:
        self.view = view
        self.colors: dict[str, QColor] = {}  # label key -> colour
        self.differences: list[tuple[int, int]] = []
        self.current_difference: int | None = None
        self.unsure: list[int] = []
        self.current_unsure: int | None = None

    def paint(self) -> None:
        """Draw the spans, differences and unsure characters on screen over the text."""
        view = self.view
        spans = view.state.spans
        if not spans and not self.differences and not self.unsure:
            return
        first, last = view._visible_range()
        painter = QPainter(view.viewport())
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        visible = QRectF(view.viewport().rect())
        for span in spans:
            if span.orphaned or not span.overlaps(first, last):
                continue  # an orphan's offsets are where its text used to be
            rects = [r for r in view.span_rects(span.start, span.end) if r.intersects(visible)]
            if rects:
                self._paint_span(painter, span, rects)
        self._paint_differences(painter, first, last)
        self._paint_unsure(painter, first, last)
        painter.end()

    def _paint_unsure(self, painter: QPainter, first: int, last: int) -> None:
        """A dotted orange line under each character OCR was unsure of; a box round the
        one being checked."""
        for position in self.unsure:
            if not first <= position <= last:
                continue
            current = position == self.current_unsure
            pen = QPen(UNSURE_COLOR, 2.2 if current else 1.6, Qt.PenStyle.DotLine)
            painter.setPen(pen)
            for rect in self.view.span_rects(position, position + 1):
                y = rect.bottom() + 2.5
                painter.drawLine(QPointF(rect.left(), y), QPointF(rect.right(), y))
                if current:
                    painter.setPen(QPen(UNSURE_COLOR, 1.4))
                    painter.drawRect(rect.adjusted(-1, -1, 1, 1))

    def _paint_differences(self, painter: QPainter, first: int, last: int) -> None:
        """A wavy line under text that differs from the reference; a caret where it lacks text."""
        for number, (start, end) in enumerate(self.differences):
            if end < first or start > last:
                continue
            pen = QPen(DIFFERENCE_COLOR, 2.4 if number == self.current_difference else 1.4)
            painter.setPen(pen)
            if start == end:  # the reference has text here that the page lacks
                near = self.view.span_rects(max(start - 1, 0), max(start, 1))
                if near:
                    rect = near[0]
                    x = rect.right() if start > 0 else rect.left()
                    painter.drawLine(QPointF(x, rect.top()), QPointF(x, rect.bottom() + 3))
                    painter.drawLine(
                        QPointF(x - 3, rect.bottom() + 3), QPointF(x + 3, rect.bottom() + 3)
                    )
                continue
            for rect in self.view.span_rects(start, end):
                y, x, step = rect.bottom() + 1.5, rect.left(), 3.0
                up = True
                while x < rect.right():
                    nxt = min(x + step, rect.right())
                    painter.drawLine(
                        QPointF(x, y + (0 if up else 2)), QPointF(nxt, y + (2 if up else 0))
                    )
                    x, up = nxt, not up

    def _paint_curated(self, painter: QPainter, span: SpanInfo, rects: list[QRectF]) -> None:
        """A span of the curated layer: outlined in its label's colour; a stretch whose
        versions were all rejected, outlined in grey dots and struck through."""
        rejected = span.status is SpanStatus.REJECTED
        color = REJECTED_COLOR if rejected else self.colors.get(span.label, REJECTED_COLOR)
        selected = span.id in (self.view.state.selected_span, self.view.state.hovered_span)
        fill = QColor(color)
        fill.setAlpha(45 if selected else 20)
        pen = QPen(color, 2.4 if selected else 1.6)
        if rejected:
            pen.setStyle(Qt.PenStyle.DotLine)
        painter.setPen(pen)
        for rect in rects:
            painter.fillRect(rect, fill)
            painter.drawRect(rect.adjusted(-1, -1, 1, 1))
            if rejected:
                middle = rect.center().y()
                painter.drawLine(QPointF(rect.left(), middle), QPointF(rect.right(), middle))

    def _paint_span(self, painter: QPainter, span: SpanInfo, rects: list[QRectF]) -> None:
        if span.layer == SpanLayer.CURATED:
            self._paint_curated(painter, span, rects)
            return
        color = (
            REJECTED_COLOR
            if span.status is SpanStatus.REJECTED
            else self.colors.get(span.label, QColor("#868e96"))
        )
        selected = span.id == self.view.state.selected_span
        hovered = span.id == self.view.state.hovered_span
        fill = QColor(color)
        fill.setAlpha(
            70 if selected or hovered else 35 if span.status is SpanStatus.ACCEPTED else 18
        )
        level = self.view.state.levels.get(span.id, 0)
        pen = QPen(color, 2.0 if selected else 1.2)
        if span.status is SpanStatus.SUGGESTED:
            pen.setStyle(Qt.PenStyle.DashLine)
        for rect in rects:
            painter.fillRect(rect, fill)
            bar_top = rect.bottom() + 1 + level * BAR_STEP
            if span.status is SpanStatus.SUGGESTED:
                painter.setPen(pen)
                painter.drawLine(QPointF(rect.left(), bar_top), QPointF(rect.right(), bar_top))
            else:
                painter.fillRect(QRectF(rect.left(), bar_top, rect.width(), BAR_HEIGHT), color)
            if selected or hovered:
                painter.setPen(pen)
                painter.drawRect(rect)
