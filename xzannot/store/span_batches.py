"""Spans by the thousand: where a page's spans are, as arrays, and many new spans stored in
one statement (for span import and suggestions; :func:`xzannot.store.spans.create_span`
stores one)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, cast

import numpy as np
import numpy.typing as npt
from sqlalchemy import Table, false, func, insert, literal_column, select
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session

from xzannot.core.spans import SpanLayer, SpanStatus
from xzannot.errors import UserError
from xzannot.store.models import Label, Span, utcnow

_INT32 = np.iinfo(np.int32)


def label_ids(session: Session) -> dict[str, int]:
    """The id of each label of the project, by key."""
    return {row.key: row.id for row in session.execute(select(Label.key, Label.id))}


OWNERS = 1 << 20  # a span's slot is label id * OWNERS + annotator id (see span_places)


def span_places(session: Session, page_id: int) -> tuple[npt.NDArray[np.integer[Any]], ...]:
    """The starts, ends and slots of the spans in annotators' layers of a page (deleted ones
    too), as three arrays; a slot is the label's id times :data:`OWNERS` plus the
    annotator's (two annotators' layers may hold the same span). A page may hold millions,
    so they are read, and made compact, a part at a time."""
    slot = Span.label_id * OWNERS + func.coalesce(Span.annotator_id, 0)
    query = select(Span.start, Span.end, slot).where(
        Span.page_id == page_id, Span.layer == SpanLayer.ANNOTATION.value
    )
    result = session.execute(query.execution_options(yield_per=1 << 16))
    columns: tuple[list[npt.NDArray[np.integer[Any]]], ...] = ([], [], [])
    for part in result.partitions():
        rows = np.array([tuple(row) for row in part], dtype=np.int64)
        if _INT32.min <= rows.min() and rows.max() <= _INT32.max:
            rows = rows.astype(np.int32)
        for parts, column in zip(columns, rows.T, strict=True):
            parts.append(column.copy())
    return tuple(np.concatenate(parts) if parts else np.empty(0, np.int32) for parts in columns)


def insert_spans(session: Session, page_id: int, rows: Sequence[dict[str, Any]]) -> None:
    """Store new spans of a page in one statement: each row has start, end, label_id, quote,
    status, annotator_id, attributes and note. What every row shares (the page, version 1,
    the time: now, as the database tells it) is written into the statement once, not sent
    and converted with each row: an import may store millions."""
    if not rows:
        return
    statement = insert(cast(Table, Span.__table__)).values(
        page_id=literal_column(str(int(page_id))),
        orphaned=false(),
        deleted=false(),
        version=literal_column("1"),
        created_at=func.now(),
        updated_at=func.now(),
    )
    try:
        session.execute(statement, rows)
    except IntegrityError as exc:  # e.g. the same span, stored by another program meanwhile
        reason = str(exc.orig).splitlines()[0][:160]
        raise UserError(
            f"the project's spans changed meanwhile ({reason}); nothing was stored"
        ) from exc


def span_keys(session: Session, page_id: int) -> list[tuple[int, int, int, bool]]:
    """Start, end, label id and whether it stands (neither deleted nor rejected) of every
    span of a page, deleted and rejected ones too: what new suggestions are checked against."""
    rows = session.execute(
        select(Span.start, Span.end, Span.label_id, Span.deleted, Span.status).where(
            Span.page_id == page_id
        )
    )
    return [
        (start, end, label, not deleted and status != SpanStatus.REJECTED.value)
        for start, end, label, deleted, status in rows
    ]


def _live(page_id: int, label_id: int, annotator_id: int) -> Any:
    return select(Span.id, Span.start, Span.end).where(
        Span.page_id == page_id,
        Span.label_id == label_id,
        Span.annotator_id == annotator_id,
        Span.layer == SpanLayer.ANNOTATION.value,
        Span.deleted.is_(False),
        Span.orphaned.is_(False),
    )


def live_places(
    session: Session, page_id: int, label_id: int, annotator_id: int
) -> set[tuple[int, int]]:
    """Where a page's live spans of a label are in an annotator's layer (at most one a
    place: the unique index)."""
    rows = session.execute(_live(page_id, label_id, annotator_id))
    return {(start, end) for _, start, end in rows}


def live_span_ids(
    session: Session,
    page_id: int,
    label_id: int,
    annotator_id: int,
    places: Sequence[tuple[int, int]],
) -> list[int]:
    """The ids of an annotator's live spans of a label at ``places`` of a page, in order."""
    rows = session.execute(_live(page_id, label_id, annotator_id))
    ids = {(start, end): span_id for span_id, start, end in rows}
    return [ids[place] for place in places if place in ids]


def add_spans(session: Session, rows: Sequence[dict[str, Any]]) -> None:
    """Store new spans in one statement: each row has page_id, start, end, label_id, quote,
    status, annotator_id, attributes and note; each is version 1, made and changed now."""
    if not rows:
        return
    now = utcnow()
    statement = insert(cast(Table, Span.__table__)).values(
        orphaned=false(), deleted=false(), version=literal_column("1")
    )
    try:
        session.execute(statement, [{**row, "created_at": now, "updated_at": now} for row in rows])
    except IntegrityError as exc:  # e.g. the same span, stored by another program meanwhile
        reason = str(exc.orig).splitlines()[0][:160]
        raise UserError(
            f"the project's spans changed meanwhile ({reason}); nothing was stored"
        ) from exc
