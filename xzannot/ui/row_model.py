"""A table model over a list of plain values, one per row: the part every such table shares."""

from __future__ import annotations

from typing import Any, Generic, TypeVar

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt

Index = QModelIndex | QPersistentModelIndex
Row = TypeVar("Row")


class RowTableModel(QAbstractTableModel, Generic[Row]):
    """Rows are values with an ``id``; subclasses name the columns and give the cells."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[Row] = []
        self._ids: dict[int, int] | None = None  # id -> row, made when first asked
        self._columns: int | None = None  # how many titles: asked for on every paint

    def header_names(self) -> tuple[str, ...]:
        """The translated column titles (each subclass names its own)."""
        return ()

    def set_rows(self, rows: list[Row]) -> None:
        """Replace every row."""
        self.beginResetModel()
        self._rows = list(rows)
        self._ids = None
        self.endResetModel()

    def row_value(self, row: int) -> Row:
        return self._rows[row]

    def row_of(self, value_id: int) -> int:
        """The row of the value with this id, or -1 (a lookup, not a search: a project's
        10,000 pages are found as fast as three)."""
        if self._ids is None:
            self._ids = {v.id: i for i, v in enumerate(self._rows)}  # type: ignore[attr-defined]
        return self._ids.get(value_id, -1)

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        if parent.isValid():
            return 0
        if self._columns is None:
            self._columns = len(self.header_names())  # the same in every language
        return self._columns

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        names = self.header_names()
        if orientation != Qt.Orientation.Horizontal or role != Qt.ItemDataRole.DisplayRole:
            return None
        return names[section] if 0 <= section < len(names) else None
