"""Rendering a PDF page, run in the pdfium process: kept apart from the rest of rendering so
that the process starts with pdfium alone (no image libraries), and the first page shows
sooner."""

from __future__ import annotations

from pathlib import Path

from xzannot.io.pdfium_worker import Documents
from xzannot.io.worker_process import Payload

# no page image is made larger than this (≈ 190 MB in RGB): a huge page at a high zoom is
# rendered at a lower resolution and shown scaled up
MAX_PIXELS = 64_000_000


def capped_scale(points_area: float, scale: float, limit: int = MAX_PIXELS) -> float:
    """``scale``, lowered where the page would pass ``limit`` pixels."""
    pixels = points_area * scale * scale
    return scale if pixels <= limit else scale * (limit / pixels) ** 0.5


def render_pdf_page(documents: Documents, path: Path, number: int, scale: float) -> Payload:
    """Page ``number`` as RGB rows: (width, height, stride, the scale used), and the
    pixels, sent without a copy."""
    return render_pdf_area(documents, path, number, None, scale)


def render_pdf_area(
    documents: Documents,
    path: Path,
    number: int,
    area: tuple[float, float, float, float] | None,
    scale: float,
) -> Payload:
    """Only ``area`` of page ``number`` (``x0, y0, x1, y1`` in points from the page's top
    left, as the page is shown; None: the whole page), as :func:`render_pdf_page` answers:
    pdfium draws no more of the page than that."""
    page = documents.document(path)[number - 1]
    try:
        width, height = page.get_size()
        left, top, right, bottom = _clipped(area, width, height)
        scale = capped_scale((right - left) * (bottom - top), scale)
        crop = (left, height - bottom, width - right, top)  # cut off: left, bottom, right, top
        bitmap = page.render(scale=scale, crop=crop, rev_byteorder=True)
        meta = (bitmap.width, bitmap.height, bitmap.stride, scale)
        # the buffer is Python's (a ctypes array): it outlives the bitmap's handle
        pixels = memoryview(bitmap.buffer).cast("B")
        bitmap.close()
        return Payload(meta, pixels)
    finally:
        page.close()


def _clipped(
    area: tuple[float, float, float, float] | None, width: float, height: float
) -> tuple[float, float, float, float]:
    """``area`` inside the page (the whole page for None; a sliver for an area past it)."""
    if area is None:
        return 0.0, 0.0, width, height
    left, top = max(0.0, area[0]), max(0.0, area[1])
    right, bottom = min(width, area[2]), min(height, area[3])
    if right <= left or bottom <= top:
        return 0.0, 0.0, min(width, 1.0), min(height, 1.0)
    return left, top, right, bottom
