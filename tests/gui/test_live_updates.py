"""Two programs on one project: the window shows what the other one changed within seconds,
waits while its user types, and refuses an undo over a colleague's change naming them."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtWidgets import QMessageBox
from pytestqt.qtbot import QtBot

from xzannot.core.edits import Edit
from xzannot.operations.identity import act_as
from xzannot.operations.labelling import add_span, change_span
from xzannot.operations.project import Project, open_project
from xzannot.operations.reviewing import manual_edit
from xzannot.ui import live_updates
from xzannot.ui.commands import ChangeSpan
from xzannot.ui.main_window import MainWindow

MakeWindow = Callable[..., MainWindow]
SOON = 6_000  # ms: the window looks every two seconds


@pytest.fixture
def colleague(sample_db: Path) -> Iterator[Project]:
    """Another program working on the same project file, as wang."""
    with open_project(sample_db) as project:
        act_as(project, "wang")
        yield project


@pytest.fixture
def warnings(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    said: list[str] = []

    def warning(_parent: Any, _title: str, text: str, *_args: Any) -> QMessageBox.StandardButton:
        said.append(text)
        return QMessageBox.StandardButton.Ok

    monkeypatch.setattr(QMessageBox, "warning", warning)
    return said


def _shown_ids(window: MainWindow) -> set[int]:
    return {span.id for span in window.state.spans}


def test_another_program_s_changes_show_up_in_the_open_window(
    make_window: MakeWindow, sample_db: Path, colleague: Project, qtbot: QtBot
) -> None:
    window = make_window(sample_db)
    shown = window.state.page_id
    assert shown is not None
    span = add_span(colleague, shown, (0, 4), "target", "wang")
    qtbot.waitUntil(lambda: span.id in _shown_ids(window), timeout=SOON)
    manual_edit(colleague, shown, Edit(0, 0, "新增"), "wang")
    qtbot.waitUntil(lambda: window.text_view.toPlainText().startswith("新增"), timeout=SOON)
    moved = window.state.span(span.id)
    assert moved is not None and (moved.start, moved.end) == (2, 6)
    column = window.pages_model.COLUMNS.index("spans")
    assert window.pages_model.index(window.pages_model.row_of(shown), column).data() == "1"


def test_changes_wait_while_the_user_types(
    make_window: MakeWindow,
    sample_db: Path,
    colleague: Project,
    qtbot: QtBot,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(live_updates, "TYPING_S", 60.0)  # a long word
    window = make_window(sample_db)
    shown = window.state.page_id
    assert shown is not None
    window.correct_action.setChecked(True)
    window.toggle_correcting()
    live = window.lifecycle.live
    live._typed()  # the user has just typed
    assert live.typing()
    span = add_span(colleague, shown, (0, 4), "target", "wang")
    qtbot.wait(2_500)
    assert span.id not in _shown_ids(window)
    live._typed_at = 0.0  # a pause
    qtbot.waitUntil(lambda: span.id in _shown_ids(window), timeout=SOON)


def test_an_undo_over_a_colleague_s_change_is_refused_naming_them(
    make_window: MakeWindow,
    sample_db: Path,
    colleague: Project,
    warnings: list[str],
) -> None:
    window = make_window(sample_db)
    shown = window.state.page_id
    assert shown is not None
    span = add_span(window.project, shown, (0, 4), "target", "审校员甲")
    window.undo_stack.push(
        ChangeSpan(window.labelling.context(), span, {"label": "policy"}, "relabel")
    )
    change_span(colleague, span.id, label="project")  # wang, meanwhile
    window.undo_stack.undo()
    assert len(warnings) == 1
    assert "label was changed elsewhere by wang at" in warnings[0]
    saved = window.state.span(span.id)  # the window shows the span as stored
    assert saved is not None and saved.label == "project"
