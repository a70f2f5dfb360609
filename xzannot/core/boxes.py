"""Character boxes, stored compactly as one float32 array per page.

A box is ``(left, top, right, bottom)`` in PDF points with the origin at the
top-left corner of the page (y grows downwards, as on screen). A character
without a box (a generated space, a typed character) is stored as four NaNs.
"""

from __future__ import annotations

import sys
from array import array
from collections.abc import Iterable, Sequence
from itertools import chain, compress
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
    values = _float32_values(blob).tolist()
    quads = iter(values)
    boxes: list[Box | None] = list(zip(quads, quads, quads, quads, strict=False))
    for index in _nans(values[: 4 * len(boxes) : 4]):  # NaN: no box
        boxes[index] = None
    return boxes


def _nans(values: list[float]) -> list[int]:
    """Where ``values`` are NaN (found without a loop in Python: pages hold thousands)."""
    return list(compress(range(len(values)), map(isnan, values)))


def pack_floats(values: Iterable[float | None]) -> bytes:
    """Pack one optional float per character (a confidence) as little-endian float32."""
    return _float32_bytes(_NAN if v is None else v for v in values)


def unpack_floats(blob: bytes | None) -> list[float | None]:
    """Inverse of :func:`pack_floats`; NaN comes back as ``None``."""
    if not blob:
        return []
    values = _float32_values(blob).tolist()
    found: list[float | None] = list(values)
    for index in _nans(values):
        found[index] = None
    return found


def union(boxes: Iterable[Box | None]) -> Box | None:
    """The smallest rectangle holding every box given (None when none has a box)."""
    real = filter(None, boxes)  # a box is never empty: only None is left out
    first = next(real, None)
    if first is None:
        return None
    # one pass of the comparisons min() and max() make (the first of equals is kept): a few
    # times as fast as min() and max() of each side, and this runs for every printed line
    left, top, right, bottom = first
    for b_left, b_top, b_right, b_bottom in real:
        left = b_left if b_left < left else left
        top = b_top if b_top < top else top
        right = b_right if b_right > right else right
        bottom = b_bottom if b_bottom > bottom else bottom
    return (left, top, right, bottom)


def printed_lines(boxes: Sequence[Box | None], start: int, end: int) -> list[tuple[int, int]]:
    """``[start, end)`` cut into the ranges that sit on one printed line each.

    Consecutive characters stay on a line while they overlap it vertically and run
    on to the right; a jump back left or down starts a new one. A character without
    a box stays on the line it is in.
    """
    ranges: list[tuple[int, int]] = []
    first = start
    seen = False  # whether the line begun at ``first`` has a box yet
    limit = top = bottom = 0.0  # how far left the line's next box may start; its top, bottom
    # comparisons, not min() and max(), and the most common case first: this runs for
    # every character of a page
    for index, box in enumerate(boxes[start:end], start):
        if box is None:
            continue
        b_left, b_top, _, b_bottom = box
        if seen and b_left >= limit:
            if top <= b_top and b_bottom <= bottom:  # within the line's height: on it
                if b_top < b_bottom:
                    continue
            else:
                # small marks (。、，) sit low in the line: compare with the smaller height
                overlap = (bottom if bottom < b_bottom else b_bottom) - (
                    top if top > b_top else b_top
                )
                height, b_height = bottom - top, b_bottom - b_top
                if overlap > 0.25 * (height if height < b_height else b_height):
                    top = top if top <= b_top else b_top
                    bottom = bottom if bottom >= b_bottom else b_bottom
                    continue
        if seen:
            ranges.append((first, index))
            first = index
        seen = True
        limit, top, bottom = b_left - 1, b_top, b_bottom
    if first < end:
        ranges.append((first, end))
    return ranges


def line_rects(boxes: Sequence[Box | None], start: int, end: int) -> list[Box]:
    """The boxes of ``[start, end)`` merged into one rectangle per printed line."""
    rects = (union(boxes[a:b]) for a, b in printed_lines(boxes, start, end))
    return [rect for rect in rects if rect is not None]
