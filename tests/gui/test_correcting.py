"""Correcting text in the window: reviewing automatic corrections, typing, comparing."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QInputMethodEvent
from PySide6.QtWidgets import QApplication, QMessageBox
from pytestqt.qtbot import QtBot

from xzannot.core.edits import Edit
from xzannot.operations.changes import on_pages
from xzannot.operations.labelling import add_span
from xzannot.operations.reviewing import manual_edit
from xzannot.store.database import open_project
from xzannot.store.documents import page_content
from xzannot.ui.main_window import MainWindow

MakeWindow = Callable[..., MainWindow]


def stored_text(window: MainWindow) -> str:
    page_id = window.state.page_id
    assert page_id is not None
    with window.project.session() as session:
        return page_content(session, page_id).current


def group(window: MainWindow, kind_name: str):  # type: ignore[no-untyped-def]
    window.corrections_dock.raise_()  # as a reviewer clicks its tab
    tree = window.corrections.tree
    for i in range(tree.topLevelItemCount()):
        item = tree.topLevelItem(i)
        if item is not None and item.text(0).startswith(kind_name):
            return item
    raise AssertionError(f"no group {kind_name!r}")


def test_corrections_are_listed_by_kind_and_reverted_with_undo(
    make_window: MakeWindow,
    qtbot: QtBot,
    sample_db: Path,
) -> None:
    window = make_window(sample_db)
    assert "第二批" in window.text_view.toPlainText()
    radicals = group(window, "Radical look-alikes")
    count = radicals.childCount()
    assert count > 10
    assert "to review" in radicals.text(1)
    window.corrections.tree.setCurrentItem(radicals)
    radicals.setSelected(True)
    qtbot.mouseClick(window.corrections.revert_button, Qt.MouseButton.LeftButton)
    assert "第⼆批" in stored_text(window)  # the look-alike is back, as extracted
    assert "第⼆批" in window.text_view.toPlainText()
    window.undo_stack.undo()
    assert "第二批" in stored_text(window)
    window.undo_stack.redo()
    assert "第⼆批" in stored_text(window)
    # revert, undo (reverting the reverts), redo: three batches, the history kept whole
    assert group(window, "Reverts").childCount() == count * 3


def test_accepting_corrections_marks_them_reviewed(
    make_window: MakeWindow,
    qtbot: QtBot,
    sample_db: Path,
) -> None:
    window = make_window(sample_db)
    reflow = group(window, "Reading order")
    reflow.setSelected(True)
    qtbot.mouseClick(window.corrections.accept_button, Qt.MouseButton.LeftButton)
    reflow = group(window, "Reading order")
    assert reflow.text(1) == ""  # nothing left to review
    assert reflow.child(0).text(1) == "accepted"  # type: ignore[union-attr]


def test_typing_in_correction_mode_is_saved_and_undoable(
    make_window: MakeWindow,
    qtbot: QtBot,
    sample_db: Path,
) -> None:
    window = make_window(sample_db)
    window.go_to("22")
    text = window.state.data.text  # type: ignore[union-attr]
    at = text.index("人代会")
    vote = text.index("票决")
    page_id = window.state.page_id
    assert page_id is not None
    add_span(window.project, page_id, (vote, vote + 2), "policy", "甲")
    window.bus.publish(on_pages([page_id], spans=True))  # as a saved change reaches the views
    qtbot.keyClick(window.text_view, Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier)
    assert window.text_view.editing()
    window.text_view.select_range(at, at + 3)
    ime = QInputMethodEvent()  # Chinese arrives from an input method as a committed string
    ime.setCommitString("人民代表大会")
    QApplication.sendEvent(window.text_view, ime)
    assert "扎实办好人民代表大会票决" in stored_text(window)
    (span,) = window.state.spans
    assert span.quote == "票决"  # the span followed its word
    assert window.state.data.text[span.start : span.end] == "票决"  # type: ignore[union-attr]
    qtbot.keyClicks(window.text_view, "+")  # and plain keys type too
    assert "人民代表大会+票决" in stored_text(window)
    window.undo_stack.undo()
    window.undo_stack.undo()
    assert "扎实办好人代会票决" in stored_text(window)
    qtbot.wait(10)  # the view refreshes from the saved text once the change is over
    assert window.text_view.toPlainText() == stored_text(window)
    assert group(window, "Typed corrections").childCount() == 2
    window.undo_stack.redo()
    assert "人民代表大会票决" in stored_text(window)
    qtbot.keyClick(window.text_view, Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier)
    assert not window.text_view.editing()


def test_original_and_corrected_text_side_by_side(make_window: MakeWindow, sample_db: Path) -> None:
    window = make_window(sample_db)
    window.show_diff()
    html = window.diff_dialog.browser.toHtml()
    assert "line-through" in html
    assert "⼆" in html and "二" in html  # the look-alike struck out, the ideograph put in
    window.diff_dialog.close()


def test_corrections_are_only_worked_out_while_their_dock_shows(
    make_window: MakeWindow,
    sample_db: Path,
) -> None:
    window = make_window(sample_db)
    assert window.corrections.tree.topLevelItemCount() == 0  # behind the Spans tab
    window.corrections_dock.raise_()
    assert window.corrections.tree.topLevelItemCount() > 0


def test_each_correction_says_what_it_acted_on(make_window: MakeWindow, sample_db: Path) -> None:
    window = make_window(sample_db)
    reflow = group(window, "Reading order")
    assert "read 2 columns one after the other" in reflow.toolTip(0)
    assert "a page number" in reflow.child(0).toolTip(2)  # type: ignore[union-attr]
    radicals = group(window, "Radical look-alikes")
    assert "radical look-alike" in radicals.child(0).toolTip(0)  # type: ignore[union-attr]


def test_typing_onto_text_a_colleague_changed_meanwhile_is_refused_and_reloaded(
    make_window: MakeWindow,
    qtbot: QtBot,
    sample_db: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The typed edit's offsets belong to the text on screen: onto a text changed elsewhere
    they would land in the wrong place, so it is refused in words, and the page shows the
    colleague's text."""
    warnings: list[str] = []
    monkeypatch.setattr(
        QMessageBox, "warning", lambda _parent, _title, message: warnings.append(message)
    )
    window = make_window(sample_db)
    window.go_to("22")
    page_id = window.state.page_id
    assert page_id is not None
    text = window.state.data.text  # type: ignore[union-attr]
    at = text.index("人代会")
    with open_project(sample_db) as colleague:  # another reviewer, in another program
        manual_edit(colleague, page_id, Edit(0, 0, "【校】"), "乙")
    qtbot.keyClick(window.text_view, Qt.Key.Key_E, Qt.KeyboardModifier.ControlModifier)
    window.text_view.select_range(at, at + 3)
    ime = QInputMethodEvent()
    ime.setCommitString("人民代表大会")
    QApplication.sendEvent(window.text_view, ime)
    assert warnings and "changed elsewhere" in warnings[0]
    stored = stored_text(window)
    assert stored.startswith("【校】") and "人民代表大会" not in stored
    qtbot.waitUntil(lambda: window.text_view.toPlainText() == stored, timeout=5_000)
