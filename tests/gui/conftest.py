"""Fixtures for window tests: isolated settings, and windows that must not leak."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from xzannot.app import build_window, make_application, shutdown_window
from xzannot.io.pdfium_worker import PdfiumWorker
from xzannot.ui import settings as keys
from xzannot.ui.main_window import MainWindow
from xzannot.ui.settings import Settings


@pytest.fixture(scope="session")
def qapp_cls() -> type[QApplication]:
    return QApplication


@pytest.fixture(scope="session")
def qapp(qapp_args: list[str], qapp_cls: type[QApplication]) -> QApplication:
    """The application, set up exactly as ``xzannot`` sets it up (fonts included)."""
    return make_application(["xzannot-tests"], language="en")


@pytest.fixture(autouse=True)
def application(qapp: QApplication) -> QApplication:
    """Every window test has the application, fonts included, whichever test ran before it
    in its process (tests run in parallel, in any order)."""
    return qapp


@pytest.fixture
def settings(tmp_path: Path) -> Settings:
    """Preferences in a private INI file, with the annotator's name already given."""
    settings = Settings(QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat))
    settings.set(keys.ANNOTATOR, "审校员甲")
    # pages are corrected when a test shows, collates or exports them, not behind its back
    # (tests/gui/test_background_correction.py turns it on)
    settings.set(keys.CORRECT_IN_BACKGROUND, False)
    return settings


@pytest.fixture
def make_window(
    qtbot: QtBot, settings: Settings, qapp: QApplication, worker: PdfiumWorker
) -> Iterator[Callable[..., MainWindow]]:
    """Build windows like the app does; fail the test if any top-level widget is left open."""
    before = {id(w) for w in qapp.topLevelWidgets() if w.isVisible()}
    windows: list[MainWindow] = []

    def make(database: Path | None = None, *, demo: bool = False, show: bool = True) -> MainWindow:
        window = build_window(database, demo=demo, settings=settings, worker=worker)
        windows.append(window)
        window.resize(1200, 800)
        if show:
            window.show()
            qtbot.waitExposed(window)
            window.activateWindow()  # window shortcuts (label keys, undo) need an active window
            qtbot.waitUntil(window.isActiveWindow, timeout=5_000)
        return window

    yield make
    for window in windows:
        window.close()
        shutdown_window(window, keep_worker=True)
        window.deleteLater()
    qtbot.wait(10)
    leaked = [w for w in qapp.topLevelWidgets() if w.isVisible() and id(w) not in before]
    assert not leaked, f"top-level widgets left open: {leaked}"
