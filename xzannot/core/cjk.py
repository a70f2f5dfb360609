"""Character classes of Chinese text: ideographs, CJK punctuation, display width."""

from __future__ import annotations

import unicodedata

CJK_PUNCTUATION = set("，。、；：？！（）《》〈〉「」『』【】〔〕“”‘’…—·～")


def is_ideograph(ch: str) -> bool:
    """A Han character (including the radical blocks and 〇)."""
    cp = ord(ch)
    return (
        0x4E00 <= cp <= 0x9FFF
        or 0x3400 <= cp <= 0x4DBF
        or 0xF900 <= cp <= 0xFAFF
        or 0x20000 <= cp <= 0x3FFFF
        or 0x2E80 <= cp <= 0x2FDF
        or ch == "〇"
    )


def is_cjk_punctuation(ch: str) -> bool:
    """Full-width punctuation of Chinese text."""
    cp = ord(ch)
    return ch in CJK_PUNCTUATION or 0x3000 < cp <= 0x303F or 0xFF01 <= cp <= 0xFF0F


def is_cjk(ch: str) -> bool:
    """An ideograph or a piece of Chinese punctuation."""
    return is_ideograph(ch) or is_cjk_punctuation(ch)


def display_width(text: str) -> int:
    """Columns a monospaced terminal gives the text: wide and full-width characters take two."""
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)
