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
from math import isnan

Box = tuple[float, float, float, float]

_NAN = float("nan")
_EMPTY: Box = (_NAN, _NAN, _NAN, _NAN)


def _float32_bytes(values: Iterable[float]) -> bytes:
    packed = array("f", values)
    if sys.byteorder == "big":
        packed.byteswap()
    return packed.tobytes()


def _float32_values(blob: bytes) -> array[float]:
    values = array("f")
    values.frombytes(blob)
    if sys.byteorder == "big":
        values.byteswap()
    return values


def pack_boxes(boxes: Iterable[Box | None]) -> bytes:
    """Pack boxes into little-endian float32 bytes, four values per character."""
    return _float32_bytes(chain.from_iterable(_EMPTY if box is None else box for box in boxes))


def unpack_boxes(blob: bytes | None) -> list[Box | None]:
    """Inverse of :func:`pack_boxes`; NaN boxes come back as ``None``."""
    if not blob:
        return []
    values = iter(_float32_values(blob).tolist())
    return [
        None if isnan(left) else (left, top, right, bottom)  # NaN: no box
        for left, top, right, bottom in zip(values, values, values, values, strict=False)
    ]


def pack_floats(values: Iterable[float | None]) -> bytes:
    """Pack one optional float per character (a confidence) as little-endian float32."""
    return _float32_bytes(_NAN if v is None else v for v in values)


def unpack_floats(blob: bytes | None) -> list[float | None]:
    """Inverse of :func:`pack_floats`; NaN comes back as ``None``."""
    if not blob:
        return []
    return [None if math.isnan(v) else v for v in _float32_values(blob)]


def union(boxes: Iterable[Box | None]) -> Box | None:
    """The smallest rectangle holding every box given (None when none has a box)."""
    real = [b for b in boxes if b is not None]
    if not real:
        return None
    lefts, tops, rights, bottoms = zip(*real, strict=True)
    return (min(lefts), min(tops), max(rights), max(bottoms))


def printed_lines(boxes: Sequence[Box | None], start: int, end: int) -> list[tuple[int, int]]:
    """``[start, end)`` cut into the ranges that sit on one printed line each.

    Consecutive characters stay on a line while they overlap it vertically and run
    on to the right; a jump back left or down starts a new one. A character without
    a box stays on the line it is in.
    """
    ranges: list[tuple[int, int]] = []
    first = start
    rect: Box | None = None
    for index in range(start, end):
        box = boxes[index]
        if box is None:
            continue
        if rect is not None:
            left, top, right, bottom = rect
            b_left, b_top, b_right, b_bottom = box
            # small marks (。、，) sit low in the line: compare with the smaller height
            # (comparisons, not min() and max(): this runs for every character of a page)
            overlap = (bottom if bottom < b_bottom else b_bottom) - (top if top > b_top else b_top)
            height, b_height = bottom - top, b_bottom - b_top
            same_line = overlap > 0.25 * (height if height < b_height else b_height)
            if same_line and b_left >= left - 1:
                rect = (
                    left,
                    top if top <= b_top else b_top,
                    right if right >= b_right else b_right,
                    bottom if bottom >= b_bottom else b_bottom,
                )
                continue
            ranges.append((first, index))
            first = index
        rect = box
    if first < end:
        ranges.append((first, end))
    return ranges


def line_rects(boxes: Sequence[Box | None], start: int, end: int) -> list[Box]:
    """The boxes of ``[start, end)`` merged into one rectangle per printed line."""
    rects = (union(boxes[a:b]) for a, b in printed_lines(boxes, start, end))
    return [rect for rect in rects if rect is not None]
