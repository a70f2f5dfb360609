"""The checking queue: characters OCR was unsure of, and differences from the reference.

F7 and Shift+F7 walk the queue in text order and on from page to page. The character being
checked is shown enlarged, cut from the page image, beside the engine's other readings; one
key accepts it as read (it leaves the queue), a click on another reading puts that in its
place. A page with a reference text has its differences in the same queue.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import cached_property, partial

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtGui import QColor, QFont, QPen, QPixmap
from PySide6.QtWidgets import (
    QGraphicsRectItem,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from xzannot.core.collate import Difference
from xzannot.core.edits import Edit
from xzannot.errors import UserError
from xzannot.operations.browsing import Unsure
from xzannot.operations.changes import OpChanges
from xzannot.operations.ocr import unsure
from xzannot.ui.commands import AcceptCharacters, Context, TypeCorrection
from xzannot.ui.common import fill
from xzannot.ui.controller import Controller, Workbench
from xzannot.ui.differences_panel import DifferencesPanel
from xzannot.ui.page_view import PageView
from xzannot.ui.text_marks import UNSURE_COLOR
from xzannot.ui.text_view import TextView

_GLYPH_HEIGHT = 120


@dataclass(frozen=True, slots=True)
class QueueItem:
    """One place to check: an unsure character, or a difference from the reference."""

    start: int
    end: int
    unsure: Unsure | None = None
    difference: Difference | None = None


class OcrCheckPanel(QWidget):
    """The character being checked, enlarged, with the engine's other readings."""

    acceptRequested = Signal()
    readingChosen = Signal(str)
    stepRequested = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        layout = QVBoxLayout(self)
        self.summary = QLabel(self)
        self.summary.setWordWrap(True)
        layout.addWidget(self.summary)
        row = QHBoxLayout()
        self.glyph = QLabel(self)
        self.glyph.setFixedSize(_GLYPH_HEIGHT * 2, _GLYPH_HEIGHT + 8)
        self.glyph.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.glyph.setStyleSheet("background: white; border: 1px solid #adb5bd;")
        row.addWidget(self.glyph, 0, Qt.AlignmentFlag.AlignTop)
        side = QVBoxLayout()
        self.reading = QLabel(self)
        font = QFont(self.reading.font())
        font.setPointSizeF(font.pointSizeF() * 2.2)
        self.reading.setFont(font)
        side.addWidget(self.reading)
        self.detail = QLabel(self)
        self.detail.setWordWrap(True)
        side.addWidget(self.detail)
        self.readings = QHBoxLayout()
        side.addLayout(self.readings)
        buttons = QHBoxLayout()
        self.previous_button = QPushButton(self.tr("◀ Previous"), self)
        self.previous_button.clicked.connect(lambda: self.stepRequested.emit(-1))
        self.accept_button = QPushButton(self.tr("Accept as Read"), self)
        self.accept_button.clicked.connect(self.acceptRequested.emit)
        self.next_button = QPushButton(self.tr("Next ▶"), self)
        self.next_button.clicked.connect(lambda: self.stepRequested.emit(1))
        for button in (self.previous_button, self.accept_button, self.next_button):
            buttons.addWidget(button)
        side.addLayout(buttons)
        side.addStretch(1)
        row.addLayout(side, 1)
        layout.addLayout(row)
        self._reading_buttons: list[QPushButton] = []
        self.show_item(None, None)

    def show_item(self, item: QueueItem | None, glyph: object) -> None:
        """Show one place to check (None: nothing chosen)."""
        for button in self._reading_buttons:
            button.deleteLater()
        self._reading_buttons = []
        self.glyph.clear()
        if glyph is not None and not getattr(glyph, "isNull", lambda: True)():
            self.glyph.setPixmap(glyph)  # type: ignore[arg-type]
        self.accept_button.setEnabled(item is not None and item.unsure is not None)
        if item is None:
            self.reading.setText("")
            self.detail.setText(self.tr("F7: the next character to check."))
            return
        if item.unsure is not None:
            self.reading.setText(item.unsure.char)
            self.detail.setText(
                fill(self.tr("Read with confidence %1%."), f"{item.unsure.confidence * 100:.0f}")
            )
            readings = item.unsure.alternatives
        else:
            assert item.difference is not None
            self.reading.setText(item.difference.page_reading or "∅")
            self.detail.setText(
                fill(self.tr("The reference reads “%1”."), item.difference.reference_reading)
            )
            readings = (item.difference.reference_reading,)
        for text in readings:
            button = QPushButton(text or "∅", self)
            button.setToolTip(self.tr("Put this reading in the text"))
            button.clicked.connect(lambda _=False, t=text: self.readingChosen.emit(t))
            self.readings.addWidget(button)
            self._reading_buttons.append(button)


