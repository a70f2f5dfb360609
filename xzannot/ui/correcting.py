"""What the correction controls do: turn review decisions and typing into undoable commands."""

from __future__ import annotations

from functools import cached_property

from xzannot.core.edits import Edit
from xzannot.ui.commands import Context, RevertCorrections, ReviewCorrections, TypeCorrection
from xzannot.ui.common import fill
from xzannot.ui.controller import Controller


class Correcting(Controller):
    """Accepts, reverts and types corrections through the undo stack."""

    @cached_property
    def _context(self) -> Context:
        return self.context()

    def revert(self, ids: list[int]) -> None:
        """Revert corrections of the shown page."""
        page_id = self.state.page_id
        if page_id is not None and ids:
            text = fill(self.tr("Revert %1 correction(s)"), len(ids))
            self.undo.push(RevertCorrections(self._context, page_id, ids, self._annotator(), text))

    def accept(self, ids: list[int]) -> None:
        """Mark corrections of the shown page as reviewed and accepted."""
        page_id = self.state.page_id
        if page_id is not None and ids:
            text = fill(self.tr("Accept %1 correction(s)"), len(ids))
            self.undo.push(ReviewCorrections(self._context, page_id, ids, text))

    def typed(self, edit: Edit, on: str) -> None:
        """The reviewer changed the text ``on`` (as shown) in correction mode."""
        page_id = self.state.page_id
        if page_id is not None:
            self.undo.push(
                TypeCorrection(
                    self._context, page_id, edit, self._annotator(), self.tr("Type"), on=on
                )
            )
