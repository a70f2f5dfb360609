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
    page = documents.document(path)[number - 1]
    try:
        width, height = page.get_size()
        scale = capped_scale(width * height, scale)
        bitmap = page.render(scale=scale, rev_byteorder=True)
        meta = (bitmap.width, bitmap.height, bitmap.stride, scale)
        # the buffer is Python's (a ctypes array): it outlives the bitmap's handle
        pixels = memoryview(bitmap.buffer).cast("B")
        bitmap.close()
        return Payload(meta, pixels)
    finally:
        page.close()
