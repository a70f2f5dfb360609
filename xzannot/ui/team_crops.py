"""The glyphs of each unit a curator settles, cut from the page's image: the unit's part of the
page rendered off the GUI thread, its printed lines stacked one under another."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import QObject, QRect, Qt, Signal
from PySide6.QtGui import QColor, QImage, QPainter, QPixmap

from xzannot.core.boxes import Box, line_rects
from xzannot.core.curation import Unit
from xzannot.io.render import PageRenderer, RenderedPage
from xzannot.ui.page_image import to_qimage
from xzannot.ui.search_crops import crop_scale
from xzannot.ui.tasks import TaskRunner

Source = tuple[Path, int, float]  # the file, its page or frame (from 1), the page's skew

LINE_HEIGHT = 26  # pixels a printed line of a unit is tall in the dock
MAX_WIDTH = 190  # and at most this wide
MAX_LINES = 3  # lines shown of a long unit
GAP = 3
MARGIN = 0.2  # of a line's height, around its glyphs


def _margin(rect: Box) -> Box:
    pad = MARGIN * (rect[3] - rect[1])
    return rect[0] - pad, rect[1] - pad, rect[2] + pad, rect[3] + pad


def stacked(
    image: QImage, origin: tuple[float, float], scale: float, lines: Sequence[Box]
) -> QPixmap:
    """The ``lines`` (page points) cut from ``image`` (the page from ``origin`` on, at
    ``scale`` pixels a point), each at the dock's line height, one under another."""
    smooth = Qt.TransformationMode.SmoothTransformation
    parts: list[QImage] = []
    for left, top, right, bottom in lines[:MAX_LINES]:
        x, y = round((left - origin[0]) * scale), round((top - origin[1]) * scale)
        width, height = round((right - left) * scale), round((bottom - top) * scale)
        part = image.copy(QRect(x, y, max(width, 1), max(height, 1)))
        if part.isNull() or part.height() == 0:
            continue
        part = part.scaledToHeight(LINE_HEIGHT, smooth)
        if part.width() > MAX_WIDTH:
            part = part.scaledToWidth(MAX_WIDTH, smooth)
        parts.append(part)
    if not parts:
        return QPixmap()
    total = QImage(
        max(p.width() for p in parts),
        sum(p.height() for p in parts) + GAP * (len(parts) - 1),
        QImage.Format.Format_RGB32,
    )
    total.fill(QColor("white"))
    painter = QPainter(total)
    y = 0
    for part in parts:
        painter.drawImage(0, y, part)
        y += part.height() + GAP
    painter.end()
    return QPixmap.fromImage(total)


class UnitCrops(QObject):
    """Crops of the shown page's units, asked for as rows are drawn; ``ready`` says one has
    come (the unit's start and end)."""

    ready = Signal(int, int)

    def __init__(self, tasks: TaskRunner, renderer: PageRenderer, parent: QObject) -> None:
        super().__init__(parent)
        self._tasks = tasks
        self._renderer = renderer
        self._source: Source | None = None
        self._boxes: Sequence[Box | None] = ()
        self._kept: dict[tuple[int, int], QPixmap] = {}
        self._asked: set[tuple[int, int]] = set()
        self._generation = 0

    def set_page(self, source: Source | None, boxes: Sequence[Box | None]) -> None:
        """The page now shown: where its image is, and its characters' boxes."""
        self._generation += 1
        self._source, self._boxes = source, boxes
        self._kept.clear()
        self._asked.clear()

    def pixmap(self, unit: Unit) -> QPixmap | None:
        """The unit's glyphs, or None while they are rendered (``ready`` follows) or when
        the page has no image or the unit no boxes."""
        key = (unit.start, unit.end)
        if key in self._kept:
            kept = self._kept[key]
            return None if kept.isNull() else kept
        if self._source is None or key in self._asked:
            return None
        lines = [_margin(r) for r in line_rects(self._boxes, unit.start, unit.end)][:MAX_LINES]
        if not lines:
            return None
        self._asked.add(key)
        origin = (max(0.0, min(r[0] for r in lines)), max(0.0, min(r[1] for r in lines)))
        area = (*origin, max(r[2] for r in lines), max(r[3] for r in lines))
        scale = crop_scale(max(lines, key=lambda r: r[3] - r[1]))
        path, number, skew = self._source
        generation = self._generation

        def rendered(page: RenderedPage) -> None:
            if generation == self._generation:
                self._kept[key] = stacked(to_qimage(page), origin, page.scale, lines)
                self.ready.emit(*key)

        self._tasks.watch(
            self._renderer.render_area(path, number, area, scale, skew),
            done=rendered,
            failed=lambda _exc: None,  # no glyphs: the row shows its text alone
        )
        return None
