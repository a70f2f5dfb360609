"""Recognised text as it comes from an OCR engine or another tool's OCR file.

An engine (or a hOCR, PAGE or ALTO file) gives lines of glyphs: a character, its box
on the page image in pixels, a confidence between 0 and 1 and, where the engine says
them, other readings it considered. :meth:`OcrPage.layer` turns that into what a PDF's
text layer gives: a text, one box per character in points, and one confidence per
character, so the rest of the program treats an OCR'd page as any other.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field

from xzannot.core.boxes import Box

POINTS_PER_INCH = 72.0
# below this a character is queued for checking (about 2 % of an old book's characters,
# mostly punctuation whose width the engine was unsure of)
LOW_CONFIDENCE = 0.8


@dataclass(frozen=True, slots=True)
class Glyph:
    """One recognised character; a space between words has no box."""

    char: str
    box: Box | None  # pixels on the page image, top-left origin
    confidence: float | None = None  # 0..1, None where the source gives none
    alternatives: tuple[str, ...] = ()  # other readings, most likely first


@dataclass(slots=True)
class OcrPage:
    """One page's recognised lines, in the order the source gives them."""

    width: int  # pixels
    height: int
    dpi: float
    lines: list[list[Glyph]] = field(default_factory=list)
    engine: str = ""  # what recognised it, e.g. "rapidocr 3.10 (PP-OCRv6 small)"
    skew: float = 0.0  # degrees the image was turned (counter-clockwise) before recognition

    @property
    def size_points(self) -> tuple[float, float]:
        """The page's width and height in points."""
        factor = POINTS_PER_INCH / self.dpi
        return self.width * factor, self.height * factor

    def layer(self) -> OcrLayer:
        """Lines joined by line breaks, with boxes in points and a confidence per character."""
        factor = POINTS_PER_INCH / self.dpi
        chars: list[str] = []
        boxes: list[Box | None] = []
        confidences: list[float | None] = []
        alternatives: dict[int, tuple[str, ...]] = {}
        for line in self.lines:
            glyphs = [g for g in line if g.char]
            if not glyphs:
                continue
            if chars:
                chars.append("\n")
                boxes.append(None)
                confidences.append(None)
            for glyph in glyphs:
                for char in glyph.char:  # a source's glyph may hold a ligature's letters
                    if glyph.alternatives:
                        alternatives[len(chars)] = glyph.alternatives
                    chars.append(char)
                    box = glyph.box
                    boxes.append(
                        None
                        if box is None
                        else (box[0] * factor, box[1] * factor, box[2] * factor, box[3] * factor)
                    )
                    confidences.append(glyph.confidence)
        return OcrLayer("".join(chars), boxes, confidences, alternatives)


@dataclass(slots=True)
class OcrLayer:
    """An OCR'd page as a text layer: text, boxes in points, confidences, alternatives."""

    text: str
    boxes: list[Box | None]
    confidences: list[float | None]
    alternatives: dict[int, tuple[str, ...]] = field(default_factory=dict)


def split_box(box: Box, count: int) -> list[Box]:
    """A word's box cut into ``count`` equal boxes side by side (for sources that box
    words, not characters: each CJK character of a word takes an equal share)."""
    if count <= 1:
        return [box]
    left, top, right, bottom = box
    step = (right - left) / count
    return [(left + i * step, top, left + (i + 1) * step, bottom) for i in range(count)]


def quad_box(points: object) -> Box:
    """The upright rectangle around a quadrilateral or polygon given as (x, y) pairs."""
    xs: list[float] = []
    ys: list[float] = []
    for x, y in points:  # type: ignore[attr-defined]
        xs.append(float(x))
        ys.append(float(y))
    return (min(xs), min(ys), max(xs), max(ys))


def is_low(confidence: float | None, threshold: float = LOW_CONFIDENCE) -> bool:
    """Whether a character's confidence puts it in the checking queue."""
    return confidence is not None and not math.isnan(confidence) and confidence < threshold
