"""The page's text in a CJK font, read-only."""

from __future__ import annotations

from PySide6.QtGui import QTextBlockFormat, QTextCursor
from PySide6.QtWidgets import QPlainTextEdit, QWidget

from xzannot.ui.fonts import cjk_font

LINE_HEIGHT_PERCENT = 150


class TextView(QPlainTextEdit):
    """Shows a page's current text with comfortable line spacing."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setReadOnly(True)
        self.setFont(cjk_font(13))
        self.setLineWrapMode(QPlainTextEdit.LineWrapMode.WidgetWidth)
        self.setPlaceholderText(self.tr("No text on this page."))

    def set_text(self, text: str) -> None:
        """Replace the shown text."""
        self.setPlainText(text)
        cursor = QTextCursor(self.document())
        cursor.select(QTextCursor.SelectionType.Document)
        block = QTextBlockFormat()
        block.setLineHeight(
            LINE_HEIGHT_PERCENT, QTextBlockFormat.LineHeightTypes.ProportionalHeight.value
        )
        cursor.mergeBlockFormat(block)
        self.moveCursor(QTextCursor.MoveOperation.Start)
