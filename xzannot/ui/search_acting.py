"""Acting on a search's checked hits from the Search dock: labelling or replacing them all as
one undo step, and keeping, running and deleting saved searches."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QInputDialog, QMessageBox

from xzannot.core.search import SearchQuery
from xzannot.core.spans import SpanStatus
from xzannot.errors import UserError
from xzannot.operations import browsing
from xzannot.operations.changes import OpChanges
from xzannot.operations.project import Project
from xzannot.operations.saved_searches import (
    forget_search,
    load_search,
    save_search,
    saved_search_names,
)
from xzannot.operations.search import Hit, all_hits
from xzannot.ui.commands import LabelHits, ReplaceHits
from xzannot.ui.common import LONG_MS, fill
from xzannot.ui.controller import Controller
from xzannot.ui.search_dialogs import LabelDialog, ReplaceDialog
from xzannot.ui.search_model import HitKey, counted, key_of

if TYPE_CHECKING:
    from PySide6.QtWidgets import QDialog

    from xzannot.ui.main_window import MainWindow
    from xzannot.ui.search_flow import Searching


def checked_hits(project: Project, query: SearchQuery, excluded: set[HitKey]) -> list[Hit]:
    """Every hit of ``query`` but those left out (read off the GUI thread)."""
    return [
        hit for page in all_hits(project, query) for hit in page.hits if key_of(hit) not in excluded
    ]


class SearchActing(Controller):
    """Label All…, Replace All…, and the saved searches of the Search dock."""

    def __init__(self, window: MainWindow, searching: Searching) -> None:
        super().__init__(window.bench, window)
        self.window = window
        self.searching = searching
        self.panel = searching.panel
        self.model = searching.model
        self.dialog: QDialog | None = None  # the dialog open, if any
        panel = self.panel
        panel.label_button.clicked.connect(self.label_all)
        panel.replace_button.clicked.connect(self.replace_all)
        panel.save_button.clicked.connect(self.ask_name)
        panel.delete_button.clicked.connect(self.ask_delete)
        panel.saved.textActivated.connect(self.run_saved)

    # acting on the hits
    def gather(self, then: Callable[[list[Hit]], None]) -> None:
        """The checked hits: those listed, or, with pages not read yet, every hit of the
        search (read off the GUI thread) but those left out."""
        query = self.searching.query
        if query is None or self.model.found is None:
            self.panel.say(self.tr("Search first: the hits found are what is acted on."))
            return
        if self.model.all_read:
            then(self.model.checked_hits())
            return
        self.panel.summary.setText(self.tr("Reading every hit…"))
        excluded = set(self.model.excluded)
        self.window.tasks.run(
            checked_hits,
            self.project,
            query,
            excluded,
            done=lambda hits: self._gathered(hits, then),
            failed=self.searching.failed,
        )

    def _gathered(self, hits: list[Hit], then: Callable[[list[Hit]], None]) -> None:
        self.searching.summarise()
        then(hits)

    def _stepped(self, steps: list[OpChanges]) -> Callable[[OpChanges], None]:
        """What a command tells after each of its steps: kept in ``steps``, and the search
        shown is run again."""

        def stepped(changes: OpChanges) -> None:
            steps.append(changes)
            self.searching.refresh()

        return stepped

    @property
    def project(self) -> Project:
        return self._project()

    def label_all(self) -> None:
        """Ask for a label, then mark every checked hit with it (one undo step)."""
        self.gather(self._ask_label)

    def _ask_label(self, hits: list[Hit]) -> None:
        dialog = LabelDialog(browsing.labels(self.project), len(hits), self.window)
        dialog.accepted.connect(lambda: self.label_hits(hits, *dialog.chosen()))
        self._open(dialog)

    def label_hits(self, hits: list[Hit], label: str, status: SpanStatus) -> None:
        """Mark ``hits`` with ``label`` as one step on the undo stack."""
        if not hits:
            return
        steps: list[OpChanges] = []
        command = LabelHits(
            self.context(after=self._stepped(steps)),
            hits,
            (label, status),
            self._annotator(),
            fill(self.tr("Label %1 as %2"), counted(len(hits)), label),
        )
        self.undo.push(command)
        if steps and command.labelled is not None:
            made = len(command.labelled.span_ids)
            text = fill(self.tr("Labelled %1 as %2"), counted(made), label)
            if command.labelled.already:
                text += fill(self.tr("; %1 were already labelled"), command.labelled.already)
            self.window.statusBar().showMessage(text, LONG_MS)

    def replace_all(self) -> None:
        """Ask for the replacement, then correct every checked hit (one undo step)."""
        self.gather(self._ask_replacement)

    def _ask_replacement(self, hits: list[Hit]) -> None:
        query = self.searching.query
        dialog = ReplaceDialog(query.text if query else "", len(hits), self.window)
        dialog.accepted.connect(lambda: self.replace_hits(hits, dialog.replacement.text()))
        self._open(dialog)

    def replace_hits(self, hits: list[Hit], replacement: str) -> None:
        """Put ``replacement`` in place of each of ``hits`` as one step on the undo stack."""
        if not hits:
            return
        steps: list[OpChanges] = []
        command = ReplaceHits(
            self.context(after=self._stepped(steps)),
            hits,
            replacement,
            self._annotator(),
            fill(self.tr("Replace %1 with “%2”"), counted(len(hits)), replacement),
        )
        self.undo.push(command)
        if steps and command.replaced is not None:
            self.window.statusBar().showMessage(
                fill(
                    self.tr("Replaced %1 with “%2”; the corrections are open for review."),
                    counted(command.replaced.count),
                    replacement,
                ),
                LONG_MS,
            )

    def _open(self, dialog: QDialog) -> None:
        self.dialog = dialog
        dialog.finished.connect(dialog.deleteLater)
        dialog.open()

    # saved searches
    def ask_name(self) -> None:
        """Ask for a name, then keep the search in the fields under it."""
        try:
            query = self.panel.form.query()
        except UserError as exc:
            self.panel.say(str(exc))
            return
        dialog = QInputDialog(self.window)
        dialog.setWindowTitle(self.tr("Save Search"))
        dialog.setLabelText(self.tr("Name of the search:"))
        dialog.setTextValue(self.panel.saved.currentText())
        dialog.textValueSelected.connect(lambda name: self.save(name, query))
        self._open(dialog)

    def save(self, name: str, query: SearchQuery) -> None:
        """Keep ``query`` in the project as ``name``."""
        try:
            save_search(self.project, name, query, self._annotator())
        except UserError as exc:
            self.panel.say(str(exc))
            return
        self.panel.set_saved(saved_search_names(self.project), name.strip())
        self.window.status.say(fill(self.tr("Saved the search as “%1”."), name.strip()))

    def run_saved(self, name: str) -> None:
        """Show a saved search in the fields, and run it."""
        try:
            query = load_search(self.project, name)
        except UserError as exc:
            self.panel.say(str(exc))
            return
        self.searching.read_choices()  # its label or document may be new here
        self.panel.form.set_query(query)
        self.searching.run(query)

    def ask_delete(self) -> None:
        """Ask, then delete the saved search chosen."""
        name = self.panel.saved.currentText()
        if not name:
            return
        box = QMessageBox(
            QMessageBox.Icon.Question,
            self.tr("Delete Saved Search"),
            fill(self.tr("Delete the saved search “%1”?"), name),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            self.window,
        )
        yes = QMessageBox.StandardButton.Yes
        box.finished.connect(
            lambda _result: (
                self.delete(name) if box.standardButton(box.clickedButton()) == yes else None
            )
        )
        self._open(box)

    def delete(self, name: str) -> None:
        """Delete the saved search ``name``."""
        try:
            forget_search(self.project, name)
        except UserError as exc:
            self.panel.say(str(exc))
        self.panel.set_saved(saved_search_names(self.project))
