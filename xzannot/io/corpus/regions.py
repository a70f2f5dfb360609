"""A page as printed regions, lines, words and glyphs: what PAGE XML and ALTO describe.

Regions come in reading order: the furniture at the top of the page (running head,
folio), the body's paragraphs, then the furniture at the foot. Coordinates are pixels
of the page rendered at :data:`DPI`.
"""

from __future__ import annotations

import math
import operator
import re
from bisect import bisect_left
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from itertools import chain, compress, count, repeat
from typing import NamedTuple
from xml.sax.saxutils import escape, quoteattr

import numpy as np
import numpy.typing as npt

from xzannot.core.boxes import Box, union
from xzannot.core.corpus import CorpusPage, blocks

DPI = 300
# （三）厚植绿色基底… or 五、全面加强政府自身建设: a numbered heading, short
_HEADING = re.compile(
    r"^(?:[（(][一二三四五六七八九十]+[)）]|[一二三四五六七八九十]+、)[^。]{0,40}$"
)
SCALE = DPI / 72  # PDF points to pixels


BODY_KINDS = ("paragraph", "heading", "table")


class Line(NamedTuple):
    """A printed line: glyphs ``start`` to ``end`` of its page's, and the rectangle they fill."""

    start: int
    end: int
    box: Box


class Word(NamedTuple):
    """A run of glyphs between white space (a line of Chinese is one), with its rectangle:
    the line's own when it is the whole line."""

    start: int
    end: int
    box: Box


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


_WORD = re.compile(r"\S+")  # \s is what str.isspace() calls white space
_SPACE = re.compile(r"\s")


@dataclass(frozen=True)
class PageLayout:
    """A page's glyphs, its body's characters then its furniture's, and its regions in
    reading order: lines and words are ranges of the glyphs, not copies of them."""

    text: str
    boxes: Sequence[Box | None]  # one per character of ``text``
    confidences: Sequence[float | None]  # one per character of ``text``, or none at all
    regions: list[Region]
    missing: list[int]  # the glyphs without a box, in order

    def words(self, line: Line) -> list[Word]:
        """The line's runs of glyphs between white space that have a box."""
        if not _SPACE.search(self.text, line.start, line.end):
            return [Word(line.start, line.end, line.box)]  # one word: the whole line
        found = []
        for match in _WORD.finditer(self.text, line.start, line.end):
            start, end = match.span()
            whole = start == line.start and end == line.end
            box = line.box if whole else union(self.boxes[start:end])
            if box is not None:
                found.append(Word(start, end, box))
        return found

    def least(self, word: Word) -> float | None:
        """A word's confidence: its least sure glyph's (None when no glyph has one)."""
        if not self.confidences:
            return None
        known = [c for c in self.confidences[word.start : word.end] if c is not None]
        return min(known) if known else None

    def boxed(self, start: int, end: int) -> list[bool] | None:
        """Which of the glyphs ``start`` to ``end`` have a box (None: all of them)."""
        after = bisect_left(self.missing, start)
        if after == len(self.missing) or self.missing[after] >= end:
            return None
        return [box is not None for box in self.boxes[start:end]]

    def pixels(self) -> npt.NDArray[np.int64]:
        """Every glyph's :func:`pixels`, one row each, all at once (a page holds thousands
        of glyphs); a glyph without a box has (0, 0, 1, 1)."""
        boxes: list[Box] = list(self.boxes)  # type: ignore[arg-type]  # its None replaced next
        for index in self.missing:
            boxes[index] = _NO_BOX
        values = np.fromiter(chain.from_iterable(boxes), np.float64, 4 * len(boxes))
        scaled = np.nan_to_num(np.rint(values * SCALE))  # rint rounds as round() does
        rects = scaled.reshape(-1, 4).astype(np.int64)
        left, top, right, bottom = rects.T  # views: what is set on them is set on ``rects``
        np.maximum(left, 0, out=left)
        np.maximum(top, 0, out=top)
        np.maximum(right, left + 1, out=right)
        np.maximum(bottom, top + 1, out=bottom)
        return rects


