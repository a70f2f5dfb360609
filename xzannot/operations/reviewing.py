"""Reviewing corrections: list them by kind, accept them, revert them, and correct by hand.

Reverting never rewrites history: it appends an edit that puts the old text
back (kind "revert") and marks the reverted edit so. A correction can be
reverted while its characters are still together in the current text; if a
later correction changed them, that one has to be reverted first (see
:mod:`xzannot.core.corrections`).
"""

from __future__ import annotations

from xzannot.core.corrections import (
    CONTEXT,
    REVERT_KIND,
    CorrectionInfo,
    all_later_reverted,
    place_corrections,
    reverting_edit,
)
from xzannot.core.edits import Edit, Review
from xzannot.errors import UserError
from xzannot.operations.changes import OpChanges, on_pages
from xzannot.store.corrections import (
    edit_chain,
    edit_seqs,
    record_revert,
    restore_spans,
    set_edits_review,
)
from xzannot.store.database import Project
from xzannot.store.documents import current_text
from xzannot.store.edits import add_edits
from xzannot.store.session import Session

__all__ = [
    "CONTEXT",
    "CorrectionInfo",
    "TextConflict",
    "corrections",
    "manual_edit",
    "revert",
    "revert_in",
    "set_review",
    "text_changed",
]


def text_changed(page_id: int) -> OpChanges:
    """What a new edit of a page changes: its text, its list of edits, and the spans that
    follow the text."""
    return on_pages([page_id], text=True, edits=True, spans=True)


def corrections(session: Session, page_id: int) -> list[CorrectionInfo]:
    """Every edit of a page, oldest first, with where it stands in the current text."""
    return place_corrections(*edit_chain(session, page_id))


def revert_in(session: Session, page_id: int, edit_id: int, author: str) -> int:
    """Revert one correction inside the caller's transaction; returns the revert's id."""
    original, links = edit_chain(session, page_id)
    undo = reverting_edit(original, links, edit_id)
    added = add_edits(
        session, page_id, [(undo, REVERT_KIND)], author=author, review=Review.ACCEPTED
    )
    record_revert(session, edit_id, added.ids[0])
    if all_later_reverted(links, edit_id):
        restore_spans(session, page_id, edit_id)
    return added.ids[0]


def revert(project: Project, page_id: int, edit_ids: list[int], author: str) -> list[int]:
    """Revert corrections (newest first, all or none); returns the ids of the revert edits
    (what they change: :func:`text_changed`)."""
    with project.transaction() as session:
        seqs = edit_seqs(session, edit_ids)
        return [
            revert_in(session, page_id, i, author)
            for i in sorted(edit_ids, key=lambda i: -seqs.get(i, 0))
        ]


def set_review(project: Project, edit_ids: list[int], review: Review) -> OpChanges:
    """Mark corrections accepted (or open again)."""
    with project.transaction() as session:
        pages = set_edits_review(session, edit_ids, review)
    return on_pages(pages, edits=True)


class TextConflict(UserError):
    """The page's text changed elsewhere since the one a correction was typed on."""


def manual_edit(
    project: Project, page_id: int, edit: Edit, author: str, *, on: str | None = None
) -> int:
    """A correction typed by a person; returns its id (what it changes:
    :func:`text_changed`). ``on`` is the text the person saw
    when typing: if the page's text is no longer that (someone else corrected it since),
    the edit's offsets would land in the wrong place, so it is refused and nothing stored."""
    with project.transaction() as session:
        if on is not None and current_text(session, page_id) != on:
            raise TextConflict(
                "this page's text was changed elsewhere since it was shown here; it has been "
                "reloaded, and your change was not stored: make it again"
            )
        return add_edits(
            session, page_id, [(edit, "manual")], author=author, review=Review.ACCEPTED
        ).ids[0]
