"""Undoable user actions. Each runs one operation (one transaction) on the project.

Commands know page ids and span ids, never widgets: after each change they report an
:class:`OpChanges` naming what they changed, which the window's change bus carries to every
view (see ui/bus.py).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from PySide6.QtGui import QUndoCommand

from xzannot.core.boxes import Box
from xzannot.core.collate import Difference
from xzannot.core.edits import Edit, Review
from xzannot.core.pages import PageStatus
from xzannot.core.spans import SpanInfo, SpanStatus
from xzannot.errors import UserError
from xzannot.operations.changes import OpChanges
from xzannot.operations.collating import (
    accept_difference,
    difference_settled,
    reject_difference,
    reopen_difference,
)
from xzannot.operations.labelling import add_span, change_span, mark_page, span_changed
from xzannot.operations.ocr import accept, characters_checked, put_region_text, unaccept
from xzannot.operations.project import Project
from xzannot.operations.reviewing import manual_edit, revert, set_review, text_changed
from xzannot.operations.search import Hit
from xzannot.operations.search_actions import (
    Labelled,
    Replaced,
    label_hits,
    replace_hits,
    revert_replacements,
    unlabel,
)


@dataclass(frozen=True)
class Context:
    """What every command needs: the project, and whom to tell of success or failure."""

    project: Callable[[], Project]
    # called with what changed: the page, the kinds of change and, for a span change, the
    # span as now saved
    changed: Callable[[OpChanges], None]
    failed: Callable[[UserError], None]


class _ProjectCommand(QUndoCommand):
    """A command that reports what its operation changed, and turns failures into messages."""

    def __init__(self, context: Context, page_id: int, text: str) -> None:
        super().__init__(text)
        self.context = context
        self.page_id = page_id

    @property
    def project(self) -> Project:
        return self.context.project()

    def _run(self, action: Callable[[], OpChanges]) -> None:
        """Run one step; what its operation says it changed goes to every view."""
        try:
            changes = action()
        except UserError as exc:
            self.setObsolete(True)
            self.context.failed(exc)
            return
        self.context.changed(changes)


class AddSpan(_ProjectCommand):
    """Mark a range with a label; undo marks the new span deleted, redo brings it back.

    Each step carries the span's version as the step before left it, so a colleague's change
    meanwhile is noticed, and refused in words naming them when it touched what this
    command relies on (see ``store.spans.update_span``)."""

    def __init__(
        self, context: Context, page_id: int, span: tuple[int, int, str], annotator: str, text: str
    ) -> None:
        super().__init__(context, page_id, text)
        self.start, self.end, self.label = span
        self.annotator = annotator
        self.span_id: int | None = None
        self.version: int | None = None  # the span's version as this command last left it

    def redo(self) -> None:
        if self.span_id is None:

            def create() -> OpChanges:
                made = add_span(
                    self.project, self.page_id, (self.start, self.end), self.label, self.annotator
                )
                self.span_id, self.version = made.id, made.version
                return span_changed(made)

            self._run(create)
        else:
            # marked again only if it is still as this command's undo left it
            self._step(deleted=False, expect={**self._made, "deleted": True})

    def undo(self) -> None:
        if self.span_id is not None:
            # taken away only if nobody has changed it since it was made
            self._step(deleted=True, expect={**self._made, "deleted": False})

    def _step(self, *, deleted: bool, expect: dict[str, Any]) -> None:
        span_id, version = self.span_id, self.version
        assert span_id is not None

        def run() -> OpChanges:
            saved = change_span(
                self.project, span_id, version=version, expect=expect, deleted=deleted
            )
            self.version = saved.version
            return span_changed(saved)

        self._run(run)

    @property
    def _made(self) -> dict[str, Any]:
        return {"label": self.label, "status": SpanStatus.ACCEPTED, "note": ""}


def _field(span: SpanInfo, key: str) -> Any:
    value = getattr(span, key)
    return SpanStatus(value) if key == "status" else value


class ChangeSpan(_ProjectCommand):
    """Change fields of a span (label, status, note, attributes, deleted); undo restores them.

    Every step carries the span's version as the step before left it: the first is refused
    if the span changed at all since it was shown; an undo or a redo if what it changes (or
    the span's deletion) is no longer as this command left it. A refusal names who changed
    the span, and when."""

    def __init__(self, context: Context, span: SpanInfo, after: dict[str, Any], text: str) -> None:
        super().__init__(context, span.page_id, text)
        self.span_id = span.id
        self.before = {key: _field(span, key) for key in after}
        if "label" in after and "attributes" not in after:
            # becoming a target fills in its attributes: undo empties them again
            self.before["attributes"] = dict(span.attributes)
        self.after = after
        self.version = span.version  # the span's version as shown, then as each step left it
        self._first = True
        # the span's deletion, when this command does not change it: a colleague's deletion
        # meanwhile stops an undo or a redo
        self._alive = {} if "deleted" in after else {"deleted": span.deleted}

    def redo(self) -> None:
        # the first time, the span must be as it was shown; again (after an undo), its fields
        # must be as the undo left them
        expect = None if self._first else {**self._alive, **self.before}
        self._first = False
        self._step(self.after, expect)

    def undo(self) -> None:
        # only if the fields are still as this change left them: never over a colleague's
        self._step(self.before, {**self._alive, **self.after})

    def _step(self, fields: dict[str, Any], expect: dict[str, Any] | None) -> None:
        version = self.version

        def run() -> OpChanges:
            saved = change_span(
                self.project, self.span_id, version=version, expect=expect, **fields
            )
            self.version = saved.version
            return span_changed(saved)

        self._run(run)


class SetPageStatus(_ProjectCommand):
    """Mark a page to do, in progress or done; ``change`` is (before, after)."""

    def __init__(
        self, context: Context, page_id: int, change: tuple[PageStatus, PageStatus], text: str
    ) -> None:
        super().__init__(context, page_id, text)
        self.before, self.after = change

    def redo(self) -> None:
        self._run(lambda: mark_page(self.project, self.page_id, self.after))

    def undo(self) -> None:
        self._run(lambda: mark_page(self.project, self.page_id, self.before))


class TextCommand(_ProjectCommand):
    """A change of a page's text (its spans move with it): the views read the page again."""

    def __init__(self, context: Context, page_id: int, author: str, text: str) -> None:
        super().__init__(context, page_id, text)
        self.author = author

    def stored(self) -> OpChanges:
        """What storing (or reverting) this command's edit changed."""
        return text_changed(self.page_id)


class RevertCorrections(TextCommand):
    """Revert corrections; undo reverts the reverts (the corrections stand again)."""

    def __init__(
        self, context: Context, page_id: int, ids: list[int], author: str, text: str
    ) -> None:
        super().__init__(context, page_id, author, text)
        self.ids = ids
        self.made: list[int] = []

    def redo(self) -> None:
        def run() -> OpChanges:
            self.made = revert(self.project, self.page_id, self.ids, self.author)
            self.ids, self.made = self.made, self.ids  # the next step undoes what this one made
            return self.stored()

        self._run(run)

    def undo(self) -> None:
        self.redo()


class TypeCorrection(TextCommand):
    """Text the reviewer typed; the first redo stores it (the view already shows it).

    Undo reverts it; redo reverts that revert; each step reverts what the one
    before it made, so the chain of edits keeps the whole history.
    """

    def __init__(
        self,
        context: Context,
        page_id: int,
        edit: Edit,
        author: str,
        text: str,
        *,
        on: str | None = None,
    ) -> None:
        super().__init__(context, page_id, author, text)
        self.edit = edit
        self.on = on  # the page's text the edit was made on: stored only onto that text
        self.current: list[int] | None = None  # the edits the next step reverts

    def redo(self) -> None:
        if self.current is None:

            def store() -> OpChanges:
                self.current = [self.store()]
                return self.stored()

            self._run(store)
        else:
            self._flip()

    def store(self) -> int:
        """Save the change the first time; returns the edit's id."""
        return manual_edit(self.project, self.page_id, self.edit, self.author, on=self.on)

    def undo(self) -> None:
        self._flip()

    def _flip(self) -> None:
        def run() -> OpChanges:
            self.current = revert(self.project, self.page_id, self.current or [], self.author)
            return self.stored()

        self._run(run)


class ReviewCorrections(_ProjectCommand):
    """Mark corrections accepted; undo puts them back to review."""

    def __init__(self, context: Context, page_id: int, ids: list[int], text: str) -> None:
        super().__init__(context, page_id, text)
        self.ids = ids

    def redo(self) -> None:
        self._run(lambda: set_review(self.project, self.ids, Review.ACCEPTED))

    def undo(self) -> None:
        self._run(lambda: set_review(self.project, self.ids, Review.OPEN))


class AcceptDifference(TypeCorrection):
    """Take a reference's reading into the page: an edit, undone and redone like typing."""

    def __init__(
        self,
        context: Context,
        page_id: int,
        difference: Difference,
        author: str,
        text: str,
        *,
        on: str | None = None,
    ) -> None:
        edit = Edit(difference.start, difference.end, difference.reference_reading)
        super().__init__(context, page_id, edit, author, text, on=on)
        self.difference = difference

    def store(self) -> int:
        return accept_difference(self.project, self.page_id, self.difference, self.author)

    def stored(self) -> OpChanges:
        return difference_settled(self.page_id, accepted=True)


class RejectDifference(_ProjectCommand):
    """Keep the page's reading against the reference; undo opens the difference again."""

    def __init__(
        self,
        context: Context,
        page_id: int,
        settled: tuple[int, Difference],
        annotator: str,
        text: str,
    ) -> None:
        super().__init__(context, page_id, text)
        self.reference_id, self.difference = settled
        self.annotator = annotator
        self.rejection: int | None = None

    def redo(self) -> None:
        def run() -> OpChanges:
            self.rejection = reject_difference(
                self.project, self.page_id, self.reference_id, self.difference, self.annotator
            )
            return difference_settled(self.page_id, accepted=False)

        self._run(run)

    def undo(self) -> None:
        rejection = self.rejection
        if rejection is not None:
            self._run(lambda: reopen_difference(self.project, rejection))


class AcceptCharacters(_ProjectCommand):
    """Accept characters OCR was unsure of as read; undo puts them back into the queue."""

    def __init__(self, context: Context, page_id: int, originals: list[int], text: str) -> None:
        super().__init__(context, page_id, text)
        self.originals = originals
        self.accepted: list[int] = []

    def redo(self) -> None:
        def run() -> OpChanges:
            self.accepted = accept(self.project, self.page_id, self.originals)
            return characters_checked(self.page_id)

        self._run(run)

    def undo(self) -> None:
        self._run(lambda: unaccept(self.project, self.page_id, self.accepted))


class ReadRegion(TypeCorrection):
    """Put what OCR read again in a region in place of the region's characters."""

    def __init__(
        self,
        context: Context,
        page_id: int,
        read: tuple[Box, str, str],
        author: str,
        text: str,
    ) -> None:
        self.region, self.read_text, self.evidence = read
        super().__init__(context, page_id, Edit(0, 0, self.read_text), author, text)

    def store(self) -> int:
        return put_region_text(
            self.project,
            self.page_id,
            self.region,
            self.read_text,
            author=self.author,
            evidence=self.evidence,
        )

    def stored(self) -> OpChanges:
        return text_changed(self.page_id) | characters_checked(self.page_id)


class LabelHits(_ProjectCommand):
    """Label a search's hits on many pages at once; undo deletes the spans it made, redo
    brings them back."""

    def __init__(
        self,
        context: Context,
        hits: list[Hit],
        label: tuple[str, SpanStatus],
        annotator: str,
        text: str,
    ) -> None:
        super().__init__(context, hits[0].page_id if hits else -1, text)
        self.hits = hits
        self.label, self.status = label
        self.annotator = annotator
        self.labelled: Labelled | None = None

    def redo(self) -> None:
        labelled = self.labelled
        if labelled is None:

            def run() -> OpChanges:
                self.labelled = label_hits(
                    self.project, self.hits, self.label, self.annotator, status=self.status
                )
                return self.labelled.changes

            self._run(run)
        else:
            self._run(lambda: unlabel(self.project, labelled.span_ids, deleted=False))

    def undo(self) -> None:
        if self.labelled is not None:
            span_ids = self.labelled.span_ids
            self._run(lambda: unlabel(self.project, span_ids, deleted=True))


class ReplaceHits(_ProjectCommand):
    """Correct a search's hits on many pages at once (an edit of kind ``batch`` a hit);
    undo reverts those edits, redo replaces the same hits again."""

    def __init__(
        self, context: Context, hits: list[Hit], replacement: str, annotator: str, text: str
    ) -> None:
        super().__init__(context, hits[0].page_id if hits else -1, text)
        self.hits = hits
        self.replacement = replacement
        self.annotator = annotator
        self.replaced: Replaced | None = None

    def redo(self) -> None:
        def run() -> OpChanges:
            self.replaced = replace_hits(self.project, self.hits, self.replacement, self.annotator)
            return self.replaced.changes

        self._run(run)

    def undo(self) -> None:
        replaced = self.replaced
        if replaced is not None:
            self._run(lambda: revert_replacements(self.project, replaced.edits, self.annotator))
