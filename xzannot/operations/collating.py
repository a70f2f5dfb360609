"""Collating pages with their document's reference witnesses, and settling differences.

Accepting a difference is an edit of kind ``collation`` (reviewable and revertible like
every correction); rejecting one is recorded, so it stays settled when the page is
collated again. Each collation keeps the page's agreement (open differences, CER).
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from xzannot.core.collate import Collation, Difference, ReferenceIndex, collate, page_form
from xzannot.core.edits import Edit, Review
from xzannot.errors import CancelledError, UserError
from xzannot.operations.changes import NOTHING, OpChanges, on_pages
from xzannot.operations.correcting import correct_page_in
from xzannot.store.collation import (
    Agreement,
    Reference,
    add_rejection,
    reference_text,
    references_of_page,
    rejected_keys,
    remove_rejection,
    save_agreement,
)
from xzannot.store.database import Project
from xzannot.store.documents import current_text, list_pages
from xzannot.store.edits import add_edits
from xzannot.store.session import Session

COLLATION_KIND = "collation"


@dataclass(frozen=True)
class PageCollation:
    """A page against the reference that covers it best."""

    page_id: int
    reference: Reference | None  # None: the document has no reference
    collation: Collation | None  # None: no counterpart of this page in the reference
    open: tuple[Difference, ...]
    rejected: int
    text_length: int
    changes: OpChanges = NOTHING  # the page's agreement kept (and its text, if corrected now)

    @property
    def agreement(self) -> Agreement:
        if self.reference is None or self.collation is None:
            return Agreement(self.page_id, None, 0, None, 0.0)
        return Agreement(
            self.page_id,
            self.reference.id,
            len(self.open),
            self.collation.cer,
            self.collation.coverage(self.text_length),
        )


class Indexes:
    """Reference indexes built once per reference and reused for every page.

    A reference never changes once stored, so its text is read and indexed only once while
    it is in use; the most recently used are kept up to ``limit`` bytes in all (an index of a
    million-character reference takes about 160 MB, and pages are collated a document at a
    time). The one in use is kept whatever its size.
    """

    def __init__(self, limit: int = 512 * 1024 * 1024) -> None:
        self._built: OrderedDict[int, ReferenceIndex] = OrderedDict()
        self._limit = limit

    def of(self, session: Session, reference: Reference) -> ReferenceIndex:
        if reference.id in self._built:
            self._built.move_to_end(reference.id)
        else:
            self._built[reference.id] = ReferenceIndex(reference_text(session, reference.id))
            while len(self._built) > 1 and self.size > self._limit:
                self._built.popitem(last=False)  # the least recently used
        return self._built[reference.id]

    @property
    def size(self) -> int:
        """About how many bytes the kept indexes take."""
        return sum(index.size for index in self._built.values())

    def kept(self) -> list[int]:
        """The references whose indexes are kept, least recently used first."""
        return list(self._built)


def collate_page_in(
    session: Session, page_id: int, indexes: Indexes | None = None, text: str | None = None
) -> PageCollation:
    """Collate one page (corrected first) in the caller's transaction, keeping its agreement.

    ``text`` is the page's current text when the caller has it already (the window does).
    """
    indexes = indexes or Indexes()
    changes = on_pages([page_id], collation=True)
    if text is None:
        changes |= correct_page_in(session, page_id).changes
        text = current_text(session, page_id)
    references = references_of_page(session, page_id)
    best: tuple[Reference, Collation] | None = None
    for reference in references:
        found = collate(text, indexes.of(session, reference))
        if found is not None and (
            best is None or found.coverage(len(text)) > best[1].coverage(len(text))
        ):
            best = (reference, found)
    if best is None:
        result = PageCollation(
            page_id, references[0] if references else None, None, (), 0, len(text), changes
        )
    else:
        reference, found = best
        rejected = rejected_keys(session, page_id, reference.id)
        still = tuple(d for d in found.differences if d.key not in rejected)
        result = PageCollation(
            page_id,
            reference,
            found,
            still,
            len(found.differences) - len(still),
            len(text),
            changes,
        )
    save_agreement(session, result.agreement)
    return result


def collate_page(project: Project, page_id: int) -> PageCollation:
    """Collate one page in its own transaction."""
    with project.transaction(derived=True) as session:
        return collate_page_in(session, page_id)


def collate_pages(
    project: Project,
    page_ids: Iterable[int] | None = None,
    *,
    progress: Callable[[int, int], None] | None = None,
    cancelled: Callable[[], bool] | None = None,
) -> list[PageCollation]:
    """Collate the given pages (default: every page) in one transaction."""
    indexes = Indexes()
    results = []
    with project.transaction(derived=True) as session:
        ids = list(page_ids) if page_ids is not None else [p.id for p in list_pages(session)]
        for done, page_id in enumerate(ids, 1):
            if cancelled is not None and cancelled():
                raise CancelledError
            results.append(collate_page_in(session, page_id, indexes))
            if progress is not None:
                progress(done, len(ids))
    return results


def _check_current(session: Session, page_id: int, difference: Difference) -> str:
    text = current_text(session, page_id)
    if text[difference.start : difference.end] != difference.page_reading:
        raise UserError("the page has changed since it was collated; it has been collated again")
    return text


def accept_difference(project: Project, page_id: int, difference: Difference, author: str) -> int:
    """Take the reference's reading into the page; returns the edit's id."""
    with project.transaction() as session:
        _check_current(session, page_id, difference)
        edit = Edit(difference.start, difference.end, page_form(difference.reference_reading))
        added = add_edits(
            session, page_id, [(edit, COLLATION_KIND)], author=author, review=Review.ACCEPTED
        )
        return added.ids[0]


def reject_difference(
    project: Project, page_id: int, reference_id: int, difference: Difference, annotator: str
) -> int:
    """Keep the page's reading; the difference stays settled. Returns the rejection's id."""
    with project.transaction() as session:
        _check_current(session, page_id, difference)
        return add_rejection(session, page_id, reference_id, difference.key, annotator)


def difference_settled(page_id: int, *, accepted: bool) -> OpChanges:
    """What settling a difference of a page changed: its collation, and its text when the
    reference's reading was taken in (:func:`accept_difference`)."""
    if accepted:
        return on_pages([page_id], text=True, edits=True, spans=True, collation=True)
    return on_pages([page_id], collation=True)


def reopen_difference(project: Project, rejection_id: int) -> OpChanges:
    """Undo a rejection: the difference is open again."""
    with project.transaction() as session:
        page_id = remove_rejection(session, rejection_id)
    return NOTHING if page_id is None else on_pages([page_id], collation=True)
