"""One live span of a label per place: the database refuses a second, edits that would
stack two spans orphan the younger, and spans shifting past each other never collide."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest

from tests.unit.store.test_database import _downgrade
from xzannot.core.edits import Edit
from xzannot.core.pages import ExtractedPage, TextSource
from xzannot.operations.labelling import add_span, change_span
from xzannot.operations.reviewing import manual_edit, revert
from xzannot.store.database import Project, open_project
from xzannot.store.documents import add_document, list_pages, page_content
from xzannot.store.spans import DuplicateSpan, list_spans

TEXT = "到2025年完成投资12亿元，新建学校10所。"


def _project_with_text(db_path: Path) -> tuple[Project, int]:
    project = open_project(db_path)
    with project.transaction() as s:
        page = ExtractedPage(1, 100, 100, TEXT, source=TextSource.DUMP)
        add_document(s, title="t", kind="text", source_path=db_path, sha256="1" * 64, pages=[page])
        return project, list_pages(s)[0].id


def _places(project: Project, page_id: int) -> list[tuple[int, int, str, bool, bool]]:
    with project.session() as s:
        return sorted(
            (sp.start, sp.end, sp.label, sp.orphaned, sp.deleted)
            for sp in list_spans(s, page_id, include_deleted=True)
        )


def test_a_second_live_span_of_a_label_on_the_same_characters_is_refused(
    db_path: Path,
) -> None:
    project, page_id = _project_with_text(db_path)
    with project:
        add_span(project, page_id, (1, 6), "target", "甲")
        with pytest.raises(DuplicateSpan, match=r"“2025年”.* already marked as target"):
            add_span(project, page_id, (1, 6), "target", "甲")
        add_span(project, page_id, (1, 6), "policy", "甲")  # another label may share it
        add_span(project, page_id, (1, 6), "target", "乙")  # so may another annotator's layer
        assert len(_places(project, page_id)) == 3
    # and the database itself refuses it, whatever program writes
    conn = sqlite3.connect(db_path)
    try:
        with pytest.raises(sqlite3.IntegrityError):
            conn.execute(
                'INSERT INTO spans (page_id, start, "end", label_id, quote, attributes, note,'
                " status, orphaned, deleted, created_at, updated_at, version, annotator_id,"
                ' layer) SELECT page_id, start, "end", label_id, quote, attributes, note,'
                " status, 0, 0, created_at, updated_at, 1, annotator_id, layer FROM spans LIMIT 1"
            )
    finally:
        conn.close()


def test_a_deleted_span_cannot_come_back_onto_a_live_one(db_path: Path) -> None:
    project, page_id = _project_with_text(db_path)
    with project:
        first = add_span(project, page_id, (1, 6), "target", "甲")
        change_span(project, first.id, deleted=True)
        add_span(project, page_id, (1, 6), "target", "甲")  # the place is free again
        with pytest.raises(DuplicateSpan):
            change_span(project, first.id, deleted=False)
        assert [p[4] for p in _places(project, page_id)] == [False, True]


def test_spans_shifting_onto_each_other_s_old_places_do_not_collide(db_path: Path) -> None:
    """Two neighbouring spans of one length both move right by that length: written one at
    a time, the first would land where the second still is."""
    project, page_id = _project_with_text(db_path)
    with project:
        add_span(project, page_id, (10, 12), "target", "甲")  # 12
        add_span(project, page_id, (12, 14), "target", "甲")  # 亿元
        manual_edit(project, page_id, Edit(0, 0, "共计"), "甲")
        with project.session() as s:
            text = page_content(s, page_id).current
            quotes = [(sp.quote, text[sp.start : sp.end]) for sp in list_spans(s, page_id)]
        assert quotes == [("12", "12"), ("亿元", "亿元")]


def test_an_edit_that_stacks_two_spans_orphans_the_younger_and_revert_brings_it_back(
    db_path: Path,
) -> None:
    project, page_id = _project_with_text(db_path)
    with project:
        add_span(project, page_id, (0, 6), "policy", "甲")  # 到2025年
        add_span(project, page_id, (1, 6), "policy", "甲")  # 2025年
        add_span(project, page_id, (1, 6), "target", "乙")  # another's layer: no stacking
        add_span(project, page_id, (0, 6), "target", "丙")
        before = _places(project, page_id)
        edit = manual_edit(project, page_id, Edit(0, 1, ""), "甲")  # 到 deleted
        after = _places(project, page_id)
        assert sorted(after) == [
            (0, 5, "policy", False, False),
            (0, 5, "target", False, False),
            (0, 5, "target", False, False),
            (1, 6, "policy", True, False),
        ]
        revert(project, page_id, [edit], "甲")
        assert _places(project, page_id) == before


def test_the_upgrade_keeps_the_oldest_of_duplicate_spans(sample_db: Path) -> None:
    with open_project(sample_db) as project:
        page_id = list_pages_ids(project)[0]
        add_span(project, page_id, (0, 2), "policy", "甲")
    _downgrade(sample_db, "0007")
    conn = sqlite3.connect(sample_db)
    try:  # a duplicate, as two programs writing at once could store before 0008
        conn.execute(
            'INSERT INTO spans (page_id, start, "end", label_id, quote, attributes, note, status,'
            " orphaned, deleted, annotator_id, created_at, updated_at, version)"
            ' SELECT page_id, start, "end", label_id, quote, attributes, note, status,'
            " orphaned, deleted, annotator_id, created_at, updated_at, version FROM spans"
        )
        conn.commit()
    finally:
        conn.close()
    with open_project(sample_db) as project, project.session() as s:
        spans = list_spans(s, page_id, include_deleted=True)
    assert [(sp.deleted, sp.start, sp.end) for sp in sorted(spans, key=lambda sp: sp.id)] == [
        (False, 0, 2),
        (True, 0, 2),
    ]


def list_pages_ids(project: Project) -> list[int]:
    with project.session() as s:
        return [p.id for p in list_pages(s)]
