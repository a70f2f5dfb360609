"""The Curation dock: the shown page's units, agreed ones as taken and disagreements with each
annotator's version side by side, the keys that settle them, and Take All Agreed."""

from __future__ import annotations

from PySide6.QtCore import QSize, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from xzannot.ui.team_crops import LINE_HEIGHT, MAX_LINES, MAX_WIDTH
from xzannot.ui.team_curation_model import CurationModel

VERSION_WIDTH = 230  # pixels a version's column is wide


class CurationPanel(QWidget):
    """The dock's widgets; what they ask for is done by ``ui.team_curating.Curating``."""

    def __init__(self, model: CurationModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("CurationPanel")
        self.summary = QLabel(self)
        self.summary.setWordWrap(True)
        self.keys = QLabel(
            self.tr(
                "Keys: 1–9 take annotator N's version · 0 or Delete rejects every version · "
                "E edits: select characters in the text and press a label's key"
            ),
            self,
        )
        self.keys.setWordWrap(True)
        self.keys.setStyleSheet("color: #495057;")
        self.editing = QLabel(
            self.tr(
                "Editing the curated layer: select characters in the text and press a label's "
                "key. Press E again to go back to taking versions."
            ),
            self,
        )
        self.editing.setWordWrap(True)
        self.editing.setStyleSheet("background: #fff3bf; padding: 3px;")
        self.editing.hide()
        self.view = self._make_view(model)
        self.take_agreed = QPushButton(self.tr("Take &All Agreed"), self)
        self.take_agreed.setToolTip(
            self.tr("Copy every unit the annotators agree on into the curated layer")
        )
        bottom = QHBoxLayout()
        bottom.addWidget(self.keys, 1)
        bottom.addWidget(self.take_agreed)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.summary)
        layout.addWidget(self.editing)
        layout.addWidget(self.view, 1)
        layout.addLayout(bottom)

    def _make_view(self, model: CurationModel) -> QTableView:
        view = QTableView(self)
        view.setModel(model)
        view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        view.setWordWrap(True)
        view.setIconSize(QSize(MAX_WIDTH, LINE_HEIGHT * MAX_LINES))
        view.verticalHeader().hide()
        view.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header = view.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        header.setStretchLastSection(True)
        model.modelReset.connect(lambda: self._fit(view, model))
        view.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        return view

    @staticmethod
    def _fit(view: QTableView, model: CurationModel) -> None:
        """The glyphs' column as wide as a crop, each version as wide as another."""
        view.setColumnWidth(0, MAX_WIDTH + 12)
        for column in range(1, model.columnCount() - 1):
            view.setColumnWidth(column, VERSION_WIDTH)

    def set_editing(self, on: bool) -> None:
        """Say whether the curator is marking spans of their own."""
        self.editing.setVisible(on)
