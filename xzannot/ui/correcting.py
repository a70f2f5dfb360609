"""What the correction controls do: turn review decisions and typing into undoable commands."""

from __future__ import annotations

from functools import cached_property

from PySide6.QtCore import Signal

from xzannot.core.edits import Edit
from xzannot.core.spans import SpanInfo
from xzannot.ui.commands import Context, RevertCorrections, ReviewCorrections, TypeCorrection
from xzannot.ui.controller import Controller


class Correcting(Controller):
    """Accepts, reverts and types corrections through the undo stack."""

    textChanged = Signal(int)
    reviewed = Signal(int)  # a page whose corrections were accepted

    @cached_property
    def _text_context(self) -> Context:
        return self.context(self._text_changed)

    @cached_property
    def _review_context(self) -> Context:
        return self.context(self._reviewed)

    def _text_changed(self, page_id: int, _span: SpanInfo | None) -> None:
        self.textChanged.emit(page_id)

    def _reviewed(self, page_id: int, _span: SpanInfo | None) -> None:
        self.reviewed.emit(page_id)

    def revert(self, ids: list[int]) -> None:
        """Revert corrections of the shown page."""
        page_id = self.state.page_id
        if page_id is not None and ids:
            text = self.tr("Revert %1 correction(s)").replace("%1", str(len(ids)))
            self.undo.push(
                RevertCorrections(self._text_context, page_id, ids, self._annotator(), text)
            )

    def accept(self, ids: list[int]) -> None:
        """Mark corrections of the shown page as reviewed and accepted."""
        page_id = self.state.page_id
        if page_id is not None and ids:
            text = self.tr("Accept %1 correction(s)").replace("%1", str(len(ids)))
            self.undo.push(ReviewCorrections(self._review_context, page_id, ids, text))

    def typed(self, edit: Edit, on: str) -> None:
        """The reviewer changed the text ``on`` (as shown) in correction mode."""
        page_id = self.state.page_id
        if page_id is not None:
            self.undo.push(
                TypeCorrection(
                    self._text_context, page_id, edit, self._annotator(), self.tr("Type"), on=on
                )
            )
