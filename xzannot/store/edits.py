"""Storing edits: the chain of corrections of a page, with spans following each edit."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import func, insert, select
from sqlalchemy.orm import Session

from xzannot.core.anchoring import anchor_many
from xzannot.core.edits import Edit, apply_edits, pack_origins
from xzannot.store.documents import current_text
from xzannot.store.models import EditRow, Span, SpanChange
from xzannot.store.spans import annotator_id


@dataclass(frozen=True, slots=True)
class Added:
    """What appending edits did: the new rows' ids, and how many spans lost all their text."""

    ids: list[int]
    orphaned: int


def _row(
    page_id: int, seq: int, edit: Edit, kind: str, *, review: str, who: int, why: str | None
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
        "review": review,
        "annotator_id": who,
        "evidence": why,
    }


def add_edits(
    session: Session,
    page_id: int,
    edits: Sequence[tuple[Edit, str]],
    *,
    author: str,
    review: str = "open",
    evidence: Mapping[str, str] | None = None,
) -> Added:
    """Append edits (each with its kind) to a page's chain; its spans follow every edit.

    A span whose characters are all replaced or deleted is marked orphaned and
    keeps its last place and quote, for a reviewer to settle. Returns how many
    spans were orphaned. ``review`` is "open" for automatic corrections a reviewer
    still has to look at, "accepted" for a person's own edits. ``evidence`` says, by kind,
    what automatic corrections acted on.
    """
    why = dict(evidence or {})
    spans = [
        s for s in session.scalars(select(Span).where(Span.page_id == page_id)) if not s.orphaned
    ]
    seq = session.scalar(select(func.max(EditRow.seq)).where(EditRow.page_id == page_id)) or 0
    who = annotator_id(session, author)
    if not spans:  # nothing follows the edits: stored in one statement, not an object each
        values = [
            _row(page_id, seq + number, edit, kind, review=review, who=who, why=why.get(kind))
            for number, (edit, kind) in enumerate(edits, start=1)
        ]
        ids = list(session.scalars(insert(EditRow).returning(EditRow.id), values)) if values else []
        return Added(ids, 0)
    text = current_text(session, page_id)
    orphaned = 0
    rows: list[EditRow] = []
    length = len(text)
    for edit, kind in edits:
        moved = anchor_many([(s.start, s.end) for s in spans], length, edit)
        length += len(edit.replacement) - (edit.end - edit.start)
        seq += 1
        row = EditRow(**_row(page_id, seq, edit, kind, review=review, who=who, why=why.get(kind)))
        session.add(row)
        rows.append(row)
        reshaped = [
            place is None or place[1] - place[0] != span.end - span.start
            for span, place in zip(spans, moved, strict=True)
        ]
        if any(reshaped):
            session.flush()  # the row's id, for the spans whose shape it changes
        still: list[Span] = []
        for span, place, changed in zip(spans, moved, reshaped, strict=True):
            if changed:  # remember where it was, so that reverting this edit puts it back
                session.add(
                    SpanChange(span_id=span.id, edit_id=row.id, start=span.start, end=span.end)
                )
            if place is None:  # keeps its last place and quote, for review
                span.orphaned = True
                orphaned += 1
            else:
                span.start, span.end = place
                still.append(span)
        spans = still
    if spans:
        text = apply_edits(text, [edit for edit, _ in edits])
        for span in spans:
            span.quote = text[span.start : span.end]
    session.flush()
    return Added([row.id for row in rows], orphaned)
