"""Stored outcomes of collation: the differences rejected, and each page's agreement."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from xzannot.store.models import CollationRejection, Page, PageCollation, ReferenceText
from xzannot.store.spans import annotator_id


@dataclass(frozen=True)
class Reference:
    """A reference witness of a document (its text is read only when it is needed)."""

    id: int
    title: str


@dataclass(frozen=True)
class Agreement:
    """How a page last compared with its reference (``cer`` None: no counterpart)."""

    page_id: int
    reference_id: int | None
    open_differences: int
    cer: float | None
    coverage: float


def references_of_page(session: Session, page_id: int) -> list[Reference]:
    """The reference witnesses of the document a page belongs to, oldest first."""
    rows = session.execute(
        select(ReferenceText.id, ReferenceText.title)
        .join(Page, Page.document_id == ReferenceText.document_id)
        .where(Page.id == page_id)
        .order_by(ReferenceText.id)
    )
    return [Reference(*row) for row in rows]


def reference_text(session: Session, reference_id: int) -> str:
    """The text of a reference witness."""
    return session.scalar(select(ReferenceText.text).where(ReferenceText.id == reference_id)) or ""


Key = tuple[str, str, int]  # page reading, reference reading, place in the reference


def rejected_keys(session: Session, page_id: int, reference_id: int) -> dict[Key, int]:
    """The differences rejected on a page against a reference: key -> rejection id."""
    rows = session.execute(
        select(
            CollationRejection.page_reading,
            CollationRejection.reference_reading,
            CollationRejection.reference_start,
            CollationRejection.id,
        ).where(
            CollationRejection.page_id == page_id,
            CollationRejection.reference_id == reference_id,
        )
    )
    return {(a, b, c): ident for a, b, c, ident in rows}


def add_rejection(
    session: Session,
    page_id: int,
    reference_id: int,
    key: Key,
    annotator: str,
) -> int:
    """Record that a difference was rejected; returns the record's id."""
    row = CollationRejection(
        page_id=page_id,
        reference_id=reference_id,
        page_reading=key[0],
        reference_reading=key[1],
        reference_start=key[2],
        annotator_id=annotator_id(session, annotator),
    )
    session.add(row)
    session.flush()
    return row.id


def remove_rejection(session: Session, rejection_id: int) -> int | None:
    """Forget a rejection (its difference is open again); returns its page (None: there
    was no such rejection)."""
    page_id = session.scalar(
        select(CollationRejection.page_id).where(CollationRejection.id == rejection_id)
    )
    session.execute(delete(CollationRejection).where(CollationRejection.id == rejection_id))
    return page_id


def save_agreement(session: Session, agreement: Agreement) -> None:
    """Keep a page's latest agreement with its reference."""
    row = session.get(PageCollation, agreement.page_id)
    if row is None:
        row = PageCollation(page_id=agreement.page_id)
        session.add(row)
    elif (
        Agreement(row.page_id, row.reference_id, row.open_differences, row.cer, row.coverage)
        == agreement
    ):
        return  # showing a page again writes nothing
    row.reference_id = agreement.reference_id
    row.open_differences = agreement.open_differences
    row.cer = agreement.cer
    row.coverage = agreement.coverage
    row.collated_at = datetime.now(UTC)
    session.flush()


def agreements(session: Session) -> dict[int, Agreement]:
    """Every page's latest agreement, by page id (pages never collated are left out)."""
    rows = session.execute(
        select(
            PageCollation.page_id,
            PageCollation.reference_id,
            PageCollation.open_differences,
            PageCollation.cer,
            PageCollation.coverage,
        )
    )
    return {row[0]: Agreement(*row) for row in rows}
