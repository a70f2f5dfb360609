"""Reads of curation: the annotators' answers on a page, and what the curated layer holds.

An answer is a span an annotator stands behind: accepted, live (neither deleted nor
orphaned), in their own layer. The curated layer holds kept spans (accepted) and the marks of
stretches a curator rejected (rejected spans), which settle those stretches.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy import func, select

from xzannot.core.spans import SpanInfo, SpanLayer, SpanStatus
from xzannot.store.models import Annotator, Page, Span
from xzannot.store.session import Session
from xzannot.store.spans import read_spans, span_query


def _layer(session: Session, page_id: int, layer: SpanLayer, *where: Any) -> list[SpanInfo]:
    """A page's spans of one layer that are not orphaned (and meet ``where``), in text order."""
    query = span_query(
        Span.page_id == page_id, Span.layer == layer.value, Span.orphaned.is_(False), *where
    )
    return list(read_spans(session, query))


def answers(session: Session, page_id: int) -> list[SpanInfo]:
    """The annotators' accepted live spans of a page, in text order."""
    return _layer(session, page_id, SpanLayer.ANNOTATION, Span.status == SpanStatus.ACCEPTED.value)


def curated(session: Session, page_id: int) -> list[SpanInfo]:
    """The curated layer of a page (kept spans and marks of rejection), in text order."""
    return _layer(session, page_id, SpanLayer.CURATED)


def shared_pages(session: Session, document_id: int | None, leave_out: str) -> list[int]:
    """The pages (of a document, or all) where two annotators or more have answers, leaving
    out the spans of ``leave_out`` (the rules), in document and page order."""
    query = (
        select(Span.page_id)
        .join(Page, Span.page_id == Page.id)
        .join(Annotator, Span.annotator_id == Annotator.id)
        .where(
            Span.layer == SpanLayer.ANNOTATION.value,
            Span.status == SpanStatus.ACCEPTED.value,
            Span.deleted.is_(False),
            Span.orphaned.is_(False),
            Annotator.name != leave_out,
        )
        .group_by(Span.page_id, Page.document_id, Page.number)
        .having(func.count(func.distinct(Span.annotator_id)) >= 2)
        .order_by(Page.document_id, Page.number)
    )
    if document_id is not None:
        query = query.where(Page.document_id == document_id)
    return list(session.scalars(query))
