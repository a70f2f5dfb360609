"""OCR from the window: reading pages (with progress and cancel) and regions of a page.

Pages are read in the OCR worker process, driven from a background thread, so the window
stays responsive; each page is stored as soon as it is read, so a cancelled run keeps
what it read and the next run goes on from there.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QObject
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QRadioButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from xzannot.core.boxes import Box
from xzannot.io.ocr.engines import missing_reason
from xzannot.io.ocr.names import ENGINES
from xzannot.io.ocr.worker import OcrWorker
from xzannot.operations.ocr import OcrOutcome, ocr_pages, read_region, region_evidence
from xzannot.operations.project import Project
from xzannot.ui import settings as keys
from xzannot.ui.common import fill
from xzannot.ui.progress import ProgressRun
from xzannot.ui.settings import Settings
from xzannot.ui.tasks import TaskRunner


@dataclass(frozen=True, slots=True)
class OcrChoice:
    """What the reader chose in the OCR dialog."""

    scope: str  # "page", "document" or "all"
    engine: str
    dpi: int


class OcrDialog(QDialog):
    """Which pages to read, with which engine, at which resolution."""

    def __init__(
        self,
        settings: Settings,
        *,
        scopes: list[tuple[str, str]],
        dpi: int,
        title: str,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        layout = QVBoxLayout(self)
        self.scopes: dict[str, QRadioButton] = {}
        for key, text in scopes:
            button = QRadioButton(text, self)
            self.scopes[key] = button
            layout.addWidget(button)
        if scopes:
            self.scopes[scopes[0][0]].setChecked(True)
        form = QFormLayout()
        self.engine = QComboBox(self)
        wanted = settings.get(keys.OCR_ENGINE)
        for name in ENGINES:
            reason = missing_reason(name)
            self.engine.addItem(name if reason is None else f"{name} — {reason}", name)
            if reason is not None:  # shown, with why, but not choosable
                item = self.engine.model().item(self.engine.count() - 1)  # type: ignore[attr-defined]
                item.setEnabled(False)
            elif name == wanted:
                self.engine.setCurrentIndex(self.engine.count() - 1)
        form.addRow(self.tr("Engine:"), self.engine)
        self.dpi = QSpinBox(self)
        self.dpi.setRange(100, 600)
        self.dpi.setSingleStep(50)
        self.dpi.setSuffix(" dpi")
        self.dpi.setValue(dpi)
        form.addRow(self.tr("Resolution:"), self.dpi)
        layout.addLayout(form)
        self.note = QLabel(self)
        self.note.setWordWrap(True)
        layout.addWidget(self.note)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.ok = buttons.button(QDialogButtonBox.StandardButton.Ok)
        if missing_reason(str(self.engine.currentData())) is not None:
            self.ok.setEnabled(False)
            self.note.setText(
                fill(self.tr("No OCR engine can run here: %1"), missing_reason(ENGINES[0]) or "")
            )

    def choice(self) -> OcrChoice:
        """The scope, engine and resolution chosen."""
        scope = next((k for k, b in self.scopes.items() if b.isChecked()), "page")
        return OcrChoice(scope, str(self.engine.currentData()), self.dpi.value())


def _read_pages(
    project: Project,
    page_ids: list[int],
    engine: str,
    dpi: int,
    *,
    progress: Callable[[int, int], None],
    cancel: threading.Event,
) -> OcrOutcome:
    with OcrWorker(engine) as worker:
        return ocr_pages(project, worker, page_ids, dpi=dpi, progress=progress, cancel=cancel)


def _read_region(
    project: Project,
    page_id: int,
    region: Box,
    engine: str,
    dpi: int,
    *,
    progress: Callable[[int, int], None],
    cancel: threading.Event,
) -> tuple[str, str]:
    with OcrWorker(engine, threads=2) as worker:
        text = read_region(project, worker, page_id, region, dpi=dpi, cancel=cancel)
        return text, region_evidence(worker.engine_name, dpi)


class OcrFlow(QObject):
    """Starts OCR runs for a window and says what they did."""

    def __init__(
        self,
        parent: QWidget,
        tasks: TaskRunner,
        project: Callable[[], Project],
        *,
        settings: Settings,
        finished: Callable[[str], None],
        region_read: Callable[[int, Box, str, str], None],
    ) -> None:
        super().__init__(parent)
        self._parent = parent
        self._tasks = tasks
        self._project = project
        self._settings = settings
        self._finished = finished
        self._region_read = region_read
        self.run: ProgressRun | None = None
        self.dialog: OcrDialog | None = None

    def choose(self, scopes: list[tuple[str, str]], pages_of: Callable[[str], list[int]]) -> None:
        """Ask which pages to read and how, then read them."""
        self.dialog = OcrDialog(
            self._settings,
            scopes=scopes,
            dpi=self._settings.get(keys.OCR_DPI),
            title=self.tr("OCR"),
            parent=self._parent,
        )

        def chosen() -> None:
            assert self.dialog is not None
            choice = self.dialog.choice()
            self._settings.set(keys.OCR_ENGINE, choice.engine)
            self._settings.set(keys.OCR_DPI, choice.dpi)
            self.start(pages_of(choice.scope), choice.engine, choice.dpi)

        self.dialog.accepted.connect(chosen)
        self.dialog.open()

    def start(self, page_ids: list[int], engine: str, dpi: int) -> None:
        """Read pages with a progress dialog the reader can cancel."""
        if not page_ids:
            self._finished(self.tr("Every page chosen has a text already."))
            return
        self.run = ProgressRun(
            self._parent, self._tasks, self.tr("OCR"), self.tr("Reading the pages…")
        )
        self.run.start(
            _read_pages,
            self._project(),
            page_ids,
            engine,
            dpi,
            done=self._done,
            cancelled=lambda: self._finished(
                self.tr("OCR stopped; the pages read so far are kept.")
            ),
        )

    def _done(self, outcome: OcrOutcome) -> None:
        pages = len(outcome.read)
        text = fill(self.tr("Read %1 page(s) with %2."), pages, outcome.engine or "OCR")
        if outcome.cancelled:
            text = fill(self.tr("OCR stopped after %1 page(s); they are kept."), pages)
        problems = outcome.skipped + outcome.failed
        if problems:
            text += " " + fill(self.tr("Not read: %1"), "; ".join(problems[:3]))
        self._finished(text)

    def choose_region(self, page_id: int, region: Box) -> None:
        """Ask for the engine and resolution, then read the region again."""
        self.dialog = OcrDialog(
            self._settings,
            scopes=[],
            dpi=self._settings.get(keys.OCR_REGION_DPI),
            title=self.tr("Read Region Again"),
            parent=self._parent,
        )

        def chosen() -> None:
            assert self.dialog is not None
            choice = self.dialog.choice()
            self._settings.set(keys.OCR_REGION_DPI, choice.dpi)
            self.start_region(page_id, region, choice.engine, choice.dpi)

        self.dialog.accepted.connect(chosen)
        self.dialog.open()

    def start_region(self, page_id: int, region: Box, engine: str, dpi: int) -> None:
        """Read a region in the background; what was read goes to ``region_read``."""
        self.run = ProgressRun(
            self._parent, self._tasks, self.tr("Read Region Again"), self.tr("Reading…")
        )
        self.run.start(
            _read_region,
            self._project(),
            page_id,
            region,
            engine,
            dpi,
            done=lambda result: self._region_read(page_id, region, *result),
            cancelled=lambda: self._finished(self.tr("Nothing was changed.")),
        )
