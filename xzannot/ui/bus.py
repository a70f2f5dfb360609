"""The one channel on which saved changes reach every view of the window."""

from __future__ import annotations

from PySide6.QtCore import QObject, Signal

from xzannot.operations.changes import OpChanges


class ChangeBus(QObject):
    """Carries an :class:`OpChanges` after each saved change; every view that shows something
    of the project listens and refreshes what the changes name, and nothing more."""

    changed = Signal(object)  # an OpChanges
    failed = Signal(str)  # a change that could not be saved, in words

    def publish(self, changes: OpChanges) -> None:
        """Tell every view what was changed."""
        self.changed.emit(changes)
