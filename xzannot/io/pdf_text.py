"""A page's text layer as pdfium sees it: one character and one box per code point."""

from __future__ import annotations

import pypdfium2 as pdfium
import pypdfium2.raw as pdfium_c

from xzannot.core.boxes import Box

_CR, _LF = 0x0D, 0x0A
_IGNORED = {0x0000, 0xFFFE, 0xFFFF}


def _units_in_one_call(handle: object, count: int) -> list[int] | None:
    """Every UTF-16 unit of the character list, read with one call, or None.

    pdfium's text buffer leaves out characters it deems non-printing; when its
    length differs from the character count, the units are not aligned with
    character indices and the caller reads them one by one instead.
    """
    buffer = (pdfium_c.c_ushort * (count + 1))()
    written = pdfium_c.FPDFText_GetText(handle, 0, count, buffer)
    if written - 1 != count:
        return None
    return list(buffer)[:count]


def page_text_and_boxes(
    page: pdfium.PdfPage, height: float, *, one_call: bool = True
) -> tuple[str, list[Box | None]]:
    """The page's characters in content-stream order and a box for each.

    pdfium's character list holds UTF-16 units plus the spaces and line breaks
    it infers ("generated" characters). Surrogate pairs are joined into one code
    point, ``\\r\\n`` becomes ``\\n``, and boxes are turned into top-left-origin
    coordinates. A character whose box has no area (generated characters, and
    spaces, which draw nothing) gets no box. ``one_call=False`` reads every
    character with its own call (the slower, always-aligned way).
    """
    textpage = page.get_textpage()
    try:
        handle = textpage.raw  # the bare handle: no wrapper lookup on each call
        count = pdfium_c.FPDFText_CountChars(handle)
        units = _units_in_one_call(handle, count) if one_call and count > 0 else None
        if units is None:
            get_unicode = pdfium_c.FPDFText_GetUnicode
            units = [get_unicode(handle, index) for index in range(count)]
        get_box = pdfium_c.FPDFText_GetCharBox
        left, right, bottom, top = (pdfium_c.c_double() for _ in range(4))
        # four plain locals: star-unpacking a tuple in each call doubles its cost
        r_left, r_right = pdfium_c.byref(left), pdfium_c.byref(right)
        r_bottom, r_top = pdfium_c.byref(bottom), pdfium_c.byref(top)
        chars: list[str] = []
        boxes: list[Box | None] = []
        add_char, add_box = chars.append, boxes.append
        pending_high: int | None = None
        for index, code in enumerate(units):
            if 0x20 < code < 0xD800:  # the common case: an ordinary visible character
                if get_box(handle, index, r_left, r_right, r_bottom, r_top):
                    x0, x1, y0, y1 = left.value, right.value, bottom.value, top.value
                    add_box((x0, height - y1, x1, height - y0) if x1 > x0 or y1 > y0 else None)
                else:
                    add_box(None)
                add_char(chr(code))
                continue
            if code in _IGNORED or code == _CR:
                continue
            if 0xD800 <= code < 0xDC00:
                pending_high = code
                continue
            box: Box | None = None
            if code != _LF and get_box(handle, index, r_left, r_right, r_bottom, r_top):
                x0, x1, y0, y1 = left.value, right.value, bottom.value, top.value
                if x1 > x0 or y1 > y0:
                    box = (x0, height - y1, x1, height - y0)
            point = code
            if 0xDC00 <= code < 0xE000:
                if pending_high is None:
                    continue
                point = 0x10000 + ((pending_high - 0xD800) << 10) + (code - 0xDC00)
            pending_high = None
            add_char(chr(point))
            add_box(box)
        return "".join(chars), boxes
    finally:
        textpage.close()


_THIN = 2.0  # points: a path this thin is a rule, not a shape
_LONG = 8.0  # points: and at least this long


def page_rules(page: pdfium.PdfPage, height: float) -> list[Box]:
    """The page's ruled lines (thin path objects, as tables are drawn), top-left origin.

    Read with pdfium's own calls over the page's objects (a wrapper object for each of a
    page's thousands of text objects would cost more than reading its text)."""
    handle = page.raw
    path = pdfium_c.FPDF_PAGEOBJ_PATH
    get_object, get_type = pdfium_c.FPDFPage_GetObject, pdfium_c.FPDFPageObj_GetType
    get_bounds = pdfium_c.FPDFPageObj_GetBounds
    left, bottom, right, top = (pdfium_c.c_float() for _ in range(4))
    refs = (
        pdfium_c.byref(left),
        pdfium_c.byref(bottom),
        pdfium_c.byref(right),
        pdfium_c.byref(top),
    )
    rules: list[Box] = []
    for index in range(pdfium_c.FPDFPage_CountObjects(handle)):
        obj = get_object(handle, index)
        if get_type(obj) != path or not get_bounds(obj, *refs):
            continue
        x0, y0, x1, y1 = left.value, bottom.value, right.value, top.value
        width, tall = x1 - x0, y1 - y0
        if (tall < _THIN and width > _LONG) or (width < _THIN and tall > _LONG):
            rules.append((x0, height - y1, x1, height - y0))
    return rules
