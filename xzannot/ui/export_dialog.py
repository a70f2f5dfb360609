"""Exporting the corpus from the window: the choices of ``xzannot export``, in a dialog."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from xzannot.core.labels import LabelDef
from xzannot.core.spans import SpanLayer, SpanStatus
from xzannot.errors import UserError
from xzannot.io.corpus.formats import FORMATS, TEXT_FORMATS
from xzannot.operations.browsing import DocumentInfo
from xzannot.operations.exporting import ExportFilter, parse_page_numbers

SUFFIXES = {"jsonl": ".jsonl", "conll": ".conll", "labelstudio": ".json", "csv": ".csv"}


def _checklist(parent: QWidget, items: list[tuple[str, str]], checked: set[str]) -> QListWidget:
    widget = QListWidget(parent)
    for key, text in items:
        item = QListWidgetItem(text, widget)
        item.setData(Qt.ItemDataRole.UserRole, key)
        item.setCheckState(Qt.CheckState.Checked if key in checked else Qt.CheckState.Unchecked)
    widget.setMaximumHeight(110)
    return widget


def _chosen(widget: QListWidget) -> list[str]:
    return [
        str(widget.item(i).data(Qt.ItemDataRole.UserRole))
        for i in range(widget.count())
        if widget.item(i).checkState() == Qt.CheckState.Checked
    ]


class ExportDialog(QDialog):
    """Format, destination and filters; ``choice()`` gives them once the user accepts."""

    def __init__(
        self,
        documents: list[DocumentInfo],
        labels: list[LabelDef],
        annotators: list[str],
        folder: Path,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("ExportDialog")
        self.setWindowTitle(self.tr("Export corpus"))
        self._folder = folder
        self.format = self._formats()
        self.path = QLineEdit(self)
        browse = QPushButton(self.tr("Choose…"), self)
        destination = QHBoxLayout()
        destination.addWidget(self.path, 1)
        destination.addWidget(browse)
        self.documents = _checklist(
            self, [(str(d.id), d.title) for d in documents], {str(d.id) for d in documents}
        )
        self.pages = QLineEdit(self)
        self.pages.setPlaceholderText(self.tr("all pages, or e.g. 1-3,7"))
        self.labels = _checklist(
            self,
            [(label.key, f"{label.name_zh} {label.name_en}") for label in labels],
            {label.key for label in labels},
        )
        self.statuses = self._statuses()
        self.annotators = _checklist(self, [(a, a) for a in annotators], set(annotators))
        self.layer = self._layers()
        self.images = QCheckBox(self.tr("Also write each page's image (PNG, 300 dpi)"), self)
        self.error = QLabel(self)
        self.error.setObjectName("ExportError")
        self.error.setWordWrap(True)
        self.error.setStyleSheet("color: #c92a2a;")
        self.error.hide()

        form = self._form(destination)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Export"))
        self.buttons.accepted.connect(self._check)
        self.buttons.rejected.connect(self.reject)
        browse.clicked.connect(self._browse)
        self.format.currentIndexChanged.connect(self._format_changed)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.error)
        layout.addWidget(self.buttons)
        self._format_changed()
        self.setMinimumWidth(560)
        self._choice: tuple[str, Path, ExportFilter, bool] | None = None

    def _form(self, destination: QHBoxLayout) -> QFormLayout:
        form = QFormLayout()
        form.addRow(self.tr("Format"), self.format)
        form.addRow(self.tr("Save to"), destination)
        form.addRow(self.tr("Documents"), self.documents)
        form.addRow(self.tr("Pages"), self.pages)
        form.addRow(self.tr("Labels"), self.labels)
        form.addRow(self.tr("Status"), self.statuses)
        form.addRow(self.tr("Annotators"), self.annotators)
        form.addRow(self.tr("Layer"), self.layer)
        form.addRow("", self.images)
        return form

    def _layers(self) -> QComboBox:
        """Whose spans: every layer, the curated one, or the annotators' own."""
        combo = QComboBox(self)
        combo.setObjectName("ExportLayer")
        for text, layers in (
            (self.tr("Every layer"), ()),
            (self.tr("The curated layer"), (SpanLayer.CURATED,)),
            (self.tr("The annotators' own layers"), (SpanLayer.ANNOTATION,)),
        ):
            combo.addItem(text, layers)
        return combo

    def _formats(self) -> QComboBox:
        """The formats, each with what it is."""
        combo = QComboBox(self)
        descriptions = {
            "jsonl": self.tr("JSON Lines, one page per line (doccano)"),
            "conll": self.tr("CoNLL, a BIO tag per character"),
            "brat": self.tr("brat standoff, .txt and .ann per page"),
            "labelstudio": self.tr("Label Studio tasks"),
            "csv": self.tr("CSV, one row per target with its attributes"),
            "pagexml": self.tr("PAGE XML with coordinates"),
            "alto": self.tr("ALTO with coordinates"),
            "txt": self.tr("Plain text, one file per page"),
        }
        for name in FORMATS:
            combo.addItem(f"{name} — {descriptions[name]}", name)
        return combo

    def _statuses(self) -> QListWidget:
        """The span statuses to export (accepted ones by default)."""
        status_names = {
            SpanStatus.ACCEPTED: self.tr("accepted"),
            SpanStatus.SUGGESTED: self.tr("suggested"),
            SpanStatus.REJECTED: self.tr("rejected"),
        }
        return _checklist(
            self,
            [(s.value, status_names[s]) for s in status_names],
            {SpanStatus.ACCEPTED.value},
        )

    @property
    def format_name(self) -> str:
        return str(self.format.currentData())

    def _default_path(self) -> Path:
        name = self.format_name
        return self._folder / f"corpus-{name}{SUFFIXES.get(name, '')}"

    def _format_changed(self) -> None:
        name = self.format_name
        self.path.setText(str(self._default_path()))
        self.images.setEnabled(name in ("pagexml", "alto"))
        for widget in (self.labels, self.statuses, self.annotators, self.layer):
            widget.setEnabled(name not in TEXT_FORMATS)

    def _browse(self) -> None:
        if FORMATS[self.format_name]:
            chosen = QFileDialog.getExistingDirectory(self, self.tr("Export into folder"))
        else:
            chosen, _ = QFileDialog.getSaveFileName(
                self, self.tr("Export to file"), self.path.text()
            )
        if chosen:
            self.path.setText(chosen)

    def _check(self) -> None:
        try:
            self._choice = self.choice()
        except UserError as exc:
            self.error.setText(str(exc))
            self.error.show()
            return
        self.accept()

    def choice(self) -> tuple[str, Path, ExportFilter, bool]:
        """The format, destination, filter and whether to write images; refused in words."""
        text = self.path.text().strip()
        if not text:
            raise UserError(self.tr("Choose where to save the export."))
        documents = _chosen(self.documents)
        if not documents:
            raise UserError(self.tr("Choose at least one document."))
        statuses = tuple(SpanStatus(s) for s in _chosen(self.statuses))
        if not statuses and self.format_name not in TEXT_FORMATS:
            raise UserError(self.tr("Choose at least one status."))
        every = self.documents.count() == len(documents)
        chosen = ExportFilter(
            documents=() if every else tuple(documents),
            pages=parse_page_numbers(self.pages.text()),
            labels=tuple(_chosen(self.labels)),
            statuses=statuses or (SpanStatus.ACCEPTED,),
            annotators=()
            if len(_chosen(self.annotators)) == self.annotators.count()
            else tuple(_chosen(self.annotators)),
            layers=tuple(self.layer.currentData() or ()),
        )
        images = self.images.isEnabled() and self.images.isChecked()
        return self.format_name, Path(text).expanduser(), chosen, images

    def accepted_choice(self) -> tuple[str, Path, ExportFilter, bool] | None:
        """What the user chose, after Export was pressed and the choices were sound."""
        return self._choice
