"""What the window reads to show a project: its documents and pages, a page's text and spans,
its corrections, the labels, the agreements with references. Each call opens its own session
and returns plain values; nothing here changes the project except keeping the agreement of
the shown page when it is collated (as collating always does)."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from xzannot.core.labels import LabelDef
from xzannot.core.spans import SpanInfo
from xzannot.errors import UserError
from xzannot.operations.collating import Indexes, PageCollation, collate_page_in
from xzannot.operations.reviewing import CorrectionInfo, corrections
from xzannot.operations.suggesting import rules_text
from xzannot.store.collation import Agreement, agreements
from xzannot.store.database import Project
from xzannot.store.documents import (
    DocumentInfo,
    PageContent,
    PageInfo,
    get_page_info,
    list_documents,
    list_pages,
    page_content,
)
from xzannot.store.labels import list_labels
from xzannot.store.ocr import Unsure
from xzannot.store.spans import list_annotators, list_spans, span_counts

__all__ = [
    "Agreement",
    "DocumentInfo",
    "ExportChoices",
    "PageContent",
    "PageInfo",
    "PageReload",
    "PageRow",
    "ProjectContents",
    "Unsure",
    "collate_shown",
    "export_choices",
    "labels",
    "page_corrections",
    "page_rows",
    "page_texts",
    "project_contents",
    "project_rules_text",
    "reload_page",
]


@dataclass(frozen=True, slots=True)
class ProjectContents:
    """Everything the pages list shows of a project."""

    documents: list[DocumentInfo]
    pages: list[PageInfo]
    span_counts: dict[int, int]  # page id -> live spans (pages without spans left out)
    agreements: list[Agreement]
    labels: list[LabelDef]


@dataclass(frozen=True, slots=True)
class PageRow:
    """One row of the pages list: the page's details and how many spans it has."""

    page: PageInfo
    spans: int


@dataclass(frozen=True, slots=True)
class PageReload:
    """A page read again after a change: its details, text and boxes, and spans."""

    page: PageInfo
    content: PageContent
    spans: list[SpanInfo]


@dataclass(frozen=True, slots=True)
class ExportChoices:
    """What an export can be limited to."""

    documents: list[DocumentInfo]
    labels: list[LabelDef]
    annotators: list[str]


def project_contents(project: Project) -> ProjectContents:
    """The documents, pages, span counts, agreements and labels of a project."""
    with project.session() as session:
        return ProjectContents(
            list_documents(session),
            list_pages(session),
            span_counts(session),
            list(agreements(session).values()),
            list_labels(session),
        )


def labels(project: Project) -> list[LabelDef]:
    """The project's label schema."""
    with project.session() as session:
        return list_labels(session)


def page_rows(project: Project, page_ids: Iterable[int]) -> list[PageRow]:
    """The pages list's rows of some pages (ids that no longer exist are left out)."""
    rows = []
    with project.session() as session:
        counts = span_counts(session)
        for page_id in dict.fromkeys(page_ids):
            try:
                page = get_page_info(session, page_id)
            except UserError:
                continue  # removed meanwhile
            rows.append(PageRow(page, counts.get(page_id, 0)))
    return rows


def reload_page(project: Project, page_id: int) -> PageReload:
    """A page's details, current text and spans, read in one session."""
    with project.session() as session:
        return PageReload(
            get_page_info(session, page_id),
            page_content(session, page_id),
            list_spans(session, page_id),
        )


def page_texts(project: Project, page_id: int) -> PageContent:
    """A page's original and current text."""
    with project.session() as session:
        return page_content(session, page_id)


def page_corrections(project: Project, page_id: int) -> list[CorrectionInfo]:
    """Every edit of a page, oldest first, with where it stands in the current text."""
    with project.session() as session:
        return corrections(session, page_id)


def export_choices(project: Project) -> ExportChoices:
    """The documents, labels and annotators an export can be limited to."""
    with project.session() as session:
        return ExportChoices(
            list_documents(session), list_labels(session), list_annotators(session)
        )


def project_rules_text(project: Project) -> str:
    """The project's pre-annotation rules (the shipped ones when it has none)."""
    with project.session() as session:
        return rules_text(session)


def collate_shown(project: Project, page_id: int, indexes: Indexes, text: str) -> PageCollation:
    """Collate the page the window shows (its current ``text`` as shown) with the references'
    ``indexes`` kept between calls; the page's agreement is kept, as every collation keeps it
    (on a read-only project, in its scratch copy)."""
    with project.transaction(derived=True) as session:
        return collate_page_in(session, page_id, indexes, text)
