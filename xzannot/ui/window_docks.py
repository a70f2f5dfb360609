"""The window's docks: pages, labels, spans, the span editor, corrections, the reference's
differences and the search; and keeping the spans list, the editor and the image on the
selected span."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QItemSelectionModel, QModelIndex, QObject, Qt
from PySide6.QtWidgets import QAbstractItemView, QDockWidget, QHeaderView, QTableView, QWidget

from xzannot.ui.collation_view import CollationView
from xzannot.ui.corrections_panel import CorrectionsPanel
from xzannot.ui.differences_panel import DifferencesPanel
from xzannot.ui.label_palette import LabelPalette
from xzannot.ui.pages_model import PagesModel
from xzannot.ui.search_acting import SearchActing
from xzannot.ui.search_crops import GlyphCrops
from xzannot.ui.search_dock import SearchDock
from xzannot.ui.search_flow import Searching
from xzannot.ui.search_model import ConcordanceModel
from xzannot.ui.span_editor import SpanEditor
from xzannot.ui.spans_model import SpansModel

if TYPE_CHECKING:
    from xzannot.ui.main_window import MainWindow

LEFT = Qt.DockWidgetArea.LeftDockWidgetArea
BOTTOM = Qt.DockWidgetArea.BottomDockWidgetArea
ROWS = QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows


def row_table(model: object, parent: QWidget, widths: list[int] | None = None) -> QTableView:
    """A read-only row table; with ``widths``, fixed column widths instead of fitting content."""
    table = QTableView(parent)
    table.setModel(model)  # type: ignore[arg-type]
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.verticalHeader().hide()
    # sized once per reset, not on every change: "resize to contents" would ask every
    # cell of a 300-row table for its text on each selection change
    table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    table.horizontalHeader().setStretchLastSection(True)
    if widths is None:  # few resets (a project loads): fit the columns to their content,
        # judged by the rows in view and the first hundred (not a 10,000-page project's all)
        table.horizontalHeader().setResizeContentsPrecision(100)
        table.model().modelReset.connect(table.resizeColumnsToContents)
    else:  # reset on every page: fitting would ask every cell for its text each time
        for column, width in enumerate(widths):
            table.setColumnWidth(column, width)
    return table


def add_dock(
    window: MainWindow, title: str, name: str, widget: QWidget, area: Qt.DockWidgetArea
) -> QDockWidget:
    """A dock holding ``widget``, saved with the window's layout under ``name``."""
    dock = QDockWidget(title, window)
    dock.setObjectName(name)
    dock.setWidget(widget)
    window.addDockWidget(area, dock)
    return dock


class WindowDocks(QObject):
    """Makes the docks and their tables, and keeps the spans list on the selected span."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.pages_model = PagesModel(window)
        self.pages_table = row_table(self.pages_model, window)
        self.pages_table.setMinimumWidth(260)
        self.spans_model = SpansModel(window)
        self.spans_table = row_table(self.spans_model, window, widths=[120, 260, 70, 80, 160])
        self.spans_table.selectionModel().currentRowChanged.connect(self._on_span_row)
        self.palette = LabelPalette(window)
        self.palette.labelChosen.connect(window.labelling.apply_label)
        self.editor = SpanEditor(window)
        self.editor.changeRequested.connect(window.labelling.change)
        self.corrections = CorrectionsPanel(window)
        self.corrections.acceptRequested.connect(window.correcting.accept)
        self.corrections.revertRequested.connect(window.correcting.revert)
        self.corrections.rangePicked.connect(window.text_view.select_range)
        self.differences = DifferencesPanel(window)
        self.collation_view = CollationView(
            window.collating, self.differences, window.text_view, self.pages_model, window.state
        )
        self._make_search()
        self._make_docks()
        window.state.pageChanged.connect(self._show_spans)
        window.state.spansChanged.connect(self._show_spans)
        window.state.spanSelected.connect(self._on_span_selected)

    def _make_docks(self) -> None:
        w = self.window
        self.pages_dock = add_dock(w, self.tr("Pages"), "PagesDock", self.pages_table, LEFT)
        self.labels_dock = add_dock(w, self.tr("Labels"), "LabelsDock", self.palette, LEFT)
        self.spans_dock = add_dock(w, self.tr("Spans"), "SpansDock", self.spans_table, BOTTOM)
        self.editor_dock = add_dock(w, self.tr("Span"), "SpanDock", self.editor, BOTTOM)
        self.corrections_dock = add_dock(
            w, self.tr("Corrections"), "CorrectionsDock", self.corrections, BOTTOM
        )
        self.differences_dock = add_dock(
            w, self.tr("Reference"), "ReferenceDock", self.differences, BOTTOM
        )
        w.tabifyDockWidget(self.spans_dock, self.corrections_dock)
        w.tabifyDockWidget(self.spans_dock, self.differences_dock)
        self.search_dock = add_dock(w, self.tr("Search"), "SearchDock", self.search_panel, BOTTOM)
        w.tabifyDockWidget(self.spans_dock, self.search_dock)
        self.search_dock.hide()  # until asked for (Edit ▸ Find…, View ▸ Search)
        self.searching.attach(self.search_dock)
        self.spans_dock.raise_()

    def _make_search(self) -> None:
        """The Search dock's concordance and what runs it."""
        w = self.window
        self.search_crops = GlyphCrops(w.tasks, w.renderer, self)
        self.search_model = ConcordanceModel(self.search_crops.pixmap, self)
        self.search_panel = SearchDock(self.search_model, w)
        self.searching = Searching(w, self.search_panel, self.search_model, self.search_crops)
        self.search_acting = SearchActing(w, self.searching)

    def show_search(self) -> None:
        """Bring the Search dock forward, ready to type what to find."""
        self.searching.show()

    def all(self) -> list[QDockWidget]:
        """The docks, in the order the View menu lists them."""
        return [
            self.pages_dock,
            self.labels_dock,
            self.spans_dock,
            self.editor_dock,
            self.corrections_dock,
            self.differences_dock,
            self.search_dock,
        ]

    def show_differences(self) -> None:
        """Bring the Reference dock to the front."""
        self.differences_dock.show()
        self.differences_dock.raise_()

    def _show_spans(self) -> None:
        self.spans_model.set_spans(self.window.state.spans)
        self._on_span_selected(self.window.state.selected_span)

    def _on_span_row(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if current.isValid():
            self.window.state.select_span(self.spans_model.span_at(current.row()).id)

    def _on_span_selected(self, span_id: int) -> None:
        span = self.window.state.span(span_id)
        self.editor.show_span(span)
        row = self.spans_model.row_of(span_id)
        if row >= 0 and self.spans_table.currentIndex().row() != row:
            self.spans_table.selectionModel().setCurrentIndex(self.spans_model.index(row, 0), ROWS)
        elif row < 0:
            self.spans_table.clearSelection()
        if span is not None:
            self.window.page_view.reveal(span.start, span.end)
