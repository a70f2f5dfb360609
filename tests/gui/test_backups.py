"""Backups while the window is open: on the timer when the project changed, when the window
closes, and at once from the Backups dialog; failures said once, in the status bar."""

from __future__ import annotations

import shutil
from collections.abc import Callable
from pathlib import Path

from PySide6.QtWidgets import QDialogButtonBox
from pytestqt.qtbot import QtBot

from xzannot.core.retention import Retention
from xzannot.operations.backups import BackupDone, backup_folder, list_backups, read_retention
from xzannot.store.check import sqlite_problems
from xzannot.store.database import open_project
from xzannot.store.spans import list_spans
from xzannot.ui import settings as keys
from xzannot.ui.main_window import MainWindow
from xzannot.ui.settings import Settings

MakeWindow = Callable[..., MainWindow]
TICK_MS = 30


def _ticks(window: MainWindow, qtbot: QtBot, count: int) -> list[BackupDone | None]:
    """What the backup timer's next ``count`` rounds did (a copy, or None: nothing changed)."""
    seen: list[BackupDone | None] = []
    window.backups.finished.connect(seen.append)
    window.backups.start(TICK_MS)
    try:
        qtbot.waitUntil(lambda: len(seen) >= count, timeout=10_000)
    finally:
        window.backups.finished.disconnect(seen.append)
    return seen


def _mark_a_span(window: MainWindow) -> None:
    window.text_view.select_range(3, 7)
    window.labelling.apply_label("policy")


def test_an_unchanged_project_gets_no_backup(
    make_window: MakeWindow, db_path: Path, qtbot: QtBot
) -> None:
    window = make_window(db_path)
    assert _ticks(window, qtbot, 3) == [None, None, None]
    assert list_backups(db_path) == []


def test_a_change_is_backed_up_on_the_timer_once(
    make_window: MakeWindow, sample_db: Path, qtbot: QtBot
) -> None:
    window = make_window(sample_db)
    _ticks(window, qtbot, 1)  # showing the first page may store its automatic corrections
    before = list_backups(sample_db)
    _mark_a_span(window)
    seen = _ticks(window, qtbot, 1)
    qtbot.waitUntil(lambda: any(seen), timeout=10_000)
    done = next(d for d in seen if d is not None)
    assert [b.path for b in list_backups(sample_db)] == [done.path] + [b.path for b in before]
    assert list_backups(sample_db)[0].reason == "periodic"
    assert not sqlite_problems(done.path)
    with open_project(done.path) as copy, copy.session() as session:
        assert [s.label for s in list_spans(session, window.state.page_id or 0)] == ["policy"]
    assert _ticks(window, qtbot, 3) == [None, None, None]  # nothing changed since
    assert len(list_backups(sample_db)) == len(before) + 1


def test_closing_the_window_backs_up_a_changed_project(
    make_window: MakeWindow, sample_db: Path, qtbot: QtBot
) -> None:
    window = make_window(sample_db)
    _ticks(window, qtbot, 1)
    before = len(list_backups(sample_db))
    window.close()
    window.backups.shutdown()
    assert len(list_backups(sample_db)) == before  # unchanged: no copy
    window = make_window(sample_db)
    _mark_a_span(window)
    window.close()
    window.backups.shutdown()  # as the application does once the window is closed
    assert len(list_backups(sample_db)) == before + 1


def test_opening_another_project_backs_up_the_one_left_if_it_changed(
    make_window: MakeWindow, sample_db: Path, tmp_path: Path, qtbot: QtBot
) -> None:
    window = make_window(sample_db)
    _ticks(window, qtbot, 1)
    before = len(list_backups(sample_db))
    _mark_a_span(window)
    with qtbot.waitSignal(window.backups.finished, timeout=10_000):
        window._open_path(tmp_path / "another.sqlite", create=True)
    assert len(list_backups(sample_db)) == before + 1
    assert window.backups.path == tmp_path / "another.sqlite"
    assert _ticks(window, qtbot, 2) == [None, None]  # the new project, unchanged
    assert list_backups(tmp_path / "another.sqlite") == []


def test_a_failed_backup_is_said_once_in_the_status_bar(
    make_window: MakeWindow, sample_db: Path, qtbot: QtBot
) -> None:
    window = make_window(sample_db)
    _ticks(window, qtbot, 1)
    shutil.rmtree(backup_folder(sample_db), ignore_errors=True)
    backup_folder(sample_db).write_text("a file where the backups folder should be")
    _mark_a_span(window)
    failures: list[str] = []
    window.backups.failed.connect(failures.append)
    window.backups.start(TICK_MS)
    qtbot.waitUntil(lambda: len(failures) >= 1, timeout=10_000)
    message = window.statusBar().currentMessage()
    assert message.startswith("No backup of") and "cannot back up" in message
    assert "Traceback" not in message
    window.statusBar().clearMessage()
    qtbot.waitUntil(lambda: len(failures) >= 3, timeout=10_000)  # it goes on trying…
    window.backups.timer.stop()
    assert window.statusBar().currentMessage() == ""  # …but says so only once


def test_the_backups_dialog_keeps_its_counts_and_backs_up_now(
    make_window: MakeWindow, sample_db: Path, qtbot: QtBot, settings: Settings
) -> None:
    window = make_window(sample_db)
    dialog = window.backups.open_dialog()
    qtbot.waitExposed(dialog)
    assert (dialog.minutes.value(), dialog.recent.value()) == (30, 12)
    assert (dialog.daily.value(), dialog.weekly.value()) == (10, 9)
    assert str(backup_folder(sample_db)) in dialog.where.text()
    with qtbot.waitSignal(window.backups.finished, timeout=10_000) as blocker:
        dialog.now_button.click()
    done = blocker.args[0]
    assert isinstance(done, BackupDone) and done.path.exists()
    assert done.path.name in dialog.status.text()
    assert str(done.path) in window.statusBar().currentMessage()  # says where it went
    assert list_backups(sample_db)[0].reason == "manual"
    dialog.minutes.setValue(5)
    dialog.recent.setValue(20)
    dialog.weekly.setValue(0)
    buttons = dialog.findChild(QDialogButtonBox)
    assert buttons is not None
    buttons.button(QDialogButtonBox.StandardButton.Ok).click()
    assert settings.get(keys.BACKUP_MINUTES) == 5
    # the counts are kept with the copies, where ``xzannot backup`` reads them too
    assert read_retention(sample_db) == Retention(20, 10, 0)
    assert window.backups.timer.interval() == 5 * 60_000
    dialog = window.backups.open_dialog()
    dialog.minutes.setValue(0)  # never
    assert dialog.minutes.text() == "never"
    dialog.accept()
    assert not window.backups.timer.isActive()
