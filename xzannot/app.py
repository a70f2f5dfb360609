"""Wires the window: the application, fonts, the pdfium worker, the renderer and a project.

Everything the window needs is made here and passed in through constructors.
"""

from __future__ import annotations

import ctypes
import os
import sys
from pathlib import Path

from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QApplication, QMessageBox

from xzannot import __version__
from xzannot.errors import DamagedProjectError, UserError
from xzannot.io.pdfium_worker import PdfiumWorker
from xzannot.io.render import PageRenderer
from xzannot.operations.demo import ensure_demo
from xzannot.operations.project import Project, open_project
from xzannot.shipped import resource_path
from xzannot.ui import settings as keys
from xzannot.ui.fonts import cjk_font, register_fonts
from xzannot.ui.i18n import install_translations
from xzannot.ui.main_window import MainWindow
from xzannot.ui.settings import APPLICATION, ORGANIZATION, Settings

# shared libraries Qt's X11 plugin loads, and the Debian/Ubuntu packages that hold them
_XCB_PACKAGES = {
    "libxcb-cursor.so.0": "libxcb-cursor0",
    "libxcb-icccm.so.4": "libxcb-icccm4",
    "libxcb-keysyms.so.1": "libxcb-keysyms1",
    "libxcb-image.so.0": "libxcb-image0",
    "libxcb-render-util.so.0": "libxcb-render-util0",
    "libxcb-xkb.so.1": "libxcb-xkb1",
    "libxkbcommon-x11.so.0": "libxkbcommon-x11-0",
    "libxcb-shape.so.0": "libxcb-shape0",
    "libxcb-randr.so.0": "libxcb-randr0",
    "libEGL.so.1": "libegl1",
    "libGL.so.1": "libgl1",
    "libfontconfig.so.1": "libfontconfig1",
}


def _loadable(library: str) -> bool:
    try:
        ctypes.CDLL(library)
    except OSError:
        return False
    return True


def missing_system_libraries() -> str | None:
    """Why Qt's X11 window-system plugin cannot start here, in words, or None.

    Without its libraries Qt aborts the process with a terse message; naming
    the package to install is kinder.
    """
    platform = os.environ.get("QT_QPA_PLATFORM", "")
    if not sys.platform.startswith("linux") or platform not in ("", "xcb"):
        return None
    if not os.environ.get("DISPLAY") or (os.environ.get("WAYLAND_DISPLAY") and not platform):
        return None
    import PySide6

    plugin = Path(PySide6.__file__).parent / "Qt" / "plugins" / "platforms" / "libqxcb.so"
    if not plugin.exists():
        return None
    # each library by its own name: a PyInstaller bundle rewrites the plugin's load error
    # and loses the name of the library that is missing
    missing = [name for name in _XCB_PACKAGES if not _loadable(name)]
    if not missing:
        try:
            ctypes.CDLL(str(plugin))
        except OSError as exc:
            return f"the window cannot start: {exc}"
    if not missing:
        return None
    packages = " ".join(_XCB_PACKAGES[n] for n in missing)
    return (
        f"the window needs the system libraries {', '.join(missing)} "
        f"(on Debian or Ubuntu: sudo apt install {packages})"
    )


def make_application(argv: list[str] | None = None, language: str | None = None) -> QApplication:
    """The QApplication, with the shipped CJK fonts and the user's language installed.

    ``language`` overrides the preference ("" follows the system, "en", "zh_CN").
    """
    app = QApplication.instance()
    if not isinstance(app, QApplication):
        app = QApplication(argv if argv is not None else sys.argv[:1])
    app.setOrganizationName(ORGANIZATION)
    app.setApplicationName(APPLICATION)
    app.setApplicationVersion(__version__)
    app.setDesktopFileName("org.xzannot.xzannot")
    app.setWindowIcon(QIcon(str(resource_path("icons", "xzannot.svg"))))
    register_fonts()
    ui_font = cjk_font(app.font().pointSizeF() if app.font().pointSizeF() > 0 else 10)
    app.setFont(ui_font)
    if language is None:
        language = Settings().get(keys.LANGUAGE)
    install_translations(app, language)
    return app


def choose_project(
    settings: Settings, worker: PdfiumWorker, database: str | None, demo: bool
) -> Project:
    """The project to open: the one asked for, the demo, or the last one used."""
    if demo:
        return open_project(ensure_demo(worker).database)
    if database:
        return open_project(database, create=True)
    last = settings.get(keys.LAST_PROJECT)
    if last:
        try:
            return open_project(last)
        except UserError:
            pass  # moved or deleted since: fall back to the demo
    return open_project(ensure_demo(worker).database)


MB = 1024 * 1024


def build_window(
    database: str | Path | None = None,
    *,
    demo: bool = False,
    settings: Settings | None = None,
    worker: PdfiumWorker | None = None,
) -> MainWindow:
    """Make the window and everything it needs (the application must exist); ``worker``
    lends a running pdfium process instead of starting one."""
    settings = settings or Settings()
    if worker is None:
        worker = PdfiumWorker()
        worker.start_soon()  # ready by the time the first page is drawn
    project = choose_project(settings, worker, None if database is None else str(database), demo)
    renderer = PageRenderer(worker, cache_bytes=max(16, settings.get(keys.IMAGE_CACHE_MB)) * MB)
    window = MainWindow(project, worker, renderer, settings)
    settings.set(keys.LAST_PROJECT, project.location.url)
    return window


def shutdown_window(window: MainWindow, *, keep_worker: bool = False) -> None:
    """Release what :func:`build_window` made: background tasks, the project and (unless it
    was lent) the pdfium process."""
    window.backups.shutdown()  # waits for the copy made as the window closed, if any
    window.background.shutdown()  # waits for the page in hand, if any
    window.tasks.shutdown()
    window.project.close()
    if not keep_worker:
        window.worker.shutdown()


def run_window(database: str | None = None, *, demo: bool = False) -> int:
    """Open the window and run until it closes; returns the exit code."""
    problem = missing_system_libraries()
    if problem:
        sys.stderr.write(f"xzannot: {problem}\n")
        return 1
    app = make_application()
    try:
        try:
            window = build_window(database, demo=demo)
        except DamagedProjectError as exc:
            from xzannot.ui.damage import offer_backup

            if not offer_backup(None, exc):
                return 1
            window = build_window(database, demo=demo)
    except UserError as exc:
        QMessageBox.critical(None, "xzannot", str(exc))
        sys.stderr.write(f"xzannot: {exc}\n")
        return 1
    window.show()
    code = app.exec()
    shutdown_window(window)
    return code


def main() -> int:
    """Entry point of the ``xzannot-gui`` launcher."""
    return run_window()


if __name__ == "__main__":
    raise SystemExit(main())
