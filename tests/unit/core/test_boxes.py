from __future__ import annotations

import math

from hypothesis import given
from hypothesis import strategies as st

from xzannot.core.boxes import pack_boxes, unpack_boxes

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
