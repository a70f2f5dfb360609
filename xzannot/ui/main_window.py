"""The review window: the page image beside the page's text, with pages, spans and labels docked."""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from pathlib import Path

from PySide6.QtCore import QEvent, QItemSelectionModel, QLocale, QModelIndex, QObject, Qt, Signal
from PySide6.QtGui import QAction, QActionGroup, QCloseEvent, QKeySequence, QUndoStack
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDockWidget,
    QFileDialog,
    QHeaderView,
    QInputDialog,
    QLabel,
    QMainWindow,
    QMenuBar,
    QMessageBox,
    QSplitter,
    QTableView,
    QWidget,
)

from xzannot.core.edits import Edit, apply_edit, follow
from xzannot.core.pages import PageStatus
from xzannot.core.spans import SpanInfo
from xzannot.errors import DamagedProjectError, UserError
from xzannot.io.pdfium_worker import PdfiumWorker
from xzannot.io.render import PageRenderer
from xzannot.operations import showing
from xzannot.operations.relocate import adopt_file, document_path
from xzannot.operations.reviewing import corrections
from xzannot.store.collation import agreements
from xzannot.store.database import Project, open_project
from xzannot.store.documents import (
    DocumentInfo,
    PageInfo,
    get_page_info,
    list_documents,
    list_pages,
    page_content,
)
from xzannot.store.labels import list_labels
from xzannot.store.spans import list_spans, span_counts
from xzannot.ui import settings as keys
from xzannot.ui.backups import Backups
from xzannot.ui.collating import Collating
from xzannot.ui.collation_view import CollationView
from xzannot.ui.corpus_flow import CorpusFlow
from xzannot.ui.correcting import Correcting
from xzannot.ui.corrections_panel import CorrectionsPanel
from xzannot.ui.damage import offer_backup
from xzannot.ui.diff_dialog import DiffDialog
from xzannot.ui.differences_panel import DifferencesPanel
from xzannot.ui.guide_dialog import GuideDialog
from xzannot.ui.i18n import LANGUAGES
from xzannot.ui.import_flow import ImportFlow
from xzannot.ui.label_palette import LabelPalette
from xzannot.ui.labelling import Labelling
from xzannot.ui.ocr_tools import OcrTools
from xzannot.ui.page_state import PageData, PageState
from xzannot.ui.page_view import PageView
from xzannot.ui.pages_model import PagesModel
from xzannot.ui.reference_dialog import ReferenceDialog
from xzannot.ui.settings import Settings
from xzannot.ui.span_editor import SpanEditor
from xzannot.ui.spans_model import SpansModel
from xzannot.ui.suggesting import Suggesting
from xzannot.ui.suspect_banner import SuspectBanner, with_banner
from xzannot.ui.tasks import TaskRunner
from xzannot.ui.text_view import TextView

PROJECT_FILTER = "xzannot projects (*.sqlite *.db);;All files (*)"
IMPORT_FILTER = (
    "PDFs, scans, OCR files and text "
    "(*.pdf *.tif *.tiff *.jpg *.jpeg *.png *.hocr *.html *.xml *.txt *.text);;All files (*)"
)
Shortcut = QKeySequence | QKeySequence.StandardKey | Qt.Key | str | None


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


def _table(model: object, parent: QWidget, widths: list[int] | None = None) -> QTableView:
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
    if widths is None:  # few resets (a project loads): fit the columns to their content
        table.model().modelReset.connect(table.resizeColumnsToContents)
    else:  # reset on every page: fitting would ask every cell for its text each time
        for column, width in enumerate(widths):
            table.setColumnWidth(column, width)
    return table


