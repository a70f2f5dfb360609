"""Every operation that changes a project says what it changed: the pages and the kinds."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest

from tests.conftest import SAMPLE_REFERENCE
from xzannot.core.edits import Edit, Review
from xzannot.core.pages import PageStatus
from xzannot.core.spans import SpanStatus
from xzannot.operations.changes import OpChanges
from xzannot.operations.collating import (
    accept_difference,
    collate_page,
    difference_settled,
    reject_difference,
    reopen_difference,
)
from xzannot.operations.correcting import correct_page
from xzannot.operations.importing import import_reference
from xzannot.operations.labelling import add_span, change_span, mark_page, span_changed
from xzannot.operations.ocr import characters_checked, ocr_read, unaccept
from xzannot.operations.reviewing import (
    corrections,
    manual_edit,
    revert,
    set_review,
    text_changed,
)
from xzannot.operations.span_import import import_spans
from xzannot.operations.suggesting import suggest
from xzannot.store.database import Project, open_project
from xzannot.store.documents import current_text, list_pages

KINDS = ("text", "edits", "spans", "page_status", "documents", "labels", "references",
         "collation", "ocr")  # fmt: skip


def _kinds(changes: OpChanges) -> set[str]:
    return {kind for kind in KINDS if getattr(changes, kind)}


def _first_page(project: Project) -> int:
    with project.session() as session:
        return list_pages(session)[0].id


def _marked(project: Project, page: int) -> OpChanges:
    return mark_page(project, page, PageStatus.DONE)


def _reviewed(project: Project, page: int) -> OpChanges:
    correct_page(project, page)
    with project.session() as session:
        ids = [c.id for c in corrections(session, page)]
    return set_review(project, ids, Review.ACCEPTED)


def _corrected(project: Project, page: int) -> OpChanges:
    return correct_page(project, page).changes


def _collated(project: Project, page: int) -> OpChanges:
    return collate_page(project, page).changes


def _unaccepted(project: Project, page: int) -> OpChanges:
    return unaccept(project, page, [0])


def _suggested(project: Project, page: int) -> OpChanges:
    return suggest(project, [page]).changes


def _spans_imported(project: Project, page: int, tmp_path: Path) -> OpChanges:
    correct_page(project, page)
    with project.session() as session:
        text = current_text(session, page)
    path = tmp_path / "spans.jsonl"
    record = {"text": text, "label": [[0, 4, "目标甲"]]}
    path.write_text(json.dumps(record, ensure_ascii=False) + "\n", encoding="utf-8")
    return import_spans(project, [path], create_labels=True).changes


@pytest.mark.parametrize(
    ("operation", "kinds"),
    [
        (_marked, {"page_status"}),
        (_reviewed, {"edits"}),
        (_corrected, {"text", "edits", "spans"}),
        (_collated, {"text", "edits", "spans", "collation"}),
        (_unaccepted, {"ocr"}),
        (_suggested, {"spans"}),
    ],
)
def test_an_operation_names_its_page_and_what_it_changed(
    sample_db: Path, operation: Callable[[Project, int], OpChanges], kinds: set[str]
) -> None:
    with open_project(sample_db) as project:
        page = _first_page(project)
        changes = operation(project, page)
    assert changes.pages == {page}
    assert _kinds(changes) == kinds
    assert changes.touches(page)
    assert not changes.touches(page + 1)


def test_spans_imported_with_a_new_label_name_the_page_and_the_labels(
    sample_db: Path, tmp_path: Path
) -> None:
    with open_project(sample_db) as project:
        page = _first_page(project)
        changes = _spans_imported(project, page, tmp_path)
    assert changes.pages == {page}
    assert _kinds(changes) == {"spans", "labels"}


def test_a_span_change_carries_the_span_as_saved(sample_db: Path) -> None:
    with open_project(sample_db) as project:
        page = _first_page(project)
        correct_page(project, page)
        span = add_span(project, page, (0, 4), "policy", "甲")
        changed = change_span(project, span.id, status=SpanStatus.REJECTED)
    changes = span_changed(changed)
    assert changes.pages == {page}
    assert _kinds(changes) == {"spans"}
    assert changes.span == changed


def test_text_edits_and_settled_differences_name_the_page(sample_db: Path) -> None:
    with open_project(sample_db) as project:
        page = _first_page(project)
        correct_page(project, page)
        made = manual_edit(project, page, Edit(0, 1, "乙"), "甲")
        revert(project, page, [made], "甲")
    assert text_changed(page).pages == {page}
    assert _kinds(text_changed(page)) == {"text", "edits", "spans"}
    assert _kinds(difference_settled(page, accepted=False)) == {"collation"}
    assert _kinds(difference_settled(page, accepted=True)) == {
        "text",
        "edits",
        "spans",
        "collation",
    }
    assert _kinds(characters_checked(page)) == {"ocr"}
    assert _kinds(ocr_read([page, page + 1])) == {"text", "edits", "spans", "ocr"}
    assert ocr_read([]) == OpChanges()


def test_a_reference_and_a_reopened_difference(sample_db: Path) -> None:
    with open_project(sample_db) as project:
        stored = import_reference(project, SAMPLE_REFERENCE)
        assert _kinds(stored.changes) == {"references", "collation"}
        again = import_reference(project, SAMPLE_REFERENCE)
        assert again.already_present
        assert again.changes == OpChanges()
        page = _first_page(project)
        result = collate_page(project, page)
        if not result.open:
            pytest.skip("the first page agrees with its reference")
        assert result.reference is not None
        rejection = reject_difference(project, page, result.reference.id, result.open[0], "甲")
        reopened = reopen_difference(project, rejection)
        assert reopened.pages == {page}
        assert _kinds(reopened) == {"collation"}
        edit = accept_difference(project, page, result.open[0], "甲")
        assert edit > 0
