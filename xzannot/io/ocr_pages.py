"""Scanned images and other tools' OCR files as pages to store.

An image (each frame of a multi-page TIFF) is a page without text, sized in points from its
resolution. A hOCR, PAGE or ALTO file gives pages with their recognised text, boxes and
confidences, on the images it names; its boxes are brought onto the image's own pixels
(a tool may have read a scaled copy).
"""

from __future__ import annotations

from pathlib import Path

from xzannot.core.ocr import POINTS_PER_INCH
from xzannot.core.pages import ExtractedPage, TextSource
from xzannot.io.images import image_frame, image_frames
from xzannot.io.ocr_formats import read_ocr_file


def image_pages(path: Path) -> list[ExtractedPage]:
    """A page per frame of an image file, none with text yet."""
    return [
        ExtractedPage(
            number=frame.index + 1,
            width=frame.width * POINTS_PER_INCH / frame.dpi,
            height=frame.height * POINTS_PER_INCH / frame.dpi,
        )
        for frame in image_frames(path)
    ]


def ocr_file_pages(path: Path) -> list[ExtractedPage]:
    """The pages of a hOCR, PAGE or ALTO file, each on the image it names."""
    pages = []
    for number, (image, read) in enumerate(read_ocr_file(path), 1):
        frame = image_frame(image, 0)
        # the tool's pixels onto the image's: page size in points follows the image
        read.dpi = frame.dpi * read.width / frame.width if read.width else frame.dpi
        layer = read.layer()
        pages.append(
            ExtractedPage(
                number=number,
                width=frame.width * POINTS_PER_INCH / frame.dpi,
                height=frame.height * POINTS_PER_INCH / frame.dpi,
                text=layer.text,
                boxes=layer.boxes,
                source=TextSource.OCR if layer.text.strip() else TextSource.NONE,
                confidences=layer.confidences,
                alternatives=layer.alternatives,
                engine=read.engine,
                image_path=str(image),
                image_frame=0,
            )
        )
    return pages
