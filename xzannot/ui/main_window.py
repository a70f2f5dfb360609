"""The review window: the page image beside the page's text, with pages, spans and labels docked.

The window composes its parts and wires them: menus (ui/window_actions), docks
(ui/window_docks), the project's life (ui/lifecycle), moving between pages (ui/navigation),
what it remembers (ui/view_memory), the status bar (ui/status), team review (ui/team_review),
and the change bus (ui/bus) on which every saved change reaches the views that show it
(ui/refresh).
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QLocale, Qt, Signal
from PySide6.QtGui import QAction, QCloseEvent, QUndoStack
from PySide6.QtWidgets import (
    QDockWidget,
    QInputDialog,
    QMainWindow,
    QMessageBox,
    QSplitter,
    QWidget,
)

from xzannot.core.edits import Edit, apply_edit, follow
from xzannot.core.labels import LabelDef
from xzannot.io.pdfium_worker import PdfiumWorker
from xzannot.io.render import PageRenderer
from xzannot.operations.browsing import page_texts
from xzannot.operations.project import Project
from xzannot.ui import settings as keys
from xzannot.ui.background_correction import BackgroundCorrection
from xzannot.ui.backups import Backups
from xzannot.ui.bus import ChangeBus
from xzannot.ui.collating import Collating
from xzannot.ui.controller import Workbench
from xzannot.ui.corpus_flow import CorpusFlow
from xzannot.ui.correcting import Correcting
from xzannot.ui.diff_dialog import DiffDialog
from xzannot.ui.guide_dialog import GuideDialog
from xzannot.ui.import_flow import ImportFlow
from xzannot.ui.labelling import Labelling
from xzannot.ui.lifecycle import ProjectLifecycle
from xzannot.ui.navigation import Navigation
from xzannot.ui.ocr_tools import OcrTools
from xzannot.ui.page_state import PageState
from xzannot.ui.page_view import PageView
from xzannot.ui.reference_dialog import ReferenceDialog
from xzannot.ui.refresh import (
    CollationRefresh,
    CorrectionsRefresh,
    PagesListRefresh,
    ShownPageRefresh,
)
from xzannot.ui.settings import Settings
from xzannot.ui.status import StatusBar
from xzannot.ui.suggesting import Suggesting
from xzannot.ui.suspect_banner import SuspectBanner, with_banner
from xzannot.ui.tasks import TaskRunner
from xzannot.ui.team_review import TeamReview
from xzannot.ui.text_view import TextView
from xzannot.ui.view_memory import ViewMemory
from xzannot.ui.window_actions import Shortcut, WindowMenus, make_action
from xzannot.ui.window_docks import WindowDocks
from xzannot.ui.window_docks import add_dock as _add_dock


class MainWindow(QMainWindow):
    """The review window for one project at a time."""

    pageShown = Signal(int)
    accept_action: QAction  # set by the Edit menu's table
    reject_action: QAction
    correct_action: QAction
    show_others_action: QAction  # the View menu's
    curation_action: QAction  # the Team menu's

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
        self.tasks = TaskRunner(self)
        self.bus = ChangeBus(self)
        self.undo_stack = QUndoStack(self)
        self.state = PageState(self)
        self.bench = Workbench(
            self.state, self.undo_stack, lambda: self.project, self.annotator, self.bus
        )
        self.status = StatusBar(self, lambda: self.project.read_only is None)
        self.page_label, self.saved_label = self.status.page_label, self.status.saved_label
        self.renderer = renderer
        self._build_controllers(renderer, worker)
        self._build_views(renderer)
        self.background = BackgroundCorrection(self, self.tasks)
        self.background.problem.connect(self.status.tell)
        self.lifecycle = ProjectLifecycle(self)
        self.view_memory = ViewMemory(self)
        self._wire_bus()
        self.ocr = OcrTools(self)  # after the bus's views: its queue reads the page they show
        self.backups = Backups(self, self.tasks, settings, project)
        self.menus = WindowMenus(self)
        self.label_menu = self.menus.label_menu
        self.language_group = self.menus.language_group
        self.view_memory.restore_layout()
        self.team.dock.hide()  # curation mode begins off, whatever the layout kept
        self.lifecycle.load(restore=True)

    def _build_controllers(self, renderer: PageRenderer, worker: PdfiumWorker) -> None:
        """What turns the user's actions into saved changes, and the longer tasks."""
        self.labelling = Labelling(self.bench, self)
        self.labelling.message.connect(self.status.say)
        self.correcting = Correcting(self.bench, self)
        index_limit = max(16, self.settings.get(keys.REFERENCE_INDEX_MB)) * 1024 * 1024
        self.collating = Collating(
            self.bench, window=self, tasks=self.tasks, index_limit=index_limit
        )
        self.collating.message.connect(self.status.tell)
        self.imports = ImportFlow(self, self.tasks, worker, self.bus)
        self.suggesting = Suggesting(self, self.tasks, lambda: self.project, self.bus)
        self.suggesting.finished.connect(self.status.tell)
        self.corpus = CorpusFlow(
            self, self.tasks, lambda: self.project, renderer, self.annotator, bus=self.bus
        )
        self.corpus.finished.connect(self.status.tell)
        self.guide: GuideDialog | None = None
        self.diff_dialog: DiffDialog | None = None

    def _build_views(self, renderer: PageRenderer) -> None:
        """The page image beside its text, the docks, and moving between pages."""
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
        self.docks = d = WindowDocks(self)
        self.pages_model, self.pages_table = d.pages_model, d.pages_table
        self.spans_model, self.spans_table = d.spans_model, d.spans_table
        self.palette_widget, self.editor = d.palette, d.editor
        self.corrections, self.differences = d.corrections, d.differences
        self.collation_view = d.collation_view
        self.pages_dock, self.labels_dock, self.spans_dock = (
            d.pages_dock,
            d.labels_dock,
            d.spans_dock,
        )
        self.editor_dock, self.corrections_dock = d.editor_dock, d.corrections_dock
        self.differences_dock = d.differences_dock
        self.navigation = n = Navigation(self)
        n.pageShown.connect(self.pageShown)
        for widget in (self.pages_table, self.text_view, self.page_view, self.spans_table):
            widget.installEventFilter(n.keys)
        self.current_page, self.select_row, self.show_page = (
            n.current_page,
            n.select_row,
            n.show_page,
        )
        self.step_page, self.next_unfinished, self.go_to = n.step_page, n.next_unfinished, n.go_to

    def _wire_bus(self) -> None:
        """Every view that shows something of the project follows the change bus, the shown
        page first (the others read what it shows)."""
        project = lambda: self.project  # noqa: E731
        self.team = TeamReview(self)  # the layers shown, curation
        self.shown = ShownPageRefresh(
            self.state, project, self.navigation.select_page, self, self.team.layers
        )
        self.pages_refresh = PagesListRefresh(
            self.pages_model, self.state, project, self, self.team.layers
        )
        self.corrections_refresh = CorrectionsRefresh(
            self.corrections, self.corrections_dock, self.state, project, self
        )
        self.collation_refresh = CollationRefresh(self.collating, self)
        for listener in (
            self.shown.changed,
            self.pages_refresh.changed,
            self.corrections_refresh.changed,
            self.collation_refresh.changed,
            self.lifecycle.changed,
            self.status.changed,
            self.team.changed,
        ):
            self.bus.changed.connect(listener)
        self.bus.stepped.connect(self.shown.follow)
        self.bus.failed.connect(self.change_failed)
        self.imports.finished.connect(self.lifecycle.after_import)
        life = self.lifecycle
        self.set_project, self._open_path = life.set_project, life.open_path
        self.choose_reference = life.choose_reference

    @property
    def settings(self) -> Settings:
        """The window's preferences."""
        return self._settings

    @property
    def reference_dialog(self) -> ReferenceDialog | None:
        """The reference text dialog last opened."""
        return self.lifecycle.reference_dialog

    def add_dock(
        self, title: str, name: str, widget: QWidget, area: Qt.DockWidgetArea
    ) -> QDockWidget:
        """A dock holding ``widget``, saved with the window's layout under ``name``."""
        return _add_dock(self, title, name, widget, area)

    def make_action(
        self, text: str, slot: Callable[[], object], shortcut: Shortcut = None
    ) -> QAction:
        """A menu action calling ``slot``."""
        return make_action(self, text, slot, shortcut)

    def change_failed(self, message: str) -> None:
        """A change could not be saved: say why and show what is stored."""
        self.status.not_saved()
        QMessageBox.warning(self, self.tr("Not saved"), message)
        self.shown.reload()
        data = self.state.data
        if data is not None:  # its row in the pages list too, as stored
            self.pages_model.update_page(data.page, len(data.spans))

    def reload_project(self) -> None:
        """Read the project's documents and pages again (after OCR, an import)."""
        self.lifecycle.load()

    def annotator(self) -> str:
        """The name recorded on new spans: the annotator's role on a team server, else asked
        once, then kept in preferences."""
        name = self.lifecycle.identity() or self._settings.get(keys.ANNOTATOR)
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

    def set_labels(self, labels: list[LabelDef]) -> None:
        """The project's label schema, for every part that shows or applies labels."""
        self.labelling.set_labels(labels)
        self.palette_widget.set_labels(labels)
        self.editor.set_labels(labels)
        self.spans_model.set_labels(labels)
        self.text_view.set_labels(labels)
        self.page_view.overlay.set_labels(labels)
        self.menus.set_labels(labels)
        self.docks.searching.project_loaded()  # its choices are read again

    # correcting text
    def toggle_correcting(self) -> None:
        on = self.correct_action.isChecked()
        self.text_view.set_editing(on)
        self.status.say(
            self.tr("Correction mode: what you type is saved as corrections.")
            if on
            else self.tr("Labelling mode.")
        )
        if on:
            self.text_view.setFocus()

    def _typed(self, edit: Edit) -> None:
        data = self.state.data
        if data is None:
            return
        shown = data.text
        data.text = apply_edit(data.text, edit)
        data.boxes = follow(data.boxes, edit)  # type: ignore[assignment]
        self.correcting.typed(edit, shown)

    def show_diff(self) -> None:
        """Show the page's original text against its corrected text."""
        page_id = self.state.page_id
        if page_id is None:
            return
        content = page_texts(self.project, page_id)
        title = self.page_label.text()
        self.diff_dialog = DiffDialog(content.original, content.current, title, self)
        self.diff_dialog.show()

    # suggestions, the guide, collation
    def suggest_page(self) -> None:
        """Run the pre-annotation rules over the shown page."""
        if self.state.page_id is not None:
            self.suggesting.start([self.state.page_id])

    def show_guide(self) -> None:
        """Show the annotation guide in the window's language, beside the window."""
        if self.guide is None:
            language = self._settings.get(keys.LANGUAGE) or QLocale.system().name()
            self.guide = GuideDialog(language, self)
        self.guide.show()
        self.guide.raise_()

    def step_difference(self, delta: int) -> None:
        self.docks.show_differences()
        self.collation_view.step(delta)

    def accept_difference(self) -> None:
        difference = self.differences.current()
        if difference is not None:
            self.collating.accept(difference)

    def reject_difference(self) -> None:
        difference = self.differences.current()
        if difference is not None:
            self.collating.reject(difference)

    def closeEvent(self, event: QCloseEvent) -> None:
        self.backups.leave()  # a last copy, if the project changed since the last one
        self.view_memory.save_layout()
        super().closeEvent(event)
