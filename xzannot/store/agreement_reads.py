"""Reads for measuring agreement between annotators: who has marked spans, and their spans
with the pages they lie on.

Only spans a person stands behind count: live (neither deleted nor orphaned), accepted, and
in the annotator's own layer; suggestions and rejected spans are nobody's answer yet, and the
curated layer is what curators made of everyone's answers (read on its own, to measure
the annotators against it). Whose spans are the rules' own is
for the caller to say (``xzannot.operations.agreement``).
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from sqlalchemy import func, select

from xzannot.core.spans import SpanInfo, SpanLayer, SpanStatus
from xzannot.store.export_reads import chunks, current_texts
from xzannot.store.models import Annotator, Document, Page, Span
from xzannot.store.session import Session
from xzannot.store.spans import read_spans, span_query

_LIVE = (
    Span.status == SpanStatus.ACCEPTED.value,
    Span.deleted.is_(False),
    Span.orphaned.is_(False),
)
_ANSWERED = (*_LIVE, Span.layer == SpanLayer.ANNOTATION.value)
_CURATED = (*_LIVE, Span.layer == SpanLayer.CURATED.value)


def span_authors(session: Session) -> dict[str, int]:
    """Each annotator with accepted live spans, and how many they have (one query)."""
    rows = session.execute(
        select(Annotator.name, func.count())
        .join(Span, Span.annotator_id == Annotator.id)
        .where(*_ANSWERED)
        .group_by(Annotator.name)
    )
    return {name: count for name, count in rows}  # noqa: C416  (rows are Row objects)


def answered_spans(
    session: Session, annotators: Sequence[str], document_ids: Sequence[int] = ()
) -> Iterator[SpanInfo]:
    """The accepted live spans of ``annotators`` (of these documents only, when given), in
    page and text order: one query."""
    where = [*_ANSWERED, Annotator.name.in_(annotators)]
    if document_ids:
        where.append(Span.page_id.in_(select(Page.id).where(Page.document_id.in_(document_ids))))
    return read_spans(session, span_query(*where))


def curated_count(session: Session) -> int:
    """How many spans the curated layer keeps (accepted, live)."""
    return session.scalar(select(func.count()).select_from(Span).where(*_CURATED)) or 0


def curated_spans(session: Session, document_ids: Sequence[int] = ()) -> Iterator[SpanInfo]:
    """The spans the curated layer keeps (of these documents only, when given), in page and
    text order: one query."""
    where = list(_CURATED)
    if document_ids:
        where.append(Span.page_id.in_(select(Page.id).where(Page.document_id.in_(document_ids))))
    return read_spans(session, span_query(*where))


@dataclass(frozen=True, slots=True)
class PagePlace:
    """Where a page is and how long its current text is."""

    page_id: int
    document: str  # its document's title
    number: int
    length: int


def page_places(session: Session, page_ids: Sequence[int]) -> dict[int, PagePlace]:
    """The pages' documents, numbers and current text lengths, a chunk of pages at a time."""
    found: dict[int, PagePlace] = {}
    for chunk in chunks(page_ids):
        rows = session.execute(
            select(Page.id, Document.title, Page.number)
            .join(Document, Page.document_id == Document.id)
            .where(Page.id.in_(chunk))
        ).all()
        texts = current_texts(session, [row[0] for row in rows])
        for page_id, title, number in rows:
            found[page_id] = PagePlace(page_id, title, number, len(texts[page_id]))
    return found
