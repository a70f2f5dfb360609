"""What the labelling keys do: turn the user's intent into undoable commands.

Works on the page state (what is selected) and the undo stack; never touches
widgets. The window connects keys and buttons to these methods.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from functools import cached_property
from types import MappingProxyType
from typing import Any

from PySide6.QtCore import Signal

from xzannot.core.labels import LabelDef
from xzannot.core.pages import PageStatus
from xzannot.core.spans import SpanInfo, SpanLayer, SpanStatus
from xzannot.ui.commands import AddSpan, ChangeSpan, Context, SetPageStatus
from xzannot.ui.common import fill
from xzannot.ui.controller import Controller
from xzannot.ui.team_commands import ActOnSuggestion, MarkMyPage
from xzannot.ui.team_layers import TeamLayers


class Labelling(Controller):
    """Creates, relabels, accepts, rejects and deletes spans through the undo stack."""

    message = Signal(str)  # a hint or a problem, for the status bar

    labels: Mapping[str, LabelDef] = MappingProxyType({})  # replaced by set_labels
    # team review (set by ui.team_review): the layers shown, and in curation mode what a
    # label key does instead (True: the key was taken)
    layers: TeamLayers | None = None
    curated_label: Callable[[str], bool] | None = None

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
        if page_id is None or (self.curated_label is not None and self.curated_label(key)):
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
        if span.layer == SpanLayer.CURATED and "annotator" not in fields:
            # the curated layer is changed in a curator's name only
            fields = {**fields, "annotator": self._annotator()}
        self.undo.push(ChangeSpan(self._context, span, fields, description))

    def accept(self) -> None:
        """Accept the selected span (a suggestion becomes a confirmed span)."""
        span = self.state.span(self.state.selected_span)
        if span is None or span.status is SpanStatus.ACCEPTED:
            return
        if not self._act_blind(span, SpanStatus.ACCEPTED, self.tr("Accept suggestion")):
            self.change({"status": SpanStatus.ACCEPTED}, self.tr("Accept span"))

    def _act_blind(self, span: SpanInfo, status: SpanStatus, text: str) -> bool:
        """On a page labelled blind, a suggestion is acted on in the annotator's own layer
        (the others keep seeing it as it was); whether it was."""
        if self.layers is None or not self.layers.blind or span.status is not SpanStatus.SUGGESTED:
            return False
        self.undo.push(ActOnSuggestion(self._context, span, self._annotator(), status, text))
        return True

    def reject_or_delete(self) -> None:
        """Reject a suggestion; delete (recoverably) a span that is not a suggestion."""
        span = self.state.span(self.state.selected_span)
        if span is None:
            self.message.emit(self.tr("Select a span first."))
        elif span.status is SpanStatus.SUGGESTED:
            text = self.tr("Reject suggestion")
            if not self._act_blind(span, SpanStatus.REJECTED, text):
                self.change({"status": SpanStatus.REJECTED}, text)
        else:
            self.delete()

    def delete(self) -> None:
        """Delete the selected span; Undo brings it back."""
        if self.state.span(self.state.selected_span) is not None:
            self.change({"deleted": True}, self.tr("Delete span"))

    def set_page_status(self, status: PageStatus) -> None:
        """Mark the shown page to do, in progress or done."""
        data = self.state.data
        if data is None:
            return
        if self.layers is not None and self.layers.mine:  # one of the annotator's own pages
            name = self._annotator()
            before = self.my_status.get(data.page.id, PageStatus.TODO)
            if before != status:
                change, known = (before, status), self.my_status
                text = self.tr("Mark my page")
                self.undo.push(
                    MarkMyPage(self._context, data.page.id, name, change, text, known=known)
                )
            return
        if data.page.review_status == status:
            return
        change = (data.page.review_status, status)
        self.undo.push(SetPageStatus(self._context, data.page.id, change, self.tr("Mark page")))

    @cached_property
    def my_status(self) -> dict[int, PageStatus]:
        """Where the annotator said they stand with their pages, as marked in this window."""
        return {}
