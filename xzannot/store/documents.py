"""Repository functions for documents, pages, their texts and reference witnesses.

They return plain dataclasses, never live ORM objects, so callers can keep them
after the session closes.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sqlalchemy import func, insert, select
from sqlalchemy.orm import Session

from xzannot.core.boxes import Box, pack_boxes, pack_floats, unpack_boxes, unpack_floats
from xzannot.core.edits import Edit, apply_edits, follow_all, unpack_origins
from xzannot.core.pages import ExtractedPage, PageStatus, TextSource
from xzannot.errors import UserError
from xzannot.store.models import Document, EditRow, Page, PageText, ReferenceText


@dataclass(frozen=True, slots=True)
class DocumentInfo:
    """A document as listed to the user."""

    id: int
    title: str
    kind: str
    source_path: str
    sha256: str
    page_count: int


@dataclass(frozen=True, slots=True)
class PageInfo:
    """A page as listed to the user."""

    id: int
    document_id: int
    number: int
    width: float
    height: float
    printed_label: str | None
    label_source: str
    review_status: PageStatus
    needs_text: bool
    suspect: str | None = None  # why the text layer cannot be trusted, in words


@dataclass(frozen=True, slots=True)
class PageContent:
    """A page's original text, its boxes, and its current text after edits."""

    page: PageInfo
    original: str
    current: str
    boxes: list[Box | None]  # one per character of the current text
    source: str
    original_boxes: list[Box | None] = field(default_factory=list)  # as extracted
    origins: list[int] = field(default_factory=list)  # per current character, or -1
    rules: list[Box] = field(default_factory=list)  # ruled lines drawn on the page
    # OCR: one per current character (None: not recognised, or typed in)
    confidences: list[float | None] = field(default_factory=list)
    engine: str | None = None


def _document_info(doc: Document) -> DocumentInfo:
    return DocumentInfo(doc.id, doc.title, doc.kind, doc.source_path, doc.sha256, doc.page_count)


def _page_info(page: Page) -> PageInfo:
    return PageInfo(
        page.id,
        page.document_id,
        page.number,
        page.width,
        page.height,
        page.printed_label,
        page.label_source,
        PageStatus(page.review_status),
        page.needs_text,
        page.suspect,
    )


def find_document_by_hash(session: Session, sha256: str) -> DocumentInfo | None:
    """The document imported from a file with these bytes, if any."""
    doc = session.scalar(select(Document).where(Document.sha256 == sha256))
    return None if doc is None else _document_info(doc)


def add_document(
    session: Session,
    *,
    title: str,
    kind: str,
    source_path: Path,
    sha256: str,
    pages: Sequence[ExtractedPage],
) -> DocumentInfo:
    """Store a document and all its pages and texts (in the caller's transaction), a batch
    of pages at a time: ``pages`` may be read from disk as they are stored."""
    doc = Document(
        title=title, kind=kind, source_path=str(source_path), sha256=sha256, page_count=len(pages)
    )
    session.add(doc)
    session.flush()
    batch: list[ExtractedPage] = []
    for extracted in pages:
        batch.append(extracted)
        if len(batch) == _PAGES_A_BATCH:
            _add_pages(session, doc, batch)
            batch = []
    if batch:
        _add_pages(session, doc, batch)
    return _document_info(doc)


_PAGES_A_BATCH = 100  # pages and texts in two statements a batch: memory stays bounded


def _add_pages(session: Session, doc: Document, pages: list[ExtractedPage]) -> None:
    page_ids = session.scalars(
        insert(Page).returning(Page.id, sort_by_parameter_order=True),
        [
            {
                "document_id": doc.id,
                "number": extracted.number,
                "width": extracted.width,
                "height": extracted.height,
                "printed_label": extracted.printed_label,
                "label_source": extracted.label_source.value,
                "review_status": PageStatus.TODO.value,
                "needs_text": extracted.needs_text,
                "suspect": extracted.suspect,
                "skew": extracted.skew,
                "image_path": extracted.image_path,
                "image_frame": extracted.image_frame,
            }
            for extracted in pages
        ],
    ).all()
    texts = [
        {
            "page_id": page_id,
            "original": extracted.text,
            "boxes": pack_boxes(extracted.boxes) if extracted.boxes else None,
            "rules": pack_boxes(extracted.rules) if extracted.rules else None,
            "source": extracted.source.value,
            "created_at": doc.created_at,
            **ocr_columns(extracted),
        }
        for page_id, extracted in zip(page_ids, pages, strict=True)
        if extracted.source is not TextSource.NONE
    ]
    if texts:
        session.execute(insert(PageText), texts)


