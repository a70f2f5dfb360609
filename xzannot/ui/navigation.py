"""Moving through the pages list: next and previous page, the next page to do, a page by its
printed number; and showing the page chosen (image, text, spans, where it is)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QItemSelectionModel, QModelIndex, QObject, Qt, Signal
from PySide6.QtWidgets import QInputDialog

from xzannot.core.pages import PageStatus
from xzannot.errors import UserError
from xzannot.operations import showing
from xzannot.operations.browsing import DocumentInfo, PageInfo
from xzannot.operations.relocate import document_path
from xzannot.operations.team import assignments, next_page
from xzannot.ui.common import fill
from xzannot.ui.page_state import PageData

if TYPE_CHECKING:
    from xzannot.operations.showing import ShownPage
    from xzannot.ui.main_window import MainWindow

ROWS = QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows


class PageKeys(QObject):
    """Makes PgUp/PgDn turn pages even where the focused widget would scroll instead."""

    def __init__(self, step: Callable[[int], None], parent: QObject) -> None:
        super().__init__(parent)
        self._step = step

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in (QEvent.Type.KeyPress, QEvent.Type.ShortcutOverride):
            key = event.key()  # type: ignore[attr-defined]
            modifiers = event.modifiers()  # type: ignore[attr-defined]
            plain = modifiers == Qt.KeyboardModifier.NoModifier
            if plain and key in (Qt.Key.Key_PageDown, Qt.Key.Key_PageUp):
                if event.type() == QEvent.Type.KeyPress:
                    self._step(1 if key == Qt.Key.Key_PageDown else -1)
                event.accept()
                return True
        return super().eventFilter(watched, event)


class Navigation(QObject):
    """Chooses the page shown, and shows it."""

    pageShown = Signal(int)

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.documents: dict[int, DocumentInfo] = {}
        self.files: dict[int, Path | None] = {}  # document id -> its verified PDF
        self.keys = PageKeys(self.step_page, self)
        window.pages_table.selectionModel().currentRowChanged.connect(self._on_page_row)

    def current_page(self) -> PageInfo | None:
        """The PageInfo shown, or None."""
        row = self.window.pages_table.currentIndex().row()
        return self.window.pages_model.page(row) if row >= 0 else None

    def select_row(self, row: int) -> None:
        """Show the page in ``row`` of the pages list."""
        index = self.window.pages_model.index(row, 0)
        self.window.pages_table.selectionModel().setCurrentIndex(index, ROWS)

    def select_page(self, page_id: int) -> bool:
        """Show a page by id, if the list has it."""
        row = self.window.pages_model.row_of(page_id)
        if row >= 0:
            self.select_row(row)
        return row >= 0

    def step_page(self, delta: int) -> None:
        """Go to the next (1) or previous (-1) page."""
        row = self.window.pages_table.currentIndex().row() + delta
        if 0 <= row < self.window.pages_model.rowCount():
            self.select_row(row)

    def next_unfinished(self) -> None:
        """Go to the next page to do: of the annotator's own pages when they were given some
        (not done by them), otherwise the next page (after this one, wrapping round) that is
        not done."""
        w = self.window
        annotator = w.annotator()
        if any(a.annotator == annotator for a in assignments(w.project)):
            found = next_page(w.project, annotator, after=w.state.page_id)
            if found is None:
                w.status.say(self.tr("Every page given to you is done."))
            elif not self.select_page(found):
                w.status.say(self.tr("Your next page is not in the pages list."))
            return
        pages = self.window.pages_model.pages()
        here = self.window.pages_table.currentIndex().row()
        for step in range(1, len(pages) + 1):
            row = (here + step) % len(pages)
            if pages[row].review_status is not PageStatus.DONE:
                self.select_row(row)
                return
        self.window.status.say(self.tr("Every page is done."))

    def go_to(self, text: str) -> bool:
        """Go to a page by its printed label (in this document) or its number."""
        text = text.strip()
        here = self.current_page()
        pages = self.window.pages_model.pages()
        same_doc = [p for p in pages if here is None or p.document_id == here.document_id]
        target = next((p for p in same_doc if p.printed_label == text), None)
        if target is None and text.isdigit():
            target = next((p for p in same_doc if p.number == int(text)), None)
        if target is None:
            self.window.status.say(fill(self.tr("No page %1 in this document."), text))
            return False
        return self.select_page(target.id)

    def ask_page(self) -> None:
        text, ok = QInputDialog.getText(
            self.window, self.tr("Go to page"), self.tr("Printed page (e.g. 22) or page number:")
        )
        if ok and text.strip():
            self.go_to(text)

    def _on_page_row(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if current.isValid():
            self.show_page(self.window.pages_model.page(current.row()).id)

    def show_page(self, page_id: int) -> None:
        """Show a page's image, text and spans."""
        w = self.window
        try:
            shown = showing.show_page(w.project, page_id)
        except UserError as exc:
            w.status.tell(str(exc))
            return
        page = shown.content.page
        document = self.documents[page.document_id]
        try:  # the layers the annotator sees of the page
            spans = w.team.layers.spans(page_id, len(shown.spans))
        except UserError as exc:
            w.status.tell(str(exc))
            return
        data = PageData(page, document, shown.content.current, shown.content.boxes, spans)
        w.state.set_page(data)
        w.suspect_banner.show_reason(page.suspect)
        w.pages_model.update_page(page, len(shown.spans))
        self._show_image(shown, document)
        printed = fill(self.tr("printed %1"), page.printed_label or "")
        label = f" ({printed})" if page.printed_label else ""
        w.status.page_label.setText(
            fill(self.tr("%1 · page %2 of %3"), document.title, page.number, document.page_count)
            + label
        )
        w.collating.refresh()
        self.pageShown.emit(page.id)

    def _show_image(self, shown: ShownPage, document: DocumentInfo) -> None:
        view, image, page = self.window.page_view, shown.image, shown.content.page
        if image is None:
            view.show_page(None, page.number, 0, 0)
            return
        if image.path != document.source_path:  # an OCR file's image
            found: Path | None = Path(image.path)
            if found is None or not found.is_file():
                view.show_page(None, 0, 0, 0)
                view.show_message(fill(self.tr("The image %1 is missing."), image.path))
                return
        else:
            if document.id not in self.files:
                self.files[document.id] = document_path(self.window.project, document)
            found = self.files[document.id]
            if found is None:
                view.show_page(None, 0, 0, 0)
                view.show_message(
                    fill(
                        self.tr(
                            "The PDF %1 is missing or has changed since it was imported. "
                            "Use File ▸ Locate Missing PDF… to point to it."
                        ),
                        document.source_path,
                    )
                )
                return
        view.show_page(found, image.index + 1, page.width, page.height, image.skew)