class OcrQueue(Controller):
    """Keeps the queue of the shown page, marks it, and walks it page after page."""

    counted = Signal(int, int)  # a page and how many of its characters wait to be checked

    def __init__(
        self,
        bench: Workbench,
        *,
        panel: OcrCheckPanel,
        page_view: PageView,
        text_view: TextView,
        differences: DifferencesPanel,
        next_page: Callable[[int], bool],
        parent: QObject | None = None,
    ) -> None:
        super().__init__(bench, parent)
        self.panel = panel
        self.page_view = page_view
        self.text_view = text_view
        self.differences = differences
        self._next_page = next_page
        self.unsure: list[Unsure] = []
        self.current: QueueItem | None = None
        self._pending = 0  # a step to take once the next page is shown
        self._resume: int | None = None  # after a change: go on from here once reloaded
        self._marks: list[QGraphicsRectItem] = []
        panel.acceptRequested.connect(self.accept_current)
        panel.readingChosen.connect(self.choose_reading)
        panel.stepRequested.connect(self.step)
        page_view.imageShown.connect(self._show_current)
        bench.bus.changed.connect(self._changed)

    @cached_property
    def _context(self) -> Context:
        return self.context()

    def _changed(self, changes: OpChanges) -> None:
        """A saved change to the shown page: its queue is read again (and walked on from the
        place changed)."""
        if changes.touches(self.state.page_id) and (changes.text or changes.edits or changes.ocr):
            self.load()  # (a span or a page's status leaves the queue as it was)

    def load(self) -> None:
        """Read the shown page's queue and mark it in the text and on the image."""
        page_id = self.state.page_id
        self.current = None
        try:
            self.unsure = unsure(self._project(), page_id) if page_id is not None else []
        except UserError:
            self.unsure = []
        self.text_view.set_unsure([u.position for u in self.unsure])
        if page_id is not None:
            self.counted.emit(page_id, len(self.unsure))
        self._mark_image()
        self.panel.summary.setText(self.summary())
        self.panel.show_item(None, None)
        items = self.items()
        if self._resume is not None:
            resume, self._resume = self._resume, None
            later = [i for i in items if i.start >= resume]
            if later:
                self._go(later[0])
        elif self._pending:
            delta, self._pending = self._pending, 0
            if items:
                self._go(items[0] if delta > 0 else items[-1])

    def summary(self) -> str:
        """How much the shown page's queue holds."""
        differences = len(self.differences.model.differences())
        return fill(
            self.tr("%1 character(s) to check, %2 difference(s) from the reference."),
            len(self.unsure),
            differences,
        )

    def items(self) -> list[QueueItem]:
        """The shown page's places to check, in text order."""
        found = [QueueItem(u.position, u.position + 1, unsure=u) for u in self.unsure]
        found += [
            QueueItem(d.start, d.end, difference=d) for d in self.differences.model.differences()
        ]
        return sorted(found, key=lambda item: (item.start, item.end))

    def step(self, delta: int) -> None:
        """Go to the next (1) or previous (-1) place to check, on to other pages."""
        items = self.items()
        caret = self.current.start if self.current else self.state.selection[0] - (delta > 0)
        if delta > 0:
            after = [i for i in items if i.start > caret]
            if after:
                self._go(after[0])
                return
        else:
            before = [i for i in items if i.start < caret]
            if before:
                self._go(before[-1])
                return
        self._pending = delta
        if not self._next_page(delta):
            self._pending = 0
            if items:  # nothing further on other pages: round to this page's other end
                self._go(items[0] if delta > 0 else items[-1])

    def _go(self, item: QueueItem) -> None:
        self.current = item
        if item.difference is not None:
            self.differences.select_row(self.differences.model.differences().index(item.difference))
        self.text_view.select_range(item.start, max(item.end, item.start + 1))
        self.text_view.set_unsure(
            [u.position for u in self.unsure], item.start if item.unsure else None
        )
        self.page_view.reveal(item.start, max(item.end, item.start + 1))
        self._show_current()

    def _show_current(self) -> None:
        item = self.current
        data = self.state.data
        glyph = None
        if item is not None and data is not None:
            from xzannot.core.boxes import union

            box = union(data.boxes[item.start : max(item.end, item.start + 1)])
            if box is not None:
                glyph = self.page_view.crop(box, _GLYPH_HEIGHT)
                self.page_view.sharp_crop(box, _GLYPH_HEIGHT, partial(self._sharpen, item))
        self.panel.show_item(item, glyph)

    def _sharpen(self, item: QueueItem, glyph: QPixmap) -> None:
        if item == self.current and not glyph.isNull():
            self.panel.glyph.setPixmap(glyph)

    def _mark_image(self) -> None:
        scene = self.page_view.scene()
        for mark in self._marks:
            if mark.scene() is scene:
                scene.removeItem(mark)
        self._marks = []
        data = self.state.data
        if data is None:
            return
        pen = QPen(UNSURE_COLOR, 1.5)
        pen.setCosmetic(True)
        fill = QColor(UNSURE_COLOR)
        fill.setAlpha(40)
        for u in self.unsure:
            box = data.boxes[u.position] if u.position < len(data.boxes) else None
            if box is None:
                continue
            mark = QGraphicsRectItem(box[0], box[1], box[2] - box[0], box[3] - box[1])
            mark.setPen(pen)
            mark.setBrush(fill)
            mark.setZValue(50)
            mark.setToolTip(f"{u.char} {u.confidence * 100:.0f}%")
            scene.addItem(mark)
            self._marks.append(mark)

    def accept_current(self) -> None:
        """Accept the character being checked as read, and go to the next."""
        item = self.current
        page_id = self.state.page_id
        if item is None or item.unsure is None or page_id is None:
            return
        text = fill(self.tr("Accept “%1”"), item.unsure.char)
        self._resume = item.start
        self.undo.push(AcceptCharacters(self._context, page_id, [item.unsure.original], text))

    def choose_reading(self, reading: str) -> None:
        """Put another reading in place of the character or difference being checked."""
        item, page_id, data = self.current, self.state.page_id, self.state.data
        if item is None or page_id is None or data is None:
            return
        edit = Edit(item.start, item.end, reading)
        self._resume = item.start + len(reading)
        self.undo.push(
            TypeCorrection(
                self._context,
                page_id,
                edit,
                self._annotator(),
                fill(self.tr("Read “%1”"), reading),
                on=data.text,
            )
        )
