"""How each view follows the change bus: every listener asks the :class:`OpChanges` whether
what its view shows was touched, and reads again only that."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QDockWidget

from xzannot.operations import browsing
from xzannot.operations.changes import OpChanges
from xzannot.operations.project import Project
from xzannot.ui.collating import Collating
from xzannot.ui.common import in_view
from xzannot.ui.corrections_panel import CorrectionsPanel
from xzannot.ui.page_state import PageState
from xzannot.ui.pages_model import PagesModel
from xzannot.ui.team_layers import TeamLayers

ProjectFn = Callable[[], Project]


class ShownPageRefresh(QObject):
    """The shown page (its text, boxes, spans and status) after a change to it.

    An undo step that changed one other page goes to that page (``go_to``, see :meth:`follow`);
    a change of one span on the shown page is applied as it is, without reading the page again.
    """

    def __init__(
        self,
        state: PageState,
        project: ProjectFn,
        go_to: Callable[[int], bool],
        parent: QObject,
        layers: TeamLayers | None = None,
    ) -> None:
        super().__init__(parent)
        self.state = state
        self._project = project
        self._go_to = go_to
        self._layers = layers  # which of the page's spans are shown (all, without)

    def follow(self, changes: OpChanges) -> None:
        """An undo step changed one page that is not shown (an undo after moving on): show
        it. A batch (suggestions, spans imported) leaves the shown page where it is."""
        page_content = changes.text or changes.edits or changes.spans or changes.page_status
        if page_content and len(changes.pages) == 1 and self.state.page_id not in changes.pages:
            (page_id,) = changes.pages
            self._go_to(page_id)

    def changed(self, changes: OpChanges) -> None:
        shown = self.state.page_id
        page_content = changes.text or changes.edits or changes.spans or changes.page_status
        if not page_content or not changes.pages:
            return  # nothing shown changed, or every page did (the project is read again)
        if not changes.touches(shown):
            return
        span = changes.span
        only_span = span is not None and not (changes.text or changes.page_status)
        if self._layers is not None and span is not None:
            only_span = only_span and self._layers.shows_as_saved(self.state.spans, span)
        if only_span and span is not None and self.state.data is not None:
            self.state.put_span(span)
        else:
            self.reload(text=changes.text)

    def reload(self, *, text: bool = False) -> None:
        """Read the shown page again; its text is taken anew when ``text`` changed or it
        differs from what is shown (changed elsewhere meanwhile)."""
        page_id, data = self.state.page_id, self.state.data
        if page_id is None or data is None:
            return
        read = browsing.reload_page(self._project(), page_id)
        data.page = read.page
        if text or read.content.current != data.text:
            self.state.set_text(read.content.current, read.content.boxes)
        spans = read.spans if self._layers is None else self._layers.spans(page_id, len(read.spans))
        self.state.set_spans(spans)


class PagesListRefresh(QObject):
    """The rows of the pages list whose page changed (status, span count, text state)."""

    def __init__(
        self,
        model: PagesModel,
        state: PageState,
        project: ProjectFn,
        parent: QObject,
        layers: TeamLayers | None = None,
    ) -> None:
        super().__init__(parent)
        self.model = model
        self.state = state
        self._project = project
        self._layers = layers  # the shown page's spans not shown count in its row too

    def changed(self, changes: OpChanges) -> None:
        if not changes.pages or not (
            changes.spans or changes.page_status or changes.text or changes.ocr
        ):
            return  # nothing a row shows, or every page (the project is read again)
        data = self.state.data
        others = set(changes.pages)
        if data is not None and data.page.id in others:  # as the shown page now stands
            hidden = self._layers.hidden if self._layers is not None else 0
            self.model.update_page(data.page, len(data.spans) + hidden)
            others.discard(data.page.id)
        for row in browsing.page_rows(self._project(), sorted(others)) if others else []:
            self.model.update_page(row.page, row.spans)


class CorrectionsRefresh(QObject):
    """The Corrections dock, read only while it shows: on a new page, and after a change of
    the shown page's text or of its corrections' review."""

    def __init__(
        self,
        panel: CorrectionsPanel,
        dock: QDockWidget,
        state: PageState,
        project: ProjectFn,
        parent: QObject,
    ) -> None:
        super().__init__(parent)
        self.panel = panel
        self.state = state
        self._project = project
        dock.visibilityChanged.connect(lambda visible: self.show() if visible else None)
        state.pageChanged.connect(self.show)

    def changed(self, changes: OpChanges) -> None:
        if (changes.text or changes.edits) and changes.touches(self.state.page_id):
            self.show()

    def show(self) -> None:
        """Show the shown page's corrections (if the dock is in view)."""
        if not in_view(self.panel):
            return  # refreshed when its dock is brought forward: no work on every page switch
        page_id = self.state.page_id
        if page_id is None:
            self.panel.show_corrections([])
            return
        self.panel.show_corrections(browsing.page_corrections(self._project(), page_id))


class CollationRefresh(QObject):
    """The shown page's collation after its text changed, a difference was settled, or a
    reference was added."""

    def __init__(self, collating: Collating, parent: QObject) -> None:
        super().__init__(parent)
        self.collating = collating

    def changed(self, changes: OpChanges) -> None:
        touched = changes.touches(self.collating.state.page_id)
        if changes.references or (touched and (changes.text or changes.collation)):
            self.collating.refresh()
