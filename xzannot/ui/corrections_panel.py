"""The page's corrections grouped by kind, to accept or revert as a whole or one at a time."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from xzannot.core.edits import Review
from xzannot.operations.reviewing import CorrectionInfo
from xzannot.ui.common import fill

IdRole = Qt.ItemDataRole.UserRole + 1
RangeRole = Qt.ItemDataRole.UserRole + 2


def _shown(text: str) -> str:
    return "⎵" if text == " " else text.replace("\n", "⏎") if text else "∅"


class CorrectionsPanel(QWidget):
    """A tree of corrections by kind; reports what the reviewer asks for."""

    acceptRequested = Signal(object)
    revertRequested = Signal(object)
    rangePicked = Signal(int, int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.tree = QTreeWidget(self)
        self.tree.setColumnCount(3)
        self.tree.setHeaderLabels([self.tr("Correction"), self.tr("Status"), self.tr("In context")])
        self.tree.setSelectionMode(QTreeWidget.SelectionMode.ExtendedSelection)
        self.accept_button = QPushButton(self.tr("Accept"), self)
        self.revert_button = QPushButton(self.tr("Revert"), self)
        buttons = QHBoxLayout()
        buttons.addStretch(1)
        buttons.addWidget(self.accept_button)
        buttons.addWidget(self.revert_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(4, 4, 4, 4)
        layout.addWidget(self.tree)
        layout.addLayout(buttons)
        self.accept_button.clicked.connect(lambda: self.acceptRequested.emit(self.selected_ids()))
        self.revert_button.clicked.connect(lambda: self.revertRequested.emit(self.selected_ids()))
        self.tree.currentItemChanged.connect(self._picked)

    def kind_name(self, kind: str) -> str:
        return {
            "reflow": self.tr("Reading order"),
            "radicals": self.tr("Radical look-alikes"),
            "vertical": self.tr("Vertical forms"),
            "punctuation": self.tr("Punctuation width"),
            "spacing": self.tr("Spaces"),
            "line_breaks": self.tr("Line breaks"),
            "manual": self.tr("Typed corrections"),
            "collation": self.tr("From the reference"),
            "revert": self.tr("Reverts"),
            "batch": self.tr("Replaced from a search"),
        }.get(kind, kind)

    def review_name(self, review: str) -> str:
        names = {
            Review.OPEN: self.tr("to review"),
            Review.ACCEPTED: self.tr("accepted"),
            Review.REVERTED: self.tr("reverted"),
        }
        return names[Review(review)]

    def show_corrections(self, corrections: list[CorrectionInfo]) -> None:
        """Show a page's corrections, keeping which groups were open."""
        expanded = {item.data(0, IdRole) for item in self._groups() if item.isExpanded()}
        self.tree.clear()
        groups: dict[str, QTreeWidgetItem] = {}
        for correction in corrections:
            group = groups.get(correction.kind)
            if group is None:
                group = QTreeWidgetItem(self.tree)
                group.setData(0, IdRole, correction.kind)
                groups[correction.kind] = group
            item = QTreeWidgetItem(group)
            item.setText(0, f"{_shown(correction.before)} → {_shown(correction.after)}")
            item.setText(1, self.review_name(correction.review))
            item.setText(2, correction.context.replace("\n", " "))
            item.setData(0, IdRole, correction.id)
            item.setData(0, RangeRole, (correction.start, correction.end))
            if correction.evidence:  # why it was made: the reviewer reads it on hovering
                why = correction.evidence.replace("; ", "\n")  # a line for each thing it did
                for column in range(3):
                    item.setToolTip(column, why)
                    group.setToolTip(column, why)
        for kind, group in groups.items():
            children = self._children(group)
            open_count = sum(c.text(1) == self.review_name(Review.OPEN) for c in children)
            group.setText(
                0,
                fill(self.tr("%1 (%2)"), self.kind_name(kind), len(children)),
            )
            group.setText(1, fill(self.tr("%1 to review"), open_count) if open_count else "")
            group.setExpanded(kind in expanded)
        self.tree.resizeColumnToContents(0)

    def _groups(self) -> list[QTreeWidgetItem]:
        items = (self.tree.topLevelItem(i) for i in range(self.tree.topLevelItemCount()))
        return [item for item in items if item is not None]

    @staticmethod
    def _children(item: QTreeWidgetItem) -> list[QTreeWidgetItem]:
        children = (item.child(i) for i in range(item.childCount()))
        return [child for child in children if child is not None]

    def selected_ids(self) -> list[int]:
        """The selected corrections; a selected group stands for all of its corrections."""
        ids: list[int] = []
        for item in self.tree.selectedItems():
            if item.parent() is None:
                ids.extend(child.data(0, IdRole) for child in self._children(item))
            else:
                ids.append(item.data(0, IdRole))
        return list(dict.fromkeys(ids))

    def _picked(self, item: QTreeWidgetItem | None, _previous: QTreeWidgetItem | None) -> None:
        if item is not None and item.parent() is not None:
            start, end = item.data(0, RangeRole)
            if start >= 0:
                self.rangePicked.emit(start, end)
