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
from xzannot.io.pdfium_worker import Documents

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
    from xzannot.io.images import image_frame, load_frame

    frame = image_frame(job.path, job.index)
    scale = min(1.0, job.dpi / frame.dpi)
    return load_frame(job.path, job.index, scale=scale), frame.dpi * scale


_documents = Documents()  # the OCR process's open PDFs: a run reads a file's pages in turn


def _pdf_page(job: OcrJob) -> tuple[Any, float]:
    import pypdfium2 as pdfium

    from xzannot.io.pdf_render import capped_scale

    try:
        page = _documents.document(job.path, job.password)[job.index]
    except (IndexError, pdfium.PdfiumError) as exc:
        raise UserError(f"{job.path}: page {job.index + 1} cannot be read ({exc})") from exc
    try:
        width, height = page.get_size()
        scale = capped_scale(width * height, job.dpi / POINTS_PER_INCH, _MAX_PIXELS)
        bitmap = page.render(scale=scale)
        image = bitmap.to_pil().convert("RGB")
        bitmap.close()
    finally:
        page.close()
    return image, scale * POINTS_PER_INCH


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
    pixels = np.asarray(image)
    lines = engine.recognise(pixels, dpi)
    for extra in _under_seals(engine, pixels, dpi, lines):
        _insert_by_place(lines, extra)
    if left or top:
        lines = [[_moved(g, left, top) for g in line] for line in lines]
    return OcrPage(width, height, dpi, lines, engine=engine.name, skew=skew)


def _moved(glyph: Glyph, dx: float, dy: float) -> Glyph:
    if glyph.box is None:
        return glyph
    x0, y0, x1, y1 = glyph.box
    return replace(glyph, box=(x0 + dx, y0 + dy, x1 + dx, y1 + dy))


_SEAL_SHARE = 0.002  # a page with fewer red pixels than this has no seal
_SEAL_LINE_CONFIDENCE = 0.6  # median confidence a line read under a seal must reach


def _under_seals(
    engine: Engine, pixels: Any, dpi: float, found: list[list[Glyph]]
) -> list[list[Glyph]]:
    """Lines hidden under red seals, read again with the seal's red taken out.

    Official documents are signed with red seals stamped over the issuing body's name and
    the date; read as they are, those lines are often lost. The seal's red pixels are
    whitened (black print under them stays dark) in the part of the page the seals cover,
    and lines read there that overlap none already found are added.
    """
    import numpy as np

    if pixels.ndim != 3 or pixels.shape[2] < 3:
        return []
    r = pixels[..., 0].astype(np.int16)
    others = np.maximum(pixels[..., 1], pixels[..., 2]).astype(np.int16)
    red = (r > 140) & (r - others > 50)
    if red.sum() < _SEAL_SHARE * red.size:
        return []
    ys, xs = np.nonzero(red)
    height, width = red.shape
    pad = max(8, round(0.02 * max(height, width)))
    y0, y1 = max(0, int(ys.min()) - pad), min(height, int(ys.max()) + pad)
    x0, x1 = max(0, int(xs.min()) - pad), min(width, int(xs.max()) + pad)
    crop = pixels[y0:y1, x0:x1].copy()
    crop[red[y0:y1, x0:x1]] = 255
    taken = [b for line in found for g in line if (b := g.box) is not None]
    extra = []
    for line in engine.recognise(crop, dpi):
        moved = [_moved(g, x0, y0) for g in line]
        boxes = [g.box for g in moved if g.box is not None]
        sure = sorted(g.confidence for g in moved if g.confidence is not None)
        if not boxes or not sure or sure[len(sure) // 2] < _SEAL_LINE_CONFIDENCE:
            continue  # the seal's own ring of characters, half erased: not a line of text
        if not any(_overlaps(box, other) for box in boxes for other in taken):
            extra.append(moved)
    return extra


def _insert_by_place(lines: list[list[Glyph]], line: list[Glyph]) -> None:
    """Put a line before the first line (in the engine's top-to-bottom order) below it."""
    top = min(g.box[1] for g in line if g.box is not None)
    for index, other in enumerate(lines):
        tops = [g.box[1] for g in other if g.box is not None]
        if tops and min(tops) > top:
            lines.insert(index, line)
            return
    lines.append(line)


def _overlaps(a: Box, b: Box) -> bool:
    """Whether two boxes share more than a third of the smaller one's area."""
    width = min(a[2], b[2]) - max(a[0], b[0])
    height = min(a[3], b[3]) - max(a[1], b[1])
    if width <= 0 or height <= 0:
        return False
    smaller = min((a[2] - a[0]) * (a[3] - a[1]), (b[2] - b[0]) * (b[3] - b[1]))
    return width * height > smaller / 3
