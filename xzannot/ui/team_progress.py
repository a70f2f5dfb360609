"""The Progress dialog: per annotator and document, the pages given to them, how many are done,
in progress and to do, their spans there and when they last worked; read again as changes
are saved."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from xzannot.errors import UserError
from xzannot.operations.browsing import DocumentInfo
from xzannot.operations.changes import OpChanges
from xzannot.operations.project import Project
from xzannot.operations.team import progress
from xzannot.ui.common import fill
from xzannot.ui.team_models import ProgressModel
from xzannot.ui.window_docks import row_table


class ProgressDialog(QDialog):
    """A table of each annotator's progress, for every document or one."""

    def __init__(
        self,
        project: Callable[[], Project],
        documents: list[DocumentInfo],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("ProgressDialog")
        self.setWindowTitle(self.tr("Progress"))
        self._project = project
        self.document = QComboBox(self)
        self.document.addItem(self.tr("Every document"), None)
        for document in documents:
            self.document.addItem(document.title, document.id)
        self.document.currentIndexChanged.connect(self.refresh)
        self.model = ProgressModel(self)
        self.table = row_table(self.model, self)
        self.summary = QLabel(self)
        self.summary.setWordWrap(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.close)
        named = QLabel(self.tr("&Document:"), self)
        named.setBuddy(self.document)
        top = QHBoxLayout()
        top.addWidget(named)
        top.addWidget(self.document, 1)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.summary)
        layout.addWidget(buttons)
        self.resize(820, 360)

    def refresh(self) -> None:
        """Read everyone's progress again."""
        try:
            rows = progress(self._project(), document=self.document.currentData())
        except UserError as exc:
            self.model.set_rows([])
            self.summary.setText(str(exc))
            return
        self.model.set_rows(rows)
        if not rows:
            self.summary.setText(
                self.tr("No pages are given to anyone yet: Team ▸ Assignments… gives them.")
            )
            return
        self.summary.setText(
            fill(
                self.tr("%1 of %2 assigned pages done, %3 in progress; %4 spans."),
                sum(row.done for row in rows),
                sum(row.assigned for row in rows),
                sum(row.in_progress for row in rows),
                sum(row.spans for row in rows),
            )
        )

    def changed(self, changes: OpChanges) -> None:
        """A change was saved: read again what it may have moved (while shown)."""
        if self.isVisible() and (changes.spans or changes.page_status or changes.documents):
            self.refresh()
