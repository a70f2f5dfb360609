"""What the window shows of collation: the differences dock, the marks in the text, the
glyphs on the image, and moving from one difference to the next."""

from __future__ import annotations

from PySide6.QtCore import QObject

from xzannot.core.collate import Difference
from xzannot.operations.collating import PageCollation
from xzannot.ui.collating import Collating
from xzannot.ui.common import fill
from xzannot.ui.differences_panel import DifferencesPanel
from xzannot.ui.page_state import PageState
from xzannot.ui.pages_model import PagesModel
from xzannot.ui.text_view import TextView


class CollationView(QObject):
    """Keeps the differences panel, the text view and the pages list in step with collation."""

    def __init__(
        self,
        collating: Collating,
        panel: DifferencesPanel,
        text_view: TextView,
        pages: PagesModel,
        state: PageState,
    ) -> None:
        super().__init__(panel)
        self.collating = collating
        self.panel = panel
        self.text_view = text_view
        self.pages = pages
        self.state = state
        collating.collated.connect(self._show)
        collating.agreementsChanged.connect(pages.set_agreements)
        panel.picked.connect(self.pick)
        panel.acceptRequested.connect(collating.accept)
        panel.rejectRequested.connect(collating.reject)
        panel.acceptKindRequested.connect(collating.accept_kind)

    def summary(self, result: PageCollation | None) -> str:
        """What to say of the page's collation, above the list."""
        if result is None:
            return ""
        if result.reference is None:
            return self.tr(
                "This document has no reference text. Add one with File ▸ Import Reference Text…"
            )
        if result.collation is None:
            return fill(
                self.tr("This page has no counterpart in the reference “%1”."),
                result.reference.title,
            )
        text = fill(
            self.tr(
                "%1 open difference(s) from “%2”; CER %3%; the reference covers %4% of the page."
            ),
            len(result.open),
            result.reference.title,
            f"{result.collation.cer * 100:.2f}",
            f"{result.collation.coverage(result.text_length) * 100:.0f}",
        )
        if result.rejected:
            text += " " + fill(self.tr("%1 rejected before."), result.rejected)
        return text

    def _show(self, result: PageCollation | None) -> None:
        differences = list(result.open) if result else []
        self.panel.show_differences(differences, self.summary(result))
        self.text_view.set_differences([(d.start, d.end) for d in differences])
        if result is not None:
            self.pages.set_agreements([result.agreement])

    def pick(self, difference: Difference) -> None:
        """Select a difference's text (its glyphs light up on the image)."""
        differences = self.panel.model.differences()
        number = differences.index(difference) if difference in differences else None
        self.text_view.set_differences([(d.start, d.end) for d in differences], number)
        start, end = difference.start, difference.end
        if start == end:  # nothing on the page: show the characters on either side
            start, end = (
                max(start - 1, 0),
                min(end + 1, len(self.state.data.text) if self.state.data else end),
            )
        self.text_view.select_range(start, end)

    def step(self, delta: int) -> None:
        """Go to the next (1) or previous (-1) difference, after the caret's."""
        differences = self.panel.model.differences()
        if not differences:
            return
        row = self.panel.table.currentIndex().row()
        if row < 0:
            caret = self.state.selection[0]
            after = [i for i, d in enumerate(differences) if d.start >= caret]
            row = (after[0] if after else 0) if delta > 0 else (after[0] - 1 if after else -1)
        else:
            row += delta
        self.panel.select_row(row % len(differences))
        self.panel.table.setFocus()
