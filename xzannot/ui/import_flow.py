"""Importing files from the window: a progress dialog, cancel, and no partial documents."""

from __future__ import annotations

import threading
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QWidget

from xzannot.io.pdfium_worker import PdfiumWorker
from xzannot.operations import importing
from xzannot.operations.changes import joined
from xzannot.operations.importing import ImportOutcome
from xzannot.operations.project import Project
from xzannot.ui.bus import ChangeBus
from xzannot.ui.common import fill
from xzannot.ui.progress import ProgressRun
from xzannot.ui.tasks import TaskRunner


def import_files(
    project: Project,
    worker: PdfiumWorker,
    paths: list[Path],
    *,
    progress: Callable[[int, int], None],
    cancel: threading.Event,
) -> list[ImportOutcome]:
    """Read every file the project does not hold yet, then store them all in one
    transaction (runs off the GUI thread)."""
    return importing.import_files(project, worker, paths, progress=progress, cancel=cancel)


class ImportFlow(QObject):
    """Runs imports for a window and reports the outcome."""

    finished = Signal(str)  # a summary for the status bar, after the project changed

    def __init__(
        self, parent: QWidget, tasks: TaskRunner, worker: PdfiumWorker, bus: ChangeBus
    ) -> None:
        super().__init__(parent)
        self._bus = bus
        self._parent = parent
        self._tasks = tasks
        self._worker = worker
        self.run: ProgressRun | None = None
        self.needing_text: list[int] = []  # pages of the last import that have no text

    def start(self, project: Project, paths: list[Path]) -> None:
        """Import ``paths`` with a progress dialog the user can cancel."""
        self.run = ProgressRun(self._parent, self._tasks, self.tr("Import"), self.tr("Importing…"))
        self.run.start(
            import_files,
            project,
            self._worker,
            paths,
            done=self._done,
            cancelled=lambda: self.finished.emit(self.tr("Import cancelled; nothing was changed.")),
        )

    def _done(self, outcomes: list[ImportOutcome]) -> None:
        new = [o for o in outcomes if not o.already_present]
        self.needing_text = [p for o in new for p in o.page_ids_needing_text]
        pages = sum(o.pages for o in new)
        old = len(outcomes) - len(new)
        text = fill(self.tr("Imported %1 document(s), %2 page(s)."), len(new), pages)
        if old:
            text += " " + fill(self.tr("%1 already in the project."), old)
        self._bus.publish(joined(o.changes for o in outcomes))
        self.finished.emit(text)
