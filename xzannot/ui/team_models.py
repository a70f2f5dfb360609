"""The tables of team review: assignments, each annotator's progress, and the pages whose
annotators disagree most."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, Qt

from xzannot.core.agreement import PageDisagreement
from xzannot.operations.team import AssignmentInfo, ProgressRow
from xzannot.ui.common import fill
from xzannot.ui.row_model import RowTableModel

Index = QModelIndex | QPersistentModelIndex
DISPLAY = Qt.ItemDataRole.DisplayRole
NUMBERS = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter


def share(value: float | None) -> str:
    """A figure between 0 and 1 as shown (undefined: "—", never 0 or 1)."""
    return "—" if value is None else f"{value:.2f}"


class AssignmentsModel(RowTableModel[AssignmentInfo]):
    """Who was given which pages of which document."""

    def header_names(self) -> tuple[str, ...]:
        return (self.tr("Annotator"), self.tr("Document"), self.tr("Pages"))

    def pages_text(self, row: AssignmentInfo) -> str:
        first, last = row.first_page, row.last_page
        if first is None and last is None:
            return self.tr("all pages")
        if first is not None and first == last:
            return fill(self.tr("page %1"), first)
        return fill(self.tr("pages %1–%2"), first or 1, last if last is not None else "…")

    def data(self, index: Index, role: int = DISPLAY) -> Any:
        if not index.isValid() or role != DISPLAY:
            return None
        row = self.row_value(index.row())
        return (row.annotator, row.document, self.pages_text(row))[index.column()]


class ProgressModel(RowTableModel[ProgressRow]):
    """How far each annotator is with their pages of each document."""

    def header_names(self) -> tuple[str, ...]:
        return (
            self.tr("Annotator"),
            self.tr("Document"),
            self.tr("Pages"),
            self.tr("Done"),
            self.tr("In progress"),
            self.tr("To do"),
            self.tr("Spans"),
            self.tr("Last activity"),
        )

    def data(self, index: Index, role: int = DISPLAY) -> Any:
        if not index.isValid():
            return None
        column = index.column()
        if role == Qt.ItemDataRole.TextAlignmentRole and 2 <= column <= 6:
            return int(NUMBERS.value)
        if role != DISPLAY:
            return None
        row = self.row_value(index.row())
        if column == 7:
            when = row.last_activity
            return when.astimezone().strftime("%Y-%m-%d %H:%M") if when else "—"
        values = (
            row.annotator,
            row.document,
            row.assigned,
            row.done,
            row.in_progress,
            row.todo,
            row.spans,
        )
        return str(values[column]) if column >= 2 else values[column]


class WorstPagesModel(RowTableModel[PageDisagreement]):
    """The pages whose annotators differ on the most characters."""

    def header_names(self) -> tuple[str, ...]:
        return (
            self.tr("Document"),
            self.tr("Page"),
            self.tr("Annotators"),
            self.tr("Differing characters"),
            self.tr("α"),
        )

    def data(self, index: Index, role: int = DISPLAY) -> Any:
        if not index.isValid():
            return None
        column = index.column()
        if role == Qt.ItemDataRole.TextAlignmentRole and column in (1, 3, 4):
            return int(NUMBERS.value)
        if role != DISPLAY:
            return None
        page = self.row_value(index.row())
        values = (
            page.document,
            str(page.number),
            "、".join(page.annotators),
            fill(self.tr("%1 of %2"), page.differing, page.characters),
            share(page.alpha),
        )
        return values[column]

    def page_id(self, row: int) -> int:
        return self.row_value(row).page_id
