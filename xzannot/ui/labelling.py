"""What the labelling keys do: turn the user's intent into undoable commands.

Works on the page state (what is selected) and the undo stack; never touches
widgets. The window connects keys and buttons to these methods.
"""

from __future__ import annotations

from collections.abc import Mapping
from functools import cached_property
from types import MappingProxyType
from typing import Any

from PySide6.QtCore import Signal

from xzannot.core.labels import LabelDef
from xzannot.core.pages import PageStatus
from xzannot.core.spans import SpanStatus
from xzannot.ui.commands import AddSpan, ChangeSpan, Context, SetPageStatus
from xzannot.ui.common import fill
from xzannot.ui.controller import Controller


class Labelling(Controller):
    """Creates, relabels, accepts, rejects and deletes spans through the undo stack."""

    message = Signal(str)  # a hint or a problem, for the status bar

    labels: Mapping[str, LabelDef] = MappingProxyType({})  # replaced by set_labels

    @cached_property
    def _context(self) -> Context:
        return self.context()

    def set_labels(self, labels: list[LabelDef]) -> None:
        self.labels = {label.key: label for label in labels}

    def _name(self, key: str) -> str:
        label = self.labels.get(key)
        return f"{label.name_zh} {label.name_en}" if label else key

    def apply_label(self, key: str) -> None:
        """Label the selected text, or relabel the selected span."""
        page_id = self.state.page_id
        if page_id is None:
            return
        start, end = self.state.selection
        if end > start:
            text = fill(self.tr("Mark as %1"), self._name(key))
            command = AddSpan(self._context, page_id, (start, end, key), self._annotator(), text)
            self.undo.push(command)
            if command.span_id is not None:  # select it: the next key relabels it
                self.state.select_span(command.span_id)
            return
        span = self.state.span(self.state.selected_span)
        if span is not None:
            if span.label != key:
                self.change({"label": key}, fill(self.tr("Relabel as %1"), self._name(key)))
            return
        self.message.emit(self.tr("Select some text first, then press a label's key."))

    def change(self, fields: dict[str, Any], text: str | None = None) -> None:
        """Change fields of the selected span."""
        span = self.state.span(self.state.selected_span)
        if span is None:
            self.message.emit(self.tr("Select a span first."))
            return
        description = text or self.tr("Edit span")
        self.undo.push(ChangeSpan(self._context, span, fields, description))

    def accept(self) -> None:
        """Accept the selected span (a suggestion becomes a confirmed span)."""
        span = self.state.span(self.state.selected_span)
        if span is not None and span.status is not SpanStatus.ACCEPTED:
            self.change({"status": SpanStatus.ACCEPTED}, self.tr("Accept span"))

    def reject_or_delete(self) -> None:
        """Reject a suggestion; delete (recoverably) a span that is not a suggestion."""
        span = self.state.span(self.state.selected_span)
        if span is None:
            self.message.emit(self.tr("Select a span first."))
        elif span.status is SpanStatus.SUGGESTED:
            self.change({"status": SpanStatus.REJECTED}, self.tr("Reject suggestion"))
        else:
            self.delete()

    def delete(self) -> None:
        """Delete the selected span; Undo brings it back."""
        if self.state.span(self.state.selected_span) is not None:
            self.change({"deleted": True}, self.tr("Delete span"))

    def set_page_status(self, status: PageStatus) -> None:
        """Mark the shown page to do, in progress or done."""
        data = self.state.data
        if data is None or data.page.review_status == status:
            return
        change = (data.page.review_status, status)
        self.undo.push(SetPageStatus(self._context, data.page.id, change, self.tr("Mark page")))
