"""Repository functions for spans and annotators.

Every change checks the span's version (optimistic locking), so two people
editing one span on a shared server cannot silently overwrite each other.
Deleting a span only marks it deleted: undo brings it back, and the row stays
for the record.
"""

from __future__ import annotations

import json
from collections.abc import Iterator, Mapping, Sequence
from typing import Any

from sqlalchemy import Select, Text, func, select, type_coerce
from sqlalchemy.exc import IntegrityError
from sqlalchemy.orm import Session, joinedload
from sqlalchemy.orm.exc import StaleDataError

from xzannot.core.spans import SpanInfo, SpanLayer, SpanStatus
from xzannot.errors import UserError
from xzannot.store.models import Annotator, Label, Span


class SpanConflict(UserError):
    """The span was changed by someone else since it was read."""


class DuplicateSpan(UserError):
    """A live span of that label already covers exactly those characters."""

    def __init__(self, label: str, quote: str) -> None:
        super().__init__(f"“{quote}” is already marked as {label} here")


def _flush_once(session: Session, label: str, quote: str) -> None:
    """Flush, saying in words when the unique index of live spans refuses a second one
    (the transaction is then rolled back whole by its owner)."""
    try:
        session.flush()
    except IntegrityError as exc:
        raise DuplicateSpan(label, quote) from exc


def annotator_id(session: Session, name: str) -> int:
    """The id of the annotator called ``name``, made on first use."""
    name = name.strip()
    if not name:
        raise UserError("an annotator needs a name")
    found = session.scalar(select(Annotator.id).where(Annotator.name == name))
    if found is not None:
        return found
    annotator = Annotator(name=name)
    session.add(annotator)
    session.flush()
    return annotator.id


def _label_id(session: Session, key: str) -> int:
    found = session.scalar(select(Label.id).where(Label.key == key))
    if found is None:
        raise UserError(f"the project has no label {key!r}")
    return found


def require_label(session: Session, key: str) -> int:
    """The id of label ``key``; a :class:`UserError` naming it when the project has none."""
    return _label_id(session, key)


def _value(span: SpanInfo, key: str) -> Any:
    value = getattr(span, key)
    return SpanStatus(value) if key == "status" else value


def span_info(span: Span) -> SpanInfo:
    """A span as a plain value."""
    return SpanInfo(
        id=span.id,
        page_id=span.page_id,
        start=span.start,
        end=span.end,
        label=span.label.key,
        quote=span.quote,
        status=SpanStatus(span.status),
        attributes=dict(span.attributes or {}),
        note=span.note,
        annotator=span.annotator.name if span.annotator else None,
        version=span.version,
        orphaned=span.orphaned,
        deleted=span.deleted,
        layer=SpanLayer(span.layer or SpanLayer.ANNOTATION.value),
    )


def create_span(
    session: Session,
    *,
    page_id: int,
    start: int,
    end: int,
    label: str,
    quote: str,
    annotator: str,
    status: SpanStatus = SpanStatus.ACCEPTED,
    attributes: dict[str, Any] | None = None,
    note: str = "",
    layer: SpanLayer = SpanLayer.ANNOTATION,
) -> SpanInfo:
    """Store a new span on the current text of a page, in ``annotator``'s layer or the
    curated one."""
    if not 0 <= start < end:
        raise UserError("a span needs at least one character")
    span = Span(
        page_id=page_id,
        start=start,
        end=end,
        label_id=_label_id(session, label),
        quote=quote,
        status=status.value,
        attributes=attributes or {},
        note=note,
        annotator_id=annotator_id(session, annotator),
        layer=layer.value,
    )
    session.add(span)
    _flush_once(session, label, quote)
    # built from what is known: reading the relationships back would cost two queries
    return SpanInfo(
        id=span.id,
        page_id=page_id,
        start=start,
        end=end,
        label=label,
        quote=quote,
        status=status,
        attributes=dict(attributes or {}),
        note=note,
        annotator=annotator.strip(),
        version=span.version,
        layer=layer,
    )


def _get(session: Session, span_id: int, version: int | None) -> Span:
    span = session.get(Span, span_id, options=[joinedload(Span.label), joinedload(Span.annotator)])
    if span is None:
        raise UserError(f"span {span_id} no longer exists")
    if version is not None and span.version != version:
        when = span.updated_at.astimezone().strftime("%Y-%m-%d %H:%M") if span.updated_at else ""
        raise SpanConflict(
            f"this span was changed elsewhere ({when}) since it was shown here; it has been "
            "reloaded, and nothing was overwritten"
        )
    return span


def get_span(session: Session, span_id: int) -> SpanInfo:
    """One span as a plain value."""
    return span_info(_get(session, span_id, None))


