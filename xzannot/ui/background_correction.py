"""Correcting the pages nobody has opened yet while the window is open: after an import and
when a project is opened, a few pages at a time on a thread of their own, so that collating,
exporting and the first look at a page find them corrected. It stops at once when the window
leaves the project, and goes on where it stopped the next time the project is opened."""

from __future__ import annotations

import contextlib
import threading
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from typing import Any

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QLabel, QMainWindow

from xzannot.operations.correcting_all import correct_pages, pages_to_correct
from xzannot.operations.project import Project
from xzannot.ui.common import fill
from xzannot.ui.tasks import TaskRunner

CHUNK = 25  # pages a turn: the thread yields between turns, and stops within one page


class BackgroundCorrection(QObject):
    """Corrects a project's uncorrected pages in the background, a chunk at a time."""

    progressed = Signal(int, int)  # pages looked at, pages in all
    finished = Signal(int)  # pages looked at (all of them, unless stopped)
    problem = Signal(str)  # pages that could not be corrected, or why the work stopped

    def __init__(self, window: QMainWindow, tasks: TaskRunner) -> None:
        super().__init__(window)
        self._tasks = tasks
        self._executor = ThreadPoolExecutor(max_workers=1, thread_name_prefix="xzannot-correct")
        self._stop = threading.Event()
        self._project: Project | None = None
        self._pending: list[int] = []
        self._done = 0
        self._total = 0
        self._running: Future[Any] | None = None
        self.problems: list[str] = []
        self.label = QLabel(window)
        self.label.hide()
        window.statusBar().addPermanentWidget(self.label)

    @property
    def running(self) -> bool:
        """Whether pages are being corrected."""
        return self._project is not None

    def start(self, project: Project) -> None:
        """Correct ``project``'s uncorrected pages (what was going on before stops)."""
        self.stop()
        self._project, self._stop = project, threading.Event()
        self.problems = []
        self._deliver(self._executor.submit(pages_to_correct, project), self._found)

    def _found(self, page_ids: list[int]) -> None:
        self._pending, self._done, self._total = list(page_ids), 0, len(page_ids)
        self._next()

    def _next(self) -> None:
        if self._project is None or self._stop.is_set() or not self._pending:
            self._finish()
            return
        chunk, self._pending = self._pending[:CHUNK], self._pending[CHUNK:]
        work = self._executor.submit(correct_pages, self._project, chunk, stop=self._stop.is_set)
        self._deliver(work, self._chunk_done)

    def _chunk_done(self, result: tuple[int, list[str]]) -> None:
        looked_at, problems = result
        self._done += looked_at
        self.problems += problems
        self.progressed.emit(self._done, self._total)
        self.label.setText(fill(self.tr("Correcting pages: %1 of %2"), self._done, self._total))
        self.label.setVisible(True)
        self._next()

    def _deliver(self, work: Future[Any], done: Callable[[Any], None]) -> None:
        """Hand ``work``'s outcome to ``done`` on the GUI thread, unless stopped meanwhile."""
        stop = self._stop
        self._running = work

        def delivered(result: Any) -> None:
            if not stop.is_set():
                done(result)

        def failed(exc: BaseException) -> None:
            if not stop.is_set():
                self.problem.emit(fill(self.tr("Correcting pages stopped: %1"), exc))
                self._finish()

        self._tasks.watch(work, done=delivered, failed=failed)

    def _finish(self) -> None:
        if self._project is not None and not self._stop.is_set():
            if self.problems:
                text = self.tr("%1 page(s) could not be corrected; the first: %2")
                self.problem.emit(fill(text, len(self.problems), self.problems[0]))
            self.finished.emit(self._done)
        self._project = None
        self._pending = []
        self.label.hide()

    def stop(self) -> None:
        """Stop at the next page, and wait for the page in hand (the project may be closed
        right after)."""
        self._stop.set()
        running, self._running = self._running, None
        if running is not None:
            with contextlib.suppress(Exception):
                running.result(timeout=30)
        self._project = None
        self._pending = []
        self.label.hide()

    def shutdown(self) -> None:
        """Stop for good (the window closes)."""
        self.stop()
        self._executor.shutdown(wait=True)
