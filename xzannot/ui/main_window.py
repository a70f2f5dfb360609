"""The main window: pages at the left, the page image beside the page's text."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QEvent, QItemSelectionModel, QModelIndex, QObject, Qt, Signal
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDockWidget,
    QFileDialog,
    QHeaderView,
    QLabel,
    QMainWindow,
    QMessageBox,
    QSplitter,
    QTableView,
    QWidget,
)

from xzannot.errors import UserError
from xzannot.io.pdfium_worker import PdfiumWorker
from xzannot.io.render import PageRenderer
from xzannot.operations.relocate import adopt_file, document_path
from xzannot.store.database import Project, open_project
from xzannot.store.documents import DocumentInfo, PageInfo, list_documents, list_pages, page_content
from xzannot.ui import settings as keys
from xzannot.ui.import_flow import ImportFlow
from xzannot.ui.page_view import PageView
from xzannot.ui.pages_model import PagesModel
from xzannot.ui.settings import Settings
from xzannot.ui.tasks import TaskRunner
from xzannot.ui.text_view import TextView

PROJECT_FILTER = "xzannot projects (*.sqlite *.db);;All files (*)"
IMPORT_FILTER = "PDF and text (*.pdf *.txt *.text);;All files (*)"


class PageKeys(QObject):
    """Makes PgUp/PgDn turn pages even where the focused widget would scroll instead."""

    def __init__(self, step: Callable[[int], None], parent: QObject) -> None:
        super().__init__(parent)
        self._step = step

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in (QEvent.Type.KeyPress, QEvent.Type.ShortcutOverride):
            key = event.key()  # type: ignore[attr-defined]
            if key in (Qt.Key.Key_PageDown, Qt.Key.Key_PageUp):
                if event.type() == QEvent.Type.KeyPress:
                    self._step(1 if key == Qt.Key.Key_PageDown else -1)
                event.accept()
                return True
        return super().eventFilter(watched, event)


class MainWindow(QMainWindow):
    """The review window for one project at a time."""

    pageShown = Signal(int)

    def __init__(
        self,
        project: Project,
        worker: PdfiumWorker,
        renderer: PageRenderer,
        settings: Settings,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("MainWindow")
        self.project = project
        self.worker = worker
        self._renderer = renderer
        self._settings = settings
        self._documents: dict[int, DocumentInfo] = {}
        self._files: dict[int, Path | None] = {}  # document id -> its verified PDF
        self._current_page: int | None = None
        self.tasks = TaskRunner(self)
        self.imports = ImportFlow(self, self.tasks, worker)
        self.imports.finished.connect(self._after_import)

        self.page_view = PageView(self.tasks, renderer.render, self)
        self.text_view = TextView(self)
        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.splitter.setObjectName("PageTextSplitter")
        self.splitter.addWidget(self.page_view)
        self.splitter.addWidget(self.text_view)
        self.splitter.setSizes([600, 500])
        self.setCentralWidget(self.splitter)

        self.pages_model = PagesModel(self)
        self.pages_table = QTableView(self)
        self.pages_table.setModel(self.pages_model)
        self.pages_table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.pages_table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.pages_table.verticalHeader().hide()
        self.pages_table.horizontalHeader().setSectionResizeMode(
            QHeaderView.ResizeMode.ResizeToContents
        )
        self.pages_table.horizontalHeader().setStretchLastSection(True)
        self.pages_table.selectionModel().currentRowChanged.connect(self._on_row_changed)
        dock = QDockWidget(self.tr("Pages"), self)
        dock.setObjectName("PagesDock")
        dock.setWidget(self.pages_table)
        self.addDockWidget(Qt.DockWidgetArea.LeftDockWidgetArea, dock)
        self.pages_table.setMinimumWidth(260)
        self.pages_dock = dock

        self.page_label = QLabel(self)
        self.statusBar().addPermanentWidget(self.page_label)
        self._page_keys = PageKeys(self.step_page, self)
        for widget in (self.pages_table, self.text_view, self.page_view):
            widget.installEventFilter(self._page_keys)
        self._build_menus()
        self._restore_layout()
        if self._settings.get(keys.WINDOW_GEOMETRY).isEmpty():
            self.resize(1280, 820)
        self._load_project()

    # menus
    def _action(
        self,
        text: str,
        slot: Callable[[], object],
        shortcut: QKeySequence | QKeySequence.StandardKey | Qt.Key | str | None = None,
    ) -> QAction:
        action = QAction(text, self)
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
        action.triggered.connect(slot)
        self.addAction(action)
        return action

    def _build_menus(self) -> None:
        file_menu = self.menuBar().addMenu(self.tr("&File"))
        file_menu.addAction(
            self._action(
                self.tr("&Open Project…"), self.choose_project, QKeySequence.StandardKey.Open
            )
        )
        file_menu.addAction(
            self._action(self.tr("&New Project…"), self.new_project, QKeySequence.StandardKey.New)
        )
        file_menu.addSeparator()
        file_menu.addAction(
            self._action(self.tr("&Import PDF or Text…"), self.choose_import, "Ctrl+I")
        )
        file_menu.addAction(self._action(self.tr("Import &Reference Text…"), self.choose_reference))
        file_menu.addAction(self._action(self.tr("&Locate Missing PDF…"), self.locate_pdf))
        file_menu.addSeparator()
        file_menu.addAction(
            self._action(self.tr("&Quit"), self.close, QKeySequence.StandardKey.Quit)
        )
        view_menu = self.menuBar().addMenu(self.tr("&View"))
        view_menu.addAction(self._action(self.tr("Fit &Width"), self.page_view.fit_width, "Ctrl+0"))
        view_menu.addAction(
            self._action(
                self.tr("Zoom &In"),
                lambda: self.page_view.set_zoom(self.page_view.zoom() * 1.25),
                QKeySequence.StandardKey.ZoomIn,
            )
        )
        view_menu.addAction(
            self._action(
                self.tr("Zoom &Out"),
                lambda: self.page_view.set_zoom(self.page_view.zoom() / 1.25),
                QKeySequence.StandardKey.ZoomOut,
            )
        )
        view_menu.addSeparator()
        view_menu.addAction(self.pages_dock.toggleViewAction())
        go_menu = self.menuBar().addMenu(self.tr("&Go"))
        go_menu.addAction(
            self._action(self.tr("&Next Page"), lambda: self.step_page(1), Qt.Key.Key_PageDown)
        )
        go_menu.addAction(
            self._action(self.tr("&Previous Page"), lambda: self.step_page(-1), Qt.Key.Key_PageUp)
        )

    # project
    def _load_project(self) -> None:
        with self.project.session() as session:
            documents = list_documents(session)
            pages = list_pages(session)
        self._documents = {d.id: d for d in documents}
        self._files.clear()
        keep = self._current_page
        self.pages_model.set_pages(documents, pages)
        self.setWindowTitle(self.tr("%1 — xzannot").replace("%1", self.project.location.display))
        row = self.pages_model.row_of(keep) if keep is not None else -1
        if self.pages_model.rowCount() == 0:
            self._current_page = None
            self.page_view.show_page(None, 0, 0, 0)
            self.page_view.show_message(
                self.tr("This project is empty. Import a PDF with File ▸ Import.")
            )
            self.text_view.set_text("")
            self.page_label.setText("")
            return
        self.select_row(max(row, 0))

    def set_project(self, project: Project) -> None:
        """Show another project (the current one is closed)."""
        old = self.project
        self.project = project
        self._current_page = None
        old.close()
        self._settings.set(keys.LAST_PROJECT, project.location.url)
        self._load_project()

    def _open_path(self, path: Path, *, create: bool) -> None:
        try:
            project = open_project(path, create=create)
        except UserError as exc:
            QMessageBox.warning(self, self.tr("Open project"), str(exc))
            return
        self.set_project(project)

    def choose_project(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Open project"), "", PROJECT_FILTER)
        if path:
            self._open_path(Path(path), create=False)

    def new_project(self) -> None:
        path, _ = QFileDialog.getSaveFileName(
            self, self.tr("New project"), "project.xzannot.sqlite", PROJECT_FILTER
        )
        if path:
            self._open_path(Path(path), create=True)

    def choose_import(self) -> None:
        paths, _ = QFileDialog.getOpenFileNames(
            self, self.tr("Import PDF or text"), "", IMPORT_FILTER
        )
        if paths:
            self.imports.start(self.project, [Path(p) for p in paths])

    def choose_reference(self) -> None:
        page = self.current_page()
        if page is None:
            QMessageBox.information(
                self,
                self.tr("Import reference text"),
                self.tr("Import the document's pages first."),
            )
            return
        path, _ = QFileDialog.getOpenFileName(
            self,
            self.tr("Reference text for this document"),
            "",
            "Text (*.txt *.text);;All files (*)",
        )
        if path:
            self.imports.import_reference(self.project, Path(path), page.document_id)

    def locate_pdf(self) -> None:
        page = self.current_page()
        if page is None:
            return
        document = self._documents[page.document_id]
        path, _ = QFileDialog.getOpenFileName(
            self,
            self.tr("Where is %1?").replace("%1", Path(document.source_path).name),
            "",
            "PDF (*.pdf)",
        )
        if not path:
            return
        try:
            adopt_file(self.project, document, Path(path))
        except UserError as exc:
            QMessageBox.warning(self, self.tr("Locate PDF"), str(exc))
            return
        self._load_project()

    def _after_import(self, summary: str) -> None:
        self.statusBar().showMessage(summary, 8000)
        self._load_project()

    # pages
    def current_page(self) -> PageInfo | None:
        """The PageInfo shown, or None."""
        row = self.pages_table.currentIndex().row()
        return self.pages_model.page(row) if row >= 0 else None

    def select_row(self, row: int) -> None:
        """Show the page in ``row`` of the pages list."""
        index = self.pages_model.index(row, 0)
        self.pages_table.selectionModel().setCurrentIndex(
            index,
            QItemSelectionModel.SelectionFlag.ClearAndSelect
            | QItemSelectionModel.SelectionFlag.Rows,
        )

    def step_page(self, delta: int) -> None:
        """Go to the next (1) or previous (-1) page."""
        row = self.pages_table.currentIndex().row() + delta
        if 0 <= row < self.pages_model.rowCount():
            self.select_row(row)

    def _on_row_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if current.isValid():
            self.show_page(self.pages_model.page(current.row()).id)

    def show_page(self, page_id: int) -> None:
        """Show a page's image and text."""
        try:
            with self.project.session() as session:
                content = page_content(session, page_id)
        except UserError as exc:
            self.statusBar().showMessage(str(exc), 8000)
            return
        page = content.page
        self._current_page = page.id
        self.text_view.set_text(content.current)
        document = self._documents[page.document_id]
        if document.kind == "pdf":
            if document.id not in self._files:
                self._files[document.id] = document_path(self.project, document)
            source = self._files[document.id]
            if source is None:
                self.page_view.show_page(None, 0, 0, 0)
                self.page_view.show_message(
                    self.tr(
                        "The PDF %1 is missing or has changed since it was imported. "
                        "Use File ▸ Locate Missing PDF… to point to it."
                    ).replace("%1", document.source_path)
                )
            else:
                self.page_view.show_page(source, page.number, page.width, page.height)
        else:
            self.page_view.show_page(None, page.number, 0, 0)
        label = f" ({self.tr('printed')} {page.printed_label})" if page.printed_label else ""
        self.page_label.setText(
            self.tr("%1 · page %2 of %3")
            .replace("%1", document.title)
            .replace("%2", str(page.number))
            .replace("%3", str(document.page_count))
            + label
        )
        self.pageShown.emit(page.id)

    # layout
    def _restore_layout(self) -> None:
        geometry = self._settings.get(keys.WINDOW_GEOMETRY)
        if not geometry.isEmpty():
            self.restoreGeometry(geometry)
        state = self._settings.get(keys.WINDOW_STATE)
        if not state.isEmpty():
            self.restoreState(state)
        splitter = self._settings.get(keys.SPLITTER_STATE)
        if not splitter.isEmpty():
            self.splitter.restoreState(splitter)

    def closeEvent(self, event: QCloseEvent) -> None:
        self._settings.set(keys.WINDOW_GEOMETRY, self.saveGeometry())
        self._settings.set(keys.WINDOW_STATE, self.saveState())
        self._settings.set(keys.SPLITTER_STATE, self.splitter.saveState())
        self._settings.set(keys.LAST_PROJECT, self.project.location.url)
        self._settings.sync()
        super().closeEvent(event)
