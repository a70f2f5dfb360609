"""The spans of the shown page as a table: label, text, status, annotator, attributes, note."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QBrush, QColor

from xzannot.core.labels import LabelDef
from xzannot.core.spans import SpanInfo, SpanStatus
from xzannot.ui.row_model import Index, RowTableModel


def attributes_text(attributes: dict[str, Any]) -> str:
    """Attributes in one line: ``indicator=…, value=…``."""
    return ", ".join(f"{k}={v}" for k, v in attributes.items())


class SpansModel(RowTableModel[SpanInfo]):
    """Rows are the live spans of one page, in text order."""

    COLUMNS = ("label", "text", "status", "annotator", "attributes", "note")
    SpanIdRole = Qt.ItemDataRole.UserRole + 1

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._labels: dict[str, LabelDef] = {}

    def set_labels(self, labels: list[LabelDef]) -> None:
        """The label schema, for names and colours."""
        self._labels = {label.key: label for label in labels}

    def set_spans(self, spans: list[SpanInfo]) -> None:
        """Replace the rows."""
        self.set_rows(spans)

    def span_at(self, row: int) -> SpanInfo:
        """The span in ``row`` (not ``span``: that name is a QAbstractItemModel virtual)."""
        return self.row_value(row)

    def header_names(self) -> tuple[str, ...]:
        return (
            self.tr("Label"),
            self.tr("Text"),
            self.tr("Status"),
            self.tr("Annotator"),
            self.tr("Attributes"),
            self.tr("Note"),
        )

    def status_text(self, status: SpanStatus) -> str:
        return {
            SpanStatus.SUGGESTED: self.tr("suggested"),
            SpanStatus.ACCEPTED: self.tr("accepted"),
            SpanStatus.REJECTED: self.tr("rejected"),
        }[status]

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        span = self._rows[index.row()]
        column = self.COLUMNS[index.column()]
        label = self._labels.get(span.label)
        if role == self.SpanIdRole:
            return span.id
        if role == Qt.ItemDataRole.DisplayRole:
            if column == "label":
                return f"{label.name_zh} {label.name_en}" if label else span.label
            if column == "text":
                return span.quote.replace("\n", " ")
            if column == "status":
                if span.orphaned:
                    return self.tr("orphaned: its text was corrected away")
                return self.status_text(span.status)
            if column == "annotator":
                return span.annotator or ""
            if column == "attributes":
                return attributes_text(span.attributes)
            return span.note
        if role == Qt.ItemDataRole.DecorationRole and column == "label" and label:
            return QColor(label.color)
        if role == Qt.ItemDataRole.ForegroundRole and (
            span.status is SpanStatus.REJECTED or span.orphaned
        ):
            return QBrush(QColor("#868e96"))
        if role == Qt.ItemDataRole.ToolTipRole and column == "text":
            return span.quote
        return None
