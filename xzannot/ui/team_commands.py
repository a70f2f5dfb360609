"""Undoable steps of team review: acting on a suggestion on a page labelled blind, marking
where one stands with a page of one's own, and the curator's choices in the curated layer.

Each step runs one operation; a curator's step remembers which curated spans it made and
which it took away, so that undo takes back exactly those (and redo does them again).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from PySide6.QtGui import QUndoCommand

from xzannot.core.pages import PageStatus
from xzannot.core.spans import SpanInfo, SpanLayer, SpanStatus
from xzannot.errors import UserError
from xzannot.operations.changes import OpChanges, on_pages
from xzannot.operations.curation import curated_layer
from xzannot.operations.labelling import add_span, change_span, span_changed
from xzannot.operations.project import Project
from xzannot.operations.team import act_on_suggestion, mark_my_page
from xzannot.ui.commands import Context


class TeamCommand(QUndoCommand):
    """A step that reports what its operation changed, and turns failures into words."""

    def __init__(self, context: Context, page_ids: Sequence[int], text: str) -> None:
        super().__init__(text)
        self.context = context
        self.page_ids = list(page_ids)

    @property
    def project(self) -> Project:
        return self.context.project()

    def _run(self, action: Callable[[], OpChanges]) -> bool:
        try:
            changes = action()
        except UserError as exc:
            self.setObsolete(True)
            self.context.failed(exc)
            return False
        self.context.changed(changes)
        return True

    def _spans_changed(self) -> OpChanges:
        return on_pages(self.page_ids, spans=True)


class ActOnSuggestion(TeamCommand):
    """Accept or reject a suggestion as one annotator: on a page labelled blind the rules'
    suggestion stays for the others and the annotator gets a span of their own there."""

    def __init__(
        self, context: Context, span: SpanInfo, viewer: str, status: SpanStatus, text: str
    ) -> None:
        super().__init__(context, [span.page_id], text)
        self.span = span
        self.viewer = viewer
        self.status = status
        self.made: SpanInfo | None = None

    def redo(self) -> None:
        if self.made is None:

            def act() -> OpChanges:
                self.made = act_on_suggestion(
                    self.project, self.span.id, self.viewer, status=self.status
                )
                return self._spans_changed()

            self._run(act)
        elif self.made.id != self.span.id:
            made = self.made.id
            self._run(lambda: self._flip(made, deleted=False))
        else:
            self._run(lambda: self._restore(self.status, self.viewer))

    def undo(self) -> None:
        if self.made is None:
            return
        if self.made.id != self.span.id:  # the annotator's own copy goes
            made = self.made.id
            self._run(lambda: self._flip(made, deleted=True))
        else:  # the span itself was changed: as it was
            self._run(lambda: self._restore(self.span.status, self.span.annotator))

    def _flip(self, span_id: int, *, deleted: bool) -> OpChanges:
        change_span(self.project, span_id, deleted=deleted, by=self.viewer)
        return self._spans_changed()

    def _restore(self, status: SpanStatus, annotator: str | None) -> OpChanges:
        change_span(
            self.project,
            self.span.id,
            status=status,
            annotator=annotator or None,
            by=self.viewer,
        )
        return self._spans_changed()


class MarkMyPage(TeamCommand):
    """Say where one annotator stands with a page of theirs; ``change`` is (before, after);
    ``known`` keeps where they stand as this window last said it."""

    def __init__(
        self,
        context: Context,
        page_id: int,
        annotator: str,
        change: tuple[PageStatus, PageStatus],
        text: str,
        *,
        known: dict[int, PageStatus],
    ) -> None:
        super().__init__(context, [page_id], text)
        self.annotator = annotator
        self.before, self.after = change
        self.known = known

    def redo(self) -> None:
        self._mark(self.after)

    def undo(self) -> None:
        self._mark(self.before)

    def _mark(self, status: PageStatus) -> None:
        (page_id,) = self.page_ids
        if self._run(lambda: mark_my_page(self.project, page_id, self.annotator, status)):
            self.known[page_id] = status


def curated_spans(project: Project, page_ids: Sequence[int]) -> dict[int, SpanInfo]:
    """The live spans of the curated layer on ``page_ids``, by id."""
    return {span.id: span for span in curated_layer(project, page_ids)}


class CuratedStep(TeamCommand):
    """One choice of a curator (take a version, reject a unit, take what is agreed, mark a
    span of their own): ``action`` changes the curated layer; undo takes back the spans it
    made and brings back those it took away."""

    def __init__(
        self,
        context: Context,
        page_ids: Sequence[int],
        curator: str,
        action: Callable[[Project], object],
        text: str,
    ) -> None:
        super().__init__(context, page_ids, text)
        self.curator = curator
        self._action = action
        self.made: list[int] = []
        self.gone: list[int] = []
        self._done = False

    def redo(self) -> None:
        if self._done:
            self._run(lambda: self._flip(undo=False))
            return

        def act() -> OpChanges:
            before = curated_spans(self.project, self.page_ids)
            self._action(self.project)
            after = curated_spans(self.project, self.page_ids)
            self.made = sorted(set(after) - set(before))
            self.gone = sorted(set(before) - set(after))
            return self._spans_changed()

        self._done = self._run(act)

    def undo(self) -> None:
        if self._done:
            self._run(lambda: self._flip(undo=True))

    def _flip(self, *, undo: bool) -> OpChanges:
        # what leaves the layer leaves first: what comes back may stand in the same place
        leaving, coming = (self.made, self.gone) if undo else (self.gone, self.made)
        for span_id in leaving:
            change_span(self.project, span_id, deleted=True, by=self.curator)
        for span_id in coming:
            change_span(self.project, span_id, deleted=False, by=self.curator)
        return self._spans_changed()


class AddCurated(TeamCommand):
    """A span the curator marks in the curated layer themselves; undo takes it away."""

    def __init__(
        self,
        context: Context,
        page_id: int,
        span: tuple[int, int, str],
        curator: str,
        text: str,
    ) -> None:
        super().__init__(context, [page_id], text)
        self.start, self.end, self.label = span
        self.curator = curator
        self.span_id: int | None = None

    def redo(self) -> None:
        if self.span_id is None:

            def create() -> OpChanges:
                (page_id,) = self.page_ids
                made = add_span(
                    self.project,
                    page_id,
                    (self.start, self.end),
                    self.label,
                    self.curator,
                    layer=SpanLayer.CURATED,
                )
                self.span_id = made.id
                return span_changed(made)

            self._run(create)
        else:
            self._run(lambda: self._flip(deleted=False))

    def undo(self) -> None:
        if self.span_id is not None:
            self._run(lambda: self._flip(deleted=True))

    def _flip(self, *, deleted: bool) -> OpChanges:
        assert self.span_id is not None
        return span_changed(
            change_span(self.project, self.span_id, deleted=deleted, by=self.curator)
        )