_NO_BOX: Box = (math.nan,) * 4
NUMBERS = [str(number) for number in range(10_000)]  # most numbers met, as text
_NUMBERS = np.array(NUMBERS, dtype=object)
_COUNTING = NUMBERS[1:]


def numerals(values: npt.NDArray[np.int64]) -> list[str]:
    """Whole numbers, none negative, as text."""
    if values.size and values.max() >= len(NUMBERS):
        return [str(value) for value in values.tolist()]
    found: list[str] = _NUMBERS[values].tolist()
    return found


def counting(size: int) -> Sequence[str]:
    """The numbers 1 to ``size`` (at least) as text."""
    return _COUNTING if size < len(NUMBERS) else [str(n) for n in range(1, size + 1)]


@dataclass(frozen=True)
class Glyphs:
    """A page's glyphs as XML elements, made for the whole page at once (a page holds
    thousands): each glyph's element but for its start, which names its word; and the words
    of every line."""

    layout: PageLayout
    # each glyph's element from its number in its word on, spelled in UTF-8 (:func:`spelled`)
    ends: list[str]
    lines: dict[int, list[Word]]  # each line's words (:meth:`PageLayout.words`), by its start

    def words(self, line: Line) -> list[Word]:
        """The line's words, as :meth:`PageLayout.words` gives them."""
        return self.lines[line.start]

    def of_word(self, word: Word, start: str) -> bytes:
        """The word's glyphs that have a box, a line each, as UTF-8: ``start`` (ASCII), the
        glyph's number in the word (from 1), then the rest of its element."""
        ends: Iterable[str] = self.ends[word.start : word.end]
        boxed = self.layout.boxed(word.start, word.end)
        if boxed is not None:
            ends = compress(ends, boxed)
        return (start + f"\n{start}".join(ends)).encode("latin-1")  # spelled: a copy


Pieces = list[str | bytes]  # a document's lines: text, or a word's glyphs as UTF-8 already


def xml_document(pieces: Pieces) -> bytes:
    """The document, a piece a line, as UTF-8 (the text encoded here, the glyphs already)."""
    return b"\n".join([p if isinstance(p, bytes) else p.encode() for p in pieces])


def glyph_numbers(layout: PageLayout) -> tuple[dict[int, list[Word]], list[str]]:
    """The words of every line of the page, by the line's first glyph; and every glyph's
    number in its word (from 1) as text, ``""`` for a glyph in no word."""
    lines = {line.start: layout.words(line) for region in layout.regions for line in region.lines}
    numbers = [""] * len(layout.text)
    for words in lines.values():
        for start, end, _ in words:
            numbers[start:end] = counting(end - start)[: end - start]
    return lines, numbers


def pixels(box: Box) -> tuple[int, int, int, int]:
    """A box in whole pixels: left, top, right, bottom (never negative, never empty)."""
    left, top, right, bottom = box
    # comparisons rather than max(): this runs for every line and word of every page exported
    left, top = round(left * SCALE), round(top * SCALE)
    left, top = left if left > 0 else 0, top if top > 0 else 0
    right, bottom = round(right * SCALE), round(bottom * SCALE)
    return left, top, right if right > left else left + 1, bottom if bottom > top else top + 1


def page_size(page: CorpusPage) -> tuple[int, int]:
    """The page's width and height in pixels (rounded up, as pdfium renders them)."""
    return math.ceil(page.width * SCALE), math.ceil(page.height * SCALE)


def page_layout(page: CorpusPage) -> PageLayout:
    """The page's glyphs and its regions in reading order (lines without any box left out)."""
    text = page.text + "".join(item.text for item in page.furniture)
    boxes = [*(page.boxes or (None,) * len(page.text))]
    for item in page.furniture:
        boxes.extend(item.boxes)
    confidences = page.confidences and (*page.confidences, *(None,) * (len(text) - len(page.text)))
    missing = list(compress(count(), map(operator.is_, boxes, repeat(None))))
    return PageLayout(text, boxes, confidences, _regions(page), missing)


