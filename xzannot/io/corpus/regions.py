"""A page as printed regions, lines, words and glyphs: what PAGE XML and ALTO describe.

Regions come in reading order: the furniture at the top of the page (running head,
folio), the body's paragraphs, then the furniture at the foot. Coordinates are pixels
of the page rendered at :data:`DPI`.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass, field
from typing import NamedTuple
from xml.sax.saxutils import escape, quoteattr

from xzannot.core.boxes import Box, union
from xzannot.core.corpus import CorpusPage, blocks

DPI = 300
# （三）厚植绿色基底… or 五、全面加强政府自身建设: a numbered heading, short
_HEADING = re.compile(
    r"^(?:[（(][一二三四五六七八九十]+[)）]|[一二三四五六七八九十]+、)[^。]{0,40}$"
)
SCALE = DPI / 72  # PDF points to pixels


BODY_KINDS = ("paragraph", "heading", "table")


class Glyph(NamedTuple):
    """A character and its box (None: a character the page does not print, e.g. typed in)."""

    char: str
    box: Box | None
    conf: float | None = None  # the OCR engine's confidence, 0..1


@dataclass(slots=True)
class Line:
    """A printed line: its glyphs and the rectangle they fill."""

    glyphs: tuple[Glyph, ...]
    box: Box

    @property
    def text(self) -> str:
        return "".join(g.char for g in self.glyphs)

    def words(self) -> list[tuple[Glyph, ...]]:
        """Runs of glyphs between white space (a line of Chinese is one run), each with a box."""
        runs: list[list[Glyph]] = [[]]
        for glyph in self.glyphs:
            if glyph.char.isspace():
                runs.append([])
            else:
                runs[-1].append(glyph)
        return [tuple(run) for run in runs if any(g.box is not None for g in run)]


@dataclass(slots=True)
class Region:
    """A block of the page: a paragraph or heading of the body, or a piece of furniture."""

    # paragraph, heading, table (the body); header, footer, page-number (furniture)
    kind: str
    lines: tuple[Line, ...]
    box: Box = field(init=False)

    def __post_init__(self) -> None:
        found = union(line.box for line in self.lines)
        assert found is not None  # a region is made only of lines with boxes
        self.box = found

    @property
    def text(self) -> str:
        return "\n".join(line.text for line in self.lines)


def pixels(box: Box) -> tuple[int, int, int, int]:
    """A box in whole pixels: left, top, right, bottom (never negative, never empty)."""
    # comparisons rather than max(): this runs for every glyph of every page exported
    left, top, right, bottom = box
    left, top = round(left * SCALE), round(top * SCALE)
    left, top = left if left > 0 else 0, top if top > 0 else 0
    right, bottom = round(right * SCALE), round(bottom * SCALE)
    return left, top, right if right > left else left + 1, bottom if bottom > top else top + 1


def page_size(page: CorpusPage) -> tuple[int, int]:
    """The page's width and height in pixels (rounded up, as pdfium renders them)."""
    return math.ceil(page.width * SCALE), math.ceil(page.height * SCALE)


def page_regions(page: CorpusPage) -> list[Region]:
    """The page's regions in reading order (lines without any box are left out)."""
    head: list[Region] = []
    foot: list[Region] = []
    for item in page.furniture:
        glyphs = tuple(Glyph(c, b) for c, b in zip(item.text, item.boxes, strict=True))
        box = union(item.boxes)
        if box is None:
            continue
        region = Region(item.kind, (Line(glyphs, box),))
        (head if box[1] < page.height / 2 else foot).append(region)
    body: list[Region] = []
    boxes = page.boxes or (None,) * len(page.text)
    confs = page.confidences or (None,) * len(page.text)
    for block in blocks(page.text, boxes):
        lines = []
        for line in block.lines:
            if line.box is None:
                continue
            glyphs = tuple(
                Glyph(page.text[i], boxes[i], confs[i]) for i in range(line.start, line.end)
            )
            lines.append(Line(glyphs, line.box))
        if not lines:
            continue
        text = page.text[block.start : block.end]
        if "\t" in text:  # a table row (cells are separated by tabs): rows make one table
            if body and body[-1].kind == "table":
                body[-1] = Region("table", (*body[-1].lines, *lines))
            else:
                body.append(Region("table", tuple(lines)))
            continue
        body.append(Region("heading" if _HEADING.match(text) else "paragraph", tuple(lines)))
    return head + body + foot


_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")


def xml_text(text: str) -> str:
    """Text as XML character data (control characters, which XML 1.0 cannot hold, as U+FFFD)."""
    return escape(_NOT_XML.sub("\ufffd", text))


_CHARS: dict[str, str] = {}  # a glyph's character as XML character data, as met


def xml_char(char: str) -> str:
    """:func:`xml_text` of one character, remembered (a page holds thousands of glyphs of a
    few hundred characters)."""
    found = _CHARS.get(char)
    if found is None:
        found = _CHARS[char] = xml_text(char)
    return found


def xml_attr(text: str) -> str:
    """Text as a quoted XML attribute value (the same way)."""
    return quoteattr(_NOT_XML.sub("\ufffd", text))


_ATTRS: dict[str, str] = {}


def xml_char_attr(char: str) -> str:
    """:func:`xml_attr` of one character, remembered."""
    found = _ATTRS.get(char)
    if found is None:
        found = _ATTRS[char] = xml_attr(char)
    return found
