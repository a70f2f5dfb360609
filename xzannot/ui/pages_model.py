"""The pages of a project as a table: document, page number, printed label, status."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from PySide6.QtCore import QObject, Qt
from PySide6.QtWidgets import QApplication, QStyle

from xzannot.core.pages import PageStatus
from xzannot.operations.browsing import Agreement, DocumentInfo, PageInfo
from xzannot.ui.common import fill
from xzannot.ui.row_model import Index, RowTableModel


class PagesModel(RowTableModel[PageInfo]):
    """Rows are pages in document and page order."""

    COLUMNS = ("page", "printed", "status", "spans", "cer", "unsure")
    PageRole = Qt.ItemDataRole.UserRole + 1

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._documents: dict[int, DocumentInfo] = {}
        self._counts: dict[int, int] = {}
        self._agreements: dict[int, Agreement] = {}
        self._unsure: dict[int, tuple[int, int]] = {}

    def set_pages(
        self,
        documents: list[DocumentInfo],
        pages: list[PageInfo],
        span_counts: dict[int, int] | None = None,
    ) -> None:
        """Replace the whole list."""
        self._documents = {d.id: d for d in documents}
        self._counts = dict(span_counts or {})
        self._agreements = {}
        self.set_rows(pages)

    def update_page(self, page: PageInfo, span_count: int) -> None:
        """Show a page's new status and span count."""
        row = self.row_of(page.id)
        if row < 0:
            return
        self._rows[row] = page
        self._counts[page.id] = span_count
        self.dataChanged.emit(self.index(row, 0), self.index(row, len(self.COLUMNS) - 1))

    def set_agreements(self, agreements: Iterable[Agreement]) -> None:
        """Show how pages agree with their reference (pages not given keep theirs)."""
        rows = []
        for agreement in agreements:
            self._agreements[agreement.page_id] = agreement
            rows.append(self.row_of(agreement.page_id))
        shown = [r for r in rows if r >= 0]
        if shown:  # one signal for the column's changed stretch, not one a page
            column = self.COLUMNS.index("cer")
            self.dataChanged.emit(self.index(min(shown), column), self.index(max(shown), column))

    def set_unsure(self, counts: dict[int, tuple[int, int]]) -> None:
        """Show each OCR'd page's unsure characters: (still unsure, characters read)."""
        self._unsure = dict(counts)
        if self._rows:
            column = self.COLUMNS.index("unsure")
            self.dataChanged.emit(self.index(0, column), self.index(len(self._rows) - 1, column))

    def set_unsure_of(self, page_id: int, low: int) -> None:
        """A page's count of unsure characters, as its queue now holds them."""
        read = self._unsure.get(page_id, (0, 0))[1]
        if not read:
            return
        self._unsure[page_id] = (low, read)
        row = self.row_of(page_id)
        if row >= 0:
            index = self.index(row, self.COLUMNS.index("unsure"))
            self.dataChanged.emit(index, index)

    def to_check(self, page_id: int) -> bool:
        """Whether a page has unsure characters or open differences from its reference."""
        agreement = self._agreements.get(page_id)
        return self._unsure.get(page_id, (0, 0))[0] > 0 or bool(
            agreement is not None and agreement.open_differences
        )

    def pages(self) -> list[PageInfo]:
        """Every page listed, in order."""
        return list(self._rows)

    def page(self, row: int) -> PageInfo:
        """The page shown in ``row``."""
        return self.row_value(row)

    def header_names(self) -> tuple[str, ...]:
        return (
            self.tr("Page"),
            self.tr("Printed"),
            self.tr("Status"),
            self.tr("Spans"),
            self.tr("CER"),
            self.tr("Unsure"),
        )

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        page = self._rows[index.row()]
        if role == self.PageRole:
            return page.id
        column = self.COLUMNS[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            if column == "page":
                doc = self._documents.get(page.document_id)
                name = doc.title if doc else "?"
                return f"{name} · {page.number}" if len(self._documents) > 1 else str(page.number)
            if column == "printed":
                return page.printed_label or ""
            if column == "spans":
                return str(self._counts.get(page.id, 0))
            if column == "cer":
                return self._cer_text(page.id)
            if column == "unsure":
                low, read = self._unsure.get(page.id, (0, 0))
                return f"{low * 100 / read:.1f}%" if read else ""
            return self._status_text(page)
        if role == Qt.ItemDataRole.DecorationRole and column == "page" and page.suspect:
            return QApplication.style().standardIcon(QStyle.StandardPixmap.SP_MessageBoxWarning)
        if role == Qt.ItemDataRole.ToolTipRole and column == "page" and page.suspect:
            return fill(self.tr("The text layer cannot be trusted: %1"), page.suspect)
        if role == Qt.ItemDataRole.ToolTipRole and column == "unsure" and page.id in self._unsure:
            low, read = self._unsure[page.id]
            return fill(
                self.tr("%1 of %2 characters read by OCR are unsure and not yet checked (F7)."),
                low,
                read,
            )
        if role == Qt.ItemDataRole.ToolTipRole and column == "cer":
            return self._cer_tip(page.id)
        if role == Qt.ItemDataRole.ToolTipRole and column == "status" and page.suspect:
            return fill(self.tr("The text layer cannot be trusted: %1"), page.suspect)
        if role == Qt.ItemDataRole.ToolTipRole:
            doc = self._documents.get(page.document_id)
            return fill(self.tr("%1, page %2"), doc.title if doc else "?", page.number)
        return None

    def _status_text(self, page: PageInfo) -> str:
        if page.needs_text:
            return self.tr("needs text")
        if page.suspect:
            return self.tr("needs OCR")
        return {
            PageStatus.TODO: self.tr("to do"),
            PageStatus.IN_PROGRESS: self.tr("in progress"),
            PageStatus.DONE: self.tr("done"),
        }.get(page.review_status, page.review_status)

    def _cer_text(self, page_id: int) -> str:
        agreement = self._agreements.get(page_id)
        if agreement is None or agreement.reference_id is None:
            return "" if agreement is None else "—"
        return f"{(agreement.cer or 0) * 100:.1f}%"

    def _cer_tip(self, page_id: int) -> str:
        agreement = self._agreements.get(page_id)
        if agreement is None:
            return self.tr("Not collated with a reference yet.")
        if agreement.reference_id is None:
            return self.tr("No counterpart in a reference text.")
        return fill(
            self.tr("%1 open difference(s) from the reference, which covers %2% of the page."),
            agreement.open_differences,
            f"{agreement.coverage * 100:.0f}",
        )
