"""What an operation changed, so that every view refreshes what it shows and nothing more.

An operation that changes the project returns an :class:`OpChanges` (alone, or as the
``changes`` of its result); the window passes it on one signal to every view, and each view
asks it whether what the view shows was touched.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from xzannot.core.spans import SpanInfo


@dataclass(frozen=True, slots=True)
class OpChanges:
    """The kinds of things an operation changed, and on which pages.

    ``pages`` names the pages touched; empty with a flag set means "possibly every page"
    (an import, a label renamed, a batch across the project).
    """

    pages: frozenset[int] = field(default_factory=frozenset)
    text: bool = False  # a page's current text (edits made, reverted or accepted)
    edits: bool = False  # the review state of edits (accepted, reverted) without new text
    spans: bool = False  # spans added, moved, deleted, reviewed
    page_status: bool = False  # a page marked done / needing review, its status
    documents: bool = False  # documents or pages added or removed
    labels: bool = False  # the label set (added, renamed, recoloured)
    references: bool = False  # reference witnesses stored or removed
    collation: bool = False  # differences with references accepted, rejected or measured
    ocr: bool = False  # readings stored or checked
    span: SpanInfo | None = None  # the one span changed, when a view can apply it as it is

    def touches(self, page_id: int | None) -> bool:
        """Whether ``page_id``'s contents may have changed."""
        if page_id is None:
            return False
        return page_id in self.pages or (not self.pages and self.any_page_content)

    @property
    def any_page_content(self) -> bool:
        """Whether anything shown on a page may have changed."""
        return (
            self.text or self.edits or self.spans or self.page_status or self.collation or self.ocr
        )

    def __or__(self, other: OpChanges) -> OpChanges:
        everywhere = (not self.pages and self.any_page_content) or (
            not other.pages and other.any_page_content
        )
        return OpChanges(
            pages=frozenset() if everywhere else self.pages | other.pages,
            text=self.text or other.text,
            edits=self.edits or other.edits,
            spans=self.spans or other.spans,
            page_status=self.page_status or other.page_status,
            documents=self.documents or other.documents,
            labels=self.labels or other.labels,
            references=self.references or other.references,
            collation=self.collation or other.collation,
            ocr=self.ocr or other.ocr,
            span=None,
        )


def on_pages(pages: Iterable[int], **kinds: bool) -> OpChanges:
    """Changes of ``kinds`` on ``pages``."""
    return OpChanges(pages=frozenset(pages), **kinds)  # type: ignore[arg-type]


NOTHING = OpChanges()


def joined(changes: Iterable[OpChanges]) -> OpChanges:
    """All of ``changes`` as one (a batch of operations, a command's steps)."""
    total = NOTHING
    for change in changes:
        total = total | change
    return total
