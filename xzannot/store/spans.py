"""Repository functions for spans and annotators.

Every change checks the span's version (optimistic locking), so two people
editing one span on a shared server cannot silently overwrite each other.
Deleting a span only marks it deleted: undo brings it back, and the row stays
for the record.
"""

from __future__ import annotations

import json
from collections.abc import Iterator, Mapping, Sequence
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import Select, Text, func, select, type_coerce
from sqlalchemy.exc import DBAPIError, IntegrityError
from sqlalchemy.orm import Session, joinedload
from sqlalchemy.orm.exc import StaleDataError

from xzannot.core.spans import SpanInfo, SpanLayer, SpanStatus
from xzannot.errors import UserError
from xzannot.store.models import Annotator, Label, Span
from xzannot.store.team_server import ACTING, IDENTITY, RULES, is_curator, refusal


class SpanConflict(UserError):
    """The span was changed by someone else since it was read."""


class DuplicateSpan(UserError):
    """A live span of that label already covers exactly those characters."""

    def __init__(self, label: str, quote: str) -> None:
        super().__init__(f"“{quote}” is already marked as {label} here")


def _flush_once(session: Session, label: str, quote: str) -> None:
    """Flush, saying in words when the unique index of live spans refuses a second one, or
    a team server refuses the change to a role (the transaction is then rolled back whole by
    its owner)."""
    try:
        session.flush()
    except IntegrityError as exc:
        raise DuplicateSpan(label, quote) from exc
    except DBAPIError as exc:
        words = refusal(exc)
        if words is None:
            raise
        raise UserError(f"the project's server refused the change: {words}") from exc


def _acting_id(session: Session) -> int | None:
    """The annotator the open transaction's changes are made by, when known."""
    name = session.info.get(ACTING)
    return annotator_id(session, name) if name else None


def _check_layer(session: Session, owner: str | None, layer: SpanLayer, *, new: bool) -> None:
    """On a team server, a role marks and changes spans only in its own layer (and rules'
    suggestions), unless its annotator is a curator; refused here in words before the
    server would refuse it."""
    me = session.info.get(IDENTITY)
    if not me or (layer == SpanLayer.ANNOTATION and owner == me):
        return
    if new and owner == RULES and layer == SpanLayer.ANNOTATION:
        return
    if is_curator(session, me):
        return
    whose = "the curated layer" if layer == SpanLayer.CURATED else f"{owner or 'no one'}'s layer"
    raise UserError(
        f"you are working as {me}: spans in {whose} can be changed only by their annotator "
        "or a curator; nothing was changed"
    )


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
    _check_layer(session, annotator.strip(), layer, new=True)
    owner = annotator_id(session, annotator)
    span = Span(
        page_id=page_id,
        start=start,
        end=end,
        label_id=_label_id(session, label),
        quote=quote,
        status=status.value,
        attributes=attributes or {},
        note=note,
        annotator_id=owner,
        changed_by=_acting_id(session) or owner,
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
        raise SpanConflict(
            f"this span was changed elsewhere{_by_whom(session, span)} since it was shown "
            "here; it has been reloaded, and nothing was overwritten"
        )
    return span


def _by_whom(session: Session, span: Span) -> str:
    """Who changed a span last, and when, in words (" by wang at 14:02")."""
    # a span nobody changed since it was made was changed last by its maker
    who_id = span.annotator_id if span.version == 1 else span.changed_by
    who = session.scalar(select(Annotator.name).where(Annotator.id == who_id)) if who_id else None
    when = span.updated_at
    if when is None:
        return f" by {who}" if who else ""
    if when.tzinfo is None:  # SQLite keeps times without their zone, in UTC
        when = when.replace(tzinfo=UTC)
    local = when.astimezone()
    today = local.date() == datetime.now().astimezone().date()
    shown = local.strftime("%H:%M" if today else "%Y-%m-%d %H:%M")
    return f" by {who} at {shown}" if who else f" at {shown}"


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
    span = _get(session, span_id, None)
    if (version is not None and span.version != version) or (version is None and expect):
        _stale(session, span, expect)
    changing = (label, status, note, attributes, deleted, annotator)
    taking = annotator is not None and annotator.strip() == session.info.get(IDENTITY)
    if any(value is not None for value in changing):  # a rule suggestion may be taken over
        suggestion = span.status == SpanStatus.SUGGESTED.value and span_owner(span) == RULES
        holder = annotator.strip() if taking and suggestion and annotator else span_owner(span)
        _check_layer(session, holder, SpanLayer(span.layer), new=False)
    # every look-up before the first field is set: a query would flush the span half-changed
    # (and count a version for each part)
    label_id = _label_id(session, label) if label is not None else None
    owner = annotator_id(session, annotator) if annotator is not None else None
    span.changed_by = _acting_id(session)
    if label_id is not None:
        span.label_id = label_id
    if status is not None:
        span.status = SpanStatus(status).value
    if note is not None:
        span.note = note
    if attributes is not None:
        span.attributes = dict(attributes)
    if deleted is not None:
        span.deleted = deleted
    if owner is not None:
        span.annotator_id = owner
    try:
        _flush_once(session, label or span.label.key, span.quote)
    except StaleDataError as exc:
        raise SpanConflict(
            "this span was changed elsewhere meanwhile; nothing was overwritten"
        ) from exc
    session.refresh(span)
    return span_info(span)


def span_owner(span: Span) -> str | None:
    """The name of the annotator whose span it is."""
    return span.annotator.name if span.annotator else None


def _stale(session: Session, span: Span, expect: Mapping[str, Any] | None) -> None:
    """The span changed since the caller read it: refused, naming who and when, unless the
    caller says which fields it relies on (``expect``: an undo or a redo) and those are still
    as it left them (a colleague's change of other fields stays)."""
    if not expect:
        raise SpanConflict(
            f"this span was changed elsewhere{_by_whom(session, span)} since it was shown "
            "here; it has been reloaded, and nothing was overwritten"
        )
    now = span_info(span)
    changed = sorted(key for key, value in expect.items() if _value(now, key) != value)
    if changed:
        raise SpanConflict(
            f"this span's {', '.join(changed)} was changed elsewhere{_by_whom(session, span)} "
            "since this change was made here; nothing was overwritten"
        )


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
