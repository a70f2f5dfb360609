"""Searching the project, shared by the window's concordance and ``xzannot search``.

:func:`find` answers from the index with the pages that hold hits, in document and page
order; :func:`hits_on` reads the hits of some of them (a screen at a time); :func:`all_hits`
reads every hit (the command line, acting on all hits). Acting on hits is in
:mod:`xzannot.operations.search_actions`.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field

from xzannot.core.boxes import Box, union
from xzannot.core.search import SearchQuery, context, within_spans
from xzannot.core.spans import SpanInfo
from xzannot.store.database import Project
from xzannot.store.documents import PageInfo, get_document, list_documents, page_infos
from xzannot.store.export_reads import chunks, current_texts, live_spans, page_layers
from xzannot.store.ocr import PageImage, page_image
from xzannot.store.search_index import Scope, folded_texts, matching_pages, original_texts
from xzannot.store.session import Session

CONTEXT = 20  # characters of context each side of a hit


@dataclass(frozen=True, slots=True)
class Hit:
    """One occurrence: characters ``start..end`` of the page's current text (its original
    text when the search was of the original), with its context."""

    page_id: int
    start: int
    end: int
    before: str
    match: str
    after: str
    area: Box | None = None  # the hit's glyphs on the page, in points (when asked for)


@dataclass(frozen=True, slots=True)
class PageHits:
    """The hits on one page, with what names the page to a reader."""

    page: PageInfo
    document: str
    hits: list[Hit]


@dataclass(frozen=True, slots=True)
class Found:
    """The pages holding hits, in document and page order, each with its hits when
    ``counted`` (else 0: a page's hits are counted as they are read)."""

    query: SearchQuery
    pages: list[tuple[int, int]]
    counted: bool  # whether the counts are the hits' (else only pages are known)
    documents: dict[int, str] = field(default_factory=dict)

    @property
    def hit_count(self) -> int:
        """The hits counted by the index (0 when not counted)."""
        return sum(count for _, count in self.pages)


def _scope(query: SearchQuery) -> Scope:
    return Scope(query.documents, query.first_page, query.last_page, query.labels)


def find(project: Project, query: SearchQuery, *, count: bool = False) -> Found:
    """The pages holding hits of ``query``; with ``count``, how many on each.

    A literal query is answered by the index alone (the fastest answer: which pages); a
    regular expression, an exact or original-text query and span filters read the texts,
    and count the hits as they go."""
    with project.session() as session:
        titles = {doc.id: doc.title for doc in list_documents(session)}
        needle = query.needle if not query.original else ""
        indexed = bool(needle) and not query.filters_spans and not query.exact
        pages = matching_pages(session, needle, _scope(query), count=count and indexed)
        if not indexed:
            pages = list(_pages_with_hits(session, query, [page_id for page_id, _ in pages]))
        return Found(query, pages, count or not indexed, titles)


def _pages_with_hits(
    session: Session, query: SearchQuery, page_ids: Sequence[int]
) -> Iterator[tuple[int, int]]:
    """Pages (of ``page_ids``) that really hold hits, with how many: the folded texts are
    enough for a plain regular expression; the others need the page's own text."""
    quick = query.regex and not query.exact and not query.original and not query.filters_spans
    for chunk in chunks(page_ids):
        if quick:
            texts = folded_texts(session, chunk)
            counts = {page_id: len(query.hits_in(texts[page_id])) for page_id in chunk}
        else:
            found = _hits(query, _texts(session, query, chunk), _spans(session, query, chunk))
            counts = {page_id: len(found[page_id]) for page_id in chunk}
        yield from ((page_id, counts[page_id]) for page_id in chunk if counts[page_id])


def _spans(
    session: Session, query: SearchQuery, page_ids: Sequence[int]
) -> dict[int, list[SpanInfo]]:
    """The pages' live spans, when the query filters by them (else none are read)."""
    return live_spans(session, page_ids) if query.filters_spans else {}


def _hits(
    query: SearchQuery, texts: dict[int, str], spans: dict[int, list[SpanInfo]]
) -> dict[int, list[tuple[int, int]]]:
    """Each page's hits in its text as (start, end), kept to spans meeting the filters."""
    found = {}
    for page_id, text in texts.items():
        places = query.hits_in(text)
        if query.filters_spans:
            places = within_spans(places, spans[page_id], query)
        found[page_id] = places
    return found


def _texts(session: Session, query: SearchQuery, page_ids: Sequence[int]) -> dict[int, str]:
    return original_texts(session, page_ids) if query.original else current_texts(session, page_ids)


def hits_on(
    project: Project, found: Found, page_ids: Sequence[int], *, areas: bool = False
) -> list[PageHits]:
    """The hits on ``page_ids`` (pages of ``found``), in order; with ``areas`` each hit's
    glyphs on the page (for cutting them from the page image)."""
    with project.session() as session:
        return [
            page_hits
            for chunk in chunks(page_ids)
            for page_hits in _page_hits(session, found, chunk, areas)
        ]


def _page_hits(
    session: Session, found: Found, page_ids: Sequence[int], areas: bool
) -> list[PageHits]:
    query = found.query
    infos = page_infos(session, page_ids)
    layers = page_layers(session, list(infos.values())) if areas and not query.original else {}
    if layers:  # a page's layer holds its current text: not read a second time
        texts = {page_id: layers[page_id].current for page_id in page_ids}
    else:
        texts = _texts(session, query, page_ids)
    places = _hits(query, texts, _spans(session, query, page_ids))
    made = []
    for page_id in page_ids:
        text, page = texts[page_id], infos[page_id]
        boxes = layers[page_id].boxes if page_id in layers else []
        hits = [
            Hit(page_id, start, end, *context(text, start, end, CONTEXT), union(boxes[start:end]))
            for start, end in places[page_id]
        ]
        made.append(PageHits(page, found.documents.get(page.document_id, ""), hits))
    return made


def all_hits(project: Project, query: SearchQuery) -> Iterator[PageHits]:
    """Every hit of ``query``, a page at a time (read a chunk of pages at a time)."""
    found = find(project, query)
    for chunk in chunks([page_id for page_id, _ in found.pages]):
        yield from hits_on(project, found, chunk)


def document_ids(project: Project, refs: Sequence[str]) -> tuple[int, ...]:
    """The ids of documents named by id, title or file name (a name not found: UserError)."""
    with project.session() as session:
        return tuple(get_document(session, ref).id for ref in refs)


def page_images(project: Project, page_ids: Sequence[int]) -> dict[int, PageImage | None]:
    """Where each page's image is (None: a page imported as text), for cutting the glyphs
    of its hits: one read, nothing written."""
    with project.session() as session:
        return {page_id: page_image(session, page_id) for page_id in page_ids}
