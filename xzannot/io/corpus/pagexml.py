"""PAGE XML (schema 2019-07-15): regions, lines, words and glyphs with their coordinates."""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from lxml import etree

from xzannot import __version__
from xzannot.core.boxes import Box
from xzannot.core.corpus import CorpusPage
from xzannot.io.corpus.regions import DPI, Glyph, Region, page_regions, page_size, pixels

NS = "http://schema.primaresearch.org/PAGE/gts/pagecontent/2019-07-15"
SCHEMA = f"{NS} {NS}/pagecontent.xsd"
XSI = "http://www.w3.org/2001/XMLSchema-instance"


def _el(parent: etree._Element, tag: str, **attrs: str) -> etree._Element:
    return etree.SubElement(parent, f"{{{NS}}}{tag}", attrs)


def _coords(parent: etree._Element, box: Box) -> None:
    left, top, right, bottom = pixels(box)
    points = f"{left},{top} {right},{top} {right},{bottom} {left},{bottom}"
    _el(parent, "Coords", points=points)


def _text(parent: etree._Element, text: str) -> None:
    _el(_el(parent, "TextEquiv"), "Unicode").text = text


def _glyphs(parent: etree._Element, ident: str, glyphs: Sequence[Glyph]) -> None:
    for number, glyph in enumerate(glyphs, 1):
        if glyph.box is not None:
            element = _el(parent, "Glyph", id=f"{ident}g{number}")
            _coords(element, glyph.box)
            _text(element, glyph.char)


def _region(parent: etree._Element, ident: str, region: Region) -> None:
    element = _el(parent, "TextRegion", id=ident, type=region.kind)
    _coords(element, region.box)
    for line_number, line in enumerate(region.lines, 1):
        line_id = f"{ident}l{line_number}"
        line_element = _el(element, "TextLine", id=line_id)
        _coords(line_element, line.box)
        for word_number, word in enumerate(line.words(), 1):
            word_id = f"{line_id}w{word_number}"
            word_element = _el(line_element, "Word", id=word_id)
            _coords(word_element, _box_of(word))
            _glyphs(word_element, word_id, word)
            _text(word_element, "".join(g.char for g in word))
        _text(line_element, line.text)
    _text(element, region.text)


def _box_of(glyphs: Sequence[Glyph]) -> Box:
    boxes = [g.box for g in glyphs if g.box is not None]
    return (
        min(b[0] for b in boxes),
        min(b[1] for b in boxes),
        max(b[2] for b in boxes),
        max(b[3] for b in boxes),
    )


def page_xml(page: CorpusPage, image: str, when: datetime) -> bytes:
    """A PAGE XML document for one page; ``image`` is the page image's file name."""
    root = etree.Element(f"{{{NS}}}PcGts", nsmap={None: NS, "xsi": XSI})
    root.set(f"{{{XSI}}}schemaLocation", SCHEMA)
    metadata = _el(root, "Metadata")
    _el(metadata, "Creator").text = f"xzannot {__version__}"
    stamp = when.replace(microsecond=0).isoformat()
    _el(metadata, "Created").text = stamp
    _el(metadata, "LastChange").text = stamp
    _el(metadata, "Comments").text = (
        f"{page.document}, page {page.number}"
        + (f" (printed {page.printed_page})" if page.printed_page else "")
        + f"; corrected text; coordinates in pixels at {DPI} dpi of {page.source}"
    )
    width, height = page_size(page)
    page_element = _el(
        root, "Page", imageFilename=image, imageWidth=str(width), imageHeight=str(height)
    )
    regions = page_regions(page)
    if regions:
        group = _el(_el(page_element, "ReadingOrder"), "OrderedGroup", id="ro1")
        for index in range(len(regions)):
            _el(group, "RegionRefIndexed", index=str(index), regionRef=f"r{index + 1}")
    for index, region in enumerate(regions, 1):
        _region(page_element, f"r{index}", region)
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", pretty_print=True)
