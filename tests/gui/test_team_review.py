"""Team review in the window: pages given to two annotators are labelled blind, the Progress
and Agreement dialogs, and a curator settling disagreements with the keys (each one undo
step), as the people of a team do it."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from xzannot.core.pages import PageStatus
from xzannot.core.spans import SpanLayer, SpanStatus
from xzannot.operations.agreement import measure_agreement
from xzannot.operations.curation import curation_page
from xzannot.operations.labelling import add_span
from xzannot.operations.team import ProgressRow, assign_pages, set_curator, visible_spans
from xzannot.ui import settings as keys
from xzannot.ui.main_window import MainWindow
from xzannot.ui.settings import Settings
from xzannot.ui.team_agreement import AgreementDialog
from xzannot.ui.team_assignments import AssignmentsDialog
from xzannot.ui.team_progress import ProgressDialog

MakeWindow = Callable[..., MainWindow]
A, B, CURATOR = "审校员甲", "审校员乙", "审校员丙"


def work_as(window: MainWindow, settings: Settings, name: str) -> None:
    """Another person sits down at the window (as Team ▸ Your Name… does)."""
    settings.set(keys.ANNOTATOR, name)
    window.team.reload()


def label(window: MainWindow, start: int, end: int, key: str) -> None:
    window.text_view.select_range(start, end)
    window.labelling.apply_label(key)


def own_spans(window: MainWindow) -> set[tuple[int, int, str, str | None]]:
    return {(s.start, s.end, s.label, s.annotator) for s in window.state.spans}


def row(progress: ProgressDialog, name: str) -> ProgressRow:
    model = progress.model
    return next(
        model.row_value(r) for r in range(model.rowCount()) if model.row_value(r).annotator == name
    )


def test_two_annotators_label_a_blind_page_and_see_only_their_own(
    make_window: MakeWindow, qtbot: QtBot, settings: Settings, sample_db: Path
) -> None:
    window = make_window(sample_db)
    window.team.open_assignments()
    dialog = window.team.dialogs["assignments"]
    assert isinstance(dialog, AssignmentsDialog)
    for name in (A, B):  # the whole document to each of them
        dialog.annotator.setCurrentText(name)
        qtbot.mouseClick(dialog.assign_button, Qt.MouseButton.LeftButton)
    assert {dialog.model.row_value(r).annotator for r in range(dialog.model.rowCount())} == {A, B}
    dialog.close()
    assert window.team.note.text() == "Blind: others' spans hidden"

    label(window, 0, 4, "target")  # 甲
    label(window, 6, 10, "policy")
    work_as(window, settings, B)
    assert window.state.spans == []  # 甲's spans are not shown to 乙
    label(window, 0, 4, "target")
    label(window, 6, 12, "policy")
    assert own_spans(window) == {(0, 4, "target", B), (6, 12, "policy", B)}
    window.show_others_action.trigger()  # View ▸ Show Others' Spans
    assert {s.annotator for s in window.state.spans} == {A, B}
    window.show_others_action.trigger()
    assert {s.annotator for s in window.state.spans} == {B}

    window.labelling.set_page_status(PageStatus.DONE)  # done for 乙 alone
    window.team.open_progress()
    progress = window.team.dialogs["progress"]
    assert isinstance(progress, ProgressDialog)
    assert (row(progress, B).done, row(progress, B).todo, row(progress, B).spans) == (1, 2, 2)
    assert (row(progress, A).done, row(progress, A).spans) == (0, 2)
    window.undo_stack.undo()  # not done after all: the table follows at once
    assert row(progress, B).done == 0
    window.undo_stack.redo()
    assert row(progress, B).done == 1
    # the next page to do is 乙's next page not done by them
    window.navigation.next_unfinished()
    assert window.state.data is not None and window.state.data.page.number == 2
    progress.close()


@pytest.fixture
def team_db(sample_db: Path) -> Path:
    """The sample given to 甲 and 乙, both of whom marked its first page; 丙 curates."""
    from xzannot.operations.showing import show_page
    from xzannot.store.database import open_project

    with open_project(sample_db) as project:
        for name in (A, B):
            assign_pages(project, name, 1)
        set_curator(project, CURATOR)
        page_id = _first_page(project)
        show_page(project, page_id)  # corrected, as the window shows it first
        for start, end, key, name in [
            (0, 4, "target", A),
            (0, 4, "target", B),  # agreed
            (7, 11, "policy", A),  # 加快推进
            (7, 13, "policy", B),  # a disagreement on its end
            (21, 27, "project", A),  # 乙 marked nothing there
        ]:
            add_span(project, page_id, (start, end), key, name)
    return sample_db


def _first_page(project: object) -> int:
    from xzannot.operations.showing import find_page

    return find_page(project, None, 1)[1]  # type: ignore[arg-type]


def test_agreement_dialog_shows_the_pairs_kappa_and_opens_the_worst_page(
    make_window: MakeWindow, qtbot: QtBot, team_db: Path
) -> None:
    window = make_window(team_db)
    window.navigation.select_row(2)
    window.team.open_agreement()
    dialog = window.team.dialogs["agreement"]
    assert isinstance(dialog, AgreementDialog)
    qtbot.waitUntil(lambda: dialog.report is not None)
    expected = measure_agreement(window.project).overall.pair(A, B)
    matrix = dialog.matrix()
    assert matrix.names == [B, A]  # by name: 乙 comes before 甲
    cell = matrix.index(0, 1).data()
    assert f"κ {expected.kappa.value:.2f}" in cell
    assert f"F1 {expected.exact.f1:.2f} · {expected.overlap.f1:.2f}" in cell
    assert "characters" in matrix.index(0, 1).data(Qt.ItemDataRole.ToolTipRole)
    assert "α" in dialog.alpha.text()
    assert dialog.tabs.count() == 4  # all labels, then target, project, policy
    dialog.labels.setCurrentIndex(dialog.labels.findData("policy"))  # the label filter
    qtbot.waitUntil(lambda: dialog.report is not None and dialog.report.labels == ("policy",))
    worst = dialog.worst_view
    assert dialog.worst.rowCount() == 1
    worst.doubleClicked.emit(dialog.worst.index(0, 0))
    assert window.state.data is not None and window.state.data.page.number == 1
    dialog.against.setCurrentIndex(1)  # against the curated layer: none yet, said in words
    qtbot.waitUntil(dialog.message.isVisible)
    assert "curated layer holds no spans" in dialog.message.text()
    dialog.close()


def curated(window: MainWindow) -> set[tuple[int, int, str, SpanStatus]]:
    page_id = window.state.page_id
    assert page_id is not None
    page = curation_page(window.project, page_id)
    return {(s.start, s.end, s.label, s.status) for s in page.curated + page.rejections}


def test_a_curator_takes_and_rejects_versions_with_keys_and_undo_restores(
    make_window: MakeWindow, qtbot: QtBot, settings: Settings, team_db: Path
) -> None:
    window = make_window(team_db)
    window.team.reload()
    window.curation_action.trigger()  # 甲 is no curator: refused in words
    assert not window.curation_action.isChecked()
    assert "is not one" in window.statusBar().currentMessage()
    assert not window.team.dock.isVisible()

    work_as(window, settings, CURATOR)
    window.curation_action.trigger()
    assert window.curation_action.isChecked() and window.team.dock.isVisible()
    model = window.team.curating.model
    assert model.annotators == [B, A]  # by name: key 1 takes 乙's version, key 2 甲's
    assert [(u.start, u.end, u.agreed) for u in model.units] == [
        (0, 4, True),
        (7, 13, False),
        (21, 27, False),
    ]
    assert window.team.curating.current() == model.units[1]  # the first to settle
    # the unit's glyphs, cut from the page image
    qtbot.waitUntil(lambda: model.index(1, 0).data(Qt.ItemDataRole.DecorationRole) is not None)

    qtbot.keyClick(window, Qt.Key.Key_1)  # take 乙's version
    assert curated(window) == {(7, 13, "policy", SpanStatus.ACCEPTED)}
    assert window.team.curating.current() == model.units[2]  # on to the next
    qtbot.keyClick(window, Qt.Key.Key_0)  # reject every version
    assert curated(window) == {
        (7, 13, "policy", SpanStatus.ACCEPTED),
        (21, 27, "project", SpanStatus.REJECTED),
    }
    assert model.state(model.units[1])[1] == B
    # what the curator chose is drawn from the curated layer
    assert {s.layer for s in window.state.spans} == {SpanLayer.CURATED}

    window.undo_stack.undo()
    assert curated(window) == {(7, 13, "policy", SpanStatus.ACCEPTED)}
    window.undo_stack.undo()
    assert curated(window) == set()
    window.undo_stack.redo()
    assert curated(window) == {(7, 13, "policy", SpanStatus.ACCEPTED)}

    qtbot.mouseClick(window.team.curating.panel.take_agreed, Qt.MouseButton.LeftButton)
    assert (0, 4, "target", SpanStatus.ACCEPTED) in curated(window)

    qtbot.keyClick(window, Qt.Key.Key_E)  # the curator marks a span themselves
    window.text_view.select_range(30, 34)
    qtbot.keyClick(window, Qt.Key.Key_2)  # project
    assert (30, 34, "project", SpanStatus.ACCEPTED) in curated(window)
    page_id = window.state.page_id
    assert page_id is not None
    layer = [
        s
        for s in visible_spans(window.project, page_id, CURATOR, show_others=True)
        if s.layer == SpanLayer.CURATED
    ]
    assert {s.annotator for s in layer} == {CURATOR}

    window.curation_action.trigger()  # curation ends: the label keys are the labels' again
    assert not window.team.dock.isVisible()
    assert all(a.isEnabled() for a in window.menus._label_actions)

    window.curation_action.trigger()  # another project opened: curation of this one ends
    assert window.curation_action.isChecked()
    from xzannot.operations.project import open_project

    window.set_project(open_project(team_db))
    assert not window.curation_action.isChecked() and not window.team.dock.isVisible()
    assert all(a.isEnabled() for a in window.menus._label_actions)


def test_accepting_a_suggestion_on_a_blind_page_leaves_it_for_the_others(
    make_window: MakeWindow, settings: Settings, team_db: Path
) -> None:
    from xzannot.operations.suggesting import RULES_ANNOTATOR

    window = make_window(team_db)
    page_id = window.state.page_id
    assert page_id is not None
    suggestion = add_span(
        window.project, page_id, (40, 44), "target", RULES_ANNOTATOR, status=SpanStatus.SUGGESTED
    )
    window.team.reload()
    window.state.select_span(suggestion.id)
    window.labelling.accept()
    mine = [s for s in window.state.spans if (s.start, s.end) == (40, 44)]
    assert [(s.annotator, s.status) for s in mine] == [(A, SpanStatus.ACCEPTED)]
    work_as(window, settings, B)  # 乙 still sees the suggestion as it was
    theirs = [s for s in window.state.spans if (s.start, s.end) == (40, 44)]
    assert [(s.annotator, s.status) for s in theirs] == [(RULES_ANNOTATOR, SpanStatus.SUGGESTED)]
    work_as(window, settings, A)
    window.undo_stack.undo()  # 甲's copy goes; the suggestion shows again
    back = [s for s in window.state.spans if (s.start, s.end) == (40, 44)]
    assert [(s.annotator, s.status) for s in back] == [(RULES_ANNOTATOR, SpanStatus.SUGGESTED)]


def test_team_tables_are_well_behaved_item_models(
    make_window: MakeWindow, qtmodeltester: object, settings: Settings, team_db: Path
) -> None:
    window = make_window(team_db)
    work_as(window, settings, CURATOR)
    window.curation_action.trigger()
    qtmodeltester.check(window.team.curating.model)  # type: ignore[attr-defined]
    window.team.open_progress()
    qtmodeltester.check(window.team.dialogs["progress"].model)  # type: ignore[attr-defined]
    window.team.dialogs["progress"].close()
