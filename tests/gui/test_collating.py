"""Collating pages with a reference witness in the window, as an archivist does."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox
from pytestqt.qtbot import QtBot

from tests.conftest import SAMPLE_REFERENCE
from xzannot.operations.importing import import_reference
from xzannot.store.collation import reference_text, references_of_page
from xzannot.store.database import open_project
from xzannot.ui.main_window import MainWindow

MakeWindow = Callable[..., MainWindow]


@pytest.fixture
def with_reference(sample_db: Path) -> Path:
    with open_project(sample_db) as project:
        import_reference(project, SAMPLE_REFERENCE, document="1")
    return sample_db


def readings(window: MainWindow) -> list[tuple[str, str]]:
    return [(d.page_reading, d.reference_reading) for d in window.differences.model.differences()]


def cer_cell(window: MainWindow, row: int) -> str:
    return str(window.pages_model.index(row, window.pages_model.COLUMNS.index("cer")).data())


def test_differences_are_listed_marked_and_settled_from_the_keyboard(
    make_window: MakeWindow, qtbot: QtBot, with_reference: Path
) -> None:
    window = make_window(with_reference)
    assert readings(window) == [("ŷ", "2")]  # page 1: the misread pm2.5
    assert "1 open difference(s)" in window.differences.summary.text()
    assert cer_cell(window, 0).endswith("%")
    window.step_page(1)
    assert readings(window) == [("+", ""), ("人代会", "人民代表大会")]
    assert window.text_view.marks.differences == [(348, 349), (635, 638)]  # marked in the text

    qtbot.keyClick(window.text_view, Qt.Key.Key_F8)  # to the first difference
    qtbot.keyClick(window.differences.table, Qt.Key.Key_F8)  # and the next
    assert window.state.selection == (635, 638)  # its characters are selected: glyphs lit
    (lit,) = window.page_view.overlay.selection_rects()  # the three glyphs, on one line
    assert window.state.data is not None
    glyphs = [b for b in window.state.data.boxes[635:638] if b is not None]
    assert len(glyphs) == 3
    assert lit.left() <= glyphs[0][0] + 0.5 and lit.right() >= glyphs[-1][2] - 0.5
    qtbot.keyClick(window.differences.table, Qt.Key.Key_Return)  # accept
    assert window.state.data is not None
    assert "扎实办好人民代表大会票决" in window.state.data.text
    assert readings(window) == [("+", "")]

    window.undo_stack.undo()
    assert "扎实办好人代会票决" in window.state.data.text
    assert readings(window) == [("+", ""), ("人代会", "人民代表大会")]

    window.differences.select_row(0)
    qtbot.keyClick(window.differences.table, Qt.Key.Key_Delete)  # reject: the + stays
    assert readings(window) == [("人代会", "人民代表大会")]
    assert "1 rejected before" in window.differences.summary.text()
    window.step_page(-1)
    window.step_page(1)  # collated again: the rejected one stays settled
    assert readings(window) == [("人代会", "人民代表大会")]
    window.undo_stack.undo()
    assert readings(window) == [("+", ""), ("人代会", "人民代表大会")]


def test_accepting_every_difference_of_a_kind_is_one_undo_step(
    make_window: MakeWindow, with_reference: Path
) -> None:
    window = make_window(with_reference)
    window.step_page(1)
    panel = window.differences
    panel.kind.setCurrentIndex(panel.kind.findText("substitution", Qt.MatchFlag.MatchStartsWith))
    panel.accept_kind.click()
    assert readings(window) == [("+", "")]
    window.undo_stack.undo()
    assert len(readings(window)) == 2


def test_a_page_without_counterpart_says_so(make_window: MakeWindow, with_reference: Path) -> None:
    window = make_window(with_reference)
    window.step_page(2)
    assert readings(window) == []
    assert "no counterpart" in window.differences.summary.text()
    assert cer_cell(window, 2) == "—"


def test_a_reference_is_checked_before_it_is_stored(
    make_window: MakeWindow, qtbot: QtBot, sample_db: Path
) -> None:
    window = make_window(sample_db)
    assert "no reference text" in window.differences.summary.text()
    window.choose_reference()
    dialog = window.reference_dialog
    assert dialog is not None
    dialog.load(SAMPLE_REFERENCE)
    assert dialog.removed.count() == 5  # the site's notice, the address, the comment box …
    assert "验证码" in dialog.removed.item(3).text()
    save = dialog.buttons.button(QDialogButtonBox.StandardButton.Save)
    qtbot.mouseClick(save, Qt.MouseButton.LeftButton)
    assert dialog.outcome is not None and not dialog.outcome.already_present
    with window.project.session() as session:
        (stored,) = references_of_page(session, window.state.page_id or 0)
        text = reference_text(session, stored.id)
    assert "验证码" not in text and stored.title == "xiuzhou-2022-web-transcription"
    assert readings(window) == [("ŷ", "2")]  # collated at once

    window.choose_reference()
    pasted = window.reference_dialog
    assert pasted is not None
    pasted.text.setPlainText("   \n")
    qtbot.mouseClick(
        pasted.buttons.button(QDialogButtonBox.StandardButton.Save), Qt.MouseButton.LeftButton
    )
    assert pasted.isVisible() and "empty" in pasted.error.text()


def test_collating_every_page_fills_the_pages_list(
    make_window: MakeWindow, qtbot: QtBot, with_reference: Path
) -> None:
    window = make_window(with_reference)
    assert cer_cell(window, 1) == ""  # not shown yet, so not collated
    with qtbot.waitSignal(window.collating.agreementsChanged, timeout=20_000) as done:
        window.collating.collate_all()
    assert len(done.args[0]) == 3
    assert [cer_cell(window, row) for row in range(3)] == ["0.1%", "0.4%", "—"]
    tip = window.pages_model.index(1, window.pages_model.COLUMNS.index("cer")).data(
        Qt.ItemDataRole.ToolTipRole
    )
    assert tip == "2 open difference(s) from the reference, which covers 81% of the page."
    assert "3 open difference(s)" in window.statusBar().currentMessage()
