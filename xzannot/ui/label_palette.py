"""The label palette: one button per label, with its colour and shortcut key."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QColor, QIcon, QPixmap
from PySide6.QtWidgets import QLabel, QToolButton, QVBoxLayout, QWidget

from xzannot.core.labels import LabelDef


def swatch(color: str, size: int = 14) -> QIcon:
    """A small square of a label's colour."""
    pixmap = QPixmap(size, size)
    pixmap.fill(QColor(color))
    return QIcon(pixmap)


class LabelPalette(QWidget):
    """Buttons that apply a label to the selected text (or relabel the selected span)."""

    labelChosen = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(6, 6, 6, 6)
        self.buttons: dict[str, QToolButton] = {}
        self._hint = QLabel(self.tr("Select text, then press a label's key."), self)
        self._hint.setWordWrap(True)
        self._hint.setStyleSheet("color: palette(mid);")

    def set_labels(self, labels: list[LabelDef]) -> None:
        """Show one button per label."""
        for button in self.buttons.values():
            button.deleteLater()
        self.buttons.clear()
        self._layout.removeWidget(self._hint)
        for label in labels:
            button = QToolButton(self)
            key = f"[{label.shortcut}]  " if label.shortcut else ""
            button.setText(f"{key}{label.name_zh}  {label.name_en}")
            button.setIcon(swatch(label.color))
            button.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
            button.setToolTip(label.description)
            button.setSizePolicy(
                button.sizePolicy().horizontalPolicy().Expanding,
                button.sizePolicy().verticalPolicy(),
            )
            button.clicked.connect(lambda _=False, k=label.key: self.labelChosen.emit(k))
            self._layout.addWidget(button)
            self.buttons[label.key] = button
        self._layout.addWidget(self._hint)
        self._layout.addStretch(1)