def ocr_columns(extracted: ExtractedPage) -> dict[str, object]:
    """The page text columns that hold what OCR adds (confidences, alternatives, engine)."""
    return {
        "confidences": pack_floats(extracted.confidences) if extracted.confidences else None,
        "alternatives": {str(k): list(v) for k, v in extracted.alternatives.items()} or None,
        "engine": extracted.engine,
        "checked": None,
    }


def list_documents(session: Session) -> list[DocumentInfo]:
    """Every document in import order."""
    return [_document_info(d) for d in session.scalars(select(Document).order_by(Document.id))]


def get_document(session: Session, ref: str | int | None) -> DocumentInfo:
    """A document by id, title or file name; with no ref, the first one imported."""
    docs = list_documents(session)
    if not docs:
        raise UserError("the project holds no documents yet; import a file first")
    if ref is None:
        return docs[0]
    text = str(ref)
    for doc in docs:
        if text in (str(doc.id), doc.title, Path(doc.source_path).name):
            return doc
    choices = ", ".join(f"{d.id} ({d.title})" for d in docs)
    raise UserError(f"no document {text!r} in the project; it holds {choices}")


def list_pages(session: Session, document_id: int | None = None) -> list[PageInfo]:
    """Pages in document and page order, optionally of one document."""
    query = select(*_PAGE_INFO).order_by(Page.document_id, Page.number)
    if document_id is not None:
        query = query.where(Page.document_id == document_id)
    # plain rows, not ORM objects: a 10,000-page project is listed whenever it opens
    return [_page_row(*row) for row in session.execute(query)]


def page_infos(session: Session, page_ids: Sequence[int]) -> dict[int, PageInfo]:
    """The pages of ``page_ids`` that exist, by id (one query)."""
    query = select(*_PAGE_INFO).where(Page.id.in_(page_ids))
    return {info.id: info for info in (_page_row(*row) for row in session.execute(query))}


def _page_row(*row: Any) -> PageInfo:
    (page_id, document_id, number, width, height, label, source, status, needs, suspect) = row
    return PageInfo(
        page_id, document_id, number, width, height, label, source, PageStatus(status), needs,
        suspect,
    )  # fmt: skip


_PAGE_INFO = (
    Page.id,
    Page.document_id,
    Page.number,
    Page.width,
    Page.height,
    Page.printed_label,
    Page.label_source,
    Page.review_status,
    Page.needs_text,
    Page.suspect,
)


def get_page(session: Session, document_id: int, number: int) -> PageInfo:
    """Page ``number`` (from 1, in PDF order) of a document."""
    page = session.scalar(
        select(Page).where(Page.document_id == document_id, Page.number == number)
    )
    if page is None:
        count = session.scalar(
            select(func.count()).select_from(Page).where(Page.document_id == document_id)
        )
        raise UserError(f"there is no page {number}; the document has pages 1 to {count}")
    return _page_info(page)


def get_page_info(session: Session, page_id: int) -> PageInfo:
    """A page by id."""
    page = session.get(Page, page_id)
    if page is None:
        raise UserError(f"page {page_id} no longer exists")
    return _page_info(page)


def current_text(session: Session, page_id: int) -> str:
    """A page's current text (without unpacking its boxes)."""
    original = session.scalar(select(PageText.original).where(PageText.page_id == page_id)) or ""
    edits = session.execute(
        select(EditRow.start, EditRow.end, EditRow.replacement)
        .where(EditRow.page_id == page_id)
        .order_by(EditRow.seq)
    )
    return apply_edits(original, (Edit(start, end, text) for start, end, text in edits))


