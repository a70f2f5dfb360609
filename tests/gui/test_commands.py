"""The undo commands on a bare undo stack and a real project: no window, no widgets."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtGui import QUndoStack

from xzannot.core.pages import PageStatus
from xzannot.core.spans import SpanInfo
from xzannot.errors import UserError
from xzannot.operations.changes import OpChanges
from xzannot.operations.labelling import add_span, change_span
from xzannot.operations.project import Project, open_project
from xzannot.operations.showing import show_page
from xzannot.ui.commands import AddSpan, ChangeSpan, Context, SetPageStatus


class Reports:
    """What the commands told their context."""

    def __init__(self) -> None:
        self.changes: list[OpChanges] = []
        self.failures: list[str] = []

    def context(self, project: Project) -> Context:
        return Context(lambda: project, self.changes.append, self._failed)

    def _failed(self, exc: UserError) -> None:
        self.failures.append(str(exc))


@pytest.fixture
def project(sample_db: Path) -> Iterator[Project]:
    with open_project(sample_db) as opened:
        yield opened


def _spans(project: Project, page_id: int) -> list[SpanInfo]:
    return show_page(project, page_id, corrected=False).spans


def test_a_new_span_is_saved_undone_and_redone(project: Project) -> None:
    reports, stack = Reports(), QUndoStack()
    command = AddSpan(reports.context(project), 1, (0, 4, "target"), "甲", "mark")
    stack.push(command)
    assert [(s.start, s.end, s.label) for s in _spans(project, 1)] == [(0, 4, "target")]
    changes = reports.changes[-1]
    assert changes.pages == frozenset({1}) and changes.spans and not changes.text
    assert changes.span is not None and changes.span.id == command.span_id

    stack.undo()
    assert _spans(project, 1) == []
    assert reports.changes[-1].span is not None and reports.changes[-1].span.deleted

    stack.redo()
    assert [s.id for s in _spans(project, 1)] == [command.span_id]
    assert len(reports.changes) == 3 and reports.failures == []


def test_a_page_status_change_names_the_page_and_its_kind(project: Project) -> None:
    reports, stack = Reports(), QUndoStack()
    change = (PageStatus.TODO, PageStatus.DONE)
    stack.push(SetPageStatus(reports.context(project), 2, change, "mark page"))
    assert show_page(project, 2, corrected=False).content.page.review_status is PageStatus.DONE
    stack.undo()
    assert show_page(project, 2, corrected=False).content.page.review_status is PageStatus.TODO
    assert all(c == OpChanges(frozenset({2}), page_status=True) for c in reports.changes)


def test_a_failed_undo_is_reported_through_the_context_and_changes_nothing(
    project: Project, sample_db: Path
) -> None:
    reports, stack = Reports(), QUndoStack()
    span = add_span(project, 1, (0, 4), "target", "甲")
    stack.push(ChangeSpan(reports.context(project), span, {"label": "policy"}, "relabel"))
    with open_project(sample_db) as colleague:
        change_span(colleague, span.id, label="project")  # another reviewer, meanwhile
    before = len(reports.changes)
    stack.undo()
    assert reports.failures and "label was changed elsewhere" in reports.failures[0]
    assert len(reports.changes) == before  # no change reported for the failed step
    assert [s.label for s in _spans(project, 1)] == ["project"]
