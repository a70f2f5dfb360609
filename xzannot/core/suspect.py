"""Text layers that do not say what the page shows: garbage from fonts without a usable
Unicode map, text in private-use code points, glyphs placed off the page.

Such a page is flagged, with the reason in words and the advice to OCR it, rather than
corrected as if its text were right.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Sequence

from xzannot.core.boxes import Box

_SYMBOLS = 0.4  # share of stray ASCII symbols: real pages stay below 0.2, garbage above 0.6
_UNMAPPED = 0.2  # share of private-use, replacement or control characters
_OFF_PAGE = 0.2  # share of glyphs whose box lies outside the page
_MIN_GLYPHS = 20  # too few characters to judge


def _unmapped(ch: str) -> bool:
    return 0xE000 <= ord(ch) <= 0xF8FF or ch == "\ufffd" or unicodedata.category(ch) == "Cc"


def suspect_layer(
    text: str, boxes: Sequence[Box | None], width: float, height: float
) -> str | None:
    """Why the page's text layer cannot be trusted, in words, or None if nothing says so."""
    chars = [ch for ch in text if not ch.isspace()]
    if len(chars) < _MIN_GLYPHS:
        return None
    symbols = sum(1 for ch in chars if ch.isascii() and not ch.isalnum()) / len(chars)
    if symbols > _SYMBOLS:
        return (
            f"the text layer is mostly stray symbols ({symbols:.0%}), not what the page shows "
            "(a font without a usable Unicode map); OCR the page"
        )
    unmapped = sum(map(_unmapped, chars)) / len(chars)
    if unmapped > _UNMAPPED:
        return (
            f"{unmapped:.0%} of the text layer's characters have no Unicode meaning "
            "(private-use or replacement characters); OCR the page"
        )
    placed = [b for b in boxes if b is not None]
    if placed and width > 0 and height > 0:
        off = sum(1 for b in placed if b[2] < 0 or b[0] > width or b[3] < 0 or b[1] > height) / len(
            placed
        )
        if off > _OFF_PAGE:
            return f"{off:.0%} of the text layer lies outside the page; OCR the page"
    return None
