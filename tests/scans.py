"""Scanned pages made from the sample yearbook, and a project with them read by OCR.

The images are rendered from the bundled sample PDF (xzannot's own file), so the text each
page should read is known: the sample PDF's own text layer, corrected.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pypdfium2 as pdfium
from PIL import Image

from tests.conftest import SAMPLE_PDF
from xzannot.core.boxes import Box, union

SCAN_DPI = 200


@dataclass(frozen=True)
class Scans:
    """A two-page TIFF of the sample, a project with it OCR'd, and what its pages read."""

    tiff: Path
    project: Path  # the TIFF imported and read by OCR (copy it before changing it)
    expected: tuple[str, ...]  # the sample PDF's corrected text of the same pages


def around(boxes: list[Box | None]) -> Box:
    """The rectangle round some characters' boxes, a point wider on every side."""
    found = union(boxes)
    assert found is not None
    return (found[0] - 1, found[1] - 1, found[2] + 1, found[3] + 1)


def render_pages(pdf: Path, numbers: list[int], dpi: int) -> list[Image.Image]:
    """Pages of a PDF as grey images at ``dpi``."""
    document = pdfium.PdfDocument(str(pdf))
    try:
        images = []
        for number in numbers:
            page = document[number - 1]
            bitmap = page.render(scale=dpi / 72)
            images.append(bitmap.to_pil().convert("L"))
            bitmap.close()
            page.close()
        return images
    finally:
        document.close()


def write_tiff(images: list[Image.Image], path: Path, dpi: int) -> Path:
    """A multi-page TIFF (LZW) with its resolution recorded."""
    first, *rest = images
    first.save(path, save_all=True, append_images=rest, dpi=(dpi, dpi), compression="tiff_lzw")
    return path


def make_scans(folder: Path) -> Scans:
    """Render, import and OCR the sample's first two pages (≈ 10 s on two cores)."""
    from xzannot.io.ocr.worker import OcrWorker
    from xzannot.io.pdfium_worker import PdfiumWorker
    from xzannot.operations.correcting import correct_page_in
    from xzannot.operations.importing import import_document
    from xzannot.operations.ocr import ocr_pages
    from xzannot.store.database import open_project
    from xzannot.store.documents import list_pages, page_content

    tiff = write_tiff(
        render_pages(SAMPLE_PDF, [1, 2], SCAN_DPI), folder / "sample-scan.tif", SCAN_DPI
    )
    pdfium_worker = PdfiumWorker()
    try:
        with open_project(folder / "reference.sqlite", create=True) as project:
            doc = import_document(project, pdfium_worker, SAMPLE_PDF)
            with project.transaction() as session:
                expected = []
                for page in list_pages(session, doc.document_id)[:2]:
                    correct_page_in(session, page.id)
                    expected.append(page_content(session, page.id).current)
        with open_project(folder / "scans.sqlite", create=True) as project:
            doc = import_document(project, pdfium_worker, tiff)
            with project.session() as session:
                ids = [p.id for p in list_pages(session, doc.document_id)]
            with OcrWorker("rapidocr", threads=2) as ocr:
                outcome = ocr_pages(project, ocr, ids)
            assert len(outcome.read) == 2, outcome
    finally:
        pdfium_worker.shutdown()
    return Scans(tiff, folder / "scans.sqlite", tuple(expected))
