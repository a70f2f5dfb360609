"""The Agreement dialog: how far the annotators agree, per label a matrix of pairs (κ, span F1
exact and overlapping), α across everyone with its units, and the pages that disagree most
(double-click opens one)."""

from __future__ import annotations

from collections.abc import Callable
from functools import partial

from PySide6.QtCore import QModelIndex
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHeaderView,
    QLabel,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from xzannot.core.agreement import ALL_LABELS, Agreement
from xzannot.core.curation import CURATED
from xzannot.core.labels import LabelDef
from xzannot.errors import UserError
from xzannot.operations.agreement import AgreementReport, measure_agreement
from xzannot.operations.project import Project
from xzannot.ui.common import fill
from xzannot.ui.tasks import TaskRunner
from xzannot.ui.team_matrix import PairMatrixModel
from xzannot.ui.team_models import WorstPagesModel, share
from xzannot.ui.window_docks import row_table


def _matrix_view(model: PairMatrixModel, parent: QWidget) -> QTableView:
    view = QTableView(parent)
    view.setModel(model)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.setWordWrap(True)
    for header in (view.horizontalHeader(), view.verticalHeader()):
        header.setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        header.setDefaultSectionSize(118)
    view.verticalHeader().setDefaultSectionSize(46)
    view.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
    view.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
    return view


class AgreementDialog(QDialog):
    """Measures agreement (off the GUI thread) for the labels and comparison chosen."""

    def __init__(
        self,
        project: Callable[[], Project],
        tasks: TaskRunner,
        labels: list[LabelDef],
        open_page: Callable[[int], object],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("AgreementDialog")
        self.setWindowTitle(self.tr("Agreement"))
        self._project, self._tasks, self._open_page = project, tasks, open_page
        self.names = {label.key: f"{label.name_zh} {label.name_en}" for label in labels}
        self.report: AgreementReport | None = None
        self._asked = 0  # the measurement last asked for (earlier ones are dropped)
        self._build(labels)
        self.labels.currentIndexChanged.connect(self.measure)
        self.against.currentIndexChanged.connect(self.measure)
        self.tabs.currentChanged.connect(self._show_alpha)
        self.worst_view.doubleClicked.connect(self._open)
        self.resize(760, 640)

    def _build(self, labels: list[LabelDef]) -> None:
        self.labels = QComboBox(self)
        self.labels.addItem(self.tr("Every label"), None)
        for label in labels:
            self.labels.addItem(self.names[label.key], label.key)
        self.against = QComboBox(self)
        self.against.addItem(self.tr("Every pair of annotators"), None)
        self.against.addItem(self.tr("Each annotator against the curated layer"), CURATED)
        form = QFormLayout()
        form.addRow(self.tr("&Labels:"), self.labels)
        form.addRow(self.tr("&Compare:"), self.against)
        self.summary = QLabel(self)
        self.summary.setWordWrap(True)
        self.message = QLabel(self)
        self.message.setWordWrap(True)
        self.message.setStyleSheet("color: #b3261e;")
        self.message.hide()
        self.tabs = QTabWidget(self)
        self.alpha = QLabel(self)
        self.legend = QLabel(
            self.tr(
                "Each cell: Cohen's κ over characters, then span F1 with exact · overlapping "
                "boundaries (— where undefined); hover a cell for what it was measured on."
            ),
            self,
        )
        self.legend.setWordWrap(True)
        self.legend.setStyleSheet("color: #495057;")
        self.worst = WorstPagesModel(self)
        self.worst_view = row_table(self.worst, self)
        self.worst_view.setToolTip(self.tr("Double-click a page to open it"))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.rejected.connect(self.close)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.summary)
        layout.addWidget(self.message)
        layout.addWidget(self.tabs, 3)
        layout.addWidget(self.legend)
        layout.addWidget(self.alpha)
        layout.addWidget(QLabel(self.tr("Pages that disagree most (double-click opens):"), self))
        layout.addWidget(self.worst_view, 2)
        layout.addWidget(buttons)

    def set_annotators(self, names: list[str]) -> None:
        """The people each annotator may be measured against."""
        self.against.blockSignals(True)
        while self.against.count() > 2:
            self.against.removeItem(2)
        for name in names:
            self.against.addItem(fill(self.tr("Each annotator against %1"), name), name)
        self.against.blockSignals(False)

    def measure(self) -> None:
        """Measure again with the choices shown."""
        key = self.labels.currentData()
        against = self.against.currentData()
        self._asked += 1
        asked = self._asked
        self.summary.setText(self.tr("Measuring…"))
        self._tasks.run(
            partial(
                measure_agreement,
                self._project(),
                labels=None if key is None else [key],
                against=against,
            ),
            done=lambda report: self._show(asked, report),
            failed=lambda exc: self._failed(asked, exc),
        )

    def _failed(self, asked: int, exc: BaseException) -> None:
        if asked != self._asked:
            return
        if not isinstance(exc, UserError):
            raise exc
        self.report = None
        self._fill(None)
        self.summary.setText("")
        self.message.setText(str(exc))
        self.message.show()

    def _show(self, asked: int, report: AgreementReport) -> None:
        if asked != self._asked:
            return
        self.message.hide()
        self.report = report
        self.summary.setText(
            fill(
                self.tr("%1 annotators (%2) · %3 pages marked by two or more"),
                len(report.annotators),
                "、".join(
                    self.tr("the curated layer") if name == CURATED else name
                    for name in report.annotators
                ),
                report.pages,
            )
        )
        self._fill(report.overall)
        self.worst.set_rows(list(report.worst_pages))

    def _fill(self, agreement: Agreement | None) -> None:
        """A tab per label measured, all labels together first."""
        current = self.tabs.currentIndex()
        self.tabs.clear()
        if agreement is None:
            self.worst.set_rows([])
            self.alpha.setText("")
            return
        for key in (ALL_LABELS, *agreement.labels):
            model = PairMatrixModel(self)
            model.set_figures(agreement, key)
            title = self.tr("All labels") if key == ALL_LABELS else self.names.get(key, key)
            self.tabs.addTab(_matrix_view(model, self.tabs), title)
        self.tabs.setCurrentIndex(max(0, min(current, self.tabs.count() - 1)))
        self._show_alpha()

    def matrix(self, index: int | None = None) -> PairMatrixModel:
        """The matrix of the tab shown (or of tab ``index``)."""
        widget = self.tabs.widget(self.tabs.currentIndex() if index is None else index)
        assert isinstance(widget, QTableView)
        model = widget.model()
        assert isinstance(model, PairMatrixModel)
        return model

    def _show_alpha(self, _index: int = 0) -> None:
        if self.report is None or self.tabs.count() == 0:
            self.alpha.setText("")
            return
        key = self.matrix().label
        alpha = self.report.overall.alpha.get(key)
        if alpha is None:
            self.alpha.setText("")
            return
        self.alpha.setText(
            fill(
                self.tr("Krippendorff's α across everyone: %1 (over %2 characters, %3 values)"),
                share(alpha.value),
                alpha.units,
                alpha.values,
            )
        )

    def _open(self, index: QModelIndex) -> None:
        if index.isValid():
            self._open_page(self.worst.page_id(index.row()))
