"""Showing a page, as the window and ``xzannot text`` both do: corrected the first time it is
shown (the corrections kept as reviewable edits), then its text, boxes, spans and image read
in the same transaction."""

from __future__ import annotations

from dataclasses import dataclass

from xzannot.core.spans import SpanInfo
from xzannot.operations.correcting import correct_page_in
from xzannot.store.database import Project
from xzannot.store.documents import DocumentInfo, PageContent, get_document, get_page, page_content
from xzannot.store.ocr import PageImage, page_image
from xzannot.store.spans import list_spans


@dataclass(frozen=True, slots=True)
class ShownPage:
    """What showing a page reads."""

    content: PageContent  # text (original and current), boxes, the page's details
    spans: list[SpanInfo]
    image: PageImage | None  # where its image is; None for a page imported as text


def show_page(project: Project, page_id: int, *, corrected: bool = True) -> ShownPage:
    """A page as shown; with ``corrected``, its automatic corrections are made first (once,
    on a read-only project in its scratch copy)."""
    with project.transaction(derived=True) as session:
        if corrected:
            correct_page_in(session, page_id)
        content = page_content(session, page_id)
        return ShownPage(content, list_spans(session, page_id), page_image(session, page_id))


def find_page(
    project: Project, document: str | int | None, number: int
) -> tuple[DocumentInfo, int]:
    """A document (by id, title or file name; the first imported by default) and the id of
    its page ``number`` (from 1, in file order)."""
    with project.session() as session:
        found = get_document(session, document)
        return found, get_page(session, found.id, number).id