def _regions(page: CorpusPage) -> list[Region]:
    head: list[Region] = []
    foot: list[Region] = []
    start = len(page.text)  # the furniture's glyphs follow the body's
    for item in page.furniture:
        box = union(item.boxes)
        if box is not None:
            region = Region(item.kind, (Line(start, start + len(item.text), box),))
            (head if box[1] < page.height / 2 else foot).append(region)
        start += len(item.text)
    body: list[Region] = []
    for block in blocks(page.text, page.boxes or (None,) * len(page.text)):
        lines = tuple(Line(ln.start, ln.end, ln.box) for ln in block.lines if ln.box is not None)
        if not lines:
            continue
        text = page.text[block.start : block.end]
        if "\t" in text:  # a table row (cells are separated by tabs): rows make one table
            if body and body[-1].kind == "table":
                body[-1] = Region("table", (*body[-1].lines, *lines))
            else:
                body.append(Region("table", lines))
            continue
        body.append(Region("heading" if _HEADING.match(text) else "paragraph", lines))
    return head + body + foot


_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")
_ESCAPED = re.compile("[&<>\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")  # or changed


def xml_text(text: str) -> str:
    """Text as XML character data (control characters, which XML 1.0 cannot hold, as U+FFFD)."""
    if not _ESCAPED.search(text):
        return text
    return escape(_NOT_XML.sub("\ufffd", text))


_CHARS: dict[str, str] = {}  # a glyph's character as XML character data, as met


def xml_char(char: str) -> str:
    """:func:`xml_text` of one character, remembered (a page holds thousands of glyphs of a
    few hundred characters)."""
    found = _CHARS.get(char)
    if found is None:
        found = _CHARS[char] = xml_text(char)
    return found


# what quoteattr() escapes, or quotes otherwise than between double quotes, or is not XML
_ATTR_ESCAPED = re.compile('[&<>"\n\r\t\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]')


def xml_attr(text: str) -> str:
    """Text as a quoted XML attribute value (the same way)."""
    if not _ATTR_ESCAPED.search(text):  # as quoteattr() would give it: a word of every page
        return f'"{text}"'
    return quoteattr(_NOT_XML.sub("\ufffd", text))


_ATTRS: dict[str, str] = {}


def xml_char_attr(char: str) -> str:
    """:func:`xml_attr` of one character, remembered."""
    found = _ATTRS.get(char)
    if found is None:
        found = _ATTRS[char] = xml_attr(char)
    return found


def xml_chars(text: str) -> Sequence[str]:
    """:func:`xml_char` of every character of ``text``."""
    if not _ESCAPED.search(text):
        return text  # each character stands for itself
    for char in set(text).difference(_CHARS):
        xml_char(char)
    return list(map(_CHARS.__getitem__, text))


_SPELLED: dict[str, str] = {}


def spelled(pieces: Sequence[str]) -> list[str]:
    """Each of ``pieces`` spelled as its UTF-8 bytes, a character a byte (their Latin-1
    reading), remembered (a page holds thousands of glyphs of a few hundred characters).

    Text made of such pieces and ASCII becomes its UTF-8 bytes by ``.encode("latin-1")``, a
    copy, and is made of strings of one byte a character: both cost a fraction of what the
    same text with Chinese in it costs.
    """
    try:
        return list(map(_SPELLED.__getitem__, pieces))
    except KeyError:  # a character not met before
        for piece in set(pieces).difference(_SPELLED):
            _SPELLED[piece] = piece.encode().decode("latin-1")
        return list(map(_SPELLED.__getitem__, pieces))


def xml_char_attrs(text: str) -> list[str]:
    """:func:`xml_char_attr` of every character of ``text``."""
    for char in set(text).difference(_ATTRS):
        xml_char_attr(char)
    return list(map(_ATTRS.__getitem__, text))


def confidence_attrs(name: str, confidences: Sequence[float | None], size: int) -> list[str]:
    """Each glyph's confidence as the attribute ``name`` (``""`` for a glyph without one), for
    ``size`` glyphs (given ``confidences`` for the first ones, or none at all)."""
    found = [
        "" if conf is None else f' {name}="{min(1.0, max(0.0, conf)):.3f}"' for conf in confidences
    ]
    return found + [""] * (size - len(found))
