"""One label's agreement as a matrix of annotator pairs: Cohen's κ over characters and span
F1 with exact and with overlapping boundaries, with the units each was measured on."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt
from PySide6.QtGui import QColor

from xzannot.core.agreement import Agreement, PairAgreement
from xzannot.core.curation import CURATED
from xzannot.ui.common import fill
from xzannot.ui.team_models import share

Index = QModelIndex | QPersistentModelIndex
DISPLAY = Qt.ItemDataRole.DisplayRole
EMPTY = QColor("#f1f3f5")


def _tint(kappa: float | None) -> QColor | None:
    """A light background from red (κ ≤ 0.4) through amber to green (κ ≥ 0.8)."""
    if kappa is None:
        return None
    if kappa >= 0.8:
        return QColor("#d3f9d8")
    if kappa >= 0.6:
        return QColor("#fff3bf")
    return QColor("#ffe3e3")


class PairMatrixModel(QAbstractTableModel):
    """Rows and columns are the annotators; a cell holds the pair's figures for one label."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.names: list[str] = []
        self.label = ""
        self._pairs: dict[frozenset[str], PairAgreement] = {}

    def set_figures(self, agreement: Agreement | None, label: str) -> None:
        """Show ``agreement``'s figures for ``label`` (None: nothing measured)."""
        self.beginResetModel()
        self.label = label
        self.names = list(agreement.annotators) if agreement else []
        self._pairs = {
            frozenset((pair.a, pair.b)): pair
            for pair in (agreement.pairs if agreement else ())
            if pair.label == label
        }
        self.endResetModel()

    def pair(self, row: int, column: int) -> PairAgreement | None:
        if row == column:
            return None
        return self._pairs.get(frozenset((self.names[row], self.names[column])))

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.names)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.names)

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = DISPLAY) -> Any:
        if role == DISPLAY and 0 <= section < len(self.names):
            name = self.names[section]
            return self.tr("Curated layer") if name == CURATED else name
        return None

    def data(self, index: Index, role: int = DISPLAY) -> Any:
        if not index.isValid():
            return None
        pair = self.pair(index.row(), index.column())
        if role == Qt.ItemDataRole.TextAlignmentRole:
            return int(Qt.AlignmentFlag.AlignCenter.value)
        if role == Qt.ItemDataRole.BackgroundRole:
            return EMPTY if pair is None else _tint(pair.kappa.value)
        if pair is None:
            return "" if role == DISPLAY else None
        if role == DISPLAY:
            return fill(
                self.tr("κ %1\nF1 %2 · %3"),
                share(pair.kappa.value),
                share(pair.exact.f1),
                share(pair.overlap.f1),
            )
        if role == Qt.ItemDataRole.ToolTipRole:
            return self.units(pair)
        return None

    def units(self, pair: PairAgreement) -> str:
        """What a pair's figures were measured on, in words."""
        return fill(
            self.tr(
                "%1 and %2: κ over %3 characters on %4 pages; F1 exact %5 (spans in both %6, "
                "only %1 %7, only %2 %8), overlapping %9"
            ),
            pair.a,
            pair.b,
            pair.kappa.units,
            pair.pages,
            share(pair.exact.f1),
            pair.exact.both,
            pair.exact.only_a,
            pair.exact.only_b,
            share(pair.overlap.f1),
        )
