"""The text layers of a page's neighbours as stored (boxes still packed): what running heads
and feet are compared with, read without unpacking, so that a caller may keep what it made of
a layer it has seen before (pages corrected in order share most of their neighbours)."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from xzannot.store.models import Page, PageText


def packed_neighbours(
    session: Session, page_id: int, distance: int = 2
) -> list[tuple[str, bytes, float]]:
    """Text, packed boxes and height of the pages of the same document up to ``distance``
    before and after a page, in page order (pages without boxes left out)."""
    page = session.get(Page, page_id)
    if page is None:
        return []
    rows = session.execute(
        select(PageText.original, PageText.boxes, Page.height)
        .join(Page, Page.id == PageText.page_id)
        .where(
            Page.document_id == page.document_id,
            Page.number != page.number,
            Page.number.between(page.number - distance, page.number + distance),
        )
        .order_by(Page.number)
    )
    return [(text, blob, height) for text, blob, height in rows if blob]
