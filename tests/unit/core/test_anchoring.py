"""Spans and boxes follow edits: properties checked over random texts, spans and edits."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from xzannot.core.anchoring import anchor, anchor_many
from xzannot.core.edits import Edit, apply_edit, follow, inverse, origin_map


@st.composite
def text_and_edit(draw: st.DrawFn) -> tuple[str, Edit]:
    text = draw(st.text(alphabet="加强全面优质的公共服务𠀀ab ", min_size=1, max_size=40))
    start = draw(st.integers(0, len(text)))
    end = draw(st.integers(start, len(text)))
    replacement = draw(st.text(alphabet="改正字𠀁x", max_size=8))
    if draw(st.booleans()):  # a reordering edit: the replacement carries characters it moved
        pool = list(range(start, end))
        origins = tuple(
            draw(st.sampled_from(pool)) if pool and draw(st.booleans()) else -1 for _ in replacement
        )
        origins = tuple(o if o not in origins[:i] else -1 for i, o in enumerate(origins))
        replacement = "".join(
            text[o] if o >= 0 else ch for o, ch in zip(origins, replacement, strict=True)
        )
        return text, Edit(start, end, replacement, origins)
    return text, Edit(start, end, replacement)


@st.composite
def span_in(draw: st.DrawFn, length: int) -> tuple[int, int]:
    start = draw(st.integers(0, max(0, length - 1)))
    return start, draw(st.integers(start + 1, max(start + 1, length)))


@given(text_and_edit(), st.data())
def test_a_span_keeps_every_character_that_survives(
    case: tuple[str, Edit], data: st.DataObject
) -> None:
    text, edit = case
    start, end = data.draw(span_in(len(text)))
    after = apply_edit(text, edit)
    origins = origin_map(len(text), edit)
    assert len(origins) == len(after)
    survivors = [i for i, o in enumerate(origins) if start <= o < end]
    placed = anchor(start, end, len(text), edit)
    if not survivors:
        assert placed is None  # orphaned, never silently moved elsewhere
        return
    assert placed is not None
    new_start, new_end = placed
    assert all(new_start <= i < new_end for i in survivors)
    # tight: the span begins and ends on characters it had
    assert start <= origins[new_start] < end and start <= origins[new_end - 1] < end
    if edit.origins is not None:  # a moved character is the same character
        assert all(after[i] == text[origins[i]] for i in survivors)


@given(text_and_edit())
def test_the_inverse_edit_restores_text_and_surviving_spans(case: tuple[str, Edit]) -> None:
    text, edit = case
    after = apply_edit(text, edit)
    back = inverse(text, edit)
    assert apply_edit(after, back) == text
    spans = [(i, i + 1) for i in range(len(text))]
    there = anchor_many(spans, len(text), edit)
    for (start, end), placed in zip(spans, there, strict=True):
        if placed is not None:  # the character survived the edit: it comes back home
            assert anchor(*placed, len(after), back) == (start, end)


@given(text_and_edit())
def test_boxes_follow_their_characters(case: tuple[str, Edit]) -> None:
    text, edit = case
    boxes = [(float(i), 0.0, float(i) + 1, 1.0) for i in range(len(text))]
    moved = follow(boxes, edit)
    after = apply_edit(text, edit)
    assert len(moved) == len(after)
    for i, origin in enumerate(origin_map(len(text), edit)):
        assert moved[i] == (boxes[origin] if origin >= 0 else None)


def test_typing_over_a_misread_character_keeps_its_box() -> None:
    edit = Edit(2, 4, "说明")  # "说阴" misread
    assert follow(["a", "b", "c", "d", "e"], edit) == ["a", "b", "c", "d", "e"]
    longer = Edit(1, 2, "xyz")
    assert follow(["a", "b", "c"], longer) == ["a", "b", None, None, "c"]
