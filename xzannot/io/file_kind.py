"""What kind of file the user gave: a PDF, a scanned image, another tool's OCR (hOCR, PAGE,
ALTO), a text dump, or something xzannot refuses in words.

Read from the file's first bytes (and its name where they say nothing), without parsing it.
"""

from __future__ import annotations

from pathlib import Path

from xzannot.errors import UserError

_PDF_MAGIC = b"%PDF-"
TEXT_SUFFIXES = (".txt", ".text")
_IMAGE_MAGIC = {
    b"\x89PNG": "a PNG image",
    b"\xff\xd8\xff": "a JPEG image",
    b"II*\x00": "a TIFF image",
    b"MM\x00*": "a TIFF image",
}


def _head(path: Path) -> bytes:
    try:
        with path.open("rb") as fh:
            return fh.read(1024)
    except OSError as exc:
        raise UserError(f"cannot read {path}: {exc.strerror or exc}") from exc


def looks_like_pdf(path: Path) -> bool:
    """Whether the file starts like a PDF (whatever its name)."""
    return _PDF_MAGIC in _head(path)


def file_kind(path: Path) -> str:
    """``"pdf"``, ``"image"``, ``"ocr"`` or ``"text"``; anything else is refused with the reason."""
    head = _head(path)
    if _PDF_MAGIC in head or path.suffix.lower() == ".pdf":
        return "pdf"
    if any(head.startswith(magic) for magic in _IMAGE_MAGIC):
        return "image"
    from xzannot.io.ocr_formats import OCR_SUFFIXES, looks_like_ocr_file

    if path.suffix.lower() in OCR_SUFFIXES and looks_like_ocr_file(path):
        return "ocr"
    if path.suffix.lower() in TEXT_SUFFIXES:
        return "text"
    raise UserError(
        f"{path} is not a PDF, an image (TIFF, JPEG, PNG), an OCR file (hOCR, PAGE, ALTO) "
        "or a text dump (.txt)"
    )
