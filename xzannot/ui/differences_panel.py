"""The differences between the shown page and its reference witness, to settle one by one."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QEvent, QModelIndex, QObject, Qt, Signal, SignalInstance
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from xzannot.core.collate import Difference, DifferenceKind
from xzannot.ui.row_model import Index, RowTableModel


def shown(text: str) -> str:
    """A reading as shown in the list: nothing is ∅, a space is ⎵."""
    return "∅" if not text else "⎵" if text.isspace() else text


class DifferencesModel(RowTableModel[Difference]):
    """One row per open difference, in the page's order."""

    def header_names(self) -> tuple[str, ...]:
        return (self.tr("Kind"), self.tr("Page"), self.tr("Reference"))

    def kind_name(self, kind: DifferenceKind) -> str:
        return {
            DifferenceKind.SPACING: self.tr("spacing"),
            DifferenceKind.PUNCTUATION: self.tr("punctuation"),
            DifferenceKind.INSERTION: self.tr("insertion"),
            DifferenceKind.DELETION: self.tr("deletion"),
            DifferenceKind.SUBSTITUTION: self.tr("substitution"),
        }[kind]

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        difference = self._rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            column = index.column()
            if column == 0:
                return self.kind_name(difference.kind)
            return shown(difference.page_reading if column == 1 else difference.reference_reading)
        return None

    def differences(self) -> list[Difference]:
        return list(self._rows)


class DifferencesPanel(QWidget):
    """The list, what to do with the selected difference, and the page's agreement."""

    picked = Signal(object)  # a Difference
    acceptRequested = Signal(object)  # a Difference
    rejectRequested = Signal(object)
    acceptKindRequested = Signal(object)  # a DifferenceKind

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.summary = QLabel(self)
        self.summary.setWordWrap(True)
        self.model = DifferencesModel(self)
        self.table = QTableView(self)
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.table.installEventFilter(self)
        self.accept_button = QPushButton(self.tr("Accept"), self)
        self.accept_button.setToolTip(self.tr("Take the reference's reading (Enter)"))
        self.reject_button = QPushButton(self.tr("Reject"), self)
        self.reject_button.setToolTip(self.tr("Keep the page's reading (Delete)"))
        self.kind = QComboBox(self)
        self.accept_kind = QPushButton(self.tr("Accept All of Kind"), self)
        buttons = QHBoxLayout()
        buttons.addWidget(self.accept_button)
        buttons.addWidget(self.reject_button)
        buttons.addStretch(1)
        buttons.addWidget(self.kind)
        buttons.addWidget(self.accept_kind)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.summary)
        layout.addWidget(self.table)
        layout.addLayout(buttons)
        self.table.selectionModel().currentRowChanged.connect(self._current)
        self.accept_button.clicked.connect(lambda: self._ask(self.acceptRequested))
        self.reject_button.clicked.connect(lambda: self._ask(self.rejectRequested))
        self.accept_kind.clicked.connect(self._accept_kind)
        self.show_differences([], "")

    def show_differences(self, differences: list[Difference], summary: str) -> None:
        """Show a page's open differences and what is to be said of its collation."""
        self.model.set_rows(differences)
        self.summary.setText(summary)
        kinds = list(dict.fromkeys(d.kind for d in differences))
        self.kind.clear()
        for kind in kinds:
            count = sum(d.kind is kind for d in differences)
            self.kind.addItem(f"{self.model.kind_name(kind)} ({count})", kind)
        for widget in (self.accept_button, self.reject_button, self.kind, self.accept_kind):
            widget.setEnabled(bool(differences))

    def current(self) -> Difference | None:
        row = self.table.currentIndex().row()
        return self.model.row_value(row) if 0 <= row < self.model.rowCount() else None

    def select_row(self, row: int) -> None:
        if 0 <= row < self.model.rowCount():
            self.table.selectRow(row)
            self.table.setCurrentIndex(self.model.index(row, 0))

    def _current(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if current.isValid():
            self.picked.emit(self.model.row_value(current.row()))

    def _ask(self, signal: SignalInstance) -> None:
        difference = self.current()
        if difference is not None:
            signal.emit(difference)

    def _accept_kind(self) -> None:
        kind = self.kind.currentData()
        if kind is not None:  # the combo box gives the kind back as a plain string
            self.acceptKindRequested.emit(DifferenceKind(kind))

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Enter accepts and Delete rejects the selected difference when the list has focus
        (before the window's own Enter and Delete, which act on spans)."""
        if watched is self.table and isinstance(event, QKeyEvent):
            key = event.key()
            plain = event.modifiers() == Qt.KeyboardModifier.NoModifier
            if plain and key in (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Delete):
                if event.type() == QEvent.Type.KeyPress:
                    accept = key != Qt.Key.Key_Delete
                    self._ask(self.acceptRequested if accept else self.rejectRequested)
                event.accept()
                return True
        return super().eventFilter(watched, event)
