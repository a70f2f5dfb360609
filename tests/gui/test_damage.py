"""Opening a damaged project from the window: its latest good backup is offered."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtWidgets import QMessageBox

from tests.unit.test_check_restore import _checkpoint, _damage_middle
from xzannot.operations.checking import check_project
from xzannot.store.backup import backup_folder, backup_sqlite
from xzannot.ui.main_window import MainWindow

MakeWindow = Callable[..., MainWindow]


def test_a_damaged_project_is_replaced_by_its_backup_when_the_reader_agrees(
    make_window: MakeWindow, sample_db: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    window = make_window(tmp_path / "another.sqlite")
    _checkpoint(sample_db)
    backup_sqlite(sample_db, "manual")
    _damage_middle(sample_db)
    asked: list[str] = []

    def yes(_parent: object, _title: str, text: str, *_args: object) -> object:
        asked.append(text)
        return QMessageBox.StandardButton.Yes

    monkeypatch.setattr(QMessageBox, "question", yes)
    window._open_path(sample_db, create=False)
    assert asked and "is damaged" in asked[0] and "latest good backup" in asked[0]
    assert window.project.location.path == sample_db
    assert window.pages_model.rowCount() == 3
    assert check_project(sample_db).sound
    assert len(list(backup_folder(sample_db).glob("*-replaced-*.sqlite"))) == 1
