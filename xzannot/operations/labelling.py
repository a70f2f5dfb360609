"""Labelling operations: each is one transaction, shared by the window and the command line."""

from __future__ import annotations

from typing import Any

from xzannot.core.pages import PageStatus
from xzannot.core.spans import SpanInfo, SpanStatus
from xzannot.errors import UserError
from xzannot.operations.changes import OpChanges, on_pages
from xzannot.operations.suggesting import target_attributes
from xzannot.store.database import Project
from xzannot.store.documents import current_text, set_review_status
from xzannot.store.spans import create_span, get_span, update_span

TARGET = "target"


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
        if label == TARGET and attributes is None:  # a target is read as data at once
            attributes = target_attributes(session, quote)
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
    """Change a span's label, status, note, attributes or deletion mark (see store.spans).

    A span that becomes a target and has no attributes yet gets them read from its text.
    """
    with project.transaction() as session:
        if changes.get("label") == TARGET and "attributes" not in changes:
            span = get_span(session, span_id)
            if not span.attributes:
                changes["attributes"] = target_attributes(session, span.quote)
        return update_span(session, span_id, **changes)


def span_changed(span: SpanInfo) -> OpChanges:
    """What adding or changing ``span`` changed: the spans of its page, this one as saved."""
    return OpChanges(pages=frozenset({span.page_id}), spans=True, span=span)


def mark_page(project: Project, page_id: int, status: PageStatus) -> OpChanges:
    """Set a page's review status."""
    with project.transaction() as session:
        set_review_status(session, page_id, status)
    return on_pages([page_id], page_status=True)
