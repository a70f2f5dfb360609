"""A page's text layer as pdfium sees it: one character and one box per code point."""

from __future__ import annotations

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c

from xzannot.core.boxes import Box

_CR, _LF = 0x0D, 0x0A
_HIGH = range(0xD800, 0xDC00)
_LOW = range(0xDC00, 0xE000)
_IGNORED = {0x0000, 0xFFFE, 0xFFFF}


def page_text_and_boxes(page: pdfium.PdfPage, height: float) -> tuple[str, list[Box | None]]:
    """The page's characters in content-stream order and a box for each.

    pdfium's character list holds UTF-16 units plus the spaces and line breaks
    it infers ("generated" characters, which get no box). Surrogate pairs are
    joined into one code point, ``\\r\\n`` becomes ``\\n``, and boxes are turned
    into top-left-origin coordinates.
    """
    textpage = page.get_textpage()
    try:
        count = pdfium_c.FPDFText_CountChars(textpage)
        get_unicode = pdfium_c.FPDFText_GetUnicode
        get_box = pdfium_c.FPDFText_GetCharBox
        is_generated = pdfium_c.FPDFText_IsGenerated
        left, right, bottom, top = (pdfium_c.c_double() for _ in range(4))
        refs = (
            pdfium_c.byref(left),
            pdfium_c.byref(right),
            pdfium_c.byref(bottom),
            pdfium_c.byref(top),
        )
        chars: list[str] = []
        boxes: list[Box | None] = []
        pending_high: int | None = None
        for index in range(count):
            code = get_unicode(textpage, index)
            if code in _IGNORED or code == _CR:
                continue
            if code in _HIGH:
                pending_high = code
                continue
            box: Box | None = None
            if (
                code != _LF
                and not is_generated(textpage, index)
                and get_box(textpage, index, *refs)
            ):
                box = (left.value, height - top.value, right.value, height - bottom.value)
            if code in _LOW:
                if pending_high is None:
                    continue
                code = 0x10000 + ((pending_high - 0xD800) << 10) + (code - 0xDC00)
            pending_high = None
            chars.append(chr(code))
            boxes.append(box)
        return "".join(chars), boxes
    finally:
        textpage.close()
