"""A project that cannot be written opens in the window read-only: pages are shown corrected,
the title says read-only, and a change is refused in words with nothing written."""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from tests.gui.test_labelling import press
from xzannot.store import database
from xzannot.ui.main_window import MainWindow

MakeWindow = Callable[..., MainWindow]


def test_a_read_only_project_is_shown_and_changes_are_refused(
    make_window: MakeWindow, qtbot: QtBot, sample_db: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    before = hashlib.sha256(sample_db.read_bytes()).hexdigest()
    warnings: list[str] = []
    monkeypatch.setattr(
        QMessageBox, "warning", lambda _parent, _title, message: warnings.append(message)
    )
    monkeypatch.setattr(database, "unwritable", lambda _path: "its folder cannot be written")
    window = make_window(sample_db)
    assert "(read-only)" in window.windowTitle()
    assert window.state.data is not None and "⼆" not in window.state.data.text  # corrected
    window.text_view.select_range(5, 9)
    press(qtbot, window.text_view, "3")
    assert warnings and "is read-only" in warnings[0] and "damaged" not in warnings[0]
    assert window.state.spans == []
    window.close()
    assert hashlib.sha256(sample_db.read_bytes()).hexdigest() == before
