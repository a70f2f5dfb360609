"""ALTO v4.4: text blocks, lines, strings and glyphs with their positions, in pixels.

Written as text, element by element, like the PAGE XML writer and for the same reason.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from xzannot import __version__
from xzannot.core.boxes import Box, union
from xzannot.core.corpus import CorpusPage
from xzannot.io.corpus.regions import (
    BODY_KINDS,
    Glyphs,
    PageLayout,
    Pieces,
    Region,
    Word,
    confidence_attrs,
    glyph_numbers,
    numerals,
    page_layout,
    page_size,
    pixels,
    spelled,
    xml_attr,
    xml_char_attrs,
    xml_chars,
    xml_document,
    xml_text,
)

NS = "http://www.loc.gov/standards/alto/ns-v4#"
SCHEMA = f"{NS} http://www.loc.gov/alto/v4/alto-4-4.xsd"
XSI = "http://www.w3.org/2001/XMLSchema-instance"


def _position(box: Box) -> str:
    left, top, right, bottom = pixels(box)
    return f'HPOS="{left}" VPOS="{top}" WIDTH="{right - left}" HEIGHT="{bottom - top}"'


_QUOTES = re.compile("[\"']")


def _contents(text: str) -> tuple[Sequence[str], str]:
    """Every glyph's CONTENT attribute value (:func:`spelled`), and the quote to put either
    side of it.

    Without quotes in the text, a character that is not white space is quoted as
    :func:`xml_char_attr` quotes it: its :func:`xml_char` between double quotes (white space,
    which quoted would differ, is in no word, and never written as a glyph).
    """
    if _QUOTES.search(text):
        return spelled(xml_char_attrs(text)), ""  # each as quoted by xml_char_attr
    return spelled(xml_chars(text)), '"'


def _glyphs(layout: PageLayout) -> Glyphs:
    """Every glyph's element of the page, made at once, but for its word's identifier."""
    lines, numbers = glyph_numbers(layout)
    left, top, right, bottom = layout.pixels().T
    position = (numerals(left), numerals(top), numerals(right - left), numerals(bottom - top))
    chars, q = _contents(layout.text)
    if not layout.confidences:  # no GC attribute on any glyph
        ends = [
            f'{n}" CONTENT={q}{c}{q} HPOS="{x}" VPOS="{y}" WIDTH="{w}" HEIGHT="{h}"/>'
            for n, c, x, y, w, h in zip(numbers, chars, *position, strict=True)
        ]
        return Glyphs(layout, ends, lines)
    confs = confidence_attrs("GC", layout.confidences, len(layout.text))
    ends = [
        f'{n}" CONTENT={q}{c}{q} HPOS="{x}" VPOS="{y}" WIDTH="{w}" HEIGHT="{h}"{conf}/>'
        for n, c, x, y, w, h, conf in zip(numbers, chars, *position, confs, strict=True)
    ]
    return Glyphs(layout, ends, lines)


def _string(out: Pieces, ident: str, word: Word, position: str, glyphs: Glyphs) -> None:
    layout = glyphs.layout
    content = xml_attr(layout.text[word.start : word.end])
    least = layout.least(word)
    wc = "" if least is None else f' WC="{min(1.0, max(0.0, least)):.3f}"'
    out.append(f'<String ID="{ident}" CONTENT={content} {position}{wc}>')
    out.append(glyphs.of_word(word, f'<Glyph ID="{ident}g'))
    out.append("</String>")


def _block(out: Pieces, ident: str, region: Region, glyphs: Glyphs) -> None:
    if region.kind == "table":  # a composed block of type table around its rows
        out.append(f'<ComposedBlock ID="{ident}" TYPE="table" {_position(region.box)}>')
        _text_block(out, f"{ident}t", region, glyphs)
        out.append("</ComposedBlock>")
    else:
        _text_block(out, ident, region, glyphs)


def _text_block(out: Pieces, ident: str, region: Region, glyphs: Glyphs) -> None:
    out.append(f'<TextBlock ID="{ident}" {_position(region.box)} LANG="zh">')
    for line_number, line in enumerate(region.lines, 1):
        line_id = f"{ident}l{line_number}"
        position = _position(line.box)
        out.append(f'<TextLine ID="{line_id}" {position}>')
        for word_number, word in enumerate(glyphs.words(line), 1):
            if word_number > 1:
                out.append("<SP/>")
            # a word that is the whole line (as in Chinese) has the line's box itself
            where = position if word.box is line.box else _position(word.box)
            _string(out, f"{line_id}s{word_number}", word, where, glyphs)
        out.append("</TextLine>")
    out.append("</TextBlock>")


def alto_xml(page: CorpusPage, image: str) -> bytes:
    """An ALTO document for one page; ``image`` is the page image's file name."""
    width, height = page_size(page)
    printed = f" PRINTED_IMG_NR={xml_attr(page.printed_page)}" if page.printed_page else ""
    out: Pieces = [
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
    layout = page_layout(page)
    regions = layout.regions
    glyphs = _glyphs(layout)
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
            _block(out, f"b{order[id(region)]}", region, glyphs)
        out.append(f"</{margin}>")
    out.append("</Page></Layout></alto>\n")
    return xml_document(out)
