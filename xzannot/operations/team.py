"""Team review: assigning pages to annotators, curators, each annotator's queue and progress,
and what an annotator sees of a page labelled blind (see ``xzannot.core.team``).

A page given to no one behaves as in a project of one person: marking it done marks the
page done for everyone, and everyone sees every span on it.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import datetime

from xzannot.core.curation import CURATED
from xzannot.core.pages import PageStatus
from xzannot.core.spans import SpanInfo, SpanLayer, SpanStatus
from xzannot.core.team import is_blind as blind_for
from xzannot.core.team import visible
from xzannot.errors import UserError
from xzannot.operations.changes import OpChanges, on_pages
from xzannot.operations.correcting import AUTHOR as CORRECTIONS_AUTHOR
from xzannot.operations.labelling import TARGET, require_curator
from xzannot.operations.suggesting import RULES_ANNOTATOR, target_attributes
from xzannot.store import team as store
from xzannot.store.database import Project
from xzannot.store.documents import get_document, get_page_info, list_documents, set_review_status
from xzannot.store.session import Session
from xzannot.store.spans import create_span, get_span, list_annotators, list_spans, update_span
from xzannot.store.team import AssignedPage, AssignmentInfo

__all__ = [
    "AssignmentInfo",
    "ProgressRow",
    "act_on_suggestion",
    "annotators",
    "assign_pages",
    "assignments",
    "curators",
    "is_blind",
    "mark_my_page",
    "next_page",
    "page_assignees",
    "progress",
    "remove_assignment",
    "set_curator",
    "visible_spans",
]

_NOT_PEOPLE = (RULES_ANNOTATOR, CORRECTIONS_AUTHOR, CURATED)


def _person(name: str) -> str:
    name = name.strip()
    if not name:
        raise UserError("an annotator needs a name")
    if name in _NOT_PEOPLE:
        raise UserError(f"{name!r} is not a person: it cannot be given pages or curate")
    return name


def assign_pages(
    project: Project,
    annotator: str,
    document: str | int,
    first: int | None = None,
    last: int | None = None,
) -> AssignmentInfo:
    """Give pages ``first..last`` (numbers from 1; open ends reach the document's ends) of a
    document to ``annotator``."""
    name = _person(annotator)
    with project.transaction() as session:
        doc = get_document(session, document)
        for number in (first, last):
            if number is not None and not 1 <= number <= doc.page_count:
                raise UserError(
                    f"{doc.title} has no page {number}; it has pages 1 to {doc.page_count}"
                )
        if first is not None and last is not None and first > last:
            raise UserError(f"pages {first}-{last}: the first page comes after the last")
        return store.add_assignment(session, name, doc.id, first, last)


def remove_assignment(project: Project, assignment_id: int) -> None:
    """Take an assignment back; what was done on its pages stays."""
    with project.transaction() as session:
        store.remove_assignment(session, assignment_id)


def assignments(project: Project) -> list[AssignmentInfo]:
    """Every assignment, by annotator and document."""
    with project.session() as session:
        return store.list_assignments(session)


def set_curator(project: Project, annotator: str, curator: bool = True) -> None:
    """Make ``annotator`` a curator, or (``curator=False``) no longer one."""
    name = _person(annotator)
    with project.transaction() as session:
        store.set_curator(session, name, curator)


def curators(project: Project) -> list[str]:
    """The curators, by name."""
    with project.session() as session:
        return store.curator_names(session)


def annotators(project: Project) -> list[str]:
    """The people of the project (not the rules' author, nor that of automatic corrections),
    by name."""
    with project.session() as session:
        return [name for name in list_annotators(session) if name not in _NOT_PEOPLE]


def page_assignees(project: Project, page_id: int) -> list[str]:
    """The annotators a page is given to, by name."""
    with project.session() as session:
        return store.page_assignees(session, page_id)


def is_blind(project: Project, page_id: int) -> bool:
    """Whether a page is labelled blind (given to two annotators or more)."""
    return blind_for(page_assignees(project, page_id))


def mark_my_page(project: Project, page_id: int, annotator: str, status: PageStatus) -> OpChanges:
    """Where ``annotator`` stands with a page; a page given to no one is marked for everyone
    too (its review status)."""
    with project.transaction() as session:
        store.set_page_status(session, page_id, annotator, status)
        if not store.page_assignees(session, page_id):
            set_review_status(session, page_id, status)
    return on_pages([page_id], page_status=True)


def next_page(project: Project, annotator: str, after: int | None = None) -> int | None:
    """The next page of ``annotator``'s queue (their pages not done by them, in document and
    page order) after page ``after``, coming round to the first; None when none is left."""
    with project.session() as session:
        queue = [
            page
            for page in store.assigned_pages(session, annotator)
            if page.status != PageStatus.DONE
        ]
        if not queue:
            return None
        if after is None:
            return queue[0].page_id
        here = get_page_info(session, after)
        key = (here.document_id, here.number)
        for page in queue:
            if (page.document_id, page.number) > key:
                return page.page_id
        return queue[0].page_id


@dataclass(frozen=True, slots=True)
class ProgressRow:
    """How far an annotator is with their pages of a document."""

    annotator: str
    document_id: int
    document: str  # its title
    assigned: int
    done: int
    in_progress: int
    todo: int
    spans: int  # their live spans on these pages
    last_activity: datetime | None  # when they last changed a span or a page's status


def progress(project: Project, *, document: str | int | None = None) -> list[ProgressRow]:
    """Per annotator and document given to them: their pages, how many are done, in progress
    and to do, their spans there and when they last worked on them."""
    with project.session() as session:
        if document is None:
            document_id = None
            titles = {doc.id: doc.title for doc in list_documents(session)}
        else:
            chosen = get_document(session, document)
            document_id, titles = chosen.id, {chosen.id: chosen.title}
        pages = store.assigned_pages(session, None, document_id)
        ids = sorted({page.page_id for page in pages})
        activity = store.span_activity(session, ids)
        times = store.status_times(session, ids)
    grouped: dict[tuple[str, int], list[AssignedPage]] = defaultdict(list)
    for page in pages:
        grouped[(page.annotator, page.document_id)].append(page)
    rows = []
    for (name, doc), own in grouped.items():
        counts = {status: sum(p.status == status for p in own) for status in PageStatus}
        spans = 0
        moments: list[datetime] = []
        for page in own:
            live, when = activity.get((name, page.page_id), (0, None))
            spans += live
            moments += [t for t in (when, times.get((name, page.page_id))) if t is not None]
        rows.append(
            ProgressRow(
                name,
                doc,
                titles[doc],
                len(own),
                counts[PageStatus.DONE],
                counts[PageStatus.IN_PROGRESS],
                counts[PageStatus.TODO],
                spans,
                max(moments, default=None),
            )
        )
    return rows


def visible_spans(
    project: Project, page_id: int, viewer: str, *, show_others: bool
) -> list[SpanInfo]:
    """The spans of a page ``viewer`` sees (see ``xzannot.core.team.visible``), in text
    order."""
    with project.session() as session:
        spans = list_spans(session, page_id)
        blind = blind_for(store.page_assignees(session, page_id))
    return visible(
        spans, viewer.strip(), show_others=show_others, blind=blind, rules_author=RULES_ANNOTATOR
    )


def act_on_suggestion(
    project: Project,
    span_id: int,
    viewer: str,
    *,
    status: SpanStatus,
    label: str | None = None,
) -> SpanInfo:
    """Accept or reject a span (with another label, perhaps) as ``viewer``.

    On a blind page a suggestion of the rules stays for the others: the viewer gets a copy
    of their own (accepted, or rejected so that the suggestion stays hidden for them). Any
    other span is changed itself, and becomes the viewer's.
    """
    viewer = _person(viewer)
    with project.transaction() as session:
        span = get_span(session, span_id)
        if span.deleted:
            raise UserError("this span was deleted meanwhile; nothing was changed")
        if span.layer == SpanLayer.CURATED:
            require_curator(session, viewer)
        shared = span.annotator == RULES_ANNOTATOR and span.layer == SpanLayer.ANNOTATION
        if shared and blind_for(store.page_assignees(session, span.page_id)):
            return _own_copy(session, span, viewer, status, label or span.label)
        attributes = None
        if label == TARGET and label != span.label and not span.attributes:
            attributes = target_attributes(session, span.quote)
        return update_span(
            session, span_id, status=status, label=label, annotator=viewer, attributes=attributes
        )


def _own_copy(
    session: Session, span: SpanInfo, viewer: str, status: SpanStatus, label: str
) -> SpanInfo:
    """``viewer``'s span where ``span`` is, with ``label`` and ``status`` (their span there
    already, changed, when they have one)."""
    for mine in list_spans(session, span.page_id):
        same = (mine.start, mine.end, mine.label) == (span.start, span.end, label)
        if same and mine.annotator == viewer and mine.layer == SpanLayer.ANNOTATION:
            return update_span(session, mine.id, status=status)
    attributes = span.attributes if label == span.label else {}
    if label == TARGET and not attributes:
        attributes = target_attributes(session, span.quote)
    return create_span(
        session,
        page_id=span.page_id,
        start=span.start,
        end=span.end,
        label=label,
        quote=span.quote,
        annotator=viewer,
        status=status,
        attributes=attributes,
        note=span.note,
    )
