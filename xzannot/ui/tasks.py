"""Running slow work off the GUI thread and getting results back as signals.

Every result, failure and progress report arrives on the GUI thread through
queued signals; the GUI thread never waits on a future or calls processEvents().
"""

from __future__ import annotations

import itertools
import threading
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass, field
from typing import Any

from PySide6.QtCore import QObject, Signal, Slot

Done = Callable[[Any], None]
Failed = Callable[[BaseException], None]
ProgressCallback = Callable[[int, int], None]


@dataclass
class _Callbacks:
    done: Done | None
    failed: Failed | None
    progress: ProgressCallback | None = None


@dataclass
class Task:
    """A handle on running work: cancel it, or ask whether it finished."""

    id: int
    cancel_event: threading.Event = field(default_factory=threading.Event)

    def cancel(self) -> None:
        """Ask the work to stop; it stops at its next check and reports CancelledError."""
        self.cancel_event.set()


class TaskRunner(QObject):
    """Runs functions on a background thread and delivers outcomes on the GUI thread."""

    _finished = Signal(int, object)
    _failed = Signal(int, object)
    _progressed = Signal(int, int, int)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._executor = ThreadPoolExecutor(max_workers=2, thread_name_prefix="xzannot-task")
        self._ids = itertools.count(1)
        self._callbacks: dict[int, _Callbacks] = {}
        self._tasks: dict[int, Task] = {}
        self._finished.connect(self._on_finished)
        self._failed.connect(self._on_failed)
        self._progressed.connect(self._on_progress)

    def run(
        self,
        fn: Callable[..., Any],
        *args: Any,
        done: Done | None = None,
        failed: Failed | None = None,
        progress: ProgressCallback | None = None,
        with_control: bool = False,
    ) -> Task:
        """Run ``fn(*args)`` in the background.

        With ``with_control``, ``fn`` also receives ``progress=`` (a callable
        ``(done, total)``, safe to call from any thread) and ``cancel=`` (a
        threading.Event) keyword arguments.
        """
        task = Task(next(self._ids))
        self._tasks[task.id] = task
        self._callbacks[task.id] = _Callbacks(done, failed, progress)
        kwargs: dict[str, Any] = {}
        if with_control:
            kwargs["progress"] = lambda n, total, tid=task.id: self._progressed.emit(tid, n, total)
            kwargs["cancel"] = task.cancel_event
        future = self._executor.submit(fn, *args, **kwargs)
        self._watch(task.id, future)
        return task

    def watch(
        self, future: Future[Any], done: Done | None = None, failed: Failed | None = None
    ) -> Task:
        """Deliver the outcome of a future from elsewhere (e.g. the pdfium worker)."""
        task = Task(next(self._ids))
        self._tasks[task.id] = task
        self._callbacks[task.id] = _Callbacks(done, failed)
        self._watch(task.id, future)
        return task

    def _watch(self, task_id: int, future: Future[Any]) -> None:
        def _report(f: Future[Any]) -> None:
            exc = f.exception()
            try:
                if exc is None:
                    self._finished.emit(task_id, f.result())
                else:
                    self._failed.emit(task_id, exc)
            except RuntimeError:
                pass  # the window closed meanwhile: nobody is left to tell

        future.add_done_callback(_report)

    @Slot(int, object)
    def _on_finished(self, task_id: int, result: Any) -> None:
        callbacks = self._pop(task_id)
        if callbacks and callbacks.done:
            callbacks.done(result)

    @Slot(int, object)
    def _on_failed(self, task_id: int, exc: BaseException) -> None:
        callbacks = self._pop(task_id)
        if callbacks and callbacks.failed:
            callbacks.failed(exc)
        elif callbacks is not None:
            raise exc

    @Slot(int, int, int)
    def _on_progress(self, task_id: int, done: int, total: int) -> None:
        callbacks = self._callbacks.get(task_id)
        if callbacks and callbacks.progress:
            callbacks.progress(done, total)

    def _pop(self, task_id: int) -> _Callbacks | None:
        self._tasks.pop(task_id, None)
        return self._callbacks.pop(task_id, None)

    def shutdown(self) -> None:
        """Cancel what can be cancelled and wait for running work to end."""
        for task in self._tasks.values():
            task.cancel()
        self._tasks.clear()
        self._executor.shutdown(wait=True, cancel_futures=True)
        self._callbacks.clear()
