"""Running the pre-annotation rules from the window, and editing them."""

from __future__ import annotations

import threading
from collections.abc import Callable

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QWidget

from xzannot.operations.browsing import project_rules_text
from xzannot.operations.project import Project
from xzannot.operations.suggesting import SuggestOutcome, save_rules, suggest
from xzannot.ui.bus import ChangeBus
from xzannot.ui.common import fill
from xzannot.ui.progress import ProgressRun
from xzannot.ui.rules_dialog import RulesDialog
from xzannot.ui.tasks import TaskRunner


def _suggest(
    project: Project,
    page_ids: list[int] | None,
    *,
    progress: Callable[[int, int], None],
    cancel: threading.Event,
) -> SuggestOutcome:
    return suggest(project, page_ids, progress=progress, cancelled=cancel.is_set)


class Suggesting(QObject):
    """Suggests spans on one page or all pages, off the GUI thread, and edits the rules."""

    finished = Signal(str)  # a summary for the status bar, after suggestions were stored

    def __init__(
        self, parent: QWidget, tasks: TaskRunner, project: Callable[[], Project], bus: ChangeBus
    ) -> None:
        super().__init__(parent)
        self._bus = bus
        self._pages: list[int] | None = None
        self._parent = parent
        self._tasks = tasks
        self._project = project
        self.run: ProgressRun | None = None
        self.rules_dialog: RulesDialog | None = None

    def start(self, page_ids: list[int] | None) -> None:
        """Run the rules over ``page_ids`` (None: every page of the project)."""
        self._pages = page_ids
        self.run = ProgressRun(
            self._parent, self._tasks, self.tr("Suggest spans"), self.tr("Running the rules…")
        )
        self.run.start(
            _suggest,
            self._project(),
            page_ids,
            done=self._done,
            cancelled=lambda: self.finished.emit(
                self.tr("Suggesting cancelled; nothing was changed.")
            ),
        )

    def _done(self, outcome: SuggestOutcome) -> None:
        total = sum(outcome.added.values())
        if total:
            detail = ", ".join(f"{label} {n}" for label, n in sorted(outcome.added.items()))
            text = fill(self.tr("%1 new suggestion(s) (%2)."), total, detail)
        else:
            text = self.tr("No new suggestions.")
        if outcome.stopped:
            text += " " + fill(
                self.tr("Stopped for taking too long: %1."), "; ".join(outcome.stopped[:3])
            )
        if outcome.known:
            text += " " + fill(
                self.tr("%1 found again were already there or rejected."), outcome.known
            )
        self._bus.publish(outcome.changes)
        self.finished.emit(text)

    def edit_rules(self) -> None:
        """Open the project's rules in an editor (they are kept only if they compile)."""
        project = self._project()
        text = project_rules_text(project)
        self.rules_dialog = RulesDialog(text, lambda t: save_rules(project, t), self._parent)
        self.rules_dialog.open()