def page_content(session: Session, page_id: int) -> PageContent:
    """A page's texts and boxes."""
    page = session.get(Page, page_id)
    if page is None:
        raise UserError(f"page {page_id} no longer exists")
    layer = session.execute(select(*LAYER).where(PageText.page_id == page_id)).first()
    rows = session.execute(
        select(EditRow.start, EditRow.end, EditRow.replacement, EditRow.origins)
        .where(EditRow.page_id == page_id)
        .order_by(EditRow.seq)
    )  # queried, not page.edits: edits added in this session must count (columns: no ORM cost)
    edits = [Edit(start, end, text, unpack_origins(origins)) for start, end, text, origins in rows]
    return layer_content(_page_info(page), layer, edits)


# a page's stored layer, as :func:`layer_content` reads it
LAYER = (
    PageText.page_id,
    PageText.original,
    PageText.boxes,
    PageText.source,
    PageText.rules,
    PageText.confidences,
    PageText.engine,
)


def layer_content(page: PageInfo, row: Any, edits: list[Edit]) -> PageContent:
    """A page's content from its :data:`LAYER` row (None: no text yet) and its edits."""
    original = row[1] if row is not None else ""
    extracted = unpack_boxes(row[2]) if row is not None else []
    # each current character's index in the original (-1: typed in), carried through the edits
    origins: list[int] = follow_all(range(len(original)), edits, -1)  # type: ignore[assignment]
    current = apply_edits(original, edits)
    if extracted and len(extracted) >= len(original):
        # every origin is -1 or an index of the original: -1 picks the None put last
        boxes = list(map([*extracted, None].__getitem__, origins))
    elif extracted:
        boxes = [extracted[o] if o >= 0 else None for o in origins]
    else:
        boxes = [None] * len(current)
    read = unpack_floats(row[5]) if row is not None else []
    return PageContent(
        page,
        original,
        current,
        boxes,
        row[3] if row is not None else TextSource.NONE.value,
        extracted,
        origins,
        [r for r in unpack_boxes(row[4]) if r] if row is not None else [],
        [read[o] if o >= 0 else None for o in origins] if read else [],
        row[6] if row is not None else None,
    )


def add_reference(
    session: Session,
    *,
    document_id: int,
    title: str,
    source_path: Path | None,
    sha256: str,
    text: str,
) -> tuple[int, bool]:
    """Store a reference witness of a document; returns (id, whether it was new)."""
    existing = session.scalar(
        select(ReferenceText).where(
            ReferenceText.document_id == document_id, ReferenceText.sha256 == sha256
        )
    )
    if existing is not None:
        return existing.id, False
    ref = ReferenceText(
        document_id=document_id,
        title=title,
        source_path=None if source_path is None else str(source_path),
        sha256=sha256,
        text=text,
    )
    session.add(ref)
    session.flush()
    return ref.id, True


def document_file(session: Session, document_id: int) -> Path:
    """The path a document was imported from."""
    doc = session.get(Document, document_id)
    if doc is None:
        raise UserError(f"document {document_id} no longer exists")
    return Path(doc.source_path)


def relocate_document(session: Session, document_id: int, path: Path) -> None:
    """Record that a document's file now lives at ``path``."""
    doc = session.get(Document, document_id)
    if doc is not None:
        doc.source_path = str(path)


def set_review_status(session: Session, page_id: int, status: PageStatus) -> None:
    """Mark a page to do, in progress or done."""
    page = session.get(Page, page_id)
    if page is None:
        raise UserError(f"page {page_id} no longer exists")
    page.review_status = PageStatus(status).value


def uncorrected_pages(session: Session) -> list[int]:
    """The pages not yet corrected (imported, never shown, exported or collated), in
    document and page order."""
    return list(
        session.scalars(
            select(Page.id)
            .where(Page.corrected_at.is_(None))
            .order_by(Page.document_id, Page.number)
        )
    )
