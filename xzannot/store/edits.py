"""Storing edits: the chain of corrections of a page, with spans following each edit."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import func, insert, inspect, select
from sqlalchemy.orm import Session

from xzannot.core.anchoring import anchor_many
from xzannot.core.edits import Edit, Review, apply_edits, pack_origins
from xzannot.store.documents import current_text
from xzannot.store.models import EditRow, Span, SpanChange
from xzannot.store.spans import annotator_id


@dataclass(frozen=True, slots=True)
class Added:
    """What appending edits did: the new rows' ids, and how many spans lost all their text."""

    ids: list[int]
    orphaned: int


def _row(
    page_id: int, seq: int, edit: Edit, kind: str, *, review: Review, who: int, why: str | None
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
    }


def _apart(spans: list[Span], moved: list[tuple[int, int] | None]) -> list[tuple[int, int] | None]:
    """``moved``, where two live spans of one label would now cover the same characters, with
    the younger one orphaned instead (kept for review, and put back if the edit is reverted):
    the project holds one live span of a label per place."""
    taken: set[tuple[int, int, int]] = set()
    apart = list(moved)
    for position in sorted(range(len(spans)), key=lambda i: spans[i].id):
        span, place = spans[position], moved[position]
        if place is None or span.deleted:
            continue
        key = (place[0], place[1], span.label_id)
        if key in taken:
            apart[position] = None
        taken.add(key)
    return apart


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
        (*_stored_place(s), s.label_id): s for s in spans if not s.deleted and not _was_orphaned(s)
    }
    moving = [s for s in spans if (s.start, s.end) != _stored_place(s)]
    if any(held.get((s.start, s.end, s.label_id), s) is not s for s in moving):
        places = [(s, s.start, s.end) for s in moving]
        for span in moving:
            span.start, span.end = -span.id - 1, -span.id
        session.flush()
        for span, start, end in places:
            span.start, span.end = start, end
    session.flush()


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
) -> Added:
    """Append edits (each with its kind) to a page's chain; its spans follow every edit.

    A span whose characters are all replaced or deleted is marked orphaned and
    keeps its last place and quote, for a reviewer to settle. Returns how many
    spans were orphaned. ``review`` is open for automatic corrections a reviewer
    still has to look at, accepted for a person's own edits. ``evidence`` says, by kind,
    what automatic corrections acted on.
    """
    why = dict(evidence or {})
    spans = [
        s for s in session.scalars(select(Span).where(Span.page_id == page_id)) if not s.orphaned
    ]
    seq = session.scalar(select(func.max(EditRow.seq)).where(EditRow.page_id == page_id)) or 0
    who = annotator_id(session, author)

    def values(number: int, edit: Edit, kind: str) -> dict[str, Any]:
        return _row(page_id, seq + number, edit, kind, review=review, who=who, why=why.get(kind))

    if not spans:  # nothing follows the edits: stored in one statement, not an object each
        rows = [values(number, edit, kind) for number, (edit, kind) in enumerate(edits, start=1)]
        ids = list(session.scalars(insert(EditRow).returning(EditRow.id), rows)) if rows else []
        return Added(ids, 0)
    return _add_with_spans(session, page_id, edits, spans, values)


def _add_with_spans(
    session: Session,
    page_id: int,
    edits: Sequence[tuple[Edit, str]],
    spans: list[Span],
    values: Callable[[int, Edit, str], dict[str, Any]],
) -> Added:
    """:func:`add_edits` on a page with spans: a row each, the spans moved after each edit
    (``values`` gives the row of the n-th edit)."""
    text = current_text(session, page_id)
    every = list(spans)
    orphaned = 0
    rows: list[EditRow] = []
    length = len(text)
    for number, (edit, kind) in enumerate(edits, start=1):
        moved = _apart(spans, anchor_many([(s.start, s.end) for s in spans], length, edit))
        length += len(edit.replacement) - (edit.end - edit.start)
        row = EditRow(**values(number, edit, kind))
        session.add(row)
        rows.append(row)
        reshaped = [
            place is None or place[1] - place[0] != span.end - span.start
            for span, place in zip(spans, moved, strict=True)
        ]
        if any(reshaped):
            flush_span_moves(session, every)  # the row's id, for the spans it reshapes
        spans = _move_spans(session, row, spans, moved, reshaped)
        orphaned += len(moved) - len(spans)
    if spans:
        text = apply_edits(text, [edit for edit, _ in edits])
        for span in spans:
            span.quote = text[span.start : span.end]
    flush_span_moves(session, every)
    return Added([row.id for row in rows], orphaned)


def _move_spans(
    session: Session,
    row: EditRow,
    spans: list[Span],
    moved: list[tuple[int, int] | None],
    reshaped: list[bool],
) -> list[Span]:
    """Put spans where edit ``row`` moved them, remembering where those it reshaped were
    (so that reverting it puts them back); returns those that still have characters."""
    still: list[Span] = []
    for span, place, changed in zip(spans, moved, reshaped, strict=True):
        if changed:  # remember where it was, so that reverting this edit puts it back
            session.add(SpanChange(span_id=span.id, edit_id=row.id, start=span.start, end=span.end))
        if place is None:  # keeps its last place and quote, for review
            span.orphaned = True
        else:
            span.start, span.end = place
            still.append(span)
    return still
