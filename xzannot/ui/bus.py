"""The one channel on which saved changes reach every view of the window."""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal

from xzannot.operations.changes import OpChanges


class ChangeBus(QObject):
    """Carries an :class:`OpChanges` after each saved change; every view that shows something
    of the project listens and refreshes what the changes name, and nothing more."""

    changed = Signal(object)  # an OpChanges
    # an OpChanges of one undo step (a command done, undone or redone), told just before
    # ``changed``: the window goes to the page it changed, as an undo after moving on does
    stepped = Signal(object)
    failed = Signal(str)  # a change that could not be saved, in words

    def publish(self, changes: OpChanges, *, step: bool = False) -> None:
        """Tell every view what was changed; ``step``: by one undo step (a batch's outcome,
        an import, never turns the page)."""
        if step:
            self.stepped.emit(changes)
        self.changed.emit(changes)
