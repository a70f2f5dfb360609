"""The glyphs of each hit, cut from its page's image: rendered off the GUI thread (only the
hit's part of the page), for the rows on screen only, and kept for a while."""

from __future__ import annotations

from collections import OrderedDict
from pathlib import Path

from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtGui import QImage, QPixmap

from xzannot.io.render import PageRenderer, RenderedPage
from xzannot.operations.search import Hit
from xzannot.ui.page_image import to_qimage
from xzannot.ui.search_model import HitKey, key_of
from xzannot.ui.tasks import TaskRunner

Source = tuple[Path, int, float]  # the file, its page or frame (from 1), the page's skew

HEIGHT = 28  # pixels a crop is tall in the list
MAX_WIDTH = 140  # and at most this wide
MARGIN = 0.3  # of the hit's height, around its glyphs
_KEPT = 1500  # crops kept in memory (≈ 20 MB)


def crop_scale(area: tuple[float, float, float, float]) -> float:
    """Pixels per point to render a hit's area at: twice the height it is shown at."""
    tall = (area[3] - area[1]) * (1 + 2 * MARGIN)
    return min(8.0, max(1.0, 2 * HEIGHT / max(tall, 1.0)))


def with_margin(area: tuple[float, float, float, float]) -> tuple[float, float, float, float]:
    """The area around a hit's glyphs that its crop shows."""
    margin = MARGIN * (area[3] - area[1])
    return area[0] - margin, area[1] - margin, area[2] + margin, area[3] + margin


def fitted(image: QImage) -> QPixmap:
    """A rendered crop at the list's height (narrowed where it would be too wide)."""
    if image.isNull() or image.height() == 0:
        return QPixmap()
    smooth = Qt.TransformationMode.SmoothTransformation
    image = image.scaledToHeight(HEIGHT, smooth)
    if image.width() > MAX_WIDTH:
        image = image.scaledToWidth(MAX_WIDTH, smooth)
    return QPixmap.fromImage(image)


class GlyphCrops(QObject):
    """Crops of hits' glyphs, asked for as rows are drawn; ``ready`` says one has come."""

    ready = Signal(object)  # the Hit

    def __init__(self, tasks: TaskRunner, renderer: PageRenderer, parent: QObject) -> None:
        super().__init__(parent)
        self._tasks = tasks
        self._renderer = renderer
        self.sources: dict[int, Source | None] = {}  # page id -> where its image is
        self._kept: OrderedDict[HitKey, QPixmap] = OrderedDict()
        self._asked: set[HitKey] = set()
        self._generation = 0

    def clear(self) -> None:
        """Forget the crops and pages of the last search (a new one begins)."""
        self._generation += 1
        self.sources.clear()
        self._kept.clear()
        self._asked.clear()

    def pixmap(self, hit: Hit) -> QPixmap | None:
        """The hit's crop, or None while it is being made (``ready`` follows) or when its
        page has no image."""
        key = key_of(hit)
        kept = self._kept.get(key)
        if kept is not None:
            self._kept.move_to_end(key)
            return kept
        source = self.sources.get(hit.page_id)
        if hit.area is None or source is None or key in self._asked:
            return None
        self._asked.add(key)
        path, number, skew = source
        area = with_margin(hit.area)
        generation = self._generation

        def rendered(page: RenderedPage) -> None:
            if generation == self._generation:
                self._keep(hit, fitted(to_qimage(page)))

        self._tasks.watch(
            self._renderer.render_area(path, number, area, crop_scale(hit.area), skew),
            done=rendered,
            failed=lambda _exc: None,  # no crop: the row shows its text alone
        )
        return None

    def _keep(self, hit: Hit, pixmap: QPixmap) -> None:
        key = key_of(hit)
        self._asked.discard(key)
        self._kept[key] = pixmap
        while len(self._kept) > _KEPT:
            self._kept.popitem(last=False)
        self.ready.emit(hit)
