"""The window's OCR tools: the OCR Check dock, the Tools menu's OCR entries, reading pages and
regions, and offering OCR for pages imported without text."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QRectF, Qt
from PySide6.QtWidgets import QMenu, QMessageBox

from xzannot.core.boxes import Box
from xzannot.operations.changes import OpChanges
from xzannot.operations.ocr import unsure_shares
from xzannot.ui import settings as keys
from xzannot.ui.commands import ReadRegion
from xzannot.ui.common import BRIEF_MS, LONG_MS, fill
from xzannot.ui.ocr_flow import OcrFlow
from xzannot.ui.ocr_queue import OcrCheckPanel, OcrQueue

if TYPE_CHECKING:
    from xzannot.ui.main_window import MainWindow


class OcrTools(QObject):
    """Everything OCR adds to a window."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.panel = OcrCheckPanel(window)
        self.dock = window.add_dock(
            self.tr("OCR Check"), "OcrCheckDock", self.panel, Qt.DockWidgetArea.BottomDockWidgetArea
        )
        window.tabifyDockWidget(window.spans_dock, self.dock)
        window.spans_dock.raise_()
        self.queue = OcrQueue(
            window.bench,
            panel=self.panel,
            page_view=window.page_view,
            text_view=window.text_view,
            differences=window.differences,
            next_page=self._next_page,
            parent=self,
        )
        self.queue.counted.connect(window.pages_model.set_unsure_of)
        self.flow = OcrFlow(
            window,
            window.tasks,
            lambda: window.project,
            settings=window.settings,
            finished=self._finished,
            region_read=self._region_read,
        )
        window.page_view.regionPicked.connect(self._region_picked)
        window.pageShown.connect(lambda _page: self.queue.load())

    def add_actions(self, menu: QMenu) -> None:
        """The OCR entries of the Tools menu."""
        w = self.window
        menu.addAction(w.make_action(self.tr("&OCR Pages…"), self.choose_pages, "Ctrl+Shift+O"))
        menu.addAction(
            w.make_action(self.tr("Read Re&gion Again"), self.pick_region, "Ctrl+Shift+R")
        )
        menu.addAction(
            w.make_action(self.tr("Next Place to &Check"), lambda: self.step(1), Qt.Key.Key_F7)
        )
        menu.addAction(
            w.make_action(self.tr("Previous Place to Check"), lambda: self.step(-1), "Shift+F7")
        )
        menu.addAction(
            w.make_action(
                self.tr("Accept Character as &Read"), self.queue.accept_current, "Ctrl+Shift+K"
            )
        )

    def step(self, delta: int) -> None:
        """Walk the checking queue (F7, Shift+F7), showing the OCR Check dock."""
        self.dock.show()
        self.dock.raise_()
        self.queue.step(delta)

    def _next_page(self, delta: int) -> bool:
        """Show the next page (in ``delta``'s direction) that has places to check."""
        w = self.window
        model = w.pages_model
        here = w.pages_table.currentIndex().row()
        row = here + delta
        while 0 <= row < model.rowCount():
            if model.to_check(model.page(row).id):
                w.select_row(row)
                return True
            row += delta
        w.statusBar().showMessage(self.tr("Nothing more to check in that direction."), BRIEF_MS)
        return False

    def refresh_shares(self) -> None:
        """Show each page's share of unsure characters in the pages list."""
        self.window.pages_model.set_unsure(unsure_shares(self.window.project))

    def choose_pages(self) -> None:
        """Ask which pages to read with OCR."""
        w = self.window
        page = w.current_page()
        pages = w.pages_model.pages()
        scopes = []
        if page is not None:
            scopes.append(("page", self.tr("This page")))
            scopes.append(("document", self.tr("Pages of this document without text")))
        scopes.append(("all", self.tr("Pages of every document without text")))

        def pages_of(scope: str) -> list[int]:
            if scope == "page" and page is not None:
                return [page.id]
            if scope == "document" and page is not None:
                return [p.id for p in pages if p.document_id == page.document_id and p.needs_text]
            return [p.id for p in pages if p.needs_text]

        self.flow.choose(scopes, pages_of)

    def offer(self, page_ids: list[int]) -> None:
        """Pages were imported without text: offer to read them now."""
        if not page_ids:
            return
        answer = QMessageBox.question(
            self.window,
            self.tr("OCR"),
            fill(
                self.tr("%1 page(s) have no text (scans). Read them with OCR now?"), len(page_ids)
            ),
        )
        if answer == QMessageBox.StandardButton.Yes:
            settings = self.window.settings
            self.flow.start(page_ids, settings.get(keys.OCR_ENGINE), settings.get(keys.OCR_DPI))

    def pick_region(self) -> None:
        """The next rectangle dragged on the page is read again."""
        if self.window.state.page_id is None or not self.window.page_view.has_image():
            return
        self.window.page_view.pick_region()
        self.window.statusBar().showMessage(
            self.tr("Drag a rectangle round the text to read again."), LONG_MS
        )

    def _region_picked(self, rect: QRectF) -> None:
        page_id = self.window.state.page_id
        if page_id is not None:
            box: Box = (rect.left(), rect.top(), rect.right(), rect.bottom())
            self.flow.choose_region(page_id, box)

    def _region_read(self, page_id: int, region: Box, text: str, evidence: str) -> None:
        w = self.window
        w.undo_stack.push(
            ReadRegion(
                self.queue.context(),
                page_id,
                (region, text, evidence),
                w.annotator(),
                self.tr("Read region again"),
            )
        )

    def _finished(self, text: str) -> None:
        self.window.statusBar().showMessage(text, LONG_MS)
        # pages read (or perhaps partly, if cancelled): their text, status and queue
        self.window.bus.publish(OpChanges(text=True, ocr=True))
