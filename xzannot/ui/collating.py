"""Collation in the window: the shown page's differences from its reference, settled by undo-able
commands; and collating every page off the GUI thread."""

from __future__ import annotations

import threading
from collections.abc import Callable
from functools import cached_property

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QWidget

from xzannot.core.collate import Difference, DifferenceKind
from xzannot.errors import UserError
from xzannot.operations.browsing import collate_shown
from xzannot.operations.changes import joined
from xzannot.operations.collating import Indexes, PageCollation, collate_pages
from xzannot.ui.commands import AcceptDifference, Context, RejectDifference
from xzannot.ui.common import fill
from xzannot.ui.controller import Controller, Workbench
from xzannot.ui.progress import ProgressRun
from xzannot.ui.tasks import TaskRunner


class Collating(Controller):
    """Keeps the shown page collated and turns accept and reject into commands."""

    collated = Signal(object)  # the shown page's PageCollation
    agreementsChanged = Signal(object)  # list of Agreement, after collating many pages
    message = Signal(str)

    def __init__(
        self, bench: Workbench, *, window: QWidget, tasks: TaskRunner, index_limit: int
    ) -> None:
        super().__init__(bench, window)
        self._window = window
        self._tasks = tasks
        self._index_limit = index_limit
        self._indexes = Indexes(index_limit)  # references never change: their indexes are kept
        self.current: PageCollation | None = None
        self.run: ProgressRun | None = None

    @property
    def index_limit(self) -> int:
        """The most bytes of reference indexes kept."""
        return self._index_limit

    @cached_property
    def _context(self) -> Context:
        return self.context()

    def forget_references(self) -> None:
        """Another project, or new references: build the indexes again when needed."""
        self._indexes = Indexes(self._index_limit)

    def refresh(self) -> PageCollation | None:
        """Collate the shown page again (quick: its reference's index is kept)."""
        page_id, data = self.state.page_id, self.state.data
        if page_id is None or data is None:
            self.current = None
            return None
        try:
            self.current = collate_shown(self._project(), page_id, self._indexes, data.text)
        except UserError as exc:
            self.message.emit(str(exc))
            self.current = None
        self.collated.emit(self.current)
        return self.current

    def accept(self, difference: Difference) -> None:
        """Take the reference's reading into the page."""
        page_id, data = self.state.page_id, self.state.data
        if page_id is not None and data is not None:
            text = self.tr("Accept reference reading")
            self.undo.push(
                AcceptDifference(
                    self._context, page_id, difference, self._annotator(), text, on=data.text
                )
            )

    def reject(self, difference: Difference) -> None:
        """Keep the page's reading; the difference stays settled."""
        page_id, current = self.state.page_id, self.current
        if page_id is None or current is None or current.reference is None:
            return
        settled = (current.reference.id, difference)
        text = self.tr("Reject reference reading")
        self.undo.push(RejectDifference(self._context, page_id, settled, self._annotator(), text))

    def accept_kind(self, kind: DifferenceKind) -> None:
        """Accept every open difference of one kind on the shown page (one undo step)."""
        if self.current is None:
            return
        chosen = [d for d in self.current.open if d.kind is kind]
        if not chosen:
            return
        self.undo.beginMacro(fill(self.tr("Accept %1 reference reading(s)"), len(chosen)))
        for difference in sorted(chosen, key=lambda d: -d.start):  # later ones first
            self.accept(difference)
        self.undo.endMacro()

    def collate_all(self) -> None:
        """Collate every page in the background; the pages list shows their agreement."""
        project = self._project()

        def work(
            *, progress: Callable[[int, int], None], cancel: threading.Event
        ) -> list[PageCollation]:
            return collate_pages(project, progress=progress, cancelled=cancel.is_set)

        self.run = ProgressRun(
            self._window, self._tasks, self.tr("Collate"), self.tr("Collating pages…")
        )
        self.run.start(
            work,
            done=self._all_done,
            cancelled=lambda: self.message.emit(self.tr("Collating cancelled.")),
        )

    def _all_done(self, results: list[PageCollation]) -> None:
        found = [r.agreement for r in results]
        self.agreementsChanged.emit(found)
        # their collation, and the text of pages corrected on the way (shown for the first time)
        self.bus.publish(joined(r.changes for r in results))
        open_total = sum(a.open_differences for a in found)
        self.message.emit(
            fill(self.tr("Collated %1 page(s): %2 open difference(s)."), len(found), open_total)
        )
