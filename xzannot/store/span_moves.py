"""Spans following new edits of a page, written in a few statements: where each span went,
which lost all their characters (orphaned), and where the edits that reshaped them found them.

What goes where is worked out in core (:func:`xzannot.core.following.follow_spans`); here the
spans are read as plain rows and written back with one statement per kind of change, in an
order the unique index of live spans allows (migration 0008).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, cast

from sqlalchemy import Table, bindparam, insert, select, update
from sqlalchemy.orm import Session
from sqlalchemy.orm.util import identity_key

from xzannot.core.edits import Edit, apply_edits
from xzannot.core.following import Followed, Tracked, follow_spans
from xzannot.store.models import Span, SpanChange, utcnow
from xzannot.store.spans import SpanConflict

_SPANS = cast(Table, Span.__table__)
_SPAN_CHANGES = cast(Table, SpanChange.__table__)


@dataclass(frozen=True, slots=True)
class StoredSpan:
    """A span of a page as the edits find it."""

    id: int
    start: int
    end: int
    label_id: int
    deleted: bool
    quote: str
    version: int
    layer: str = "annotation"
    annotator_id: int | None = None

    @property
    def slot(self) -> tuple[int, str, int | None]:
        """What two live spans at one place may not share (the unique index of live spans):
        the label, in one annotator's layer."""
        return (self.label_id, self.layer, self.annotator_id)


def spans_to_follow(session: Session, page_id: int) -> list[StoredSpan]:
    """The spans of a page that follow its edits (all but the orphaned), oldest first."""
    rows = session.execute(  # an ORM statement: changes pending in the session are flushed
        select(
            Span.id,
            Span.start,
            Span.end,
            Span.label_id,
            Span.deleted,
            Span.quote,
            Span.version,
            Span.layer,
            Span.annotator_id,
        )
        .where(Span.page_id == page_id, Span.orphaned.is_(False))
        .order_by(Span.id)
    )
    return [StoredSpan(*row) for row in rows]


def move_spans(
    session: Session,
    spans: Sequence[StoredSpan],
    text: str,
    edits: Sequence[Edit],
    edit_ids: Sequence[int],
) -> int:
    """Carry ``spans`` of a page whose current text is ``text`` through ``edits`` (stored
    with ids ``edit_ids``); returns how many were orphaned. An orphan keeps its last place
    and its quote, for a reviewer to settle; the others are quoted from the new text."""
    tracked = [Tracked(s.start, s.end, s.slot, not s.deleted) for s in spans]
    followed = follow_spans(tracked, len(text), edits)
    after = apply_edits(text, edits)
    rows = _changed_rows(spans, followed, after)
    if rows:
        _write_moves(session, spans, rows)
    changes = [
        {"span_id": spans[i].id, "edit_id": edit_ids[number], "start": start, "end": end}
        for number, i, start, end in followed.changes
    ]
    if changes:  # where the spans were, so that reverting an edit puts them back
        session.execute(insert(_SPAN_CHANGES), changes)
    return sum(followed.orphaned)


def _changed_rows(
    spans: Sequence[StoredSpan], followed: Followed, text: str
) -> list[dict[str, Any]]:
    """The new values of the spans the edits changed: those that stay put first, then those
    that move (so an orphan leaves the unique index before another span takes its place)."""
    still: list[dict[str, Any]] = []
    moving: list[dict[str, Any]] = []
    for span, (start, end), orphaned in zip(spans, followed.places, followed.orphaned, strict=True):
        quote = span.quote if orphaned else text[start:end]
        if (start, end, orphaned, quote) == (span.start, span.end, False, span.quote):
            continue
        row = {
            "b_id": span.id,
            "b_version": span.version,
            "b_start": start,
            "b_end": end,
            "b_quote": quote,
            "b_orphaned": orphaned,
        }
        (still if (start, end) == (span.start, span.end) else moving).append(row)
    return still + moving


def _write_moves(session: Session, spans: Sequence[StoredSpan], rows: list[dict[str, Any]]) -> None:
    """Write the changed spans, a row at a time in the order given. When a live span moves
    onto the place another live span still holds, every moving span is first parked at a
    place of its own (minus its id), so that none passes through another's place."""
    was = {span.id: span for span in spans}
    held = {(s.start, s.end, s.slot): s.id for s in spans if not s.deleted}
    moving = [
        r for r in rows if (r["b_start"], r["b_end"]) != (was[r["b_id"]].start, was[r["b_id"]].end)
    ]
    if any(
        not r["b_orphaned"]
        and not was[r["b_id"]].deleted
        and held.get((r["b_start"], r["b_end"], was[r["b_id"]].slot), r["b_id"]) != r["b_id"]
        for r in moving
    ):
        park = update(_SPANS).where(_SPANS.c.id == bindparam("b_id"))
        session.execute(
            park.values(start=bindparam("b_start"), end=bindparam("b_end")),
            [{"b_id": r["b_id"], "b_start": -r["b_id"] - 1, "b_end": -r["b_id"]} for r in moving],
        )
    statement = (
        update(_SPANS)
        .where(_SPANS.c.id == bindparam("b_id"), _SPANS.c.version == bindparam("b_version"))
        .values(
            start=bindparam("b_start"),
            end=bindparam("b_end"),
            quote=bindparam("b_quote"),
            orphaned=bindparam("b_orphaned"),
            version=_SPANS.c.version + 1,
            updated_at=bindparam("b_now"),
        )
    )
    now = utcnow()
    result = session.execute(statement, [{**r, "b_now": now} for r in rows])
    if result.rowcount != len(rows):  # type: ignore[attr-defined]
        raise SpanConflict("a span of this page was changed by someone else meanwhile")
    for row in rows:  # objects the session holds of these spans read them again when used
        held_object = session.identity_map.get(identity_key(Span, row["b_id"]))
        if held_object is not None:
            session.expire(held_object)
