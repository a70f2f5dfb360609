"""What acting on a search's hits asks first: the label and status to give them, or the text
to put in their place, with how many hits it will change."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
)

from xzannot.core.labels import LabelDef
from xzannot.core.spans import SpanStatus
from xzannot.ui.common import fill
from xzannot.ui.search_model import counted


class _CountedDialog(QDialog):
    """A dialog saying what it will do to how many hits, with OK named for it."""

    def __init__(self, title: str, what: str, parent: QWidget | None) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.what = QLabel(what, self)
        self.what.setWordWrap(True)
        self.form = QFormLayout()
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.what)
        layout.addLayout(self.form)
        layout.addWidget(self.buttons)

    @property
    def ok(self) -> QPushButton:
        """The button that acts."""
        return self.buttons.button(QDialogButtonBox.StandardButton.Ok)


class LabelDialog(_CountedDialog):
    """Which label, as suggestions or accepted, to give the hits checked."""

    def __init__(self, labels: list[LabelDef], count: int, parent: QWidget | None) -> None:
        super().__init__(
            self.tr("Label All"),
            fill(self.tr("Mark each of the %1 checked with a label:"), counted(count)),
            parent,
        )
        self.label = QComboBox(self)
        for label in labels:
            self.label.addItem(f"{label.name_zh} {label.name_en}", label.key)
        self.suggested = QRadioButton(self.tr("As &suggestions, to review"), self)
        self.as_accepted = QRadioButton(self.tr("&Accepted"), self)
        self.suggested.setChecked(True)
        self.form.addRow(self.tr("Label:"), self.label)
        self.form.addRow(self.tr("Status:"), self.suggested)
        self.form.addRow("", self.as_accepted)
        self.ok.setText(fill(self.tr("Label %1"), counted(count)))
        self.ok.setEnabled(bool(labels) and count > 0)

    def chosen(self) -> tuple[str, SpanStatus]:
        """The label's key and the spans' status."""
        status = SpanStatus.ACCEPTED if self.as_accepted.isChecked() else SpanStatus.SUGGESTED
        return str(self.label.currentData()), status


class ReplaceDialog(_CountedDialog):
    """The text to put in place of each hit checked."""

    def __init__(self, match: str, count: int, parent: QWidget | None) -> None:
        super().__init__(
            self.tr("Replace All"),
            fill(
                self.tr(
                    "Replace each of the %1 checked of “%2”. Each replacement is kept as a "
                    "correction to review, and can be reverted in the Corrections panel."
                ),
                counted(count),
                match,
            ),
            parent,
        )
        self.replacement = QLineEdit(self)
        self.form.addRow(self.tr("Replace with:"), self.replacement)
        self.ok.setText(fill(self.tr("Replace %1"), counted(count)))
        self.ok.setEnabled(count > 0)
