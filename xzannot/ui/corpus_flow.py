"""Exporting the corpus and importing spans from the window, off the GUI thread."""

from __future__ import annotations

import threading
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from xzannot.io.corpus.formats import TEXT_FORMATS
from xzannot.io.render import PageRenderer
from xzannot.operations.browsing import export_choices
from xzannot.operations.exporting import ExportFilter, ExportOutcome, export, page_images
from xzannot.operations.project import Project
from xzannot.operations.span_import import MissingLabels, SpanImportOutcome, import_spans
from xzannot.ui.bus import ChangeBus
from xzannot.ui.common import fill
from xzannot.ui.export_dialog import ExportDialog
from xzannot.ui.progress import ProgressRun
from xzannot.ui.tasks import TaskRunner

SPAN_FILTER = "Spans (*.jsonl *.ndjson *.json *.ann);;All files (*)"


class CorpusFlow(QObject):
    """File ▸ Export Corpus and File ▸ Import Spans."""

    finished = Signal(str)  # a summary for the status bar

    def __init__(
        self,
        parent: QWidget,
        tasks: TaskRunner,
        project: Callable[[], Project],
        renderer: PageRenderer,
        annotator: Callable[[], str],
        *,
        bus: ChangeBus,
    ) -> None:
        super().__init__(parent)
        self._bus = bus
        self._parent = parent
        self._tasks = tasks
        self._project = project
        self._renderer = renderer
        self._annotator = annotator
        self.dialog: ExportDialog | None = None
        self.run: ProgressRun | None = None

    # export
    def open_export(self) -> None:
        """Ask what to export and where, then export it."""
        project = self._project()
        choices = export_choices(project)
        folder = project.location.path.parent if project.location.path else Path.home()
        self.dialog = ExportDialog(
            choices.documents, choices.labels, choices.annotators, folder, self._parent
        )
        self.dialog.accepted.connect(self._export_chosen)
        self.dialog.open()

    def _export_chosen(self) -> None:
        assert self.dialog is not None
        choice = self.dialog.accepted_choice()
        if choice is not None:
            self.start_export(*choice)

    def start_export(
        self, format_name: str, path: Path, chosen: ExportFilter, images: bool = False
    ) -> None:
        """Export in the background; the outcome is told in the status bar."""
        project = self._project()
        render = page_images(project, self._renderer) if images else None

        def work(*, progress: Callable[[int, int], None], cancel: threading.Event) -> ExportOutcome:
            del progress
            return export(
                project, format_name, path, chosen, render=render, cancelled=cancel.is_set
            )

        self.run = ProgressRun(self._parent, self._tasks, self.tr("Export"), self.tr("Exporting…"))
        self.run.start(
            work,
            done=lambda o: self._exported(format_name, o),
            cancelled=lambda: self.finished.emit(self.tr("Export cancelled; nothing was written.")),
        )

    def _exported(self, format_name: str, outcome: ExportOutcome) -> None:
        text = fill(self.tr("Exported %1 page(s) to %2."), outcome.pages, outcome.path)
        if format_name not in TEXT_FORMATS:
            text += " " + fill(
                self.tr("%1 span(s); %2 left out by the filters."),
                outcome.spans,
                outcome.spans_left_out,
            )
        if outcome.notes:
            QMessageBox.information(self._parent, self.tr("Export"), "\n".join(outcome.notes))
        self.finished.emit(text)

    # import
    def choose_span_files(self) -> None:
        """Ask for JSONL or brat files and import their spans."""
        paths, _ = QFileDialog.getOpenFileNames(
            self._parent, self.tr("Import spans"), "", SPAN_FILTER
        )
        if paths:
            self.start_import([Path(p) for p in paths])

    def start_import(self, paths: list[Path], *, create_labels: bool = False) -> None:
        """Import in the background: every span, or (on any problem) none."""
        project = self._project()
        annotator = self._annotator()

        def work(
            *, progress: Callable[[int, int], None], cancel: threading.Event
        ) -> SpanImportOutcome:
            del progress, cancel  # one transaction: quick, and all or nothing
            return import_spans(project, paths, annotator=annotator, create_labels=create_labels)

        self.run = ProgressRun(
            self._parent, self._tasks, self.tr("Import spans"), self.tr("Importing spans…")
        )
        self.run.start(
            work,
            done=self._imported,
            cancelled=lambda: self.finished.emit(self.tr("Nothing was imported.")),
            failed=lambda exc: self._missing_labels(paths, exc),
        )

    def _imported(self, outcome: SpanImportOutcome) -> None:
        total = sum(outcome.added.values())
        text = fill(self.tr("Imported %1 span(s) from %2 text(s)."), total, outcome.records)
        if outcome.known:
            text += " " + fill(self.tr("%1 were already there."), outcome.known)
        self._bus.publish(outcome.changes)  # spans on the pages given some, perhaps labels
        self.finished.emit(text)

    def _missing_labels(self, paths: list[Path], exc: BaseException) -> bool:
        """Offer to add the labels the files use; False for any other failure."""
        if not isinstance(exc, MissingLabels):
            return False
        answer = QMessageBox.question(
            self._parent,
            self.tr("Import spans"),
            fill(
                self.tr("The files use labels this project does not have: %1. Add them?"),
                ", ".join(exc.labels),
            ),
        )
        if answer == QMessageBox.StandardButton.Yes:
            self.start_import(paths, create_labels=True)
        else:
            self.finished.emit(self.tr("Nothing was imported."))
        return True
