from __future__ import annotations

import math

from hypothesis import given
from hypothesis import strategies as st

from xzannot.core.boxes import pack_boxes, union, unpack_boxes

coord = st.floats(min_value=-1e4, max_value=1e4, allow_nan=False, width=32)
box = st.tuples(coord, coord, coord, coord)


@given(st.lists(st.one_of(st.none(), box), max_size=200))
def test_boxes_round_trip_through_float32_blob(boxes: list) -> None:
    blob = pack_boxes(boxes)
    assert len(blob) == 16 * len(boxes)
    back = unpack_boxes(blob)
    assert len(back) == len(boxes)
    for original, restored in zip(boxes, back, strict=True):
        if original is None:
            assert restored is None
        else:
            assert restored is not None
            assert all(
                math.isclose(a, b, rel_tol=1e-6) for a, b in zip(original, restored, strict=True)
            )


def test_empty_blob_means_no_boxes() -> None:
    assert unpack_boxes(None) == []
    assert unpack_boxes(b"") == []


side = st.one_of(st.floats(), st.sampled_from([0.0, -0.0, 1]), st.integers(-3, 3))


@given(st.lists(st.one_of(st.none(), st.tuples(side, side, side, side)), max_size=30))
def test_union_takes_each_side_as_min_and_max_take_it(boxes: list) -> None:
    real = [box for box in boxes if box is not None]
    expected = None
    if real:
        lefts, tops, rights, bottoms = zip(*real, strict=True)
        expected = (min(lefts), min(tops), max(rights), max(bottoms))
    # repr tells NaN, -0.0 and 0 from 0.0: the very values min() and max() keep
    assert repr(union(boxes)) == repr(union(iter(boxes))) == repr(expected)
