"""Which spans of a page the window shows its annotator: their own layer, the rules'
suggestions, and the others' spans only where the page is not labelled blind or when they
ask to see them (View ▸ Show Others' Spans); in curation mode, the curated layer."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject, Signal

from xzannot.core.spans import SpanInfo, SpanLayer
from xzannot.core.team import is_blind, visible
from xzannot.operations.project import Project
from xzannot.operations.suggesting import RULES_ANNOTATOR
from xzannot.operations.team import page_assignees, visible_spans


class TeamLayers(QObject):
    """The layers shown, and what the shown page is to the annotator (blind, theirs)."""

    shownChanged = Signal()  # the shown page's blindness or the layers shown changed

    def __init__(
        self, project: Callable[[], Project], viewer: Callable[[], str], parent: QObject
    ) -> None:
        super().__init__(parent)
        self._project = project
        self.viewer = viewer
        self.show_others = False
        self.curating = False
        self.page_id: int | None = None
        self.assignees: list[str] = []
        self.hidden = 0  # spans of the page last read that are not shown

    @property
    def blind(self) -> bool:
        """Whether the page last read is labelled blind (given to two annotators or more)."""
        return is_blind(self.assignees)

    @property
    def mine(self) -> bool:
        """Whether the page last read is given to the window's annotator."""
        return self.viewer() in self.assignees

    def spans(self, page_id: int, every: int | None = None) -> list[SpanInfo]:
        """The spans of ``page_id`` to show: in curation mode the curated layer (everyone's
        too with Show Others' Spans), otherwise what the annotator may see of the page;
        ``every``: how many the page holds in all (the pages list counts them all)."""
        project, viewer = self._project(), self.viewer()
        self.page_id = page_id
        self.assignees = page_assignees(project, page_id)
        shown = visible_spans(
            project, page_id, viewer, show_others=self.show_others or self.curating
        )
        if self.curating and not self.show_others:
            shown = [span for span in shown if span.layer == SpanLayer.CURATED]
        self.hidden = max(0, every - len(shown)) if every is not None else 0
        self.shownChanged.emit()
        return shown

    def shows_as_saved(self, shown: list[SpanInfo], span: SpanInfo) -> bool:
        """Whether a span just saved can be put among those ``shown`` as it is: it is seen,
        and hides none of them; otherwise the page's spans are read again (a span taken
        away may bring back a suggestion it hid)."""
        if span.deleted:
            return False
        if self.curating:
            return self.show_others or span.layer == SpanLayer.CURATED
        candidate = [s for s in shown if s.id != span.id] + [span]
        seen = visible(
            candidate,
            self.viewer(),
            show_others=self.show_others,
            blind=self.blind,
            rules_author=RULES_ANNOTATOR,
        )
        return len(seen) == len(candidate)

    def hidden_note(self) -> str:
        """What the page header says of the layers hidden ("" when nothing is)."""
        if self.curating:
            return self.tr("Curation: the curated layer") if not self.show_others else ""
        if self.blind and not self.show_others:
            return self.tr("Blind: others' spans hidden")
        return ""
