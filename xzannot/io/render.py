"""Rendering PDF pages to pixels on the pdfium worker, with a small cache."""

from __future__ import annotations

import threading
from collections import OrderedDict
from concurrent.futures import Future
from dataclasses import dataclass
from pathlib import Path

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


class PageRenderer:
    """Renders pages of PDF files at any scale, keeping recent images in memory."""

    def __init__(self, worker: PdfiumWorker, cache_bytes: int = 256 * 1024 * 1024) -> None:
        self._worker = worker
        self._cache: OrderedDict[tuple[str, int, float], RenderedPage] = OrderedDict()
        self._cache_bytes = cache_bytes
        self._used = 0
        self._lock = threading.Lock()

    def render(self, path: Path, number: int, scale: float) -> Future[RenderedPage]:
        """Render page ``number`` (from 1) at ``scale`` pixels per point, off this thread."""
        key = (str(path), number, round(scale, 4))
        with self._lock:
            cached = self._cache.get(key)
            if cached is not None:
                self._cache.move_to_end(key)
                done: Future[RenderedPage] = Future()
                done.set_result(cached)
                return done
        return self._worker.submit(self._render_now, key, path, number, scale)

    def render_dpi(self, path: Path, number: int, dpi: float) -> Future[RenderedPage]:
        """Render at a resolution given in dots per inch."""
        return self.render(path, number, dpi / POINTS_PER_INCH)

    def clear(self) -> None:
        """Forget every cached image."""
        with self._lock:
            self._cache.clear()
            self._used = 0

    def _render_now(
        self, key: tuple[str, int, float], path: Path, number: int, scale: float
    ) -> RenderedPage:
        page = self._worker.document(path)[number - 1]
        try:
            bitmap = page.render(scale=scale, rev_byteorder=True)
            image = RenderedPage(
                width=bitmap.width,
                height=bitmap.height,
                stride=bitmap.stride,
                data=memoryview(bitmap.buffer).cast("B"),
                scale=scale,
            )
            bitmap.close()  # frees the handle; the Python-owned buffer lives on in ``data``
        finally:
            page.close()
        self._remember(key, image)
        return image

    def _remember(self, key: tuple[str, int, float], image: RenderedPage) -> None:
        with self._lock:
            self._cache[key] = image
            self._used += image.data.nbytes
            while self._used > self._cache_bytes and len(self._cache) > 1:
                _, old = self._cache.popitem(last=False)
                self._used -= old.data.nbytes
