"""Team review in the window: the Team menu's dialogs (assignments, progress, agreement), the
layers shown (one's own, or everyone's), and curation mode with its dock and keys."""

from __future__ import annotations

from functools import partial
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QDialog, QInputDialog, QLabel, QMenu

from xzannot.errors import UserError
from xzannot.operations.changes import OpChanges
from xzannot.operations.team import annotators, curators
from xzannot.ui import settings as keys
from xzannot.ui.common import fill
from xzannot.ui.team_agreement import AgreementDialog
from xzannot.ui.team_assignments import AssignmentsDialog
from xzannot.ui.team_crops import Source
from xzannot.ui.team_curating import Curating
from xzannot.ui.team_layers import TeamLayers
from xzannot.ui.team_progress import ProgressDialog

if TYPE_CHECKING:
    from xzannot.ui.main_window import MainWindow

BOTTOM = Qt.DockWidgetArea.BottomDockWidgetArea


class TeamReview(QObject):
    """The window's part in team review."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window
        self.layers = TeamLayers(lambda: window.project, window.annotator, self)
        window.labelling.layers = self.layers
        self.curating = Curating(
            window.bench,
            window.tasks,
            window.renderer,
            self,
            source=self._source,
            labels=lambda: window.labelling.labels,
        )
        self.curating.message.connect(window.status.tell)
        self.curating.editingChanged.connect(self._arm_keys)
        window.labelling.curated_label = self.curating.mark
        self.dock = window.add_dock(
            self.tr("Curation"), "CurationDock", self.curating.panel, BOTTOM
        )
        window.tabifyDockWidget(window.spans_dock, self.dock)
        self.dock.hide()  # until curation mode begins
        self.note = QLabel(window)
        self.note.setStyleSheet("color: #d9480f; font-weight: bold;")
        window.statusBar().insertPermanentWidget(0, self.note)
        self.layers.shownChanged.connect(self._show_note)
        self.dialogs: dict[str, QDialog] = {}
        # the curator's actions and their keys, held only while they are live (the label
        # keys and Delete are lent to them in curation mode)
        self.curation_keys: dict[QAction, list[QKeySequence]] = {}

    def _source(self) -> Source | None:
        return self.window.page_view.image.source

    def add_actions(self, menu: QMenu) -> None:
        """The curator's keys, in a submenu: live in curation mode only."""
        keys_menu = menu.addMenu(self.tr("Curation &Keys"))
        window, curating = self.window, self.curating
        for number in range(1, 10):
            text = fill(self.tr("Take Version of Annotator %1"), number)
            action = window.make_action(text, partial(curating.take, number))
            self.curation_keys[action] = [QKeySequence(str(number))]
        reject = window.make_action(self.tr("&Reject Every Version"), curating.reject)
        self.curation_keys[reject] = [QKeySequence("0"), QKeySequence(Qt.Key.Key_Delete)]
        agreed = window.make_action(self.tr("Take &All Agreed"), curating.take_agreed)
        self.curation_keys[agreed] = []
        self.edit_action = window.make_action(
            self.tr("&Edit the Curated Layer"), curating.toggle_editing, "E"
        )
        for action in [*self.curation_keys, self.edit_action]:
            keys_menu.addAction(action)
            action.setEnabled(False)

    # the Team menu
    def open_assignments(self) -> None:
        """Give pages to annotators, take assignments back, say who curates."""
        w = self.window
        dialog = AssignmentsDialog(
            lambda: w.project, list(w.navigation.documents.values()), w.annotator(), w
        )
        dialog.changed.connect(self.assignments_changed)
        self._show("assignments", dialog)

    def open_progress(self) -> None:
        """Each annotator's progress with their pages."""
        w = self.window
        dialog = ProgressDialog(lambda: w.project, list(w.navigation.documents.values()), w)
        dialog.refresh()
        self._show("progress", dialog)

    def open_agreement(self) -> None:
        """How far the annotators agree, measured now."""
        w = self.window
        labels = list(w.labelling.labels.values())
        dialog = AgreementDialog(lambda: w.project, w.tasks, labels, self.open_page, w)
        dialog.set_annotators(annotators(w.project))
        self._show("agreement", dialog)
        dialog.measure()

    def _show(self, name: str, dialog: QDialog) -> None:
        old = self.dialogs.pop(name, None)
        if old is not None:
            old.close()
            old.deleteLater()
        self.dialogs[name] = dialog
        dialog.show()
        dialog.raise_()

    def open_page(self, page_id: int) -> None:
        """Show a page (from the Agreement dialog's list)."""
        if not self.window.navigation.select_page(page_id):
            self.window.status.tell(self.tr("That page is not in the pages list."))
        self.window.raise_()

    def assignments_changed(self) -> None:
        """Pages given or taken back, curators named: what the shown page is to the
        annotator may have changed, and everyone's progress."""
        self.reload()
        progress = self.dialogs.get("progress")
        if isinstance(progress, ProgressDialog) and progress.isVisible():
            progress.refresh()
        if self.layers.curating and not self._is_curator():
            self.window.curation_action.setChecked(False)
            self.toggle_curation()

    def change_name(self) -> None:
        """Work as another annotator (a shared computer): the name recorded on new spans."""
        w = self.window
        name, ok = QInputDialog.getText(
            w,
            self.tr("Your name"),
            self.tr("The name recorded on every span you mark:"),
            text=w.annotator(),
        )
        if ok and name.strip():
            w.settings.set(keys.ANNOTATOR, name.strip())
            if self.layers.curating and not self._is_curator():
                w.curation_action.setChecked(False)
                self.toggle_curation()
            self.reload()

    def reload(self) -> None:
        """Show the shown page's spans again, as the annotator now sees them."""
        self.window.labelling.my_status.clear()
        self.window.shown.reload()
        self.curating.refresh()

    def toggle_others(self) -> None:
        """Show or hide the other annotators' spans (View ▸ Show Others' Spans)."""
        self.layers.show_others = self.window.show_others_action.isChecked()
        self.window.shown.reload()

    def _is_curator(self) -> bool:
        return self.window.annotator() in curators(self.window.project)

    def toggle_curation(self) -> None:
        """Begin or end curation mode; only a curator may begin it."""
        w = self.window
        on = w.curation_action.isChecked()
        if on and not self._is_curator():
            w.curation_action.setChecked(False)
            w.status.tell(
                fill(
                    self.tr(
                        "Curation mode is for curators, and %1 is not one: a curator can name "
                        "you in Team ▸ Assignments…"
                    ),
                    w.annotator(),
                )
            )
            return
        if on and w.correct_action.isChecked():
            w.correct_action.setChecked(False)
            w.toggle_correcting()
        self.layers.curating = on
        self.curating.set_active(on)
        self._arm_keys(False)
        self.dock.setVisible(on)
        if on:
            self.dock.raise_()
            w.status.say(self.tr("Curation mode: settle each unit with 1–9, 0 or E."))
        else:
            w.spans_dock.raise_()
            w.status.say(self.tr("Labelling mode."))
        w.shown.reload()

    def _arm_keys(self, editing: bool) -> None:
        """Which keys are live: the curator's (taking versions) or the label keys."""
        curating = self.layers.curating
        live = curating and not editing
        self.window.menus.enable_labels(not live)
        reject = self.window.reject_action
        reject.setEnabled(not live)
        reject.setShortcut(QKeySequence() if live else QKeySequence(Qt.Key.Key_Delete))
        for action, shortcuts in self.curation_keys.items():
            action.setEnabled(live)
            action.setShortcuts(shortcuts if live else [])
        self.edit_action.setEnabled(curating)

    def changed(self, changes: OpChanges) -> None:
        """A saved change: the Progress dialog and the curation dock read what it touched."""
        progress = self.dialogs.get("progress")
        if isinstance(progress, ProgressDialog):
            progress.changed(changes)
        try:
            self.curating.changed(changes)
        except UserError as exc:
            self.window.status.tell(str(exc))

    def _show_note(self) -> None:
        self.note.setText(self.layers.hidden_note())
