"""Adding a reference witness: from a file or pasted, checked by the reviewer before it is kept."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QLabel,
    QListWidget,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from xzannot.core.boilerplate import strip_web_furniture
from xzannot.errors import UserError
from xzannot.operations.browsing import DocumentInfo
from xzannot.operations.importing import ReferenceOutcome, import_reference, read_reference
from xzannot.operations.project import Project
from xzannot.ui.common import fill


class ReferenceDialog(QDialog):
    """The witness's text (editable), the web page lines that will be left out, and Store."""

    def __init__(
        self,
        project: Project,
        documents: list[DocumentInfo],
        document_id: int | None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("ReferenceDialog")
        self.setWindowTitle(self.tr("Import reference text"))
        self._project = project
        self._title: str | None = None
        self.outcome: ReferenceOutcome | None = None
        self.document = QComboBox(self)
        for document in documents:
            self.document.addItem(document.title, document.id)
        if document_id is not None:
            self.document.setCurrentIndex(self.document.findData(document_id))
        open_file = QPushButton(self.tr("Open File…"), self)
        self.text = QPlainTextEdit(self)
        self.text.setPlaceholderText(self.tr("Paste the reference text here, or open a file."))
        self.strip = QCheckBox(self.tr("Leave out the web page's own lines"), self)
        self.strip.setChecked(True)
        self.removed = QListWidget(self)
        self.removed.setMaximumHeight(120)
        self.removed_label = QLabel(self)
        self.error = QLabel(self)
        self.error.setObjectName("ReferenceError")
        self.error.setStyleSheet("color: #c92a2a;")
        self.error.setWordWrap(True)
        self.error.hide()
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel, self
        )
        form = QFormLayout()
        form.addRow(self.tr("Document"), self.document)
        form.addRow("", open_file)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.text, 1)
        layout.addWidget(self.strip)
        layout.addWidget(self.removed_label)
        layout.addWidget(self.removed)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        open_file.clicked.connect(self._open)
        self.text.textChanged.connect(self._preview)
        self.strip.toggled.connect(self._preview)
        self.buttons.accepted.connect(self.store)
        self.buttons.rejected.connect(self.reject)
        self.resize(760, 640)
        self._preview()

    def load(self, path: Path) -> None:
        """Put a file's text in the dialog (a PDF or unreadable file is refused in words)."""
        try:
            text = read_reference(path)
        except UserError as exc:
            self._fail(str(exc))
            return
        self._title = path.stem
        self.text.setPlainText(text)

    def _open(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self, self.tr("Reference text"), "", "Text (*.txt *.text);;All files (*)"
        )
        if path:
            self.load(Path(path))

    def _preview(self) -> None:
        self.removed.clear()
        removed = (
            strip_web_furniture(self.text.toPlainText()).removed if self.strip.isChecked() else ()
        )
        for number, line in removed:
            self.removed.addItem(fill(self.tr("line %1: %2"), number, line))
        self.removed_label.setText(
            fill(self.tr("%1 line(s) of the web page will be left out:"), len(removed))
            if removed
            else self.tr("No web page lines found.")
        )
        self.removed.setVisible(bool(removed))

    def _fail(self, message: str) -> None:
        self.error.setText(message)
        self.error.show()

    def store(self) -> None:
        """Keep the text as a witness of the chosen document."""
        try:
            self.outcome = import_reference(
                self._project,
                None,
                text=self.text.toPlainText(),
                document=str(self.document.currentData()),
                keep_furniture=not self.strip.isChecked(),
                title=self._title,
            )
        except UserError as exc:
            self._fail(str(exc))
            return
        self.accept()
