from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy.orm import Session

from xzannot.core.pages import ExtractedPage, LabelSource, TextSource
from xzannot.errors import UserError
from xzannot.store.database import open_project
from xzannot.store.documents import (
    DocumentInfo,
    add_document,
    get_document,
    get_page,
    list_pages,
    page_content,
)
from xzannot.store.models import EditRow


def _pages() -> list[ExtractedPage]:
    return [
        ExtractedPage(
            number=1,
            width=595.0,
            height=842.0,
            text="加速城乡融合𠀀",
            boxes=[(10.0 * i, 20.0, 10.0 * i + 9.5, 31.25) for i in range(6)] + [None],
            source=TextSource.PDF,
            printed_label="21",
            label_source=LabelSource.FOLIO,
        ),
        ExtractedPage(number=2, width=595.0, height=842.0),  # a scan without text
    ]


def _add(session: Session, title: str = "t") -> DocumentInfo:
    return add_document(
        session,
        title=title,
        kind="pdf",
        source_path=Path(f"/x/{title}.pdf"),
        sha256=title.encode().hex().ljust(64, "0")[:64],
        pages=_pages(),
    )


def test_pages_texts_and_boxes_round_trip(db_path: Path) -> None:
    with open_project(db_path) as project:
        with project.transaction() as session:
            doc = _add(session)
        with project.session() as session:
            pages = list_pages(session, doc.id)
            assert [(p.number, p.printed_label, p.needs_text) for p in pages] == [
                (1, "21", False),
                (2, None, True),
            ]
            first = page_content(session, pages[0].id)
            assert first.original == first.current == "加速城乡融合𠀀"
            assert first.boxes == _pages()[0].boxes
            assert page_content(session, pages[1].id).current == ""


def test_current_text_applies_the_edit_chain(db_path: Path) -> None:
    with open_project(db_path) as project:
        with project.transaction() as session:
            doc = _add(session)
            page = get_page(session, doc.id, 1)
            session.add(
                EditRow(page_id=page.id, seq=1, start=4, end=6, replacement="发展", kind="manual")
            )
        with project.session() as session:
            content = page_content(session, page.id)
            assert content.original == "加速城乡融合𠀀"
            assert content.current == "加速城乡发展𠀀"


def test_missing_pages_and_documents_are_explained(db_path: Path) -> None:
    with open_project(db_path) as project, project.transaction() as session:
        with pytest.raises(UserError, match="no documents"):
            get_document(session, None)
        doc = _add(session, "年鉴")
        assert get_document(session, "年鉴").id == doc.id
        assert get_document(session, "年鉴.pdf").id == doc.id
        with pytest.raises(UserError, match="no document 'zz'"):
            get_document(session, "zz")
        with pytest.raises(UserError, match="no page 3; the document has pages 1 to 2"):
            get_page(session, doc.id, 3)
