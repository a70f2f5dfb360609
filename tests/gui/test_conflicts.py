"""Undo and redo never overwrite a change someone else made to a span meanwhile."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtGui import QUndoStack

from xzannot.core.spans import SpanInfo
from xzannot.errors import UserError
from xzannot.operations.changes import OpChanges
from xzannot.operations.labelling import add_span, change_span
from xzannot.store.database import open_project
from xzannot.store.spans import get_span
from xzannot.ui.commands import AddSpan, ChangeSpan, Context


def _context(db: Path, failures: list[str]) -> Context:
    project = open_project(db)

    def changed(_changes: OpChanges) -> None:
        pass

    return Context(lambda: project, changed, lambda exc: failures.append(str(exc)))


def _span(db: Path, span_id: int) -> SpanInfo:
    with open_project(db) as project, project.session() as session:
        return get_span(session, span_id)


def test_undo_of_a_change_refuses_to_overwrite_a_later_change(sample_db: Path) -> None:
    failures: list[str] = []
    stack = QUndoStack()
    with open_project(sample_db) as project:
        span = add_span(project, 1, (0, 4), "target", "甲")
    stack.push(ChangeSpan(_context(sample_db, failures), span, {"label": "policy"}, "relabel"))
    assert _span(sample_db, span.id).label == "policy"
    with open_project(sample_db) as colleague:
        change_span(colleague, span.id, label="project")  # another reviewer, meanwhile
    stack.undo()
    assert failures and "label was changed elsewhere" in failures[0]
    assert _span(sample_db, span.id).label == "project"  # nothing overwritten


def test_undo_leaves_a_colleague_s_change_to_other_fields_alone(sample_db: Path) -> None:
    failures: list[str] = []
    stack = QUndoStack()
    with open_project(sample_db) as project:
        span = add_span(project, 1, (0, 4), "target", "甲")
    stack.push(ChangeSpan(_context(sample_db, failures), span, {"label": "policy"}, "relabel"))
    with open_project(sample_db) as colleague:
        change_span(colleague, span.id, note="乙 checked this")
    stack.undo()  # the label goes back; the colleague's note stays
    assert failures == []
    after = _span(sample_db, span.id)
    assert (after.label, after.note) == ("target", "乙 checked this")


def test_undo_of_a_new_span_refuses_when_someone_relabelled_it(sample_db: Path) -> None:
    failures: list[str] = []
    stack = QUndoStack()
    command = AddSpan(_context(sample_db, failures), 1, (0, 4, "target"), "甲", "mark")
    stack.push(command)
    assert command.span_id is not None
    with open_project(sample_db) as colleague:
        change_span(colleague, command.span_id, label="project")
    stack.undo()
    assert failures and "changed elsewhere" in failures[0]
    after = _span(sample_db, command.span_id)
    assert not after.deleted and after.label == "project"


def test_undo_and_redo_go_on_working_when_nobody_else_changed_the_span(sample_db: Path) -> None:
    failures: list[str] = []
    stack = QUndoStack()
    with open_project(sample_db) as project:
        span = add_span(project, 1, (0, 4), "target", "甲")
    stack.push(ChangeSpan(_context(sample_db, failures), span, {"note": "一"}, "note"))
    for _ in range(3):
        stack.undo()
        assert _span(sample_db, span.id).note == ""
        stack.redo()
        assert _span(sample_db, span.id).note == "一"
    assert failures == []
    with pytest.raises(UserError), open_project(sample_db) as project:
        change_span(project, span.id, version=span.version, note="stale")