def update_span(
    session: Session,
    span_id: int,
    *,
    version: int | None = None,
    label: str | None = None,
    status: SpanStatus | None = None,
    note: str | None = None,
    attributes: dict[str, Any] | None = None,
    deleted: bool | None = None,
    annotator: str | None = None,
    expect: Mapping[str, Any] | None = None,
) -> SpanInfo:
    """Change a span; ``version`` guards against overwriting someone else's change, and
    ``expect`` (field -> value) against changing fields that are no longer as the caller
    left them (an undo after a colleague's change to the same fields)."""
    span = _get(session, span_id, version)
    if expect:
        now = span_info(span)
        changed = sorted(key for key, value in expect.items() if _value(now, key) != value)
        if changed:
            when = span.updated_at.astimezone().strftime("%Y-%m-%d %H:%M")
            raise SpanConflict(
                f"this span's {', '.join(changed)} was changed elsewhere ({when}) since this "
                "change was made here; nothing was overwritten"
            )
    if label is not None:
        span.label_id = _label_id(session, label)
    if status is not None:
        span.status = SpanStatus(status).value
    if note is not None:
        span.note = note
    if attributes is not None:
        span.attributes = dict(attributes)
    if deleted is not None:
        span.deleted = deleted
    if annotator is not None:
        span.annotator_id = annotator_id(session, annotator)
    try:
        _flush_once(session, label or span.label.key, span.quote)
    except StaleDataError as exc:
        raise SpanConflict("this span was changed by someone else meanwhile") from exc
    session.refresh(span)
    return span_info(span)


def span_query(*where: Any, include_deleted: bool = False) -> Select[*tuple[Any, ...]]:
    """The spans matching ``where`` as plain rows for :func:`read_spans`, in page and text
    order (one query: a page may hold hundreds, an export a million)."""
    query = (
        select(
            Span.id,
            Span.page_id,
            Span.start,
            Span.end,
            Label.key,
            Span.quote,
            Span.status,
            type_coerce(Span.attributes, Text),  # decoded once per distinct value, below
            Span.note,
            Annotator.name,
            Span.version,
            Span.orphaned,
            Span.deleted,
            Span.layer,
        )
        .join(Label, Span.label_id == Label.id)
        .outerjoin(Annotator, Span.annotator_id == Annotator.id)
        .where(*where)
        .order_by(Span.page_id, Span.start, Span.end.desc(), Span.id)
    )
    return query if include_deleted else query.where(Span.deleted.is_(False))


def read_spans(session: Session, query: Select[*tuple[Any, ...]]) -> Iterator[SpanInfo]:
    """The spans a :func:`span_query` finds."""
    known: dict[str, dict[str, Any]] = {}
    for row in session.connection().execute(query):
        yield SpanInfo(
            row[0],
            row[1],
            row[2],
            row[3],
            row[4],
            row[5],
            _STATUSES[row[6]],
            _attributes(row[7], known),
            row[8],
            row[9],
            row[10],
            bool(row[11]),
            bool(row[12]),
            _LAYERS[row[13]],
        )


_STATUSES = {status.value: status for status in SpanStatus}
_LAYERS = {layer.value: layer for layer in SpanLayer}


def _attributes(value: Any, known: dict[str, dict[str, Any]]) -> dict[str, Any]:
    """A span's attributes as stored (JSON text, or an object where the driver decodes it)."""
    if not isinstance(value, str):
        return dict(value or {})
    found = known.get(value)
    if found is None:
        found = known[value] = json.loads(value) or {}
    return dict(found)


def _spans_where(session: Session, *where: Any, include_deleted: bool = False) -> list[SpanInfo]:
    return list(read_spans(session, span_query(*where, include_deleted=include_deleted)))


def list_spans(session: Session, page_id: int, *, include_deleted: bool = False) -> list[SpanInfo]:
    """A page's spans in text order (one plain query: a page may hold hundreds)."""
    return _spans_where(session, Span.page_id == page_id, include_deleted=include_deleted)


def spans_of_pages(session: Session, page_ids: Sequence[int]) -> dict[int, list[SpanInfo]]:
    """The live spans of many pages, read in a few queries (for exports of whole projects)."""
    found: dict[int, list[SpanInfo]] = {page_id: [] for page_id in page_ids}
    for first in range(0, len(page_ids), 500):  # bound the size of the IN list
        chunk = page_ids[first : first + 500]
        for span in _spans_where(session, Span.page_id.in_(chunk)):
            found[span.page_id].append(span)
    return found


def span_counts(session: Session) -> dict[int, int]:
    """How many live spans each page has (pages without spans are left out)."""
    rows = session.execute(
        select(Span.page_id, func.count()).where(Span.deleted.is_(False)).group_by(Span.page_id)
    )
    return {page_id: count for page_id, count in rows}  # noqa: C416  (rows are Row objects)


def page_of_span(session: Session, span_id: int) -> int:
    """The page a span lies on."""
    page_id = session.scalar(select(Span.page_id).where(Span.id == span_id))
    if page_id is None:
        raise UserError(f"span {span_id} no longer exists")
    return page_id


def list_annotators(session: Session) -> list[str]:
    """Everyone who has marked a span, by name."""
    return list(session.scalars(select(Annotator.name).order_by(Annotator.name)))
