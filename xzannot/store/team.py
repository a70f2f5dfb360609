"""Repository functions of team review: curators, assignments of pages to annotators, and
where each annotator stands with their pages (table ``annotator_pages``)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from sqlalchemy import and_, case, delete, func, or_, select
from sqlalchemy.exc import DBAPIError

from xzannot.core.pages import PageStatus
from xzannot.core.spans import SpanLayer
from xzannot.errors import UserError
from xzannot.store.export_reads import chunks
from xzannot.store.models import Annotator, AnnotatorPage, Assignment, Document, Page, Span
from xzannot.store.session import Session
from xzannot.store.spans import annotator_id
from xzannot.store.team_server import refusal


@dataclass(frozen=True, slots=True)
class AssignmentInfo:
    """Pages of a document given to an annotator (every page when the range is open)."""

    id: int
    annotator: str
    document_id: int
    document: str  # its title
    first_page: int | None
    last_page: int | None


@dataclass(frozen=True, slots=True)
class AssignedPage:
    """A page given to an annotator, and where they stand with it."""

    annotator: str
    page_id: int
    document_id: int
    number: int
    status: PageStatus


def set_curator(session: Session, name: str, curator: bool) -> None:
    """Make ``name`` a curator (made on first use), or no longer one."""
    found = session.get(Annotator, annotator_id(session, name))
    if found is None:
        return
    found.curator = curator
    try:
        session.flush()
    except DBAPIError as exc:  # on a team server only the project's owner names curators
        words = refusal(exc)
        if words is None:
            raise
        raise UserError(f"the project's server refused the change: {words}") from exc


def curator_names(session: Session) -> list[str]:
    """The curators, by name."""
    query = select(Annotator.name).where(Annotator.curator.is_(True)).order_by(Annotator.name)
    return list(session.scalars(query))


_ASSIGNMENT = (
    Assignment.id,
    Annotator.name,
    Assignment.document_id,
    Document.title,
    Assignment.first_page,
    Assignment.last_page,
)


def _assignments(session: Session, *where: Any) -> list[AssignmentInfo]:
    query = (
        select(*_ASSIGNMENT)
        .join(Annotator, Assignment.annotator_id == Annotator.id)
        .join(Document, Assignment.document_id == Document.id)
        .where(*where)
        .order_by(Annotator.name, Document.id, Assignment.first_page, Assignment.id)
    )
    return [AssignmentInfo(*row) for row in session.execute(query)]


def list_assignments(session: Session) -> list[AssignmentInfo]:
    """Every assignment, by annotator and document."""
    return _assignments(session)


def add_assignment(
    session: Session, annotator: str, document_id: int, first: int | None, last: int | None
) -> AssignmentInfo:
    """Give pages ``first..last`` of a document to ``annotator`` (the same range again is
    the assignment already there)."""
    who = annotator_id(session, annotator)
    same = (
        Assignment.annotator_id == who,
        Assignment.document_id == document_id,
        Assignment.first_page.is_(None) if first is None else Assignment.first_page == first,
        Assignment.last_page.is_(None) if last is None else Assignment.last_page == last,
    )
    found = _assignments(session, *same)
    if found:
        return found[0]
    row = Assignment(annotator_id=who, document_id=document_id, first_page=first, last_page=last)
    session.add(row)
    session.flush()
    return _assignments(session, Assignment.id == row.id)[0]


def remove_assignment(session: Session, assignment_id: int) -> None:
    """Take an assignment back (what the annotator did on its pages stays)."""
    done = session.execute(delete(Assignment).where(Assignment.id == assignment_id))
    if not done.rowcount:  # type: ignore[attr-defined]
        raise UserError(f"there is no assignment {assignment_id}; xzannot assign --list shows them")


_COVERS = and_(
    Page.document_id == Assignment.document_id,
    or_(Assignment.first_page.is_(None), Page.number >= Assignment.first_page),
    or_(Assignment.last_page.is_(None), Page.number <= Assignment.last_page),
)


def page_assignees(session: Session, page_id: int) -> list[str]:
    """The annotators a page is given to, by name."""
    query = (
        select(Annotator.name)
        .distinct()
        .select_from(Page)
        .join(Assignment, _COVERS)
        .join(Annotator, Assignment.annotator_id == Annotator.id)
        .where(Page.id == page_id)
        .order_by(Annotator.name)
    )
    return list(session.scalars(query))


def assigned_pages(
    session: Session, annotator: str | None = None, document_id: int | None = None
) -> list[AssignedPage]:
    """The pages given to ``annotator`` (or to anyone), with where each stands with them, by
    annotator, then in document and page order."""
    query = (
        select(Annotator.name, Page.id, Page.document_id, Page.number, AnnotatorPage.status)
        .distinct()
        .select_from(Page)
        .join(Assignment, _COVERS)
        .join(Annotator, Assignment.annotator_id == Annotator.id)
        .outerjoin(
            AnnotatorPage,
            and_(AnnotatorPage.page_id == Page.id, AnnotatorPage.annotator_id == Annotator.id),
        )
        .order_by(Annotator.name, Page.document_id, Page.number)
    )
    if annotator is not None:
        query = query.where(Annotator.name == annotator.strip())
    if document_id is not None:
        query = query.where(Page.document_id == document_id)
    return [
        AssignedPage(name, page_id, doc, number, PageStatus(status or PageStatus.TODO.value))
        for name, page_id, doc, number, status in session.execute(query)
    ]


def set_page_status(session: Session, page_id: int, annotator: str, status: PageStatus) -> None:
    """Where ``annotator`` stands with a page."""
    if session.get(Page, page_id) is None:
        raise UserError(f"page {page_id} no longer exists")
    who = annotator_id(session, annotator)
    row = session.get(AnnotatorPage, (page_id, who))
    if row is None:
        session.add(AnnotatorPage(page_id=page_id, annotator_id=who, status=status.value))
    else:
        row.status = PageStatus(status).value
    session.flush()


def page_statuses(session: Session, page_id: int) -> dict[str, PageStatus]:
    """Where each annotator who said so stands with a page."""
    rows = session.execute(
        select(Annotator.name, AnnotatorPage.status)
        .join(Annotator, AnnotatorPage.annotator_id == Annotator.id)
        .where(AnnotatorPage.page_id == page_id)
    )
    return {name: PageStatus(status) for name, status in rows}


def span_activity(
    session: Session, page_ids: Sequence[int]
) -> dict[tuple[str, int], tuple[int, datetime | None]]:
    """Per (annotator, page) of these pages: their live spans in their own layer, and when
    they last changed one (deleting included)."""
    found: dict[tuple[str, int], tuple[int, datetime | None]] = {}
    for chunk in chunks(page_ids):  # the size of the IN list bounded
        rows = session.execute(
            select(
                Annotator.name,
                Span.page_id,
                func.sum(
                    case((and_(Span.deleted.is_(False), Span.orphaned.is_(False)), 1), else_=0)
                ),
                func.max(Span.updated_at),
            )
            .join(Annotator, Span.annotator_id == Annotator.id)
            .where(Span.page_id.in_(chunk))
            .where(Span.layer == SpanLayer.ANNOTATION.value)
            .group_by(Annotator.name, Span.page_id)
        )
        for name, page_id, live, when in rows:
            found[(name, page_id)] = (int(live or 0), when)
    return found


def status_times(session: Session, page_ids: Sequence[int]) -> dict[tuple[str, int], datetime]:
    """Per (annotator, page) of these pages: when they last said where they stand with it."""
    found: dict[tuple[str, int], datetime] = {}
    for chunk in chunks(page_ids):
        rows = session.execute(
            select(Annotator.name, AnnotatorPage.page_id, AnnotatorPage.updated_at)
            .join(Annotator, AnnotatorPage.annotator_id == Annotator.id)
            .where(AnnotatorPage.page_id.in_(chunk))
        )
        for name, page_id, when in rows:
            found[(name, page_id)] = when
    return found
