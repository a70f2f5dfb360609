"""Suggestions, target attributes, the rules editor and the guide, as a user meets them."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox
from pytestqt.qtbot import QtBot

from tests.gui.test_labelling import stored_spans
from xzannot.core.spans import SpanStatus
from xzannot.operations.suggesting import rules_text, shipped_rules_text
from xzannot.ui import settings as keys
from xzannot.ui.main_window import MainWindow
from xzannot.ui.settings import Settings

MakeWindow = Callable[..., MainWindow]


def suggest_here(window: MainWindow, qtbot: QtBot) -> str:
    with qtbot.waitSignal(window.suggesting.finished, timeout=20_000) as done:
        qtbot.keyClick(
            window.text_view,
            Qt.Key.Key_S,
            Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
        )
    # the progress dialog was the active window; the offscreen platform does not hand
    # activation back by itself as a desktop does
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow)
    return str(done.args[0])


def test_suggesting_on_a_page_then_accepting_from_the_keyboard(
    make_window: MakeWindow,
    qtbot: QtBot,
    sample_db: Path,
) -> None:
    window = make_window(sample_db)
    window.text_view.setFocus()
    summary = suggest_here(window, qtbot)
    spans = stored_spans(window)
    assert f"{len(spans)} new suggestion(s)" in summary
    assert {s.label for s in spans} == {"target", "project", "policy"}
    assert {s.status for s in spans} == {SpanStatus.SUGGESTED}
    assert window.spans_model.rowCount() == len(spans)  # shown at once
    spans_column = window.pages_model.COLUMNS.index("spans")
    assert window.pages_model.index(0, spans_column).data() == str(len(spans))

    window.spans_table.setFocus()
    qtbot.keyClick(window.spans_table, Qt.Key.Key_Home)
    first = window.state.selected_span
    qtbot.keyClick(window.spans_table, Qt.Key.Key_Return)  # accept
    qtbot.keyClick(window.spans_table, Qt.Key.Key_Down)
    qtbot.keyClick(window.spans_table, Qt.Key.Key_Delete)  # reject
    statuses = [s.status for s in stored_spans(window)]
    assert statuses.count(SpanStatus.ACCEPTED) == 1
    assert statuses.count(SpanStatus.REJECTED) == 1
    assert {s.id: s.status for s in stored_spans(window)}[first] is SpanStatus.ACCEPTED

    window.text_view.setFocus()
    again = suggest_here(window, qtbot)
    assert again.startswith("No new suggestions.")
    assert len(stored_spans(window)) == len(spans)  # the rejected one stayed rejected


def test_a_targets_attributes_are_shown_and_edited(
    make_window: MakeWindow,
    qtbot: QtBot,
    sample_db: Path,
) -> None:
    window = make_window(sample_db)
    suggest_here(window, qtbot)
    (air,) = [s for s in stored_spans(window) if s.quote == "空气质量优良率达到90%以上"]
    window.state.select_span(air.id)
    editor = window.editor
    rows = {
        editor.attributes.item(r, 0).text(): editor.attributes.item(r, 1).text()
        for r in range(editor.attributes.rowCount())
    }
    assert rows == {
        "indicator": "空气质量优良率",
        "value": "90",
        "unit": "%",
        "comparator": "≥",
        "direction": "level",
    }
    value_row = [editor.attributes.item(r, 0).text() for r in range(5)].index("value")
    editor.attributes.item(value_row, 1).setText("92.5")
    qtbot.mouseClick(editor.apply, Qt.MouseButton.LeftButton)
    (saved,) = [s for s in stored_spans(window) if s.id == air.id]
    assert saved.attributes["value"] == 92.5  # a number, not text
    window.undo_stack.undo()
    (restored,) = [s for s in stored_spans(window) if s.id == air.id]
    assert restored.attributes["value"] == 90


def test_broken_rules_are_explained_and_not_kept(
    make_window: MakeWindow,
    qtbot: QtBot,
    sample_db: Path,
) -> None:
    window = make_window(sample_db)
    window.suggesting.edit_rules()
    dialog = window.suggesting.rules_dialog
    assert dialog is not None
    assert dialog.editor.toPlainText() == shipped_rules_text()
    dialog.editor.setPlainText(shipped_rules_text().replace('label = "policy"', 'label = "政策"'))
    save = dialog.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Save)
    qtbot.mouseClick(save, Qt.MouseButton.LeftButton)
    assert dialog.isVisible()
    assert "the project has no label '政策'" in dialog.error.text()
    with window.project.session() as session:
        assert rules_text(session) == shipped_rules_text()

    own = shipped_rules_text().replace('"兆瓦",', '"兆瓦", "万标箱",')
    dialog.editor.setPlainText(own)
    qtbot.mouseClick(save, Qt.MouseButton.LeftButton)
    assert not dialog.isVisible()
    with window.project.session() as session:
        assert rules_text(session) == own


def test_the_guide_opens_in_the_windows_language(
    make_window: MakeWindow, qtbot: QtBot, settings: Settings, db_path: Path
) -> None:
    window = make_window(db_path)
    qtbot.keyClick(window, Qt.Key.Key_F1)
    assert window.guide is not None and window.guide.isVisible()
    assert "Target (目标)" in window.guide.browser.toPlainText()
    window.guide.close()
    window.guide = None
    settings.set(keys.LANGUAGE, "zh_CN")
    window.show_guide()
    assert "目标（target）" in window.guide.browser.toPlainText()
