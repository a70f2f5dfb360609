"""What the window remembers of how it was left: its layout and docks, and per project the
page shown, the zoom and the selection."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt

from xzannot.ui import settings as keys

if TYPE_CHECKING:
    from xzannot.ui.main_window import MainWindow


class ViewMemory(QObject):
    """Restores the window's layout and a project's view, and saves them again."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.window = window

    def restore_layout(self) -> None:
        """The window's geometry, docks and splitter as left (or a first layout)."""
        w, settings = self.window, self.window.settings
        geometry = settings.get(keys.WINDOW_GEOMETRY)
        if not geometry.isEmpty():
            w.restoreGeometry(geometry)
        state = settings.get(keys.WINDOW_STATE)
        if not state.isEmpty():
            w.restoreState(state)
        splitter = settings.get(keys.SPLITTER_STATE)
        if not splitter.isEmpty():
            w.splitter.restoreState(splitter)
        if state.isEmpty():
            docks = w.docks
            w.resize(1280, 860)
            w.resizeDocks([docks.pages_dock], [390], Qt.Orientation.Horizontal)
            w.resizeDocks([docks.spans_dock], [210], Qt.Orientation.Vertical)
            w.resizeDocks(
                [docks.spans_dock, docks.editor_dock], [700, 500], Qt.Orientation.Horizontal
            )

    def save_layout(self) -> None:
        """Keep the window's geometry, docks and splitter, and the project it shows."""
        w, settings = self.window, self.window.settings
        settings.set(keys.WINDOW_GEOMETRY, w.saveGeometry())
        settings.set(keys.WINDOW_STATE, w.saveState())
        settings.set(keys.SPLITTER_STATE, w.splitter.saveState())
        settings.set(keys.LAST_PROJECT, w.project.location.url)
        self.save_view()
        settings.sync()

    def restore_view(self) -> None:
        """The zoom and selection last left in this project."""
        w = self.window
        url = w.project.location.url
        zoom = w.settings.get(keys.last_zoom(url))
        if zoom > 0:
            w.page_view.set_zoom(zoom)
        selection = w.settings.get(keys.last_selection(url))
        if selection and w.state.data is not None:
            try:
                start, end = (int(part) for part in selection.split(","))
            except ValueError:
                return
            if 0 <= start <= end <= len(w.state.data.text):
                w.state.select_text(start, end)

    def save_view(self) -> None:
        """Keep the page shown, the zoom and the selection for this project."""
        w = self.window
        url = w.project.location.url
        if w.state.page_id is not None:
            w.settings.set(keys.last_page(url), w.state.page_id)
        w.settings.set(keys.last_zoom(url), 0.0 if w.page_view.fits_width() else w.page_view.zoom())
        start, end = w.state.selection
        w.settings.set(keys.last_selection(url), f"{start},{end}")
