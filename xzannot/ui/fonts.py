"""Registering the shipped CJK fonts so Chinese renders without any system CJK font."""

from __future__ import annotations

from PySide6.QtGui import QFont, QFontDatabase

from xzannot.shipped import resource

SANS_FILE = "NotoSansCJKsc-Regular-subset.otf"
SERIF_FILE = "NotoSerifCJKsc-Regular-subset.otf"
SANS_FAMILY = "Noto Sans CJK SC"
SERIF_FAMILY = "Noto Serif CJK SC"

_registered: dict[str, str] = {}


def register_fonts() -> dict[str, str]:
    """Load the shipped fonts into Qt's font database (once); returns file -> family."""
    if _registered:
        return _registered
    for name in (SANS_FILE, SERIF_FILE):
        data = resource("fonts", name).read_bytes()
        font_id = QFontDatabase.addApplicationFontFromData(data)
        families = QFontDatabase.applicationFontFamilies(font_id) if font_id >= 0 else []
        if families:
            _registered[name] = families[0]
    return _registered


def cjk_font(point_size: float, *, serif: bool = False) -> QFont:
    """A font that renders Simplified Chinese, falling back to the shipped subsets."""
    register_fonts()
    family = SERIF_FAMILY if serif else SANS_FAMILY
    font = QFont(family)
    font.setFamilies([family, SANS_FAMILY])
    font.setPointSizeF(point_size)
    return font
