"""The units of the page a curator is settling, a row each: the stretch's glyphs and text,
each annotator's version side by side (numbered: key N takes annotator N's), and where the
unit stands (agreed, to settle, taken, rejected)."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from types import MappingProxyType
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt
from PySide6.QtGui import QColor, QFont, QPixmap

from xzannot.core.curation import Unit, marks
from xzannot.core.labels import LabelDef
from xzannot.core.spans import SpanInfo
from xzannot.operations.curation import CurationPage
from xzannot.ui.common import fill

Index = QModelIndex | QPersistentModelIndex
DISPLAY = Qt.ItemDataRole.DisplayRole
AGREED_COLOR = QColor("#ebfbee")
OPEN_COLOR = QColor("#fff9db")
REJECTED_COLOR = QColor("#f1f3f5")
QUOTE_CHARS = 40  # of a version's quote, shown; the rest is elided


def quoted(text: str) -> str:
    """A quote as shown in a cell: 「…」, cut short when long."""
    text = " ".join(text.split())
    if len(text) > QUOTE_CHARS:
        text = text[: QUOTE_CHARS - 1] + "…"
    return f"「{text}」"


class CurationModel(QAbstractTableModel):
    """Rows are the page's units in text order; column 0 the stretch, then one column per
    annotator who worked on the page, then the unit's state."""

    def __init__(self, crop: Callable[[Unit], QPixmap | None], parent: QObject | None = None):
        super().__init__(parent)
        self._crop = crop
        self.labels: Mapping[str, LabelDef] = MappingProxyType({})
        self.page: CurationPage | None = None
        self.text = ""
        self.units: list[Unit] = []
        self.annotators: list[str] = []

    def set_page(self, page: CurationPage | None, text: str) -> None:
        """Show the units of ``page`` (None: no page), whose current text is ``text``."""
        self.beginResetModel()
        self.page, self.text = page, text
        self.units = (
            sorted([*page.agreed, *page.disagreed], key=lambda u: (u.start, u.end)) if page else []
        )
        self.annotators = list(page.annotators) if page else []
        self.endResetModel()

    def unit(self, row: int) -> Unit | None:
        return self.units[row] if 0 <= row < len(self.units) else None

    def row_of(self, start: int, end: int) -> int:
        """The row of the unit over ``[start, end)``, or -1."""
        return next(
            (row for row, u in enumerate(self.units) if (u.start, u.end) == (start, end)), -1
        )

    def state(self, unit: Unit) -> tuple[str, str | None]:
        """Where a unit stands, in words, and whose version was taken (if one was)."""
        page = self.page
        assert page is not None
        if any(span.overlaps(unit.start, unit.end) for span in page.rejections):
            return self.tr("✗ Rejected"), None
        kept = marks(s for s in page.curated if s.overlaps(unit.start, unit.end))
        if unit.settled:
            taken = next((n for n, spans in unit.versions.items() if marks(spans) == kept), None)
            if unit.agreed:
                return self.tr("✓ Agreed, taken"), taken
            if taken is not None:
                return fill(self.tr("✓ Took %1's"), taken), taken
            return self.tr("✓ Edited"), None
        if unit.agreed:
            return self.tr("✓ Agreed"), None
        return self.tr("To settle"), None

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.units)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.annotators) + 2

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = DISPLAY) -> Any:
        if role != DISPLAY or orientation != Qt.Orientation.Horizontal:
            return None
        if section == 0:
            return self.tr("On the page")
        if section == len(self.annotators) + 1:
            return self.tr("State")
        if 0 < section <= len(self.annotators):
            return f"{section}  {self.annotators[section - 1]}"
        return None

    def data(self, index: Index, role: int = DISPLAY) -> Any:
        unit = self.unit(index.row()) if index.isValid() else None
        if unit is None:
            return None
        column = index.column()
        if column == 0:  # the glyphs cut from the page (its text while they are not)
            if role == Qt.ItemDataRole.DecorationRole:
                return self._crop(unit)
            if role == DISPLAY:
                pixmap = self._crop(unit)
                return quoted(self.text[unit.start : unit.end]) if pixmap is None else None
            if role == Qt.ItemDataRole.ToolTipRole:
                return quoted(self.text[unit.start : unit.end])
            return None
        state, taken = self.state(unit)
        if column == len(self.annotators) + 1:
            return self._state_data(unit, state, role)
        name = self.annotators[column - 1]
        return self._version_data(unit.versions.get(name, []), name == taken, role)

    def _state_data(self, unit: Unit, state: str, role: int) -> Any:
        if role == DISPLAY:
            return state
        if role == Qt.ItemDataRole.BackgroundRole:
            if unit.agreed:
                return AGREED_COLOR
            return OPEN_COLOR if not unit.settled else None
        return None

    def _version_data(self, spans: list[SpanInfo], taken: bool, role: int) -> Any:
        if role in (DISPLAY, Qt.ItemDataRole.ToolTipRole):
            if not spans:
                return self.tr("— nothing marked")
            return "\n".join(f"{self._label_name(s.label)} {quoted(s.quote)}" for s in spans)
        if role == Qt.ItemDataRole.FontRole and taken:
            font = QFont()
            font.setBold(True)
            return font
        if role == Qt.ItemDataRole.ForegroundRole and spans:
            label = self.labels.get(spans[0].label)
            return QColor(label.color).darker(130) if label else None
        return None

    def _label_name(self, key: str) -> str:
        label = self.labels.get(key)
        return label.name_zh if label else key
