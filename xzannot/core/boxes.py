"""Character boxes, stored compactly as one float32 array per page.

A box is ``(left, top, right, bottom)`` in PDF points with the origin at the
top-left corner of the page (y grows downwards, as on screen). A character
without a box (a generated space, a typed character) is stored as four NaNs.
"""

from __future__ import annotations

import math
import sys
from array import array
from collections.abc import Iterable, Sequence
from itertools import chain

Box = tuple[float, float, float, float]

_NAN = float("nan")
_EMPTY: Box = (_NAN, _NAN, _NAN, _NAN)


def pack_boxes(boxes: Iterable[Box | None]) -> bytes:
    """Pack boxes into little-endian float32 bytes, four values per character."""
    values = array("f", chain.from_iterable(_EMPTY if box is None else box for box in boxes))
    if sys.byteorder == "big":
        values.byteswap()
    return values.tobytes()


def unpack_boxes(blob: bytes | None) -> list[Box | None]:
    """Inverse of :func:`pack_boxes`; NaN boxes come back as ``None``."""
    if not blob:
        return []
    values = array("f")
    values.frombytes(blob)
    if sys.byteorder == "big":
        values.byteswap()
    out: list[Box | None] = []
    for i in range(0, len(values), 4):
        left, top, right, bottom = values[i : i + 4]
        out.append(None if math.isnan(left) else (left, top, right, bottom))
    return out


def line_rects(boxes: Sequence[Box | None], start: int, end: int) -> list[Box]:
    """The boxes of ``[start, end)`` merged into one rectangle per printed line.

    Consecutive characters join the same rectangle while they overlap vertically
    and run on to the right; a jump back left or down starts a new one.
    """
    rects: list[Box] = []
    for box in boxes[start:end]:
        if box is None:
            continue
        if rects:
            left, top, right, bottom = rects[-1]
            height = bottom - top
            same_line = box[1] < bottom - height / 3 and box[3] > top + height / 3
            if same_line and box[0] >= left - 1:
                rects[-1] = (left, min(top, box[1]), max(right, box[2]), max(bottom, box[3]))
                continue
        rects.append(box)
    return rects
