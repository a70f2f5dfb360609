"""The page image: rendered by pdfium off the GUI thread, sharp at the view's zoom.

Scene coordinates are PDF points with the origin at the top-left corner, the
same as character boxes, so later overlays can be placed without conversion.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QPoint, QPointF, QRectF, Qt, QTimer, Signal
from PySide6.QtGui import (
    QColor,
    QKeyEvent,
    QMouseEvent,
    QPainter,
    QPen,
    QPixmap,
    QResizeEvent,
    QWheelEvent,
)
from PySide6.QtWidgets import (
    QGraphicsRectItem,
    QGraphicsScene,
    QGraphicsTextItem,
    QGraphicsView,
    QWidget,
)

from xzannot.ui.common import ZOOM_STEP, fill
from xzannot.ui.page_image import PageImage, RenderFn
from xzannot.ui.page_overlay import GlyphOverlay
from xzannot.ui.page_state import PageState
from xzannot.ui.tasks import TaskRunner

MIN_ZOOM, MAX_ZOOM = 0.1, 8.0
_RERENDER_DELAY_MS = 120


def select_rect(state: PageState, rect: QRectF) -> None:
    """Select the characters whose boxes lie inside a page rectangle (points)."""
    first, last = state.chars_in_rect(rect.left(), rect.top(), rect.right(), rect.bottom())
    state.select_span(-1)
    state.select_text(first, last)


def click_point(state: PageState, point: QPointF) -> None:
    """Put the caret at the glyph under a page point, and pick the span there."""
    char = state.char_at_point(point.x(), point.y())
    if char is None:
        return
    state.select_text(char, char)
    state.select_span(state.pick_span_at(char))


class PageView(QGraphicsView):
    """Shows one page with its spans.

    Fit width by default, fit page on request, Ctrl+wheel and +/− to zoom. A click
    on a glyph puts the caret there; dragging a rectangle selects the characters
    inside it; the middle button, or Space with the left button, pans.
    """

    zoomChanged = Signal(float)
    imageShown = Signal()
    regionPicked = Signal(QRectF)  # in region mode: a rectangle dragged on the page (points)

    def __init__(
        self, tasks: TaskRunner, render: RenderFn, state: PageState, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.state = state
        self._scene = QGraphicsScene(self)
        self.setScene(self._scene)
        self.setBackgroundBrush(QColor("#5f6368"))
        self.setDragMode(QGraphicsView.DragMode.NoDrag)
        self.setMouseTracking(True)
        self.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform)
        self.setTransformationAnchor(QGraphicsView.ViewportAnchor.AnchorUnderMouse)
        self.image = PageImage(
            self._scene, tasks, render, lambda: self.zoom() * self.devicePixelRatioF(), self
        )
        self.image.shown.connect(self.imageShown)
        self.image.failed.connect(
            lambda why: self.show_message(fill(self.tr("The page could not be rendered: %1"), why))
        )
        self._message = QGraphicsTextItem()
        self._message.setDefaultTextColor(QColor("white"))
        self._scene.addItem(self._message)
        self.region_mode = False  # the next drag picks a region to read again
        self._page_size = (0.0, 0.0)
        self._fit_width = True
        self.overlay = GlyphOverlay(self._scene, state, self)
        self._press: QPointF | None = None  # scene point where a left drag began
        self._pan_from: QPoint | None = None  # view point where a pan began
        self._space = False
        self._band = QGraphicsRectItem()
        band_pen = QPen(QColor(30, 144, 255), 1, Qt.PenStyle.DashLine)
        band_pen.setCosmetic(True)
        self._band.setPen(band_pen)
        self._band.setZValue(100)
        self._band.hide()
        self._scene.addItem(self._band)
        self._rerender = QTimer(self)
        self._rerender.setSingleShot(True)
        self._rerender.setInterval(_RERENDER_DELAY_MS)
        self._rerender.timeout.connect(self.image.request)

    # what is shown
    def show_page(
        self, source: Path | None, number: int, width: float, height: float, skew: float = 0.0
    ) -> None:
        """Show page ``number`` of the PDF (or frame of the image) at ``source``, turned by
        ``skew`` degrees (None: a page without an image)."""
        self._message.setPlainText("")
        if source is None or width <= 0 or height <= 0:
            self.image.show(None)
            self._page_size = (0.0, 0.0)
            self.show_message(self.tr("This page has no image (it was imported as text)."))
            return
        self.image.show((source, number, skew))
        self._page_size = (width, height)
        self._scene.setSceneRect(QRectF(0, 0, width, height))
        if self._fit_width:
            self._apply_fit_width()
        self.image.request()

    def show_message(self, text: str) -> None:
        """A message in place of the image (missing file, no image)."""
        self.image.clear()
        self._message.setPlainText(text)
        self._message.setTextWidth(300)
        self._scene.setSceneRect(self._message.boundingRect())
        self.resetTransform()

    def pick_region(self) -> None:
        """Let the next drag on the page pick a region (for reading it again)."""
        self.region_mode = True
        self.viewport().setCursor(Qt.CursorShape.CrossCursor)

    def crop(self, box: tuple[float, float, float, float], height: int = 96) -> QPixmap:
        """The part of the image on screen under a box (points), with a margin, ``height``
        pixels tall (a null pixmap while no image is shown)."""
        return self.image.crop(box, height)

    def sharp_crop(
        self,
        box: tuple[float, float, float, float],
        height: int,
        done: Callable[[QPixmap], None],
    ) -> None:
        """Like :meth:`crop`, cut from the page rendered at 300 dpi or more (off the GUI
        thread; ``done`` is called with it unless another page is shown meanwhile)."""
        self.image.sharp_crop(box, height, done)

    def has_image(self) -> bool:
        """Whether a rendered image is on screen."""
        return self.image.has_image()

    def image_scale(self) -> float:
        """Pixels per point of the image on screen (0 if none)."""
        return self.image.scale

    def zoom(self) -> float:
        """Screen pixels per PDF point."""
        return self.transform().m11()

    # zooming
    def set_zoom(self, zoom: float) -> None:
        """Zoom to ``zoom`` screen pixels per point."""
        zoom = max(MIN_ZOOM, min(MAX_ZOOM, zoom))
        self._fit_width = False
        self._set_scale(zoom)

    def zoom_by(self, factor: float) -> None:
        """Zoom in (``factor`` above 1) or out (below 1) from the zoom shown."""
        self.set_zoom(self.zoom() * factor)

    def fits_width(self) -> bool:
        """Whether the view keeps the page fitted to its width."""
        return self._fit_width

    def reveal(self, start: int, end: int) -> None:
        """Scroll so that the glyphs of ``[start, end)`` are in view."""
        data = self.state.data
        if data is None or self.image.source is None:
            return
        from xzannot.core.boxes import line_rects

        rects = line_rects(data.boxes, start, end)
        if rects:
            left, top, right, bottom = rects[0]
            self.ensureVisible(QRectF(left, top, right - left, bottom - top), 40, 40)

    def fit_page(self) -> None:
        """Scale the whole page into the view."""
        width, height = self._page_size
        if width > 0 and height > 0:
            self._fit_width = False
            available_w = self.viewport().width() - 4
            available_h = self.viewport().height() - 4
            self._set_scale(max(MIN_ZOOM, min(available_w / width, available_h / height)))

    def fit_width(self) -> None:
        """Scale the page to the view's width, and keep it so on resize."""
        self._fit_width = True
        self._apply_fit_width()

    def _apply_fit_width(self) -> None:
        width = self._page_size[0]
        if width > 0:
            # Reserve the vertical scroll bar whether shown or not: otherwise fitting
            # makes it appear, which narrows the view, which refits, and so on.
            scrollbar = self.style().pixelMetric(self.style().PixelMetric.PM_ScrollBarExtent)
            available = self.width() - 2 * self.frameWidth() - scrollbar - 4
            self._set_scale(max(MIN_ZOOM, available / width))

    def _set_scale(self, zoom: float) -> None:
        if abs(zoom - self.zoom()) < 1e-6 and self.image.scale:
            return
        self.resetTransform()
        self.scale(zoom, zoom)
        self.zoomChanged.emit(zoom)
        if self.image.source is not None:
            self._rerender.start()

    def wheelEvent(self, event: QWheelEvent) -> None:
        if event.modifiers() & Qt.KeyboardModifier.ControlModifier:
            steps = event.angleDelta().y() / 120
            self.set_zoom(self.zoom() * (1.15**steps))
            event.accept()
            return
        super().wheelEvent(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Plus, Qt.Key.Key_Equal):
            self.zoom_by(ZOOM_STEP)
        elif event.key() == Qt.Key.Key_Minus:
            self.zoom_by(1 / ZOOM_STEP)
        elif event.key() == Qt.Key.Key_Space and not event.isAutoRepeat():
            self._space = True
            self.viewport().setCursor(Qt.CursorShape.OpenHandCursor)
        else:
            super().keyPressEvent(event)

    def keyReleaseEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Space and not event.isAutoRepeat():
            self._space = False
            self.viewport().unsetCursor()
        super().keyReleaseEvent(event)

    # the mouse: select glyphs, pan
    def mousePressEvent(self, event: QMouseEvent) -> None:
        pan = event.button() == Qt.MouseButton.MiddleButton or (
            event.button() == Qt.MouseButton.LeftButton and self._space
        )
        if pan:
            self._pan_from = event.position().toPoint()
            self.viewport().setCursor(Qt.CursorShape.ClosedHandCursor)
        elif event.button() == Qt.MouseButton.LeftButton and self.image.source is not None:
            self._press = self.mapToScene(event.position().toPoint())
        event.accept()

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        point = event.position().toPoint()
        if self._pan_from is not None:
            delta = point - self._pan_from
            self._pan_from = point
            self.horizontalScrollBar().setValue(self.horizontalScrollBar().value() - delta.x())
            self.verticalScrollBar().setValue(self.verticalScrollBar().value() - delta.y())
            return
        scene = self.mapToScene(point)
        if self._press is not None:
            self._band.setRect(QRectF(self._press, scene).normalized())
            self._band.show()
            return
        char = self.state.char_at_point(scene.x(), scene.y())
        self.state.hover_span(-1 if char is None else self.state.innermost_at(char))

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        if self._pan_from is not None:
            self._pan_from = None
            if self._space:
                self.viewport().setCursor(Qt.CursorShape.OpenHandCursor)
            else:
                self.viewport().unsetCursor()
            return
        if self._press is None:
            return
        end = self.mapToScene(event.position().toPoint())
        start, self._press = self._press, None
        self._band.hide()
        rect = QRectF(start, end).normalized()
        if self.region_mode:
            self.region_mode = False
            self.viewport().unsetCursor()
            if rect.width() * self.zoom() > 4 and rect.height() * self.zoom() > 4:
                self.regionPicked.emit(rect)
            return
        if rect.width() * self.zoom() > 4 or rect.height() * self.zoom() > 4:
            select_rect(self.state, rect)
        else:
            click_point(self.state, end)

    def leaveEvent(self, event: object) -> None:
        self.state.hover_span(-1)
        super().leaveEvent(event)  # type: ignore[arg-type]

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        if self._fit_width and self.image.source is not None:
            self._apply_fit_width()
