"""Counts that summarise a project: pages, edits, spans per label and status."""

from __future__ import annotations

from dataclasses import dataclass, field

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from xzannot.store.models import Document, EditRow, Label, Page, ReferenceText, Span


@dataclass(slots=True)
class ProjectStats:
    """A project's counts."""

    documents: int = 0
    pages: int = 0
    pages_needing_text: int = 0
    pages_by_status: dict[str, int] = field(default_factory=dict)
    references: int = 0
    edits: int = 0
    spans: dict[str, dict[str, int]] = field(default_factory=dict)  # label -> status -> n


def _count(session: Session, model: type, *where: object) -> int:
    query = select(func.count()).select_from(model)
    for clause in where:
        query = query.where(clause)  # type: ignore[arg-type]
    return session.scalar(query) or 0


def project_stats(session: Session) -> ProjectStats:
    """Count everything in one read."""
    stats = ProjectStats(
        documents=_count(session, Document),
        pages=_count(session, Page),
        pages_needing_text=_count(session, Page, Page.needs_text.is_(True)),
        references=_count(session, ReferenceText),
        edits=_count(session, EditRow),
    )
    for status, n in session.execute(
        select(Page.review_status, func.count()).group_by(Page.review_status)
    ):
        stats.pages_by_status[status] = n
    labels = session.scalars(select(Label.key).order_by(Label.position, Label.id)).all()
    stats.spans = {key: {} for key in labels}
    rows = session.execute(
        select(Label.key, Span.status, func.count())
        .join(Label, Span.label_id == Label.id)
        .where(Span.deleted.is_(False))
        .group_by(Label.key, Span.status)
    )
    for key, status, n in rows:
        stats.spans.setdefault(key, {})[status] = n
    return stats
