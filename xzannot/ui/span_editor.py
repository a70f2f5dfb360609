"""Editing the selected span: its label, status, note and attributes."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
    QWidget,
)

from xzannot.core.labels import LabelDef
from xzannot.core.spans import SpanInfo, SpanStatus
from xzannot.core.targets import TARGET_FIELDS, number_text, typed_value
from xzannot.ui.label_palette import swatch


class SpanEditor(QWidget):
    """A form for the selected span; every change is reported as one edit."""

    changeRequested = Signal(object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._span: SpanInfo | None = None
        self._loading = False
        self.quote = QLabel(self)
        self.quote.setWordWrap(True)
        self.label = QComboBox(self)
        self.status = QComboBox(self)
        for status, text in (
            (SpanStatus.SUGGESTED, self.tr("suggested")),
            (SpanStatus.ACCEPTED, self.tr("accepted")),
            (SpanStatus.REJECTED, self.tr("rejected")),
        ):
            self.status.addItem(text, status.value)
        self.note = QLineEdit(self)
        self.note.setPlaceholderText(self.tr("A note for other reviewers"))
        self.attributes = QTableWidget(0, 2, self)
        self.attributes.setHorizontalHeaderLabels([self.tr("Attribute"), self.tr("Value")])
        self.attributes.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.attributes.verticalHeader().hide()
        # room for a target's five fields without scrolling
        rows = self.attributes.verticalHeader().defaultSectionSize()
        self.attributes.setMinimumHeight(int(rows * 6.5))
        add = QPushButton(self.tr("Add attribute"), self)
        remove = QPushButton(self.tr("Remove"), self)
        self.apply = QPushButton(self.tr("Apply"), self)
        self.apply.setShortcut("Ctrl+Return")
        self.apply.setToolTip(self.tr("Save the note and attributes (Ctrl+Enter)"))

        form = QFormLayout()
        form.addRow(self.tr("Text"), self.quote)
        form.addRow(self.tr("Label"), self.label)
        form.addRow(self.tr("Status"), self.status)
        form.addRow(self.tr("Note"), self.note)
        buttons = QHBoxLayout()
        buttons.addWidget(add)
        buttons.addWidget(remove)
        buttons.addStretch(1)
        buttons.addWidget(self.apply)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.attributes)
        layout.addLayout(buttons)

        self.label.currentIndexChanged.connect(self._label_changed)
        self.status.currentIndexChanged.connect(self._status_changed)
        self.note.returnPressed.connect(self._apply)
        self.apply.clicked.connect(self._apply)
        add.clicked.connect(self._add_row)
        remove.clicked.connect(self._remove_row)
        self.show_span(None)

    def set_labels(self, labels: list[LabelDef]) -> None:
        self._loading = True
        self.label.clear()
        for label in labels:
            self.label.addItem(swatch(label.color), f"{label.name_zh} {label.name_en}", label.key)
        self._loading = False

    def show_span(self, span: SpanInfo | None) -> None:
        """Show a span's fields (None: nothing selected, the form is disabled)."""
        self._span = span
        self._loading = True
        self.setEnabled(span is not None)
        self.quote.setText(span.quote if span else self.tr("No span selected."))
        self.label.setCurrentIndex(self.label.findData(span.label) if span else -1)
        self.status.setCurrentIndex(self.status.findData(span.status.value) if span else -1)
        self.note.setText(span.note if span else "")
        self.attributes.setRowCount(0)
        attributes = dict(span.attributes) if span else {}
        if span is not None and span.label == "target":  # a target always shows its five fields
            attributes = {key: attributes.get(key) for key in TARGET_FIELDS} | attributes
        for key, value in attributes.items():
            self._add_row(key, number_text(value) if key == "value" else value)
        self._loading = False

    def _add_row(self, key: str = "", value: Any = "") -> None:
        row = self.attributes.rowCount()
        self.attributes.insertRow(row)
        self.attributes.setItem(row, 0, QTableWidgetItem(str(key)))
        self.attributes.setItem(row, 1, QTableWidgetItem("" if value is None else str(value)))

    def _remove_row(self) -> None:
        row = self.attributes.currentRow()
        if row >= 0:
            self.attributes.removeRow(row)

    def current_attributes(self) -> dict[str, Any]:
        """The attributes as typed (empty keys are left out; a target's value is a number)."""
        out: dict[str, Any] = {}
        for row in range(self.attributes.rowCount()):
            key_item, value_item = self.attributes.item(row, 0), self.attributes.item(row, 1)
            key = key_item.text().strip() if key_item else ""
            if key:
                text = value_item.text() if value_item else ""
                out[key] = typed_value(text) if key == "value" else text
        if self._span is not None and self._span.label == "target":
            # the five fields shown for a target are not a change when left as they were
            for key in TARGET_FIELDS:
                if key not in self._span.attributes and out.get(key) in ("", None):
                    out.pop(key, None)
        return out

    def _label_changed(self) -> None:
        key = self.label.currentData()
        if not self._loading and self._span and key and key != self._span.label:
            self.changeRequested.emit({"label": key})

    def _status_changed(self) -> None:
        value = self.status.currentData()
        if not self._loading and self._span and value and value != self._span.status.value:
            self.changeRequested.emit({"status": SpanStatus(value)})

    def _apply(self) -> None:
        if self._span is None:
            return
        changes: dict[str, Any] = {}
        if self.note.text() != self._span.note:
            changes["note"] = self.note.text()
        attributes = self.current_attributes()
        if attributes != self._span.attributes:
            changes["attributes"] = attributes
        if changes:
            self.changeRequested.emit(changes)
