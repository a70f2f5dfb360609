"""Long work run off the GUI thread behind a progress dialog the user can cancel."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, Qt
from PySide6.QtWidgets import QMessageBox, QProgressBar, QProgressDialog, QWidget

from xzannot.errors import CancelledError, UserError
from xzannot.ui.tasks import TaskRunner


class ProgressRun(QObject):
    """One piece of work with its progress dialog; the dialog closes before the outcome is told."""

    def __init__(self, parent: QWidget, tasks: TaskRunner, title: str, label: str) -> None:
        super().__init__(parent)
        self._parent = parent
        self._tasks = tasks
        self._title = title
        self._label = label
        self.dialog: QProgressDialog | None = None

    def start(
        self,
        fn: Callable[..., Any],
        *args: Any,
        done: Callable[[Any], None],
        cancelled: Callable[[], None],
        failed: Callable[[BaseException], bool] | None = None,
    ) -> None:
        """Run ``fn(*args, progress=…, cancel=…)`` (see TaskRunner.run) behind the dialog.

        The outcome goes to ``done``; a cancel to ``cancelled``; a failure first to
        ``failed`` (True: it was dealt with), then a mistake of the user's is said in a
        message box titled like the dialog, and anything else is a bug and raised.
        """
        dialog = QProgressDialog(self._label, self.tr("Cancel"), 0, 1000, self._parent)
        dialog.setWindowTitle(self._title)
        dialog.setWindowModality(Qt.WindowModality.WindowModal)
        dialog.setAutoClose(False)
        dialog.setAutoReset(False)
        # progress goes to the bar itself: a modal QProgressDialog.setValue() would run the
        # event loop from inside this slot, and the outcome could close the dialog under it
        bar = QProgressBar(dialog)
        bar.setRange(0, 1000)
        dialog.setBar(bar)
        self.dialog = dialog

        def on_progress(value: int, total: int) -> None:
            if self.dialog is dialog:  # still open
                bar.setMaximum(total)
                bar.setValue(value)

        def finish(report: Callable[[Any], None], outcome: Any) -> None:
            self._close()
            report(outcome)

        task = self._tasks.run(
            fn,
            *args,
            done=lambda result: finish(done, result),
            failed=lambda exc: finish(lambda e: self._failure(e, cancelled, failed), exc),
            progress=on_progress,
            with_control=True,
        )
        dialog.canceled.connect(task.cancel)
        dialog.show()

    def _failure(
        self,
        exc: BaseException,
        cancelled: Callable[[], None],
        failed: Callable[[BaseException], bool] | None,
    ) -> None:
        if failed is not None and failed(exc):
            return
        if isinstance(exc, CancelledError):
            cancelled()
        elif isinstance(exc, UserError):
            QMessageBox.warning(self._parent, self._title, str(exc))
        else:
            raise exc

    def _close(self) -> None:
        if self.dialog is not None:
            self.dialog.close()
            self.dialog.deleteLater()
            self.dialog = None
