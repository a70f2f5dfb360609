"""One page's recognition, as the OCR worker process runs it: the image, straightened, read.

A job names its page by file and position, never by pixels: the worker renders or decodes
the image itself, so no page image crosses between processes and a PDF that crashes pdfium
takes only the worker down.
"""

from __future__ import annotations

from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from xzannot.core.boxes import Box
from xzannot.core.deskew import estimate_skew
from xzannot.core.ocr import POINTS_PER_INCH, Glyph, OcrPage
from xzannot.errors import UserError
from xzannot.io.ocr.engines import Engine
from xzannot.io.ocr.names import DEFAULT_DPI

_MAX_PIXELS = 80_000_000  # a page image larger than this is rendered at a lower resolution
_NO_TURN = 0.05  # degrees: a smaller tilt is left as it is


@dataclass(frozen=True, slots=True)
class OcrJob:
    """A page to recognise: a PDF page or an image frame, and how."""

    path: Path
    kind: str  # "pdf" or "image"
    index: int  # the page (PDF) or frame (image), from 0
    dpi: float = DEFAULT_DPI  # the resolution recognised at (an image's own, if lower)
    password: str | None = None
    skew: float | None = None  # the page's known tilt; None: measure it
    region: Box | None = None  # points on the straightened page: recognise only this part


def page_image(job: OcrJob) -> tuple[Any, float]:
    """The job's page as an RGB Pillow image and its resolution in dots per inch."""
    if job.kind == "pdf":
        return _pdf_page(job)
    from xzannot.io.images import image_frames, load_frame

    frames = image_frames(job.path)
    if job.index >= len(frames):
        raise UserError(f"{job.path} has no frame {job.index + 1}")
    frame = frames[job.index]
    scale = min(1.0, job.dpi / frame.dpi)
    return load_frame(job.path, job.index, scale=scale), frame.dpi * scale


_open: dict[str, Any] = {}


def _pdf_page(job: OcrJob) -> tuple[Any, float]:
    import pypdfium2 as pdfium

    from xzannot.io.pdfium_worker import open_pdf

    key = str(job.path)
    if key not in _open:  # the worker keeps the last PDF open: a run reads its pages in turn
        for old in _open.values():
            old.close()
        _open.clear()
        _open[key] = open_pdf(job.path, job.password)
    document = _open[key]
    try:
        page = document[job.index]
    except (IndexError, pdfium.PdfiumError) as exc:
        raise UserError(f"{job.path}: page {job.index + 1} cannot be read ({exc})") from exc
    try:
        width, height = page.get_size()
        dpi = job.dpi
        pixels = width * height * (dpi / POINTS_PER_INCH) ** 2
        if pixels > _MAX_PIXELS:
            dpi *= (_MAX_PIXELS / pixels) ** 0.5
        bitmap = page.render(scale=dpi / POINTS_PER_INCH)
        image = bitmap.to_pil().convert("RGB")
        bitmap.close()
    finally:
        page.close()
    return image, dpi


def run_job(engine: Engine, job: OcrJob) -> OcrPage:
    """Recognise a job's page (or region) with ``engine``; boxes on the straightened page."""
    import numpy as np

    from xzannot.io.images import rotate

    image, dpi = page_image(job)
    skew = job.skew
    if skew is None:
        skew = estimate_skew(np.asarray(image.convert("L")))
    if abs(skew) >= _NO_TURN:
        image = rotate(image, skew)
    else:
        skew = 0.0
    width, height = image.size
    left = top = 0
    if job.region is not None:
        factor = dpi / POINTS_PER_INCH
        x0, y0, x1, y1 = (round(v * factor) for v in job.region)
        left, top = max(0, min(x0, x1)), max(0, min(y0, y1))
        right, bottom = min(width, max(x0, x1)), min(height, max(y0, y1))
        if right - left < 4 or bottom - top < 4:
            raise UserError("the region is too small to read; drag a larger rectangle")
        image = image.crop((left, top, right, bottom))
    lines = engine.recognise(np.asarray(image), dpi)
    if left or top:
        lines = [[_moved(g, left, top) for g in line] for line in lines]
    return OcrPage(width, height, dpi, lines, engine=engine.name, skew=skew)


def _moved(glyph: Glyph, dx: float, dy: float) -> Glyph:
    if glyph.box is None:
        return glyph
    x0, y0, x1, y1 = glyph.box
    return replace(glyph, box=(x0 + dx, y0 + dy, x1 + dx, y1 + dy))
