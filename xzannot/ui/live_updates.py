"""Seeing each other's changes: every two seconds the window reads what was changed in its
project since it last looked (by a colleague's window, the command line, another program) and
tells its views on the change bus, as if it had made the changes itself."""

from __future__ import annotations

import time

from PySide6.QtCore import QEvent, QObject, QTimer

from xzannot.errors import UserError
from xzannot.operations import live_updates
from xzannot.operations.changes import NOTHING, OpChanges
from xzannot.operations.project import Project
from xzannot.ui.bus import ChangeBus
from xzannot.ui.tasks import TaskRunner
from xzannot.ui.text_view import TextView

INTERVAL_MS = 2_000
TYPING_S = 1.5  # a pause in typing this long lets the shown page be read again


class LiveUpdates(QObject):
    """Follows the project's change log off the GUI thread and publishes what it finds on the
    window's :class:`ChangeBus`. While the user is typing into the page's text, the changes
    wait: the text view is read again only between words, never under the typing."""

    def __init__(self, tasks: TaskRunner, bus: ChangeBus, parent: QObject) -> None:
        super().__init__(parent)
        self._tasks = tasks
        self._bus = bus
        self._project: Project | None = None
        self._last = 0
        self._reading = False
        self._held: OpChanges = NOTHING
        self._typed_at = 0.0
        self._view: TextView | None = None
        self.timer = QTimer(self)
        self.timer.setInterval(INTERVAL_MS)
        self.timer.timeout.connect(self.poll)

    def watch_typing(self, view: TextView) -> None:
        """Hold changes back while the user types into ``view``."""
        self._view = view
        view.typed.connect(self._typed)

    def stop_with(self, window: QObject) -> None:
        """Stop when ``window`` closes (its tasks and project end with it)."""
        window.installEventFilter(self)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Close:
            self.stop()
        return super().eventFilter(watched, event)

    def start(self, project: Project) -> None:
        """Follow ``project`` from its newest change on (what came before is shown)."""
        self.stop()
        if project.read_only is not None:
            return  # a copy of its own: nobody else changes it
        try:
            self._last = live_updates.start(project)
        except UserError:
            return  # an unreadable log: the window works on, without others' changes
        self._project = project
        self.timer.start()

    def stop(self) -> None:
        """Follow nothing (the project is being closed)."""
        self.timer.stop()
        self._project = None
        self._held = NOTHING

    def poll(self) -> None:
        """Read what changed since the last look (one read at a time)."""
        project = self._project
        if project is None or self._reading:
            self._publish()
            return
        self._reading = True
        try:
            self._tasks.run(
                live_updates.changes_since,
                project,
                self._last,
                done=lambda result: self._read(project, result),
                failed=lambda _exc: self._done_reading(),
            )
        except RuntimeError:  # the window's tasks have ended: so has following
            self._reading = False
            self.stop()

    def _done_reading(self) -> None:
        self._reading = False

    def _read(self, project: Project, result: tuple[int, OpChanges]) -> None:
        self._reading = False
        if project is not self._project:
            return  # another project is shown now
        self._last, changes = result
        if changes != NOTHING:
            self._held = self._held | changes
        self._publish()

    def _typed(self) -> None:
        self._typed_at = time.monotonic()

    def typing(self) -> bool:
        """Whether the user is in the middle of typing into the page's text."""
        view = self._view
        if view is None or not view.editing() or not view.hasFocus():
            return False
        layout = view.textCursor().block().layout()
        composing = layout is not None and bool(layout.preeditAreaText())
        return composing or time.monotonic() - self._typed_at < TYPING_S

    def _publish(self) -> None:
        if self._held == NOTHING or self.typing():
            return
        changes, self._held = self._held, NOTHING
        self._bus.publish(changes)
