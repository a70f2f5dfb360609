"""Rendering pages to pixels, with a small cache: PDF pages in the pdfium process, scanned
images decoded at the size asked for, each turned by its page's skew (a scan straightened
for OCR is shown straightened, so its boxes sit on it) and capped in pixels."""

from __future__ import annotations

import threading
from collections import OrderedDict
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

from PIL import Image

from xzannot.io import pdf_render
from xzannot.io.images import image_frame, load_frame, looks_like_image, rotate
from xzannot.io.pdf_render import capped_scale
from xzannot.io.pdfium_worker import PdfiumWorker

POINTS_PER_INCH = 72.0


@dataclass(frozen=True, slots=True)
class RenderedPage:
    """An RGB image of a page: ``stride`` bytes per row, 3 bytes per pixel.

    ``data`` is the buffer pdfium rendered into (allocated by Python, so it
    outlives the bitmap handle): no copy is made.
    """

    width: int
    height: int
    stride: int
    data: memoryview
    scale: float  # pixels per PDF point


_Key = tuple[str, int, float, float]


def _from_pil(image: Image.Image, scale: float) -> RenderedPage:
    rgb = image.convert("RGB")
    return RenderedPage(rgb.width, rgb.height, rgb.width * 3, memoryview(rgb.tobytes()), scale)


def _turned(page: RenderedPage, skew: float) -> RenderedPage:
    """A rendered page turned by ``skew`` degrees about its centre (white corners)."""
    source = Image.frombuffer(
        "RGB", (page.width, page.height), page.data.tobytes(), "raw", "RGB", page.stride, 1
    )
    return _from_pil(rotate(source, skew), page.scale)


def _render_image(path: Path, number: int, scale: float, skew: float) -> RenderedPage:
    """Frame ``number`` (from 1) of an image file at ``scale`` pixels per point."""
    frame = image_frame(path, number - 1)
    area = (frame.width * POINTS_PER_INCH / frame.dpi) * (
        frame.height * POINTS_PER_INCH / frame.dpi
    )
    scale = capped_scale(area, scale)
    image = load_frame(path, number - 1, scale=scale * POINTS_PER_INCH / frame.dpi)
    if skew:
        image = rotate(image, skew)
    return _from_pil(image, image.width / (frame.width * POINTS_PER_INCH / frame.dpi))


def _cut_area(whole: Future[RenderedPage], area: tuple[float, float, float, float]) -> RenderedPage:
    """The part of a rendered page under ``area`` (points), clipped to the page."""
    page = whole.result()
    image = Image.frombuffer(
        "RGB", (page.width, page.height), page.data.tobytes(), "raw", "RGB", page.stride, 1
    )
    left, top, right, bottom = (round(value * page.scale) for value in area)
    left, top = min(max(left, 0), page.width - 1), min(max(top, 0), page.height - 1)
    right = max(min(right, page.width), left + 1)
    bottom = max(min(bottom, page.height), top + 1)
    return _from_pil(image.crop((left, top, right, bottom)), page.scale)


class PageRenderer:
    """Renders pages of PDF files at any scale, keeping recent images in memory."""

    def __init__(self, worker: PdfiumWorker, cache_bytes: int = 256 * 1024 * 1024) -> None:
        self._worker = worker
        self._executor = ThreadPoolExecutor(max_workers=1, thread_name_prefix="render")
        self._cache: OrderedDict[_Key, RenderedPage] = OrderedDict()
        self._cache_bytes = cache_bytes
        self._used = 0
        self._lock = threading.Lock()

    @property
    def cache_bytes(self) -> int:
        """The most bytes of rendered images kept."""
        return self._cache_bytes

    def render(
        self, path: Path, number: int, scale: float, skew: float = 0.0
    ) -> Future[RenderedPage]:
        """Render page ``number`` (from 1; an image file's frame) at ``scale`` pixels per
        point, turned by ``skew`` degrees, off this thread."""
        key = (str(path), number, round(scale, 4), round(skew, 3))
        with self._lock:
            cached = self._cache.get(key)
            if cached is not None:
                self._cache.move_to_end(key)
                done: Future[RenderedPage] = Future()
                done.set_result(cached)
                return done
        return self._executor.submit(self._render_now, key, path, number, scale, skew)

    def render_dpi(
        self, path: Path, number: int, dpi: float, skew: float = 0.0
    ) -> Future[RenderedPage]:
        """Render at a resolution given in dots per inch."""
        return self.render(path, number, dpi / POINTS_PER_INCH, skew)

    def render_area(
        self,
        path: Path,
        number: int,
        area: tuple[float, float, float, float],
        scale: float,
        skew: float = 0.0,
    ) -> Future[RenderedPage]:
        """Only ``area`` of page ``number`` (``x0, y0, x1, y1`` in points from the page's
        top left, as the page is shown, clipped to it) at ``scale`` pixels per point, off
        this thread: a PDF page unturned is drawn by pdfium that small; a scan, or a page
        turned by ``skew``, is cut from the whole page (kept in the cache)."""
        if skew or looks_like_image(path):
            whole = self.render(path, number, scale, skew)
            return self._executor.submit(_cut_area, whole, area)
        return self._executor.submit(self._render_pdf_area, path, number, area, scale)

    def clear(self) -> None:
        """Forget every cached image."""
        with self._lock:
            self._cache.clear()
            self._used = 0

    def _render_now(
        self, key: _Key, path: Path, number: int, scale: float, skew: float
    ) -> RenderedPage:
        if looks_like_image(path):
            image = _render_image(path, number, scale, skew)
        else:
            image = self._render_pdf(path, number, scale)
            if skew:
                image = _turned(image, skew)
        self._remember(key, image)
        return image

    def _render_pdf(self, path: Path, number: int, scale: float) -> RenderedPage:
        where = f"showing {path.name}, page {number}"
        (width, height, stride, scale), pixels = self._worker.call_payload(
            pdf_render.render_pdf_page, path, number, scale, where=where
        )
        return RenderedPage(width, height, stride, memoryview(pixels), scale)

    def _render_pdf_area(
        self, path: Path, number: int, area: tuple[float, float, float, float], scale: float
    ) -> RenderedPage:
        where = f"showing part of {path.name}, page {number}"
        (width, height, stride, scale), pixels = self._worker.call_payload(
            pdf_render.render_pdf_area, path, number, area, scale, where=where
        )
        return RenderedPage(width, height, stride, memoryview(pixels), scale)

    def _remember(self, key: _Key, image: RenderedPage) -> None:
        with self._lock:
            self._cache[key] = image
            self._used += image.data.nbytes
            while self._used > self._cache_bytes and len(self._cache) > 1:
                _, old = self._cache.popitem(last=False)
                self._used -= old.data.nbytes
