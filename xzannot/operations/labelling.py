"""Labelling operations: each is one transaction, shared by the window and the command line."""

from __future__ import annotations

from typing import Any

from xzannot.core.spans import SpanInfo, SpanStatus
from xzannot.errors import UserError
from xzannot.store.database import Project
from xzannot.store.documents import current_text, set_review_status
from xzannot.store.spans import create_span, update_span


def add_span(
    project: Project,
    page_id: int,
    span: tuple[int, int],
    label: str,
    annotator: str,
    *,
    status: SpanStatus = SpanStatus.ACCEPTED,
    attributes: dict[str, Any] | None = None,
) -> SpanInfo:
    """Mark ``span = (start, end)`` of a page's current text; the quote is taken from that text."""
    start, end = span
    with project.transaction() as session:
        text = current_text(session, page_id)
        if not 0 <= start < end <= len(text):
            raise UserError(f"characters {start}..{end} are not on this page")
        quote = text[start:end]
        if not quote.strip():
            raise UserError("a span must hold more than white space")
        return create_span(
            session,
            page_id=page_id,
            start=start,
            end=end,
            label=label,
            quote=quote,
            annotator=annotator,
            status=status,
            attributes=attributes,
        )


def change_span(project: Project, span_id: int, **changes: Any) -> SpanInfo:
    """Change a span's label, status, note, attributes or deletion mark (see store.spans)."""
    with project.transaction() as session:
        return update_span(session, span_id, **changes)


def mark_page(project: Project, page_id: int, status: str) -> None:
    """Set a page's review status."""
    with project.transaction() as session:
        set_review_status(session, page_id, status)
