"""What the command line reads of a project without changing it: its counts, and the pages
a command was asked for. Each call opens its own session and returns plain values."""

from __future__ import annotations

from dataclasses import dataclass

from xzannot.store.database import Project
from xzannot.store.documents import PageInfo, get_document, get_page, list_documents, list_pages
from xzannot.store.stats import ProjectStats, project_stats

__all__ = ["ChosenPages", "ProjectStats", "chosen_pages", "project_overview"]


def project_overview(project: Project) -> ProjectStats:
    """The project's counts: documents, pages by status, references, edits, spans."""
    with project.session() as session:
        return project_stats(session)


@dataclass(frozen=True, slots=True)
class ChosenPages:
    """The pages a command works on, in file order, and the titles of their documents."""

    pages: list[PageInfo]
    titles: dict[int, str]  # document id -> title


def chosen_pages(
    project: Project, document: str | None = None, page: int | None = None
) -> ChosenPages:
    """Page ``page`` (from 1, in file order) of ``document`` (id or name; the first imported
    by default); without ``page``, every page of ``document``; without either, every page."""
    with project.session() as session:
        if page is not None:
            pages = [get_page(session, get_document(session, document).id, page)]
        elif document is not None:
            pages = list_pages(session, get_document(session, document).id)
        else:
            pages = list_pages(session)
        return ChosenPages(pages, {d.id: d.title for d in list_documents(session)})
