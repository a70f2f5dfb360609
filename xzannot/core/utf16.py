"""Converting offsets between Python strings (code points) and Qt (UTF-16 code units).

xzannot counts offsets in code points everywhere; Qt's text classes count UTF-16
units, so a character outside the Basic Multilingual Plane (e.g. 𠀀, U+20000)
takes one position in Python and two in Qt.
"""

from __future__ import annotations

from bisect import bisect_right


class Utf16Map:
    """Offsets of one text in both units; cheap when the text is all BMP."""

    def __init__(self, text: str) -> None:
        self._astral = [i for i, ch in enumerate(text) if ord(ch) > 0xFFFF]
        self.length = len(text)

    def to_utf16(self, offset: int) -> int:
        """The UTF-16 position of code-point ``offset``."""
        return offset + bisect_right(self._astral, offset - 1)

    def from_utf16(self, position: int) -> int:
        """The code-point offset of UTF-16 ``position`` (the middle of a pair maps to its start)."""
        if not self._astral:
            return position
        low, high = 0, self.length
        while low < high:  # the largest offset whose UTF-16 position is <= position
            middle = (low + high + 1) // 2
            if self.to_utf16(middle) <= position:
                low = middle
            else:
                high = middle - 1
        return low
