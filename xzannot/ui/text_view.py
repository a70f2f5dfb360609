"""The page's text in a CJK font, with its spans drawn over it.

Each span is a translucent fill in its label's colour plus a bar under the text;
overlapping spans get bars at different depths (core.spans.nesting_levels), so
none hides another. Suggested spans are dashed, rejected ones grey.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QPoint, QPointF, QRectF, Qt, QTimer, Signal
from PySide6.QtGui import (
    QColor,
    QKeyEvent,
    QMouseEvent,
    QPainter,
    QPaintEvent,
    QPen,
    QResizeEvent,
    QTextBlockFormat,
    QTextCursor,
    QTextLine,
)
from PySide6.QtWidgets import QPlainTextEdit, QWidget

from xzannot.core.edits import Edit
from xzannot.core.labels import LabelDef
from xzannot.core.spans import SpanInfo, SpanStatus
from xzannot.core.utf16 import Utf16Map
from xzannot.ui.fonts import cjk_font
from xzannot.ui.page_state import PageState

LINE_HEIGHT_PERCENT = 160
BAR_HEIGHT = 2.0
BAR_STEP = 3.0
REJECTED_COLOR = QColor("#868e96")
DIFFERENCE_COLOR = QColor("#f08c00")  # where the page differs from its reference
UNSURE_COLOR = QColor("#d9480f")  # characters OCR was unsure of


def _x(line: QTextLine, position: int) -> float:
    """The x of a cursor position in a laid-out line (PySide returns it with the position)."""
    value: Any = line.cursorToX(position)
    return float(value[0] if isinstance(value, tuple) else value)


class TextView(QPlainTextEdit):
    """Shows the page's text and spans; text selections and span clicks go to the state.

    In correction mode the text is editable and every change is reported as an
    :class:`Edit` in code points (``typed``); the window stores it.
    """

    typed = Signal(object)  # an Edit on the text as it stood before the change

    def __init__(self, state: PageState, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._differences: list[tuple[int, int]] = []
        self._current_difference: int | None = None
        self._unsure: list[int] = []
        self._current_unsure: int | None = None
        self.state = state
        self.setReadOnly(True)
        self.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextSelectableByMouse
            | Qt.TextInteractionFlag.TextSelectableByKeyboard
        )
        self.setFont(cjk_font(13))
        self.setLineWrapMode(QPlainTextEdit.LineWrapMode.WidgetWidth)
        self.setPlaceholderText(self.tr("No text on this page."))
        self.viewport().setMouseTracking(True)
        self._map = Utf16Map("")
        self._colors: dict[str, QColor] = {}
        self._syncing = False
        self._in_change = False
        self._press: QPoint | None = None
        # (start, end) -> rectangles in document coordinates; valid until the text or width changes
        self._rect_cache: dict[tuple[int, int], list[QRectF]] = {}
        state.pageChanged.connect(self._load)
        state.textChanged.connect(self.refresh_text)
        state.spansChanged.connect(self.viewport().update)
        state.spanSelected.connect(self._on_span_selected)
        state.hoverChanged.connect(self.viewport().update)
        state.selectionChanged.connect(self._on_state_selection)
        self.selectionChanged.connect(self._push_selection)
        self.cursorPositionChanged.connect(self._push_selection)
        self.document().setUndoRedoEnabled(False)  # the window's undo stack keeps the history
        self.document().contentsChange.connect(self._on_contents_change)

    # correction mode
    def set_editing(self, on: bool) -> None:
        """Let the reviewer type into the text (on) or only select it (off)."""
        self.setReadOnly(not on)
        if not on:
            self.setTextInteractionFlags(
                Qt.TextInteractionFlag.TextSelectableByMouse
                | Qt.TextInteractionFlag.TextSelectableByKeyboard
            )

    def editing(self) -> bool:
        return not self.isReadOnly()

    def _on_contents_change(self, position: int, removed: int, added: int) -> None:
        if self._syncing or self.isReadOnly() or self.state.data is None:
            return
        old = self.state.data.text
        start = self._map.from_utf16(position)
        end = self._map.from_utf16(position + removed)
        new_text = self.toPlainText()
        new_map = Utf16Map(new_text)
        replacement = new_text[start : new_map.from_utf16(position + added)]
        # Qt may report a whole paragraph as changed: keep only what really changed,
        # so characters around the typing keep their boxes and spans their places
        replaced = old[start:end]
        prefix = 0
        while (
            prefix < min(len(replaced), len(replacement))
            and replaced[prefix] == replacement[prefix]
        ):
            prefix += 1
        suffix = 0
        limit = min(len(replaced), len(replacement)) - prefix
        while suffix < limit and replaced[-1 - suffix] == replacement[-1 - suffix]:
            suffix += 1
        start, end = start + prefix, end - suffix
        replacement = replacement[prefix : len(replacement) - suffix]
        if start == end and not replacement:
            return  # a change of format only
        self._map = new_map
        self._rect_cache.clear()
        self._in_change = True  # the document must not be reloaded from inside its own change
        try:
            self.typed.emit(Edit(start, end, replacement))
        finally:
            self._in_change = False

    def refresh_text(self) -> None:
        """Take the state's text as it is now, keeping the caret and the scroll position."""
        if self.state.data is None:
            return
        if self._in_change:
            QTimer.singleShot(0, self.refresh_text)
            return
        if self.toPlainText() != self.state.data.text:
            caret = self.textCursor().position()
            scroll = self.verticalScrollBar().value()
            self._load()
            cursor = self.textCursor()
            cursor.setPosition(min(caret, len(self.toPlainText())))
            self._syncing = True
            self.setTextCursor(cursor)
            self._syncing = False
            self.verticalScrollBar().setValue(scroll)
        self._map = Utf16Map(self.state.data.text)
        self._rect_cache.clear()
        self.viewport().update()

    def set_labels(self, labels: list[LabelDef]) -> None:
        """Colours of the label schema."""
        self._colors = {label.key: QColor(label.color) for label in labels}
        self.viewport().update()

    # text <-> state
    def resizeEvent(self, event: QResizeEvent) -> None:
        self._rect_cache.clear()  # lines wrap anew
        super().resizeEvent(event)

    def _load(self) -> None:
        self._rect_cache.clear()
        text = self.state.data.text if self.state.data else ""
        self._syncing = True
        self._map = Utf16Map(text)
        self.setPlainText(text)
        cursor = QTextCursor(self.document())
        cursor.select(QTextCursor.SelectionType.Document)
        block = QTextBlockFormat()
        block.setLineHeight(
            LINE_HEIGHT_PERCENT, QTextBlockFormat.LineHeightTypes.ProportionalHeight.value
        )
        cursor.mergeBlockFormat(block)
        self.moveCursor(QTextCursor.MoveOperation.Start)
        self._syncing = False

    def selection_range(self) -> tuple[int, int]:
        """The selected characters as code-point offsets."""
        cursor = self.textCursor()
        return (
            self._map.from_utf16(cursor.selectionStart()),
            self._map.from_utf16(cursor.selectionEnd()),
        )

    def _push_selection(self) -> None:
        if self._syncing:
            return
        start, end = self.selection_range()
        if end > start:
            self.state.select_span(-1)
        self.state.select_text(start, end)

    def _on_state_selection(self, start: int, end: int) -> None:
        if (start, end) == self.selection_range():
            return
        self.select_range(start, end)

    def select_range(self, start: int, end: int) -> None:
        """Select code points ``[start, end)`` (a caret when equal) and scroll to them."""
        cursor = self.textCursor()
        cursor.setPosition(self._map.to_utf16(start))
        cursor.setPosition(self._map.to_utf16(end), QTextCursor.MoveMode.KeepAnchor)
        self._syncing = True
        self.setTextCursor(cursor)
        self._syncing = False
        self.ensureCursorVisible()
        self.state.select_text(start, end)  # no-op when the state already has it

    def _on_span_selected(self, span_id: int) -> None:
        span = self.state.span(span_id)
        if span is not None:
            self.select_range(span.start, span.start)  # caret at the span, which stays marked
        self.viewport().update()

    # mouse
    def char_at(self, pos: QPoint) -> int | None:
        """The code-point offset of the character under a viewport point."""
        if self.state.data is None or not self.state.data.text:
            return None
        cursor = self.cursorForPosition(pos)
        position = cursor.position()
        if pos.x() < self.cursorRect(cursor).x() and position > 0:
            position -= 1
        offset = self._map.from_utf16(position)
        return offset if offset < len(self.state.data.text) else None

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        super().mouseMoveEvent(event)
        if event.buttons() == Qt.MouseButton.NoButton:
            char = self.char_at(event.position().toPoint())
            self.state.hover_span(-1 if char is None else self.state.innermost_at(char))

    def mousePressEvent(self, event: QMouseEvent) -> None:
        self._press = event.position().toPoint()
        super().mousePressEvent(event)

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        super().mouseReleaseEvent(event)
        pos = event.position().toPoint()
        clicked = self._press is not None and (pos - self._press).manhattanLength() < 4
        if clicked and event.button() == Qt.MouseButton.LeftButton:
            char = self.char_at(pos)
            if char is not None:
                self.state.select_span(self.state.pick_span_at(char))

    def leaveEvent(self, event: object) -> None:
        self.state.hover_span(-1)
        super().leaveEvent(event)  # type: ignore[arg-type]

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Escape and self.state.selected_span != -1:
            self.state.select_span(-1)
            return
        super().keyPressEvent(event)

    # painting
    def span_rects(self, start: int, end: int) -> list[QRectF]:
        """Viewport rectangles of ``[start, end)``, one per visual line."""
        offset = self.contentOffset()
        return [rect.translated(offset) for rect in self._document_rects(start, end)]

    def _document_rects(self, start: int, end: int) -> list[QRectF]:
        cached = self._rect_cache.get((start, end))
        if cached is not None:
            return cached
        rects: list[QRectF] = []
        first, last = self._map.to_utf16(start), self._map.to_utf16(end)
        block = self.document().findBlock(first)
        while block.isValid() and block.position() < last:
            top = self.blockBoundingGeometry(block).top()
            layout = block.layout()
            begin = max(first - block.position(), 0)
            stop = min(last - block.position(), block.length() - 1)
            for index in range(layout.lineCount()):
                line = layout.lineAt(index)
                line_start, line_end = line.textStart(), line.textStart() + line.textLength()
                s, e = max(begin, line_start), min(stop, line_end)
                if s >= e:
                    continue
                x1, x2 = _x(line, s), _x(line, e)
                rects.append(QRectF(x1, top + line.y(), x2 - x1, line.height()))
            block = block.next()
        self._rect_cache[start, end] = rects
        return rects

    def _visible_range(self) -> tuple[int, int]:
        """Code-point offsets of the first and past the last character on screen."""
        top = self.cursorForPosition(QPoint(0, 0)).block().position()
        corner = QPoint(self.viewport().width(), self.viewport().height())
        bottom_block = self.cursorForPosition(corner).block()
        bottom = bottom_block.position() + bottom_block.length()
        return self._map.from_utf16(top), self._map.from_utf16(bottom) + 1

    def set_differences(self, ranges: list[tuple[int, int]], current: int | None = None) -> None:
        """Mark where the page differs from its reference (``current``: the selected one)."""
        self._differences = list(ranges)
        self._current_difference = current
        self.viewport().update()

    def set_unsure(self, positions: list[int], current: int | None = None) -> None:
        """Mark the characters OCR was unsure of (``current``: the one being checked)."""
        self._unsure = list(positions)
        self._current_unsure = current
        self.viewport().update()

    def paintEvent(self, event: QPaintEvent) -> None:
        super().paintEvent(event)
        spans = self.state.spans
        if not spans and not self._differences and not self._unsure:
            return
        first, last = self._visible_range()
        painter = QPainter(self.viewport())
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        visible = QRectF(self.viewport().rect())
        for span in spans:
            if span.orphaned or not span.overlaps(first, last):
                continue  # an orphan's offsets are where its text used to be
            rects = [r for r in self.span_rects(span.start, span.end) if r.intersects(visible)]
            if rects:
                self._paint_span(painter, span, rects)
        self._paint_differences(painter, first, last)
        self._paint_unsure(painter, first, last)
        painter.end()

    def _paint_unsure(self, painter: QPainter, first: int, last: int) -> None:
        """A dotted orange line under each character OCR was unsure of; a box round the
        one being checked."""
        for position in self._unsure:
            if not first <= position <= last:
                continue
            current = position == self._current_unsure
            pen = QPen(UNSURE_COLOR, 2.2 if current else 1.6, Qt.PenStyle.DotLine)
            painter.setPen(pen)
            for rect in self.span_rects(position, position + 1):
                y = rect.bottom() + 2.5
                painter.drawLine(QPointF(rect.left(), y), QPointF(rect.right(), y))
                if current:
                    painter.setPen(QPen(UNSURE_COLOR, 1.4))
                    painter.drawRect(rect.adjusted(-1, -1, 1, 1))

    def _paint_differences(self, painter: QPainter, first: int, last: int) -> None:
        """A wavy line under text that differs from the reference; a caret where it lacks text."""
        for number, (start, end) in enumerate(self._differences):
            if end < first or start > last:
                continue
            pen = QPen(DIFFERENCE_COLOR, 2.4 if number == self._current_difference else 1.4)
            painter.setPen(pen)
            if start == end:  # the reference has text here that the page lacks
                near = self.span_rects(max(start - 1, 0), max(start, 1))
                if near:
                    rect = near[0]
                    x = rect.right() if start > 0 else rect.left()
                    painter.drawLine(QPointF(x, rect.top()), QPointF(x, rect.bottom() + 3))
                    painter.drawLine(
                        QPointF(x - 3, rect.bottom() + 3), QPointF(x + 3, rect.bottom() + 3)
                    )
                continue
            for rect in self.span_rects(start, end):
                y, x, step = rect.bottom() + 1.5, rect.left(), 3.0
                up = True
                while x < rect.right():
                    nxt = min(x + step, rect.right())
                    painter.drawLine(
                        QPointF(x, y + (0 if up else 2)), QPointF(nxt, y + (2 if up else 0))
                    )
                    x, up = nxt, not up

    def _paint_span(self, painter: QPainter, span: SpanInfo, rects: list[QRectF]) -> None:
        color = (
            REJECTED_COLOR
            if span.status is SpanStatus.REJECTED
            else self._colors.get(span.label, QColor("#868e96"))
        )
        selected = span.id == self.state.selected_span
        hovered = span.id == self.state.hovered_span
        fill = QColor(color)
        fill.setAlpha(
            70 if selected or hovered else 35 if span.status is SpanStatus.ACCEPTED else 18
        )
        level = self.state.levels.get(span.id, 0)
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
