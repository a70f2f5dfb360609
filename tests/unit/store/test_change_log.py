"""Two programs on one project file see each other's changes through the change log, and a
change refused for a colleague's names them."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

import pytest
from sqlalchemy import text

from xzannot.core.edits import Edit
from xzannot.core.pages import PageStatus
from xzannot.operations.identity import act_as, identity
from xzannot.operations.labelling import add_span, change_span, mark_page
from xzannot.operations.live_updates import changes_since, start
from xzannot.operations.reviewing import manual_edit
from xzannot.operations.suggesting import suggest
from xzannot.store.change_log import changes_since as log_since
from xzannot.store.change_log import clean, latest
from xzannot.store.database import open_project
from xzannot.store.spans import SpanConflict, get_span


def test_one_program_sees_what_another_changed_page_by_page(sample_db: Path) -> None:
    with open_project(sample_db) as mine, open_project(sample_db) as theirs:
        last = start(mine)
        assert changes_since(mine, last)[1].pages == frozenset()  # nothing yet
        act_as(theirs, "wang")
        span = add_span(theirs, 1, (0, 4), "target", "wang")
        manual_edit(theirs, 2, Edit(0, 0, "补"), "wang")
        mark_page(theirs, 3, PageStatus.DONE)
        last, changes = changes_since(mine, last)
        assert changes.pages == {1, 2, 3}
        assert changes.spans and changes.text and changes.page_status
        assert not changes.documents
        with mine.session() as session:
            rows = log_since(session, 0)[1]
        assert [(r.page_id, r.what) for r in rows[-3:]] == [
            (1, "spans"),
            (2, "text"),
            (3, "page_status"),
        ]
        assert rows[-3].annotator == "wang" and rows[-2].annotator == "wang"
        change_span(theirs, span.id, note="看过")
        again, changes = changes_since(mine, last)
        assert again > last and changes.pages == {1} and changes.spans
        assert changes_since(mine, again) == (again, changes_since(mine, again)[1])
        assert not changes_since(mine, again)[1].spans  # read once


def test_a_run_over_every_page_is_one_row_a_page(sample_db: Path) -> None:
    with open_project(sample_db) as project:
        last = start(project)
        outcome = suggest(project)
        assert sum(outcome.added.values()) > 20
        with project.session() as session:
            rows = log_since(session, last)[1]
        # each page corrected first, then its suggestions stored: a row a page and kind
        assert sorted((r.page_id, r.what) for r in rows) == [
            (page, what) for page in (1, 2, 3) for what in ("spans", "text")
        ]
        assert {r.annotator for r in rows if r.what == "spans"} == {"xzannot rules"}
        with project.session() as session:
            pending = session.scalar(text("SELECT count(*) FROM change_log WHERE pending"))
        assert pending == 0


def test_a_stale_change_names_who_changed_the_span(sample_db: Path) -> None:
    with open_project(sample_db) as mine, open_project(sample_db) as theirs:
        act_as(mine, "lin")
        act_as(theirs, "wang")
        assert identity(mine) is None  # a file has no roles
        span = add_span(mine, 1, (0, 4), "target", "lin")
        change_span(theirs, span.id, version=span.version, note="wang's")
        with pytest.raises(SpanConflict, match=r"changed elsewhere by wang at \d\d:\d\d"):
            change_span(mine, span.id, version=span.version, status="rejected")
        # an undo that relies on the note names wang too; one relying on the label goes on
        with pytest.raises(SpanConflict, match="note was changed elsewhere by wang"):
            change_span(mine, span.id, version=span.version, note="", expect={"note": "x"})
        kept = change_span(
            mine, span.id, version=span.version, label="policy", expect={"label": "target"}
        )
        assert (kept.label, kept.note) == ("policy", "wang's")


def test_a_span_moved_by_an_edit_was_changed_by_the_edit_s_author(sample_db: Path) -> None:
    with open_project(sample_db) as mine, open_project(sample_db) as theirs:
        act_as(mine, "lin")
        act_as(theirs, "wang")
        span = add_span(mine, 1, (4, 8), "target", "lin")
        manual_edit(theirs, 1, Edit(0, 0, "新"), "wang")
        with mine.session() as session:
            moved = get_span(session, span.id)
        assert (moved.start, moved.version) == (5, span.version + 1)
        with pytest.raises(SpanConflict, match="changed elsewhere by wang"):
            change_span(mine, span.id, version=span.version, note="stale")


def test_old_rows_are_cleared_and_the_newest_stays(sample_db: Path) -> None:
    with open_project(sample_db) as project:
        for page in (1, 2, 3):
            mark_page(project, page, PageStatus.DONE)
        with project.transaction() as session:
            newest = latest(session)
            assert clean(session, keep=timedelta(days=1)) == 0
            assert clean(session, keep=timedelta(seconds=-1)) >= 2
            assert latest(session) == newest
            assert clean(session, most=0) == 0
        mark_page(project, 1, PageStatus.TODO)
        with project.session() as session:
            assert latest(session) == newest + 1  # never an id given twice