class MainWindow(QMainWindow):
    """The review window for one project at a time."""

    pageShown = Signal(int)
    saved = Signal()

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
        self._settings = settings
        self._documents: dict[int, DocumentInfo] = {}
        self._files: dict[int, Path | None] = {}  # document id -> its verified PDF
        self.tasks = TaskRunner(self)
        self.imports = ImportFlow(self, self.tasks, worker)
        self.imports.finished.connect(self._after_import)
        self.undo_stack = QUndoStack(self)
        self.state = PageState(self)
        self.labelling = Labelling(
            self.state, self.undo_stack, lambda: self.project, self.annotator, self
        )
        self.labelling.changed.connect(self.after_change)
        self.labelling.failed.connect(self._change_failed)
        self.labelling.message.connect(lambda text: self.statusBar().showMessage(text, 5000))
        self.correcting = Correcting(
            self.state, self.undo_stack, lambda: self.project, self.annotator, self
        )
        self.correcting.textChanged.connect(self.after_text_change)
        self.correcting.reviewed.connect(self.after_text_change)
        self.correcting.failed.connect(self._change_failed)
        self._typing = False
        self._build_flows(renderer)

        self.page_view = PageView(self.tasks, renderer.render, self.state, self)
        self.text_view = TextView(self.state, self)
        self.text_view.typed.connect(self._typed)
        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.splitter.setObjectName("PageTextSplitter")
        self.splitter.addWidget(self.page_view)
        self.suspect_banner = SuspectBanner(self)
        self.splitter.addWidget(with_banner(self.suspect_banner, self.text_view))
        self.splitter.setSizes([600, 500])
        self.setCentralWidget(self.splitter)

        self._build_docks()
        self.ocr = OcrTools(self)
        self.backups = Backups(self, self.tasks, settings, project)

        self.page_label = QLabel(self)
        self.saved_label = QLabel(self)
        self.statusBar().addPermanentWidget(self.page_label)
        self.statusBar().addPermanentWidget(self.saved_label)
        self._page_keys = PageKeys(self.step_page, self)
        for widget in (self.pages_table, self.text_view, self.page_view, self.spans_table):
            widget.installEventFilter(self._page_keys)
        self._build_menus()
        self._restore_layout()
        if self._settings.get(keys.WINDOW_STATE).isEmpty():
            self.resize(1280, 860)
            self.resizeDocks([self.pages_dock], [390], Qt.Orientation.Horizontal)
            self.resizeDocks([self.spans_dock], [210], Qt.Orientation.Vertical)
            self.resizeDocks(
                [self.spans_dock, self.editor_dock], [700, 500], Qt.Orientation.Horizontal
            )
        self._load_project(restore=True)

    def _build_flows(self, renderer: PageRenderer) -> None:
        """The longer tasks started from the menus: suggesting, export, span import."""
        self.suggesting = Suggesting(self, self.tasks, lambda: self.project)
        self.suggesting.finished.connect(self._after_suggesting)
        self.corpus = CorpusFlow(self, self.tasks, lambda: self.project, renderer, self.annotator)
        self.corpus.finished.connect(lambda text: self.statusBar().showMessage(text, 8000))
        self.corpus.imported.connect(self._load_project)
        self.guide: GuideDialog | None = None
        self.reference_dialog: ReferenceDialog | None = None
        self.collating = Collating(
            self.state,
            self.undo_stack,
            lambda: self.project,
            self.annotator,
            window=self,
            tasks=self.tasks,
        )
        self.collating.textChanged.connect(self.after_text_change)
        self.collating.settled.connect(lambda _page: self.collating.refresh())
        self.collating.failed.connect(self._change_failed)
        self.collating.message.connect(lambda text: self.statusBar().showMessage(text, 8000))

    def _build_docks(self) -> None:
        self.pages_model = PagesModel(self)
        self.pages_table = _table(self.pages_model, self)
        self.pages_table.setMinimumWidth(260)
        self.pages_table.selectionModel().currentRowChanged.connect(self._on_page_row)
        self.spans_model = SpansModel(self)
        self.spans_table = _table(self.spans_model, self, widths=[120, 260, 70, 80, 160])
        self.spans_table.selectionModel().currentRowChanged.connect(self._on_span_row)
        self.palette_widget = LabelPalette(self)
        self.palette_widget.labelChosen.connect(self.labelling.apply_label)
        self.editor = SpanEditor(self)
        self.editor.changeRequested.connect(self.labelling.change)
        self.pages_dock = self._dock(
            self.tr("Pages"), "PagesDock", self.pages_table, Qt.DockWidgetArea.LeftDockWidgetArea
        )
        self.labels_dock = self._dock(
            self.tr("Labels"),
            "LabelsDock",
            self.palette_widget,
            Qt.DockWidgetArea.LeftDockWidgetArea,
        )
        self.spans_dock = self._dock(
            self.tr("Spans"), "SpansDock", self.spans_table, Qt.DockWidgetArea.BottomDockWidgetArea
        )
        self.editor_dock = self._dock(
            self.tr("Span"), "SpanDock", self.editor, Qt.DockWidgetArea.BottomDockWidgetArea
        )
        self.corrections = CorrectionsPanel(self)
        self.corrections.acceptRequested.connect(self.correcting.accept)
        self.corrections.revertRequested.connect(self.correcting.revert)
        self.corrections.rangePicked.connect(self.text_view.select_range)
        self.corrections_dock = self._dock(
            self.tr("Corrections"),
            "CorrectionsDock",
            self.corrections,
            Qt.DockWidgetArea.BottomDockWidgetArea,
        )
        self.differences = DifferencesPanel(self)
        self.collation_view = CollationView(
            self.collating, self.differences, self.text_view, self.pages_model, self.state
        )
        self.differences_dock = self._dock(
            self.tr("Reference"),
            "ReferenceDock",
            self.differences,
            Qt.DockWidgetArea.BottomDockWidgetArea,
        )
        self.tabifyDockWidget(self.spans_dock, self.corrections_dock)
        self.tabifyDockWidget(self.spans_dock, self.differences_dock)
        self.corrections_dock.visibilityChanged.connect(
            lambda visible: self._show_corrections() if visible else None
        )
        self.spans_dock.raise_()
        self.state.pageChanged.connect(self._show_corrections)

        self.state.pageChanged.connect(self._show_spans)
        self.state.spansChanged.connect(self._show_spans)
        self.state.spanSelected.connect(self._on_span_selected)

    @property
    def settings(self) -> Settings:
        """The window's preferences."""
        return self._settings

    def add_dock(
        self, title: str, name: str, widget: QWidget, area: Qt.DockWidgetArea
    ) -> QDockWidget:
        """A dock holding ``widget``, saved with the window's layout under ``name``."""
        return self._dock(title, name, widget, area)

    def make_action(
        self, text: str, slot: Callable[[], object], shortcut: Shortcut = None
    ) -> QAction:
        """A menu action calling ``slot``."""
        return self._action(text, slot, shortcut)

    def change_failed(self, message: str) -> None:
        """A change could not be saved: say why and show what is stored."""
        self._change_failed(message)

    def reload_project(self) -> None:
        """Read the project's documents and pages again (after OCR, an import)."""
        self._load_project()

    def _dock(self, title: str, name: str, widget: QWidget, area: Qt.DockWidgetArea) -> QDockWidget:
        dock = QDockWidget(title, self)
        dock.setObjectName(name)
        dock.setWidget(widget)
        self.addDockWidget(area, dock)
        return dock

    # who is working
    def annotator(self) -> str:
        """The name recorded on new spans (asked once, then kept in preferences)."""
        name = self._settings.get(keys.ANNOTATOR)
        if name:
            return name
        import getpass

        default = getpass.getuser()
        name, ok = QInputDialog.getText(
            self,
            self.tr("Your name"),
            self.tr("The name recorded on every span you mark:"),
            text=default,
        )
        name = name.strip() if ok and name.strip() else default
        self._settings.set(keys.ANNOTATOR, name)
        return name

    # menus
    def _action(self, text: str, slot: Callable[[], object], shortcut: Shortcut = None) -> QAction:
        action = QAction(text, self)
        if shortcut is not None:
            action.setShortcut(QKeySequence(shortcut))
        # triggered(bool) would fill a lambda's first default argument: call the slot bare
        action.triggered.connect(lambda _checked=False: slot())
        self.addAction(action)
        return action

    def _build_menus(self) -> None:
        bar = self.menuBar()
        file_menu = bar.addMenu(self.tr("&File"))
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
            self._action(self.tr("&Export Corpus…"), self.corpus.open_export, "Ctrl+Shift+E")
        )
        file_menu.addAction(self._action(self.tr("Import &Spans…"), self.corpus.choose_span_files))
        file_menu.addSeparator()
        self.backups.add_actions(file_menu)
        file_menu.addSeparator()
        file_menu.addAction(
            self._action(self.tr("&Quit"), self.close, QKeySequence.StandardKey.Quit)
        )

        edit_menu = bar.addMenu(self.tr("&Edit"))
        undo = self.undo_stack.createUndoAction(self, self.tr("&Undo"))
        undo.setShortcuts([QKeySequence(QKeySequence.StandardKey.Undo)])
        redo = self.undo_stack.createRedoAction(self, self.tr("&Redo"))
        redo.setShortcuts([QKeySequence("Ctrl+Shift+Z"), QKeySequence("Ctrl+Y")])
        for action in (undo, redo):
            self.addAction(action)
            edit_menu.addAction(action)
        edit_menu.addSeparator()
        self.accept_action = self._action(
            self.tr("&Accept Span"), self.labelling.accept, Qt.Key.Key_Return
        )
        self.accept_action.setShortcuts(
            [QKeySequence(Qt.Key.Key_Return), QKeySequence(Qt.Key.Key_Enter)]
        )
        edit_menu.addAction(self.accept_action)
        edit_menu.addAction(
            self._action(
                self.tr("&Reject Suggestion or Delete Span"),
                self.labelling.reject_or_delete,
                Qt.Key.Key_Delete,
            )
        )
        edit_menu.addAction(
            self._action(self.tr("&Delete Span"), self.labelling.delete, "Shift+Delete")
        )
        edit_menu.addSeparator()
        self.correct_action = self._action(
            self.tr("&Correct Text"), self._toggle_correcting, "Ctrl+E"
        )
        self.correct_action.setCheckable(True)
        edit_menu.addAction(self.correct_action)

        self._build_view_menus(bar)

    def _build_view_menus(self, bar: QMenuBar) -> None:
        self.label_menu = bar.addMenu(self.tr("&Label"))

        view_menu = bar.addMenu(self.tr("&View"))
        view_menu.addAction(
            self._action(self.tr("&Compare with Original…"), self.show_diff, "Ctrl+Shift+C")
        )
        view_menu.addSeparator()
        view_menu.addAction(self._action(self.tr("Fit &Width"), self.page_view.fit_width, "Ctrl+0"))
        view_menu.addAction(self._action(self.tr("Fit &Page"), self.page_view.fit_page, "Ctrl+9"))
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
        for dock in (
            self.pages_dock,
            self.labels_dock,
            self.spans_dock,
            self.editor_dock,
            self.corrections_dock,
            self.differences_dock,
        ):
            view_menu.addAction(dock.toggleViewAction())
        view_menu.addSeparator()
        language_menu = view_menu.addMenu(self.tr("&Language"))
        self.language_group = QActionGroup(self)
        chosen = self._settings.get(keys.LANGUAGE)
        for code, name in LANGUAGES.items():
            action = QAction(self.tr("System") if not code else name, self.language_group)
            action.setCheckable(True)
            action.setChecked(code == chosen)
            action.setData(code)
            language_menu.addAction(action)
        self.language_group.triggered.connect(self._choose_language)

        go_menu = bar.addMenu(self.tr("&Go"))
        go_menu.addAction(
            self._action(self.tr("&Next Page"), lambda: self.step_page(1), Qt.Key.Key_PageDown)
        )
        go_menu.addAction(
            self._action(self.tr("&Previous Page"), lambda: self.step_page(-1), Qt.Key.Key_PageUp)
        )
        go_menu.addAction(
            self._action(self.tr("Next Page &to Do"), self.next_unfinished, "Shift+PgDown")
        )
        go_menu.addAction(self._action(self.tr("&Go to Page…"), self.ask_page, "Ctrl+G"))

        page_menu = bar.addMenu(self.tr("&Page"))
        for text, status, key in (
            (self.tr("Mark Page &to Do"), PageStatus.TODO, "Ctrl+Shift+T"),
            (self.tr("Mark Page &in Progress"), PageStatus.IN_PROGRESS, "Ctrl+Shift+P"),
            (self.tr("Mark Page &Done"), PageStatus.DONE, "Ctrl+Shift+D"),
        ):
            page_menu.addAction(
                self._action(text, partial(self.labelling.set_page_status, status), key)
            )

        tools_menu = bar.addMenu(self.tr("&Tools"))
        tools_menu.addAction(
            self._action(self.tr("&Suggest Spans on This Page"), self.suggest_page, "Ctrl+Shift+S")
        )
        tools_menu.addAction(
            self._action(
                self.tr("Suggest Spans on &All Pages"),
                lambda: self.suggesting.start(None),
                "Ctrl+Alt+Shift+S",
            )
        )
        tools_menu.addSeparator()
        tools_menu.addAction(
            self._action(self.tr("Pre-annotation &Rules…"), self.suggesting.edit_rules)
        )
        tools_menu.addSeparator()
        self.ocr.add_actions(tools_menu)
        tools_menu.addSeparator()
        tools_menu.addAction(
            self._action(self.tr("&Collate All Pages"), self.collating.collate_all)
        )
        tools_menu.addAction(
            self._action(
                self.tr("&Next Difference"), lambda: self._step_difference(1), Qt.Key.Key_F8
            )
        )
        tools_menu.addAction(
            self._action(
                self.tr("&Previous Difference"), lambda: self._step_difference(-1), "Shift+F8"
            )
        )
        tools_menu.addAction(
            self._action(self.tr("&Accept Difference"), self._accept_difference, "Ctrl+Shift+A")
        )
        tools_menu.addAction(
            self._action(self.tr("Re&ject Difference"), self._reject_difference, "Ctrl+Shift+X")
        )

        help_menu = bar.addMenu(self.tr("&Help"))
        help_menu.addAction(
            self._action(
                self.tr("Annotation &Guide"), self.show_guide, QKeySequence.StandardKey.HelpContents
            )
        )

    def _set_labels(self) -> None:
        with self.project.session() as session:
            labels = list_labels(session)
        self.labelling.set_labels(labels)
        self.palette_widget.set_labels(labels)
        self.editor.set_labels(labels)
        self.spans_model.set_labels(labels)
        self.text_view.set_labels(labels)
        self.page_view.overlay.set_labels(labels)
        for action in getattr(self, "_label_actions", []):
            self.removeAction(action)
            action.deleteLater()
        self.label_menu.clear()
        self._label_actions = []
        for label in labels:
            action = self._action(
                f"{label.name_zh} {label.name_en}",
                partial(self.labelling.apply_label, label.key),
                label.shortcut,
            )
            self.label_menu.addAction(action)
            self._label_actions.append(action)

    def _choose_language(self, action: QAction) -> None:
        self._settings.set(keys.LANGUAGE, str(action.data()))
        self.statusBar().showMessage(
            self.tr("The language changes when xzannot is started again."), 8000
        )

    # project
    def _load_project(self, *, restore: bool = False) -> None:
        self._set_labels()
        with self.project.session() as session:
            documents = list_documents(session)
            pages = list_pages(session)
            counts = span_counts(session)
            agreed = list(agreements(session).values())
        self._documents = {d.id: d for d in documents}
        self._files.clear()
        keep = self.state.page_id
        if restore:
            keep = self._settings.get(keys.last_page(self.project.location.url)) or None
        self.pages_model.set_pages(documents, pages, counts)
        self.pages_model.set_agreements(agreed)
        self.ocr.refresh_shares()
        title = self.tr("%1 — xzannot").replace("%1", self.project.location.display)
        if self.project.read_only is not None:  # said once, and kept in the title
            title = self.tr("%1 (read-only)").replace("%1", title)
            self.saved_label.setText(self.tr("Read-only"))
            self.statusBar().showMessage(
                self.tr(
                    "This project cannot be written (%1): pages can be viewed, collated and "
                    "exported, but changes are not saved."
                ).replace("%1", self.project.read_only)
            )
        self.setWindowTitle(title)
        if self.pages_model.rowCount() == 0:
            self.state.set_page(None)
            self.page_view.show_page(None, 0, 0, 0)
            self.page_view.show_message(
                self.tr("This project is empty. Import a PDF with File ▸ Import.")
            )
            self.page_label.setText("")
            return
        row = self.pages_model.row_of(keep) if keep is not None else -1
        self.select_row(max(row, 0))
        if restore:
            self._restore_view()

    def _restore_view(self) -> None:
        url = self.project.location.url
        zoom = self._settings.get(keys.last_zoom(url))
        if zoom > 0:
            self.page_view.set_zoom(zoom)
        selection = self._settings.get(keys.last_selection(url))
        if selection and self.state.data is not None:
            try:
                start, end = (int(part) for part in selection.split(","))
            except ValueError:
                return
            if 0 <= start <= end <= len(self.state.data.text):
                self.state.select_text(start, end)

    def _save_view(self) -> None:
        url = self.project.location.url
        if self.state.page_id is not None:
            self._settings.set(keys.last_page(url), self.state.page_id)
        self._settings.set(
            keys.last_zoom(url), 0.0 if self.page_view.fits_width() else self.page_view.zoom()
        )
        start, end = self.state.selection
        self._settings.set(keys.last_selection(url), f"{start},{end}")

    def set_project(self, project: Project) -> None:
        """Show another project (the current one is closed)."""
        self._save_view()
        old = self.project
        self.project = project
        self.undo_stack.clear()
        self.state.set_page(None)
        self.collating.forget_references()  # reference ids are the old project's
        self.backups.switch_to(project)  # a last copy of the project left, if it changed
        old.close()
        self._settings.set(keys.LAST_PROJECT, project.location.url)
        self._load_project(restore=True)

    def _open_path(self, path: Path, *, create: bool) -> None:
        try:
            project = open_project(path, create=create)
        except DamagedProjectError as exc:
            if not offer_backup(self, exc):
                return
            self._open_path(path, create=False)
            return
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
            self, self.tr("Import PDFs, scans or text"), "", IMPORT_FILTER
        )
        if paths:
            self.imports.start(self.project, [Path(p) for p in paths])

    def choose_reference(self) -> None:
        """Add a reference witness (a file, or pasted text) after the reviewer has checked it."""
        if not self._documents:
            QMessageBox.information(
                self,
                self.tr("Import reference text"),
                self.tr("Import the document's pages first."),
            )
            return
        page = self.current_page()
        self.reference_dialog = ReferenceDialog(
            self.project,
            list(self._documents.values()),
            page.document_id if page else None,
            self,
        )
        self.reference_dialog.accepted.connect(self._reference_stored)
        self.reference_dialog.open()

    def _reference_stored(self) -> None:
        outcome = self.reference_dialog.outcome if self.reference_dialog else None
        if outcome is None:
            return
        if outcome.already_present:
            text = self.tr("That reference text was already stored.")
        else:
            text = self.tr("Stored a reference text of %1 characters.").replace(
                "%1", str(outcome.characters)
            )
        self.statusBar().showMessage(text, 8000)
        self.collating.refresh()
        self.differences_dock.show()
        self.differences_dock.raise_()

    def locate_pdf(self) -> None:
        page = self.current_page()
        if page is None:
            return
        document = self._documents[page.document_id]
        title = self.tr("Where is %1?").replace("%1", Path(document.source_path).name)
        path, _ = QFileDialog.getOpenFileName(self, title, "", "PDF (*.pdf)")
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
        self.ocr.offer(self.imports.needing_text)

    # collation
    def _step_difference(self, delta: int) -> None:
        self.differences_dock.show()
        self.differences_dock.raise_()
        self.collation_view.step(delta)

    def _accept_difference(self) -> None:
        difference = self.differences.current()
        if difference is not None:
            self.collating.accept(difference)

    def _reject_difference(self) -> None:
        difference = self.differences.current()
        if difference is not None:
            self.collating.reject(difference)

    # suggestions and the guide
    def suggest_page(self) -> None:
        """Run the pre-annotation rules over the shown page."""
        if self.state.page_id is not None:
            self.suggesting.start([self.state.page_id])

    def _after_suggesting(self, summary: str) -> None:
        self.statusBar().showMessage(summary, 8000)
        self._load_project()

    def show_guide(self) -> None:
        """Show the annotation guide in the window's language, beside the window."""
        if self.guide is None:
            language = self._settings.get(keys.LANGUAGE) or QLocale.system().name()
            self.guide = GuideDialog(language, self)
        self.guide.show()
        self.guide.raise_()

    # correcting text
    def _toggle_correcting(self) -> None:
        on = self.correct_action.isChecked()
        self.text_view.set_editing(on)
        self.statusBar().showMessage(
            self.tr("Correction mode: what you type is saved as corrections.")
            if on
            else self.tr("Labelling mode."),
            5000,
        )
        if on:
            self.text_view.setFocus()

    def _typed(self, edit: Edit) -> None:
        data = self.state.data
        if data is None:
            return
        self._typing = True
        try:
            shown = data.text
            data.text = apply_edit(data.text, edit)
            data.boxes = follow(data.boxes, edit)  # type: ignore[assignment]
            self.correcting.typed(edit, shown)
        finally:
            self._typing = False

    def after_text_change(self, page_id: int) -> None:
        """A page's text (or its corrections' review) changed and was saved: show it."""
        if page_id != self.state.page_id:
            row = self.pages_model.row_of(page_id)
            if row >= 0:
                self.select_row(row)
            return
        with self.project.session() as session:
            content = page_content(session, page_id)
            spans = list_spans(session, page_id)
        self.state.set_text(content.current, content.boxes)
        self.state.set_spans(spans)
        self._show_corrections()
        self.collating.refresh()
        self.saved_label.setText(self.tr("✓ Saved"))
        self.saved.emit()

    def _show_corrections(self) -> None:
        if not self.corrections.isVisible():
            return  # refreshed when its dock is shown: no work on every page switch
        page_id = self.state.page_id
        if page_id is None:
            self.corrections.show_corrections([])
            return
        with self.project.session() as session:
            self.corrections.show_corrections(corrections(session, page_id))

    def show_diff(self) -> None:
        """Show the page's original text against its corrected text."""
        page_id = self.state.page_id
        if page_id is None:
            return
        with self.project.session() as session:
            content = page_content(session, page_id)
        title = self.page_label.text()
        self.diff_dialog = DiffDialog(content.original, content.current, title, self)
        self.diff_dialog.show()

    # saving
    def after_change(self, page_id: int, span: SpanInfo | None = None) -> None:
        """A change to ``page_id`` was saved: show it (going to that page if need be).

        A span change on the shown page is applied to what is shown, without reading
        the page again; anything else reloads the page's spans and status.
        """
        if page_id != self.state.page_id:
            row = self.pages_model.row_of(page_id)
            if row >= 0:
                self.select_row(row)
            self._reload_current()
        elif span is not None and self.state.data is not None:
            self.state.put_span(span)
            self.pages_model.update_page(self.state.data.page, len(self.state.spans))
        else:
            self._reload_current()
        self.saved_label.setText(self.tr("✓ Saved"))
        self.saved_label.setToolTip(self.tr("Every change is saved to the project at once."))
        self.saved.emit()

    def _reload_current(self) -> None:
        page_id = self.state.page_id
        if page_id is None:
            return
        with self.project.session() as session:
            spans = list_spans(session, page_id)
            page = get_page_info(session, page_id)
            content = page_content(session, page_id)
        if self.state.data is not None:
            self.state.data.page = page
            if content.current != self.state.data.text:  # changed elsewhere meanwhile
                self.state.set_text(content.current, content.boxes)
        self.state.set_spans(spans)
        self.pages_model.update_page(page, len(spans))

    def _change_failed(self, message: str) -> None:
        self.saved_label.setText(self.tr("Not saved"))
        QMessageBox.warning(self, self.tr("Not saved"), message)
        self._reload_current()

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

    def next_unfinished(self) -> None:
        """Go to the next page (after this one, wrapping round) that is not done."""
        pages = self.pages_model.pages()
        here = self.pages_table.currentIndex().row()
        for step in range(1, len(pages) + 1):
            row = (here + step) % len(pages)
            if pages[row].review_status is not PageStatus.DONE:
                self.select_row(row)
                return
        self.statusBar().showMessage(self.tr("Every page is done."), 5000)

    def go_to(self, text: str) -> bool:
        """Go to a page by its printed label (in this document) or its number."""
        text = text.strip()
        here = self.current_page()
        pages = self.pages_model.pages()
        same_doc = [p for p in pages if here is None or p.document_id == here.document_id]
        target = next((p for p in same_doc if p.printed_label == text), None)
        if target is None and text.isdigit():
            target = next((p for p in same_doc if p.number == int(text)), None)
        if target is None:
            self.statusBar().showMessage(
                self.tr("No page %1 in this document.").replace("%1", text), 5000
            )
            return False
        self.select_row(self.pages_model.row_of(target.id))
        return True

    def ask_page(self) -> None:
        text, ok = QInputDialog.getText(
            self, self.tr("Go to page"), self.tr("Printed page (e.g. 22) or page number:")
        )
        if ok and text.strip():
            self.go_to(text)

    def _on_page_row(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if current.isValid():
            self.show_page(self.pages_model.page(current.row()).id)

    def show_page(self, page_id: int) -> None:
        """Show a page's image, text and spans."""
        try:
            shown = showing.show_page(self.project, page_id)
        except UserError as exc:
            self.statusBar().showMessage(str(exc), 8000)
            return
        content, spans, image = shown.content, shown.spans, shown.image
        page = content.page
        document = self._documents[page.document_id]
        self.state.set_page(PageData(page, document, content.current, content.boxes, spans))
        self.suspect_banner.show_reason(page.suspect)
        self.pages_model.update_page(page, len(spans))
        if image is not None and image.path != document.source_path:  # an OCR file's image
            found = Path(image.path)
            if found.is_file():
                self.page_view.show_page(
                    found, image.index + 1, page.width, page.height, image.skew
                )
            else:
                self.page_view.show_page(None, 0, 0, 0)
                self.page_view.show_message(
                    self.tr("The image %1 is missing.").replace("%1", image.path)
                )
        elif image is not None:
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
                self.page_view.show_page(
                    source, image.index + 1, page.width, page.height, image.skew
                )
        else:
            self.page_view.show_page(None, page.number, 0, 0)
        printed = self.tr("printed %1").replace("%1", page.printed_label or "")
        label = f" ({printed})" if page.printed_label else ""
        self.page_label.setText(
            self.tr("%1 · page %2 of %3")
            .replace("%1", document.title)
            .replace("%2", str(page.number))
            .replace("%3", str(document.page_count))
            + label
        )
        self.collating.refresh()
        self.pageShown.emit(page.id)

    # spans dock
    def _show_spans(self) -> None:
        self.spans_model.set_spans(self.state.spans)
        self._on_span_selected(self.state.selected_span)

    def _on_span_row(self, current: QModelIndex, _previous: QModelIndex) -> None:
        if current.isValid():
            self.state.select_span(self.spans_model.span_at(current.row()).id)

    def _on_span_selected(self, span_id: int) -> None:
        span = self.state.span(span_id)
        self.editor.show_span(span)
        row = self.spans_model.row_of(span_id)
        if row >= 0 and self.spans_table.currentIndex().row() != row:
            self.spans_table.selectionModel().setCurrentIndex(
                self.spans_model.index(row, 0),
                QItemSelectionModel.SelectionFlag.ClearAndSelect
                | QItemSelectionModel.SelectionFlag.Rows,
            )
        elif row < 0:
            self.spans_table.clearSelection()
        if span is not None:
            self.page_view.reveal(span.start, span.end)

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
        self.backups.leave()  # a last copy, if the project changed since the last one
        self._settings.set(keys.WINDOW_GEOMETRY, self.saveGeometry())
        self._settings.set(keys.WINDOW_STATE, self.saveState())
        self._settings.set(keys.SPLITTER_STATE, self.splitter.saveState())
        self._settings.set(keys.LAST_PROJECT, self.project.location.url)
        self._save_view()
        self._settings.sync()
        super().closeEvent(event)
