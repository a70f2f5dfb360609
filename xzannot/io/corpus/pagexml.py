"""PAGE XML (schema 2019-07-15): regions, lines, words and glyphs with their coordinates.

Written as text, element by element: a page holds thousands of glyphs, each four
elements deep, and building a tree for them first would cost several times as much.
"""

from __future__ import annotations

from collections.abc import Sequence
from datetime import datetime

from xzannot import __version__
from xzannot.core.boxes import Box, union
from xzannot.core.corpus import CorpusPage
from xzannot.io.corpus.regions import (
    DPI,
    Glyph,
    Region,
    page_regions,
    page_size,
    pixels,
    xml_attr,
    xml_char,
    xml_text,
)

NS = "http://schema.primaresearch.org/PAGE/gts/pagecontent/2019-07-15"
SCHEMA = f"{NS} {NS}/pagecontent.xsd"
XSI = "http://www.w3.org/2001/XMLSchema-instance"


def _coords(box: Box) -> str:
    left, top, right, bottom = pixels(box)
    return f'<Coords points="{left},{top} {right},{top} {right},{bottom} {left},{bottom}"/>'


def _text(text: str, conf: float | None = None) -> str:
    attr = "" if conf is None else f' conf="{min(1.0, max(0.0, conf)):.3f}"'
    return f"<TextEquiv{attr}><Unicode>{xml_text(text)}</Unicode></TextEquiv>"


def _least(glyphs: Sequence[Glyph]) -> float | None:
    """A word's confidence: its least sure glyph's (None when no glyph has one)."""
    known = [g.conf for g in glyphs if g.conf is not None]
    return min(known) if known else None


def _glyphs(out: list[str], ident: str, glyphs: Sequence[Glyph]) -> None:
    append = out.append  # a page holds thousands of glyphs: no call but what each needs
    for number, (char, box, conf) in enumerate(glyphs, 1):
        if box is None:
            continue
        left, top, right, bottom = pixels(box)
        attr = "" if conf is None else f' conf="{min(1.0, max(0.0, conf)):.3f}"'
        append(
            f'<Glyph id="{ident}g{number}"><Coords points="{left},{top} {right},{top} '
            f'{right},{bottom} {left},{bottom}"/><TextEquiv{attr}><Unicode>{xml_char(char)}'
            "</Unicode></TextEquiv></Glyph>"
        )


def _region(out: list[str], ident: str, region: Region) -> None:
    if region.kind == "table":  # a TableRegion holding a text region of its rows
        out.append(f'<TableRegion id="{ident}">{_coords(region.box)}')
        _text_region(out, f"{ident}t", region, "other")
        out.append("</TableRegion>")
    else:
        _text_region(out, ident, region, region.kind)


def _text_region(out: list[str], ident: str, region: Region, kind: str) -> None:
    out.append(f'<TextRegion id="{ident}" type="{kind}">{_coords(region.box)}')
    for line_number, line in enumerate(region.lines, 1):
        line_id = f"{ident}l{line_number}"
        out.append(f'<TextLine id="{line_id}">{_coords(line.box)}')
        for word_number, word in enumerate(line.words(), 1):
            word_id = f"{line_id}w{word_number}"
            box = union(g.box for g in word)
            assert box is not None  # words are made of glyphs with boxes
            out.append(f'<Word id="{word_id}">{_coords(box)}')
            _glyphs(out, word_id, word)
            out.append(f"{_text(''.join(g.char for g in word), _least(word))}</Word>")
        out.append(f"{_text(line.text)}</TextLine>")
    out.append(f"{_text(region.text)}</TextRegion>")


def page_xml(page: CorpusPage, image: str, when: datetime) -> bytes:
    """A PAGE XML document for one page; ``image`` is the page image's file name."""
    stamp = when.replace(microsecond=0).isoformat()
    comment = (
        f"{page.document}, page {page.number}"
        + (f" (printed {page.printed_page})" if page.printed_page else "")
        + f"; corrected text; coordinates in pixels at {DPI} dpi of {page.source}"
    )
    width, height = page_size(page)
    regions = page_regions(page)
    out = [
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
    for index, region in enumerate(regions, 1):
        _region(out, f"r{index}", region)
    out.append("</Page></PcGts>\n")
    return "\n".join(out).encode("utf-8")
