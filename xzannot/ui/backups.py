"""Backups while the window is open: of a changed project file every few minutes and when
the window leaves it, and at once when asked, each followed by thinning the older copies."""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor
from functools import partial
from pathlib import Path

from PySide6.QtCore import QObject, Qt, QTimer, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QMainWindow, QMenu

from xzannot.core.retention import Retention
from xzannot.errors import UserError
from xzannot.operations.backups import (
    MANUAL,
    PERIODIC,
    BackupDone,
    SoundBackups,
    back_up,
    backup_folder,
    change_mark,
    read_retention,
    write_retention,
)
from xzannot.operations.project import Project
from xzannot.ui import settings as keys
from xzannot.ui.backups_dialog import BackupsDialog
from xzannot.ui.common import fill
from xzannot.ui.settings import Settings
from xzannot.ui.tasks import TaskRunner

MINUTE_MS = 60_000
MOST_MINUTES = 24 * 60  # a day: the longest interval the dialog offers


class Backups(QObject):
    """Copies of the window's project file, made one at a time off the GUI thread.

    A copy is made on the timer only when the file changed since the last copy (or since it
    was opened), and once more when the window closes or opens another project, if it changed
    since. A failure is said once in the status bar, until a copy succeeds again. A project on
    a database server gets no copies: the server's own backups apply.
    """

    finished = Signal(object)  # a BackupDone, or None: the timer found nothing changed
    failed = Signal(str)  # why no copy was made, in words

    def __init__(
        self, window: QMainWindow, tasks: TaskRunner, settings: Settings, project: Project
    ) -> None:
        super().__init__(window)
        self._window = window
        self._tasks = tasks
        self._settings = settings
        self._executor = ThreadPoolExecutor(max_workers=1, thread_name_prefix="xzannot-backup")
        self._sound = SoundBackups()
        self._busy = False
        self._closed = False
        self._path: Path | None = None
        self._mark: tuple[int, ...] = ()  # the file's change mark when last copied (or opened)
        self._pending: tuple[int, ...] | None = None  # the mark of the copy being made
        self._said = ""  # the failure shown since the last copy made: shown once
        self._told_server = False
        self.dialog: BackupsDialog | None = None
        self.timer = QTimer(self)
        self.timer.timeout.connect(self.tick)
        self.track(project)
        self.start()

    def add_actions(self, menu: QMenu) -> None:
        """The File menu's entries: Back Up Now, and the Backups dialog."""
        now = QAction(self.tr("&Back Up Now"), self._window)
        now.triggered.connect(lambda _checked=False: self.back_up_now())
        menu.addAction(now)
        dialog = QAction(self.tr("Bac&kups…"), self._window)
        dialog.triggered.connect(self.open_dialog)
        menu.addAction(dialog)

    def open_dialog(self) -> BackupsDialog:
        """Show the Backups dialog (its preferences, Back Up Now)."""
        self.dialog = BackupsDialog(self, self._settings, self._window)
        self.dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.dialog.open()
        return self.dialog

    # preferences
    def minutes(self) -> int:
        """Minutes between copies (0: no copies but those asked for)."""
        return min(max(0, self._settings.get(keys.BACKUP_MINUTES)), MOST_MINUTES)

    def rule(self) -> Retention:
        """How many copies thinning keeps: as kept with the project's copies, so that
        ``xzannot backup`` thins alike."""
        return Retention() if self._path is None else read_retention(self._path)

    def keep(self, rule: Retention) -> None:
        """Keep ``rule`` for this project's copies from now on."""
        if self._path is not None:
            write_retention(self._path, rule)

    @property
    def path(self) -> Path | None:
        """The project file watched (None: a project on a server)."""
        return self._path

    def folder(self) -> Path | None:
        """Where the project's copies go (None: a project on a server)."""
        return None if self._path is None else backup_folder(self._path)

    def start(self, interval_ms: int | None = None) -> None:
        """(Re)start the timer: every ``interval_ms``, or as often as the preferences say."""
        if interval_ms is None:
            interval_ms = self.minutes() * MINUTE_MS
        if interval_ms > 0:
            self.timer.start(interval_ms)
        else:
            self.timer.stop()

    # the project
    def track(self, project: Project) -> None:
        """Watch ``project`` for changes from now on."""
        self._path = project.location.path
        self._mark = change_mark(self._path) if self._path is not None else ()
        self._told_server = False

    def switch_to(self, project: Project) -> None:
        """The window leaves its project for ``project``: a last copy of the one left, if
        it changed, then watch the other."""
        self.leave()
        self.track(project)

    def leave(self) -> None:
        """The window leaves its project (it closes, or opens another): one more copy if the
        file changed since the last and copies are made at all."""
        if self._path is not None and self.minutes() > 0:
            mark = change_mark(self._path)
            if mark not in (self._mark, self._pending):
                self._run(self._path, PERIODIC, mark)

    def tick(self) -> None:
        """The timer: a copy if the project file changed since the last one."""
        if self._path is None:
            if not self._told_server:
                self._told_server = True
                self._window.statusBar().showMessage(self.server_note(), 15_000)
            self.finished.emit(None)
            return
        if self._busy:
            return
        mark = change_mark(self._path)
        if mark == self._mark:
            self.finished.emit(None)
            return
        self._run(self._path, PERIODIC, mark)

    def back_up_now(self, rule: Retention | None = None) -> None:
        """A copy at once, changed or not; the status bar says where it went."""
        if self._path is None:
            self._window.statusBar().showMessage(self.server_note(), 15_000)
            return
        self._run(self._path, MANUAL, change_mark(self._path), rule=rule, say=True)

    def server_note(self) -> str:
        """What the window says of backups of a project on a database server."""
        return self.tr(
            "This project is on a database server: xzannot makes no backup copies of it; "
            "the server's own backups apply."
        )

    def shutdown(self) -> None:
        """Stop the timer and wait for the copy being made, if any."""
        self._closed = True
        self.timer.stop()
        self._executor.shutdown(wait=True)

    # running
    def _run(
        self,
        path: Path,
        reason: str,
        mark: tuple[int, ...],
        *,
        rule: Retention | None = None,
        say: bool = False,
    ) -> None:
        if self._closed:
            return
        self._busy, self._pending = True, mark
        future = self._executor.submit(
            back_up, path, reason, rule or self.rule(), sound=self._sound
        )
        self._tasks.watch(
            future,
            done=partial(self._done, path, mark, say),
            failed=partial(self._failed, path, say),
        )

    def _done(self, path: Path, mark: tuple[int, ...], say: bool, done: BackupDone) -> None:
        self._busy, self._pending = False, None
        if path == self._path:
            self._mark = mark  # taken before the copy: a change made during it is copied next
        self._said = ""
        if say:
            text = fill(self.tr("Backed up to %1"), done.path)
            self._window.statusBar().showMessage(text, 15_000)
        self.finished.emit(done)

    def _failed(self, path: Path, say: bool, exc: BaseException) -> None:
        self._busy, self._pending = False, None
        if not isinstance(exc, UserError):
            raise exc  # a bug: its traceback is wanted
        text = fill(self.tr("No backup of %1 was made: %2"), path.name, exc)
        if say or not self._said:  # said once, however often the timer meets it again
            self._said = text
            self._window.statusBar().showMessage(text)
        self.failed.emit(text)
