"""A project's life in the window: opening or making one, loading what it holds, adding
documents and references to it, and leaving it for another."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QFileDialog, QMessageBox

from xzannot.errors import DamagedProjectError, UserError
from xzannot.operations import browsing
from xzannot.operations.changes import OpChanges
from xzannot.operations.identity import act_as, identity
from xzannot.operations.project import Project, open_project
from xzannot.operations.relocate import adopt_file
from xzannot.ui import settings as keys
from xzannot.ui.common import fill
from xzannot.ui.damage import offer_backup
from xzannot.ui.live_updates import LiveUpdates
from xzannot.ui.reference_dialog import ReferenceDialog

if TYPE_CHECKING:
    from xzannot.ui.main_window import MainWindow

PROJECT_FILTER = "xzannot projects (*.sqlite *.db);;All files (*)"
IMPORT_FILTER = (
    "PDFs, scans, OCR files and text "
    "(*.pdf *.tif *.tiff *.jpg *.jpeg *.png *.hocr *.html *.xml *.txt *.text);;All files (*)"
)


class ProjectLifecycle(QObject):
    """Opens, loads and switches the window's project, and adds files to it."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.reference_dialog: ReferenceDialog | None = None
        # others' changes to the project, read every two seconds
        self.live = LiveUpdates(window.tasks, window.bus, self)
        self.live.watch_typing(window.text_view)
        self.live.stop_with(window)
        self._adopt(window.project)

    def _adopt(self, project: Project) -> None:
        """Work on ``project``: changes made through it are recorded as the user's (their
        role's on a team server), and others' changes to it are followed."""
        act_as(project, self.window.settings.get(keys.ANNOTATOR) or None)
        self.live.start(project)

    def identity(self) -> str | None:
        """The annotator's role the project is open as on a team server (the name recorded on
        spans, whatever the preferences say), else None."""
        return identity(self.window.project)

    def changed(self, changes: OpChanges) -> None:
        """Documents added, labels changed, or what the pages list shows changed on every
        page: read the project again. A reference added (collation everywhere) is not: the
        shown page is collated again (CollationRefresh), and the page stays as it was."""
        listed = changes.text or changes.spans or changes.page_status or changes.ocr
        everywhere = not changes.pages and listed
        if changes.documents or changes.labels or everywhere:
            self.load()

    def load(self, *, restore: bool = False) -> None:
        """Read the project's labels, documents and pages; show the page kept (or the last one
        shown in this project, with ``restore``)."""
        w = self.window
        contents = browsing.project_contents(w.project)
        w.set_labels(contents.labels)
        w.navigation.documents = {d.id: d for d in contents.documents}
        w.navigation.files.clear()
        keep = w.state.page_id
        if restore:
            keep = w.settings.get(keys.last_page(w.project.location.url)) or None
        w.pages_model.set_pages(contents.documents, contents.pages, contents.span_counts)
        w.pages_model.set_agreements(contents.agreements)
        w.ocr.refresh_shares()
        self._title()
        if w.settings.get(keys.CORRECT_IN_BACKGROUND):
            w.background.start(w.project)  # pages imported and never opened
        if w.pages_model.rowCount() == 0:
            w.state.set_page(None)
            w.page_view.show_page(None, 0, 0, 0)
            w.page_view.show_message(
                self.tr("This project is empty. Import a PDF with File ▸ Import.")
            )
            w.status.page_label.setText("")
            return
        row = w.pages_model.row_of(keep) if keep is not None else -1
        w.navigation.select_row(max(row, 0))
        if restore:
            w.view_memory.restore_view()

    def _title(self) -> None:
        w = self.window
        title = fill(self.tr("%1 — xzannot"), w.project.location.display)
        if w.project.read_only is not None:  # said once, and kept in the title
            title = fill(self.tr("%1 (read-only)"), title)
            w.status.read_only()
            w.status.keep(
                fill(
                    self.tr(
                        "This project cannot be written (%1): pages can be viewed, collated and "
                        "exported, but changes are not saved."
                    ),
                    w.project.read_only,
                )
            )
        w.setWindowTitle(title)

    def set_project(self, project: Project) -> None:
        """Show another project (the current one is closed)."""
        w = self.window
        w.view_memory.save_view()
        if w.curation_action.isChecked():  # curation is of one project, by its curators
            w.curation_action.setChecked(False)
            w.team.toggle_curation()
        self.live.stop()
        old = w.project
        w.project = project
        w.undo_stack.clear()
        w.state.set_page(None)
        w.collating.forget_references()  # reference ids are the old project's
        w.backups.switch_to(project)  # a last copy of the project left, if it changed
        w.background.stop()  # the page in hand finished: the old project can be closed
        old.close()
        self._adopt(project)
        w.settings.set(keys.LAST_PROJECT, project.location.url)
        self.load(restore=True)

    def open_path(self, path: Path, *, create: bool) -> None:
        """Open (or make) the project at ``path`` in place of the one shown."""
        try:
            project = open_project(path, create=create)
        except DamagedProjectError as exc:
            if not offer_backup(self.window, exc):
                return
            self.open_path(path, create=False)
            return
        except UserError as exc:
            QMessageBox.warning(self.window, self.tr("Open project"), str(exc))
            return
        self.set_project(project)

    def choose_project(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self.window, self.tr("Open project"), "", PROJECT_FILTER
        )
        if path:
            self.open_path(Path(path), create=False)

    def new_project(self) -> None:
        path, _ = QFileDialog.getSaveFileName(
            self.window, self.tr("New project"), "project.xzannot.sqlite", PROJECT_FILTER
        )
        if path:
            self.open_path(Path(path), create=True)

    def choose_import(self) -> None:
        paths, _ = QFileDialog.getOpenFileNames(
            self.window, self.tr("Import PDFs, scans or text"), "", IMPORT_FILTER
        )
        if paths:
            self.window.imports.start(self.window.project, [Path(p) for p in paths])

    def after_import(self, summary: str) -> None:
        """An import ended (the project was read again if it changed): say how, and offer
        OCR for pages without text."""
        self.window.status.tell(summary)
        self.window.ocr.offer(self.window.imports.needing_text)

    def choose_reference(self) -> None:
        """Add a reference witness (a file, or pasted text) after the reviewer has checked it."""
        w = self.window
        documents = w.navigation.documents
        if not documents:
            QMessageBox.information(
                w, self.tr("Import reference text"), self.tr("Import the document's pages first.")
            )
            return
        page = w.navigation.current_page()
        self.reference_dialog = ReferenceDialog(
            w.project, list(documents.values()), page.document_id if page else None, w
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
            text = fill(self.tr("Stored a reference text of %1 characters."), outcome.characters)
        self.window.status.tell(text)
        self.window.bus.publish(outcome.changes)
        self.window.docks.show_differences()

    def locate_pdf(self) -> None:
        w = self.window
        page = w.navigation.current_page()
        if page is None:
            return
        document = w.navigation.documents[page.document_id]
        title = fill(self.tr("Where is %1?"), Path(document.source_path).name)
        path, _ = QFileDialog.getOpenFileName(w, title, "", "PDF (*.pdf)")
        if not path:
            return
        try:
            adopt_file(w.project, document, Path(path))
        except UserError as exc:
            QMessageBox.warning(w, self.tr("Locate PDF"), str(exc))
            return
        self.load()
