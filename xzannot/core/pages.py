"""What an importer extracts from one page, before it is stored."""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum

from xzannot.core.boxes import Box


class TextSource(StrEnum):
    """Where a page's original text came from."""

    PDF = "pdf"  # the PDF's own text layer, with a box per character
    DUMP = "dump"  # a text dump (e.g. copied from an online viewer), no boxes
    OCR = "ocr"  # recognised from the page image, with a box and a confidence per character
    NONE = "none"  # no text yet: the page needs OCR or typing


BOXED_SOURCES = (TextSource.PDF.value, TextSource.OCR.value)  # texts with a box per character


class PageStatus(StrEnum):
    """Where a reviewer is with a page."""

    TODO = "todo"
    IN_PROGRESS = "in_progress"
    DONE = "done"


class LabelSource(StrEnum):
    """Where a page's printed label (its folio) was read from."""

    PDF = "pdf"  # the PDF's page-label tree
    FOLIO = "folio"  # the page number printed on the page
    NONE = "none"


@dataclass(slots=True)
class ExtractedPage:
    """One page as read from a source file: size, text, boxes and printed label."""

    number: int  # 1-based position in the source
    width: float  # points
    height: float  # points
    text: str = ""
    boxes: list[Box | None] = field(default_factory=list)
    source: TextSource = TextSource.NONE
    printed_label: str | None = None
    label_source: LabelSource = LabelSource.NONE
    suspect: str | None = None  # why the text layer cannot be trusted (core.suspect)
    rules: list[Box] = field(default_factory=list)  # ruled lines drawn on the page (tables)
    # OCR: a confidence per character (None: none given), other readings by character index
    confidences: list[float | None] = field(default_factory=list)
    alternatives: dict[int, tuple[str, ...]] = field(default_factory=dict)
    engine: str | None = None
    skew: float | None = None  # degrees the scan was turned to stand straight
    image_path: str | None = None  # the page's image, when not the document's own file
    image_frame: int | None = None

    @property
    def needs_text(self) -> bool:
        """True when the page has no usable text and must be OCRed or typed."""
        return self.source is TextSource.NONE or not self.text.strip()
