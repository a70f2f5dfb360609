"""Reviewing stored corrections: a page's chain as read, reverts and review marks recorded,
and spans put back where they were before a reverted edit."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from xzannot.core.corrections import Link
from xzannot.core.edits import Edit, Review, unpack_origins
from xzannot.store.documents import current_text
from xzannot.store.edits import flush_span_moves
from xzannot.store.models import EditRow, PageText, Span, SpanChange


def edit_chain(session: Session, page_id: int) -> tuple[str, list[Link]]:
    """A page's original text and its chain of edits, oldest first."""
    original = session.scalar(select(PageText.original).where(PageText.page_id == page_id)) or ""
    rows = session.scalars(select(EditRow).where(EditRow.page_id == page_id).order_by(EditRow.seq))
    return original, [
        Link(
            r.id,
            r.seq,
            r.kind,
            Review(r.review),
            Edit(r.start, r.end, r.replacement, unpack_origins(r.origins)),
            r.reverts,
            r.evidence,
        )
        for r in rows
    ]


def edit_seqs(session: Session, edit_ids: list[int]) -> dict[int, int]:
    """The place in its page's chain of each edit, by id (unknown ids left out)."""
    rows = session.execute(select(EditRow.id, EditRow.seq).where(EditRow.id.in_(edit_ids)))
    return {row.id: row.seq for row in rows}


def record_revert(session: Session, edit_id: int, revert_id: int) -> None:
    """Mark edit ``edit_id`` reverted by edit ``revert_id``; when it was itself a revert,
    the edit it had reverted stands again (accepted)."""
    row, new_row = session.get(EditRow, edit_id), session.get(EditRow, revert_id)
    assert row is not None and new_row is not None
    new_row.reverts = row.id
    row.review = Review.REVERTED.value
    if row.reverts is not None:  # reverting a revert: the first edit stands again
        first = session.get(EditRow, row.reverts)
        if first is not None:
            first.review = Review.ACCEPTED.value


def set_edits_review(session: Session, edit_ids: list[int], review: Review) -> set[int]:
    """Mark edits accepted (or open again), all but reverted ones; returns their pages."""
    pages: set[int] = set()
    for row in session.scalars(select(EditRow).where(EditRow.id.in_(edit_ids))):
        pages.add(row.page_id)
        if row.review != Review.REVERTED:
            row.review = Review(review).value
    return pages


def restore_spans(session: Session, page_id: int, edit_id: int) -> None:
    """Spans whose shape edit ``edit_id`` changed go back where they were before it.

    Exact when every later edit has been reverted too (the caller checks it), for then
    the text is again what it was before the edit. A span whose place another live span of
    its label now holds stays orphaned, for review.
    """
    text = current_text(session, page_id)
    changes = list(session.scalars(select(SpanChange).where(SpanChange.edit_id == edit_id)))
    back = {c.span_id: (c.start, c.end) for c in changes if c.end <= len(text)}
    spans = list(session.scalars(select(Span).where(Span.page_id == page_id)))
    held = {  # the live spans that stay where they are
        (s.start, s.end, s.label_id, s.layer, s.annotator_id)
        for s in spans
        if s.id not in back and not s.deleted and not s.orphaned
    }
    restored: list[Span] = []
    for span in sorted((s for s in spans if s.id in back), key=lambda s: s.id):
        start, end = back[span.id]
        slot = (span.label_id, span.layer, span.annotator_id)
        if not span.deleted and (start, end, *slot) in held:
            continue
        span.start, span.end, span.orphaned = start, end, False
        span.quote = text[start:end]
        restored.append(span)
        if not span.deleted:
            held.add((start, end, *slot))
    for change in changes:
        session.delete(change)
    flush_span_moves(session, restored)
