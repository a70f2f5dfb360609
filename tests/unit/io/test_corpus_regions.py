"""The page layout PAGE XML and ALTO are written from: worked out for a whole page at once,
it must give what working glyph by glyph gives."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from xzannot.core.boxes import Box, union
from xzannot.core.corpus import CorpusPage
from xzannot.io.corpus.regions import (
    SCALE,
    Line,
    PageLayout,
    numerals,
    page_layout,
    pixels,
    xml_char,
    xml_chars,
    xml_text,
)

# whole and half pixels (rounded half to even, as round() does), negatives, huge ones
_COORDINATES = st.one_of(
    st.floats(-20, 3000, allow_nan=False),
    st.integers(-10, 6000).map(lambda n: n / 2 / SCALE),
    st.integers(0, 100_000).map(float),
)
_BOXES = st.one_of(st.none(), st.tuples(*[_COORDINATES] * 4))


def _layout(text: str, boxes: list[Box | None]) -> PageLayout:
    page = CorpusPage(1, 1, "t", "t.pdf", 1, None, text, width=595, height=842, boxes=(*boxes,))
    return page_layout(page)


@settings(max_examples=200, deadline=None)
@given(st.lists(_BOXES, max_size=40))
def test_every_glyph_in_pixels_at_once_is_as_one_by_one(boxes: list[Box | None]) -> None:
    rects = _layout("字" * len(boxes), boxes).pixels()
    assert rects.shape == (len(boxes), 4)
    for box, rect in zip(boxes, rects.tolist(), strict=True):
        assert tuple(rect) == (pixels(box) if box is not None else (0, 0, 1, 1))
    for column in rects.T:
        assert numerals(column) == [str(n) for n in column.tolist()]


@settings(max_examples=200, deadline=None)
@given(
    st.lists(
        st.tuples(
            st.sampled_from("年鉴 \u3000\t2x"), st.one_of(st.none(), st.just((1.0, 2, 3, 4)))
        ),
        min_size=1,
        max_size=30,
    )
)
def test_words_are_the_runs_between_white_space_with_a_box(
    glyphs: list[tuple[str, Box | None]],
) -> None:
    text = "".join(char for char, _ in glyphs)
    boxes = [box for _, box in glyphs]
    line_box = union(boxes)
    if line_box is None:
        return
    layout = _layout(text, boxes)
    runs: list[list[int]] = [[]]
    for index, char in enumerate(text):
        runs.append([]) if char.isspace() else runs[-1].append(index)
    expected = [
        (run[0], run[-1] + 1, union(boxes[i] for i in run))
        for run in runs
        if run and any(boxes[i] is not None for i in run)
    ]
    found = layout.words(Line(0, len(text), line_box))
    assert [(w.start, w.end, w.box) for w in found] == expected


@given(st.text(max_size=30))
def test_characters_as_xml_all_at_once_are_as_one_by_one(text: str) -> None:
    assert list(xml_chars(text)) == [xml_char(c) for c in text]
    assert "".join(xml_chars(text)) == xml_text(text)
