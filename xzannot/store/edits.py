"""Storing edits: the chain of corrections of a page, with spans following each edit."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any, cast

from sqlalchemy import Table, func, insert, inspect, select
from sqlalchemy.orm import Session

from xzannot.core.edits import Edit, Review, pack_origins
from xzannot.store.documents import current_text
from xzannot.store.models import EditRow, Span, utcnow
from xzannot.store.search_index import forget_text
from xzannot.store.span_moves import move_spans, spans_to_follow
from xzannot.store.spans import annotator_id

_EDITS = cast(Table, EditRow.__table__)


@dataclass(frozen=True, slots=True)
class Added:
    """What appending edits did: the new rows' ids, and how many spans lost all their text."""

    ids: list[int]
    orphaned: int


def _row(
    page_id: int,
    seq: int,
    edit: Edit,
    kind: str,
    *,
    review: Review,
    who: int,
    why: str | None,
    now: datetime,
) -> dict[str, Any]:
    return {
        "page_id": page_id,
        "seq": seq,
        "start": edit.start,
        "end": edit.end,
        "replacement": edit.replacement,
        "origins": pack_origins(edit.origins),
        "kind": kind,
        "group_key": kind,
        "review": Review(review).value,
        "annotator_id": who,
        "evidence": why,
        "reverts": None,
        "created_at": now,
    }


def _stored_place(span: Span) -> tuple[int, int]:
    """Where the database has ``span`` now (before this session's changes are flushed)."""
    state = inspect(span)
    start, end = state.attrs.start.history, state.attrs.end.history
    return (
        start.deleted[0] if start.deleted else span.start,
        end.deleted[0] if end.deleted else span.end,
    )


def flush_span_moves(session: Session, spans: list[Span]) -> None:
    """Flush spans that moved, without a live span passing through another's place on the
    way: rows are written one at a time, so a span moving onto the place its neighbour is
    leaving would meet the unique index of live spans. Those moving onto a place still held
    are first parked at a place of their own (minus their id), then put where they go."""
    held = {
        (*_stored_place(s), *_slot(s)): s for s in spans if not s.deleted and not _was_orphaned(s)
    }
    moving = [s for s in spans if (s.start, s.end) != _stored_place(s)]
    if any(held.get((s.start, s.end, *_slot(s)), s) is not s for s in moving):
        places = [(s, s.start, s.end) for s in moving]
        for span in moving:
            span.start, span.end = -span.id - 1, -span.id
        session.flush()
        for span, start, end in places:
            span.start, span.end = start, end
    session.flush()


def _slot(span: Span) -> tuple[int, str, int | None]:
    """What two live spans at one place may not share: the label, in one annotator's layer."""
    return (span.label_id, span.layer, span.annotator_id)


def _was_orphaned(span: Span) -> bool:
    history = inspect(span).attrs.orphaned.history
    return bool(history.deleted[0]) if history.deleted else bool(span.orphaned)


def add_edits(
    session: Session,
    page_id: int,
    edits: Sequence[tuple[Edit, str]],
    *,
    author: str,
    review: Review = Review.OPEN,
    evidence: Mapping[str, str] | None = None,
    return_ids: bool = True,
) -> Added:
    """Append edits (each with its kind) to a page's chain; its spans follow every edit.

    A span whose characters are all replaced or deleted is marked orphaned and
    keeps its last place and quote, for a reviewer to settle. Returns how many
    spans were orphaned. ``review`` is open for automatic corrections a reviewer
    still has to look at, accepted for a person's own edits. ``evidence`` says, by kind,
    what automatic corrections acted on. The edits are stored in one statement, and the
    spans moved in one pass (see :mod:`xzannot.store.span_moves`). Without ``return_ids``
    the new rows' ids are not read back (unless spans need them) and ``ids`` is empty.
    """
    forget_text(session, page_id)  # the page's text changes: the index works it out again
    spans = spans_to_follow(session, page_id)
    text = current_text(session, page_id) if spans else ""  # before the new edits count
    seq = session.scalar(select(func.max(EditRow.seq)).where(EditRow.page_id == page_id)) or 0
    who = annotator_id(session, author)
    why = dict(evidence or {})
    now = utcnow()
    rows = [
        _row(page_id, seq + number, edit, kind, review=review, who=who, why=why.get(kind), now=now)
        for number, (edit, kind) in enumerate(edits, start=1)
    ]
    if not rows:
        return Added([], 0)
    session.execute(insert(_EDITS), rows)
    if not spans and not return_ids:
        return Added([], 0)
    new = select(_EDITS.c.id).where(_EDITS.c.page_id == page_id, _EDITS.c.seq > seq)
    ids = [edit_id for (edit_id,) in session.execute(new.order_by(_EDITS.c.seq))]
    if not spans:  # nothing follows the edits
        return Added(ids, 0)
    orphaned = move_spans(session, spans, text, [edit for edit, _ in edits], ids)
    return Added(ids if return_ids else [], orphaned)
