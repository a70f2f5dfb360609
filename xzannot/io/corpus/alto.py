"""ALTO v4.4: text blocks, lines, strings and glyphs with their positions, in pixels.

Written as text, element by element, like the PAGE XML writer and for the same reason.
"""

from __future__ import annotations

from collections.abc import Sequence

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
    xml_attr,
    xml_char_attr,
    xml_text,
)

NS = "http://www.loc.gov/standards/alto/ns-v4#"
SCHEMA = f"{NS} http://www.loc.gov/alto/v4/alto-4-4.xsd"
XSI = "http://www.w3.org/2001/XMLSchema-instance"


def _position(box: Box) -> str:
    left, top, right, bottom = pixels(box)
    return f'HPOS="{left}" VPOS="{top}" WIDTH="{right - left}" HEIGHT="{bottom - top}"'


def _string(out: list[str], ident: str, word: Sequence[Glyph]) -> None:
    box = union(g.box for g in word)
    assert box is not None  # words are made of glyphs with boxes
    content = xml_attr("".join(g.char for g in word))
    known = [g.conf for g in word if g.conf is not None]
    wc = f' WC="{min(1.0, max(0.0, min(known))):.3f}"' if known else ""
    out.append(f'<String ID="{ident}" CONTENT={content} {_position(box)}{wc}>')
    append = out.append  # a page holds thousands of glyphs: no call but what each needs
    for number, (char, glyph_box, conf) in enumerate(word, 1):
        if glyph_box is None:
            continue
        left, top, right, bottom = pixels(glyph_box)
        gc = "" if conf is None else f' GC="{min(1.0, max(0.0, conf)):.3f}"'
        append(
            f'<Glyph ID="{ident}g{number}" CONTENT={xml_char_attr(char)} HPOS="{left}" '
            f'VPOS="{top}" WIDTH="{right - left}" HEIGHT="{bottom - top}"{gc}/>'
        )
    out.append("</String>")


def _block(out: list[str], ident: str, region: Region) -> None:
    if region.kind == "table":  # a composed block of type table around its rows
        out.append(f'<ComposedBlock ID="{ident}" TYPE="table" {_position(region.box)}>')
        _text_block(out, f"{ident}t", region)
        out.append("</ComposedBlock>")
    else:
        _text_block(out, ident, region)


def _text_block(out: list[str], ident: str, region: Region) -> None:
    out.append(f'<TextBlock ID="{ident}" {_position(region.box)} LANG="zh">')
    for line_number, line in enumerate(region.lines, 1):
        line_id = f"{ident}l{line_number}"
        out.append(f'<TextLine ID="{line_id}" {_position(line.box)}>')
        for word_number, word in enumerate(line.words(), 1):
            if word_number > 1:
                out.append("<SP/>")
            _string(out, f"{line_id}s{word_number}", word)
        out.append("</TextLine>")
    out.append("</TextBlock>")


def alto_xml(page: CorpusPage, image: str) -> bytes:
    """An ALTO document for one page; ``image`` is the page image's file name."""
    width, height = page_size(page)
    printed = f" PRINTED_IMG_NR={xml_attr(page.printed_page)}" if page.printed_page else ""
    out = [
        '<?xml version="1.0" encoding="UTF-8"?>',
        f'<alto xmlns="{NS}" xmlns:xsi="{XSI}" xsi:schemaLocation="{SCHEMA}">',
        "<Description><MeasurementUnit>pixel</MeasurementUnit>"
        f"<sourceImageInformation><fileName>{xml_text(image)}</fileName></sourceImageInformation>"
        '<Processing ID="xzannot"><processingStepDescription>'
        f"{xml_text(f'corrected text of {page.source}, page {page.number}')}"
        "</processingStepDescription><processingSoftware><softwareName>xzannot</softwareName>"
        f"<softwareVersion>{xml_text(__version__)}</softwareVersion></processingSoftware>"
        "</Processing></Description>",
        f'<Layout><Page ID="page{page.number}" PHYSICAL_IMG_NR="{page.number}"{printed} '
        f'WIDTH="{width}" HEIGHT="{height}">',
    ]
    regions = page_regions(page)
    order = {id(region): number for number, region in enumerate(regions, 1)}  # reading order
    body = [r for r in regions if r.kind in BODY_KINDS]
    top = [r for r in regions if r.kind not in BODY_KINDS and r.box[1] < page.height / 2]
    bottom = [r for r in regions if r.kind not in BODY_KINDS and r.box[1] >= page.height / 2]
    for margin, members in (("TopMargin", top), ("BottomMargin", bottom), ("PrintSpace", body)):
        if not members:
            continue
        box = union(r.box for r in members)
        assert box is not None
        out.append(f'<{margin} ID="{margin.lower()}" {_position(box)}>')
        for region in members:
            _block(out, f"b{order[id(region)]}", region)
        out.append(f"</{margin}>")
    out.append("</Page></Layout></alto>\n")
    return "\n".join(out).encode("utf-8")
