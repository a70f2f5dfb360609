"""The page's text in a CJK font, with its spans drawn over it (see ui/text_marks.py)."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QPoint, QRectF, Qt, QTimer, Signal
from PySide6.QtGui import (
    QColor,
    QKeyEvent,
    QMouseEvent,
    QPaintEvent,
    QResizeEvent,
    QTextBlockFormat,
    QTextCursor,
    QTextLine,
)
from PySide6.QtWidgets import QPlainTextEdit, QWidget

from xzannot.core.edits import Edit
from xzannot.core.labels import LabelDef
from xzannot.core.utf16 import Utf16Map
from xzannot.ui.fonts import cjk_font
from xzannot.ui.page_state import PageState
from xzannot.ui.text_marks import TextMarks

LINE_HEIGHT_PERCENT = 160


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
        self.state = state
        self.marks = TextMarks(self)
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
        self.marks.colors = {label.key: QColor(label.color) for label in labels}
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
        self.marks.differences = list(ranges)
        self.marks.current_difference = current
        self.viewport().update()

    def set_unsure(self, positions: list[int], current: int | None = None) -> None:
        """Mark the characters OCR was unsure of (``current``: the one being checked)."""
        self.marks.unsure = list(positions)
        self.marks.current_unsure = current
        self.viewport().update()

    def paintEvent(self, event: QPaintEvent) -> None:
        super().paintEvent(event)
        self.marks.paint()
