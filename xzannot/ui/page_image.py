"""The page view's image: rendered by pdfium off the GUI thread at the scale the view wants,
answers for pages no longer shown dropped, and glyphs cut from it."""

from __future__ import annotations

from collections.abc import Callable
from concurrent.futures import Future
from functools import partial
from pathlib import Path

from PySide6.QtCore import QObject, QRectF, Qt, Signal
from PySide6.QtGui import QColor, QImage, QPainter, QPen, QPixmap
from PySide6.QtWidgets import QGraphicsPixmapItem, QGraphicsScene

from xzannot.io.render import RenderedPage
from xzannot.ui.tasks import TaskRunner

RenderFn = Callable[[Path, int, float, float], "Future[RenderedPage]"]

_SHARP_SCALE = 300 / 72  # pixels per point of the page a glyph is cut from


def cut(
    image: QImage, scale: float, box: tuple[float, float, float, float], height: int
) -> QPixmap:
    """The part of a page image (``scale`` pixels per point) under a box, with a margin,
    ``height`` pixels tall."""
    left, top, right, bottom = box
    margin = 0.35 * (bottom - top)
    rect = QRectF(
        (left - margin) * scale,
        (top - margin) * scale,
        (right - left + 2 * margin) * scale,
        (bottom - top + 2 * margin) * scale,
    ).toAlignedRect()
    rect = rect.intersected(image.rect())
    part = image.copy(rect).convertToFormat(QImage.Format.Format_RGB32)
    if part.isNull():
        return QPixmap()
    factor = height / part.height()
    part = part.scaledToHeight(height, Qt.TransformationMode.SmoothTransformation)
    painter = QPainter(part)  # the glyph's own box, among its neighbours
    painter.setPen(QPen(QColor(217, 72, 15), 2))
    painter.drawRect(
        QRectF(
            (left * scale - rect.left()) * factor,
            (top * scale - rect.top()) * factor,
            (right - left) * scale * factor,
            (bottom - top) * scale * factor,
        )
    )
    painter.end()
    return QPixmap.fromImage(part)


def to_qimage(page: RenderedPage) -> QImage:
    """A QImage that owns a copy of the rendered pixels."""
    image = QImage(page.data, page.width, page.height, page.stride, QImage.Format.Format_RGB888)
    return image.copy()


class PageImage(QObject):
    """The rendered image of the shown page, kept sharp at the scale asked for."""

    shown = Signal()  # a rendering is on screen
    failed = Signal(str)  # the page could not be rendered, in words

    def __init__(
        self,
        scene: QGraphicsScene,
        tasks: TaskRunner,
        render: RenderFn,
        wanted: Callable[[], float],
        parent: QObject,
    ) -> None:
        super().__init__(parent)
        self._tasks = tasks
        self._render = render
        self._wanted = wanted  # the scale the view shows the page at, in pixels per point
        self.item = QGraphicsPixmapItem()
        self.item.setTransformationMode(Qt.TransformationMode.SmoothTransformation)
        scene.addItem(self.item)
        self.source: tuple[Path, int, float] | None = None  # file, page number, skew
        self.scale = 0.0  # pixels per point of the image on screen (0: none)
        self._generation = 0

    def show(self, source: tuple[Path, int, float] | None) -> None:
        """Forget the image shown; ``source`` is the next page to render (None: no image)."""
        self._generation += 1
        self.item.setPixmap(QPixmap())
        self.scale = 0.0
        self.source = source

    def clear(self) -> None:
        """No image on screen (a message takes its place)."""
        self.item.setPixmap(QPixmap())

    def request(self) -> None:
        """Render the page at the scale the view wants, unless it is so already."""
        scale = self._wanted()
        if self.source is None or abs(scale - self.scale) < 1e-3:
            return
        path, number, skew = self.source
        self._tasks.watch(
            self._render(path, number, scale, skew),
            done=partial(self._rendered, self._generation),
            failed=partial(self._failed, self._generation),
        )

    def has_image(self) -> bool:
        """Whether a rendered image is on screen."""
        return not self.item.pixmap().isNull()

    def crop(self, box: tuple[float, float, float, float], height: int) -> QPixmap:
        """The part of the image on screen under a box (a null pixmap while none is shown)."""
        pixmap = self.item.pixmap()
        if pixmap.isNull() or self.scale <= 0:
            return QPixmap()
        return cut(pixmap.toImage(), self.scale, box, height)

    def sharp_crop(
        self, box: tuple[float, float, float, float], height: int, done: Callable[[QPixmap], None]
    ) -> None:
        """Like :meth:`crop`, cut from the page rendered at 300 dpi or more (off the GUI
        thread; ``done`` is called with it unless another page is shown meanwhile)."""
        if self.source is None:
            return
        path, number, skew = self.source
        generation = self._generation

        def rendered(page: RenderedPage) -> None:
            if generation == self._generation:
                done(cut(to_qimage(page), page.scale, box, height))

        self._tasks.watch(
            self._render(path, number, max(_SHARP_SCALE, self.scale), skew),
            done=rendered,
            failed=lambda _exc: None,
        )

    def _rendered(self, generation: int, page: RenderedPage) -> None:
        if generation != self._generation:
            return  # an answer for a page no longer shown
        pixmap = QPixmap.fromImage(to_qimage(page))
        pixmap.setDevicePixelRatio(1.0)
        self.item.setPixmap(pixmap)
        self.item.setScale(1.0 / page.scale)
        self.scale = page.scale
        self.shown.emit()

    def _failed(self, generation: int, exc: BaseException) -> None:
        if generation == self._generation:
            self.failed.emit(str(exc))
