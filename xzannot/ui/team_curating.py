"""What a curator's keys do in curation mode: take an annotator's version of the unit in hand,
reject every version, take everything agreed, or mark spans of the curated layer themselves;
each one undo step, published on the change bus."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from functools import partial

from PySide6.QtCore import QModelIndex, QObject, Signal

from xzannot.core.curation import Unit
from xzannot.core.labels import LabelDef
from xzannot.errors import UserError
from xzannot.io.render import PageRenderer
from xzannot.operations.changes import OpChanges
from xzannot.operations.curation import curation_page, reject_unit, take_agreed, take_version
from xzannot.operations.project import Project
from xzannot.ui.commands import Context
from xzannot.ui.common import fill
from xzannot.ui.controller import Controller, Workbench
from xzannot.ui.tasks import TaskRunner
from xzannot.ui.team_commands import AddCurated, CuratedStep
from xzannot.ui.team_crops import Source, UnitCrops
from xzannot.ui.team_curation import CurationPanel
from xzannot.ui.team_curation_model import CurationModel

Reveal = Callable[[int, int], None]


class Curating(Controller):
    """The units of the shown page and the curator's choices on them."""

    message = Signal(str)  # what happened or what is wrong, for the status bar
    editingChanged = Signal(bool)

    def __init__(
        self,
        bench: Workbench,
        tasks: TaskRunner,
        renderer: PageRenderer,
        parent: QObject,
        *,
        source: Callable[[], Source | None],
        labels: Callable[[], Mapping[str, LabelDef]],
    ) -> None:
        super().__init__(bench, parent)
        self._source = source
        self._labels = labels
        self.crops = UnitCrops(tasks, renderer, self)
        self.model = CurationModel(self.crops.pixmap, self)
        self.panel = CurationPanel(self.model)
        self.active = False
        self.editing = False
        self._after: tuple[int, int] | None = None  # the unit last acted on
        self._context: Context = self.context()
        self.crops.ready.connect(self._crop_ready)
        self.panel.take_agreed.clicked.connect(self.take_agreed)
        self.panel.view.selectionModel().currentRowChanged.connect(self._unit_chosen)
        self.state.pageChanged.connect(self.refresh)

    def set_active(self, on: bool) -> None:
        """Curation mode begun or ended."""
        self.active = on
        self.set_editing(False)
        self.refresh()

    def set_editing(self, on: bool) -> None:
        """Mark spans of the curated layer by hand (label keys), or take versions (1–9)."""
        on = on and self.active
        if on != self.editing:
            self.editing = on
            self.panel.set_editing(on)
            self.editingChanged.emit(on)

    def toggle_editing(self) -> None:
        self.set_editing(not self.editing)

    def refresh(self) -> None:
        """Read the shown page's units again (in curation mode)."""
        data = self.state.data
        if not self.active or data is None:
            self.crops.set_page(None, [])
            self.model.set_page(None, "")
            self.panel.summary.setText("")
            return
        current = self.current()
        kept = (current.start, current.end) if current is not None else None
        try:
            page = curation_page(self._project(), data.page.id)
        except UserError as exc:
            self.message.emit(str(exc))
            return
        self.crops.set_page(self._source(), data.boxes)
        self.model.labels = self._labels()
        self.model.set_page(page, data.text)
        self._summarise()
        self._choose_row(kept)

    def _summarise(self) -> None:
        page = self.model.page
        assert page is not None
        open_units = sum(not u.settled for u in page.disagreed)
        if not page.agreed and not page.disagreed:
            text = self.tr("Nothing to curate on this page: no annotator has marked it yet.")
        else:
            text = fill(
                self.tr("%1 to settle, %2 settled, %3 agreed · annotators: %4"),
                open_units,
                len(page.disagreed) - open_units,
                len(page.agreed),
                "  ".join(f"{n}. {name}" for n, name in enumerate(page.annotators, 1)),
            )
        self.panel.summary.setText(text)

    def _choose_row(self, kept: tuple[int, int] | None) -> None:
        """After an action, the next unit to settle from the one acted on; otherwise the unit
        that was in hand, or the first to settle."""
        units = self.model.units
        start = self._after[0] if self._after else -1
        ahead = [r for r, u in enumerate(units) if not u.settled and not u.agreed]
        row = -1
        if self._after is not None:
            row = next((r for r in ahead if units[r].start >= start), ahead[0] if ahead else -1)
            self._after = None
        if row < 0 and kept is not None:
            row = self.model.row_of(*kept)
        if row < 0:
            row = ahead[0] if ahead else (0 if units else -1)
        if row >= 0:
            self.panel.view.selectRow(row)

    def changed(self, changes: OpChanges) -> None:
        """A saved change: the units again when the shown page's spans or text changed."""
        if self.active and (changes.spans or changes.text) and changes.touches(self.state.page_id):
            self.refresh()

    def current(self) -> Unit | None:
        """The unit in hand (the dock's current row)."""
        return self.model.unit(self.panel.view.currentIndex().row())

    def _unit_chosen(self, current: QModelIndex, _previous: QModelIndex) -> None:
        unit = self.model.unit(current.row())
        if unit is not None and not self.editing:
            self.state.select_text(unit.start, unit.end)

    def _crop_ready(self, start: int, end: int) -> None:
        row = self.model.row_of(start, end)
        if row >= 0:
            index = self.model.index(row, 0)
            self.model.dataChanged.emit(index, index)

    def _step(self, action: Callable[[Project], object], text: str) -> bool:
        """Push one curator's step on the shown page."""
        page_id = self.state.page_id
        if page_id is None:
            return False
        curator = self._annotator()
        command = CuratedStep(self._context, [page_id], curator, action, text)
        self.undo.push(command)
        return not command.isObsolete()

    def take(self, number: int) -> None:
        """Take annotator ``number``'s version of the unit in hand."""
        unit, names = self.current(), self.model.annotators
        if unit is None:
            self.message.emit(self.tr("No unit to settle on this page."))
            return
        if not 1 <= number <= len(names):
            self.message.emit(fill(self.tr("There is no annotator %1 on this page."), number))
            return
        name, curator = names[number - 1], self._annotator()
        self._after = (unit.start, unit.end)
        action = partial(_take, page_id=unit.page_id, unit=unit, name=name, curator=curator)
        self._step(action, fill(self.tr("Take %1's version"), name))

    def reject(self) -> None:
        """Reject every version of the unit in hand: the curated layer keeps nothing there."""
        unit = self.current()
        if unit is None:
            self.message.emit(self.tr("No unit to settle on this page."))
            return
        curator = self._annotator()
        self._after = (unit.start, unit.end)
        action = partial(_reject, page_id=unit.page_id, unit=unit, curator=curator)
        self._step(action, self.tr("Reject every version"))

    def take_agreed(self) -> None:
        """Copy every unit of the page the annotators agree on into the curated layer."""
        page_id, curator = self.state.page_id, self._annotator()
        if page_id is None:
            return
        copied: list[int] = []

        def action(project: Project) -> None:
            copied.append(take_agreed(project, [page_id], curator))

        if self._step(action, self.tr("Take all agreed")) and copied:
            self.message.emit(fill(self.tr("Took %1 agreed spans."), copied[0]))

    def mark(self, key: str) -> bool:
        """A label key in curation mode: while editing, the selected characters become a
        span of the curated layer; whether the key was curation's to take."""
        if not self.active:
            return False
        page_id = self.state.page_id
        start, end = self.state.selection
        if not self.editing:
            self.message.emit(self.tr("Press E to mark spans of the curated layer yourself."))
        elif page_id is not None and end > start:
            text = fill(self.tr("Mark as %1 (curated)"), key)
            span = (start, end, key)
            self.undo.push(AddCurated(self._context, page_id, span, self._annotator(), text))
        else:
            self.message.emit(self.tr("Select some text first, then press a label's key."))
        return True


def _take(project: Project, *, page_id: int, unit: Unit, name: str, curator: str) -> None:
    take_version(project, page_id, unit, name, curator)


def _reject(project: Project, *, page_id: int, unit: Unit, curator: str) -> None:
    reject_unit(project, page_id, unit, curator)
