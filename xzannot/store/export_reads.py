"""Bulk reads for exports: many pages' current texts, text layers and spans, a chunk of pages
in a few queries (never a query per page).

An export reads its pages a chunk at a time (:data:`CHUNK` pages), so a project of any size
is exported in bounded memory. Edits are replayed in ``core.edits``, a run at a time; every
read here runs as plain columns on the session's connection (no ORM objects to build).
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from typing import Any

from sqlalchemy import null, select

from xzannot.core.edits import Edit, apply_edits, unpack_origins
from xzannot.core.spans import SpanInfo, SpanStatus
from xzannot.store.documents import LAYER, PageContent, PageInfo, layer_content
from xzannot.store.models import EditRow, Page, PageText, Span
from xzannot.store.session import Session
from xzannot.store.spans import read_spans, span_query

CHUNK = 200  # pages read at a time (and the most ids in one IN list)
_STATUSES = {status.value: status for status in SpanStatus}


def chunks(items: Sequence[Any], size: int = CHUNK) -> Iterator[Sequence[Any]]:
    """``items`` in consecutive pieces of at most ``size``."""
    for first in range(0, len(items), size):
        yield items[first : first + size]


def pages_to_correct(session: Session, page_ids: Sequence[int]) -> list[int]:
    """Those of the pages never corrected yet (in the order given)."""
    todo: set[int] = set()
    for chunk in chunks(page_ids):
        todo.update(
            session.scalars(select(Page.id).where(Page.id.in_(chunk), Page.corrected_at.is_(None)))
        )
    return [page_id for page_id in page_ids if page_id in todo]


_EditRow = tuple[int, int, str, bytes | None]  # start, end, replacement, packed origins


def _edit_rows(
    session: Session, page_ids: Sequence[int], *, origins: bool
) -> dict[int, list[_EditRow]]:
    """Every edit of the pages as it is stored, in each page's order: one query. Kept as
    plain rows until a page's turn comes (:func:`_page_edits`), so a chunk's pages do not
    hold hundreds of thousands of objects at once."""
    query = (
        select(EditRow.page_id, EditRow.start, EditRow.end, EditRow.replacement, EditRow.origins)
        .where(EditRow.page_id.in_(page_ids))
        .order_by(EditRow.page_id, EditRow.seq)
    )
    found: dict[int, list[_EditRow]] = {page_id: [] for page_id in page_ids}
    if not origins:  # the origins' bytes are not even read
        query = query.with_only_columns(
            EditRow.page_id, EditRow.start, EditRow.end, EditRow.replacement, null()
        )
    for page_id, start, end, replacement, blob in session.connection().execute(query):
        found[page_id].append((start, end, replacement, blob))
    return found


def _page_edits(rows: list[_EditRow]) -> list[Edit]:
    """A page's edits from its rows."""
    return [
        Edit(start, end, text, None if blob is None else unpack_origins(blob))
        for start, end, text, blob in rows
    ]


def current_texts(session: Session, page_ids: Sequence[int]) -> dict[int, str]:
    """The pages' current texts (at most :data:`CHUNK` pages): one query for the original
    texts, one for the edits, replayed here."""
    originals: dict[int, str] = dict(
        session.connection()
        .execute(select(PageText.page_id, PageText.original).where(PageText.page_id.in_(page_ids)))
        .all()
    )
    edits = _edit_rows(session, page_ids, origins=False)
    return {
        page_id: apply_edits(originals.get(page_id) or "", _page_edits(edits[page_id]))
        for page_id in page_ids
    }


def page_layers(session: Session, pages: Sequence[PageInfo]) -> dict[int, PageContent]:
    """What :func:`xzannot.store.documents.page_content` gives, for many pages (at most
    :data:`CHUNK`) in two queries."""
    layers = each_layer(session, pages)
    return {page.id: content for page, content in zip(pages, layers, strict=True)}


def each_layer(session: Session, pages: Sequence[PageInfo]) -> Iterator[PageContent]:
    """:func:`page_layers` a page at a time, in the order of ``pages``: the two queries are
    made for all of them when the first is asked for, and each page's content is built in
    its turn (an export then holds a chunk's stored rows, and one page's content)."""
    ids = [page.id for page in pages]
    rows = {
        row[0]: row
        for row in session.connection().execute(select(*LAYER).where(PageText.page_id.in_(ids)))
    }
    edits = _edit_rows(session, ids, origins=True)
    for page in pages:
        yield layer_content(page, rows.get(page.id), _page_edits(edits[page.id]))


def live_spans(session: Session, page_ids: Sequence[int]) -> dict[int, list[SpanInfo]]:
    """The live spans of the pages (at most :data:`CHUNK`), in text order: one query."""
    found: dict[int, list[SpanInfo]] = {page_id: [] for page_id in page_ids}
    for span in read_spans(session, span_query(Span.page_id.in_(page_ids))):
        found[span.page_id].append(span)
    return found
