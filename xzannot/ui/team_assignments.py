"""The Assignments dialog: give a document, or a range of its pages, to an annotator; see and
take back the assignments; say who the curators are."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from xzannot.errors import UserError
from xzannot.operations import team
from xzannot.operations.browsing import DocumentInfo
from xzannot.operations.project import Project
from xzannot.ui.team_models import AssignmentsModel
from xzannot.ui.window_docks import row_table


class AssignmentsDialog(QDialog):
    """Assignments and curators, each change saved at once; ``changed`` says one was."""

    changed = Signal()

    def __init__(
        self,
        project: Callable[[], Project],
        documents: list[DocumentInfo],
        me: str,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("AssignmentsDialog")
        self.setWindowTitle(self.tr("Assignments"))
        self._project = project
        self._me = me
        self.documents = documents
        self._build_form()
        self.model = AssignmentsModel(self)
        self.table = row_table(self.model, self)
        self.remove_button = QPushButton(self.tr("&Remove Assignment"), self)
        self.remove_button.clicked.connect(self.remove)
        self.curators = QListWidget(self)
        self.curators.itemChanged.connect(self._curator_changed)
        self.message = QLabel(self)
        self.message.setWordWrap(True)
        self.message.setStyleSheet("color: #b3261e;")
        self.message.hide()
        self._lay_out()
        self.refresh()
        self.resize(640, 560)

    def _build_form(self) -> None:
        self.annotator = QComboBox(self)
        self.annotator.setEditable(True)
        self.annotator.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.document = QComboBox(self)
        for document in self.documents:
            self.document.addItem(document.title, document.id)
        self.document.currentIndexChanged.connect(self._document_chosen)
        self.whole = QCheckBox(self.tr("&Every page"), self)
        self.whole.setChecked(True)
        self.first = QSpinBox(self)
        self.last = QSpinBox(self)
        for box in (self.first, self.last):
            box.setMinimum(1)
            box.setEnabled(False)
        self.whole.toggled.connect(self.first.setDisabled)
        self.whole.toggled.connect(self.last.setDisabled)
        self.assign_button = QPushButton(self.tr("&Assign"), self)
        self.assign_button.clicked.connect(self.assign)
        self._document_chosen()

    def _lay_out(self) -> None:
        pages = QHBoxLayout()
        pages.addWidget(self.whole)
        pages.addWidget(QLabel(self.tr("or pages"), self))
        pages.addWidget(self.first)
        pages.addWidget(QLabel("–", self))
        pages.addWidget(self.last)
        pages.addStretch(1)
        form = QFormLayout()
        form.addRow(self.tr("A&nnotator:"), self.annotator)
        form.addRow(self.tr("&Document:"), self.document)
        form.addRow(self.tr("Pages:"), pages)
        form.addRow("", self.assign_button)
        give = QGroupBox(self.tr("Give pages to an annotator"), self)
        give.setLayout(form)
        held = QVBoxLayout()
        held.addWidget(self.table)
        held.addWidget(self.remove_button, 0, Qt.AlignmentFlag.AlignRight)
        given = QGroupBox(self.tr("Assignments"), self)
        given.setLayout(held)
        who = QVBoxLayout()
        who.addWidget(QLabel(self.tr("Curators may curate and see everyone's spans:"), self))
        who.addWidget(self.curators)
        curators = QGroupBox(self.tr("Curators"), self)
        curators.setLayout(who)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.close)
        layout = QVBoxLayout(self)
        layout.addWidget(give)
        layout.addWidget(self.message)
        layout.addWidget(given, 2)
        layout.addWidget(curators, 1)
        layout.addWidget(buttons)

    def _document_chosen(self) -> None:
        document = next((d for d in self.documents if d.id == self.document.currentData()), None)
        count = document.page_count if document else 1
        for box in (self.first, self.last):
            box.setMaximum(max(count, 1))
        self.last.setValue(count)

    def refresh(self) -> None:
        """Read the assignments, the people and the curators again."""
        project = self._project()
        self.model.set_rows(team.assignments(project))
        people = sorted({*team.annotators(project), self._me} - {""})
        chosen = self.annotator.currentText() or self._me
        self.annotator.clear()
        self.annotator.addItems(people)
        self.annotator.setCurrentText(chosen)
        curators = set(team.curators(project))
        self.curators.blockSignals(True)
        self.curators.clear()
        for name in people:
            item = QListWidgetItem(name, self.curators)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            checked = Qt.CheckState.Checked if name in curators else Qt.CheckState.Unchecked
            item.setCheckState(checked)
        self.curators.blockSignals(False)

    def _try(self, action: Callable[[], object], *, again: bool = True) -> bool:
        """Run one change (then read everything ``again``); a problem is said in words."""
        try:
            action()
        except UserError as exc:
            self.message.setText(str(exc))
            self.message.show()
            return False
        self.message.hide()
        if again:
            self.refresh()
        self.changed.emit()
        return True

    def assign(self) -> None:
        """Give the pages chosen to the annotator named."""
        name = self.annotator.currentText().strip()
        document = self.document.currentData()
        if document is None:
            return
        first, last = (
            (None, None) if self.whole.isChecked() else (self.first.value(), self.last.value())
        )
        self._try(lambda: team.assign_pages(self._project(), name, document, first, last))

    def remove(self) -> None:
        """Take back the assignment selected."""
        row = self.table.currentIndex().row()
        if row >= 0:
            chosen = self.model.row_value(row).id
            self._try(lambda: team.remove_assignment(self._project(), chosen))

    def _curator_changed(self, item: QListWidgetItem) -> None:
        on = item.checkState() == Qt.CheckState.Checked
        name = item.text()
        # the list stays as it is: the item ticked is the one saved
        if not self._try(lambda: team.set_curator(self._project(), name, on), again=False):
            QTimer.singleShot(0, self.refresh)  # the ticks as stored, once this one is handled
