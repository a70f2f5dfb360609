"""The common ground of the window's controllers: the shown page, the undo stack, who is working."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QUndoStack

from xzannot.core.spans import SpanInfo
from xzannot.errors import UserError
from xzannot.store.database import Project
from xzannot.ui.commands import Context
from xzannot.ui.page_state import PageState


class Controller(QObject):
    """Turns what the user asks for on the shown page into undoable commands."""

    failed = Signal(str)  # a change that could not be saved, in words

    def __init__(
        self,
        state: PageState,
        undo: QUndoStack,
        project: Callable[[], Project],
        annotator: Callable[[], str],
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.state = state
        self.undo = undo
        self._project = project
        self._annotator = annotator

    def context(self, changed: Callable[[int, SpanInfo | None], None]) -> Context:
        """What commands need, reporting success to ``changed`` and failure as ``failed``."""
        return Context(self._project, changed, self._fail)

    def _fail(self, exc: UserError) -> None:
        self.failed.emit(str(exc))
