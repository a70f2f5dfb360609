"""Correcting the pages nobody has opened yet, a few at a time in the background, so that
collating, exporting and opening a page find them corrected.

Each page is corrected in a transaction of its own, so the work can stop at any page and
goes on where it stopped the next time (a page corrected is marked so); a page the window
shows meanwhile is corrected by showing it, and skipped here.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from xzannot.errors import UserError
from xzannot.operations.correcting import correct_page
from xzannot.store.database import Project
from xzannot.store.documents import uncorrected_pages


def pages_to_correct(project: Project) -> list[int]:
    """The pages still waiting for their automatic corrections; none in a read-only project
    (its scratch copy is corrected page by page as pages are shown)."""
    if project.read_only:
        return []
    with project.session() as session:
        return uncorrected_pages(session)


def correct_pages(
    project: Project, page_ids: Sequence[int], *, stop: Callable[[], bool] | None = None
) -> tuple[int, list[str]]:
    """Correct ``page_ids`` one transaction each until ``stop()`` says so; returns how many
    were looked at, and the problems met (a page that cannot be corrected is left as it was,
    named, and the others go on)."""
    done = 0
    problems: list[str] = []
    for page_id in page_ids:
        if stop is not None and stop():
            break
        try:
            correct_page(project, page_id)
        except UserError as exc:
            problems.append(f"page {page_id}: {exc}")
        done += 1
    return done, problems
