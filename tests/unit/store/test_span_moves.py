"""A page's edits stored at once move its spans exactly as storing them one at a time does:
spans that shift, shrink, stack onto another (the younger orphaned) and lose every character;
where each reshaping edit found them; and the unique index of live spans never refuses."""

from __future__ import annotations

import shutil
from pathlib import Path

from sqlalchemy import select

from xzannot.core.edits import Edit, apply_edits
from xzannot.core.pages import ExtractedPage, TextSource
from xzannot.core.spans import SpanStatus
from xzannot.store.database import open_project
from xzannot.store.documents import add_document, current_text, list_pages
from xzannot.store.edits import add_edits
from xzannot.store.models import EditRow, Span, SpanChange
from xzannot.store.session import Session
from xzannot.store.spans import create_span, get_span, update_span

TEXT = "到2025年完成投资12亿元，新建学校10所。"
SPANS = [  # start, end, label, deleted
    (1, 6, "target", False),  # 2025年: loses its last character, then shifts
    (1, 5, "target", False),  # 2025: the older one is stacked onto it and stays
    (8, 13, "target", False),  # 投资12亿: every character deleted
    (14, 18, "project", False),  # 新建学校: shifts by the edits before it
    (14, 18, "policy", True),  # deleted: follows, claims nothing
    (18, 22, "project", False),  # 10所。: grows by an insertion inside it
]
EDITS = [  # a run from the end backwards, then a reflow moving characters, then another run
    (Edit(20, 20, "余"), "spacing"),
    (Edit(8, 13, ""), "radicals"),
    (Edit(5, 6, ""), "radicals"),
    (Edit(0, 1, "至"), "radicals"),
    (Edit(0, 4, "5202", (3, 2, 1, 0)), "reflow"),
    (Edit(10, 11, "，"), "punctuation"),
    (Edit(2, 3, "X"), "punctuation"),
]


def _page(template: Path, db: Path) -> int:
    shutil.copyfile(template, db)
    with open_project(db) as project, project.transaction() as s:
        page = ExtractedPage(1, 100, 100, TEXT, source=TextSource.DUMP)
        add_document(s, title="t", kind="text", source_path=db, sha256="1" * 64, pages=[page])
        page_id = list_pages(s)[0].id
        for start, end, label, deleted in SPANS:
            made = create_span(s, page_id=page_id, start=start, end=end, label=label,
                               quote=TEXT[start:end], annotator="甲")  # fmt: skip
            if deleted:
                update_span(s, made.id, deleted=True)
    return page_id


def _state(s: Session, page_id: int) -> tuple[list[tuple[object, ...]], list[tuple[object, ...]]]:
    spans = [
        (sp.id, sp.start, sp.end, sp.quote, sp.orphaned, sp.deleted)
        for sp in s.scalars(select(Span).where(Span.page_id == page_id).order_by(Span.id))
    ]
    changes = s.execute(
        select(SpanChange.span_id, EditRow.seq, SpanChange.start, SpanChange.end)
        .join(EditRow, EditRow.id == SpanChange.edit_id)
        .order_by(EditRow.seq, SpanChange.span_id)
    )
    return spans, [tuple(row) for row in changes]


def test_edits_stored_at_once_move_spans_as_one_at_a_time_did(
    template_db: Path, tmp_path: Path
) -> None:
    outcomes = []
    for at_once in (True, False):
        db = tmp_path / f"{at_once}.sqlite"
        page_id = _page(template_db, db)
        with open_project(db) as project, project.transaction() as s:
            if at_once:
                orphaned = add_edits(s, page_id, EDITS, author="xzannot").orphaned
            else:
                orphaned = sum(add_edits(s, page_id, [e], author="xzannot").orphaned for e in EDITS)
            text = current_text(s, page_id)
        with open_project(db) as project, project.session() as s:
            outcomes.append((orphaned, text, _state(s, page_id)))
    assert outcomes[0] == outcomes[1]
    orphaned, text, (spans, changes) = outcomes[0]
    assert text == apply_edits(TEXT, [e for e, _ in EDITS])
    assert orphaned == 2
    assert [(sp[4], sp[5]) for sp in spans] == [
        (False, False), (True, False), (True, False), (False, False), (False, True),
        (False, False)
    ]  # fmt: skip
    for _, start, end, quote, orphaned_, _ in spans:
        assert orphaned_ or text[start:end] == quote
    assert {row[0] for row in changes} == {spans[i][0] for i in (0, 1, 2, 5)}


def test_spans_moved_in_bulk_are_read_again_by_the_session_and_bump_their_version(
    template_db: Path, tmp_path: Path
) -> None:
    db = tmp_path / "p.sqlite"
    page_id = _page(template_db, db)
    with open_project(db) as project, project.transaction() as s:
        held = s.scalars(select(Span).where(Span.page_id == page_id).order_by(Span.id)).all()
        versions = [span.version for span in held]
        add_edits(s, page_id, [(Edit(0, 1, "至此"), "manual")], author="甲")
        assert [span.start for span in held] == [2, 2, 9, 15, 15, 19]  # not stale
        assert [span.version for span in held] == [v + 1 for v in versions]
        # the session's own objects change again without a version conflict
        update_span(s, held[0].id, status=SpanStatus.REJECTED)
        assert get_span(s, held[0].id).quote == "2025年"
