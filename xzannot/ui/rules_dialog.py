"""Editing a project's pre-annotation rules: checked before they are kept."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtGui import QFont, QFontDatabase
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from xzannot.errors import UserError
from xzannot.operations.suggesting import shipped_rules_text

Save = Callable[[str | None], object]  # keeps a rules text (None: the shipped rules), or raises


class RulesDialog(QDialog):
    """The project's rules file in an editor; Save keeps it only if every rule compiles."""

    def __init__(self, text: str, save: Save, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("RulesDialog")
        self.setWindowTitle(self.tr("Pre-annotation rules"))
        self._save = save
        intro = QLabel(
            self.tr(
                "The rules that suggest spans, kept with this project. "
                "Each [[rule]] is a regular expression; see the comments at the top."
            ),
            self,
        )
        intro.setWordWrap(True)
        self.editor = QPlainTextEdit(self)
        font = QFontDatabase.systemFont(QFontDatabase.SystemFont.FixedFont)
        font.setStyleHint(QFont.StyleHint.Monospace)
        self.editor.setFont(font)
        self.editor.setLineWrapMode(QPlainTextEdit.LineWrapMode.NoWrap)
        self.editor.setPlainText(text)
        self.error = QLabel(self)
        self.error.setObjectName("RulesError")
        self.error.setWordWrap(True)
        self.error.setStyleSheet("color: #c92a2a;")
        self.error.hide()
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.restore = QPushButton(self.tr("Restore Shipped Rules"), self)
        buttons.addButton(self.restore, QDialogButtonBox.ButtonRole.ResetRole)
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        self.restore.clicked.connect(self._restore)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.editor, 1)
        layout.addWidget(self.error)
        layout.addWidget(buttons)
        self.resize(860, 680)

    def save(self) -> None:
        """Keep the text as the project's rules, or say in words why it cannot be used."""
        text = self.editor.toPlainText()
        self._keep(None if text == shipped_rules_text() else text)

    def _restore(self) -> None:
        self.editor.setPlainText(shipped_rules_text())  # kept only when the user saves
        self.error.hide()

    def _keep(self, text: str | None) -> None:
        try:
            self._save(text)
        except UserError as exc:
            self.error.setText(str(exc))
            self.error.show()
            return
        self.accept()
