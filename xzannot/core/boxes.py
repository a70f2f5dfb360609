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


def union(boxes: Sequence[Box | None]) -> Box | None:
    """The smallest box holding every given box, or None if none has one."""
    real = [b for b in boxes if b is not None]
    if not real:
        return None
    return (
        min(b[0] for b in real),
        min(b[1] for b in real),
        max(b[2] for b in real),
        max(b[3] for b in real),
    )
