"""What the window did before it was split into parts (menus, docks, lifecycle, the change
bus), and still does: batch flows leave the shown page where it is, a failed change shows
what is stored everywhere, a read-only project never says "✓ Saved", adding a reference keeps
the reader's place."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox, QMessageBox
from pytestqt.qtbot import QtBot

from tests.conftest import SAMPLE_REFERENCE
from tests.gui.test_labelling import press
from xzannot.operations.labelling import change_span
from xzannot.operations.showing import show_page
from xzannot.store import database
from xzannot.store.database import open_project
from xzannot.ui.main_window import MainWindow

MakeWindow = Callable[..., MainWindow]


def spans_cell(window: MainWindow, page_id: int) -> str:
    model = window.pages_model
    return str(model.index(model.row_of(page_id), model.COLUMNS.index("spans")).data())


def test_spans_imported_onto_another_page_leave_the_shown_page(
    make_window: MakeWindow,
    qtbot: QtBot,
    sample_db: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    warnings: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _p, _t, message: warnings.append(message))
    window = make_window(sample_db)
    shown = window.state.page_id
    other = next(p.id for p in window.pages_model.pages() if p.id != shown)
    text = show_page(window.project, other).content.current  # as corrected, and exported
    path = tmp_path / "spans.jsonl"
    record = {"text": text, "label": [[0, 4, "policy"]]}
    path.write_text(json.dumps(record, ensure_ascii=False) + "\n", encoding="utf-8")
    with qtbot.waitSignal(window.corpus.finished, timeout=20_000):
        window.corpus.start_import([path])
    assert warnings == []
    assert window.state.page_id == shown  # as before: the import does not turn the page
    assert spans_cell(window, other) == "1"  # the other page's row counts its new span


def test_a_failed_undo_shows_the_stored_span_count_in_the_pages_list(
    make_window: MakeWindow, qtbot: QtBot, sample_db: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    warnings: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda _p, _t, message: warnings.append(message))
    window = make_window(sample_db)
    shown = window.state.page_id
    assert shown is not None
    window.text_view.select_range(5, 9)
    press(qtbot, window.text_view, "3")
    (span,) = window.state.spans
    assert spans_cell(window, shown) == "1"
    with open_project(sample_db) as colleague:
        change_span(colleague, span.id, deleted=True)  # another reviewer deletes it meanwhile
    window.undo_stack.undo()  # refused: the span is no longer as this window made it
    assert warnings and window.saved_label.text() == "Not saved"
    assert window.state.spans == []  # what is stored is shown …
    assert spans_cell(window, shown) == "0"  # … in the pages list too


def test_collating_a_read_only_project_does_not_say_saved(
    make_window: MakeWindow, qtbot: QtBot, sample_db: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(database, "unwritable", lambda _path: "its folder cannot be written")
    window = make_window(sample_db)
    assert window.saved_label.text() == "Read-only"
    with qtbot.waitSignal(window.collating.agreementsChanged, timeout=20_000):
        window.collating.collate_all()
    assert window.saved_label.text() == "Read-only"


def test_adding_a_reference_keeps_the_selection(
    make_window: MakeWindow, qtbot: QtBot, sample_db: Path
) -> None:
    window = make_window(sample_db)
    window.text_view.select_range(5, 9)
    assert window.state.selection == (5, 9)
    window.choose_reference()
    dialog = window.reference_dialog
    assert dialog is not None
    dialog.load(SAMPLE_REFERENCE)
    save = dialog.buttons.button(QDialogButtonBox.StandardButton.Save)
    qtbot.mouseClick(save, Qt.MouseButton.LeftButton)
    assert dialog.outcome is not None and not dialog.outcome.already_present
    assert window.differences.model.differences()  # collated at once
    assert window.state.selection == (5, 9)  # the page was not shown afresh
