"""Labelling operations: each is one transaction, shared by the window and the command line."""

from __future__ import annotations

from typing import Any

from xzannot.core.pages import PageStatus
from xzannot.core.spans import SpanInfo, SpanLayer, SpanStatus
from xzannot.errors import UserError
from xzannot.operations.changes import OpChanges, on_pages
from xzannot.operations.suggesting import target_attributes
from xzannot.store.database import Project
from xzannot.store.documents import current_text, set_review_status
from xzannot.store.session import Session
from xzannot.store.spans import create_span, get_span, update_span
from xzannot.store.team_server import is_curator

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
    layer: SpanLayer = SpanLayer.ANNOTATION,
) -> SpanInfo:
    """Mark ``span = (start, end)`` of a page's current text; the quote is taken from that text.

    In the curated ``layer`` only a curator may mark.
    """
    start, end = span
    with project.transaction() as session:
        if layer == SpanLayer.CURATED:
            require_curator(session, annotator)
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
            layer=layer,
        )


def require_curator(session: Session, name: str | None) -> None:
    """Refuse in words a change of the curated layer by someone who is not a curator."""
    if not name or not name.strip():
        raise UserError("only a curator can change the curated layer; say who you are")
    if not is_curator(session, name):
        raise UserError(f"only a curator can change the curated layer; {name.strip()} is not one")


def change_span(
    project: Project, span_id: int, *, by: str | None = None, **changes: Any
) -> SpanInfo:
    """Change a span's label, status, note, attributes or deletion mark (see store.spans).

    A span that becomes a target and has no attributes yet gets them read from its text. A
    span of the curated layer is changed only by a curator: ``by`` (or the ``annotator`` the
    change gives it).
    """
    with project.transaction() as session:
        span = get_span(session, span_id)
        if span.layer == SpanLayer.CURATED:
            require_curator(session, by or changes.get("annotator"))
        if changes.get("label") == TARGET and "attributes" not in changes and not span.attributes:
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
