"""The common ground of the window's controllers: the shown page, the undo stack, who is working,
and the change bus their commands report to."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QObject
from PySide6.QtGui import QUndoStack

from xzannot.errors import UserError
from xzannot.operations.changes import OpChanges
from xzannot.operations.project import Project
from xzannot.ui.bus import ChangeBus
from xzannot.ui.commands import Context
from xzannot.ui.page_state import PageState


@dataclass(frozen=True)
class Workbench:
    """What every controller works with."""

    state: PageState
    undo: QUndoStack
    project: Callable[[], Project]
    annotator: Callable[[], str]
    bus: ChangeBus


class Controller(QObject):
    """Turns what the user asks for on the shown page into undoable commands."""

    def __init__(self, bench: Workbench, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.bench = bench
        self.state = bench.state
        self.undo = bench.undo
        self.bus = bench.bus
        self._project = bench.project
        self._annotator = bench.annotator

    def context(self, after: Callable[[OpChanges], None] | None = None) -> Context:
        """What commands need: each saved change goes out on the bus (then to ``after``),
        each failure too, in words."""

        def changed(changes: OpChanges) -> None:
            self.bus.publish(changes, step=True)
            if after is not None:
                after(changes)

        return Context(self._project, changed, self._fail)

    def _fail(self, exc: UserError) -> None:
        self.bus.failed.emit(str(exc))
