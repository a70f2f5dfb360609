"""ALTO v4.4: text blocks, lines, strings and glyphs with their positions, in pixels."""

from __future__ import annotations

from collections.abc import Sequence

from lxml import etree

from xzannot import __version__
from xzannot.core.boxes import Box, union
from xzannot.core.corpus import CorpusPage
from xzannot.io.corpus.regions import (
    BODY_KINDS,
    Glyph,
    Region,
    page_regions,
    page_size,
    pixels,
)

NS = "http://www.loc.gov/standards/alto/ns-v4#"
SCHEMA = f"{NS} http://www.loc.gov/alto/v4/alto-4-4.xsd"
XSI = "http://www.w3.org/2001/XMLSchema-instance"


def _el(parent: etree._Element, tag: str, **attrs: str) -> etree._Element:
    return etree.SubElement(parent, f"{{{NS}}}{tag}", attrs)


def _position(box: Box) -> dict[str, str]:
    left, top, right, bottom = pixels(box)
    return {
        "HPOS": str(left),
        "VPOS": str(top),
        "WIDTH": str(right - left),
        "HEIGHT": str(bottom - top),
    }


def _string(parent: etree._Element, ident: str, word: Sequence[Glyph]) -> None:
    box = union(g.box for g in word)
    assert box is not None
    content = "".join(g.char for g in word)
    string = _el(parent, "String", ID=ident, CONTENT=content, **_position(box))
    for number, glyph in enumerate(word, 1):
        if glyph.box is not None:
            _el(string, "Glyph", ID=f"{ident}g{number}", CONTENT=glyph.char, **_position(glyph.box))


def _block(parent: etree._Element, ident: str, region: Region) -> None:
    block = _el(parent, "TextBlock", ID=ident, **_position(region.box))
    for line_number, line in enumerate(region.lines, 1):
        line_id = f"{ident}l{line_number}"
        line_element = _el(block, "TextLine", ID=line_id, **_position(line.box))
        for word_number, word in enumerate(line.words(), 1):
            if word_number > 1:
                _el(line_element, "SP")
            _string(line_element, f"{line_id}s{word_number}", word)


def alto_xml(page: CorpusPage, image: str) -> bytes:
    """An ALTO document for one page; ``image`` is the page image's file name."""
    root = etree.Element(f"{{{NS}}}alto", nsmap={None: NS, "xsi": XSI})
    root.set(f"{{{XSI}}}schemaLocation", SCHEMA)
    description = _el(root, "Description")
    _el(description, "MeasurementUnit").text = "pixel"
    _el(_el(description, "sourceImageInformation"), "fileName").text = image
    processing = _el(description, "Processing", ID="xzannot")
    _el(
        processing, "processingStepDescription"
    ).text = f"corrected text of {page.source}, page {page.number}"
    software = _el(processing, "processingSoftware")
    _el(software, "softwareName").text = "xzannot"
    _el(software, "softwareVersion").text = __version__
    width, height = page_size(page)
    attrs = {"ID": f"page{page.number}", "PHYSICAL_IMG_NR": str(page.number)}
    if page.printed_page:
        attrs["PRINTED_IMG_NR"] = page.printed_page
    page_element = _el(_el(root, "Layout"), "Page", WIDTH=str(width), HEIGHT=str(height), **attrs)
    regions = page_regions(page)
    body = [r for r in regions if r.kind in BODY_KINDS]
    top = [r for r in regions if r.kind not in BODY_KINDS and r.box[1] < page.height / 2]
    bottom = [r for r in regions if r.kind not in BODY_KINDS and r.box[1] >= page.height / 2]
    order = {id(region): number for number, region in enumerate(regions, 1)}  # reading order
    for margin, members in (("TopMargin", top), ("BottomMargin", bottom), ("PrintSpace", body)):
        if not members:
            continue
        box = union(r.box for r in members)
        assert box is not None
        space = _el(page_element, margin, ID=margin.lower(), **_position(box))
        for region in members:
            _block(space, f"b{order[id(region)]}", region)
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", pretty_print=True)
