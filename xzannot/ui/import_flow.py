"""Importing files from the window: a progress dialog, cancel, and no partial documents."""

from __future__ import annotations

import threading
from collections.abc import Callable
from functools import partial
from pathlib import Path

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QWidget

from xzannot.errors import CancelledError
from xzannot.io.pdfium_worker import PdfiumWorker
from xzannot.operations.importing import (
    ImportOutcome,
    read_document,
    store_documents,
)
from xzannot.store.database import Project
from xzannot.ui.progress import ProgressRun
from xzannot.ui.tasks import TaskRunner


def _file_progress(
    progress: Callable[[int, int], None], index: int, files: int, done: int, total: int
) -> None:
    """Files count as equal parts of the bar; pages move it within a file."""
    progress(index * 1000 + (done * 1000 // max(total, 1)), files * 1000)


def import_files(
    project: Project,
    worker: PdfiumWorker,
    paths: list[Path],
    *,
    progress: Callable[[int, int], None],
    cancel: threading.Event,
) -> list[ImportOutcome]:
    """Read every file, then store them all in one transaction (runs off the GUI thread)."""
    reads = []
    for index, path in enumerate(paths):
        page_progress = partial(_file_progress, progress, index, len(paths))
        reads.append(read_document(worker, path, progress=page_progress, cancel=cancel))
    if cancel.is_set():
        raise CancelledError()
    return store_documents(project, reads)


class ImportFlow(QObject):
    """Runs imports for a window and reports the outcome."""

    finished = Signal(str)  # a summary for the status bar, after the project changed

    def __init__(self, parent: QWidget, tasks: TaskRunner, worker: PdfiumWorker) -> None:
        super().__init__(parent)
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
        text = self.tr("Imported %1 document(s), %2 page(s).").replace("%1", str(len(new)))
        text = text.replace("%2", str(pages))
        if old:
            text += " " + self.tr("%1 already in the project.").replace("%1", str(old))
        self.finished.emit(text)
