"""PAGE XML (schema 2019-07-15): regions, lines, words and glyphs with their coordinates.

Written as text, element by element: a page holds thousands of glyphs, each four
elements deep, and building a tree for them first would cost several times as much.
"""

from __future__ import annotations

from datetime import datetime

from xzannot import __version__
from xzannot.core.boxes import Box
from xzannot.core.corpus import CorpusPage
from xzannot.io.corpus.regions import (
    DPI,
    Glyphs,
    Line,
    PageLayout,
    Pieces,
    Region,
    confidence_attrs,
    glyph_numbers,
    numerals,
    page_layout,
    page_size,
    pixels,
    spelled,
    xml_attr,
    xml_chars,
    xml_document,
    xml_text,
)

NS = "http://schema.primaresearch.org/PAGE/gts/pagecontent/2019-07-15"
SCHEMA = f"{NS} {NS}/pagecontent.xsd"
XSI = "http://www.w3.org/2001/XMLSchema-instance"


def _coords(box: Box) -> str:
    left, top, right, bottom = pixels(box)
    return f'<Coords points="{left},{top} {right},{top} {right},{bottom} {left},{bottom}"/>'


def _text(text: str, conf: float | None = None) -> str:
    return _text_equiv(xml_text(text), conf)


def _text_equiv(xml: str, conf: float | None = None) -> str:
    attr = "" if conf is None else f' conf="{min(1.0, max(0.0, conf)):.3f}"'
    return f"<TextEquiv{attr}><Unicode>{xml}</Unicode></TextEquiv>"


def _glyphs(layout: PageLayout) -> Glyphs:
    """Every glyph's element of the page, made at once, but for its word's identifier."""
    lines, numbers = glyph_numbers(layout)
    left, top, right, bottom = (numerals(column) for column in layout.pixels().T)
    chars = spelled(xml_chars(layout.text))
    if not layout.confidences:  # no conf attribute on any glyph
        ends = [
            f'{n}"><Coords points="{x},{y} {r},{y} {r},{b} {x},{b}"/><TextEquiv><Unicode>{char}'
            "</Unicode></TextEquiv></Glyph>"
            for n, x, y, r, b, char in zip(numbers, left, top, right, bottom, chars, strict=True)
        ]
        return Glyphs(layout, ends, lines)
    confs = confidence_attrs("conf", layout.confidences, len(layout.text))
    ends = [
        f'{n}"><Coords points="{x},{y} {r},{y} {r},{b} {x},{b}"/><TextEquiv{conf}><Unicode>{char}'
        "</Unicode></TextEquiv></Glyph>"
        for n, x, y, r, b, conf, char in zip(
            numbers, left, top, right, bottom, confs, chars, strict=True
        )
    ]
    return Glyphs(layout, ends, lines)


def _region(out: Pieces, ident: str, region: Region, glyphs: Glyphs) -> None:
    if region.kind == "table":  # a TableRegion holding a text region of its rows
        out.append(f'<TableRegion id="{ident}">{_coords(region.box)}')
        _text_region(out, f"{ident}t", region, "other", glyphs)
        out.append("</TableRegion>")
    else:
        _text_region(out, ident, region, region.kind, glyphs)


def _text_region(out: Pieces, ident: str, region: Region, kind: str, glyphs: Glyphs) -> None:
    out.append(f'<TextRegion id="{ident}" type="{kind}">{_coords(region.box)}')
    texts = [
        _line(out, f"{ident}l{number}", line, glyphs) for number, line in enumerate(region.lines, 1)
    ]
    text = "\n".join(texts)  # as XML: each line's, escaped once
    out.append(f"<TextEquiv><Unicode>{text}</Unicode></TextEquiv></TextRegion>")


def _line(out: Pieces, ident: str, line: Line, glyphs: Glyphs) -> str:
    """Write a line with its words and glyphs; give back its text as XML."""
    layout = glyphs.layout
    coords = _coords(line.box)
    text = xml_text(layout.text[line.start : line.end])
    out.append(f'<TextLine id="{ident}">{coords}')
    for number, word in enumerate(glyphs.words(line), 1):
        word_id = f"{ident}w{number}"
        least = layout.least(word)
        if word.box is line.box:  # the whole line (as in Chinese): its box, its text
            out.append(f'<Word id="{word_id}">{coords}')
            word_text = _text_equiv(text, least)
        else:
            out.append(f'<Word id="{word_id}">{_coords(word.box)}')
            word_text = _text(layout.text[word.start : word.end], least)
        out.append(glyphs.of_word(word, f'<Glyph id="{word_id}g'))
        out.append(f"{word_text}</Word>")
    out.append(f"<TextEquiv><Unicode>{text}</Unicode></TextEquiv></TextLine>")
    return text


def page_xml(page: CorpusPage, image: str, when: datetime) -> bytes:
    """A PAGE XML document for one page; ``image`` is the page image's file name."""
    stamp = when.replace(microsecond=0).isoformat()
    comment = (
        f"{page.document}, page {page.number}"
        + (f" (printed {page.printed_page})" if page.printed_page else "")
        + f"; corrected text; coordinates in pixels at {DPI} dpi of {page.source}"
    )
    width, height = page_size(page)
    layout = page_layout(page)
    regions = layout.regions
    out: Pieces = [
        '<?xml version="1.0" encoding="UTF-8"?>',
        f'<PcGts xmlns="{NS}" xmlns:xsi="{XSI}" xsi:schemaLocation="{SCHEMA}">',
        f"<Metadata><Creator>xzannot {xml_text(__version__)}</Creator>"
        f"<Created>{stamp}</Created><LastChange>{stamp}</LastChange>"
        f"<Comments>{xml_text(comment)}</Comments></Metadata>",
        f'<Page imageFilename={xml_attr(image)} imageWidth="{width}" imageHeight="{height}" '
        f'imageXResolution="{DPI}" imageYResolution="{DPI}" imageResolutionUnit="PPI" '
        'primaryLanguage="Chinese">',
    ]
    if regions:
        out.append('<ReadingOrder><OrderedGroup id="ro1">')
        out.extend(
            f'<RegionRefIndexed index="{i}" regionRef="r{i + 1}"/>' for i in range(len(regions))
        )
        out.append("</OrderedGroup></ReadingOrder>")
    glyphs = _glyphs(layout)
    for index, region in enumerate(regions, 1):
        _region(out, f"r{index}", region, glyphs)
    out.append("</Page></PcGts>\n")
    return xml_document(out)
