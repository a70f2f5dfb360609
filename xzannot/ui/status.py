"""The window's status bar: which page is shown, whether changes are saved, and messages."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QLabel, QMainWindow

from xzannot.operations.changes import OpChanges
from xzannot.ui.common import BRIEF_MS, LONG_MS


class StatusBar(QObject):
    """The page label, the "✓ Saved" label, and messages for a while."""

    def __init__(self, window: QMainWindow, writable: Callable[[], bool]) -> None:
        super().__init__(window)
        self._writable = writable  # whether the project's changes are saved at all
        self._bar = window.statusBar()
        self.page_label = QLabel(window)
        self.saved_label = QLabel(window)
        self._bar.addPermanentWidget(self.page_label)
        self._bar.addPermanentWidget(self.saved_label)

    def say(self, text: str) -> None:
        """A hint, shown briefly."""
        self._bar.showMessage(text, BRIEF_MS)

    def tell(self, text: str) -> None:
        """An outcome worth reading, shown longer."""
        self._bar.showMessage(text, LONG_MS)

    def keep(self, text: str) -> None:
        """A message that stays until another replaces it."""
        self._bar.showMessage(text)

    def changed(self, changes: OpChanges) -> None:
        """A change was saved (a read-only project's, collated in a scratch copy, never is:
        it stays "Read-only")."""
        del changes  # every saved change is said the same way
        if not self._writable():
            return
        self.saved_label.setText(self.tr("✓ Saved"))
        self.saved_label.setToolTip(self.tr("Every change is saved to the project at once."))

    def not_saved(self) -> None:
        """A change could not be saved."""
        self.saved_label.setText(self.tr("Not saved"))

    def read_only(self) -> None:
        """Nothing can be saved to this project."""
        self.saved_label.setText(self.tr("Read-only"))
